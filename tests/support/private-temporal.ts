// A private Temporal dev server for a test that must stop "Temporal" without disturbing the shared one: the
// cached CLI (scripts/services.sh builds it), its own SQLite file and ports, the flags of scripts/services.sh.
// `stop()` and `start()` again keep the database file and the ports, so clients and workers reconnect.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { freePort, sleep } from './apps';
import { RestartableProcess } from './restartable-process';
import { temporalDevServerFlags } from './temporal-dev-flags';

export interface PrivateTemporal {
  /** `127.0.0.1:<port>`, for TEMPORAL_ADDRESS. */
  readonly address: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** SIGKILL: the server dies mid-write; `start()` again reopens the same database file. */
  kill(): Promise<void>;
  dispose(): Promise<void>;
  log(): string;
}

export async function startPrivateTemporal(startTimeoutMs = 90_000): Promise<PrivateTemporal> {
  const home = process.env.BAOHO_HOME;
  if (!home) throw new Error('BAOHO_HOME is not set: run `source .baoho/env` (or `npm test`) first');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'baoho-temporal-'));
  const logFile = path.join(dir, 'temporal.log');
  const [port, uiPort] = [await freePort(), await freePort()];
  const address = `127.0.0.1:${port}`;
  const args = [
    'server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--ui-port', String(uiPort), '--headless',
    '--db-filename', path.join(dir, 'dev.db'), '--log-level', 'warn',
    // the flags of scripts/services.sh: the same settings as the shared server
    ...temporalDevServerFlags().flat(),
  ];
  const server = new RestartableProcess({ command: path.join(home, 'bin', 'temporal'), args, logFile, killAfterMs: 20_000 });
  const readLog = (): string => server.log();
  const stop = (): Promise<void> => server.stop();

  const start = async (): Promise<void> => {
    const child = server.spawn();
    const deadline = Date.now() + startTimeoutMs;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the private Temporal exited:\n${readLog().slice(-4000)}`);
      const connection = await Connection.connect({ address, connectTimeout: 1_000 }).catch(() => undefined);
      if (connection) {
        const healthy = await connection.healthService
          .check({})
          .then(() => true)
          .catch(() => false);
        await connection.close();
        if (healthy) return;
      }
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`the private Temporal did not answer within ${startTimeoutMs} ms:\n${readLog().slice(-4000)}`);
      }
      await sleep(250);
    }
  };

  await start();
  return {
    address,
    start,
    stop,
    kill: () => server.kill(),
    log: readLog,
    async dispose() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
