// The shared pieces an app's configuration is composed from. Each piece reads its own variables from the
// environment and maps them to a typed section; `composeConfig` joins pieces into one schema.
import { resolve } from 'node:path';
import { z } from 'zod';
import { hostPortList, hostPortString, logLevel, port, postgresUrl, stringWithDefault, type LogLevelName } from './variables';

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

export const httpConfig = (defaultPort: number) =>
  z
    .object({ HTTP_HOST: stringWithDefault('127.0.0.1'), HTTP_PORT: port(defaultPort) })
    .transform((env) => ({ host: env.HTTP_HOST, port: env.HTTP_PORT }));

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
