// The shape of GET /v1/cases/{caseId} as the console reads it (the API's CaseReading; only what is shown).
import type { ClockReading } from './charts.js';
import type { TimelineEntry } from './timeline.js';

export interface Clock extends ClockReading { item: string; kind: string; escalationLevel: number }
export interface CaseView {
  caseId: string; status: string; stage: string; risk: string; missionCode: string; assignee?: string; openedAt: string;
  pause?: { reason: string; since: string };
  openItems: Clock[]; clocks: Clock[];
  clinicalWindows: Array<{ window: string; endsAt: string; status: string; remainingMs: number }>;
  consent: Record<string, { status: string; at?: string; method?: string; exception?: string }>;
  escalationLevel: number;
  identity: string;
  pendingClosure?: { reason: string; requestedAt: string };
  closed?: { reason: string; at: string };
  stuck: Array<{ kind: string; item?: string; level?: number }>;
  personal?: { subject?: { fullName?: string } };
}
export interface Reading { case: CaseView; version: number; timeline: TimelineEntry[]; permittedCommands?: string[] }
