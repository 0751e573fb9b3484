import { randomInt } from 'node:crypto';
import { walkIn, type Caller } from '../../support/api-client';
import { useApiWorld } from '../../support/api-world';
import { findPlaintext } from '../../support/scan/plaintext-forms';

// Reading a case without flooding the read audit, on the api and worker apps as `npm start` runs them: the case
// reading (polled by the console) carries no personal value and writes no audit row; its personal part is a read of
// its own, recorded once per call before it is answered; headquarters reads the personal part of another mission's
// case only by break-glass, with a reason.
jest.setTimeout(180_000);

const MISSION = 'KR-SEL';
const caseworker: Caller = { userId: 'cw-reading', role: 'caseworker', missions: [MISSION] };
const supervisor: Caller = { userId: 'sup-reading', role: 'supervisor', missions: [MISSION] };
const hq: Caller = { userId: 'hq-reading', role: 'hq_officer', missions: ['HQ'] };
const hqOfSeoul: Caller = { userId: 'hq-seoul-desk', role: 'hq_officer', missions: ['HQ', MISSION] };

interface Reading {
  case: { caseId: string; personal?: unknown };
  version: number;
  timeline: Array<{ type: string; text: string; facts: unknown }>;
  permittedCommands: string[];
}
interface PersonalReading {
  caseId: string;
  version: number;
  personal: { intake?: { caller: { phone: string }; subject: { fullName: string }; narrative: string }; notes: Array<{ at: number; by: string; text: string }>; erasedAt?: number };
}

/** Letters no other test uses, so a find is hers. */
const uniqueWord = (): string => Array.from({ length: 7 }, () => 'bcdfghklmnpqrstvxz'[randomInt(18)]).join('');

