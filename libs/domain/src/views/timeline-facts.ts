// The codes, counts and times of an event that its timeline line is made of, so a reader can write that line in
// its own language and time zone (the console does, in Vietnamese and English). Picked by name from the event's
// non-personal `data`, never from `personal`; free text that sits in `data` under a code's name is left out.
import type { CaseEvent } from '../case/events';

export type TimelineFact = string | number | boolean | readonly string[];
export type TimelineFacts = Readonly<Record<string, TimelineFact>>;

/** Keys of `data` that hold a code, a user id, a count or an ISO time in every event that has them. */
const FACT_KEYS = [
  'source', 'countryCode', 'risk', 'missionCode', 'protocolVersion', 'window', 'endsAt', 'caseworkerId', 'userId',
  'role', 'channel', 'outcome', 'failedAttemptsInRow', 'category', 'method', 'ground', 'wish', 'document',
  'confirmed', 'goal', 'tasks', 'step', 'task', 'dueAt', 'reason', 'pausedMs', 'item', 'level', 'rearmUntil',
  'since', 'fromVersion', 'toVersion', 'changed',
] as const;

/** Caseworker's free text under a key that is a code elsewhere (sealed or short, but words of a person). */
const FREE_TEXT: Partial<Record<CaseEvent['type'], string>> = { TaskCompleted: 'outcome', ClockResumed: 'reason' };

const isFact = (value: unknown): value is TimelineFact =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ||
  (Array.isArray(value) && value.every((v) => typeof v === 'string'));

export const timelineFacts = (e: CaseEvent): TimelineFacts => {
  const data = e.data as unknown as Record<string, unknown>;
  const facts: Record<string, TimelineFact> = {};
  for (const key of FACT_KEYS) {
    const value = data[key];
    if (key !== FREE_TEXT[e.type] && isFact(value)) facts[key] = value;
  }
  // Who was told (a role, never a contact), and how many deadlines a resumed clock moved.
  const recipient = data['recipient'] as { role?: unknown } | undefined;
  if (typeof recipient?.role === 'string') facts['recipientRole'] = recipient.role;
  if (Array.isArray(data['shifts'])) facts['shifts'] = data['shifts'].length;
  return facts;
};

/** Every name a fact can have (for a reader's templates to be checked against). */
export const TIMELINE_FACT_NAMES: readonly string[] = [...FACT_KEYS, 'recipientRole', 'shifts'];
