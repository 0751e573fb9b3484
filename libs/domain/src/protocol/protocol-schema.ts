// The shape of a protocol document (protocols/*.json), checked when it is loaded: a version is data, and a
// document that does not say exactly what ProtocolDefinition says is refused with the file, the field and why.
// Pure: the documents arrive already read (imported JSON), this only checks them.
import { z } from 'zod';
import {
  CLINICAL_WINDOWS,
  CLOSURE_REASONS,
  CONSENT_CATEGORIES,
  GBV_TYPES,
  PAUSE_REASONS,
  RISK_LEVELS,
  STAGES,
} from '../shared/vocabulary';
import { TASK_IDS, TRACKS, STEP_IDS, type ProtocolDefinition, type ResponsibleParty } from './protocol-definition';
import { protocolProblems } from './protocol-soundness';

const RESPONSIBLE_PARTIES = [
  'caseworker',
  'supervisor',
  'verification_authority',
  'family_liaison',
  'host_police',
  'shelter',
  'employer',
  'recruitment_agency',
  'host_immigration',
  'host_labour_authority',
  'citizen_protection_fund',
  'international_org',
  'reception',
] as const satisfies readonly ResponsibleParty[];

const FOLLOW_UP_STEP_IDS = ['follow_up_day_7', 'follow_up_day_30'] as const;

const hoursValue = z.number().positive();
const count = z.number().int().nonnegative();
const byRisk = (value: z.ZodNumber) =>
  z.strictObject(Object.fromEntries(RISK_LEVELS.map((risk) => [risk, value])) as Record<(typeof RISK_LEVELS)[number], z.ZodNumber>);
const basis = z.enum(['standard', 'protocol_default', 'invented_default']);

const deadline = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('hours_by_risk'), hours: byRisk(hoursValue), basis }),
  z.strictObject({ kind: z.literal('working_days'), days: z.number().int().positive(), basis }),
]);

const step = z.strictObject({
  stage: z.enum(STAGES),
  party: z.enum(RESPONSIBLE_PARTIES),
  waitsOn: z.enum(['survivor', 'party']),
  opensOn: z.string().min(1),
  deadline,
});

const task = z.strictObject({
  track: z.enum(TRACKS),
  party: z.enum(RESPONSIBLE_PARTIES),
  waitsOn: z.enum(['survivor', 'party']),
  consentCategory: z.enum(CONSENT_CATEGORIES).optional(),
  needsIdentityVerified: z.boolean().optional(),
  after: z.array(z.enum(TASK_IDS)).optional(),
  deadline,
});

/** Mirrors ProtocolDefinition field for field; records keyed by an id list must name every id, and nothing else. */
export const protocolDocumentSchema = z.strictObject({
  version: z.string().regex(/^\d{4}\.\d+$/, 'a version is "<year>.<edition>", e.g. "2026.1"'),
  title: z.string().min(1),
  stages: z.array(z.enum(STAGES)),
  steps: z.record(z.enum(STEP_IDS), step),
  tasks: z.record(z.enum(TASK_IDS), task),
  clinicalWindows: z.record(
    z.enum(CLINICAL_WINDOWS),
    z.strictObject({ hoursFromIncident: hoursValue, opensFor: z.array(z.enum(GBV_TYPES)), basis: z.literal('standard') }),
  ),
  escalation: z.strictObject({
    reminderAtFraction: z.number(),
    level2AfterLevel1Hours: byRisk(hoursValue),
    level3AfterLevel2Hours: byRisk(hoursValue),
    acknowledgementRearmHours: byRisk(hoursValue),
  }),
  pause: z.strictObject({ allowedReasons: z.array(z.enum(PAUSE_REASONS)), unreachableNeedsAttempts: count }),
  stuck: z.strictObject({
    inactivityHours: byRisk(hoursValue),
    consentBlockedHours: hoursValue,
    closureAwaitingApprovalHours: hoursValue,
  }),
  followUp: z.strictObject({ daysAfterImplementation: z.record(z.enum(FOLLOW_UP_STEP_IDS), z.number().int().positive()) }),
  consent: z.strictObject({ exceptionLapsesAfterHours: hoursValue, reaskAfterRefusalHours: hoursValue, basis }),
  closure: z.strictObject({ reasons: z.array(z.enum(CLOSURE_REASONS)), unreachableAfterAttempts: count }),
  triage: z.strictObject({ recentSexualViolenceHours: hoursValue, recentSexualViolenceBasis: basis }),
});

// What the schema accepts is a ProtocolDefinition (checked by the compiler, so the two cannot drift apart one way;
// the strict objects and exhaustive records keep the other).
type Accepted = z.output<typeof protocolDocumentSchema>;
const _accepted = (document: Accepted): ProtocolDefinition => document;
void _accepted;

/** One thing wrong with a protocol document: where (a dotted path, `(root)` for the whole) and why. */
export interface ProtocolDocumentProblem {
  readonly path: string;
  readonly reason: string;
}

export class ProtocolDocumentError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly ProtocolDocumentProblem[],
  ) {
    super(`protocol document ${source} is refused:\n${problems.map((p) => `  ${p.path}: ${p.reason}`).join('\n')}`);
    this.name = 'ProtocolDocumentError';
  }
}

const pathOf = (path: readonly PropertyKey[]): string => (path.length === 0 ? '(root)' : path.map(String).join('.'));

/**
 * Checks a protocol document (already parsed from JSON) and returns it as a ProtocolDefinition. `sourceName` names
 * the document in the error (e.g. `protocols/2026.1.json`). Refuses a document of the wrong shape, and a well-shaped
 * one that is unsafe (protocolProblems: clinical windows below the standard, a pause on an authority, …).
 */
export const parseProtocol = (document: unknown, sourceName: string): ProtocolDefinition => {
  const parsed = protocolDocumentSchema.safeParse(document);
  if (!parsed.success) {
    throw new ProtocolDocumentError(
      sourceName,
      parsed.error.issues.map((issue) => ({ path: pathOf(issue.path), reason: issue.message })),
    );
  }
  const protocol: ProtocolDefinition = parsed.data;
  const unsound = protocolProblems(protocol);
  if (unsound.length > 0) {
    throw new ProtocolDocumentError(sourceName, unsound.map((reason) => ({ path: '(root)', reason })));
  }
  return protocol;
};
