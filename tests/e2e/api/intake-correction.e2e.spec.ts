import { walkIn, type Caller } from '../../support/api-client';
import { useApiWorld } from '../../support/api-world';

// Re-triage through the API (the built worker and api on the dev server, a fresh database): a correction needs a
// reason (400 without one, nothing appended), must change something (422), is the caseworker's or the
// supervisor's (403 for HQ), and once accepted recomputes the running deadlines and opens the clinical windows a
// newly known incident time calls for — one already past recorded as closed before it was known. Its reason is
// sealed in the log and never in the event's data.
jest.setTimeout(120_000);

const caseworker: Caller = { userId: 'cw-correct', role: 'caseworker' };
const supervisor: Caller = { userId: 'sup-correct', role: 'supervisor' };
const hq: Caller = { userId: 'hq-correct', role: 'hq_officer', missions: ['HQ'] };

interface Reading {
  case: {
    risk: string;
    openItems: Array<{ item: string; openedAt: string; dueAt: string }>;
    clinicalWindows: Array<{ window: string; status: string; endsAt: string }>;
  };
  version: number;
  timeline: Array<{ type: string; facts: Record<string, unknown> }>;
}

describe('correcting the intake through the API', () => {
  const world = useApiWorld('e2e-correct', [caseworker]);

  it('refuses a correction without a reason or without a change, and re-triages with one', async () => {
    const opened = await world.api.post<{ caseId: string }>('/v1/cases', caseworker, walkIn());
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId;
    expect((await world.api.post(`/v1/cases/${caseId}/assignment`, supervisor, { caseworkerId: caseworker.userId })).status).toBe(200);
    expect((await world.api.post(`/v1/cases/${caseId}/contacts`, caseworker, { channel: 'walk_in', outcome: 'reached' })).status).toBe(200);
    const read = async (): Promise<Reading> => (await world.api.get<Reading>(`/v1/cases/${caseId}`, caseworker)).body;
    const before = await read();
    expect(before.case.risk).toBe('standard');
    const path = `/v1/cases/${caseId}/intake-correction`;

    const noReason = await world.api.post(path, caseworker, { risk: 'critical' });
    expect({ status: noReason.status, code: noReason.body['code'] }).toEqual({ status: 400, code: 'INVALID_INPUT' });
    expect(noReason.body['issues']).toEqual([expect.objectContaining({ path: 'reason' })]);
    const blankReason = await world.api.post(path, caseworker, { reason: '   ', risk: 'critical' });
    expect({ status: blankReason.status, code: blankReason.body['code'] }).toEqual({ status: 400, code: 'INVALID_INPUT' });
    const noChange = await world.api.post(path, caseworker, { reason: 'Checked her papers again', risk: 'standard' });
    expect({ status: noChange.status, code: noChange.body['code'] }).toEqual({ status: 422, code: 'INVALID_COMMAND' });
    const fromHq = await world.api.post(path, hq, { reason: 'HQ thinks so', risk: 'critical' });
    expect({ status: fromHq.status, code: fromHq.body['code'] }).toEqual({ status: 403, code: 'FORBIDDEN_ROLE' });
    expect((await read()).version).toBe(before.version); // nothing appended

    // She tells the caseworker she was raped 100 hours ago and is not safe: critical, and the incident now known.
    const incidentAt = Date.now() - 100 * 3_600_000;
    const reason = 'She was raped by the broker four days ago and he knows where she sleeps';
    const corrected = await world.api.post<Reading['case']>(path, caseworker, {
      reason,
      risk: 'critical',
      gbvType: 'rape',
      incidentAt: new Date(incidentAt).toISOString(),
      incidentTimeEstimated: true,
      categories: ['labour_exploitation', 'confiscated_documents', 'gbv'],
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body.risk).toBe('critical');
    // Running deadlines by the pinned protocol for a critical case: assessment and identity verification 24 h.
    for (const item of ['assessment', 'identity_verification']) {
      const clock = corrected.body.openItems.find((i) => i.item === item)!;
      expect({ item, hours: (Date.parse(clock.dueAt) - Date.parse(clock.openedAt)) / 3_600_000 }).toEqual({ item, hours: 24 });
    }
    // HIV PEP (72 h from the incident) had closed before anyone knew; emergency contraception (120 h) is open.
    expect(corrected.body.clinicalWindows).toEqual([
      expect.objectContaining({ window: 'hiv_pep', status: 'closed_before_known', endsAt: new Date(incidentAt + 72 * 3_600_000).toISOString() }),
      expect.objectContaining({ window: 'emergency_contraception', status: 'open', endsAt: new Date(incidentAt + 120 * 3_600_000).toISOString() }),
    ]);

    const after = await read();
    expect(after.timeline.slice(before.version).map((entry) => entry.type)).toEqual([
      'IntakeCorrected',
      'ClinicalWindowClosedBeforeKnown',
      'ClinicalWindowOpened',
    ]);
    expect(after.timeline[before.version]!.facts['changed']).toEqual(['risk', 'gbvType', 'incidentAt', 'incidentTimeEstimated', 'categories']);

    // The reason is personal: sealed in the log's personal part, absent from the event's data.
    const { rows } = await world.pool.query<{ data: Record<string, unknown>; personal: { reason: string } }>(
      `SELECT data, personal FROM events WHERE stream_id = $1 AND type = 'IntakeCorrected'`,
      [caseId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.personal.reason).toMatch(/^bh1\./);
    expect(JSON.stringify(rows[0]!.data)).not.toContain('broker');
    expect(rows[0]!.data['corrections']).toMatchObject({ risk: { from: 'standard', to: 'critical' }, gbvType: { from: null, to: 'rape' } });
  });
});
