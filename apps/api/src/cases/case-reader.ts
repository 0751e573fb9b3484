// Reading one case as a person sees it: folded from its event log (the source of truth, invariant 1), with its
// personal part (opened here with the case's data key: the only place a person reads it), every clock, and its
// timeline in plain words. Reads by people are to be recorded (issue 7). After erasure the personal part reads
// as erased and everything else as before.
import { caseView, describeEvent, fold, timelineFacts, upcast, type CaseEvent, type CaseView, type TimelineFacts } from '@baoho/domain';
import type { CasePersonalData } from '@baoho/crypto';
import type { EventStore } from '@baoho/event-store';
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

export class CaseReader {
  constructor(
    private readonly store: EventStore,
    private readonly personalData: CasePersonalData,
    private readonly clock: () => number = Date.now,
  ) {}

  async read(caseId: string): Promise<CaseReading> {
    // The key lookup runs beside the log read: a read whose key is not in memory waits for one round trip, not two.
    const key = this.personalData.lookUpKey(caseId);
    const stored = await this.store.readStream(caseId);
    // Every personal part of the case opened in one go (one key lookup per read).
    const personal = (await this.personalData.open(caseId, stored.map((event) => event.personal ?? null), undefined, key)).value;
    const events: CaseEvent[] = stored.map((event, i) =>
      upcast({
        type: event.type,
        schemaVersion: event.schemaVersion,
        data: event.data as Record<string, unknown>,
        personal: (personal[i] as Record<string, unknown> | null) ?? null,
      }),
    );
    const view = caseView(fold(events), this.clock(), { includePersonal: true });
    if (!view) throw new HttpProblem(404, 'CASE_NOT_FOUND', 'No such case', `case ${caseId}`);
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
