// Stored events are read back at whatever schema version they were written; upcast brings them to today's.
// One change so far: ConsentGiven v1 did not record how consent was taken; v2 adds `method`. Old events get
// `not_recorded` — we do not invent that it was spoken or written.
// Optional fields added within a version need no upcaster: evolve folds their absence as what such an event meant
// when it was written — StepOpened/TaskOpened without `waitsOn` (a pause stopped every clock then), CaseReopened
// without `step`/`stage` (a reopened case resumed no step then).
import { CURRENT_SCHEMA_VERSIONS, type CaseEvent, type CaseEventType } from '../case/events';
import { DomainError } from '../shared/domain-error';

export interface RawEvent {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: Record<string, unknown>;
  readonly personal?: Record<string, unknown> | null;
}

type Upcaster = (raw: RawEvent) => RawEvent;

/** Keyed by "Type@fromVersion": each upcaster lifts an event one version. */
const UPCASTERS: Readonly<Record<string, Upcaster>> = {
  'ConsentGiven@1': (raw) => ({
    ...raw,
    schemaVersion: 2,
    data: { ...raw.data, method: raw.data['method'] ?? 'not_recorded' },
  }),
};

const isKnownType = (type: string): type is CaseEventType =>
  Object.prototype.hasOwnProperty.call(CURRENT_SCHEMA_VERSIONS, type);

export const upcast = (raw: RawEvent): CaseEvent => {
  if (!isKnownType(raw.type)) throw new DomainError('INVALID_EVENT', `unknown event type ${raw.type}`);
  const target = CURRENT_SCHEMA_VERSIONS[raw.type];
  let current: RawEvent = raw;
  while (current.schemaVersion < target) {
    const step = UPCASTERS[`${current.type}@${current.schemaVersion}`];
    if (!step) throw new DomainError('INVALID_EVENT', `no upcaster for ${current.type} v${current.schemaVersion}`);
    current = step(current);
  }
  if (current.schemaVersion !== target) {
    throw new DomainError('INVALID_EVENT', `${raw.type} v${raw.schemaVersion} is newer than this code (v${target})`);
  }
  const { personal, ...rest } = current;
  return (personal ? { ...rest, personal } : rest) as unknown as CaseEvent;
};
