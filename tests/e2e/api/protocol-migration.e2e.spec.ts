import { addWorkingDays, missionByCode, MISSIONS } from '@baoho/domain';
import { walkIn, type Caller } from '../../support/api-client';
import { useApiWorld } from '../../support/api-world';

// Migrating a case to another protocol version through the API (the built worker and api on the dev server, a
// fresh database): the supervisor's act only (403 for the caseworker), to a version that exists (422
// UNKNOWN_PROTOCOL_VERSION), other than its own (422 INVALID_COMMAND), never back (422 PROTOCOL_DOWNGRADE); nothing is
// appended on a refusal. Accepted, the running deadlines follow the new version: 2027.1 gives the home authorities
// 7 working days to answer a verification request instead of 5.
jest.setTimeout(120_000);

const caseworker: Caller = { userId: 'cw-migrate', role: 'caseworker' };
const supervisor: Caller = { userId: 'sup-migrate', role: 'supervisor' };

interface Reading {
  case: { protocolVersion: string; missionCode: string; openItems: Array<{ item: string; openedAt: string; dueAt: string }> };
  version: number;
  timeline: Array<{ type: string; facts: Record<string, unknown> }>;
}

describe('migrating a case to another protocol version through the API', () => {
  const world = useApiWorld('e2e-migrate', [caseworker]);

  it('moves a case from 2026.1 to 2027.1, recomputing the verification answer deadline, and refuses the rest', async () => {
    const opened = await world.api.post<{ caseId: string }>('/v1/cases', caseworker, walkIn());
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId;
    const ok = async (path: string, caller: Caller, body: Record<string, unknown>): Promise<void> => {
      const answer = await world.api.post(`/v1/cases/${caseId}/${path}`, caller, body);
      expect({ path, status: answer.status }).toEqual({ path, status: 200 });
    };
    await ok('assignment', supervisor, { caseworkerId: caseworker.userId });
    await ok('contacts', caseworker, { channel: 'walk_in', outcome: 'reached' });
    await ok('consents/given', caseworker, { category: 'home_authorities', method: 'written' });
    await ok('identity-verification', caseworker, { outcome: { kind: 'request_sent' } });
    const read = async (): Promise<Reading> => (await world.api.get<Reading>(`/v1/cases/${caseId}`, caseworker)).body;
    const before = await read();
    expect(before.case.protocolVersion).toBe('2026.1');
    const answer = (reading: Reading) => reading.case.openItems.find((i) => i.item === 'verification_answer')!;
    const mission = missionByCode(MISSIONS, before.case.missionCode);
    expect(mission.code).toBe('KR-SEL');
    const requestedAt = Date.parse(answer(before).openedAt);
    expect(Date.parse(answer(before).dueAt)).toBe(addWorkingDays(requestedAt, 5, mission));

    const path = `/v1/cases/${caseId}/protocol-migration`;
    const refused = async (caller: Caller, body: Record<string, unknown>) => {
      const answered = await world.api.post(path, caller, body);
      return { status: answered.status, code: answered.body['code'] };
    };
    expect(await refused(caseworker, { toVersion: '2027.1' })).toEqual({ status: 403, code: 'FORBIDDEN_ROLE' });
    expect(await refused(supervisor, { toVersion: '2099.1' })).toEqual({ status: 422, code: 'UNKNOWN_PROTOCOL_VERSION' });
    expect(await refused(supervisor, { toVersion: '2026.1' })).toEqual({ status: 422, code: 'INVALID_COMMAND' });
    expect(await refused(supervisor, {})).toEqual({ status: 400, code: 'INVALID_INPUT' });
    expect((await read()).version).toBe(before.version); // nothing appended

    const migrated = await world.api.post<Reading['case']>(path, supervisor, { toVersion: '2027.1' });
    expect(migrated.status).toBe(200);
    expect(migrated.body.protocolVersion).toBe('2027.1');
    const after = await read();
    expect(after.case.protocolVersion).toBe('2027.1');
    expect(Date.parse(answer(after).dueAt)).toBe(addWorkingDays(requestedAt, 7, mission));
    expect(after.timeline.map((line) => line.type)).toContain('ProtocolMigrated');

    expect(await refused(supervisor, { toVersion: '2026.1' })).toEqual({ status: 422, code: 'PROTOCOL_DOWNGRADE' });
    expect((await read()).version).toBe(after.version); // nothing appended
  });
});
