// Where the public keys that check a token's signature come from: one configured PEM, or the issuer's JWKS
// document (fetched, cached, refetched for an unknown `kid` at most once per interval).
import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { AuthenticationError } from './authentication-error';

export interface KeySource {
  /** The key for a token's `kid` (absent `kid`: the only key there is), or an `AuthenticationError`. */
  keyFor(kid: string | undefined): Promise<KeyObject>;
}

/** The issuer's keys could not be fetched and none is cached: tokens cannot be checked at all (503, not 401). */
export class KeysUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeysUnavailableError';
  }
}

export class StaticKeySource implements KeySource {
  private readonly key: KeyObject;

  constructor(pem: string) {
    this.key = createPublicKey(pem);
  }

  async keyFor(): Promise<KeyObject> {
    return this.key;
  }
}

export interface JwksOptions {
  /** Keys are refreshed after this long even when every `kid` is known (rotation on the issuer's side). */
  readonly maxAgeMs?: number;
  /** An unknown `kid` triggers a refetch at most this often, so forged `kid`s cannot make us hammer the issuer. */
  readonly minRefetchIntervalMs?: number;
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
  readonly clock?: () => number;
}

export class JwksKeySource implements KeySource {
  private keys = new Map<string, KeyObject>();
  private fetchedAt = Number.NEGATIVE_INFINITY;
  private inFlight: Promise<unknown> | undefined;
  private lastError: string | undefined;
  private readonly maxAgeMs: number;
  private readonly minRefetchIntervalMs: number;
  private readonly timeoutMs: number;
  private readonly fetchFn: typeof fetch;
  private readonly clock: () => number;

  constructor(
    private readonly url: string,
    options: JwksOptions = {},
  ) {
    this.maxAgeMs = options.maxAgeMs ?? 10 * 60_000;
    this.minRefetchIntervalMs = options.minRefetchIntervalMs ?? 30_000;
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.fetchFn = options.fetch ?? fetch;
    this.clock = options.clock ?? Date.now;
  }

  async keyFor(kid: string | undefined): Promise<KeyObject> {
    if (this.clock() - this.fetchedAt > this.maxAgeMs) await this.refresh();
    let key = this.pick(kid);
    if (!key && this.clock() - this.fetchedAt >= this.minRefetchIntervalMs) {
      await this.refresh();
      key = this.pick(kid);
    }
    if (key) return key;
    if (this.keys.size === 0) throw new KeysUnavailableError(`the issuer's keys could not be fetched: ${this.lastError ?? 'no RS256 key published'}`);
    throw new AuthenticationError(kid === undefined ? 'the token names no key (kid) and the issuer has several' : 'the token is signed with a key the issuer does not publish');
  }

  private pick(kid: string | undefined): KeyObject | undefined {
    if (kid !== undefined) return this.keys.get(kid);
    return this.keys.size === 1 ? [...this.keys.values()][0] : undefined;
  }

  /** One fetch at a time; a failure keeps the keys we had. */
  private async refresh(): Promise<void> {
    this.inFlight ??= this.load().then(
      () => (this.lastError = undefined),
      (error: unknown) => (this.lastError = error instanceof Error ? error.message : String(error)),
    ).finally(() => (this.inFlight = undefined));
    await this.inFlight;
  }

  private async load(): Promise<void> {
    // Counted as an attempt even if it fails, so an unreachable issuer is not asked on every request.
    this.fetchedAt = this.clock();
    const response = await this.fetchFn(this.url, { signal: AbortSignal.timeout(this.timeoutMs), headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`JWKS answered ${response.status}`);
    const document = (await response.json()) as { keys?: unknown };
    if (!Array.isArray(document.keys)) throw new Error('JWKS has no keys array');
    const keys = new Map<string, KeyObject>();
    document.keys.forEach((jwk: JsonWebKey & { kid?: unknown; use?: unknown; alg?: unknown }, i) => {
      if (jwk.kty !== 'RSA' || (jwk.use !== undefined && jwk.use !== 'sig') || (jwk.alg !== undefined && jwk.alg !== 'RS256')) return;
      try {
        keys.set(typeof jwk.kid === 'string' ? jwk.kid : `#${i}`, createPublicKey({ key: jwk, format: 'jwk' }));
      } catch {
        // a malformed entry is skipped; the others still count
      }
    });
    this.keys = keys;
  }
}
