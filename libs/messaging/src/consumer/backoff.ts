// Exponential backoff with a cap and optional jitter, for a partition held on a transient failure.
export interface BackoffPolicy {
  readonly initialMs: number;
  readonly maxMs: number;
  readonly multiplier: number;
  /** 0..1: the share of each delay that is randomised, so a fleet does not retry in lockstep. */
  readonly jitter: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 60_000, multiplier: 2, jitter: 0.2 };

/** The delay before retry number `attempt` (1 = the first retry). `random` is injectable for tests. */
export function backoffDelay(policy: BackoffPolicy, attempt: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempt - 1);
  const raw = Math.min(policy.maxMs, policy.initialMs * Math.pow(policy.multiplier, Math.min(exponent, 64)));
  const jitter = Math.min(1, Math.max(0, policy.jitter));
  return Math.round(raw * (1 - jitter) + raw * jitter * random());
}
