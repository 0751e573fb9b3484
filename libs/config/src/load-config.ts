import type { z } from 'zod';
import { ConfigError, type ConfigIssue } from './config-error';

/**
 * Validates the environment against an app's schema and returns the typed configuration, or throws a
 * `ConfigError` naming every bad variable. This is the one place that reads `process.env`.
 */
export function loadConfig<Schema extends z.ZodType>(
  schema: Schema,
  env: Record<string, string | undefined> = process.env,
): z.output<Schema> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const issues: ConfigIssue[] = result.error.issues.map((issue) => ({
    variable: variableOf(issue.path),
    message: issue.message,
  }));
  throw new ConfigError(issues);
}

/** The variable an issue is about: the last string in its path (sections come first, then the variable). */
function variableOf(path: readonly PropertyKey[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const key = path[i];
    if (typeof key === 'string' && /^[A-Z][A-Z0-9_]*$/.test(key)) return key;
  }
  return path.map(String).join('.') || '(environment)';
}
