import { Counter, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from '@baoho/observability';

export const INTAKE_OUTCOMES = Symbol('INTAKE_OUTCOMES');

/** Hotline events by transport and outcome (opened, duplicate, refused, unavailable). */
export const intakeOutcomesProvider = {
  provide: INTAKE_OUTCOMES,
  inject: [METRICS_REGISTRY],
  useFactory: (registry: Registry) =>
    new Counter({
      name: 'baoho_intake_hotline_events_total',
      help: 'Hotline events handled, by transport and outcome.',
      labelNames: ['via', 'outcome'] as const,
      registers: [registry],
    }),
};
