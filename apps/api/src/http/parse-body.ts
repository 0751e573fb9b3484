import type { z } from 'zod';
import { HttpProblem } from '@baoho/http';

/** Validates a body or query against its schema: 400 with field paths and codes (never the values) on failure. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what = 'body'): z.output<S> {
  let result: ReturnType<S['safeParse']>;
  try {
    result = schema.safeParse(value) as ReturnType<S['safeParse']>;
  } catch {
    // zod runs length checks on anything with a `length` (`{"reason": {"length": 1}}`) and `.trim()` then throws.
    throw new HttpProblem(400, 'INVALID_INPUT', 'Invalid input', `the ${what} does not match its schema`, { issues: [{ path: '(root)', code: 'invalid_type' }] });
  }
  if (result.success) return result.data as z.output<S>;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.'),
    code: issue.code,
  }));
  throw new HttpProblem(400, 'INVALID_INPUT', 'Invalid input', `the ${what} does not match its schema`, { issues });
}
