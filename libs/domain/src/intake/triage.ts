// Triage sets the risk level that picks every deadline of the case (PROTOCOL.md, Intake).
import type { ProtocolDefinition } from '../protocol/protocol-definition';
import { PROTOCOL_2026_1 } from '../protocol/protocol-registry';
import { HOUR } from '../shared/time';
import type { GbvType, ProtectionCategory, RiskLevel, Vulnerability } from '../shared/vocabulary';

export interface TriageInput {
  readonly immediateDanger: boolean;
  readonly minor: boolean;
  readonly categories: readonly ProtectionCategory[];
  readonly gbvType?: GbvType;
  /** Epoch ms of the incident, when known or estimated. */
  readonly incidentAt?: number;
  readonly vulnerabilities?: readonly Vulnerability[];
  /** Epoch ms of the report. */
  readonly reportedAt: number;
}

const SEXUAL_VIOLENCE: readonly GbvType[] = ['rape', 'sexual_assault'];

/**
 * critical: danger to life or ongoing violence (the hotline's immediate-danger flag), or held by traffickers
 *   (trafficking indicators together with detention);
 * high: recent sexual violence (or sexual violence at an unknown time — we cannot rule out a clinical window),
 *   no safe shelter, or a minor;
 * standard: everything else.
 */
export const triage = (input: TriageInput, protocol: ProtocolDefinition = PROTOCOL_2026_1): RiskLevel => {
  const heldByTraffickers =
    input.categories.includes('trafficking_indicators') && input.categories.includes('detention_or_arrest');
  if (input.immediateDanger || heldByTraffickers) return 'critical';

  const sexualViolence = input.gbvType !== undefined && SEXUAL_VIOLENCE.includes(input.gbvType);
  const recent =
    input.incidentAt === undefined ||
    input.reportedAt - input.incidentAt <= protocol.triage.recentSexualViolenceHours * HOUR;
  const noShelter = input.vulnerabilities?.includes('no_shelter') ?? false;
  const minor = input.minor || (input.vulnerabilities?.includes('minor') ?? false);
  if ((sexualViolence && recent) || noShelter || minor) return 'high';

  return 'standard';
};
