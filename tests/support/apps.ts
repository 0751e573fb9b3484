// Runs the built apps (`node dist/apps/<name>/src/main.js`) as real processes for end-to-end tests.
// `npm run build` (or `npx tsc -p tsconfig.build.json && npx tsc-alias -p tsconfig.build.json`) must have run.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { keysEnv } from './keys';
import { authEnv } from './tokens';

export type AppName = 'api' | 'worker' | 'intake' | 'relay' | 'console';

const root = path.resolve(__dirname, '../..');

/** Where spawned apps' output is kept (git-ignored; scanned by scripts/test.sh). */
export const APP_LOGS = path.join(root, 'tests', '.artifacts', 'app-logs');

export function mainOf(name: AppName): string {
  return path.join(root, 'dist', 'apps', name, 'src', 'main.js');
}

/** A TCP port the OS has just handed out and released. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * The services the project's scripts started (`source .baoho/env`), as app variables, and the AUTH_* variables
 * that make the api and the intake trust the development key (tests/support/tokens.ts signs with it).
 */
export function serviceEnv(): Record<string, string> {
  const env: Record<string, string> = { ...authEnv() };
  for (const name of ['DATABASE_URL', 'KAFKA_BROKERS', 'TEMPORAL_ADDRESS']) {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set: run \`source .baoho/env\` (or \`npm test\`) first`);
    env[name] = value;
  }
  return { ...env, ...keysEnv() };
}

export interface ExitStatus {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface RunningApp {
  readonly name: AppName;
  readonly port: number;
  readonly url: string;
  readonly process: ChildProcess;
  /** Everything it wrote so far, stdout and stderr. */
  output(): string;
  /** True while the process has not exited. */
  alive(): boolean;
  readonly exited: Promise<ExitStatus>;
  /** Sends SIGTERM (by default) and resolves with the exit code once it exited; SIGKILL after `timeoutMs`. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<ExitStatus>;
}

/**
 * Spawns a built app with exactly `env` (plus PATH and HOME, and HTTP_PORT unless given: a free port).
 * Does not wait for it: see `startApp`.
 */
export async function spawnApp(name: AppName, env: Record<string, string | undefined>): Promise<RunningApp> {
  const main = mainOf(name);
  if (!existsSync(main)) throw new Error(`${main} is missing: build first (npm run build)`);
  const port = env.HTTP_PORT ? Number(env.HTTP_PORT) : await freePort();
  const childEnv: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? root };
  for (const [key, value] of Object.entries({ HTTP_PORT: String(port), LOG_LEVEL: 'info', ...env })) {
    if (value !== undefined) childEnv[key] = value;
  }
  // BAOHO_APP_NODE_ARGS: flags for node itself in every spawned app (`--cpu-prof --cpu-prof-dir=/tmp/p` profiles
  // them under a bench: node refuses --cpu-prof in NODE_OPTIONS)
  const nodeArgs = (process.env['BAOHO_APP_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, main], { cwd: root, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  // Every app's output is also kept on disk, so the end of `npm test` can scan it for personal data.
  mkdirSync(APP_LOGS, { recursive: true });
  const log = createWriteStream(path.join(APP_LOGS, `${name}-${child.pid ?? 'unknown'}.log`));
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    log.write(chunk);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    log.write(chunk);
  });
  child.on('close', () => log.end());
  let status: ExitStatus | undefined;
  const exited = new Promise<ExitStatus>((resolve) => {
    child.on('exit', (code, signal) => {
      status = { code, signal };
      resolve(status);
    });
  });
  return {
    name,
    port,
    url: `http://127.0.0.1:${port}`,
    process: child,
    output: () => output,
    alive: () => status === undefined,
    exited,
    async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 25_000) {
      if (status) return status;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
}

/** Spawns a built app and waits until `/health/live` answers 200; fails with the app's output otherwise. */
export async function startApp(
  name: AppName,
  env: Record<string, string | undefined>,
  // Generous: on a loaded 2-core machine three apps starting at once can take a while.
  timeoutMs = 90_000,
): Promise<RunningApp> {
  const app = await spawnApp(name, env);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!app.alive()) {
      throw new Error(`${name} exited during start-up (${JSON.stringify(await app.exited)}):\n${app.output()}`);
    }
    const response = await get(`${app.url}/health/live`).catch(() => undefined);
    if (response?.status === 200) return app;
    await sleep(100);
  }
  await app.stop('SIGKILL');
  throw new Error(`${name} did not answer /health/live within ${timeoutMs} ms:\n${app.output()}`);
}

export interface HttpResult {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
}

export async function get(url: string, timeoutMs = 5_000): Promise<HttpResult> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
}

export interface Readiness {
  readonly status: 'up' | 'down';
  readonly dependencies: Array<{ name: string; status: 'up' | 'down'; error?: string }>;
}

/** GET /health: its HTTP status and the parsed body. */
export async function readiness(app: RunningApp): Promise<{ httpStatus: number; body: Readiness }> {
  const result = await get(`${app.url}/health`);
  return { httpStatus: result.status, body: JSON.parse(result.text) as Readiness };
}

/** Polls `/health` until `accept` holds; fails with the last answer and the app's output after `timeoutMs`. */
export async function waitForReadiness(
  app: RunningApp,
  accept: (result: { httpStatus: number; body: Readiness }) => boolean,
  timeoutMs = 30_000,
): Promise<{ httpStatus: number; body: Readiness }> {
  const deadline = Date.now() + timeoutMs;
  let last: { httpStatus: number; body: Readiness } | undefined;
  while (Date.now() < deadline) {
    last = await readiness(app).catch(() => undefined);
    if (last && accept(last)) return last;
    await sleep(250);
  }
  throw new Error(`${app.name}: readiness not reached within ${timeoutMs} ms; last ${JSON.stringify(last)}\n${app.output()}`);
}

/** Runs an app that is expected to exit by itself (bad configuration): its exit status and output. */
export async function runToExit(
  name: AppName,
  env: Record<string, string | undefined>,
  timeoutMs = 20_000,
): Promise<ExitStatus & { output: string }> {
  const app = await spawnApp(name, env);
  const timer = setTimeout(() => app.process.kill('SIGKILL'), timeoutMs);
  const status = await app.exited;
  clearTimeout(timer);
  return { ...status, output: app.output() };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Starts the apps side by side with the same environment and waits until every one is ready (`/health` 200). */
export async function startReadyApps(names: readonly AppName[], env: Record<string, string | undefined>, timeoutMs = 60_000): Promise<RunningApp[]> {
  const apps = await Promise.all(names.map((name) => startApp(name, env, timeoutMs)));
  await Promise.all(apps.map((app) => waitForReadiness(app, (r) => r.httpStatus === 200, timeoutMs)));
  return apps;
}
