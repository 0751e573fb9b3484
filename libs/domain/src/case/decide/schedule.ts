// Deadlines of work items, computed from the pinned protocol at the moment an item's clock starts.
import type { Mission } from '../../missions/mission';
import { addWorkingDays } from '../../missions/working-days';
import {
  FOLLOW_UP_STEPS,
  type DeadlineRule,
  type FollowUpStepId,
  type ProtocolDefinition,
  type WorkItemId,
} from '../../protocol/protocol-definition';
import { DAY, HOUR } from '../../shared/time';
import type { RiskLevel } from '../../shared/vocabulary';

export interface ItemSchedule {
  readonly dueAt: number;
  readonly reminderAt: number;
}

const ruleOf = (protocol: ProtocolDefinition, id: WorkItemId): DeadlineRule =>
  id in protocol.steps
    ? protocol.steps[id as keyof ProtocolDefinition['steps']].deadline
    : protocol.tasks[id as keyof ProtocolDefinition['tasks']].deadline;

const isFollowUp = (id: WorkItemId): id is FollowUpStepId => (FOLLOW_UP_STEPS as readonly string[]).includes(id);

/** When an item opened at `from` is due, and when its level-0 reminder fires. */
export const scheduleFor = (
  protocol: ProtocolDefinition,
  id: WorkItemId,
  risk: RiskLevel,
  from: number,
  mission: Mission,
): ItemSchedule => {
  const rule = ruleOf(protocol, id);
  const length = (start: number): number =>
    rule.kind === 'hours_by_risk' ? rule.hours[risk] * HOUR : addWorkingDays(start, rule.days, mission) - start;
  if (isFollowUp(id)) {
    // A follow-up is due on its day (the reminder), and missed once the grace after that day has passed.
    const dueDay = from + protocol.followUp.daysAfterImplementation[id] * DAY;
    return { reminderAt: dueDay, dueAt: dueDay + length(dueDay) };
  }
  const duration = length(from);
  return { dueAt: from + duration, reminderAt: from + Math.round(duration * protocol.escalation.reminderAtFraction) };
};
