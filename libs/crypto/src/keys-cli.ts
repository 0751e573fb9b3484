// `npm run keys -- init | rotate | status`: the master keys of the local-file provider.
//   init    creates the master key file when it is missing (the scripts run it on first use)
//   rotate  adds a new current master key, re-wraps every data key with it (only `data_keys` is rewritten),
//           then retires the master keys no data key needs any more
//   status  which master keys wrap how many data keys
// Reads MASTER_KEYS_FILE and DATABASE_URL through the worker's configuration.
import { Pool } from 'pg';
import { DEFAULT_MASTER_KEYS_FILE, loadConfig, workerConfigSchema } from '@baoho/config';
import { addMasterKey, ensureMasterKeyFile, LocalFileKeyProvider, retireMasterKeys } from './local-file-key-provider';
import { rewrapDataKeys } from './rotate-master-key';

async function main(command: string | undefined, env: NodeJS.ProcessEnv): Promise<void> {
  if (command === 'init') {
    const path = ensureMasterKeyFile(env['MASTER_KEYS_FILE'] ?? DEFAULT_MASTER_KEYS_FILE);
    process.stdout.write(`master keys: ${path}\n`);
    return;
  }
  const config = loadConfig(workerConfigSchema, env);
  const pool = new Pool({ connectionString: config.database.url, max: 2 });
  try {
    if (command === 'rotate') {
      const id = addMasterKey(config.keys.masterKeysFile);
      const report = await rewrapDataKeys(pool, new LocalFileKeyProvider(config.keys.masterKeysFile));
      const retired = report.stillInUse.every((inUse) => inUse === id) ? retireMasterKeys(config.keys.masterKeysFile, []) : [];
      process.stdout.write(
        `new master key ${id}; ${report.rewrapped} data keys re-wrapped; retired ${retired.length ? retired.join(', ') : 'none'}` +
          `${report.stillInUse.length > 1 ? `; still in use: ${report.stillInUse.join(', ')} (run rotate again)` : ''}\n`,
      );
    } else if (command === 'status') {
      const { rows } = await pool.query<{ master_key_id: string | null; keys: string }>(
        `SELECT master_key_id, count(*) AS keys FROM data_keys GROUP BY master_key_id ORDER BY master_key_id NULLS LAST`,
      );
      for (const row of rows) process.stdout.write(`${row.master_key_id ?? '(destroyed)'}\t${row.keys}\n`);
    } else {
      throw new Error('usage: npm run keys -- init | rotate | status');
    }
  } finally {
    await pool.end();
  }
}

main(process.argv[2], process.env).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
