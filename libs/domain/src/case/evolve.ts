// evolve(state, event) → state: the only way state changes. It trusts decide for the rules but still refuses
// an event that cannot apply (an item that does not exist, a resume without a pause), so a corrupt stream is
// loud instead of silently folding into nonsense.
import type { Track, WorkItemId } from '../protocol/protocol-definition';
import { DomainError } from '../shared/domain-error';
import { fromIso } from '../shared/time';
import { CONSENT_CATEGORIES, STAGES, type ConsentCategory, type Stage } from '../shared/vocabulary';
import type { CaseEvent, CaseOpened, IntakeCorrected } from './events';
import type { ActiveCase, CaseFile, CaseState, ConsentRecord, WorkItem } from './state';
import { isActive, runningPause } from './state';

const reject = (event: CaseEvent, why: string): never => {
  throw new DomainError('INVALID_EVENT', `${event.type} cannot apply: ${why}`);
};

const later = (a: Stage, b: Stage): Stage => (STAGES.indexOf(a) >= STAGES.indexOf(b) ? a : b);

export const stageOfTrack = (track: Track): Stage =>
  track === 'identity_verification' ? 'assessment' : 'implementation';

const opened = (event: CaseOpened): CaseState => {
  const d = event.data;
  const at = fromIso(d.at);
  const consent = Object.fromEntries(
    CONSENT_CATEGORIES.map((c): [ConsentCategory, ConsentRecord] => [c, { status: 'not_asked' }]),
  ) as Record<ConsentCategory, ConsentRecord>;
  return {
    status: 'open',
    caseId: d.caseId,
    protocolVersion: d.protocolVersion,
    missionCode: d.missionCode,
    risk: d.risk,
    // Whoever took a walk-in keeps seeing the case they opened until (and after) it is assigned.
    ...(d.source === 'walk_in' ? { sharedWith: [d.by] } : {}),
    stage: 'intake',
    source: d.source,
    channel: d.channel,
    immediateDanger: d.immediateDanger,
    ...(d.hotlineEventId !== undefined ? { hotlineEventId: d.hotlineEventId } : {}),
    openedAt: fromIso(d.reportedAt),
    countryCode: d.countryCode,
    ...(d.city !== undefined ? { city: d.city } : {}),
    categories: d.categories,
    ...(d.gbvType !== undefined ? { gbvType: d.gbvType } : {}),
    ...(d.incidentAt !== null ? { incidentAt: fromIso(d.incidentAt) } : {}),
    incidentTimeEstimated: d.incidentTimeEstimated,
    minor: d.minor,
    vulnerabilities: d.vulnerabilities,
    items: {},
    windows: {},
    consent,
    exceptions: {},
    pauses: [],
    contact: { failedAttemptsInRow: 0 },
    identity: 'unverified',
    familyIsRiskSource: false,
    lastActivityAt: at,
    personal: { ...(event.personal ? { intake: event.personal } : {}), notes: [] },
  };
};

const withItem = (
  state: ActiveCase,
  event: CaseEvent,
  id: WorkItemId,
  change: (item: WorkItem) => WorkItem | undefined,
): ActiveCase => {
  const item = state.items[id];
  if (!item) return reject(event, `no item ${id}`);
  const next = change(item);
  if (!next) return reject(event, `item ${id} is ${item.status}`);
  return { ...state, items: { ...state.items, [id]: next } };
};

const running = (item: WorkItem): boolean => item.status === 'open' || item.status === 'in_progress';

const freshItem = (base: Omit<WorkItem, 'reminded' | 'escalationLevel' | 'status'>, status: WorkItem['status']) =>
  ({ ...base, status, reminded: false, escalationLevel: 0 }) as WorkItem;

/** Items opened before the protocol said whom they wait on were all stopped by a pause: they fold so. */
const WAITED_ON_BEFORE_IT_WAS_RECORDED = 'survivor';

