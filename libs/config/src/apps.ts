// One schema per app: exactly the variables it needs, with its own default HTTP port.
import type { z } from 'zod';
import { authConfig } from './auth';
import { consoleConfig, composeConfig, databaseConfig, hotlinePurgeConfig, httpConfig, kafkaConfig, keysConfig, listCacheConfig, logConfig, searchConfig, temporalConfig, workerCacheConfig, workerTasksConfig } from './pieces';

export const DEFAULT_PORTS = { api: 3000, worker: 3001, intake: 3002, relay: 3003, console: 3004 } as const;

export const apiConfigSchema = composeConfig({
  database: databaseConfig(),
  temporal: temporalConfig(),
  search: searchConfig(),
  keys: keysConfig(),
  auth: authConfig(),
  lists: listCacheConfig(),
  http: httpConfig(DEFAULT_PORTS.api),
  log: logConfig(),
});
export type ApiConfig = z.output<typeof apiConfigSchema>;

export const workerConfigSchema = composeConfig({
  database: databaseConfig(),
  temporal: temporalConfig(),
  cache: workerCacheConfig(),
  tasks: workerTasksConfig(),
  search: searchConfig(),
  keys: keysConfig(),
  http: httpConfig(DEFAULT_PORTS.worker),
  log: logConfig(),
});
export type WorkerConfig = z.output<typeof workerConfigSchema>;

export const intakeConfigSchema = composeConfig({
  database: databaseConfig(),
  kafka: kafkaConfig('baoho-intake'),
  hotline: hotlinePurgeConfig(),
  temporal: temporalConfig(),
  // the key of the refused bodies' fingerprints (the rejection store's dedupe keys)
  search: searchConfig(),
  keys: keysConfig(),
  auth: authConfig(),
  http: httpConfig(DEFAULT_PORTS.intake),
  log: logConfig(),
});
export type IntakeConfig = z.output<typeof intakeConfigSchema>;

export const relayConfigSchema = composeConfig({
  database: databaseConfig(),
  kafka: kafkaConfig('baoho-relay'),
  http: httpConfig(DEFAULT_PORTS.relay),
  log: logConfig(),
});
export type RelayConfig = z.output<typeof relayConfigSchema>;

export const consoleConfigSchema = composeConfig({
  console: consoleConfig(),
  http: httpConfig(DEFAULT_PORTS.console),
  log: logConfig(),
});
export type ConsoleConfig = z.output<typeof consoleConfigSchema>;

/** The typed sections, for code that takes one piece of configuration. */
export type DatabaseConfig = ApiConfig['database'];
export type TemporalConfig = ApiConfig['temporal'];
export type HttpConfig = ApiConfig['http'];
export type LogConfig = ApiConfig['log'];
export type KafkaConfig = IntakeConfig['kafka'];
export type KeysConfig = ApiConfig['keys'];
