// The example event of PROTOCOL.md ("Hotline event"), and the moment the tests read it.
export const PROTOCOL_EXAMPLE = {
  eventId: 'hl-2026-11-22-000187',
  occurredAt: '2026-11-22T03:14:00Z',
  source: 'citizen-protection-hotline',
  channel: 'phone',
  caller: { relation: 'self', phone: '+82 10-5555-0101', language: 'vi' },
  subject: {
    fullName: 'Nguyễn Thị Hoa',
    sex: 'F',
    dateOfBirth: '1998-04-12',
    passportNumber: null,
    hometownProvince: 'Nghệ An',
  },
  location: { countryCode: 'KR', city: 'Ansan' },
  categories: ['gbv', 'confiscated_documents', 'labour_exploitation'],
  gbvType: 'sexual_assault',
  incidentAt: '2026-11-21T20:00:00Z',
  immediateDanger: true,
  minor: false,
  narrative: 'Caller reports assault by employer, passport held by employer, wants to go home.',
};

export const READ_AT = Date.parse('2026-11-22T03:15:00Z');

/** Personal values of the example: none may appear in a refusal. */
export const PERSONAL_VALUES = ['Nguyễn', 'Hoa', '5555', '0101', '1998-04-12', 'Nghệ', 'Ansan', 'assault by employer', 'passport held'];

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** A deep copy of the example with `change` applied to it. */
export function exampleWith(change: (event: Record<string, Json>) => void): Record<string, Json> {
  const copy = JSON.parse(JSON.stringify(PROTOCOL_EXAMPLE)) as Record<string, Json>;
  change(copy);
  return copy;
}
