// The shared pieces an app's configuration is composed from. Each piece reads its own variables from the
// environment and maps them to a typed section; `composeConfig` joins pieces into one schema.
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { blankAsMissing, hostPortList, hostPortString, isHttpUrl, logLevel, port, postgresUrl, stringWithDefault, type LogLevelName } from './variables';

export const databaseConfig = () =>
  z.object({ DATABASE_URL: postgresUrl() }).transform((env) => ({ url: env.DATABASE_URL }));

export const kafkaConfig = (defaultClientId: string) =>
  z
    .object({ KAFKA_BROKERS: hostPortList(), KAFKA_CLIENT_ID: stringWithDefault(defaultClientId) })
    .transform((env) => ({ brokers: env.KAFKA_BROKERS, clientId: env.KAFKA_CLIENT_ID }));

export const temporalConfig = () =>
  z
    .object({
      TEMPORAL_ADDRESS: hostPortString(),
      TEMPORAL_NAMESPACE: stringWithDefault('default'),
      TEMPORAL_TASK_QUEUE: stringWithDefault('protection-cases'),
    })
    .transform((env) => ({
      address: env.TEMPORAL_ADDRESS,
      namespace: env.TEMPORAL_NAMESPACE,
      taskQueue: env.TEMPORAL_TASK_QUEUE,
    }));

/**
 * The secret of the blind search index (HMAC key). The default is for a developer's machine only: a deployment
 * sets its own, the same for the worker (which writes the index) and the API (which searches it).
 */
export const DEV_SEARCH_INDEX_KEY = 'baoho-dev-search-index-key-not-for-production';
export const searchConfig = () =>
  z
    .object({ SEARCH_INDEX_KEY: z.string().min(16, 'at least 16 characters').default(DEV_SEARCH_INDEX_KEY) })
    .transform((env) => ({ indexKey: env.SEARCH_INDEX_KEY }));

/**
 * Where the master keys are (the local-file key provider: development) and how long unwrapped data keys stay in
 * memory. The key provider refuses to start without the file: the scripts create it (`npm run keys -- init`).
 */
export const DEFAULT_MASTER_KEYS_FILE = '.baoho/keys/master-keys.json';
export const keysConfig = () =>
  z
    .object({
      MASTER_KEYS_FILE: z
        .string()
        .min(1)
        .default(DEFAULT_MASTER_KEYS_FILE)
        .transform((file) => resolve(file)),
      DATA_KEY_CACHE_TTL_MS: z.coerce.number().int().min(0).max(300_000).default(30_000),
      DATA_KEY_CACHE_SIZE: z.coerce.number().int().min(0).max(1_000_000).default(10_000),
    })
    .transform((env) => ({ masterKeysFile: env.MASTER_KEYS_FILE, cacheTtlMs: env.DATA_KEY_CACHE_TTL_MS, cacheSize: env.DATA_KEY_CACHE_SIZE }));

/**
 * The API's cache of the list pages supervisors poll (apps/api/src/lists): on unless API_LIST_CACHE is `off`, then
 * every list request runs its query (what bench:api measures as the uncached path). API_LIST_CACHE_MB bounds it.
 */
export const listCacheConfig = () =>
  z
    .object({
      API_LIST_CACHE: z.preprocess(blankAsMissing, z.enum(['on', 'off'], { error: 'must be on or off' }).default('on')),
      API_LIST_CACHE_MB: z.coerce.number().int().min(1).max(4_096).default(64),
    })
    .transform((env) => ({ enabled: env.API_LIST_CACHE === 'on', maxBytes: env.API_LIST_CACHE_MB * 1024 * 1024 }));

/**
 * How often the intake deletes the hotline reports its group has consumed (committed) from hotline.calls.v1: what
 * hotlines send is plaintext, and the broker should keep it no longer than it takes to seal it into a case.
 */
export const hotlinePurgeConfig = () =>
  z
    .object({ HOTLINE_PURGE_INTERVAL_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(10_000) })
    .transform((env) => ({ purgeIntervalMs: env.HOTLINE_PURGE_INTERVAL_MS }));

/**
 * How many case workflows the worker keeps in memory (about 310 KiB each, bench:workflow). A case not kept is
 * replayed from its history on its next task (a command or a timer), so this bounds memory, not what the worker
 * can hold. The SDK's own default grows with the heap (2,310 here), which took the worker 1.2 GiB over its
 * baseline in the 10,000-event burst; 1,000 covers the cases active within minutes at a country's rate.
 */
export const workerCacheConfig = () =>
  z
    .object({ WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(10).max(100_000).default(1_000) })
    .transform((env) => ({ maxCachedWorkflows: env.WORKER_MAX_CACHED_WORKFLOWS }));

/**
 * How many workflow tasks the worker runs and asks the server for at once. A new case's first task always waits on
 * the task queue's shared (non-sticky) side, and the SDK's defaults (40 tasks, 10 polls of which a fifth there) gave
 * that side two polls: under a burst of hotline reports the first tasks waited 2 to 8 s in the queue (bench:intake,
 * read off the histories) while the worker's threads were half idle. Half the polls on each side keeps the cases'
 * own follow-up tasks (sticky) served as well.
 */
