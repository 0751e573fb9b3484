// Correcting the intake (re-triage): what was recorded at the report was wrong or is now better known. The
// correction and its reason are recorded; running deadlines follow a corrected risk by the case's pinned protocol,
// and clinical windows follow a corrected incident time or GBV type — a window already past when it becomes known
// is recorded as closed before it was known, never as a breach by the mission.
import { CLINICAL_WINDOWS, GBV_TYPES, PROTECTION_CATEGORIES, RISK_LEVELS, VULNERABILITIES, type ClinicalWindowId } from '../../shared/vocabulary';
import { fromIso, HOUR, toIso } from '../../shared/time';
import type { CorrectIntake } from '../commands';
import type {
  CaseEvent,
  ClinicalWindowClosedBeforeKnown,
  ClinicalWindowOpened,
  IntakeCorrected,
  IntakeCorrections,
  IntakeField,
} from '../events';
import { event, invalid, requireOneOf, requireRole, requireText, type DecisionContext } from './context';
import { isRunning } from './items';
import { scheduleFor } from './schedule';

/** Those who triage and work the case; a correction is told to nobody but recorded with its reason. */
const CORRECTORS = ['caseworker', 'supervisor'] as const;

const listOf = <T extends string>(value: unknown, allowed: readonly T[], field: string): T[] => {
  if (!Array.isArray(value)) return invalid(`${field} must be a list`);
  return [...new Set(value.map((x) => requireOneOf(x, allowed, field)))];
};

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x) => b.includes(x));

/** The corrections the command asks for that change something, each from what the case holds now. */
const correctionsOf = (ctx: DecisionContext, c: CorrectIntake): IntakeCorrections => {
  const s = ctx.state;
  const corrections: { -readonly [K in IntakeField]?: IntakeCorrections[K] } = {};
  if (c.risk !== undefined) {
    const to = requireOneOf(c.risk, RISK_LEVELS, 'risk');
    if (to !== s.risk) corrections.risk = { from: s.risk, to };
  }
  if (c.gbvType !== undefined) {
    const to = requireOneOf(c.gbvType, GBV_TYPES, 'gbvType');
    if (to !== s.gbvType) corrections.gbvType = { from: s.gbvType ?? null, to };
  }
  if (c.incidentAt !== undefined) {
    const at = typeof c.incidentAt === 'string' ? fromIso(c.incidentAt) : Number.NaN;
    if (Number.isNaN(at)) invalid('incidentAt is not a time');
    if (at > ctx.now) invalid('incidentAt is in the future');
    if (at !== s.incidentAt) corrections.incidentAt = { from: s.incidentAt === undefined ? null : toIso(s.incidentAt), to: toIso(at) };
  }
  if (c.incidentTimeEstimated !== undefined) {
    if (typeof c.incidentTimeEstimated !== 'boolean') invalid('incidentTimeEstimated must be yes or no');
    if (c.incidentTimeEstimated !== s.incidentTimeEstimated) {
      corrections.incidentTimeEstimated = { from: s.incidentTimeEstimated, to: c.incidentTimeEstimated };
    }
  }
  if (c.categories !== undefined) {
    const to = listOf(c.categories, PROTECTION_CATEGORIES, 'categories');
    if (!sameSet(to, s.categories)) corrections.categories = { from: s.categories, to };
  }
  if (c.vulnerabilities !== undefined) {
    const to = listOf(c.vulnerabilities, VULNERABILITIES, 'vulnerabilities');
    if (!sameSet(to, s.vulnerabilities)) corrections.vulnerabilities = { from: s.vulnerabilities, to };
  }
  return corrections;
};

