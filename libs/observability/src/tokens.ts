// Injection tokens of the observability module.
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');
export const HEALTH_INDICATORS = Symbol('HEALTH_INDICATORS');
export const POSTGRES_POOL = Symbol('POSTGRES_POOL');
export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');
