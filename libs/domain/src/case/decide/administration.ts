// Notes and explicit protocol migration.
import { compareProtocolVersions, protocolFor } from '../../protocol/protocol-registry';
import { DomainError } from '../../shared/domain-error';
import { toIso } from '../../shared/time';
import type { MigrateProtocol } from '../commands';
import type { CaseEvent, ProtocolMigrated } from '../events';
import { event, invalid, requireRole, type DecisionContext } from './context';
import { isRunning } from './items';
import { scheduleFor } from './schedule';

/**
 * A supervisor moves a case to a newer protocol version (never back: PROTOCOL_DOWNGRADE). Each running deadline is
 * recomputed from when its clock started under the new rules, keeping whatever time pauses have already added to it.
 */
export const decideMigrateProtocol = (ctx: DecisionContext, c: MigrateProtocol): CaseEvent[] => {
  requireRole(c.actor, ['supervisor'], 'migrating a case to another protocol');
  const target = protocolFor(c.toVersion, ctx.protocols);
  if (target.version === ctx.state.protocolVersion) return invalid(`the case already follows ${target.version}`);
  if (compareProtocolVersions(target.version, ctx.state.protocolVersion) < 0) {
    throw new DomainError('PROTOCOL_DOWNGRADE', `the case follows ${ctx.state.protocolVersion}; it cannot move back to ${target.version}`);
  }
  const { state } = ctx;
  const deadlines: { item: ProtocolMigrated['data']['deadlines'][number]['item']; dueAt: string; reminderAt: string }[] = [];
  for (const item of Object.values(state.items)) {
    if (!isRunning(item) || item.openedAt === undefined || item.dueAt === undefined || item.reminderAt === undefined) {
      continue;
    }
    const before = scheduleFor(ctx.protocol, item.id, state.risk, item.openedAt, ctx.mission);
    const after = scheduleFor(target, item.id, state.risk, item.openedAt, ctx.mission);
    const pausedShift = item.dueAt - before.dueAt;
    deadlines.push({
      item: item.id,
      dueAt: toIso(after.dueAt + pausedShift),
      reminderAt: toIso(after.reminderAt + pausedShift),
    });
  }
  return [
    event<ProtocolMigrated>('ProtocolMigrated', {
      at: ctx.at,
      by: c.actor.userId,
      fromVersion: state.protocolVersion,
      toVersion: target.version,
      deadlines,
    }),
  ];
};
