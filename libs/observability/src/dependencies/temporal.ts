import { Client, Connection } from '@temporalio/client';
import type { DependencyIndicator } from '../health/dependency-indicator';

export interface TemporalOptions {
  readonly address: string;
  readonly namespace: string;
}

/**
 * Reconnect quickly after the server went away (gRPC's default backoff grows to two minutes): at most a second
 * between attempts, so a restarted Temporal is in use again within about a second.
 */
const RECONNECT = { 'grpc.initial_reconnect_backoff_ms': 200, 'grpc.max_reconnect_backoff_ms': 1_000 };

/**
 * A Temporal client connection made on first use; a first dial that failed is forgotten, so the next `get()`
 * dials again. Once made, the connection is kept for the life of the app and reconnects by itself (`RECONNECT`).
 * It is never closed while the app runs: calls still retrying on a closed channel throw from a timer
 * ("Channel has been shut down"), an uncaught exception that would end the process.
 */
export class TemporalConnectionHolder {
  private connection: Promise<Connection> | undefined;
  private current: { readonly connection: Connection; readonly client: Client } | undefined;

  constructor(readonly options: TemporalOptions) {}

  get(): Promise<Connection> {
    if (!this.connection) {
      const attempt = Connection.connect({ address: this.options.address, connectTimeout: 1_000, channelArgs: RECONNECT });
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
    await connection.withDeadline(Date.now() + 1_000, () =>
      connection.workflowService.describeNamespace({ namespace: this.holder.options.namespace }),
    );
  }
}
