import { collectDefaultMetrics, Registry } from 'prom-client';

/** A registry per app (never prom-client's global one): default process metrics, every series labelled `app`. */
export function createMetricsRegistry(app: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ app });
  collectDefaultMetrics({ register: registry });
  return registry;
}