/** Evolve an active case; personal activity (any event with `by`) refreshes the inactivity clock. */
const evolveActive = (state: ActiveCase, event: CaseEvent): CaseState => {
  const at = fromIso(event.data.at);
  const s: ActiveCase = 'by' in event.data ? { ...state, lastActivityAt: at } : state;
  switch (event.type) {
    case 'CaseOpened':
      return reject(event, 'the case is already open');
    case 'ClinicalWindowOpened':
    case 'ClinicalWindowClosedBeforeIntake': {
      const w = event.data.window;
      if (s.windows[w]) return reject(event, `window ${w} already recorded`);
      const status = event.type === 'ClinicalWindowOpened' ? 'open' : 'closed_before_intake';
      const window = { id: w, incidentAt: fromIso(event.data.incidentAt), endsAt: fromIso(event.data.endsAt), status };
      return { ...s, windows: { ...s.windows, [w]: window } };
    }
    case 'ClinicalWindowClosedBeforeKnown': {
      // a window newly known to have closed already, or an open one whose corrected end is already past
      const w = event.data.window;
      const existing = s.windows[w];
      if (existing && existing.status !== 'open') return reject(event, `window ${w} is ${existing.status}`);
      const window = { id: w, incidentAt: fromIso(event.data.incidentAt), endsAt: fromIso(event.data.endsAt), status: 'closed_before_known' as const };
      return { ...s, windows: { ...s.windows, [w]: window } };
    }
    case 'ClinicalWindowClosed':
    case 'ClinicalCareRecorded': {
      const window = s.windows[event.data.window];
      if (!window || window.status !== 'open') return reject(event, 'window not open');
      const status = event.type === 'ClinicalWindowClosed' ? 'closed' : 'care_recorded';
      return { ...s, windows: { ...s.windows, [window.id]: { ...window, status } } };
    }
    case 'CaseworkerAssigned':
      return { ...s, assignee: event.data.caseworkerId, stage: later(s.stage, 'engagement') };
    case 'ContactRecorded': {
      const reached = event.data.outcome === 'reached';
      const contact = reached
        ? { firstReachedAt: s.contact.firstReachedAt ?? at, lastReachedAt: at, failedAttemptsInRow: 0 }
        : { ...s.contact, failedAttemptsInRow: event.data.failedAttemptsInRow };
      return { ...s, contact };
    }
    case 'ConsentGiven':
    case 'ConsentRefused':
    case 'ConsentWithdrawn': {
      const status = event.type === 'ConsentGiven' ? 'given' : event.type === 'ConsentRefused' ? 'refused' : 'withdrawn';
      const record: ConsentRecord = { status, at, by: event.data.by, method: event.data.method };
      return { ...s, consent: { ...s.consent, [event.data.category]: record } };
    }
    case 'ConsentExceptionRecorded': {
      const exception = { ground: event.data.ground, at, by: event.data.by };
      return { ...s, exceptions: { ...s.exceptions, [event.data.category]: exception } };
    }
    case 'ConsentExceptionLapsed': {
      if (!s.exceptions[event.data.category]) return reject(event, `no exception for ${event.data.category}`);
      const { [event.data.category]: _lapsed, ...exceptions } = s.exceptions;
      return { ...s, exceptions };
    }
    case 'ConsentReaskDue': {
      const record = s.consent[event.data.category];
      if (record.status !== 'refused' || record.reaskReminded) return reject(event, `no refusal of ${event.data.category} to re-ask`);
      return { ...s, consent: { ...s.consent, [event.data.category]: { ...record, reaskReminded: true } } };
    }
    case 'SupervisorNotified':
      return s;
    case 'AssessmentSubmitted':
      return { ...s, familyIsRiskSource: event.data.familyIsRiskSource };
    case 'IdentityDocumentsSeen':
      return { ...s, identity: 'documents_seen' };
    case 'IdentityVerificationRequested':
      return { ...s, identity: 'request_sent' };
    case 'IdentityVerificationAnswered':
      return { ...s, identity: event.data.confirmed ? 'confirmed' : 'not_confirmed' };
    case 'ActionPlanAgreed': {
      const tasks = [...new Set([...(s.plan?.tasks ?? []), ...event.data.tasks])];
      return { ...s, plan: { goal: event.data.goal, tasks, agreedAt: at } };
    }
    case 'StepOpened':
    case 'TaskOpened': {
      const d = event.data;
      const id = event.type === 'StepOpened' ? event.data.step : event.data.task;
      // An item opens again once it is not running: a task waiting for consent, one cancelled and planned again,
      // a step resumed after the case was reopened (cancelled at closure, or done and taken up again).
      const existing = s.items[id];
      if (existing && running(existing)) return reject(event, `item ${id} is ${existing.status}`);
      const base =
        event.type === 'StepOpened'
          ? { id, kind: 'step' as const, stage: event.data.stage, party: d.party, waitsOn: d.waitsOn ?? WAITED_ON_BEFORE_IT_WAS_RECORDED }
          : {
              id,
              kind: 'task' as const,
              stage: stageOfTrack(event.data.track),
              party: d.party,
              waitsOn: d.waitsOn ?? WAITED_ON_BEFORE_IT_WAS_RECORDED,
              track: event.data.track,
              ...(event.data.consentCategory ? { consentCategory: event.data.consentCategory } : {}),
            };
      const item = freshItem(
        { ...base, openedAt: at, dueAt: fromIso(d.dueAt), reminderAt: fromIso(d.reminderAt) },
        'open',
      );
      // Engagement begins with an assignee (CaseworkerAssigned), not with the first-contact clock that intake starts.
      const advances = event.type === 'StepOpened' && event.data.stage !== 'engagement';
      const stage = advances ? later(s.stage, event.data.stage) : s.stage;
      return { ...s, stage, items: { ...s.items, [id]: item } };
    }
    case 'TaskBlockedOnConsent': {
      const d = event.data;
      // A running task goes back to waiting when the exception it ran under lapses without her consent.
      const existing = s.items[d.task];
      if (existing?.status === 'blocked_on_consent' || existing?.status === 'done') return reject(event, `task ${d.task} is ${existing.status}`);
      const item = freshItem(
        {
          id: d.task,
          kind: 'task',
          stage: stageOfTrack(d.track),
          party: d.party,
          // no clock while blocked; TaskOpened says whom it waits on once it starts
          waitsOn: 'party',
          track: d.track,
          consentCategory: d.category,
          blockedSince: at,
        },
        'blocked_on_consent',
      );
      return { ...s, items: { ...s.items, [d.task]: item } };
    }
    case 'TaskStarted':
      return withItem(s, event, event.data.task, (i) => (i.status === 'open' ? { ...i, status: 'in_progress' } : undefined));
    case 'StepCompleted':
    case 'TaskCompleted': {
      const id = event.type === 'StepCompleted' ? event.data.step : event.data.task;
      return withItem(s, event, id, (i) => (running(i) ? { ...i, status: 'done', endedAt: at } : undefined));
    }
    case 'TaskCancelled':
      return withItem(s, event, event.data.task, (i) =>
        running(i) || i.status === 'blocked_on_consent' ? { ...i, status: 'cancelled', endedAt: at } : undefined,
      );
    case 'ClockPaused':
      if (runningPause(s)) return reject(event, 'already paused');
      return { ...s, pauses: [...s.pauses, { reason: event.data.reason, from: at }] };
    case 'ClockResumed': {
      const pause = runningPause(s);
      if (!pause) return reject(event, 'not paused');
      const pauses = [...s.pauses.slice(0, -1), { ...pause, to: at }];
      let next: ActiveCase = { ...s, pauses };
      for (const shift of event.data.shifts) {
        const by = fromIso(shift.dueAt.to) - fromIso(shift.dueAt.from);
        next = withItem(next, event, shift.item, (i) => ({
          ...i,
          dueAt: fromIso(shift.dueAt.to),
          reminderAt: fromIso(shift.reminderAt.to),
          ...(i.escalatedAt !== undefined ? { escalatedAt: i.escalatedAt + by } : {}),
        }));
      }
      return next;
    }
    case 'ReminderDue':
    case 'FollowUpDue':
      return withItem(s, event, event.data.item, (i) => (running(i) && !i.reminded ? { ...i, reminded: true } : undefined));
    case 'DeadlineMissed':
      return withItem(s, event, event.data.item, (i) => (running(i) && i.escalationLevel === 0 ? { ...i, missedAt: at } : undefined));
    case 'CaseEscalated': {
      const { level, scheduledAt } = event.data;
      return withItem(s, event, event.data.item, (i) =>
        running(i) && i.escalationLevel === level - 1 ? { ...i, escalationLevel: level, escalatedAt: fromIso(scheduledAt) } : undefined,
      );
    }
    case 'EscalationAcknowledged':
      return withItem(s, event, event.data.item, (i) =>
        running(i) && i.escalationLevel >= 1
          ? { ...i, acknowledgedLevel: event.data.level, rearmUntil: fromIso(event.data.rearmUntil) }
          : undefined,
      );
    case 'CaseBecameStuck':
      return { ...s, inactivityReportedFor: fromIso(event.data.since) };
    case 'FollowUpRecorded':
      return s;
    case 'ClosureRequested':
      if (s.status !== 'open') return reject(event, 'closure already requested');
      return {
        ...s,
        status: 'closure_requested',
        stage: 'closure',
        closure: { reason: event.data.reason, requestedAt: at, requestedBy: event.data.by, stageBefore: s.stage },
      };
    case 'ClosureRejected': {
      if (s.status !== 'closure_requested') return reject(event, 'no closure requested');
      const { closure, ...file } = s;
      return { ...file, status: 'open', stage: closure.stageBefore };
    }
    case 'CaseClosed': {
      if (s.status !== 'closure_requested') return reject(event, 'no closure requested');
      const { closure, ...file } = s;
      // Closing ends every running clock: items still open are cancelled, a running pause ends now.
      const items = Object.fromEntries(
        Object.entries(file.items).map(([id, i]) => [
          id,
          i && (running(i) || i.status === 'blocked_on_consent') ? { ...i, status: 'cancelled', endedAt: at } : i,
        ]),
      ) as CaseFile['items'];
      const pause = runningPause(file);
      const pauses = pause ? [...file.pauses.slice(0, -1), { ...pause, to: at }] : file.pauses;
      return { ...file, items, pauses, status: 'closed', closedAt: at, closureReason: event.data.reason, stageBefore: closure.stageBefore };
    }
    case 'CaseReopened':
    case 'NoteAdded':
    case 'PersonalDataErased':
    case 'CaseShared':
    case 'BreakGlassRead':
      return reject(event, `case is ${s.status}`);
    case 'IntakeCorrected':
      return intakeCorrected(s, event);
    case 'ProtocolMigrated': {
      let next: ActiveCase = { ...s, protocolVersion: event.data.toVersion };
      for (const d of event.data.deadlines) {
        next = withItem(next, event, d.item, (i) => ({ ...i, dueAt: fromIso(d.dueAt), reminderAt: fromIso(d.reminderAt) }));
      }
      return next;
    }
    default:
      return assertNever(event);
  }
};

