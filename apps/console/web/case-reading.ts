// The shape of GET /v1/cases/{caseId} (codes, clocks and timeline; never personal data) and of its personal part,
// GET /v1/cases/{caseId}/personal (read on its own, and recorded in the read audit), as the console reads them.
import type { ClockReading } from './charts.js';
import type { TimelineEntry } from './timeline.js';

/** Why an action would be refused now (the domain's gates, sent with the reading). */
export interface Refusal { code: string; category?: string }
export interface Clock extends ClockReading { item: string; kind: string; escalationLevel: number; refusal?: Refusal }
export interface IntakeFacts {
  source: string; channel: string; countryCode: string; city?: string; categories: string[]; gbvType?: string;
  incidentAt?: string; incidentTimeEstimated?: boolean; immediateDanger: boolean; minor: boolean; vulnerabilities: string[];
}
export interface CaseView {
  caseId: string; status: string; stage: string; risk: string; missionCode: string; assignee?: string; openedAt: string;
  protocolVersion: string;
  intake?: IntakeFacts;
  pause?: { reason: string; since: string };
  openItems: Clock[]; clocks: Clock[];
  waitingForConsent?: Array<{ item: string; consentCategory?: string; blockedSince: string }>;
  clinicalWindows: Array<{ window: string; endsAt: string; status: string; remainingMs: number }>;
  consent: Record<string, { status: string; at?: string; method?: string; exception?: string }>;
  escalationLevel: number;
  identity: string;
  pendingClosure?: { reason: string; requestedAt: string };
  closed?: { reason: string; at: string };
  stuck: Array<{ kind: string; item?: string; level?: number }>;
  verificationRequestRefusal?: Refusal;
  /** Protocol versions newer than the case's, to migrate it to (a supervisor's decision). */
  newerProtocolVersions?: string[];
  /** Only in a break-glass answer; an ordinary reading carries none. */
  personal?: Personal;
}
export interface Reading { case: CaseView; version: number; timeline: TimelineEntry[]; permittedCommands?: string[] }

/** Instants in the personal part may come as ISO text or epoch milliseconds. */
export type Instant = string | number;
export interface Personal {
  intake?: {
    caller?: { phone?: string | null };
    subject?: { fullName?: string; sex?: string; dateOfBirth?: string | null; passportNumber?: string | null; hometownProvince?: string | null };
    narrative?: string | null;
  };
  notes?: Array<{ at: Instant; by: string; text: string }>;
  erasedAt?: Instant;
}
export interface PersonalReading { caseId: string; version: number; personal: Personal }

export const isoOf = (instant: Instant): string => (typeof instant === 'number' ? new Date(instant).toISOString() : instant);
