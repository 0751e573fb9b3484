// The development sign-in's tokens: RS256 JWTs with the claims of the identity contract (sub, role, missions,
// iss, aud, iat, exp), signed with the local development key the API is told to trust. Only ever built when
// CONSOLE_DEV_SIGN_IN=true (libs/config), which a deployment never sets.
import { createSign, randomUUID } from 'node:crypto';

export const DEV_TOKEN_TTL_SECONDS = 8 * 3_600;

export interface DevSigning {
  readonly privateKeyPem: string;
  readonly issuer: string;
  readonly audience: string;
}

export function signDevToken(signing: DevSigning, subject: { userId: string; role: string; missions: readonly string[] }, now = Date.now()): string {
  const iat = Math.floor(now / 1000);
  const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode({ alg: 'RS256', typ: 'JWT', kid: 'baoho-dev-1' })}.${encode({
    iss: signing.issuer,
    aud: signing.audience,
    sub: subject.userId,
    role: subject.role,
    missions: [...subject.missions],
    iat,
    exp: iat + DEV_TOKEN_TTL_SECONDS,
    jti: randomUUID(),
  })}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(signing.privateKeyPem).toString('base64url')}`;
}
