// The one connection per API process that hears which missions' lists changed: LISTEN on the channel the
// case_summary triggers notify (migration NotifyCaseListChanges1763880000200), each notice dropping that mission's
// pages from the ListCache. PostgreSQL sends a notice only after its transaction commits, to every listener.
//
// A notice sent while this connection is away is lost for good, so the cache is only in use while it is up: on an
// error, an end or a failed heartbeat the cache drops everything and keeps nothing; once LISTEN has been answered
// again it starts from empty. The heartbeat bounds how long a silently dead connection (no error, no end: a
// network cut) goes unnoticed.
import { Client } from 'pg';
import type { Logger } from 'pino';
import type { ListCache } from './list-cache';

export const LIST_CHANNEL = 'baoho_case_lists';

export interface ListInvalidationOptions {
  readonly url: string;
  /** Between two `SELECT 1` on the connection; a heartbeat unanswered within the same time counts as lost. */
  readonly heartbeatMs?: number;
  /** Before connecting again after a loss (doubling up to 10 s). */
  readonly retryMs?: number;
}

export class ListInvalidation {
  private client: Client | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private retry: NodeJS.Timeout | null = null;
  private retryMs: number;
  private stopped = false;

  constructor(
    private readonly cache: ListCache,
    private readonly options: ListInvalidationOptions,
    private readonly logger: Logger,
  ) {
    this.retryMs = options.retryMs ?? 500;
  }

  /** Connects in the background; resolves once listening or once the first attempt failed (then it retries). */
  start(): Promise<void> {
    return this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.lost();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.options.url, application_name: 'baoho-api-lists', connectionTimeoutMillis: 2_000, keepAlive: true });
    this.client = client;
    let up = false;
    const down = (why: string): void => {
      if (this.client !== client) return; // an older connection, already replaced
      this.client = null;
      if (up) this.logger.warn({ why }, 'list cache: the invalidation connection was lost; lists are read uncached until it is back');
      this.lost();
      client.end().catch(() => undefined);
      this.scheduleRetry();
    };
    client.on('error', (error) => down(error.message));
    client.on('end', () => down('ended'));
    client.on('notification', (message) => {
      if (message.channel === LIST_CHANNEL && message.payload) this.cache.invalidate(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${LIST_CHANNEL}`);
    } catch (error) {
      down(error instanceof Error ? error.message : String(error));
      return;
    }
    if (this.client !== client) return;
    up = true;
    this.retryMs = this.options.retryMs ?? 500;
    this.cache.setAvailable(true);
    this.beat(client, down);
  }

  private beat(client: Client, down: (why: string) => void): void {
    const every = this.options.heartbeatMs ?? 5_000;
    this.heartbeat = setInterval(() => {
      const timer = setTimeout(() => down('heartbeat timed out'), every);
      timer.unref();
      client.query('SELECT 1').then(
        () => clearTimeout(timer),
        (error: unknown) => {
          clearTimeout(timer);
          down(error instanceof Error ? error.message : String(error));
        },
      );
    }, every);
    this.heartbeat.unref();
  }

  private lost(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    this.cache.setAvailable(false);
  }

  private scheduleRetry(): void {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, this.retryMs);
    this.retry.unref();
    this.retryMs = Math.min(this.retryMs * 2, 10_000);
  }
}
