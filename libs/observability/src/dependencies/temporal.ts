import { Client, Connection } from '@temporalio/client';
import type { DependencyIndicator } from '../health/dependency-indicator';

export interface TemporalOptions {
  readonly address: string;
  readonly namespace: string;
}

/**
 * A Temporal client connection made on first use. A connection that failed is closed and forgotten
 * (`reset`), so the next `get()` dials again instead of waiting out gRPC's own reconnect backoff.
 */
export class TemporalConnectionHolder {
  private connection: Promise<Connection> | undefined;
  private current: { readonly connection: Connection; readonly client: Client } | undefined;

  constructor(readonly options: TemporalOptions) {}

  get(): Promise<Connection> {
    if (!this.connection) {
      const attempt = Connection.connect({ address: this.options.address, connectTimeout: 1_000 });
      this.connection = attempt;
      attempt.catch(() => {
        if (this.connection === attempt) this.connection = undefined;
      });
    }
    return this.connection;
  }

  /** A client on the current connection (a new one once a failed connection was replaced). */
  async client(): Promise<Client> {
    const connection = await this.get();
    if (this.current?.connection !== connection) {
      this.current = { connection, client: new Client({ connection, namespace: this.options.namespace }) };
    }
    return this.current.client;
  }

  /** Forgets `failed` (when it is still the current one) and closes it. */
  async reset(failed: Connection): Promise<void> {
    const current = this.connection;
    if (current && (await current.catch(() => undefined)) === failed) this.connection = undefined;
    await failed.close().catch(() => undefined);
  }

  async close(): Promise<void> {
    const current = this.connection;
    this.connection = undefined;
    const connection = await current?.catch(() => undefined);
    await connection?.close().catch(() => undefined);
  }
}

/** Temporal readiness: the frontend answers `describeNamespace` for our namespace within a second. */
export class TemporalIndicator implements DependencyIndicator {
  readonly name = 'temporal';

  constructor(private readonly holder: TemporalConnectionHolder) {}

  async check(): Promise<void> {
    const connection = await this.holder.get();
    try {
      await connection.withDeadline(Date.now() + 1_000, () =>
        connection.workflowService.describeNamespace({ namespace: this.holder.options.namespace }),
      );
    } catch (error) {
      await this.holder.reset(connection);
      throw error;
    }
  }
}
