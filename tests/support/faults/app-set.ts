// The four built apps as one system on given services, each on a port of its own that survives a restart, so a
// client keeps its URL when an app is killed and started again.
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { freePort, startApp, waitForReadiness, type AppName, type RunningApp } from '../apps';
import { authEnv } from '../tokens';

export const ALL_APPS: readonly AppName[] = ['worker', 'intake', 'relay', 'api'];

export interface AppSet {
  url(name: AppName): string;
  app(name: AppName): RunningApp;
  /** SIGKILL, then the same app started again on the same port; resolves once it is ready (`/health` 200). */
  killAndRestart(name: AppName, readyTimeoutMs?: number): Promise<void>;
  /** Resident memory of each app's process, in bytes (from /proc). */
  rss(): Record<AppName, number>;
  /** Every app's output so far (for failure messages), newest last, the tail of each. */
  tails(chars?: number): string;
  stop(): Promise<void>;
}

/** Where each app's output is kept once it stopped or was killed (git-ignored), for a failure's post-mortem. */
const LOG_DIR = path.resolve(__dirname, '../../.artifacts/faults');

export async function startAppSet(
  env: Record<string, string>,
  names: readonly AppName[] = ALL_APPS,
  readyTimeoutMs = 120_000,
  label = 'apps',
): Promise<AppSet> {
  mkdirSync(LOG_DIR, { recursive: true });
  const keep = (app: RunningApp, how: string): void =>
    appendFileSync(path.join(LOG_DIR, `${label}-${app.name}.log`), `--- ${new Date().toISOString()} ${app.name} pid ${app.process.pid} ${how} ---\n${app.output()}\n`);
  const ports = new Map<AppName, number>();
  for (const name of names) ports.set(name, await freePort());
  const envOf = (name: AppName): Record<string, string> => ({ ...authEnv(), ...env, HTTP_PORT: String(ports.get(name)) });
  const running = new Map<AppName, RunningApp>();
  const earlier: string[] = [];
  await Promise.all(
    names.map(async (name) => {
      running.set(name, await startApp(name, envOf(name), readyTimeoutMs));
    }),
  );
  await Promise.all([...running.values()].map((app) => waitForReadiness(app, (r) => r.httpStatus === 200, readyTimeoutMs)));
  const app = (name: AppName): RunningApp => {
    const found = running.get(name);
    if (!found) throw new Error(`${name} is not part of this set`);
    return found;
  };
  return {
    url: (name) => app(name).url,
    app,
    async killAndRestart(name, timeoutMs = readyTimeoutMs) {
      const old = app(name);
      await old.stop('SIGKILL');
      keep(old, 'killed');
      earlier.push(`--- ${name} (killed) ---\n${old.output().slice(-3000)}`);
      const fresh = await startApp(name, envOf(name), timeoutMs);
      running.set(name, fresh);
      await waitForReadiness(fresh, (r) => r.httpStatus === 200, timeoutMs);
    },
    rss() {
      const out = {} as Record<AppName, number>;
      for (const [name, one] of running) out[name] = residentBytes(one.process.pid);
      return out;
    },
    tails(chars = 3000) {
      return [...earlier, ...[...running].map(([name, one]) => `--- ${name} ---\n${one.output().slice(-chars)}`)].join('\n');
    },
    async stop() {
      await Promise.all([...running.values()].map((one) => one.stop('SIGTERM')));
      for (const one of running.values()) keep(one, 'stopped');
    },
  };
}

/** VmRSS of a process, in bytes; 0 once it is gone. */
export function residentBytes(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}
