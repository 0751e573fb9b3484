// Reading one case as a person sees it: folded from its event log (the source of truth, invariant 1), with every
// clock and its timeline in plain words. Two readings, because they are read at very different rates:
// - `read`: codes, clocks, timeline, version. No personal value is opened: the events' personal parts are folded
//   sealed, as the workflow itself folds them, and the view leaves them out. Cheap enough to poll; not audited.
// - `readPersonal`: the same fold with every personal part opened with the case's data key (the only place a person
//   reads them); the caller records the read in the audit first. After erasure the personal part reads as erased.
import { caseView, describeEvent, fold, timelineFacts, upcast, type CaseEvent, type CaseView, type TimelineFacts } from '@baoho/domain';
import type { CasePersonalData } from '@baoho/crypto';
import type { EventStore, StoredEvent } from '@baoho/event-store';
import { HttpProblem } from '@baoho/http';

export interface TimelineEntry {
  readonly version: number;
  readonly at: string;
  readonly type: string;
  readonly by?: string;
  readonly text: string;
  /** The codes, counts and times the line is made of, for a reader to write it in its own language. */
  readonly facts: TimelineFacts;
}

export interface CaseReading {
  readonly case: CaseView;
  readonly version: number;
  readonly timeline: readonly TimelineEntry[];
}

/** The personal part of a case alone (intake caller, subject and narrative; notes; when it was erased). */
export type CasePersonal = NonNullable<CaseView['personal']>;

export interface CasePersonalReading {
  readonly caseId: string;
  /** The log version it was read at: a client reads it again only when the case's version moves. */
  readonly version: number;
  readonly personal: CasePersonal;
}

export class CaseReader {
  constructor(
    private readonly store: EventStore,
    private readonly personalData: CasePersonalData,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The case without its personal part: nothing is opened, nothing needs the case's key. */
  async read(caseId: string): Promise<CaseReading> {
    const stored = await this.store.readStream(caseId);
    return this.reading(caseId, stored, toEvents(stored, stored.map((event) => event.personal ?? null)), false);
  }

  /** The case with its personal part opened (for break-glass, which returns both at once). */
  async readWithPersonal(caseId: string): Promise<CaseReading> {
    const { stored, events } = await this.opened(caseId);
    return this.reading(caseId, stored, events, true);
  }

  /** The personal part alone, with the version it was read at. */
  async readPersonal(caseId: string): Promise<CasePersonalReading> {
    const { stored, events } = await this.opened(caseId);
    const view = caseView(fold(events), this.clock(), { includePersonal: true });
    if (!view?.personal) throw notFound(caseId);
    return { caseId, version: stored.length, personal: view.personal };
  }

  private async opened(caseId: string): Promise<{ stored: readonly StoredEvent[]; events: CaseEvent[] }> {
    // The key lookup runs beside the log read: a read whose key is not in memory waits for one round trip, not two.
    const key = this.personalData.lookUpKey(caseId);
    const stored = await this.store.readStream(caseId);
    // Every personal part of the case opened in one go (one key lookup per read).
    const personal = (await this.personalData.open(caseId, stored.map((event) => event.personal ?? null), undefined, key)).value;
    return { stored, events: toEvents(stored, personal) };
  }

  private reading(caseId: string, stored: readonly StoredEvent[], events: readonly CaseEvent[], includePersonal: boolean): CaseReading {
    const view = caseView(fold(events), this.clock(), { includePersonal });
    if (!view) throw notFound(caseId);
    return {
      case: view,
      version: stored.length,
      timeline: events.map((event, i) => ({
        version: stored[i]!.streamVersion,
        at: event.data.at,
        type: event.type,
        ...('by' in event.data && typeof event.data.by === 'string' ? { by: event.data.by } : {}),
        text: describeEvent(event),
        facts: timelineFacts(event),
      })),
    };
  }
}

const notFound = (caseId: string): HttpProblem => new HttpProblem(404, 'CASE_NOT_FOUND', 'No such case', `case ${caseId}`);

function toEvents(stored: readonly StoredEvent[], personal: readonly unknown[]): CaseEvent[] {
  return stored.map((event, i) =>
    upcast({
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.data as Record<string, unknown>,
      personal: (personal[i] as Record<string, unknown> | null) ?? null,
    }),
  );
}
