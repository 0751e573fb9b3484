// Leadership: one relay publishes at a time, so two relays never interleave (and so reorder) a case. The
// leader holds a PostgreSQL session advisory lock on a connection of its own for as long as it leads; the lock
// goes with the session, so a leader that dies (process killed, connection lost) frees it without anybody's
// help, and a standby that retries takes over. The leader reads and saves its checkpoint through this same
// session: a leader whose session is gone cannot move the checkpoint.
import { Client } from 'pg';

export class LeadershipLostError extends Error {
  override readonly name = 'LeadershipLostError';
  constructor() {
    super('the relay no longer holds its leadership session');
  }
}

export interface RelayLeadershipOptions {
  readonly databaseUrl: string;
  /** What is led: relays of the same subscription compete for one lock. */
  readonly subscriptionId: string;
  readonly applicationName?: string;
}

export class RelayLeadership {
  private client: Client | undefined;
  private leading = false;

  constructor(private readonly options: RelayLeadershipOptions) {}

  get isLeader(): boolean {
    return this.leading && this.client !== undefined;
  }

  /** Takes the lock when it is free; true when this relay leads (already led, or just took over). */
  async tryAcquire(): Promise<boolean> {
    if (this.isLeader) return true;
    const client = this.client ?? (await this.connect());
    const { rows } = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked',
      [this.lockName()],
    );
    this.leading = rows[0]?.locked === true && this.client === client;
    return this.leading;
  }

  /** The leader's session, for the checkpoint. Throws LeadershipLostError once the session is gone. */
  session(): Client {
    if (!this.isLeader) throw new LeadershipLostError();
    return this.client!;
  }

  /** Gives the lock back and closes the session (the standby takes over at its next try). */
  async release(): Promise<void> {
    const client = this.client;
    const wasLeading = this.leading;
    this.client = undefined;
    this.leading = false;
    if (!client) return;
    if (wasLeading) {
      await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [this.lockName()]).catch(() => undefined);
    }
    await client.end().catch(() => undefined);
  }

  /** Ends the session as a crash would: no unlock, the socket just goes (the server frees the lock). */
  abandon(): void {
    const client = this.client;
    this.client = undefined;
    this.leading = false;
    const socket = (client as unknown as { connection?: { stream?: { destroy(): void } } } | undefined)?.connection?.stream;
    socket?.destroy();
  }

  private lockName(): string {
    return `baoho.relay:${this.options.subscriptionId}`;
  }

  private async connect(): Promise<Client> {
    const client = new Client({
      connectionString: this.options.databaseUrl,
      application_name: this.options.applicationName ?? 'baoho-relay-leadership',
      connectionTimeoutMillis: 3_000,
      keepAlive: true,
    });
    // a lost session is lost leadership: forget the client, the next call reconnects (as a standby)
    const lost = (): void => {
      if (this.client !== client) return;
      this.client = undefined;
      this.leading = false;
    };
    client.on('error', lost);
    client.on('end', lost);
    await client.connect().catch(async (error: unknown) => {
      await client.end().catch(() => undefined);
      throw error;
    });
    this.client = client;
    return client;
  }
}