export const WORKER_TASK_DEFAULTS = { maxConcurrentWorkflowTasks: 100, maxWorkflowTaskPolls: 40, nonStickyPollRatio: 0.5 } as const;

export const workerTasksConfig = () =>
  z
    .object({
      WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: z.coerce.number().int().min(2).max(1_000).default(WORKER_TASK_DEFAULTS.maxConcurrentWorkflowTasks),
      WORKER_MAX_WORKFLOW_TASK_POLLS: z.coerce.number().int().min(2).max(500).default(WORKER_TASK_DEFAULTS.maxWorkflowTaskPolls),
      WORKER_NON_STICKY_POLL_RATIO: z.coerce.number().min(0.01).max(1).default(WORKER_TASK_DEFAULTS.nonStickyPollRatio),
    })
    .refine((env) => env.WORKER_MAX_WORKFLOW_TASK_POLLS <= env.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS, {
      message: 'WORKER_MAX_WORKFLOW_TASK_POLLS cannot exceed WORKER_MAX_CONCURRENT_WORKFLOW_TASKS (the SDK refuses it)',
      path: ['WORKER_MAX_WORKFLOW_TASK_POLLS'],
    })
    .transform((env) => ({
      maxConcurrentWorkflowTasks: env.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
      maxWorkflowTaskPolls: env.WORKER_MAX_WORKFLOW_TASK_POLLS,
      nonStickyPollRatio: env.WORKER_NON_STICKY_POLL_RATIO,
    }));

export const httpConfig = (defaultPort: number) =>
  z
    .object({ HTTP_HOST: stringWithDefault('127.0.0.1'), HTTP_PORT: port(defaultPort) })
    .transform((env) => ({ host: env.HTTP_HOST, port: env.HTTP_PORT }));

/**
 * The console: where the API it forwards `/v1/*` to listens, and whether it offers the development sign-in
 * (pick a user, role and mission; the console signs a token with the local development key). That sign-in is for
 * a developer's machine only: off unless CONSOLE_DEV_SIGN_IN is exactly `true` (`npm start` sets it), and then it
 * needs the key (CONSOLE_DEV_SIGNING_KEY_FILE) and the issuer and audience the API trusts (AUTH_ISSUER, AUTH_AUDIENCE).
 */
export const consoleConfig = () =>
  z
    .object({
      CONSOLE_API_URL: stringWithDefault('http://127.0.0.1:3000').refine(isHttpUrl, { message: 'must be an http:// or https:// URL' }),
      CONSOLE_DEV_SIGN_IN: z.preprocess(blankAsMissing, z.enum(['true', 'false'], { error: 'must be true or false' }).default('false')),
      CONSOLE_DEV_SIGNING_KEY_FILE: z.preprocess(blankAsMissing, z.string().optional()),
      AUTH_ISSUER: stringWithDefault('baoho-dev'),
      AUTH_AUDIENCE: stringWithDefault('baoho'),
    })
    .superRefine((env, context) => {
      if (env.CONSOLE_DEV_SIGN_IN !== 'true') return;
      const file = env.CONSOLE_DEV_SIGNING_KEY_FILE;
      if (file === undefined) {
        context.addIssue({ code: 'custom', path: ['CONSOLE_DEV_SIGNING_KEY_FILE'], message: 'is required when CONSOLE_DEV_SIGN_IN is true' });
        return;
      }
      try {
        if (!createPrivateKey(readFileSync(file, 'utf8')).asymmetricKeyType?.startsWith('rsa')) throw new Error('not RSA');
      } catch {
        context.addIssue({ code: 'custom', path: ['CONSOLE_DEV_SIGNING_KEY_FILE'], message: 'must name a readable RSA private key (PEM)' });
      }
    })
    .transform((env) => ({
      apiUrl: env.CONSOLE_API_URL.replace(/\/+$/, ''),
      devSignIn:
        env.CONSOLE_DEV_SIGN_IN === 'true'
          ? { privateKeyPem: readFileSync(env.CONSOLE_DEV_SIGNING_KEY_FILE!, 'utf8'), issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE }
          : null,
    }));

export const logConfig = (fallback: LogLevelName = 'info') =>
  z.object({ LOG_LEVEL: logLevel(fallback) }).transform((env) => ({ level: env.LOG_LEVEL }));

/**
 * Joins pieces into one schema over the whole environment: every piece is handed the same environment and
 * keeps only its own variables, so an issue's path ends with the name of the variable at fault.
 */
export function composeConfig<const Pieces extends Record<string, z.ZodType>>(pieces: Pieces) {
  const sections = Object.keys(pieces);
  return z.preprocess(
    (env) => Object.fromEntries(sections.map((section) => [section, env ?? {}])),
    z.object(pieces),
  );
}
