// A timeline entry as a sentence in the chosen language, built from the event's type and its facts (codes, counts,
// ISO times: the API sends no personal data there), with every time in the mission's time zone. The API's own
// English line (UTC times) is used only for an event type this console does not know yet.
import { has, label, t } from './i18n.js';
import type { MessageKey } from './catalogue-en.js';
import { missionName } from './missions.js';
import { formatDuration, formatInstant } from './time.js';

export type Fact = string | number | boolean | readonly string[];
export interface TimelineEntry { version: number; at: string; type: string; by?: string; text: string; facts?: Record<string, Fact> }

/** The catalogue kind of a code-valued fact; `reason` depends on the event. */
const KIND: Record<string, string> = {
  step: 'item', task: 'item', item: 'item', window: 'window', category: 'consent', method: 'method', ground: 'ground',
  channel: 'channel', wish: 'wish', goal: 'wish', risk: 'risk', source: 'source', document: 'document', role: 'role',
  recipientRole: 'role', missionCode: 'mission', countryCode: 'country', changed: 'intakeField',
};
const REASON_KIND: Record<string, string> = {
  ClockPaused: 'pause', ClosureRequested: 'closure', CaseClosed: 'closure', TaskCancelled: 'cancelReason', PersonalDataErased: 'erasure',
};
const TIMES = new Set(['endsAt', 'dueAt', 'rearmUntil', 'since']);

/** Events whose sentence depends on an outcome. */
function variant(entry: TimelineEntry): string | undefined {
  const facts = entry.facts ?? {};
  if (entry.type === 'ContactRecorded' || entry.type === 'FollowUpRecorded') return String(facts['outcome']);
  if (entry.type === 'IdentityVerificationAnswered') return facts['confirmed'] === true ? 'confirmed' : 'notConfirmed';
  return undefined;
}

function word(entry: TimelineEntry, name: string, value: Fact, mission: string | undefined): string {
  if (Array.isArray(value)) return value.map((code) => label(KIND[name] ?? 'item', code)).join(', ');
  if (TIMES.has(name) && typeof value === 'string') return formatInstant(value, mission);
  if (name === 'pausedMs' && typeof value === 'number') return formatDuration(value);
  const kind = name === 'reason' ? REASON_KIND[entry.type] : KIND[name];
  if (kind === 'mission') return missionName(String(value));
  return kind ? label(kind, String(value)) : String(value);
}

export function sentence(entry: TimelineEntry, mission: string | undefined): string {
  const which = variant(entry);
  const key = [which ? `line.${entry.type}.${which}` : '', `line.${entry.type}`].find((k) => k && has(k));
  if (!key || !entry.facts) return entry.text || t('line.unknown', { type: entry.type });
  const facts = entry.facts;
  const vars = Object.fromEntries(Object.entries(facts).map(([name, value]) => [name, word(entry, name, value, mission)]));
  return t(key as MessageKey, vars);
}