const intakeCorrected = (s: ActiveCase, event: IntakeCorrected): ActiveCase => {
  const c = event.data.corrections;
  const { gbvType: _g, incidentAt: _i, ...rest } = s;
  const gbvType = c.gbvType ? c.gbvType.to : s.gbvType;
  const incidentAt = c.incidentAt ? (c.incidentAt.to === null ? undefined : fromIso(c.incidentAt.to)) : s.incidentAt;
  let next: ActiveCase = {
    ...rest,
    ...(gbvType != null ? { gbvType } : {}),
    ...(incidentAt !== undefined ? { incidentAt } : {}),
    ...(c.risk ? { risk: c.risk.to } : {}),
    ...(c.incidentTimeEstimated ? { incidentTimeEstimated: c.incidentTimeEstimated.to } : {}),
    ...(c.categories ? { categories: c.categories.to } : {}),
    ...(c.vulnerabilities ? { vulnerabilities: c.vulnerabilities.to } : {}),
  };
  for (const d of event.data.deadlines) {
    next = withItem(next, event, d.item, (i) => ({ ...i, dueAt: fromIso(d.dueAt), reminderAt: fromIso(d.reminderAt) }));
  }
  const windows = { ...next.windows };
  for (const w of event.data.windows) {
    const window = windows[w.window];
    if (!window || window.status !== 'open') return reject(event, `window ${w.window} is not open`);
    windows[w.window] = { ...window, incidentAt: fromIso(w.incidentAt), endsAt: fromIso(w.endsAt) };
  }
  for (const id of event.data.withdrawnWindows) delete windows[id];
  return { ...next, windows };
};

