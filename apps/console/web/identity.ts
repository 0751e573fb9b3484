// Who is signed in and how the console proves it to the API: the one place that knows. Every call carries
// `Authorization: Bearer <token>` (an RS256 JWT: pasted, or signed by the console's development sign-in); its
// claims say who is shown as signed in. The session lives in localStorage so that every tab of this console
// shares it for the token's lifetime (a caseworker opening a case in a new tab is not asked to sign in again);
// it is dropped when the token expires or on sign-out, in every tab at once (the `storage` event). Never in a URL.

export interface Session {
  readonly userId: string;
  readonly role: string;
  readonly missions: readonly string[];
  /** The access token (JWT) every call carries. */
  readonly token: string;
  /** When the token stops being accepted (its `exp`, epoch ms); the session ends then. */
  readonly expiresAt?: number;
}

const STORAGE_KEY = 'baoho.console.session';
/** Set while the person chose to sign out (not when a token merely expired): other tabs then clear their page. */
const SIGNED_OUT_KEY = 'baoho.console.signed-out';
/** Where to go after signing in: the address that was asked for (kept for this tab only). */
const RETURN_KEY = 'baoho.console.return-to';

export function currentSession(now: number = Date.now()): Session | undefined {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (!stored) return undefined;
  try {
    const session = JSON.parse(stored) as Session;
    const valid = typeof session.token === 'string' && typeof session.userId === 'string' && typeof session.role === 'string' && Array.isArray(session.missions);
    if (!valid) return undefined;
    if (session.expiresAt !== undefined && session.expiresAt <= now) {
      signOut();
      return undefined;
    }
    return session;
  } catch {
    return undefined;
  }
}

export function signIn(session: Session): void {
  localStorage.removeItem(SIGNED_OUT_KEY);
  localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
}

/**
 * Ends the session in every tab. `chosen`: the person signed out, and every tab clears what it shows; otherwise the
 * token ended (expired, refused) and each tab keeps its page and asks to sign in again.
 */
export function signOut(chosen = false): void {
  if (chosen) localStorage.setItem(SIGNED_OUT_KEY, String(Date.now()));
  localStorage.removeItem(STORAGE_KEY);
}

export type SessionChange = 'signed_in' | 'ended' | 'signed_out';

/** Calls `changed` when another tab signs in, signs out, or finds the session ended. */
export function onSessionChangedElsewhere(changed: (change: SessionChange) => void): void {
  window.addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY && event.key !== null) return;
    if (currentSession()) changed('signed_in');
    else changed(localStorage.getItem(SIGNED_OUT_KEY) ? 'signed_out' : 'ended');
  });
}

export function rememberReturnAddress(hash: string): void {
  if (hash && hash !== '#/' && hash !== '#') sessionStorage.setItem(RETURN_KEY, hash);
}

/** The address asked for before signing in, once. */
export function takeReturnAddress(): string | undefined {
  const hash = sessionStorage.getItem(RETURN_KEY) ?? undefined;
  sessionStorage.removeItem(RETURN_KEY);
  return hash;
}

export function authHeaders(session: Session): Record<string, string> {
  return { authorization: `Bearer ${session.token}` };
}

/** The session a pasted JWT stands for (its claims: sub, role, missions, exp), or undefined if it is not one. */
export function sessionFromToken(token: string): Session | undefined {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return undefined;
  try {
    const json = atob(parts[1]!.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
    if (typeof claims.sub !== 'string' || typeof claims.role !== 'string') return undefined;
    const missions = Array.isArray(claims.missions) ? claims.missions.filter((m): m is string => typeof m === 'string') : [];
    return { userId: claims.sub, role: claims.role, missions, token: token.trim(), ...(typeof claims.exp === 'number' ? { expiresAt: claims.exp * 1000 } : {}) };
  } catch {
    return undefined;
  }
}

/** Asks the console app for a development token (only when it runs with CONSOLE_DEV_SIGN_IN=true). */
export async function devSignIn(userId: string, role: string, mission: string): Promise<Session> {
  const response = await fetch('/console/dev-sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId, role, missions: [mission] }),
  });
  if (!response.ok) throw new Error(`dev sign-in refused (${response.status})`);
  const session = sessionFromToken(((await response.json()) as { token: string }).token);
  if (!session) throw new Error('dev sign-in answered without a token');
  return session;
}

export async function devSignInEnabled(): Promise<boolean> {
  const response = await fetch('/console/config').catch(() => undefined);
  if (!response?.ok) return false;
  return ((await response.json()) as { devSignIn?: boolean }).devSignIn === true;
}
