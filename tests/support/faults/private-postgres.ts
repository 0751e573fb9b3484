// A private PostgreSQL cluster for the fault suite, which restarts "PostgreSQL" while the rest of the test run
// keeps the shared server: Debian's binaries (as scripts/services.sh finds them), `initdb` into a fresh folder
// under the cache folder, a port the OS hands out, run as the `postgres` user when we are root (PostgreSQL
// refuses root). `restart()` stops it the hard way (immediate: no checkpoint, crash recovery on start).
import { execFile } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { runMigrations } from '@baoho/event-store';
import { freePort, sleep } from '../apps';

const run = promisify(execFile);

export interface PrivatePostgres {
  /** postgres://… of its migrated `baoho` database. */
  readonly url: string;
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  dispose(): Promise<void>;
  log(): string;
}

/** Where Debian keeps the server binaries (the newest version), or the PATH's pg_ctl. */
async function binDir(): Promise<string> {
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => existsSync(path.join(debian, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(debian, versions[0], 'bin');
  }
  const { stdout } = await run('sh', ['-c', 'command -v pg_ctl']).catch(() => ({ stdout: '' }));
  if (stdout.trim()) return path.dirname(stdout.trim());
  throw new Error('PostgreSQL server binaries not found: run `bash scripts/services.sh install` first');
}

function postgresUid(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((entry) => entry.startsWith('postgres:'));
  if (!line) throw new Error('running as root but there is no postgres user: run `bash scripts/services.sh install` first');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const home = process.env.BAOHO_HOME;
  if (!home) throw new Error('BAOHO_HOME is not set: run `source .baoho/env` (or `npm test`) first');
  const bin = await binDir();
  const owner = postgresUid();
  const parent = path.join(home, 'faults');
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(path.join(parent, 'pg-'));
  chmodSync(dir, 0o700);
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  const port = await freePort();
  const asPostgres = (command: string, args: string[]): Promise<{ stdout: string; stderr: string }> =>
    owner ? run('runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args]) : run(path.join(bin, command), args);

  await asPostgres('initdb', ['-D', data, '-U', 'baoho', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  appendFileSync(
    path.join(data, 'postgresql.conf'),
    [`listen_addresses = '127.0.0.1'`, `port = ${port}`, `unix_socket_directories = '${dir}'`, 'max_connections = 200', 'shared_buffers = 128MB', ''].join('\n'),
  );
  const serverUrl = `postgres://baoho:baoho@127.0.0.1:${port}`;
  const start = async (): Promise<void> => {
    await asPostgres('pg_ctl', ['-D', data, '-l', logFile, '-w', '-t', '120', 'start']);
    const deadline = Date.now() + 120_000;
    for (;;) {
      const client = new Client({ connectionString: `${serverUrl}/postgres`, connectionTimeoutMillis: 2_000 });
      const ok = await client.connect().then(() => true, () => false);
      await client.end().catch(() => undefined);
      if (ok) return;
      if (Date.now() > deadline) throw new Error(`the private PostgreSQL did not answer:\n${readLog().slice(-3000)}`);
      await sleep(200);
    }
  };
  const stop = async (mode: 'fast' | 'immediate' = 'fast'): Promise<void> => {
    if (!existsSync(path.join(data, 'postmaster.pid'))) return;
    await asPostgres('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '120', 'stop']);
  };
  const readLog = (): string => {
    try {
      return readFileSync(logFile, 'utf8');
    } catch {
      return '';
    }
  };

  await start();
  const admin = new Client({ connectionString: `${serverUrl}/postgres` });
  await admin.connect();
  await admin.query('CREATE DATABASE baoho');
  await admin.end();
  const url = `${serverUrl}/baoho`;
  await runMigrations(url);
  return {
    url,
    start,
    stop,
    log: readLog,
    async dispose() {
      await stop('fast').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