/** Each running deadline recomputed from when its clock started for the new risk, keeping what pauses added. */
const deadlinesFor = (ctx: DecisionContext, corrections: IntakeCorrections): IntakeCorrected['data']['deadlines'] => {
  if (!corrections.risk) return [];
  const { from, to } = corrections.risk;
  const deadlines: { item: IntakeCorrected['data']['deadlines'][number]['item']; dueAt: string; reminderAt: string }[] = [];
  for (const item of Object.values(ctx.state.items)) {
    if (!isRunning(item) || item.openedAt === undefined || item.dueAt === undefined || item.reminderAt === undefined) continue;
    const before = scheduleFor(ctx.protocol, item.id, from, item.openedAt, ctx.mission);
    const after = scheduleFor(ctx.protocol, item.id, to, item.openedAt, ctx.mission);
    const pausedShift = item.dueAt - before.dueAt;
    deadlines.push({ item: item.id, dueAt: toIso(after.dueAt + pausedShift), reminderAt: toIso(after.reminderAt + pausedShift) });
  }
  return deadlines;
};

interface WindowChanges {
  readonly moved: IntakeCorrected['data']['windows'][number][];
  readonly withdrawn: ClinicalWindowId[];
  readonly events: (ClinicalWindowOpened | ClinicalWindowClosedBeforeKnown)[];
}

/**
 * The clinical windows as the corrected incident time and GBV type say. A window not yet recorded opens (or, past,
 * is recorded as closed before it was known); an open one moves its end with the incident time (or, now past,
 * closes before it was known); one that no longer applies to the GBV type is withdrawn unless care was recorded.
 * Windows already closed, or with care recorded, keep what happened.
 */
const windowsFor = (ctx: DecisionContext, corrections: IntakeCorrections): WindowChanges => {
  const changes: WindowChanges = { moved: [], withdrawn: [], events: [] };
  if (!corrections.incidentAt && !corrections.gbvType) return changes;
  const s = ctx.state;
  const incidentAt = corrections.incidentAt?.to != null ? fromIso(corrections.incidentAt.to) : s.incidentAt;
  const gbvType = corrections.gbvType ? corrections.gbvType.to : s.gbvType;
  for (const id of CLINICAL_WINDOWS) {
    const def = ctx.protocol.clinicalWindows[id];
    const existing = s.windows[id];
    if (gbvType == null || !def.opensFor.includes(gbvType)) {
      if (existing && existing.status !== 'care_recorded') changes.withdrawn.push(id);
      continue;
    }
    if (incidentAt === undefined) continue;
    const endsAt = incidentAt + def.hoursFromIncident * HOUR;
    const data = { at: ctx.at, window: id, incidentAt: toIso(incidentAt), endsAt: toIso(endsAt) };
    if (!existing || (existing.status === 'open' && endsAt <= ctx.now)) {
      changes.events.push(
        endsAt <= ctx.now
          ? event<ClinicalWindowClosedBeforeKnown>('ClinicalWindowClosedBeforeKnown', data)
          : event<ClinicalWindowOpened>('ClinicalWindowOpened', data),
      );
    } else if (existing.status === 'open' && endsAt !== existing.endsAt) {
      changes.moved.push({ window: id, incidentAt: data.incidentAt, endsAt: data.endsAt });
    }
  }
  return changes;
};

export const decideCorrectIntake = (ctx: DecisionContext, c: CorrectIntake): CaseEvent[] => {
  requireRole(c.actor, CORRECTORS, 'correcting the intake');
  const reason = requireText(c.reason, 'reason');
  const corrections = correctionsOf(ctx, c);
  const changed = Object.keys(corrections) as IntakeField[];
  if (changed.length === 0) return invalid('the correction changes nothing the case holds');
  const windows = windowsFor(ctx, corrections);
  return [
    event<IntakeCorrected>(
      'IntakeCorrected',
      {
        at: ctx.at,
        by: c.actor.userId,
        changed,
        corrections,
        deadlines: deadlinesFor(ctx, corrections),
        windows: windows.moved,
        withdrawnWindows: windows.withdrawn,
      },
      { reason },
    ),
    ...windows.events,
  ];
};
