// @baoho/config — each app's configuration: typed, composed from shared pieces, validated at start-up.
export { authConfig, type AuthConfig, type AuthKeySource } from './auth';
export { ConfigError, type ConfigIssue } from './config-error';
export { loadConfig } from './load-config';
export {
  consoleConfig,
  composeConfig,
  databaseConfig,
  DEFAULT_MASTER_KEYS_FILE,
  DEV_SEARCH_INDEX_KEY,
  httpConfig,
  kafkaConfig,
  keysConfig,
  logConfig,
  searchConfig,
  temporalConfig,
  WORKER_TASK_DEFAULTS,
} from './pieces';
export { LOG_LEVELS, type LogLevelName } from './variables';
export {
  DEFAULT_PORTS,
  apiConfigSchema,
  consoleConfigSchema,
  intakeConfigSchema,
  relayConfigSchema,
  workerConfigSchema,
  type ApiConfig,
  type ConsoleConfig,
  type DatabaseConfig,
  type HttpConfig,
  type IntakeConfig,
  type KafkaConfig,
  type KeysConfig,
  type LogConfig,
  type RelayConfig,
  type TemporalConfig,
  type WorkerConfig,
} from './apps';
