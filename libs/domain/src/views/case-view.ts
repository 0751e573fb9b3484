// What a caseworker or supervisor sees of a case at `now`. Codes and times only, unless personal data is asked for
// (the caller has checked the reader may see it, and records the read).
import type { ProtocolDefinition, ProtocolRegistry, TaskId, WorkItemId } from '../protocol/protocol-definition';
import { compareProtocolVersions, protocolFor, PROTOCOLS } from '../protocol/protocol-registry';
import { taskRefusal, verificationRequestRefusal, type Refusal } from '../case/refusals';
import type { CaseFile, CaseState, ClinicalWindowStatus, ConsentRecord, WorkItem, WorkItemStatus } from '../case/state';
import { runningPause } from '../case/state';
import { toIso } from '../shared/time';
import type {
  ClinicalWindowId,
  ClosureReason,
  ConsentCategory,
  ConsentExceptionGround,
  PauseReason,
  RiskLevel,
  Stage,
} from '../shared/vocabulary';
import { effectiveDueAt, pausedDuring } from './clock-math';
import { stuckReasons, type StuckReason } from './stuck-reasons';

export interface ClockView {
  readonly item: WorkItemId;
  readonly kind: 'step' | 'task';
  readonly stage: Stage;
  readonly party: string;
  readonly status: WorkItemStatus;
  readonly openedAt: string;
  /** As it stands now (a running pause keeps moving it later). */
  readonly dueAt: string;
  readonly elapsedMs: number;
  readonly pausedMs: number;
  /** Negative when overdue. */
  readonly remainingMs: number;
  readonly escalationLevel: 0 | 1 | 2 | 3;
  /** Why working this task would be refused now (consent, her identity), so no one is offered what will fail. */
  readonly refusal?: Refusal;
}

export interface WaitingItemView {
  readonly item: WorkItemId;
  readonly consentCategory?: ConsentCategory;
  readonly blockedSince: string;
}

export interface ClinicalWindowView {
  readonly window: ClinicalWindowId;
  readonly endsAt: string;
  readonly status: ClinicalWindowStatus;
  readonly remainingMs: number;
}

export interface ConsentView extends Omit<ConsentRecord, 'at'> {
  readonly at?: string;
  readonly exception?: ConsentExceptionGround;
}

/** What intake recorded, codes only (the person's own details are in `personal`). */
export interface IntakeFactsView {
  readonly source: CaseFile['source'];
  readonly channel: CaseFile['channel'];
  readonly countryCode: string;
  readonly city?: string;
  readonly categories: CaseFile['categories'];
  readonly gbvType?: CaseFile['gbvType'];
  readonly incidentAt?: string;
  readonly incidentTimeEstimated?: boolean;
  readonly immediateDanger: boolean;
  readonly minor: boolean;
  readonly vulnerabilities: CaseFile['vulnerabilities'];
}

export interface CaseView {
  readonly caseId: string;
  readonly status: 'open' | 'closure_requested' | 'closed';
  readonly stage: Stage;
  readonly risk: RiskLevel;
  readonly missionCode: string;
  readonly assignee?: string;
  readonly protocolVersion: string;
  readonly openedAt: string;
  readonly intake: IntakeFactsView;
  readonly pause?: { readonly reason: PauseReason; readonly since: string };
  /** Running steps and tasks, soonest due first. */
  readonly openItems: readonly ClockView[];
  /** Every procedural clock the case has had, running or ended. */
  readonly clocks: readonly ClockView[];
  readonly waitingForConsent: readonly WaitingItemView[];
  readonly clinicalWindows: readonly ClinicalWindowView[];
  readonly consent: Readonly<Record<ConsentCategory, ConsentView>>;
  readonly escalationLevel: 0 | 1 | 2 | 3;
  readonly identity: CaseFile['identity'];
  readonly pendingClosure?: { readonly reason: ClosureReason; readonly requestedAt: string; readonly waitingMs: number };
  readonly closed?: { readonly reason: ClosureReason; readonly at: string };
  readonly stuck: readonly StuckReason[];
  /** Why asking the home authorities to verify her identity would be refused now. */
  readonly verificationRequestRefusal?: Refusal;
  /** Protocol versions newer than the pinned one: what a supervisor may migrate the case to. */
  readonly newerProtocolVersions: readonly string[];
  readonly personal?: PersonalView;
}

/** The personal part as a reader gets it: every instant ISO 8601, like the rest of the view (state keeps epoch ms). */
export interface PersonalView {
  readonly intake?: CaseFile['personal']['intake'];
  readonly notes: readonly { readonly at: string; readonly by: string; readonly text: string }[];
  /** When the case's data key was destroyed: nothing else of the personal part is left. */
  readonly erasedAt?: string;
}

const personalView = (personal: CaseFile['personal']): PersonalView => ({
  ...(personal.intake !== undefined ? { intake: personal.intake } : {}),
  notes: personal.notes.map((note) => ({ ...note, at: toIso(note.at) })),
  ...(personal.erasedAt !== undefined ? { erasedAt: toIso(personal.erasedAt) } : {}),
});

export interface CaseViewOptions {
  /** Include names, narrative and notes. Off by default. */
  readonly includePersonal?: boolean;
  readonly protocols?: ProtocolRegistry;
}

