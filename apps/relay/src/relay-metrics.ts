import { Counter, Gauge, type Registry } from 'prom-client';

export interface RelayMetrics {
  /** Events committed to the log beyond the relay's checkpoint. */
  readonly lag: Gauge;
  /** Messages the broker acknowledged, by topic. */
  readonly published: Counter<'topic'>;
  /** 1 while this relay holds the leadership lock. */
  readonly leader: Gauge;
  /** Batches that could not be published or checkpointed (retried with backoff). */
  readonly failures: Counter;
  /** Notice events whose notification could not be built (the case event is still published). */
  readonly unmappedNotices: Counter<'type'>;
}

export function createRelayMetrics(registry: Registry): RelayMetrics {
  const registers = [registry];
  return {
    lag: new Gauge({ name: 'baoho_relay_lag_events', help: 'Events committed to the log beyond the relay checkpoint.', registers }),
    published: new Counter({
      name: 'baoho_relay_published_total',
      help: 'Messages published and acknowledged by the broker, by topic.',
      labelNames: ['topic'] as const,
      registers,
    }),
    leader: new Gauge({ name: 'baoho_relay_leader', help: '1 while this relay holds the leadership lock, else 0.', registers }),
    failures: new Counter({ name: 'baoho_relay_batch_failures_total', help: 'Relay batches that failed and were retried.', registers }),
    unmappedNotices: new Counter({
      name: 'baoho_relay_unmapped_notices_total',
      help: 'Notice events no notification could be built for, by event type.',
      labelNames: ['type'] as const,
      registers,
    }),
  };
}
