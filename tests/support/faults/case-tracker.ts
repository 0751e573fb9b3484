// Which of the acknowledged hotline events have opened their case, read from the read model in batches (cheap,
// no HTTP load): the open cases the API traffic may work on, and how long each took from acknowledgement.
import type { Pool } from 'pg';
import type { HotlineFeed } from './hotline-feed';

export class CaseTracker {
  readonly open: string[] = [];
  /** ms from the broker's acknowledgement until the case showed in case_summary (to within one poll). */
  readonly openLatencies: Array<{ ms: number; at: number }> = [];
  private readonly seen = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private busy = false;

  constructor(
    private readonly pool: Pool,
    private readonly feed: HotlineFeed,
  ) {}

  follow(everyMs = 1_000): void {
    this.timer = setInterval(() => void this.poll(), everyMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Acknowledged events whose case has not shown yet. */
  waiting(): number {
    return this.feed.acknowledged.length - this.seen.size;
  }

  async poll(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const candidates = this.feed.acknowledged.filter((event) => !this.seen.has(event.caseId)).slice(0, 5_000);
      if (candidates.length === 0) return;
      const { rows } = await this.pool.query<{ case_id: string }>('SELECT case_id FROM case_summary WHERE case_id = ANY($1)', [candidates.map((event) => event.caseId)]);
      const now = performance.now();
      const found = new Set(rows.map((row) => row.case_id));
      for (const event of candidates) {
        if (!found.has(event.caseId) || this.seen.has(event.caseId)) continue;
        this.seen.add(event.caseId);
        this.open.push(event.caseId);
        this.openLatencies.push({ ms: now - event.ackedAt, at: Date.now() });
      }
    } catch {
      // PostgreSQL away for a moment: the next poll tries again
    } finally {
      this.busy = false;
    }
  }
}
