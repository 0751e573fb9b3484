// What the list cache does, for /metrics: how list requests were answered, how many pages are held, how many
// notices dropped pages, and whether the invalidation channel is up (0: every list request runs its query).
import { Counter, Gauge, type Registry } from 'prom-client';
import type { ListCache } from './list-cache';

export type ListAnswer = 'hit' | 'miss' | 'uncached';

export interface ListCacheMetrics {
  readonly answered: Counter<'result'>;
}

export function createListCacheMetrics(registry: Registry, cache: ListCache | null): ListCacheMetrics {
  const registers = [registry];
  const answered = new Counter({
    name: 'baoho_api_list_requests_total',
    help: 'Supervisor and mission list requests by how they were answered: hit (cached page), miss (query), uncached (cache off).',
    labelNames: ['result'] as const,
    registers,
  });
  if (cache) {
    new Gauge({ name: 'baoho_api_list_cache_pages', help: 'List pages held by the list cache.', registers, collect() { this.set(cache.size); } });
    new Gauge({
      name: 'baoho_api_list_cache_listening',
      help: '1 while the list cache hears changes (its LISTEN connection is up), else 0 and nothing is cached.',
      registers,
      collect() { this.set(cache.isAvailable ? 1 : 0); },
    });
    new Gauge({
      name: 'baoho_api_list_cache_invalidations',
      help: 'Change notices received since start (each drops the pages of one mission, or all).',
      registers,
      collect() { this.set(cache.stats.invalidations); },
    });
  }
  return { answered };
}
