// RFC 9457 problem details: every error a client sees has a status, a stable `code` it can branch on, and a
// human title; `detail` and extension members add what helps — field paths and codes, never a personal value.

export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail?: string;
  readonly instance?: string;
  readonly [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem types are documented under one base; the code is the fragment. */
export const problemType = (code: string): string => `https://baoho.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`;

/** Thrown by handlers; the filter turns it into the response. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly extensions: Readonly<Record<string, unknown>> = {},
    /** Seconds, for 503 and 429. */
    readonly retryAfterSeconds?: number,
    /** Response headers the problem needs (a 401's `WWW-Authenticate` challenge). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail ?? title);
    this.name = 'HttpProblem';
  }

  toBody(instance?: string): ProblemDetails {
    return {
      type: problemType(this.code),
      title: this.title,
      status: this.status,
      code: this.code,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(instance ? { instance } : {}),
      ...this.extensions,
    };
  }
}
