// Text PostgreSQL cannot keep: jsonb refuses \u0000 and unpaired surrogates. A report carrying them would be
// accepted here and then fail its case's append on every retry, holding its partition; it is refused instead.
import type { RefusalIssue } from './refusal';

// eslint-disable-next-line no-control-regex -- NUL is exactly what is looked for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Paths of the strings in `value` that cannot be stored, as refusal issues (paths only, never the text). */
export function findUnstorableText(value: unknown, path = ''): RefusalIssue[] {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? [{ path: path || '(root)', code: 'unstorable_text' }] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => findUnstorableText(item, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => findUnstorableText(item, path ? `${path}.${key}` : key));
  }
  return [];
}