describe('reading a case and its personal part', () => {
  const world = useApiWorld('e2e-reading');

  /** A case opened by the caseworker with her own name, phone, story and a note; and what must not leak. */
  const openCase = async (): Promise<{ caseId: string; secrets: string[]; fullName: string; note: string }> => {
    const word = uniqueWord();
    const fullName = `Phạm Thị Lụa ${word[0]!.toUpperCase()}${word.slice(1)}`;
    const phone = `+82 10-${randomInt(1000, 9999)}-${randomInt(1000, 9999)}`;
    const narrative = `Her employer ${word} took her passport in Incheon.`;
    const note = `She asked that ${word}ka not be told where she sleeps.`;
    const opened = await world.api.post<{ caseId: string }>('/v1/cases', caseworker, walkIn({
      caller: { relation: 'self', phone, language: 'vi' },
      subject: { fullName, sex: 'F', dateOfBirth: '1997-05-06', passportNumber: null, hometownProvince: 'Thái Bình' },
      narrative,
    }));
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId;
    expect((await world.api.post(`/v1/cases/${caseId}/notes`, caseworker, { text: note })).status).toBe(200);
    return { caseId, secrets: [fullName, word, phone, narrative, note], fullName, note };
  };

  const auditRows = async (caseId: string) =>
    (await world.pool.query<{ user_id: string; purpose: string; break_glass: boolean }>(`SELECT user_id, purpose, break_glass FROM case_read_audit WHERE case_id = $1 ORDER BY audit_id`, [caseId])).rows;

  it('answers the case reading without a personal value, not even in its timeline, and writes no audit row', async () => {
    const { caseId, secrets } = await openCase();
    for (let poll = 0; poll < 3; poll++) {
      const read = await world.api.get<Reading>(`/v1/cases/${caseId}`, caseworker);
      expect(read.status).toBe(200);
      expect(read.headers.get('cache-control')).toBe('no-store');
      expect(read.body.case.caseId).toBe(caseId);
      expect(read.body.case).not.toHaveProperty('personal');
      expect(read.body.timeline.map((entry) => entry.type)).toEqual(expect.arrayContaining(['CaseOpened', 'NoteAdded']));
      expect(read.body.permittedCommands).toContain('notes');
      expect(findPlaintext(JSON.stringify(read.body), secrets)).toBeUndefined();
    }
    // The supervisor's reading too, and the lists: none of them is a read of her personal data.
    expect((await world.api.get(`/v1/cases/${caseId}`, supervisor)).status).toBe(200);
    expect((await world.api.get('/v1/cases?limit=50', supervisor)).status).toBe(200);
    expect(await auditRows(caseId)).toEqual([]);
  });

  it('answers the personal part with its version, recording each call in the read audit first', async () => {
    const { caseId, fullName, note } = await openCase();
    const reading = await world.api.get<Reading>(`/v1/cases/${caseId}`, caseworker);
    const personal = await world.api.get<PersonalReading>(`/v1/cases/${caseId}/personal`, caseworker);
    expect(personal.status).toBe(200);
    expect(personal.headers.get('cache-control')).toBe('no-store');
    expect(personal.body).toEqual({
      caseId,
      version: reading.body.version,
      personal: {
        intake: expect.objectContaining({ subject: expect.objectContaining({ fullName }), caller: { phone: expect.any(String) }, narrative: expect.any(String) }),
        notes: [{ at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), by: caseworker.userId, text: note }],
      },
    });
    expect(await auditRows(caseId)).toEqual([{ user_id: caseworker.userId, purpose: 'case_work', break_glass: false }]);
    // One row per call; a supervisor of the mission reads it too, as oversight.
    expect((await world.api.get(`/v1/cases/${caseId}/personal`, caseworker)).status).toBe(200);
    expect((await world.api.get(`/v1/cases/${caseId}/personal`, supervisor)).status).toBe(200);
    expect(await auditRows(caseId)).toEqual([
      { user_id: caseworker.userId, purpose: 'case_work', break_glass: false },
      { user_id: caseworker.userId, purpose: 'case_work', break_glass: false },
      { user_id: supervisor.userId, purpose: 'oversight', break_glass: false },
    ]);
    // A later version after a new note: the reading says so, and the personal part follows it.
    expect((await world.api.post(`/v1/cases/${caseId}/notes`, caseworker, { text: 'Second visit.' })).status).toBe(200);
    const moved = await world.api.get<Reading>(`/v1/cases/${caseId}`, caseworker);
    expect(moved.body.version).toBeGreaterThan(reading.body.version);
    expect((await world.api.get<PersonalReading>(`/v1/cases/${caseId}/personal`, caseworker)).body.version).toBe(moved.body.version);
    // Out of scope: a 404 like any case one may not see, and nothing recorded.
    const other: Caller = { userId: 'cw-not-hers', role: 'caseworker', missions: [MISSION] };
    const before = (await auditRows(caseId)).length;
    expect((await world.api.get(`/v1/cases/${caseId}/personal`, other)).body).toMatchObject({ status: 404, code: 'CASE_NOT_FOUND' });
    expect(await auditRows(caseId)).toHaveLength(before);
  });

  it('returns no personal data when its read cannot be recorded', async () => {
    const { caseId, secrets } = await openCase();
    // The audit refuses this case's rows (as a full disk or a lost connection would): the read must fail with them.
    await world.pool.query(`
      CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.case_id = '${caseId}' THEN RAISE EXCEPTION 'the audit refuses this row'; END IF;
        RETURN NEW;
      END $$`);
    await world.pool.query(`CREATE TRIGGER test_refuse_audit BEFORE INSERT ON case_read_audit FOR EACH ROW EXECUTE FUNCTION test_refuse_audit()`);
    try {
      const refused = await world.api.get(`/v1/cases/${caseId}/personal`, caseworker);
      expect(refused.status).toBeGreaterThanOrEqual(500);
      expect(refused.body).not.toHaveProperty('personal');
      expect(findPlaintext(JSON.stringify(refused.body), secrets)).toBeUndefined();
    } finally {
      await world.pool.query('DROP TRIGGER test_refuse_audit ON case_read_audit');
      await world.pool.query('DROP FUNCTION test_refuse_audit()');
    }
  });

  it('lets headquarters list and read every mission’s case, but its personal part outside HQ’s missions only with a reason', async () => {
    const { caseId, secrets, fullName } = await openCase();
    const listed = await world.api.get<{ items: Array<{ caseId: string }> }>('/v1/cases?limit=200', hq);
    expect(listed.body.items.map((item) => item.caseId)).toContain(caseId);
    expect((await world.api.get<Reading>(`/v1/cases/${caseId}`, hq)).status).toBe(200);

    const refused = await world.api.get(`/v1/cases/${caseId}/personal`, hq);
    expect(refused.status).toBe(403);
    expect(refused.contentType).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ status: 403, code: 'REASON_REQUIRED', detail: expect.stringContaining(`/v1/cases/${caseId}/break-glass`) });
    expect(findPlaintext(JSON.stringify(refused.body), secrets)).toBeUndefined();
    expect(await auditRows(caseId)).toEqual([]);

    // Break-glass serves it: audited with the reason, the event through the workflow (the supervisor notified).
    const reason = 'The Seoul office is closed tonight and she called the HQ line in danger.';
    const glass = await world.api.post<Reading & { case: { personal: PersonalReading['personal'] } }>(`/v1/cases/${caseId}/break-glass`, hq, { reason });
    expect(glass.status).toBe(200);
    expect(glass.headers.get('cache-control')).toBe('no-store');
    expect(glass.body.case.personal.intake?.subject.fullName).toBe(fullName);
    expect(await auditRows(caseId)).toEqual([{ user_id: hq.userId, purpose: 'break_glass', break_glass: true }]);
    const { rows } = await world.pool.query(`SELECT data FROM events WHERE stream_id = $1 AND type = 'BreakGlassRead'`, [caseId]);
    expect(rows).toEqual([{ data: expect.objectContaining({ by: hq.userId, role: 'hq_officer', recipient: expect.objectContaining({ role: 'supervisor' }) }) }]);
    // Still a reason the next time: break-glass opens nothing for later.
    expect((await world.api.get(`/v1/cases/${caseId}/personal`, hq)).body).toMatchObject({ code: 'REASON_REQUIRED' });

    // An HQ officer whose token names the case's mission reads it as a supervisor would.
    const own = await world.api.get<PersonalReading>(`/v1/cases/${caseId}/personal`, hqOfSeoul);
    expect(own.status).toBe(200);
    expect(own.body.personal.intake?.subject.fullName).toBe(fullName);
    expect((await auditRows(caseId)).at(-1)).toEqual({ user_id: hqOfSeoul.userId, purpose: 'oversight', break_glass: false });
  });
});
