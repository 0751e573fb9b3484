// @baoho/observability — what every app shares to be run and watched: JSON logs (pino, personal data
// redacted), Prometheus metrics, health (liveness, readiness over live probes of each dependency), the
// clients those probes use, and the start-up / graceful-shutdown sequence.
export { createLogger, withCase, type CaseContext, type Logger, type LoggerOptions } from './logging/logger';
export { PinoLoggerService } from './logging/nest-logger';
export { PERSONAL_DATA_KEYS, REDACTED, redact } from './logging/redaction';
export { createMetricsRegistry } from './metrics/metrics-registry';
export {
  DependencyDownError,
  describeError,
  withTimeout,
  type DependencyIndicator,
  type DependencyStatus,
  type HealthReport,
} from './health/dependency-indicator';
export { HealthService, PROBE_TIMEOUT_MS } from './health/health.service';
export { createPostgresPool, PostgresIndicator, type PostgresOptions } from './dependencies/postgres';
export { createKafkaClient, KafkaIndicator, type KafkaOptions } from './dependencies/kafka';
export { TemporalConnectionHolder, TemporalIndicator, type TemporalOptions } from './dependencies/temporal';
export { ObservabilityModule, type ObservabilityOptions } from './observability.module';
export { runApp, SHUTDOWN_BOUND_MS, type AppDefinition } from './lifecycle/run-app';
export { HEALTH_INDICATORS, KAFKA_CLIENT, METRICS_REGISTRY, POSTGRES_POOL, ROOT_LOGGER } from './tokens';
