// Pauses and acknowledgements. A pause is taken only while the case waits on the survivor, and stops only the
// clocks that wait on her (pauseHolds); a resume moves each of those later by the part of the pause it lived
// through — never earlier.
import { DomainError } from '../../shared/domain-error';
import { HOUR, toIso } from '../../shared/time';
import { PAUSE_REASONS } from '../../shared/vocabulary';
import type { AcknowledgeEscalation, PauseClock, ResumeClock } from '../commands';
import type { CaseEvent, ClockPaused, ClockResumed, DeadlineShift, EscalationAcknowledged } from '../events';
import { runningPause } from '../state';
import { event, requireOneOf, requireRole, STAFF, type DecisionContext } from './context';
import { isRunning } from './items';
import { pauseHolds } from '../../clocks/pause-holds';

export const decidePauseClock = (ctx: DecisionContext, c: PauseClock): CaseEvent[] => {
  requireRole(c.actor, STAFF, 'pausing the clock');
  requireOneOf(c.reason, PAUSE_REASONS, 'reason');
  const rules = ctx.protocol.pause;
  if (!rules.allowedReasons.includes(c.reason)) {
    throw new DomainError('PAUSE_NOT_ALLOWED', `${c.reason} does not stop the clock: waits on authorities escalate`);
  }
  if (runningPause(ctx.state)) throw new DomainError('ALREADY_PAUSED', 'the clock is already paused');
  if (c.reason === 'survivor_deciding' && ctx.state.contact.firstReachedAt === undefined) {
    throw new DomainError('SURVIVOR_NOT_REACHED', 'she has not been reached yet: nothing can be waiting on her decision');
  }
  if (c.reason === 'survivor_unreachable' && ctx.state.contact.failedAttemptsInRow < rules.unreachableNeedsAttempts) {
    throw new DomainError(
      'PAUSE_NOT_ALLOWED',
      `log at least ${rules.unreachableNeedsAttempts} unsuccessful contact attempt(s) before pausing as unreachable`,
    );
  }
  return [event<ClockPaused>('ClockPaused', { at: ctx.at, by: c.actor.userId, reason: c.reason })];
};

export const resumeEvents = (ctx: DecisionContext, by: string, reason: string | undefined): ClockResumed[] => {
  const pause = runningPause(ctx.state);
  if (!pause) throw new DomainError('NOT_PAUSED', 'the clock is not paused');
  const shifts: DeadlineShift[] = [];
  for (const item of Object.values(ctx.state.items)) {
    if (!isRunning(item) || item.dueAt === undefined || item.reminderAt === undefined) continue;
    // Only the clocks the pause stopped move: what waits on a party, or was already escalating, ran on.
    if (!pauseHolds(item, pause.from)) continue;
    // An item opened during the pause only lived through part of it.
    const lived = ctx.now - Math.max(pause.from, item.openedAt ?? pause.from);
    if (lived <= 0) continue;
    shifts.push({
      item: item.id,
      dueAt: { from: toIso(item.dueAt), to: toIso(item.dueAt + lived) },
      reminderAt: { from: toIso(item.reminderAt), to: toIso(item.reminderAt + lived) },
    });
  }
  return [
    event<ClockResumed>('ClockResumed', {
      at: ctx.at,
      by,
      reason,
      pausedAt: toIso(pause.from),
      pausedMs: Math.max(0, ctx.now - pause.from),
      shifts,
    }),
  ];
};

export const decideResumeClock = (ctx: DecisionContext, c: ResumeClock): CaseEvent[] => {
  requireRole(c.actor, STAFF, 'resuming the clock');
  return resumeEvents(ctx, c.actor.userId, c.reason);
};

export const decideAcknowledgeEscalation = (ctx: DecisionContext, c: AcknowledgeEscalation): CaseEvent[] => {
  requireRole(c.actor, ['supervisor', 'hq_duty_officer', 'head_of_mission', 'hq_officer'], 'acknowledging an escalation');
  const item = ctx.state.items[c.item];
  if (!isRunning(item) || item.escalationLevel === 0) {
    throw new DomainError('NO_ESCALATION', `nothing escalated on ${c.item}`);
  }
  const rearm = ctx.protocol.escalation.acknowledgementRearmHours[ctx.state.risk] * HOUR;
  return [
    event<EscalationAcknowledged>('EscalationAcknowledged', {
      at: ctx.at,
      by: c.actor.userId,
      item: item.id,
      level: item.escalationLevel,
      rearmUntil: toIso(ctx.now + rearm),
    }),
  ];
};
