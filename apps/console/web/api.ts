// Calls to the API through the console's /v1 (same origin). GETs are conditional: the last ETag of each path is
// sent as If-None-Match and a 304 hands back the body already held, so polling every few seconds costs little.
// Failures come back as problem details (RFC 9457) for the form that caused them to show. A 401 never redraws
// the page (what was typed stays): it announces that the session ended, and main.ts asks to sign in again.
import { authHeaders, currentSession, signOut } from './identity.js';

export interface Problem {
  readonly status: number;
  readonly code: string;
  readonly title?: string;
  readonly detail?: string;
  /** The fields a 400 named (`subject.fullName`), for the form to point at. */
  readonly fields?: readonly string[];
}

export type Result<T> = { readonly ok: true; readonly body: T; readonly changed: boolean } | { readonly ok: false; readonly problem: Problem };

export const SESSION_ENDED = 'baoho:session-ended';

const held = new Map<string, { etag: string; body: unknown }>();

function headers(extra: Record<string, string> = {}): Record<string, string> {
  const session = currentSession();
  return { accept: 'application/json', ...(session ? authHeaders(session) : {}), ...extra };
}

/**
 * A key for one intended command: made when its form is drawn and sent with every attempt of that form, so a
 * double click or a retry after a lost answer is the same command to the API (one case opened, not two).
 */
export const newIdempotencyKey = (): string => crypto.randomUUID();

export async function get<T>(path: string): Promise<Result<T>> {
  const previous = held.get(path);
  let response: Response;
  try {
    response = await fetch(path, { headers: headers(previous ? { 'if-none-match': previous.etag } : {}), cache: 'no-store' });
  } catch {
    return { ok: false, problem: { status: 0, code: 'NETWORK' } };
  }
  if (response.status === 304 && previous) return { ok: true, body: previous.body as T, changed: false };
  if (!response.ok) return { ok: false, problem: await problemOf(response) };
  const body = (await response.json()) as T;
  const etag = response.headers.get('etag');
  if (etag) held.set(path, { etag, body });
  return { ok: true, body, changed: true };
}

export async function post<T>(path: string, body: unknown, idempotencyKey: string): Promise<Result<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: headers({ 'content-type': 'application/json', 'idempotency-key': idempotencyKey }),
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, problem: { status: 0, code: 'NETWORK' } };
  }
  if (!response.ok) return { ok: false, problem: await problemOf(response) };
  return { ok: true, body: (await response.json()) as T, changed: true };
}

async function problemOf(response: Response): Promise<Problem> {
  // An expired or refused token (or none left: it expired in storage): the session is over, but the page and what
  // was typed in it stay.
  if (response.status === 401) {
    signOut();
    window.dispatchEvent(new Event(SESSION_ENDED));
  }
  try {
    const body = (await response.json()) as Partial<Problem> & { issues?: Array<{ path?: string; code?: string }> };
    const fields = body.issues?.map((issue) => issue.path ?? '').filter(Boolean);
    return { status: response.status, code: body.code ?? `HTTP_${response.status}`, title: body.title, detail: body.detail, ...(fields?.length ? { fields } : {}) };
  } catch {
    return { status: response.status, code: `HTTP_${response.status}` };
  }
}
