// A case migrated from 2026.1 to 2027.1 keeps the deadline the new version gives it: the home authorities' answer,
// due 5 working days after the request under 2026.1, is due after 7 under 2027.1, and the ladder fires then —
// not at the old time.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { addWorkingDays, MISSIONS, missionByCode, type CaseEscalated, type DeadlineMissed } from '@baoho/domain';
import type { StoredEvent } from '@baoho/event-store';
import { useTimeSkippingCaseWorker, type CaseWorkerHarness } from '../../support/case-worker';
import { openCase, send } from '../../support/case-client';
import { command, HOUR, MINUTE, supervisor, walkInReport } from '../../support/case-commands';
import { recordHistory } from '../../support/record-history';

const of = <E extends { data: unknown }>(events: readonly StoredEvent[], type: string, item: string): E['data'][] =>
  events.filter((e) => e.type === type && (e.data as { item?: string }).item === item).map((e) => e.data as E['data']);

describe('a protection case, migrated to a newer protocol version', () => {
  let env: TestWorkflowEnvironment;
  let harness: CaseWorkerHarness;
  useTimeSkippingCaseWorker('protocol-migration', (world) => ({ env, harness } = world));

  it('moves the verification answer deadline from 5 to 7 working days and escalates at the new time', async () => {
    const report = walkInReport(await env.currentTimeMs());
    const { caseId } = report;
    const { handle, view } = await openCase(env.client, harness.taskQueue, report);
    expect(view.protocolVersion).toBe('2026.1');
    const mission = missionByCode(MISSIONS, view.missionCode);
    await send(handle, command('AssignCaseworker', { actor: supervisor, caseworkerId: 'cw-1' }));
    await send(handle, command('RecordContact', { channel: 'phone', outcome: 'reached', confidentialityExplained: true }));
    await send(handle, command('GiveConsent', { category: 'home_authorities', method: 'written' }));
    const requested = await send(handle, command('RecordIdentityVerification', { outcome: { kind: 'request_sent' } }));
    const task = requested.openItems.find((i) => i.item === 'verification_answer')!;
    const requestedAt = Date.parse(task.openedAt);
    const oldDue = addWorkingDays(requestedAt, 5, mission);
    const newDue = addWorkingDays(requestedAt, 7, mission);
    expect(Date.parse(task.dueAt)).toBe(oldDue);

    const migrated = await send(handle, command('MigrateProtocol', { actor: supervisor, toVersion: '2027.1' }));
    expect(migrated.protocolVersion).toBe('2027.1');
    expect(Date.parse(migrated.openItems.find((i) => i.item === 'verification_answer')!.dueAt)).toBe(newDue);

    // Past the old deadline: nothing missed for the answer.
    await env.sleep(oldDue - (await env.currentTimeMs()) + HOUR);
    let events = await harness.store.readStream(caseId);
    expect(of<DeadlineMissed>(events, 'DeadlineMissed', 'verification_answer')).toEqual([]);
    expect(of<CaseEscalated>(events, 'CaseEscalated', 'verification_answer')).toEqual([]);

    // Past the new one: missed, and level 1 raised at the new time.
    await env.sleep(newDue - (await env.currentTimeMs()) + 5 * MINUTE);
    events = await harness.store.readStream(caseId);
    expect(of<DeadlineMissed>(events, 'DeadlineMissed', 'verification_answer')).toHaveLength(1);
    const [level1] = of<CaseEscalated>(events, 'CaseEscalated', 'verification_answer');
    expect(level1).toMatchObject({ level: 1, scheduledAt: new Date(newDue).toISOString() });
    const late = Date.parse(level1!.at) - newDue;
    expect(late).toBeGreaterThanOrEqual(0);
    expect(late).toBeLessThan(MINUTE);
    await recordHistory(handle, 'protocol-migration');
  });
});