export const assertNever = (value: never): never => {
  throw new DomainError('INVALID_EVENT', `unknown event ${JSON.stringify(value)}`);
};

const addNote = (file: CaseFile, event: CaseEvent, text: string | undefined): CaseFile['personal'] =>
  text === undefined || !('by' in event.data) || file.personal.erasedAt !== undefined
    ? file.personal
    : { ...file.personal, notes: [...file.personal.notes, { at: fromIso(event.data.at), by: event.data.by, text }] };

export const evolve = (state: CaseState, event: CaseEvent): CaseState => {
  if (event.type === 'CaseOpened') {
    return state.status === 'none' ? opened(event) : reject(event, `case is ${state.status}`);
  }
  if (state.status === 'none') return reject(event, 'no case');
  // Erasure may happen at any status: the personal part is dropped, every code and time stays.
  if (event.type === 'PersonalDataErased') {
    return { ...state, personal: { notes: [], erasedAt: fromIso(event.data.at) } };
  }
  // Sharing and break-glass reads may happen at any status and never move a clock or count as activity.
  if (event.type === 'CaseShared') {
    const sharedWith = state.sharedWith ?? [];
    return sharedWith.includes(event.data.userId) ? state : { ...state, sharedWith: [...sharedWith, event.data.userId] };
  }
  if (event.type === 'BreakGlassRead') return state;
  // Notes may be added at any status; they are personal data and never move a clock.
  if (event.type === 'NoteAdded') {
    const at = fromIso(event.data.at);
    return { ...state, lastActivityAt: at, personal: addNote(state, event, event.personal?.text) };
  }
  if (state.status === 'closed') {
    if (event.type !== 'CaseReopened') return reject(event, 'case is closed');
    const { closedAt: _c, closureReason: _r, stageBefore, ...file } = state;
    const at = fromIso(event.data.at);
    const stage = event.data.stage ?? stageBefore;
    return { ...file, status: 'open', stage, lastActivityAt: at, personal: addNote(file, event, event.personal?.note) };
  }
  if (!isActive(state)) return reject(event, 'case is not active');
  const next = evolveActive(state, event);
  if (next.status === 'none') return next;
  const note = 'personal' in event && event.personal && 'note' in event.personal ? event.personal.note : undefined;
  return note === undefined ? next : { ...next, personal: addNote(next, event, note) };
};
