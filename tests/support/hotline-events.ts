// Hotline events for end-to-end tests: the PROTOCOL.md example with a fresh eventId and current times, and
// the malformed kinds an intake must refuse and keep.
import { randomUUID } from 'node:crypto';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

let counter = 0;

/** The PROTOCOL.md example as a new report: unique eventId, reported a minute ago, incident last evening. */
export function hotlineEvent(change: (event: Record<string, Json>) => void = () => undefined): Record<string, Json> {
  const now = Date.now();
  const event: Record<string, Json> = {
    eventId: `hl-e2e-${process.pid}-${++counter}-${randomUUID().slice(0, 8)}`,
    occurredAt: new Date(now - 60_000).toISOString(),
    source: 'citizen-protection-hotline',
    channel: 'phone',
    caller: { relation: 'self', phone: '+82 10-5555-0101', language: 'vi' },
    subject: { fullName: 'Nguyễn Thị Hoa', sex: 'F', dateOfBirth: '1998-04-12', passportNumber: null, hometownProvince: 'Nghệ An' },
    location: { countryCode: 'KR', city: 'Ansan' },
    categories: ['gbv', 'confiscated_documents', 'labour_exploitation'],
    gbvType: 'sexual_assault',
    incidentAt: new Date(now - 7 * 3_600_000).toISOString(),
    immediateDanger: true,
    minor: false,
    narrative: 'Caller reports assault by employer, passport held by employer, wants to go home.',
  };
  change(event);
  return event;
}

export interface MalformedInput {
  readonly name: string;
  readonly value: Buffer | null;
  readonly headers?: Record<string, string>;
  /** The refusal code the intake must store it with. */
  readonly code: string;
}

/** Ten ways a hotline message can be wrong, each with the refusal it must get. */
export function malformedInputs(): MalformedInput[] {
  const json = (event: Record<string, Json>): Buffer => Buffer.from(JSON.stringify(event));
  return [
    { name: 'an empty value', value: Buffer.alloc(0), code: 'EMPTY' },
    { name: 'text that is not JSON', value: Buffer.from('{"eventId": "hl-1", oops'), code: 'NOT_JSON' },
    { name: 'bytes that are not UTF-8', value: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), code: 'NOT_JSON' },
    { name: 'a value over the size limit', value: json(hotlineEvent((e) => void (e['narrative'] = 'x'.repeat(140_000)))), code: 'TOO_LARGE' },
    { name: 'an unknown contract-version header', value: json(hotlineEvent()), headers: { 'contract-version': '2' }, code: 'UNKNOWN_VERSION' },
    { name: 'schemaVersion 2 in the payload', value: json(hotlineEvent((e) => void (e['schemaVersion'] = 2))), code: 'UNKNOWN_VERSION' },
    { name: 'a missing required field', value: json(hotlineEvent((e) => void delete e['location'])), code: 'SCHEMA_VIOLATION' },
    { name: 'an unknown field', value: json(hotlineEvent((e) => void (e['callerMood'] = 'calm'))), code: 'SCHEMA_VIOLATION' },
    { name: 'a channel outside the vocabulary', value: json(hotlineEvent((e) => void (e['channel'] = 'pigeon'))), code: 'SCHEMA_VIOLATION' },
    {
      name: 'an incident after the report',
      value: json(hotlineEvent((e) => void (e['incidentAt'] = new Date(Date.now() + 86_400_000).toISOString()))),
      code: 'IMPOSSIBLE_VALUE',
    },
  ];
}
