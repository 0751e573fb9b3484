/** One variable that failed validation: its name and why, never its value (it may be a secret). */
export interface ConfigIssue {
  readonly variable: string;
  readonly message: string;
}

/** Thrown by `loadConfig` when the environment does not satisfy an app's schema; lists every bad variable. */
export class ConfigError extends Error {
  constructor(readonly issues: readonly ConfigIssue[]) {
    super(`invalid configuration: ${issues.map((i) => `${i.variable} ${i.message}`).join('; ')}`);
    this.name = 'ConfigError';
  }

  /** The names of the variables at fault, in the order they were found. */
  get variables(): string[] {
    return [...new Set(this.issues.map((i) => i.variable))];
  }
}
