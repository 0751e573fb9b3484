import fc from 'fast-check';
import { toIso } from '../src/shared/time';

describe('toIso', () => {
  it('is exactly toISOString for any instant: whole ms of 1970–9999 by arithmetic, the rest by toISOString', () => {
    const edges = [0, 1, 951_782_400_000 /* 2000-02-29 */, 4_107_542_399_999 /* 2100-02-28T23:59:59.999 */, 253_402_300_799_999, 253_402_300_800_000, -1, -62_198_755_200_000, 1.5];
    for (const ms of edges) expect(toIso(ms)).toBe(new Date(ms).toISOString());
    fc.assert(
      fc.property(fc.integer({ min: -8_640_000_000_000_000, max: 8_640_000_000_000_000 }), (ms) => {
        expect(toIso(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 5_000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 253_402_300_799_999 }), (ms) => {
        expect(toIso(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 20_000 },
    );
  });
});
