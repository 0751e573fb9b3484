import type { CaseNotice } from '@baoho/workflows';
// A missed deadline climbs the escalation ladder at the protocol's times for the case's risk; an acknowledgement
// holds the climb for the re-arm period; completing the work ends it.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { PROTOCOL_2026_1, type CaseEscalated } from '@baoho/domain';
import type { StoredEvent } from '@baoho/event-store';
import { useTimeSkippingCaseWorker, type CaseWorkerHarness } from '../../support/case-worker';
import { openCase, send } from '../../support/case-client';
import { command, HOUR, hotlineReport, MINUTE, supervisor } from '../../support/case-commands';
import { recordHistory } from '../../support/record-history';

const ladder = PROTOCOL_2026_1.escalation;
const risk = 'critical';

const escalations = (events: readonly StoredEvent[], item: string): CaseEscalated['data'][] =>
  events.filter((e) => e.type === 'CaseEscalated').map((e) => e.data as CaseEscalated['data']).filter((d) => d.item === item);

/** Each rung was raised at its scheduled time (the clock's timer fired then, not later). */
const expectRaisedOnTime = (rung: CaseEscalated['data']): void => {
  const late = Date.parse(rung.at) - Date.parse(rung.scheduledAt);
  expect(late).toBeGreaterThanOrEqual(0);
  expect(late).toBeLessThan(MINUTE);
};

describe('a protection case, the escalation ladder', () => {
  let env: TestWorkflowEnvironment;
  let harness: CaseWorkerHarness;
  useTimeSkippingCaseWorker('escalation-ladder', (world) => ({ env, harness } = world));

  it('climbs level by level, holds after an acknowledgement, and stops when the step is done', async () => {
    // Critical (immediate danger), no incident time so no clinical window interleaves with the ladder.
    const report = hotlineReport(await env.currentTimeMs(), { incidentAt: null });
    const { caseId } = report;
    const { handle, view } = await openCase(env.client, harness.taskQueue, report);
    expect(view.risk).toBe(risk);
    const firstContact = view.openItems.find((i) => i.item === 'first_contact')!;
    const dueAt = Date.parse(firstContact.dueAt);
    expect(dueAt).toBe(Date.parse(report.reportedAt!) + 1 * HOUR); // first contact: 1 h for a critical case

    // Level 1 at the deadline, to the supervisor.
    await env.sleep(Date.parse(firstContact.dueAt) - (await env.currentTimeMs()) + 5 * MINUTE);
    let events = await harness.store.readStream(caseId);
    const [level1] = escalations(events, 'first_contact');
    expect(escalations(events, 'first_contact')).toHaveLength(1);
    expect(level1).toMatchObject({ level: 1, scheduledAt: new Date(dueAt).toISOString(), recipient: { role: 'supervisor' } });
    expectRaisedOnTime(level1!);
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['ReminderDue', 'DeadlineMissed']));

    // The supervisor acknowledges: level 2 (normally 1 h after level 1) waits for the 2 h re-arm period.
    const acked = await send(handle, command('AcknowledgeEscalation', { actor: supervisor, item: 'first_contact' }));
    expect(acked.escalationLevel).toBe(1);
    events = await harness.store.readStream(caseId);
    const ack = events.at(-1)!;
    expect(ack).toMatchObject({ type: 'EscalationAcknowledged', data: { item: 'first_contact', level: 1 } });
    const rearmUntil = Date.parse((ack.data as { rearmUntil: string }).rearmUntil);
    expect(rearmUntil - Date.parse((ack.data as { at: string }).at)).toBe(ladder.acknowledgementRearmHours[risk] * HOUR);
    const unacknowledgedLevel2 = dueAt + ladder.level2AfterLevel1Hours[risk] * HOUR;
    expect(rearmUntil).toBeGreaterThan(unacknowledgedLevel2);

    await env.sleep(unacknowledgedLevel2 - (await env.currentTimeMs()) + 10 * MINUTE);
    expect(escalations(await harness.store.readStream(caseId), 'first_contact')).toHaveLength(1);

    // Level 2 at the end of the re-arm period, to headquarters; level 3 after the protocol's interval, to the head of mission.
    await env.sleep(rearmUntil - (await env.currentTimeMs()) + ladder.level3AfterLevel2Hours[risk] * HOUR + 5 * MINUTE);
    events = await harness.store.readStream(caseId);
    const [, level2, level3] = escalations(events, 'first_contact');
    expect(escalations(events, 'first_contact')).toHaveLength(3);
    expect(level2).toMatchObject({ level: 2, scheduledAt: new Date(rearmUntil).toISOString(), recipient: { role: 'hq_duty_officer' } });
    expect(level3).toMatchObject({
      level: 3,
      scheduledAt: new Date(rearmUntil + ladder.level3AfterLevel2Hours[risk] * HOUR).toISOString(),
      recipient: { role: 'head_of_mission' },
    });
    expectRaisedOnTime(level2!);
    expectRaisedOnTime(level3!);
    const firstContactLadder = (notices: CaseNotice[]) => notices.filter((n) => n.type === 'CaseEscalated' && n.data.item === 'first_contact');
    const noticed = firstContactLadder(await harness.notifications.waitFor(caseId, (notices) => firstContactLadder(notices).length >= 3));
    expect(noticed.map((n) => n.data.level)).toEqual([1, 2, 3]);

    // Reaching her opens assessment and identity verification, both due in 24 h. Both miss it; the
    // assessment is then submitted, and only identity verification keeps climbing.
    const reached = await send(handle, command('RecordContact', { channel: 'phone', outcome: 'reached' }));
    const assessmentDue = Date.parse(reached.openItems.find((i) => i.item === 'assessment')!.dueAt);
    expect(Date.parse(reached.openItems.find((i) => i.item === 'identity_verification')!.dueAt)).toBe(assessmentDue);
    await env.sleep(assessmentDue - (await env.currentTimeMs()) + 5 * MINUTE);
    events = await harness.store.readStream(caseId);
    expect(escalations(events, 'assessment').map((d) => d.level)).toEqual([1]);
    expect(escalations(events, 'identity_verification').map((d) => d.level)).toEqual([1]);

    await send(
      handle,
      command('SubmitAssessment', {
        needs: { safety: true, medical: true, shelter: true, legal: true, psychosocial: true },
        wish: 'return',
        familyIsRiskSource: false,
        safetyPlanAgreed: true,
      }),
    );
    await env.sleep((ladder.level2AfterLevel1Hours[risk] + ladder.level3AfterLevel2Hours[risk]) * HOUR + 5 * MINUTE);
    events = await harness.store.readStream(caseId);
    expect(escalations(events, 'assessment').map((d) => d.level)).toEqual([1]);
    expect(escalations(events, 'identity_verification').map((d) => d.level)).toEqual([1, 2, 3]);
    const [, idLevel2, idLevel3] = escalations(events, 'identity_verification');
    expect(idLevel2!.scheduledAt).toBe(new Date(assessmentDue + ladder.level2AfterLevel1Hours[risk] * HOUR).toISOString());
    expect(idLevel3!.scheduledAt).toBe(
      new Date(assessmentDue + (ladder.level2AfterLevel1Hours[risk] + ladder.level3AfterLevel2Hours[risk]) * HOUR).toISOString(),
    );

    expect(events.map((e) => e.eventId)).toEqual(events.map((_, i) => `${caseId}:${i + 1}`));
    await recordHistory(handle, 'escalation-ladder');
  });
});
