// Validators for single environment variables. Messages describe what is expected and never echo the value.
import { z } from 'zod';

/** An unset or blank variable counts as missing, so `FOO=` falls back to the default or is reported as required. */
export const blankAsMissing = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const required = { error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : 'must be a string') };

/** A required string, trimmed. */
export const requiredString = () => z.preprocess(blankAsMissing, z.string(required).trim());

/** An optional string with a default. */
export const stringWithDefault = (fallback: string) =>
  z.preprocess(blankAsMissing, z.string(required).trim().default(fallback));

/** `host:port`, the form of a broker or a gRPC address. */
const hostPort = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/;
export function isHostPort(value: string): boolean {
  const match = hostPort.exec(value);
  if (!match) return false;
  const port = Number(match[2]);
  return port >= 1 && port <= 65535;
}

export const hostPortString = () =>
  requiredString().refine(isHostPort, { message: 'must be host:port (for example 127.0.0.1:7233)' });

/** A comma-separated list of `host:port`, at least one. */
export const hostPortList = () =>
  requiredString()
    .transform((value) => value.split(',').map((part) => part.trim()).filter((part) => part !== ''))
    .refine((list) => list.length > 0 && list.every(isHostPort), {
      message: 'must be a comma-separated list of host:port (for example 127.0.0.1:9092)',
    });

/** An absolute http(s) URL with a host. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** A PostgreSQL connection URL. The message never repeats it: it usually carries a password. */
export const postgresUrl = () =>
  requiredString().refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
      } catch {
        return false;
      }
    },
    { message: 'must be a postgres:// or postgresql:// URL with a host' },
  );

/** A TCP port; `fallback` when unset. */
export const port = (fallback: number) =>
  z.preprocess(
    blankAsMissing,
    z.coerce
      .number({ error: 'must be an integer between 1 and 65535' })
      .int({ error: 'must be an integer between 1 and 65535' })
      .min(1, { error: 'must be an integer between 1 and 65535' })
      .max(65535, { error: 'must be an integer between 1 and 65535' })
      .default(fallback),
  );

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

export const logLevel = (fallback: LogLevelName) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? blankAsMissing(value.toLowerCase()) : value),
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default(fallback),
  );
