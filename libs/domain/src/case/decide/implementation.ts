// The action plan and its tracks of tasks. Every task towards a recipient passes the consent gate; the
// emergency travel document needs a verified identity.
import { DomainError } from '../../shared/domain-error';
import { TASK_IDS, type TaskId } from '../../protocol/protocol-definition';
import type { AgreeActionPlan, CompleteTask, StartTask } from '../commands';
import type { ActionPlanAgreed, CaseEvent, TaskCompleted, TaskStarted } from '../events';
import type { ActiveCase } from '../state';
import { event, invalid, requireOneOf, requireRole, STAFF, type DecisionContext } from './context';
import { taskRefusal, refusalError } from '../refusals';
import { isRunning, openStep, planTask, requireFamilyIsSafe, requireStepOpen, requireTaskRunning } from './items';
import { completeStep } from './steps';

const PLANNABLE = TASK_IDS.filter((t) => t !== 'verification_answer');

export const decideAgreeActionPlan = (ctx: DecisionContext, c: AgreeActionPlan): CaseEvent[] => {
  requireRole(c.actor, STAFF, 'agreeing an action plan');
  requireOneOf(c.goal, ['return', 'stay'] as const, 'goal');
  if (!Array.isArray(c.tasks) || c.tasks.length === 0) return invalid('a plan lists at least one task');
  c.tasks.forEach((t) => requireOneOf(t, PLANNABLE, 'tasks'));
  const { state } = ctx;
  // The first plan ends the action-plan step; later ones revise the plan during implementation.
  if (!state.plan) requireStepOpen(state, 'action_plan');
  if (c.tasks.includes('family_notification')) requireFamilyIsSafe(state, 'family');
  const by = c.actor.userId;
  const tasks: TaskId[] = [...new Set<TaskId>(c.tasks)];
  const events: CaseEvent[] = [event<ActionPlanAgreed>('ActionPlanAgreed', { at: ctx.at, by, goal: c.goal, tasks })];
  const planStepRunning = isRunning(state.items.action_plan);
  if (planStepRunning) events.push(completeStep(ctx, by, 'action_plan'));
  // The first plan opens the implementation; so does the plan that ends an action-plan step resumed after a reopening
  // (the implementation ended with the closure). A revision while implementing leaves it running.
  if (!state.items.implementation || (planStepRunning && !isRunning(state.items.implementation))) {
    events.push(openStep(ctx, 'implementation'));
  }
  for (const task of tasks) {
    const status = state.items[task]?.status;
    if (status === undefined || status === 'cancelled') events.push(planTask(ctx, task));
  }
  return events;
};

const requireTaskAllowed = (state: ActiveCase, task: TaskId, ctx: DecisionContext): void => {
  const refusal = taskRefusal(state, task, ctx.protocol);
  if (refusal) throw refusalError(refusal, task);
};

const requireWorkableTask = (ctx: DecisionContext, task: TaskId): void => {
  requireOneOf(task, PLANNABLE, 'task');
  requireTaskRunning(ctx.state, task);
  requireTaskAllowed(ctx.state, task, ctx);
};

export const decideStartTask = (ctx: DecisionContext, c: StartTask): CaseEvent[] => {
  requireRole(c.actor, STAFF, 'starting a task');
  requireWorkableTask(ctx, c.task);
  if (ctx.state.items[c.task]?.status !== 'open') {
    throw new DomainError('TASK_NOT_OPEN', `task ${c.task} has already started`);
  }
  return [event<TaskStarted>('TaskStarted', { at: ctx.at, by: c.actor.userId, task: c.task })];
};

/** The protocol's order within a track: what must be done before `task` is. */
const requirePrerequisitesDone = (ctx: DecisionContext, task: TaskId): void => {
  const pending = (ctx.protocol.tasks[task].after ?? []).filter((t) => ctx.state.items[t]?.status !== 'done');
  if (pending.length > 0) {
    throw new DomainError('PREREQUISITES_NOT_DONE', `${task} can be completed only after ${pending.join(', ')}`);
  }
};

export const decideCompleteTask = (ctx: DecisionContext, c: CompleteTask): CaseEvent[] => {
  requireRole(c.actor, STAFF, 'completing a task');
  requireWorkableTask(ctx, c.task);
  requirePrerequisitesDone(ctx, c.task);
  return [
    event<TaskCompleted>('TaskCompleted', { at: ctx.at, by: c.actor.userId, task: c.task, outcome: c.outcome }, { note: c.note }),
  ];
};
