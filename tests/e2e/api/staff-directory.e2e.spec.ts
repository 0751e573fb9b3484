import { randomUUID } from 'node:crypto';
import { walkIn, type Caller } from '../../support/api-client';
import { useApiWorld } from '../../support/api-world';
import { staffAdmin } from '../../support/staff';

// The staff directory on the api and worker apps as `npm start` runs them: people join it by signing in (GET
// /v1/me) or by the admin; supervisors list their missions' active members; a case is assigned or shared only to an
// active member of its mission (else 422 UNKNOWN_STAFF, nothing appended); a deactivated member stays so.
jest.setTimeout(180_000);

const SEOUL = 'KR-SEL';
const supervisor: Caller = { userId: 'sup-dir', role: 'supervisor', missions: [SEOUL] };
const busanSupervisor: Caller = { userId: 'sup-dir-pus', role: 'supervisor', missions: ['KR-PUS'] };
const hq: Caller = { userId: 'hq-dir', role: 'hq_officer', missions: ['HQ'] };

interface StaffList {
  items: Array<{ userId: string; role: string; missions: string[]; displayName: string | null }>;
}

describe('the staff directory', () => {
  const world = useApiWorld('e2e-staff');

  const open = async (): Promise<string> => {
    const opened = await world.api.post<{ caseId: string }>('/v1/cases', supervisor, walkIn());
    expect(opened.status).toBe(201);
    return opened.body.caseId;
  };
  const eventCount = async (caseId: string): Promise<number> =>
    (await world.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE stream_id = $1', [caseId])).rows[0]!.n;
  const row = async (userId: string) =>
    (await world.pool.query('SELECT role, missions, display_name, active, first_seen_at, last_seen_at FROM staff_directory WHERE user_id = $1', [userId])).rows[0] as Record<string, unknown> | undefined;
  const listed = async (query: string, caller: Caller = supervisor): Promise<StaffList['items']> => {
    const answer = await world.api.get<StaffList>(`/v1/staff${query}`, caller);
    expect(answer.status).toBe(200);
    return answer.body.items;
  };

  it('records the people who work cases when they sign in (GET /v1/me), with their token’s role and missions', async () => {
    const caseworker: Caller = { userId: 'cw-dir-signed-in', role: 'caseworker', missions: [SEOUL] };
    expect(await row(caseworker.userId)).toBeUndefined();
    expect((await world.api.get('/v1/me', caseworker)).body).toEqual({ user: caseworker.userId, role: 'caseworker', missions: [SEOUL] });
    expect(await row(caseworker.userId)).toEqual({ role: 'caseworker', missions: [SEOUL], display_name: null, active: true, first_seen_at: expect.any(Date), last_seen_at: expect.any(Date) });
    expect(await listed(`?mission=${SEOUL}&role=caseworker`)).toContainEqual({ userId: caseworker.userId, role: 'caseworker', missions: [SEOUL], displayName: null });
    // Seen again with the token's missions of today; the first sighting is kept.
    const first = (await row(caseworker.userId))!['first_seen_at'];
    await world.api.get('/v1/me', { ...caseworker, missions: [SEOUL, 'KR-PUS'] });
    expect(await row(caseworker.userId)).toMatchObject({ missions: [SEOUL, 'KR-PUS'], first_seen_at: first });
    // An auditor or an admin works no case: not in the directory.
    for (const caller of [{ userId: 'aud-dir', role: 'auditor', missions: [SEOUL] }, staffAdmin]) {
      expect((await world.api.get('/v1/me', caller)).status).toBe(200);
      expect(await row(caller.userId)).toBeUndefined();
    }
  });

  it('assigns and shares a case only to an active member of its mission: 422 UNKNOWN_STAFF otherwise, nothing appended', async () => {
    const caseId = await open();
    const member: Caller = { userId: 'cw-dir-member', role: 'caseworker', missions: [SEOUL] };
    const busan: Caller = { userId: 'cw-dir-busan', role: 'caseworker', missions: ['KR-PUS'] };
    const hqOfSeoul: Caller = { userId: 'hq-dir-seoul', role: 'hq_officer', missions: ['HQ', SEOUL] };
    for (const caller of [member, busan, hqOfSeoul]) expect((await world.api.get('/v1/me', caller)).status).toBe(200);
    const before = await eventCount(caseId);

    const refusals: Array<[string, unknown, string]> = [
      ['assignment', { caseworkerId: 'cw-dir-membr' }, 'caseworkerId'], // a typo
      ['assignment', { caseworkerId: busan.userId }, 'caseworkerId'], // another mission
      ['assignment', { caseworkerId: hqOfSeoul.userId }, 'caseworkerId'], // HQ holds no case
      ['shares', { userId: 'nobody-here' }, 'userId'],
      ['shares', { userId: busan.userId }, 'userId'],
    ];
    for (const [path, body, field] of refusals) {
      const answer = await world.api.post(`/v1/cases/${caseId}/${path}`, supervisor, body);
      expect({ path, body, status: answer.status, code: answer.body['code'], issues: answer.body['issues'] }).toEqual({ path, body, status: 422, code: 'UNKNOWN_STAFF', issues: [{ path: field, code: 'unknown_staff' }] });
      expect(answer.contentType).toContain('application/problem+json');
    }
    expect(await eventCount(caseId)).toBe(before);

    const key = randomUUID();
    expect((await world.api.post(`/v1/cases/${caseId}/assignment`, supervisor, { caseworkerId: member.userId }, key)).status).toBe(200);
    expect((await world.api.post(`/v1/cases/${caseId}/shares`, supervisor, { userId: hqOfSeoul.userId })).status).toBe(200);
    const { rows } = await world.pool.query<{ assignee: string; shared_with: string[] }>('SELECT assignee, shared_with FROM case_summary WHERE case_id = $1', [caseId]);
    expect(rows).toEqual([{ assignee: member.userId, shared_with: expect.arrayContaining([hqOfSeoul.userId]) }]);

    // Deactivated by the admin: off the list, no new assignment; a retry of the accepted one still replays its answer.
    expect((await world.api.put(`/v1/staff/${member.userId}`, staffAdmin, { role: 'caseworker', missions: [SEOUL], active: false })).status).toBe(200);
    expect((await listed(`?mission=${SEOUL}`)).map((item) => item.userId)).not.toContain(member.userId);
    const again = await world.api.post(`/v1/cases/${caseId}/assignment`, supervisor, { caseworkerId: member.userId });
    expect({ status: again.status, code: again.body['code'] }).toEqual({ status: 422, code: 'UNKNOWN_STAFF' });
    expect((await world.api.post(`/v1/cases/${caseId}/assignment`, supervisor, { caseworkerId: member.userId }, key)).status).toBe(200);
    // Signing in again does not undo the deactivation.
    expect((await world.api.get('/v1/me', member)).status).toBe(200);
    expect(await row(member.userId)).toMatchObject({ active: false });
  });

  it('lets the admin register someone before their first sign-in, keep or clear their display name, and refuses bad input', async () => {
    const newcomer = 'cw-dir-newcomer';
    const put = await world.api.put(`/v1/staff/${newcomer}`, staffAdmin, { role: 'caseworker', missions: [SEOUL, SEOUL], displayName: 'Officer Kim', active: true });
    expect(put).toMatchObject({ status: 200, body: { userId: newcomer, role: 'caseworker', missions: [SEOUL], displayName: 'Officer Kim', active: true } });
    expect(await row(newcomer)).toMatchObject({ first_seen_at: null, last_seen_at: null });
    const caseId = await open();
    expect((await world.api.post(`/v1/cases/${caseId}/assignment`, supervisor, { caseworkerId: newcomer })).status).toBe(200);
    // A later change without displayName keeps it; null clears it; the first sign-in is recorded, the name stays.
    expect((await world.api.put(`/v1/staff/${newcomer}`, staffAdmin, { role: 'supervisor', missions: [SEOUL], active: true })).body).toMatchObject({ role: 'supervisor', displayName: 'Officer Kim' });
    await world.api.get('/v1/me', { userId: newcomer, role: 'caseworker', missions: [SEOUL] });
    expect(await row(newcomer)).toMatchObject({ role: 'caseworker', display_name: 'Officer Kim', first_seen_at: expect.any(Date) });
    expect((await world.api.put(`/v1/staff/${newcomer}`, staffAdmin, { role: 'caseworker', missions: [SEOUL], displayName: null, active: true })).body).toMatchObject({ displayName: null });

    const bad: unknown[] = [
      {},
      { role: 'admin', missions: [SEOUL], active: true },
      { role: 'caseworker', missions: [], active: true },
      { role: 'caseworker', missions: ['seoul'], active: true },
      { role: 'caseworker', missions: [SEOUL], active: 'yes' },
      { role: 'caseworker', missions: [SEOUL], active: true, displayName: 'a\u0000b' },
      { role: 'caseworker', missions: [SEOUL], active: true, extra: 1 },
    ];
    for (const body of bad) {
      const answer = await world.api.put(`/v1/staff/${newcomer}`, staffAdmin, body);
      expect({ body, status: answer.status, code: answer.body['code'] }).toEqual({ body, status: 400, code: 'INVALID_INPUT' });
    }
    expect((await world.api.put('/v1/staff/has%20space', staffAdmin, { role: 'caseworker', missions: [SEOUL], active: true })).body).toMatchObject({ status: 400, code: 'INVALID_INPUT' });
    for (const caller of [supervisor, hq, { userId: 'cw-dir-x', role: 'caseworker', missions: [SEOUL] }]) {
      expect((await world.api.put(`/v1/staff/${newcomer}`, caller, { role: 'caseworker', missions: [SEOUL], active: true })).body).toMatchObject({ status: 403, code: 'FORBIDDEN_ROLE' });
    }
  });

  it('lists active members by user id: a supervisor their missions only, HQ any, a caseworker nothing', async () => {
    for (const [userId, missions, role] of [['sv-dir-b', [SEOUL], 'caseworker'], ['sv-dir-a', ['KR-PUS'], 'caseworker'], ['sv-dir-c', [SEOUL], 'supervisor']] as const) {
      expect((await world.api.put(`/v1/staff/${userId}`, staffAdmin, { role, missions, active: true })).status).toBe(200);
    }
    const mine = (await listed('')).map((item) => item.userId).filter((id) => id.startsWith('sv-dir-'));
    expect(mine).toEqual(['sv-dir-b', 'sv-dir-c']);
    const ids = (await listed('')).map((item) => item.userId);
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect((await listed(`?mission=${SEOUL}&role=supervisor`)).map((item) => item.userId).filter((id) => id.startsWith('sv-dir-'))).toEqual(['sv-dir-c']);
    // Another mission: empty for a supervisor of Seoul, as the other lists answer; its own supervisor and HQ see it.
    expect(await listed('?mission=KR-PUS')).toEqual([]);
    expect((await listed('?mission=KR-PUS', busanSupervisor)).map((item) => item.userId)).toContain('sv-dir-a');
    expect((await listed('?mission=KR-PUS', hq)).map((item) => item.userId)).toContain('sv-dir-a');
    expect((await listed('', hq)).map((item) => item.userId)).toEqual(expect.arrayContaining(['sv-dir-a', 'sv-dir-b', 'sv-dir-c']));
    expect((await world.api.get('/v1/staff', { userId: 'cw-dir-y', role: 'caseworker', missions: [SEOUL] })).body).toMatchObject({ status: 403, code: 'FORBIDDEN_ROLE' });
    expect((await world.api.get('/v1/staff?role=admin', supervisor)).body).toMatchObject({ status: 400, code: 'INVALID_INPUT' });
  });
});
