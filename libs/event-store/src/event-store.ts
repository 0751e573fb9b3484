import type { Pool } from 'pg';
import { resolveConflict } from './append/resolve-conflict';
import { validateAppend } from './append/validate-append';
import { AppendRaced, writeBatch, writeBatchPositions } from './append/write-batch';
import { inTransaction } from './in-transaction';
import { rebuildInline } from './projections/rebuild-inline';
import { readAllFrom } from './read/read-all';
import { readStreamFrom } from './read/read-stream';
import {
  START,
  type AppendResult,
  type Checkpoint,
  type InlineProjection,
  type NewEvent,
  type Projection,
  type ReadAllResult,
  type StoredEvent,
  type Upcaster,
} from './types';

export interface EventStoreOptions {
  /** Applied to every event read (and to the events handed to inline projections). */
  readonly upcast?: Upcaster;
  /** Run inside each append's transaction, in this order. */
  readonly inlineProjections?: readonly InlineProjection[];
}

/** The append-only event log in PostgreSQL (invariant 1). The pool is the caller's: the store never ends it. */
export class EventStore {
  private readonly upcast: Upcaster | undefined;
  private readonly inlineProjections: readonly InlineProjection[];

  constructor(
    private readonly pool: Pool,
    options: EventStoreOptions = {},
  ) {
    this.upcast = options.upcast;
    this.inlineProjections = options.inlineProjections ?? [];
  }

  /**
   * Appends `events` to the stream if it is still at `expectedVersion` — 0 for a new stream; a stream's version
   * is the number of events in it, so the first event gets version 1. All or nothing. Throws `ConcurrencyError`
   * when the version moved; a retry of an append that already committed (same event ids at the same versions)
   * writes nothing and returns the original result.
   */
  async append(streamId: string, expectedVersion: number, events: readonly NewEvent[]): Promise<AppendResult> {
    validateAppend(streamId, expectedVersion, events);
    const positions = await this.write(streamId, expectedVersion, events).catch((error: unknown) => {
      if (error instanceof AppendRaced) return undefined;
      throw error;
    });
    if (!positions) return resolveConflict(this.pool, streamId, expectedVersion, events);
    return { nextVersion: expectedVersion + events.length, positions };
  }

  /**
   * Writes the batch, with the inline projections in the same transaction when there are any; returns the
   * global positions written, or `undefined` when the version had moved.
   */
  private async write(streamId: string, expectedVersion: number, events: readonly NewEvent[]): Promise<string[] | undefined> {
    if (this.inlineProjections.length === 0) return writeBatchPositions(this.pool, streamId, expectedVersion, events);
    return inTransaction(this.pool, async (client) => {
      const written = await writeBatch(client, streamId, expectedVersion, events);
      if (!written) return undefined;
      const upcasted = this.upcast ? written.map((event) => this.upcastStored(event)) : written;
      for (const projection of this.inlineProjections) await projection.apply(client, upcasted);
      return written.map((event) => event.globalPosition);
    });
  }

  /** The stream's events after `fromVersion` (0 = all), oldest first; empty for an unknown stream. */
  readStream(streamId: string, fromVersion = 0): Promise<StoredEvent[]> {
    return readStreamFrom(this.pool, streamId, fromVersion, this.upcast);
  }

  /**
   * Up to `limit` events after `checkpoint` in commit order, never passing a transaction still running: keep
   * the returned checkpoint and pass it to the next call.
   */
  readAll(checkpoint: Checkpoint = START, limit = 1000): Promise<ReadAllResult> {
    return readAllFrom(this.pool, checkpoint, limit, this.upcast);
  }

  /** Truncates an inline projection's tables and replays the log into them; appends wait meanwhile. */
  rebuild(projection: Projection): Promise<number> {
    return rebuildInline(this.pool, projection, this.upcast);
  }

  private upcastStored(event: StoredEvent): StoredEvent {
    const raw = this.upcast!({ type: event.type, schemaVersion: event.schemaVersion, data: event.data, personal: event.personal });
    return { ...event, type: raw.type, schemaVersion: raw.schemaVersion, data: raw.data, personal: raw.personal ?? null };
  }
}
