import { PROTOCOLS } from '../src/index';
import { PROTOCOL_2026_1 as TYPESCRIPT_2026_1 } from '../src/protocol/protocol-2026-1';

describe('protocols/2026.1.json', () => {
  it('is the TypeScript definition it replaces, field for field', () => {
    expect(PROTOCOLS['2026.1']).toStrictEqual(JSON.parse(JSON.stringify(TYPESCRIPT_2026_1)));
    expect(PROTOCOLS['2026.1']).toEqual(TYPESCRIPT_2026_1);
  });
});
