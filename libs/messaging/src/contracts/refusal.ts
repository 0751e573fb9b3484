// Why an incoming message was refused. A refusal travels to logs, DLQ headers and the rejection store, so it
// names field paths and codes only — never a value: a value here could be a survivor's name or narrative.
import type { z } from 'zod';

export const REFUSAL_CODES = [
  /** No body at all (empty or null value, e.g. a tombstone). */
  'EMPTY',
  /** Larger than the contract allows; not even parsed. */
  'TOO_LARGE',
  /** Not valid UTF-8 JSON. */
  'NOT_JSON',
  /** The header or payload names a contract version other than the topic's. */
  'UNKNOWN_VERSION',
  /** JSON, but not the shape of the contract. */
  'SCHEMA_VIOLATION',
  /** The right shape, but values that cannot be true (an incident in the future…). */
  'IMPOSSIBLE_VALUE',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** One problem: where (a path made of contract field names and array indexes) and what (a code). */
export interface RefusalIssue {
  readonly path: string;
  readonly code: string;
}

export interface Refusal {
  readonly code: RefusalCode;
  /** Human-readable, built from paths and codes only. */
  readonly message: string;
  readonly issues?: readonly RefusalIssue[];
}

export const refusal = (code: RefusalCode, message: string, issues?: readonly RefusalIssue[]): Refusal =>
  issues && issues.length > 0 ? { code, message, issues } : { code, message };

/** `subject.fullName`, `categories[2]`, `(root)` for the value itself. */
export const formatPath = (path: readonly PropertyKey[]): string => {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out === '' ? '(root)' : out;
};

/**
 * Zod issues to refusal issues. Zod's messages and `keys`/`values` fields are dropped on purpose: an
 * unrecognized key is named by the sender and could itself be personal data. Paths are safe: the schema is
 * strict, so a path only ever descends through the contract's own field names and array indexes.
 */
export const fromZodIssues = (issues: readonly z.core.$ZodIssue[]): RefusalIssue[] =>
  issues.map((issue) => {
    const code = issue.code === 'invalid_format' ? `invalid_format:${issue.format}` : issue.code;
    return { path: formatPath(issue.path), code };
  });

export const describeIssues = (issues: readonly RefusalIssue[]): string =>
  issues
    .slice(0, 10)
    .map((issue) => `${issue.path} (${issue.code})`)
    .join(', ') + (issues.length > 10 ? `, and ${issues.length - 10} more` : '');
