import type { PoolClient } from 'pg';

/** An event to append. `eventId` must be deterministic (invariant 4): a retried append sends the same ids. */
export interface NewEvent {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  /** Codes, ids and times only: this part may leave the system. Must be JSON-serialisable. */
  readonly data: unknown;
  /** Personal data, stored apart from `data` so it can be encrypted and erased on its own. */
  readonly personal?: unknown;
  /** Who and why: actor, commandId, correlation id. */
  readonly metadata?: Record<string, unknown>;
  /** ISO 8601 time at which the fact happened (the domain's `now`, never the database clock). */
  readonly occurredAt: string;
}

/**
 * An event as read back. Positions and transaction ids are PostgreSQL bigints and travel as decimal strings:
 * exact, and serialisable as Temporal activity results and JSON.
 */
export interface StoredEvent {
  readonly globalPosition: string;
  readonly transactionId: string;
  readonly streamId: string;
  /** 1 for the first event of a stream. */
  readonly streamVersion: number;
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly personal: unknown;
  readonly metadata: Record<string, unknown>;
  readonly occurredAt: string;
  readonly recordedAt: string;
}

/** The part of a stored event an upcaster may change. */
export interface RawEvent {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly personal: unknown;
}

/** Brings an event written at an older schema version to today's; applied to every event read. */
export type Upcaster = (raw: RawEvent) => RawEvent;

export interface AppendResult {
  /** The stream's version after the append: the `expectedVersion` of the next one. */
  readonly nextVersion: number;
  /** Global positions of the appended events, in the order given. */
  readonly positions: readonly string[];
}

/** A place in the log's commit order. Start from `START`. */
export interface Checkpoint {
  readonly transactionId: string;
  readonly position: string;
}

export const START: Checkpoint = Object.freeze({ transactionId: '0', position: '0' });

export interface ReadAllResult {
  readonly events: readonly StoredEvent[];
  /** Where the next read continues from (the given checkpoint when nothing was read). */
  readonly checkpoint: Checkpoint;
}

/**
 * A read model kept by applying events. As an inline projection it runs inside the append transaction, so its
 * tables are never behind the log; as an async projection a `ProjectionRunner` feeds it in commit order.
 * `apply` must use the given client (it is inside the transaction) and must be deterministic.
 */
export interface InlineProjection {
  readonly name: string;
  apply(client: PoolClient, events: readonly StoredEvent[]): Promise<void>;
}

/** A projection that can be rebuilt: `tables` are truncated before the log is replayed into them. */
export interface Projection extends InlineProjection {
  readonly tables: readonly string[];
}
