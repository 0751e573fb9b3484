// Cases written the way the worker writes them, without Temporal: each command decided by the domain against the
// case so far, and what it produces appended through a real event store (inline projections included).
import { decide, fold, type CaseCommand, type CaseEvent, type CaseState } from '@baoho/domain';
import type { EventStore, NewEvent } from '@baoho/event-store';

/** A domain event as the log's new event at `version` (the event id the worker derives: `<case>:<version>`). */
export const toNew = (caseId: string, version: number, event: CaseEvent): NewEvent => ({
  eventId: `${caseId}:${version}`,
  type: event.type,
  schemaVersion: event.schemaVersion,
  data: event.data,
  ...(event.personal ? { personal: event.personal } : {}),
  occurredAt: event.data.at,
});

export type Steps = ReadonlyArray<readonly [CaseCommand, number]>;

export interface DrivenCase {
  readonly caseId: string;
  readonly state: CaseState;
  readonly version: number;
}

/** Decides each command (at its instant) against the case so far and appends what it produces, one append each. */
export async function drive(store: EventStore, steps: Steps, from?: DrivenCase): Promise<DrivenCase> {
  let state = from?.state ?? fold([]);
  let version = from?.version ?? 0;
  const caseId = from?.caseId ?? (steps[0]![0] as { caseId: string }).caseId;
  for (const [cmd, now] of steps) {
    const produced = decide(state, cmd, now);
    await store.append(caseId, version, produced.map((event, i) => toNew(caseId, version + i + 1, event)));
    state = fold(produced, state);
    version += produced.length;
  }
  return { caseId, state, version };
}
