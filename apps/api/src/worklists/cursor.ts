// Opaque cursors for keyset pagination: the sort key of the last row, base64url JSON. A tampered cursor is a 400.
import { HttpProblem } from '@baoho/http';

export const encodeCursor = (key: readonly (string | null)[]): string => Buffer.from(JSON.stringify(key)).toString('base64url');

/** `valid` checks what the query will cast each part to (a time, a case id): a cursor that fails it is a 400 too. */
export function decodeCursor(
  cursor: string | undefined,
  length: number,
  valid: (key: readonly (string | null)[]) => boolean = () => true,
): (string | null)[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === length && key.every((part) => part === null || typeof part === 'string') && valid(key)) return key;
  } catch {
    // falls through to the problem below
  }
  throw new HttpProblem(400, 'INVALID_CURSOR', 'Invalid cursor', 'pass the nextCursor of a previous page unchanged', {
    issues: [{ path: 'cursor', code: 'invalid' }],
  });
}
