import type { PoolClient } from 'pg';
import type { Checkpoint } from '../types';

/**
 * Reads a subscription's checkpoint and locks its row until the transaction ends, so two runners of the same
 * subscription never apply the same batch: the second waits, then continues from the first one's checkpoint.
 */
export async function lockCheckpoint(client: PoolClient, subscriptionId: string): Promise<Checkpoint> {
  await client.query({
    name: 'baoho_checkpoint_ensure',
    text: `INSERT INTO subscription_checkpoints (subscription_id) VALUES ($1) ON CONFLICT (subscription_id) DO NOTHING`,
    values: [subscriptionId],
  });
  const { rows } = await client.query<{ transaction_id: string; position: string }>({
    name: 'baoho_checkpoint_lock',
    text: `SELECT last_transaction_id::text AS transaction_id, last_global_position AS position
             FROM subscription_checkpoints WHERE subscription_id = $1 FOR UPDATE`,
    values: [subscriptionId],
  });
  const row = rows[0]!;
  return { transactionId: row.transaction_id, position: row.position };
}

export async function saveCheckpoint(client: PoolClient, subscriptionId: string, checkpoint: Checkpoint): Promise<void> {
  await client.query({
    name: 'baoho_checkpoint_save',
    text: `UPDATE subscription_checkpoints
              SET last_transaction_id = $2::xid8, last_global_position = $3::bigint, updated_at = now()
            WHERE subscription_id = $1`,
    values: [subscriptionId, checkpoint.transactionId, checkpoint.position],
  });
}
