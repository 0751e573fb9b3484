// Opening steps and tasks, and the gates an action towards a recipient must pass.
import type { StepId, TaskId } from '../../protocol/protocol-definition';
import { DomainError } from '../../shared/domain-error';
import { toIso } from '../../shared/time';
import type { ConsentCategory } from '../../shared/vocabulary';
import type { StepOpened, TaskBlockedOnConsent, TaskOpened } from '../events';
import type { ActiveCase, WorkItem } from '../state';
import { isConsentInForce } from '../state';
import { consentRefusal, refusalError } from '../refusals';
import { event, type DecisionContext } from './context';
import { scheduleFor } from './schedule';

export const isRunning = (item: WorkItem | undefined): item is WorkItem =>
  item !== undefined && (item.status === 'open' || item.status === 'in_progress');

export const openStep = (ctx: DecisionContext, step: StepId): StepOpened => {
  const def = ctx.protocol.steps[step];
  const s = scheduleFor(ctx.protocol, step, ctx.state.risk, ctx.now, ctx.mission);
  return event<StepOpened>('StepOpened', {
    at: ctx.at,
    step,
    stage: def.stage,
    party: def.party,
    waitsOn: def.waitsOn,
    dueAt: toIso(s.dueAt),
    reminderAt: toIso(s.reminderAt),
  });
};

export const openTask = (ctx: DecisionContext, task: TaskId): TaskOpened => {
  const def = ctx.protocol.tasks[task];
  const s = scheduleFor(ctx.protocol, task, ctx.state.risk, ctx.now, ctx.mission);
  return event<TaskOpened>('TaskOpened', {
    at: ctx.at,
    task,
    track: def.track,
    party: def.party,
    waitsOn: def.waitsOn,
    consentCategory: def.consentCategory,
    dueAt: toIso(s.dueAt),
    reminderAt: toIso(s.reminderAt),
  });
};

/** A planned task starts its clock at once, or waits (blocked) until consent for its recipient is in force. */
export const planTask = (ctx: DecisionContext, task: TaskId): TaskOpened | TaskBlockedOnConsent => {
  const def = ctx.protocol.tasks[task];
  if (def.consentCategory && !isConsentInForce(ctx.state, def.consentCategory)) {
    return event<TaskBlockedOnConsent>('TaskBlockedOnConsent', {
      at: ctx.at,
      task,
      track: def.track,
      party: def.party,
      category: def.consentCategory,
    });
  }
  return openTask(ctx, task);
};

/** Tasks waiting for consent in `category` whose clock can start now. */
export const unblockTasks = (ctx: DecisionContext, category: ConsentCategory): TaskOpened[] =>
  Object.values(ctx.state.items)
    .filter((i): i is WorkItem => i?.status === 'blocked_on_consent' && i.consentCategory === category)
    .map((i) => openTask(ctx, i.id as TaskId));

export const requireFamilyIsSafe = (state: ActiveCase, category: ConsentCategory | undefined): void => {
  const refusal = consentRefusal(state, category);
  if (refusal?.code === 'FAMILY_IS_RISK_SOURCE') throw refusalError(refusal, 'sharing');
};

/** Sharing information with a recipient needs consent in force for its category, or a recorded exception. */
export const requireConsent = (state: ActiveCase, category: ConsentCategory | undefined): void => {
  const refusal = consentRefusal(state, category);
  if (refusal) throw refusalError(refusal, 'sharing');
};

export const requireStepOpen = (state: ActiveCase, step: StepId): WorkItem => {
  const item = state.items[step];
  if (!isRunning(item)) throw new DomainError('STEP_NOT_OPEN', `step ${step} is not open`);
  return item;
};

export const requireTaskRunning = (state: ActiveCase, task: TaskId): WorkItem => {
  const item = state.items[task];
  if (item?.status === 'blocked_on_consent') {
    throw new DomainError('CONSENT_REQUIRED', `task ${task} waits for consent for ${item.consentCategory ?? '?'}`);
  }
  if (!isRunning(item)) throw new DomainError('TASK_NOT_OPEN', `task ${task} is not open`);
  return item;
};
