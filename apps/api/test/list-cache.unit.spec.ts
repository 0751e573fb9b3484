import { ListCache } from '../src/lists/list-cache';
import { PageBody, weakEtag, type ListPage } from '../src/lists/page-body';

// express's own ETag function (a dependency of express, untyped here).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const expressEtag = require('etag') as (entity: string | Buffer, options: { weak: boolean }) => string;

// The list cache's bookkeeping alone (its PostgreSQL side is tests/integration/api/list-cache.int.spec.ts).

const page = (text: string, computedAt: number, expiresAt = Infinity): ListPage => ({ body: PageBody.json({ text }), computedAt, expiresAt });

describe('ListCache', () => {
  let now = 1_000;
  const make = (maxBytes = 1024 * 1024) => {
    const cache = new ListCache(maxBytes, () => now);
    cache.setAvailable(true);
    return cache;
  };
  const put = (cache: ListCache, key: string, missions: readonly string[] | null, text = key, expiresAt = Infinity) => {
    const found = cache.read(key, missions);
    if ('page' in found) throw new Error(`${key} was already kept`);
    cache.keep(key, missions, found.ticket, page(text, now, expiresAt));
  };
  const hit = (cache: ListCache, key: string, missions: readonly string[] | null): boolean => 'page' in cache.read(key, missions);

  beforeEach(() => {
    now = 1_000;
  });

  it('drops the pages of the mission that changed, and those over every mission, only', () => {
    const cache = make();
    put(cache, 'a', ['A']);
    put(cache, 'b', ['B']);
    put(cache, 'ab', ['A', 'B']);
    put(cache, 'all', null);
    put(cache, 'none', []);
    cache.invalidate('A');
    expect(['a', 'b', 'ab', 'all', 'none'].filter((key) => hit(cache, key, null))).toEqual(['b', 'none']);
    cache.invalidate('*');
    expect(cache.size).toBe(0);
  });

  it('serves a page from its computing instant until just before it expires', () => {
    const cache = make();
    put(cache, 'a', ['A'], 'a', 1_500);
    now = 999; // the clock went back: the page's answer at this instant is not known
    expect(hit(cache, 'a', ['A'])).toBe(false);
    put(cache, 'a', ['A'], 'a', 1_500);
    now = 1_499;
    expect(hit(cache, 'a', ['A'])).toBe(true);
    now = 1_500;
    expect(hit(cache, 'a', ['A'])).toBe(false);
  });

  it('does not keep a page whose mission changed while it was computed, nor one already expired', () => {
    const cache = make();
    const found = cache.read('a', ['A']);
    const ticket = 'ticket' in found ? found.ticket : null;
    cache.invalidate('A');
    cache.keep('a', ['A'], ticket, page('a', now));
    expect(hit(cache, 'a', ['A'])).toBe(false);
    // A change of another mission does not matter to it; any change matters to a page over every mission.
    const again = cache.read('a', ['A']);
    const all = cache.read('all', null);
    cache.invalidate('B');
    cache.keep('a', ['A'], 'ticket' in again ? again.ticket : null, page('a', now));
    cache.keep('all', null, 'ticket' in all ? all.ticket : null, page('all', now));
    expect(hit(cache, 'a', ['A'])).toBe(true);
    expect(hit(cache, 'all', null)).toBe(false);
    put(cache, 'gone', ['A'], 'gone', now);
    expect(cache.size).toBe(1);
  });

  it('keeps nothing while it is not listening, and nothing from before it stopped', () => {
    const cache = make();
    put(cache, 'a', ['A']);
    const found = cache.read('b', ['B']);
    cache.setAvailable(false);
    expect(cache.size).toBe(0);
    expect(cache.read('c', ['C'])).toEqual({ ticket: null });
    cache.setAvailable(true);
    cache.keep('b', ['B'], 'ticket' in found ? found.ticket : null, page('b', now));
    expect(cache.size).toBe(0);
  });

  it('stays within its bytes, dropping the oldest pages first', () => {
    const big = 'x'.repeat(1_000);
    const cache = make(16 * 1_100);
    for (let i = 0; i < 20; i++) put(cache, `k${i}`, ['A'], big);
    expect(cache.size).toBeLessThan(20);
    expect(hit(cache, 'k19', ['A'])).toBe(true);
    expect(hit(cache, 'k0', ['A'])).toBe(false);
  });
});

describe('PageBody', () => {
  it('fills its holes at the serving instant and gives express’s ETag of the bytes', () => {
    const body = PageBody.writer().raw('{"forMs":').elapsedSince(400).raw(',"since":').instantFromNow(-1_000).raw('}').done();
    const { bytes, etag } = body.render(Date.parse('2026-01-01T00:00:01.000Z'));
    expect(JSON.parse(bytes.toString())).toEqual({ forMs: Date.parse('2026-01-01T00:00:01.000Z') - 400, since: '2026-01-01T00:00:00.000Z' });
    // What express itself would send for these bytes (its `etag` package, weak), so 304s agree with any other route.
    expect(etag).toBe(expressEtag(bytes, { weak: true }));
    expect(weakEtag(Buffer.from('{"a":"é"}'))).toBe(expressEtag('{"a":"é"}', { weak: true }));
    const fixed = PageBody.json({ a: 1 });
    expect(fixed.render(1)).toBe(fixed.render(2)); // no holes: the same buffer every time
  });
});
