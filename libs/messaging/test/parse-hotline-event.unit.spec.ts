import fc from 'fast-check';
import { MAX_HOTLINE_EVENT_BYTES, parseHotlineEvent, REFUSAL_CODES, type Refusal } from '@baoho/messaging';
import { exampleWith, PERSONAL_VALUES, PROTOCOL_EXAMPLE, READ_AT } from './hotline-example';

type Subject = Record<string, unknown>;

const refusalOf = (raw: unknown, options?: Parameters<typeof parseHotlineEvent>[2]): Refusal => {
  const result = parseHotlineEvent(raw, READ_AT, options);
  if (result.ok) throw new Error('expected a refusal');
  return result.reason;
};

const expectNoPersonalValues = (reason: Refusal): void => {
  const text = JSON.stringify(reason);
  for (const value of PERSONAL_VALUES) expect(text).not.toContain(value);
};

describe('parseHotlineEvent (hotline.calls.v1)', () => {
  describe('a valid event', () => {
    it('accepts the PROTOCOL.md example, from bytes, text or a decoded object', () => {
      for (const raw of [Buffer.from(JSON.stringify(PROTOCOL_EXAMPLE)), JSON.stringify(PROTOCOL_EXAMPLE), PROTOCOL_EXAMPLE]) {
        const result = parseHotlineEvent(raw, READ_AT);
        expect(result).toEqual({ ok: true, event: PROTOCOL_EXAMPLE });
      }
    });

    it('accepts an unknown incident time, no optional fields, and an explicit version 1', () => {
      const event = exampleWith((e) => {
        e.incidentAt = null;
        e.gbvType = null;
        e.schemaVersion = 1;
        e.caller = { relation: 'ngo' };
        e.subject = { fullName: 'A', sex: 'X' };
        e.location = { countryCode: 'MY' };
      });
      expect(parseHotlineEvent(event, READ_AT, { contractVersion: '1.0' }).ok).toBe(true);
    });

    it('tolerates a hotline clock a little ahead of ours', () => {
      const event = exampleWith((e) => (e.occurredAt = '2026-11-22T03:19:00Z'));
      expect(parseHotlineEvent(event, READ_AT).ok).toBe(true);
    });

    it('keeps each category once when one is repeated', () => {
      const result = parseHotlineEvent(exampleWith((e) => (e.categories = ['gbv', 'gbv', 'stranded'])), READ_AT);
      expect(result.ok && result.event.categories).toEqual(['gbv', 'stranded']);
    });
  });

  describe('a malformed event is refused with its code, naming paths and never values', () => {
    const cases: Array<[string, unknown, Refusal['code'], string]> = [
      ['not JSON', Buffer.from('{"eventId": "hl-1", fullName: Nguyễn Thị Hoa'), 'NOT_JSON', ''],
      ['not UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), 'NOT_JSON', ''],
      ['empty bytes', Buffer.alloc(0), 'EMPTY', ''],
      ['a tombstone (null value)', null, 'EMPTY', ''],
      ['blank text', '  \n', 'EMPTY', ''],
      ['an array', JSON.stringify([PROTOCOL_EXAMPLE]), 'SCHEMA_VIOLATION', '(root)'],
      ['a missing field', exampleWith((e) => delete e.immediateDanger), 'SCHEMA_VIOLATION', 'immediateDanger'],
      ['a wrong type', exampleWith((e) => ((e.subject as Subject).fullName = 42)), 'SCHEMA_VIOLATION', 'subject.fullName'],
      ['an unknown field', exampleWith((e) => ((e.subject as Subject).Hoa = 'Nguyễn Thị Hoa')), 'SCHEMA_VIOLATION', 'subject'],
      ['an unknown category', exampleWith((e) => (e.categories = ['gbv', 'Nguyễn Thị Hoa'])), 'SCHEMA_VIOLATION', 'categories[1]'],
      ['an unknown channel', exampleWith((e) => (e.channel = 'pigeon')), 'SCHEMA_VIOLATION', 'channel'],
      ['an empty eventId', exampleWith((e) => (e.eventId = '')), 'SCHEMA_VIOLATION', 'eventId'],
      ['a non-ISO instant', exampleWith((e) => (e.occurredAt = '22/11/2026 03:14')), 'SCHEMA_VIOLATION', 'occurredAt'],
      ['a date that does not exist', exampleWith((e) => ((e.subject as Subject).dateOfBirth = '1998-02-30')), 'SCHEMA_VIOLATION', 'subject.dateOfBirth'],
      ['a malformed country code', exampleWith((e) => ((e.location as Subject).countryCode = 'Korea')), 'SCHEMA_VIOLATION', 'location.countryCode'],
      ['an unassigned country code', exampleWith((e) => ((e.location as Subject).countryCode = 'XY')), 'IMPOSSIBLE_VALUE', 'location.countryCode'],
      ['an unknown schemaVersion', exampleWith((e) => (e.schemaVersion = 2)), 'UNKNOWN_VERSION', 'schemaVersion'],
      ['an incident in the future', exampleWith((e) => (e.incidentAt = '2026-11-23T00:00:00Z')), 'IMPOSSIBLE_VALUE', 'incidentAt'],
      ['a report before its incident', exampleWith((e) => (e.incidentAt = '2026-11-22T03:15:00Z')), 'IMPOSSIBLE_VALUE', 'incidentAt'],
      ['a report from the future', exampleWith((e) => (e.occurredAt = '2026-11-22T04:00:00Z')), 'IMPOSSIBLE_VALUE', 'occurredAt'],
      ['a birth in the future', exampleWith((e) => ((e.subject as Subject).dateOfBirth = '2027-01-01')), 'IMPOSSIBLE_VALUE', 'subject.dateOfBirth'],
      ['a birth before 1900', exampleWith((e) => ((e.subject as Subject).dateOfBirth = '0998-04-12')), 'IMPOSSIBLE_VALUE', 'subject.dateOfBirth'],
      ['an oversized value', Buffer.alloc(MAX_HOTLINE_EVENT_BYTES + 1, 0x20), 'TOO_LARGE', ''],
      ['an oversized object', exampleWith((e) => (e.narrative = 'x'.repeat(MAX_HOTLINE_EVENT_BYTES))), 'TOO_LARGE', ''],
    ];

    it.each(cases)('%s', (_name, raw, code, path) => {
      const reason = refusalOf(raw);
      expect(reason.code).toBe(code);
      expect(reason.message).not.toBe('');
      if (path) expect(reason.issues?.map((issue) => issue.path)).toContain(path);
      expectNoPersonalValues(reason);
    });

    it('refuses text PostgreSQL cannot store (NUL, an unpaired surrogate), naming the field only', () => {
      const nul = refusalOf(exampleWith((e) => (e.narrative = 'Nguyễn\u0000Hoa')));
      expect(nul).toMatchObject({ code: 'SCHEMA_VIOLATION', issues: [{ path: 'narrative', code: 'unstorable_text' }] });
      const surrogate = refusalOf(exampleWith((e) => ((e.subject as Record<string, string>).fullName = 'Hoa \uD800')));
      expect(surrogate.issues).toEqual([{ path: 'subject.fullName', code: 'unstorable_text' }]);
      expectNoPersonalValues(nul);
    });

    it('refuses a contract-version header naming another version', () => {
      expect(refusalOf(PROTOCOL_EXAMPLE, { contractVersion: '2' }).code).toBe('UNKNOWN_VERSION');
    });

    it('does not repeat the text of a value in a NOT_JSON refusal', () => {
      const reason = refusalOf('{"subject": {"fullName": "Nguyễn Thị Hoa"');
      expect(reason).toEqual({ code: 'NOT_JSON', message: 'the message value is not JSON' });
    });

    it('refuses a value whose getters throw, without throwing', () => {
      const hostile = new Proxy({}, { ownKeys: () => { throw new Error('Nguyễn Thị Hoa'); } });
      const reason = refusalOf(hostile);
      expect(REFUSAL_CODES).toContain(reason.code);
      expectNoPersonalValues(reason);
    });
  });

  describe('on any input at all', () => {
    it('never throws, and either accepts or refuses with a known code', () => {
      const anyInput = fc.oneof(
        fc.anything(),
        fc.jsonValue(),
        fc.string().map((text) => Buffer.from(text)),
        fc.uint8Array().map((bytes) => Buffer.from(bytes)),
        fc.json(),
        // near-misses: the example with one field replaced by anything
        fc.tuple(fc.constantFrom(...Object.keys(PROTOCOL_EXAMPLE)), fc.jsonValue()).map(([key, value]) =>
          exampleWith((e) => (e[key] = value as never)),
        ),
      );
      fc.assert(
        fc.property(anyInput, fc.integer({ min: 0, max: 4_102_444_800_000 }), (raw, now) => {
          const result = parseHotlineEvent(raw, now);
          if (!result.ok) expect(REFUSAL_CODES).toContain(result.reason.code);
        }),
        { numRuns: 500 },
      );
    });
  });
});
