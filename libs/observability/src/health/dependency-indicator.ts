/** A dependency the app needs to do its work, probed afresh on every readiness request. */
export interface DependencyIndicator {
  readonly name: string;
  /** Resolves when the dependency answers a real request; rejects otherwise. */
  check(): Promise<void>;
}

export interface DependencyStatus {
  readonly name: string;
  readonly status: 'up' | 'down';
  /** A short code or message, never a secret: absent when up. */
  readonly error?: string;
}

export interface HealthReport {
  readonly status: 'up' | 'down';
  readonly dependencies: readonly DependencyStatus[];
}

/** A failure with a short code chosen by an indicator (`timeout`, `no-brokers`, `worker-starting`…). */
export class DependencyDownError extends Error {
  constructor(readonly code: string, message = code) {
    super(message);
    this.name = 'DependencyDownError';
  }
}

const MAX_ERROR_LENGTH = 160;

/**
 * A short, secret-free description of why a probe failed: a system or driver code when there is one
 * (ECONNREFUSED, 28P01…), else the error's name and message with any URL credentials masked.
 */
export function describeError(error: unknown): string {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof DependencyDownError) return current.code;
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return code;
    const next = current as { cause?: unknown; originalError?: unknown };
    current = next.originalError ?? next.cause;
  }
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const masked = text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/@]*@/gi, '$1***@').split('\n')[0] ?? '';
  return masked.length > MAX_ERROR_LENGTH ? `${masked.slice(0, MAX_ERROR_LENGTH - 1)}…` : masked;
}

/** Rejects with `timeout` when the promise has not settled within `ms`; the promise's own rejection is absorbed. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new DependencyDownError('timeout', `no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
