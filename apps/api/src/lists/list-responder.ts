// Answers a list request from the ListCache when it holds the page, else from its query (keeping the page for the
// next caller). Either way the same bytes go out, with the same weak ETag express would compute, and express's
// own freshness check answers 304 to a matching If-None-Match. Without a cache (API_LIST_CACHE=off) every request
// runs its query, and the page's expiry (its extra query) is not computed.
import type { OnApplicationShutdown } from '@nestjs/common';
import type { Response } from 'express';
import type { ListCache } from './list-cache';
import type { ListCacheMetrics } from './list-cache-metrics';
import type { ListInvalidation } from './list-invalidation';
import type { ListPage } from './page-body';

export class ListResponder implements OnApplicationShutdown {
  constructor(
    readonly cache: ListCache | null,
    private readonly invalidation: ListInvalidation | null = null,
    private readonly metrics: ListCacheMetrics | null = null,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.invalidation?.stop();
  }

  /** `compute(withExpiry)`: the page, with its expiry when a cache is going to keep it. */
  async send(
    response: Response,
    key: string,
    missions: readonly string[] | null,
    compute: (withExpiry: boolean) => Promise<ListPage>,
  ): Promise<void> {
    if (this.cache) {
      const found = this.cache.read(key, missions);
      if ('page' in found) {
        this.metrics?.answered.inc({ result: 'hit' });
        return write(response, found.page, found.now);
      }
      this.metrics?.answered.inc({ result: 'miss' });
      const page = await compute(found.ticket !== null);
      this.cache.keep(key, missions, found.ticket, page);
      return write(response, page, page.computedAt);
    }
    this.metrics?.answered.inc({ result: 'uncached' });
    const page = await compute(false);
    write(response, page, page.computedAt);
  }
}

function write(response: Response, page: ListPage, now: number): void {
  const { bytes, etag } = page.body.render(now);
  response.status(200).setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('ETag', etag);
  response.send(bytes);
}

/** A cache key from its parts; JSON so no part can run into the next. */
export const listKey = (...parts: readonly unknown[]): string => JSON.stringify(parts);
