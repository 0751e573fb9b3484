// A small HTTP client for API end-to-end tests: the caller's bearer token and a fresh Idempotency-Key per POST.
import { randomUUID } from 'node:crypto';
import { authHeader } from './tokens';

export interface Caller {
  readonly userId: string;
  readonly role: string;
  /** The token's missions; KR-SEL (where the walk-in below happens) when not given. */
  readonly missions?: readonly string[];
}

export const callerHeaders = (caller: Caller): Record<string, string> =>
  authHeader({ role: caller.role, user: caller.userId, missions: caller.missions ?? ['KR-SEL'] });

export type ApiClient = ReturnType<typeof apiClient>;

export interface ApiResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly contentType: string;
  readonly headers: Headers;
  readonly body: T;
}

export function apiClient(baseUrl: string) {
  const call = async <T>(method: string, path: string, caller: Caller | undefined, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(caller ? callerHeaders(caller) : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      headers: response.headers,
      body: (text ? JSON.parse(text) : undefined) as T,
    };
  };
  return {
    get: <T = Record<string, unknown>>(path: string, caller?: Caller) => call<T>('GET', path, caller),
    post: <T = Record<string, unknown>>(path: string, caller: Caller | undefined, body: unknown, key: string | null = randomUUID()) =>
      call<T>('POST', path, caller, body, key === null ? {} : { 'idempotency-key': key }),
    put: <T = Record<string, unknown>>(path: string, caller: Caller | undefined, body: unknown) => call<T>('PUT', path, caller, body),
  };
}

/** A walk-in report: the PROTOCOL.md survivor, standard-risk wage theft unless changed. */
export const walkIn = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  channel: 'walk_in',
  caller: { relation: 'self', phone: '+82 10-5555-0101', language: 'vi' },
  subject: { fullName: 'Nguyễn Thị Hoa', sex: 'F', dateOfBirth: '1998-04-12', passportNumber: null, hometownProvince: 'Nghệ An' },
  location: { countryCode: 'KR', city: 'Seoul' },
  categories: ['labour_exploitation', 'confiscated_documents'],
  immediateDanger: false,
  minor: false,
  narrative: 'Employer keeps her passport and has not paid wages for four months.',
  ...overrides,
});
