import type { Pool } from 'pg';
import { inTransaction } from '../in-transaction';
import { quoteTable } from '../queryable';
import { readAllFrom } from '../read/read-all';
import { START, type Projection, type Upcaster } from '../types';
import { lockCheckpoint, saveCheckpoint } from './checkpoints';

export interface ProjectionRunnerOptions {
  /** Events per transaction. */
  readonly batchSize?: number;
  readonly upcast?: Upcaster;
  /** The checkpoint's key; the projection's name by default. */
  readonly subscriptionId?: string;
  /** How long `start()` sleeps when it found nothing new. */
  readonly idleMs?: number;
  /** Called when a batch fails; the runner keeps polling (the batch rolled back, so it is retried). */
  readonly onError?: (error: unknown) => void;
}

/**
 * Feeds an async projection from the log in commit order. Each batch is applied and its checkpoint saved in
 * one transaction, so the read model and the checkpoint never disagree: a crash replays nothing twice.
 */
export class ProjectionRunner {
  private readonly batchSize: number;
  private readonly subscriptionId: string;
  private running: Promise<void> | undefined;
  private stopping = false;

  constructor(
    private readonly pool: Pool,
    private readonly projection: Projection,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
    this.subscriptionId = options.subscriptionId ?? projection.name;
  }

  /** Applies the next batch; returns how many events it applied (0 when caught up). */
  runBatch(): Promise<number> {
    return inTransaction(this.pool, async (client) => {
      const checkpoint = await lockCheckpoint(client, this.subscriptionId);
      const batch = await readAllFrom(client, checkpoint, this.batchSize, this.options.upcast);
      if (batch.events.length === 0) return 0;
      await this.projection.apply(client, batch.events);
      await saveCheckpoint(client, this.subscriptionId, batch.checkpoint);
      return batch.events.length;
    });
  }

  /** Applies batches until nothing readable is left; returns how many events it applied. */
  async catchUp(): Promise<number> {
    let total = 0;
    for (let applied = await this.runBatch(); applied > 0; applied = await this.runBatch()) total += applied;
    return total;
  }

  /**
   * Truncates the projection's tables and replays the log into them from the start, in one transaction that
   * also resets the checkpoint: readers see the old tables or the new, never a half-built one. Events whose
   * transactions were still running are left to the next `runBatch`, exactly as in normal running.
   */
  rebuild(): Promise<number> {
    return inTransaction(this.pool, async (client) => {
      await lockCheckpoint(client, this.subscriptionId);
      if (this.projection.tables.length > 0) {
        await client.query(`TRUNCATE ${this.projection.tables.map(quoteTable).join(', ')}`);
      }
      let checkpoint = START;
      let replayed = 0;
      for (;;) {
        const batch = await readAllFrom(client, checkpoint, this.batchSize, this.options.upcast);
        if (batch.events.length === 0) break;
        await this.projection.apply(client, batch.events);
        replayed += batch.events.length;
        checkpoint = batch.checkpoint;
      }
      await saveCheckpoint(client, this.subscriptionId, checkpoint);
      return replayed;
    });
  }

  /** Follows the log until `stop()`: catches up, then polls every `idleMs`. */
  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.running;
    this.running = undefined;
  }

  private async loop(): Promise<void> {
    const idleMs = this.options.idleMs ?? 500;
    while (!this.stopping) {
      let applied = 0;
      try {
        applied = await this.runBatch();
      } catch (error) {
        this.options.onError?.(error);
      }
      if (applied === 0 && !this.stopping) await new Promise((resolve) => setTimeout(resolve, idleMs));
    }
  }
}
