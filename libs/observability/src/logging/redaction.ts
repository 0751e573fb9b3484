// Personal data never reaches a log line: any key below, at any depth of a logged object, is replaced.
// Messages are free text and are not scanned: log ids and codes, never a person's details in a message.

/** Keys whose values are personal data of a survivor, a caller or a relative (compared case-insensitively). */
export const PERSONAL_DATA_KEYS: readonly string[] = [
  'fullName', 'firstName', 'lastName', 'familyName', 'phone', 'phoneNumber', 'email', 'homeAddress',
  'passportNumber', 'idNumber', 'nationalId', 'dateOfBirth', 'birthDate', 'narrative', 'note', 'notes',
  'medicalNotes', 'password', 'secret', 'token', 'authorization', 'apiKey',
  // what commands and events carry as personal (sealed or, at the edge, still plain), and key material
  'personal', 'text', 'medicalDetails', 'documentNumber', 'hometownProvince', 'payload',
  'dataKey', 'wrappedKey', 'masterKey',
];

export const REDACTED = '[redacted]';

const redactedKeys = new Set(PERSONAL_DATA_KEYS.map((key) => key.toLowerCase()));
const MAX_DEPTH = 8;

/** A copy of `value` with every personal-data key replaced; errors and other class instances pass as they are. */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value) || depth > MAX_DEPTH) return '[elided]';
  if (Array.isArray(value)) {
    seen.add(value);
    return value.map((item) => redact(item, depth + 1, seen));
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  seen.add(value);
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = redactedKeys.has(key.toLowerCase()) ? REDACTED : redact(item, depth + 1, seen);
  }
  return copy;
}
