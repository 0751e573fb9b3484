// Bearer tokens for tests, signed by the local development key (scripts/dev-token.ts), and the variables a
// spawned app needs to trust that key. `npm test` (through .baoho/env) sets the same AUTH_* variables.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DEV_AUDIENCE, DEV_ISSUER, DEV_KEY_ID, devPublicKeyFile, devToken, signRs256 } from '../../scripts/dev-token';

export type TestRole = 'caseworker' | 'supervisor' | 'hq_officer' | 'hotline_integration' | 'auditor' | 'admin';

export interface TokenSubject {
  readonly role: TestRole | string;
  readonly missions?: readonly string[];
  readonly user?: string;
  readonly ttlSeconds?: number;
}

/** A valid token for `subject` (user defaults to `<role>-1`). */
export function tokenFor(subject: TokenSubject): string {
  return devToken(subject);
}

/** `{ authorization: 'Bearer …' }` for fetch / supertest headers. */
export function authHeader(subject: TokenSubject): { authorization: string } {
  return { authorization: `Bearer ${tokenFor(subject)}` };
}

/** The AUTH_* variables a spawned api or intake needs to trust the development key. */
export function authEnv(): Record<string, string> {
  return {
    AUTH_ISSUER: process.env.AUTH_ISSUER ?? DEV_ISSUER,
    AUTH_AUDIENCE: process.env.AUTH_AUDIENCE ?? DEV_AUDIENCE,
    AUTH_PUBLIC_KEY_FILE: process.env.AUTH_PUBLIC_KEY_FILE ?? devPublicKeyFile(),
  };
}

/** The claims a valid token carries, for tests that forge a bad one from a good one. */
export function validClaims(subject: TokenSubject, now: number = Date.now()): Record<string, unknown> {
  const iat = Math.floor(now / 1000);
  return {
    iss: authEnv().AUTH_ISSUER,
    aud: authEnv().AUTH_AUDIENCE,
    sub: subject.user ?? `${subject.role}-1`,
    role: subject.role,
    missions: [...(subject.missions ?? [])],
    iat,
    exp: iat + (subject.ttlSeconds ?? 3_600),
  };
}

/** Tokens that must each be refused with 401, named by what is wrong with them. */
export function badTokens(subject: TokenSubject, now: number = Date.now()): Record<string, string> {
  const claims = validClaims(subject, now);
  const header = { alg: 'RS256', typ: 'JWT', kid: DEV_KEY_ID };
  const good = signRs256(header, claims);
  const [h, p, s] = good.split('.') as [string, string, string];
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const elevated = encode({ ...claims, role: 'admin' });
  const hs256Header = encode({ alg: 'HS256', typ: 'JWT' });
  // HS256 "signed" with the public key as the secret: the classic algorithm-confusion attack.
  const publicPem = readFileSync(authEnv().AUTH_PUBLIC_KEY_FILE, 'utf8');
  const hs256 = `${hs256Header}.${p}.${createHmac('sha256', publicPem).update(`${hs256Header}.${p}`).digest('base64url')}`;
  return {
    tampered: `${h}.${elevated}.${s}`,
    'bad signature': `${h}.${p}.${s.slice(0, -4)}${s.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`,
    expired: signRs256(header, { ...claims, iat: claims.iat as number - 7_200, exp: (claims.iat as number) - 3_600 }),
    'wrong audience': signRs256(header, { ...claims, aud: 'another-api' }),
    'wrong issuer': signRs256(header, { ...claims, iss: 'https://evil.example' }),
    'alg none': `${encode({ alg: 'none', typ: 'JWT' })}.${p}.`,
    'alg HS256': hs256,
    'unknown role': signRs256(header, { ...claims, role: 'root' }),
    'no expiry': signRs256(header, { ...claims, exp: undefined }),
    'not yet valid': signRs256(header, { ...claims, nbf: (claims.iat as number) + 3_600 }),
    garbage: 'not-a-token',
  };
}
