// Checks a bearer token: a compact JWS signed RS256 (nothing else: `none`, HS256 and every other algorithm are
// refused before any key is looked at), from the configured issuer, for our audience, within its validity
// (a small clock skew allowed), carrying a user id, a role and the user's missions.
import { verify as verifySignature } from 'node:crypto';
import { AuthenticationError } from './authentication-error';
import type { KeySource } from './key-sources';
import { isTokenRole, MISSION_CODE_PATTERN, USER_ID_PATTERN, type Principal } from './principal';

export interface TokenRules {
  readonly issuer: string;
  readonly audience: string;
  readonly clockSkewSeconds: number;
}

const MAX_TOKEN_LENGTH = 8_192;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export class TokenVerifier {
  constructor(
    private readonly keys: KeySource,
    private readonly rules: TokenRules,
    private readonly clock: () => number = Date.now,
  ) {}

  async verify(token: string): Promise<Principal> {
    if (token.length > MAX_TOKEN_LENGTH) throw new AuthenticationError('the token is too long');
    const parts = token.split('.');
    if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) throw new AuthenticationError('the token is not a signed JWT');
    const [encodedHeader, encodedPayload, encodedSignature] = parts as [string, string, string];
    const header = decodeJson(encodedHeader, 'header');
    if (header.alg !== 'RS256') throw new AuthenticationError('the token must be signed with RS256');
    if (header.typ !== undefined && header.typ !== 'JWT' && header.typ !== 'at+jwt') throw new AuthenticationError('the token is not a JWT');
    if (header.crit !== undefined) throw new AuthenticationError('the token has critical header parameters we do not understand');
    if (header.kid !== undefined && typeof header.kid !== 'string') throw new AuthenticationError('the token has a malformed kid');

    const key = await this.keys.keyFor(header.kid as string | undefined);
    const signed = Buffer.from(`${encodedHeader}.${encodedPayload}`, 'ascii');
    const signature = Buffer.from(encodedSignature, 'base64url');
    if (!verifySignature('sha256', signed, key, signature)) throw new AuthenticationError('the token signature does not match');

    const claims = decodeJson(encodedPayload, 'payload');
    return this.principalFrom(claims);
  }

  private principalFrom(claims: Record<string, unknown>): Principal {
    const now = this.clock() / 1000;
    const skew = this.rules.clockSkewSeconds;
    if (claims.iss !== this.rules.issuer) throw new AuthenticationError('the token is from another issuer');
    const audiences = typeof claims.aud === 'string' ? [claims.aud] : Array.isArray(claims.aud) ? claims.aud : [];
    if (!audiences.includes(this.rules.audience)) throw new AuthenticationError('the token is for another audience');
    if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp)) throw new AuthenticationError('the token has no expiry');
    if (now > claims.exp + skew) throw new AuthenticationError('the token has expired');
    if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || now < claims.nbf - skew)) throw new AuthenticationError('the token is not valid yet');
    if (typeof claims.iat !== 'number' || claims.iat > now + skew) throw new AuthenticationError('the token has no valid issue time');
    if (typeof claims.sub !== 'string' || !USER_ID_PATTERN.test(claims.sub)) throw new AuthenticationError('the token names no valid user (sub)');
    if (!isTokenRole(claims.role)) throw new AuthenticationError('the token carries no known role');
    const missions = claims.missions ?? [];
    if (!Array.isArray(missions) || missions.length > 64 || !missions.every((m) => typeof m === 'string' && MISSION_CODE_PATTERN.test(m))) {
      throw new AuthenticationError('the token’s missions claim is not a list of mission codes');
    }
    return { userId: claims.sub, role: claims.role, missions: [...new Set(missions as string[])] };
  }
}

function decodeJson(part: string, what: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new AuthenticationError(`the token's ${what} is not a JSON object`);
}
