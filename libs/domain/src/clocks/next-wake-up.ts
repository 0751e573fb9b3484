// When the case's workflow must next run CheckClocks.
import type { ProtocolRegistry } from '../protocol/protocol-definition';
import { PROTOCOLS, protocolFor } from '../protocol/protocol-registry';
import type { CaseState } from '../case/state';
import { isActive } from '../case/state';
import { pendingAlarms } from './alarms';

/**
 * The earliest instant at which CheckClocks would emit something (reminder, deadline, escalation level,
 * clinical window, inactivity, follow-up), or undefined when nothing is pending (no case, closed case).
 * It may already be past if CheckClocks has not run since: the workflow then checks at once.
 */
export const nextWakeUp = (state: CaseState, protocols: ProtocolRegistry = PROTOCOLS): number | undefined => {
  if (!isActive(state)) return undefined;
  return pendingAlarms(state, protocolFor(state.protocolVersion, protocols))[0]?.at;
};
