import type { z } from 'zod';
import { HttpProblem } from '@baoho/http';

/** Validates a body or query against its schema: 400 with field paths and codes (never the values) on failure. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what = 'body'): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.'),
    code: issue.code,
  }));
  throw new HttpProblem(400, 'INVALID_INPUT', 'Invalid input', `the ${what} does not match its schema`, { issues });
}
