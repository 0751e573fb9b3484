// Consent over time, through the workflow's own clock: a refusal is re-asked after the protocol's period (and
// may be refused again, which is re-asked again); an exception lapses after its period, after which a withdrawal
// cancels what is pending towards the recipient.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { PROTOCOL_2026_1, type ConsentReaskDue } from '@baoho/domain';
import { useTimeSkippingCaseWorker, type CaseWorkerHarness } from '../../support/case-worker';
import { openCase, send, type CaseHandle } from '../../support/case-client';
import { command, HOUR, MINUTE, supervisor, walkInReport } from '../../support/case-commands';
import { recordHistory } from '../../support/record-history';

const { reaskAfterRefusalHours, exceptionLapsesAfterHours } = PROTOCOL_2026_1.consent;

describe('a protection case, consent over time', () => {
  let env: TestWorkflowEnvironment;
  let harness: CaseWorkerHarness;
  useTimeSkippingCaseWorker('consent-over-time', (world) => ({ env, harness } = world));

  const at = (event: { data: unknown }): number => Date.parse((event.data as { at: string }).at);

  /** A walk-in, assigned, reached and assessed: waiting for its action plan. */
  const assessedCase = async (): Promise<{ caseId: string; handle: CaseHandle }> => {
    const report = walkInReport(await env.currentTimeMs());
    const { handle } = await openCase(env.client, harness.taskQueue, report);
    await send(handle, command('AssignCaseworker', { actor: supervisor, caseworkerId: 'cw-1' }));
    await send(handle, command('RecordContact', { channel: 'phone', outcome: 'reached' }));
    await send(handle, command('SubmitAssessment', {
      needs: { safety: true, medical: false, shelter: false, legal: true, psychosocial: true },
      wish: 'stay',
      familyIsRiskSource: false,
      safetyPlanAgreed: true,
    }));
    return { caseId: report.caseId, handle };
  };

  it('re-asks a refusal after the protocol’s period, and again after she refuses again', async () => {
    const { caseId, handle } = await assessedCase();
    const refused = await send(handle, command('RefuseConsent', { category: 'family', method: 'spoken' }));
    const firstRefusal = Date.parse(refused.consent.family.at!);
    await send(handle, command('AgreeActionPlan', { goal: 'stay', tasks: ['family_notification'] }));

    await env.sleep(firstRefusal + reaskAfterRefusalHours * HOUR - (await env.currentTimeMs()) + 5 * MINUTE);
    let reasks = (await harness.store.readStream(caseId)).filter((e) => e.type === 'ConsentReaskDue');
    expect(reasks.map((e) => e.data)).toEqual([
      expect.objectContaining({ category: 'family', refusedAt: new Date(firstRefusal).toISOString(), recipient: { role: 'caseworker', contactId: 'user:cw-1' } }),
    ]);
    expect(at(reasks[0]!) - (firstRefusal + reaskAfterRefusalHours * HOUR)).toBeLessThan(MINUTE);
    const noticed = await harness.notifications.waitFor(caseId, (n) => n.some((x) => x.type === 'ConsentReaskDue'));
    expect(noticed.filter((n) => n.type === 'ConsentReaskDue')).toEqual([expect.objectContaining({ eventId: reasks[0]!.eventId })]);

    // Asked again, she refuses again: the family task still waits, and a new reminder comes a period later.
    const again = await send(handle, command('RefuseConsent', { category: 'family', method: 'interpreter' }));
    expect(again.waitingForConsent).toEqual([expect.objectContaining({ item: 'family_notification', consentCategory: 'family' })]);
    const secondRefusal = Date.parse(again.consent.family.at!);
    await env.sleep(secondRefusal + reaskAfterRefusalHours * HOUR - (await env.currentTimeMs()) + 5 * MINUTE);
    reasks = (await harness.store.readStream(caseId)).filter((e) => e.type === 'ConsentReaskDue');
    expect(reasks.map((e) => (e.data as ConsentReaskDue['data']).refusedAt)).toEqual([
      new Date(firstRefusal).toISOString(),
      new Date(secondRefusal).toISOString(),
    ]);
    await recordHistory(handle, 'consent-over-time');
  });

  it('lets an exception lapse after its period; a withdrawal then cancels the pending police report', async () => {
    const { caseId, handle } = await assessedCase();
    await send(handle, command('GiveConsent', { category: 'host_police', method: 'written' }));
    await send(handle, command('AgreeActionPlan', { goal: 'stay', tasks: ['police_report'] }));
    const excepted = await send(handle, command('RecordConsentException', { category: 'host_police', ground: 'legal_duty', reason: 'Mandatory report' }));
    expect(excepted.consent.host_police).toMatchObject({ status: 'given', exception: 'legal_duty' });
    const recordedAt = at((await harness.store.readStream(caseId)).find((e) => e.type === 'ConsentExceptionRecorded')!);

    await env.sleep(recordedAt + exceptionLapsesAfterHours * HOUR - (await env.currentTimeMs()) + 5 * MINUTE);
    const lapsed = (await harness.store.readStream(caseId)).filter((e) => e.type === 'ConsentExceptionLapsed');
    expect(lapsed.map((e) => e.data)).toEqual([expect.objectContaining({ category: 'host_police', ground: 'legal_duty', recordedAt: new Date(recordedAt).toISOString() })]);
    expect(at(lapsed[0]!) - (recordedAt + exceptionLapsesAfterHours * HOUR)).toBeLessThan(MINUTE);

    const before = (await harness.store.readStream(caseId)).length;
    const withdrawn = await send(handle, command('WithdrawConsent', { category: 'host_police', method: 'spoken' }));
    expect(withdrawn.consent.host_police.exception).toBeUndefined();
    expect(withdrawn.clocks.find((c) => c.item === 'police_report')?.status).toBe('cancelled');
    const added = (await harness.store.readStream(caseId)).slice(before);
    expect(added.map((e) => [e.type, (e.data as { task?: string }).task])).toEqual([
      ['ConsentWithdrawn', undefined],
      ['TaskCancelled', 'police_report'],
    ]);
  });
});
