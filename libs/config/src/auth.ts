// Who the API and the intake trust: bearer tokens (RS256 JWTs) from one issuer for one audience, checked with
// a public key given here (a PEM file or inline PEM) or fetched from the issuer's JWKS URL — exactly one of them.
import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const blank = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalString = () => z.preprocess(blank, z.string().trim().optional());
const requiredText = () => z.preprocess(blank, z.string({ error: 'is required' }).trim().min(1, 'is required'));

export type AuthKeySource = { readonly kind: 'pem'; readonly pem: string } | { readonly kind: 'jwks'; readonly url: string };

export interface AuthConfig {
  readonly issuer: string;
  readonly audience: string;
  /** Seconds of clock difference tolerated on `exp`, `nbf` and `iat`. */
  readonly clockSkewSeconds: number;
  readonly keys: AuthKeySource;
}

/** True when `pem` is an RSA public key Node can use (a certificate or a private key is refused). */
function isRsaPublicKey(pem: string): boolean {
  try {
    const key = createPublicKey(pem);
    return key.asymmetricKeyType === 'rsa' && !/PRIVATE KEY/.test(pem);
  } catch {
    return false;
  }
}

export const authConfig = () =>
  z
    .object({
      AUTH_ISSUER: requiredText(),
      AUTH_AUDIENCE: requiredText(),
      AUTH_PUBLIC_KEY_FILE: optionalString(),
      AUTH_PUBLIC_KEY: optionalString(),
      AUTH_JWKS_URL: optionalString().refine((url) => url === undefined || /^https?:\/\/[^/\s]+/.test(url), {
        message: 'must be an http(s) URL',
      }),
      AUTH_CLOCK_SKEW_SECONDS: z.preprocess(
        blank,
        z.coerce.number({ error: 'must be an integer 0–300' }).int('must be an integer 0–300').min(0, 'must be an integer 0–300').max(300, 'must be an integer 0–300').default(30),
      ),
    })
    .superRefine((env, context) => {
      const given = (['AUTH_PUBLIC_KEY_FILE', 'AUTH_PUBLIC_KEY', 'AUTH_JWKS_URL'] as const).filter((name) => env[name] !== undefined);
      if (given.length !== 1) {
        for (const name of given.length === 0 ? ['AUTH_PUBLIC_KEY_FILE'] : given) {
          context.addIssue({ code: 'custom', path: [name], message: 'exactly one of AUTH_PUBLIC_KEY_FILE, AUTH_PUBLIC_KEY, AUTH_JWKS_URL is required' });
        }
        return;
      }
      if (env.AUTH_PUBLIC_KEY_FILE !== undefined) {
        let pem: string;
        try {
          pem = readFileSync(env.AUTH_PUBLIC_KEY_FILE, 'utf8');
        } catch {
          context.addIssue({ code: 'custom', path: ['AUTH_PUBLIC_KEY_FILE'], message: 'names a file that cannot be read' });
          return;
        }
        if (!isRsaPublicKey(pem)) context.addIssue({ code: 'custom', path: ['AUTH_PUBLIC_KEY_FILE'], message: 'must hold an RSA public key in PEM' });
      }
      if (env.AUTH_PUBLIC_KEY !== undefined && !isRsaPublicKey(env.AUTH_PUBLIC_KEY.replace(/\\n/g, '\n'))) {
        context.addIssue({ code: 'custom', path: ['AUTH_PUBLIC_KEY'], message: 'must be an RSA public key in PEM' });
      }
    })
    .transform((env): AuthConfig => ({
      issuer: env.AUTH_ISSUER,
      audience: env.AUTH_AUDIENCE,
      clockSkewSeconds: env.AUTH_CLOCK_SKEW_SECONDS,
      keys:
        env.AUTH_JWKS_URL !== undefined
          ? { kind: 'jwks', url: env.AUTH_JWKS_URL }
          : { kind: 'pem', pem: env.AUTH_PUBLIC_KEY !== undefined ? env.AUTH_PUBLIC_KEY.replace(/\\n/g, '\n') : readFileSync(env.AUTH_PUBLIC_KEY_FILE!, 'utf8') },
    }));