const clockOf = (file: CaseFile, item: WorkItem, now: number, protocol: ProtocolDefinition | undefined): ClockView | undefined => {
  if (item.openedAt === undefined || item.dueAt === undefined) return undefined;
  const running = item.status === 'open' || item.status === 'in_progress';
  const refusal = running && item.kind === 'task' && protocol ? taskRefusal(file, item.id as TaskId, protocol) : undefined;
  const until = Math.min(item.endedAt ?? now, now);
  const pausedMs = pausedDuring(file, item, item.openedAt, until);
  const dueAt = effectiveDueAt(file, item, now) ?? item.dueAt;
  return {
    item: item.id,
    kind: item.kind,
    stage: item.stage,
    party: item.party,
    status: item.status,
    openedAt: toIso(item.openedAt),
    dueAt: toIso(dueAt),
    elapsedMs: Math.max(0, until - item.openedAt - pausedMs),
    pausedMs,
    remainingMs: dueAt - now,
    escalationLevel: item.escalationLevel,
    ...(refusal ? { refusal } : {}),
  };
};

/** The case's pinned protocol, or none when the registry given does not know it (the view then lists no refusal). */
const pinnedProtocol = (version: string, protocols: ProtocolRegistry | undefined): ProtocolDefinition | undefined => {
  try {
    return protocolFor(version, protocols);
  } catch {
    return undefined;
  }
};

const intakeFacts = (file: CaseFile): IntakeFactsView => ({
  source: file.source,
  channel: file.channel,
  countryCode: file.countryCode,
  ...(file.city !== undefined ? { city: file.city } : {}),
  categories: file.categories,
  ...(file.gbvType !== undefined ? { gbvType: file.gbvType } : {}),
  ...(file.incidentAt !== undefined ? { incidentAt: toIso(file.incidentAt) } : {}),
  ...(file.incidentAt !== undefined ? { incidentTimeEstimated: file.incidentTimeEstimated } : {}),
  immediateDanger: file.immediateDanger,
  minor: file.minor,
  vulnerabilities: file.vulnerabilities,
});

export const caseView = (state: CaseState, now: number, options: CaseViewOptions = {}): CaseView | undefined => {
  if (state.status === 'none') return undefined;
  const items = Object.values(state.items).filter((i): i is WorkItem => i !== undefined);
  const protocol = pinnedProtocol(state.protocolVersion, options.protocols);
  const clocks = items.map((i) => clockOf(state, i, now, protocol)).filter((c): c is ClockView => c !== undefined);
  const verificationRefusal = verificationRequestRefusal(state);
  const openItems = clocks
    .filter((c) => c.status === 'open' || c.status === 'in_progress')
    .sort((a, b) => a.remainingMs - b.remainingMs);
  const consent = Object.fromEntries(
    Object.entries(state.consent).map(([category, record]) => {
      const exception = state.exceptions[category as ConsentCategory];
      const view: ConsentView = {
        status: record.status,
        ...(record.at !== undefined ? { at: toIso(record.at) } : {}),
        ...(record.by !== undefined ? { by: record.by } : {}),
        ...(record.method !== undefined ? { method: record.method } : {}),
        ...(exception ? { exception: exception.ground } : {}),
      };
      return [category, view];
    }),
  ) as Record<ConsentCategory, ConsentView>;
  const pause = runningPause(state);
  return {
    caseId: state.caseId,
    status: state.status,
    stage: state.stage,
    risk: state.risk,
    missionCode: state.missionCode,
    ...(state.assignee !== undefined ? { assignee: state.assignee } : {}),
    protocolVersion: state.protocolVersion,
    openedAt: toIso(state.openedAt),
    intake: intakeFacts(state),
    ...(pause ? { pause: { reason: pause.reason, since: toIso(pause.from) } } : {}),
    openItems,
    clocks,
    waitingForConsent: items
      .filter((i) => i.status === 'blocked_on_consent')
      .map((i) => ({
        item: i.id,
        ...(i.consentCategory ? { consentCategory: i.consentCategory } : {}),
        blockedSince: toIso(i.blockedSince ?? now),
      })),
    clinicalWindows: Object.values(state.windows).flatMap((w) =>
      w ? [{ window: w.id, endsAt: toIso(w.endsAt), status: w.status, remainingMs: w.endsAt - now }] : [],
    ),
    consent,
    escalationLevel: openItems.reduce<0 | 1 | 2 | 3>((max, c) => (c.escalationLevel > max ? c.escalationLevel : max), 0),
    identity: state.identity,
    ...(state.status === 'closure_requested'
      ? {
          pendingClosure: {
            reason: state.closure.reason,
            requestedAt: toIso(state.closure.requestedAt),
            waitingMs: now - state.closure.requestedAt,
          },
        }
      : {}),
    ...(state.status === 'closed' ? { closed: { reason: state.closureReason, at: toIso(state.closedAt) } } : {}),
    stuck: stuckReasons(state, now, options.protocols),
    ...(verificationRefusal ? { verificationRequestRefusal: verificationRefusal } : {}),
    newerProtocolVersions: Object.keys(options.protocols ?? PROTOCOLS)
      .filter((version) => compareProtocolVersions(version, state.protocolVersion) > 0)
      .sort(compareProtocolVersions),
    ...(options.includePersonal ? { personal: personalView(state.personal) } : {}),
  };
};
