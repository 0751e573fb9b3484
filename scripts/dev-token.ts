// The local development identity: an RSA key pair under <BAOHO_HOME>/keys (made by scripts/services.sh on first
// use) and RS256 tokens signed with it, trusted by apps started with the AUTH_* variables of .baoho/env.
// For a developer's machine and the tests only: a deployment trusts its identity provider's keys instead.
import { createSign, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const DEV_ISSUER = 'baoho-dev';
export const DEV_AUDIENCE = 'baoho';
export const DEV_KEY_ID = 'baoho-dev-1';

export function baohoHome(): string {
  return process.env.BAOHO_HOME ?? path.resolve(__dirname, '..', '.baoho');
}

export const devPrivateKeyFile = (): string => path.join(baohoHome(), 'keys', 'dev-private.pem');
export const devPublicKeyFile = (): string => path.join(baohoHome(), 'keys', 'dev-public.pem');

export function devPrivateKey(): string {
  try {
    return readFileSync(devPrivateKeyFile(), 'utf8');
  } catch {
    throw new Error(`${devPrivateKeyFile()} is missing: run \`bash scripts/services.sh start\` (or npm start / npm test) first`);
  }
}

/** Signs a compact JWS with RS256; header and claims exactly as given (tests forge bad ones with it). */
export function signRs256(header: Record<string, unknown>, claims: Record<string, unknown>, privateKeyPem: string = devPrivateKey()): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signingInput = `${encode(header)}.${encode(claims)}`;
  const signature = createSign('RSA-SHA256').update(signingInput).sign(privateKeyPem).toString('base64url');
  return `${signingInput}.${signature}`;
}

export interface DevTokenRequest {
  readonly role: string;
  readonly missions?: readonly string[];
  readonly user?: string;
  readonly ttlSeconds?: number;
}

/** A token the development key signs, for the issuer and audience the local apps trust. */
export function devToken(request: DevTokenRequest, now: number = Date.now()): string {
  const iat = Math.floor(now / 1000);
  return signRs256(
    { alg: 'RS256', typ: 'JWT', kid: DEV_KEY_ID },
    {
      iss: process.env.AUTH_ISSUER ?? DEV_ISSUER,
      aud: process.env.AUTH_AUDIENCE ?? DEV_AUDIENCE,
      sub: request.user ?? `${request.role}-1`,
      role: request.role,
      missions: [...(request.missions ?? [])],
      iat,
      exp: iat + (request.ttlSeconds ?? 3_600),
      jti: randomUUID(),
    },
  );
}
