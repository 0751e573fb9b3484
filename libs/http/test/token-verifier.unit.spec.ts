import { createHmac, createSign, generateKeyPairSync } from 'node:crypto';
import { AuthenticationError, JwksKeySource, KeysUnavailableError, StaticKeySource, TokenVerifier } from '../src/index';

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const RULES = { issuer: 'https://id.example', audience: 'baoho', clockSkewSeconds: 30 };
const pair = () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKey };
};
const ours = pair();
const theirs = pair();

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const sign = (header: Record<string, unknown>, claims: Record<string, unknown>, privatePem = ours.privatePem) => {
  const input = `${b64(header)}.${b64(claims)}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(privatePem).toString('base64url')}`;
};
const claims = (extra: Record<string, unknown> = {}) => ({
  iss: RULES.issuer, aud: RULES.audience, sub: 'cw-7', role: 'caseworker', missions: ['KR-SEL'],
  iat: NOW / 1000 - 60, exp: NOW / 1000 + 3_600, ...extra,
});
const HEADER = { alg: 'RS256', typ: 'JWT' };

const verifier = new TokenVerifier(new StaticKeySource(ours.publicPem), RULES, () => NOW);
const refusal = async (token: string): Promise<string> => {
  try {
    await verifier.verify(token);
  } catch (error) {
    if (error instanceof AuthenticationError) return error.reason;
    throw error;
  }
  throw new Error('the token was accepted');
};

describe('TokenVerifier', () => {
  it('accepts an RS256 token from our issuer for our audience, and reads user, role and missions', async () => {
    await expect(verifier.verify(sign(HEADER, claims()))).resolves.toEqual({ userId: 'cw-7', role: 'caseworker', missions: ['KR-SEL'] });
    await expect(verifier.verify(sign(HEADER, claims({ aud: ['other', 'baoho'] })))).resolves.toMatchObject({ userId: 'cw-7' });
  });

  it('tolerates the clock skew and no more', async () => {
    await expect(verifier.verify(sign(HEADER, claims({ exp: NOW / 1000 - 29 })))).resolves.toMatchObject({ userId: 'cw-7' });
    expect(await refusal(sign(HEADER, claims({ exp: NOW / 1000 - 31 })))).toBe('the token has expired');
    expect(await refusal(sign(HEADER, claims({ iat: NOW / 1000 + 120 })))).toMatch(/issue time/);
    expect(await refusal(sign(HEADER, claims({ nbf: NOW / 1000 + 120 })))).toMatch(/not valid yet/);
  });

  it('refuses tampered, foreign-signed, wrong-issuer, wrong-audience and claim-less tokens', async () => {
    const good = sign(HEADER, claims());
    const [h, , s] = good.split('.');
    expect(await refusal(`${h}.${b64(claims({ role: 'admin' }))}.${s}`)).toMatch(/signature/);
    expect(await refusal(sign(HEADER, claims(), theirs.privatePem))).toMatch(/signature/);
    expect(await refusal(sign(HEADER, claims({ iss: 'https://evil.example' })))).toMatch(/issuer/);
    expect(await refusal(sign(HEADER, claims({ aud: 'another' })))).toMatch(/audience/);
    expect(await refusal(sign(HEADER, claims({ exp: undefined })))).toMatch(/expiry/);
    expect(await refusal(sign(HEADER, claims({ role: 'root' })))).toMatch(/role/);
    expect(await refusal(sign(HEADER, claims({ sub: '' })))).toMatch(/user/);
    expect(await refusal(sign(HEADER, claims({ missions: ['kr sel'] })))).toMatch(/missions/);
    expect(await refusal('a.b')).toMatch(/signed JWT/);
    expect(await refusal(`${b64([1])}.${b64(claims())}.x`)).toMatch(/header/);
  });

  it('refuses every algorithm but RS256 before looking at a key: none, HS256 with the public key as secret, RS512', async () => {
    const payload = b64(claims());
    expect(await refusal(`${b64({ alg: 'none' })}.${payload}.`)).toMatch(/signed JWT/);
    expect(await refusal(`${b64({ alg: 'none' })}.${payload}.AAAA`)).toMatch(/RS256/);
    const hsHeader = b64({ alg: 'HS256', typ: 'JWT' });
    const hsSignature = createHmac('sha256', ours.publicPem).update(`${hsHeader}.${payload}`).digest('base64url');
    expect(await refusal(`${hsHeader}.${payload}.${hsSignature}`)).toMatch(/RS256/);
    expect(await refusal(sign({ alg: 'RS512' }, claims()))).toMatch(/RS256/);
    expect(await refusal(sign({ ...HEADER, crit: ['exp'] }, claims()))).toMatch(/critical/);
  });
});

describe('JwksKeySource', () => {
  const jwk = (publicKey: ReturnType<typeof pair>['publicKey'], kid: string) => ({ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' });

  it('fetches the issuer’s keys, picks by kid, and refetches for an unknown kid at most once per interval', async () => {
    let now = NOW;
    let published = [jwk(ours.publicKey, 'k1')];
    const fetched: number[] = [];
    const fetchStub = (async () => {
      fetched.push(now);
      return new Response(JSON.stringify({ keys: published }), { status: 200 });
    }) as typeof fetch;
    const keys = new JwksKeySource('https://id.example/jwks', { fetch: fetchStub, clock: () => now, minRefetchIntervalMs: 30_000 });
    const jwks = new TokenVerifier(keys, RULES, () => NOW);

    await expect(jwks.verify(sign({ ...HEADER, kid: 'k1' }, claims()))).resolves.toMatchObject({ userId: 'cw-7' });
    expect(fetched).toHaveLength(1);
    // The issuer rotates: k2 appears. Within the interval an unknown kid does not refetch.
    published = [jwk(ours.publicKey, 'k1'), jwk(theirs.publicKey, 'k2')];
    now += 1_000;
    await expect(jwks.verify(sign({ ...HEADER, kid: 'k2' }, claims(), theirs.privatePem))).rejects.toThrow(/does not publish/);
    await expect(jwks.verify(sign({ ...HEADER, kid: 'forged' }, claims()))).rejects.toThrow(/does not publish/);
    expect(fetched).toHaveLength(1);
    now += 30_000;
    await expect(jwks.verify(sign({ ...HEADER, kid: 'k2' }, claims(), theirs.privatePem))).resolves.toMatchObject({ userId: 'cw-7' });
    expect(fetched).toHaveLength(2);
  });

  it('reports the issuer unreachable when no key was ever fetched, and keeps the keys it had otherwise', async () => {
    let now = NOW;
    let up = false;
    const fetchStub = (async () => {
      if (!up) throw new Error('connect ECONNREFUSED');
      return new Response(JSON.stringify({ keys: [jwk(ours.publicKey, 'k1')] }), { status: 200 });
    }) as typeof fetch;
    const keys = new JwksKeySource('https://id.example/jwks', { fetch: fetchStub, clock: () => now, maxAgeMs: 60_000, minRefetchIntervalMs: 1_000 });
    await expect(keys.keyFor('k1')).rejects.toBeInstanceOf(KeysUnavailableError);
    up = true;
    now += 2_000;
    await expect(keys.keyFor('k1')).resolves.toBeDefined();
    up = false;
    now += 120_000;
    await expect(keys.keyFor('k1')).resolves.toBeDefined();
  });
});
