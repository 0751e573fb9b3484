// Watches the event log the way the relay reads it, from outside the relay: every poll takes one snapshot of
// every row's (transaction id, position), the snapshot's xmin and the relay's checkpoint. The relay's commit-order
// read rests on one promise of PostgreSQL: a row whose transaction id is below a snapshot's xmin is already
// visible in that snapshot (its transaction has ended). A row that first shows up *below* the xmin of an earlier
// poll breaks it; so does a row that disappears, or a checkpoint that moves back. Each is recorded with what
// the database was doing at the poll before (the transactions holding an xid or an xmin), ids and codes only.
import type { Pool } from 'pg';

interface Poll {
  readonly at: number;
  readonly xmin: bigint;
  readonly snapshot: string;
  readonly checkpoint: string | null;
  readonly activity: unknown;
}

export interface LogAnomaly {
  readonly kind: 'appeared below an earlier xmin' | 'disappeared' | 'checkpoint moved back';
  readonly at: string;
  readonly row?: { xid: string; position: string; stream: string; version: number };
  readonly before?: { at: string; xmin: string; snapshot: string; checkpoint: string | null; activity: unknown };
  readonly checkpoint?: { from: string | null; to: string | null };
}

type Row = [xid: string, position: string, stream: string, version: number];

const POLL = `
SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin,
       pg_current_snapshot()::text AS snapshot,
       (SELECT coalesce(json_agg(json_build_array(transaction_id::text, global_position::text, stream_id, stream_version)), '[]'::json) FROM events) AS rows,
       (SELECT last_transaction_id::text || '/' || last_global_position FROM subscription_checkpoints WHERE subscription_id = 'relay.kafka.v1') AS checkpoint,
       (SELECT json_agg(json_build_array(application_name, backend_xid::text, backend_xmin::text, state,
                                         round(extract(epoch FROM now() - xact_start))::int, left(query, 60)))
          FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND (backend_xid IS NOT NULL OR backend_xmin IS NOT NULL)) AS activity`;

export class LogWatch {
  private readonly seen = new Map<string, Row>();
  /** When each row (by position) was first seen, and every poll's xmin and relay checkpoint: to set beside the relay's log. */
  readonly firstSeen = new Map<string, number>();
  readonly timeline: Array<{ at: string; xmin: string; checkpoint: string | null }> = [];
  private previous: Poll | undefined;
  private timer: NodeJS.Timeout | undefined;
  private busy = false;
  readonly anomalies: LogAnomaly[] = [];
  /** Transactions seen open for 5 s or more (they hold every reader of the log back): the first sighting of each. */
  readonly longTransactions: Array<{ at: string; activity: unknown }> = [];
  private readonly longSeen = new Set<string>();
  polls = 0;

  constructor(private readonly pool: Pool) {}

  start(everyMs: number): void {
    this.timer = setInterval(() => void this.poll(), everyMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async poll(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const { rows } = await this.pool.query<{ xmin: string; snapshot: string; rows: Row[]; checkpoint: string | null; activity: unknown }>(POLL);
      const result = rows[0]!;
      const now: Poll = { at: Date.now(), xmin: BigInt(result.xmin), snapshot: result.snapshot, checkpoint: result.checkpoint, activity: result.activity };
      this.compare(result.rows, now);
      this.timeline.push({ at: iso(now.at), xmin: now.xmin.toString(), checkpoint: now.checkpoint });
      this.noteLongTransactions(now);
      this.previous = now;
      this.polls++;
    } catch {
      // PostgreSQL is away (an outage of the suite): the next poll compares with the last one that answered
    } finally {
      this.busy = false;
    }
  }

  private noteLongTransactions(now: Poll): void {
    for (const entry of (now.activity as unknown[][] | null) ?? []) {
      const [application, xid, , , seconds] = entry as [string, string | null, string | null, string, number | null];
      const key = `${application}/${xid}`;
      if (xid === null || (seconds ?? 0) < 5 || this.longSeen.has(key)) continue;
      this.longSeen.add(key);
      this.longTransactions.push({ at: iso(now.at), activity: entry });
    }
  }

  private compare(rows: readonly Row[], now: Poll): void {
    const before = this.previous;
    const present = new Set<string>();
    for (const row of rows) {
      const key = row[1];
      present.add(key);
      if (this.seen.has(key)) continue;
      this.seen.set(key, row);
      this.firstSeen.set(key, now.at);
      if (before && BigInt(row[0]) < before.xmin) {
        this.anomalies.push({ kind: 'appeared below an earlier xmin', at: iso(now.at), row: rowOf(row), before: describe(before) });
      }
    }
    if (!before) return;
    for (const [key, row] of this.seen) {
      if (!present.has(key)) {
        this.anomalies.push({ kind: 'disappeared', at: iso(now.at), row: rowOf(row), before: describe(before) });
        this.seen.delete(key);
      }
    }
    if (before.checkpoint && now.checkpoint && lessThan(now.checkpoint, before.checkpoint)) {
      this.anomalies.push({ kind: 'checkpoint moved back', at: iso(now.at), checkpoint: { from: before.checkpoint, to: now.checkpoint } });
    }
  }
}

const iso = (ms: number): string => new Date(ms).toISOString();
const rowOf = ([xid, position, stream, version]: Row) => ({ xid, position, stream, version });
const describe = (poll: Poll) => ({ at: iso(poll.at), xmin: poll.xmin.toString(), snapshot: poll.snapshot, checkpoint: poll.checkpoint, activity: poll.activity });

function lessThan(a: string, b: string): boolean {
  const [ax, ap] = a.split('/').map(BigInt) as [bigint, bigint];
  const [bx, bp] = b.split('/').map(BigInt) as [bigint, bigint];
  return ax < bx || (ax === bx && ap < bp);
}
