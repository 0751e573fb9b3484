// @baoho/config — each app's configuration: typed, composed from shared pieces, validated at start-up.
export { authConfig, type AuthConfig, type AuthKeySource } from './auth';
export { ConfigError, type ConfigIssue } from './config-error';
export { loadConfig } from './load-config';
export { composeConfig, databaseConfig, DEV_SEARCH_INDEX_KEY, httpConfig, kafkaConfig, logConfig, searchConfig, temporalConfig } from './pieces';
export { LOG_LEVELS, type LogLevelName } from './variables';
export {
  DEFAULT_PORTS,
  apiConfigSchema,
  intakeConfigSchema,
  relayConfigSchema,
  workerConfigSchema,
  type ApiConfig,
  type DatabaseConfig,
  type HttpConfig,
  type IntakeConfig,
  type KafkaConfig,
  type LogConfig,
  type RelayConfig,
  type TemporalConfig,
  type WorkerConfig,
} from './apps';
