// Clinical windows are `standard` figures: a protocol version may lengthen them, never shorten them silently.
import type { ProtocolDefinition } from './protocol-definition';

const CLINICAL_MINIMUM_HOURS = { hiv_pep: 72, emergency_contraception: 120 } as const;

/** Problems that make a protocol version unsafe to register; empty when sound. */
export const protocolProblems = (protocol: ProtocolDefinition): string[] => {
  const problems: string[] = [];
  for (const [id, minimum] of Object.entries(CLINICAL_MINIMUM_HOURS)) {
    const window = protocol.clinicalWindows[id as keyof typeof CLINICAL_MINIMUM_HOURS];
    if (window.hoursFromIncident < minimum) {
      problems.push(`${id} window is ${window.hoursFromIncident} h, below the ${minimum} h standard`);
    }
  }
  const fraction = protocol.escalation.reminderAtFraction;
  if (!(fraction > 0 && fraction < 1)) problems.push('reminder fraction must lie strictly between 0 and 1');
  if (protocol.closure.unreachableAfterAttempts < 1) problems.push('unreachable closure needs at least one attempt');
  if (protocol.pause.allowedReasons.some((r) => r !== 'survivor_deciding' && r !== 'survivor_unreachable')) {
    problems.push('only waits on the survivor may pause the clock');
  }
  return problems;
};
