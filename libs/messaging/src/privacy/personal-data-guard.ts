// The last line of defence before a message leaves the system (PROTOCOL.md, "Data protection": events
// leaving the system carry case numbers and codes, not names or narratives). Contracts already leave no room
// for personal data; this catches the day someone widens one, or publishes a raw object by hand.

/** Keys whose values are personal data, compared ignoring case, `_` and `-` (`full_name` = `fullName`). */
export const PERSONAL_DATA_KEYS: readonly string[] = [
  'name', 'fullName', 'firstName', 'lastName', 'familyName', 'givenName', 'maidenName',
  'phone', 'phoneNumber', 'mobile', 'email', 'address', 'homeAddress', 'streetAddress',
  'passportNumber', 'idNumber', 'nationalId', 'dateOfBirth', 'birthDate',
  'narrative', 'note', 'notes', 'comment', 'description', 'medicalNotes', 'diagnosis',
  'hometownProvince', 'caller', 'subject',
];

const normalise = (key: string): string => key.replace(/[_-]/g, '').toLowerCase();
const forbidden = new Set(PERSONAL_DATA_KEYS.map(normalise));
const MAX_DEPTH = 16;

export class PersonalDataLeakError extends Error {
  override readonly name = 'PersonalDataLeakError';
  readonly code = 'PERSONAL_DATA_IN_MESSAGE';

  /** `paths` name where the keys are (never their values). */
  constructor(readonly paths: readonly string[]) {
    super(`refusing to publish personal data at: ${paths.join(', ')}`);
  }
}

/** The paths of every personal-data key in `value`, at any depth (arrays included). */
export function findPersonalData(value: unknown): string[] {
  const found: string[] = [];
  const visit = (node: unknown, path: string, depth: number, seen: Set<object>): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    // too deep to be one of our messages: refuse rather than wave it through unchecked
    if (depth > MAX_DEPTH) {
      found.push(`${path}(too deep)`);
      return;
    }
    seen.add(node);
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, `${path}[${index}]`, depth + 1, seen));
      return;
    }
    for (const [key, item] of Object.entries(node)) {
      const at = path === '' ? key : `${path}.${key}`;
      if (forbidden.has(normalise(key))) found.push(at);
      else visit(item, at, depth + 1, seen);
    }
  };
  visit(value, '', 0, new Set());
  return found;
}

/** Throws PersonalDataLeakError when `value` has a personal-data key anywhere. */
export function assertNoPersonalData(value: unknown): void {
  const paths = findPersonalData(value);
  if (paths.length > 0) throw new PersonalDataLeakError(paths);
}
