import type { Locator, Page } from 'playwright-core';
import { startApp } from '../support/apps';
import { walkIn, type Caller } from '../support/api-client';
import { screenshot, seriousAxeViolations } from '../support/browser';
import { newPage, registerStaffOf, signIn as signInAs, startConsoleWorld, WAIT, type ConsoleWorld } from '../support/console';

// The console in real headless Chromium, against the built api, worker and console apps on the real services:
// a caseworker signs in, opens a walk-in case with the form, drives it by the forms through the protocol to a
// requested closure while the timeline and clocks change; a supervisor approves the closure there and reads the
// timeline in Vietnamese; the admin erases its personal data. A supervisor watches an overdue critical case appear
// on the board, its indicator charts counting it, and acknowledges its escalation; the language switches and stays
// switched; every page passes axe-core with no serious or critical violation.
jest.setTimeout(300_000);

const MINUTE = 60_000;
const supervisorCaller: Caller = { userId: 'sup-7', role: 'supervisor' };

describe('the console in a browser', () => {
  let world: ConsoleWorld;
  let consoleApp: ConsoleWorld['console'];
  let api: ConsoleWorld['api'];

  beforeAll(async () => {
    world = await startConsoleWorld('browser-console');
    consoleApp = world.console;
    api = world.api;
    await registerStaffOf(world, ['cw-7', 'cw-8', 'cw-9'].map((userId) => ({ userId, role: 'caseworker', missions: ['KR-SEL'] })));
  });

  afterEach(() => {
    // No script error on any page, and no file of the console missing.
    expect(world.browser.pageErrors.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await world?.close();
  });

  /** A page of its own (its own session), signed in as `userId` in English. */
  async function signedIn(userId: string, role: string): Promise<Page> {
    const page = await newPage(world, 'laptop', 'en');
    await signInAs(world, page, userId, role);
    return page;
  }

  /** Waits until the clock of `item` is drawn with `status`. */
  async function clockStatus(page: Page, item: string, status: string): Promise<void> {
    await page.getByTestId('clocks').locator(`li[data-item="${item}"][data-status="${status}"]`).waitFor(WAIT);
  }

  /** The sum of an indicator chart's weekly values. */
  async function countedIn(figure: Locator): Promise<number> {
    const values = JSON.parse((await figure.getAttribute('data-values')) ?? '[]') as Array<number | null>;
    return values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
  }

  async function until(condition: () => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + WAIT.timeout;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  async function expectAccessible(page: Page, what: string): Promise<void> {
    expect({ page: what, violations: await seriousAxeViolations(page) }).toEqual({ page: what, violations: [] });
  }

  it('serves the page under a strict Content-Security-Policy and offers the development sign-in only when configured', async () => {
    const page = await fetch(consoleApp.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(await (await fetch(`${consoleApp.url}/console/config`)).json()).toEqual({ devSignIn: true });
    // The development sign-in signs a token the API accepts, forwarded by the console; without one the API says 401.
    const signedIn = await fetch(`${consoleApp.url}/console/dev-sign-in`, { method: 'POST', body: JSON.stringify({ userId: 'cw-0', role: 'caseworker', missions: ['KR-SEL'] }) });
    const { token } = (await signedIn.json()) as { token: string };
    expect((await fetch(`${consoleApp.url}/v1/my-cases`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect((await fetch(`${consoleApp.url}/v1/my-cases`)).status).toBe(401);
    const off = await startApp('console', { CONSOLE_API_URL: world.apiApp.url });
    try {
      expect(await (await fetch(`${off.url}/console/config`)).json()).toEqual({ devSignIn: false });
      const refused = await fetch(`${off.url}/console/dev-sign-in`, { method: 'POST', body: JSON.stringify({ userId: 'x', role: 'supervisor', missions: ['KR-SEL'] }) });
      expect(refused.status).toBe(404);
    } finally {
      await off.stop();
    }
  });

  it('lets a caseworker open a walk-in case and drive it by its forms to a requested closure that a supervisor approves in the browser; the admin erases it', async () => {
    const page = await signedIn('cw-7', 'caseworker');
    await page.getByRole('heading', { name: 'My cases, nearest deadline first' }).waitFor(WAIT);
    await expectAccessible(page, 'inbox');

    await page.getByRole('link', { name: 'Open a walk-in case' }).first().click();
    await page.getByRole('heading', { name: 'Open a walk-in case' }).waitFor(WAIT);
    // Validates as you type, by the API's rules.
    await page.getByLabel('Phone (optional)').fill('call me');
    await page.getByText('Digits, spaces and ()./- only').waitFor(WAIT);
    expect(await page.getByLabel('Phone (optional)').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Phone (optional)').fill('+82 10-5555-0199');
    expect(await page.getByLabel('Phone (optional)').getAttribute('aria-invalid')).toBe('false');
    await page.getByLabel('Passport number (optional)').fill('B12');
    await page.getByText('5 to 20 letters or digits.').waitFor(WAIT);
    await page.getByLabel('Passport number (optional)').fill('');
    await page.getByRole('button', { name: 'Open the case' }).click();
    await page.getByText('Correct the marked fields first.').waitFor(WAIT); // no name, no category yet
    await expectAccessible(page, 'new case');
    await page.getByLabel('Full name').fill('Phạm Thị Lan');
    await page.getByLabel('labour exploitation').check();
    await page.getByLabel('Country', { exact: true }).selectOption('KR');
    await page.getByLabel('City (optional)').fill('Seoul');
    await page.getByRole('button', { name: 'Open the case' }).click();

    await page.waitForURL(/#\/case\/wk-/, WAIT);
    const caseId = decodeURIComponent(page.url().split('#/case/')[1]!);
    const timeline = page.getByTestId('timeline');
    await timeline.locator('li[data-type="CaseOpened"]').waitFor(WAIT);
    const firstContact = page.getByTestId('clocks').locator('li[data-item="first_contact"]');
    expect(await firstContact.getAttribute('data-status')).toBe('open');
    expect(await page.getByTestId('clocks').locator('li[data-item="assessment"]').count()).toBe(0);

    // A domain error is shown next to the form that caused it: no unreachable attempt was recorded yet.
    await page.locator('form[data-command="pause"]').getByLabel('Reason').selectOption('survivor_unreachable');
    await page.locator('form[data-command="pause"]').getByRole('button', { name: 'Pause the clocks' }).click();
    const pauseError = page.locator('form[data-command="pause"] .form-status.error');
    await pauseError.waitFor(WAIT);
    expect(await pauseError.getAttribute('data-code')).toMatch(/^[A-Z_]+$/);

    // Advance: first contact made, then the assessment.
    const contact = page.locator('form[data-command="contacts"]');
    await contact.getByLabel('Outcome').selectOption('reached');
    await contact.getByRole('button', { name: 'Record the contact' }).click();
    await timeline.locator('li[data-type="ContactRecorded"]').waitFor(WAIT);
    await clockStatus(page, 'first_contact', 'done');
    await page.getByTestId('clocks').locator('li[data-item="assessment"]').waitFor(WAIT);

    const assessment = page.locator('form[data-command="assessment"]');
    await assessment.getByLabel('safety', { exact: true }).check();
    await assessment.getByLabel('Her wish').selectOption('return');
    await assessment.getByLabel('Safety plan agreed').check();
    await assessment.getByRole('button', { name: 'Submit the assessment' }).click();
    await timeline.locator('li[data-type="AssessmentSubmitted"]').waitFor(WAIT);
    await clockStatus(page, 'assessment', 'done');
    await page.getByTestId('clocks').locator('li[data-item="action_plan"]').waitFor(WAIT);

    // Live: a supervisor assigns the case elsewhere; the open page shows it without a reload.
    expect((await api.post(`/v1/cases/${caseId}/assignment`, supervisorCaller, { caseworkerId: 'cw-7' })).status).toBe(200);
    await timeline.locator('li[data-type="CaseworkerAssigned"]').waitFor(WAIT);
    await page.locator('dd', { hasText: 'cw-7' }).waitFor(WAIT);
    // Only what a caseworker may do: no assignment, no share, no closure approval, no erasure.
    for (const command of ['assignment', 'shares', 'closure/approved', 'erasure']) expect(await page.locator(`form[data-command="${command}"]`).count()).toBe(0);

    // On through the protocol, each step by its form, its choices taken from the case: her passport seen, consent
    // for the host police, a plan with the police report, the task started and completed, implementation done,
    // the day-7 follow-up made.
    const inForm = (command: string) => page.locator(`form[data-command="${command}"]`);
    const save = async (command: string, event: string): Promise<void> => {
      await inForm(command).locator('button[type="submit"]').first().click();
      await timeline.locator(`li[data-type="${event}"]`).first().waitFor(WAIT);
    };
    await inForm('identity-verification').getByLabel('What happened').selectOption('documents_seen.passport');
    await save('identity-verification', 'IdentityDocumentsSeen');
    await page.locator('dd', { hasText: 'documents seen' }).waitFor(WAIT);
    await inForm('consents/given').getByLabel('Recipient').selectOption('host_police');
    await inForm('consents/given').getByLabel('How it was given').selectOption('interpreter');
    await inForm('consents/given').getByRole('button', { name: 'Record her consent' }).click();
    await timeline.locator('li[data-type="ConsentGiven"]').waitFor(WAIT);
    await inForm('action-plan').getByLabel('Goal').selectOption('stay');
    await inForm('action-plan').getByLabel('police report').check();
    await save('action-plan', 'ActionPlanAgreed');
    await clockStatus(page, 'police_report', 'open');
    expect(await inForm('tasks/started').getByLabel('Task').locator('option').allTextContents()).toEqual(['— choose —', 'police report']);
    await inForm('tasks/started').getByLabel('Task').selectOption('police_report');
    await save('tasks/started', 'TaskStarted');
    await clockStatus(page, 'police_report', 'in_progress');
    await inForm('tasks/completed').getByLabel('Task').selectOption('police_report');
    await save('tasks/completed', 'TaskCompleted');
    await clockStatus(page, 'police_report', 'done');
    expect(await inForm('steps/completed').getByLabel('Step').locator('option').allTextContents()).toEqual(['— choose —', 'implementation']);
    await inForm('steps/completed').getByLabel('Step').selectOption('implementation');
    await save('steps/completed', 'StepCompleted');
    await clockStatus(page, 'implementation', 'done');
    await clockStatus(page, 'follow_up_day_7', 'open');
    await inForm('follow-ups').getByLabel('Step').selectOption('follow_up_day_7');
    await inForm('follow-ups').getByLabel('Outcome').selectOption('reached');
    await save('follow-ups', 'FollowUpRecorded');
    await clockStatus(page, 'follow_up_day_7', 'done');
    await inForm('closure/requested').getByLabel('Reason').selectOption('needs_met');
    await save('closure/requested', 'ClosureRequested');
    await page.locator('dd', { hasText: 'closure requested' }).first().waitFor(WAIT);
    expect(await timeline.locator('li[data-type="ClosureRequested"]').textContent()).toContain('Closure requested: needs met.');
    // Due times in the mission's time zone, never the API's ISO UTC.
    expect(await timeline.textContent()).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
    expect(await timeline.locator('li[data-type="TaskOpened"]').textContent()).toMatch(/Task police report opened, due .*GMT\+9/);

    await expectAccessible(page, 'case view');
    await screenshot(page, 'case-view');

    await page.getByRole('link', { name: 'My cases' }).click();
    await page.getByTestId('my-cases').locator(`tr[data-case="${caseId}"]`).waitFor(WAIT);
    await page.close();

    // A supervisor approves the closure in the browser; the case reads closed, in English and in Vietnamese.
    const supervisorPage = await signedIn(supervisorCaller.userId, 'supervisor');
    await supervisorPage.getByRole('heading', { name: /Supervisor board/ }).waitFor(WAIT);
    await supervisorPage.goto(`${consoleApp.url}/#/case/${encodeURIComponent(caseId)}`);
    const approve = supervisorPage.locator('form[data-command="closure/approved"]');
    await approve.getByRole('button', { name: 'Approve closure' }).click();
    await supervisorPage.getByRole('dialog').getByRole('button', { name: 'Approve closure' }).click();
    const supervisorTimeline = supervisorPage.getByTestId('timeline');
    await supervisorTimeline.locator('li[data-type="CaseClosed"]').waitFor(WAIT);
    await supervisorPage.locator('dd', { hasText: /^closed$/ }).waitFor(WAIT);
    expect(await supervisorTimeline.locator('li[data-type="CaseClosed"]').textContent()).toContain('Case closed (needs met), approved by the supervisor. (by sup-7)');
    // On a closed case: reopen, share and notes only.
    await supervisorPage.locator('form[data-command="reopened"]').waitFor(WAIT);
    expect(await supervisorPage.locator('form[data-command="contacts"]').count()).toBe(0);
    await expectAccessible(supervisorPage, 'closed case (supervisor)');
    await supervisorPage.locator('#language').selectOption('vi');
    await supervisorPage.getByRole('heading', { name: 'Diễn biến' }).waitFor(WAIT);
    expect(await supervisorTimeline.locator('li[data-type="CaseClosed"]').textContent()).toContain('Hồ sơ đã kết thúc (đã đáp ứng nhu cầu), lãnh đạo bộ phận lãnh sự đã duyệt.');
    expect(await supervisorTimeline.locator('li[data-type="ActionPlanAgreed"]').textContent()).toContain('Đã thống nhất kế hoạch hỗ trợ (mục tiêu: ở lại): trình báo cảnh sát.');
    expect(await supervisorTimeline.locator('li[data-type="TaskOpened"]').textContent()).toMatch(/Đã mở nhiệm vụ trình báo cảnh sát, hạn .*GMT\+9/);
    await expectAccessible(supervisorPage, 'closed case (vi)');
    await screenshot(supervisorPage, 'case-view-closed-vi');
    await supervisorPage.locator('#language').selectOption('en');
    await supervisorPage.close();

    // The platform admin reads no case but may erase its personal data, from the case's address.
    const adminPage = await signedIn('admin-1', 'admin');
    await adminPage.getByRole('heading', { name: 'Erase the personal data of a case' }).waitFor(WAIT);
    await adminPage.goto(`${consoleApp.url}/#/case/${encodeURIComponent(caseId)}`);
    const erase = adminPage.locator('form[data-command="erasure"]');
    expect(await erase.getByLabel('Case number').inputValue()).toBe(caseId);
    await erase.getByLabel('Reason').selectOption('subject_request');
    await erase.getByLabel('I understand this cannot be undone').check();
    await expectAccessible(adminPage, 'erasure');
    await erase.getByRole('button', { name: 'Erase the personal data of this case' }).click();
    await erase.getByText('Personal data erased. The case now stands at: closed.').waitFor(WAIT);
    const erased = await api.get<{ timeline: Array<{ type: string }> }>(`/v1/cases/${caseId}`, supervisorCaller);
    expect(erased.body.timeline.map((entry) => entry.type)).toContain('PersonalDataErased');
    await adminPage.close();
  });

  it('shows a supervisor an overdue critical case arriving on the board, acknowledged from there; the language switches and stays', async () => {
    const page = await newPage(world, 'laptop', 'en');
    // The board polls with conditional requests: an unchanged list comes back as 304 Not Modified.
    const notModified = page.waitForResponse((r) => new URL(r.url()).pathname.startsWith('/v1/') && r.status() === 304, WAIT);
    // The indicator charts too: their weeks have fixed bounds, so the same address is asked again and answered 304.
    const indicatorsNotModified = page.waitForResponse((r) => new URL(r.url()).pathname === '/v1/indicators' && r.status() === 304, WAIT);
    await signInAs(world, page, supervisorCaller.userId, 'supervisor');
    await page.getByRole('heading', { name: /Supervisor board/ }).waitFor(WAIT);
    await notModified;
    await indicatorsNotModified;
    const casesOpened = page.locator('figure[data-indicator="casesOpened"]');
    await casesOpened.waitFor(WAIT);
    const openedBefore = await countedIn(casesOpened);

    // A critical case (immediate danger: first contact due within 1 h) reported 90 minutes ago: the API takes a
    // past reportedAt and the clocks count from it, so its workflow finds first contact overdue and escalates.
    const reportedAt = new Date(Date.now() - 90 * MINUTE).toISOString();
    const opened = await api.post<{ caseId: string; risk: string }>('/v1/cases', { userId: 'cw-8', role: 'caseworker' }, walkIn({ immediateDanger: true, reportedAt, categories: ['gbv'], gbvType: 'rape', incidentAt: new Date(Date.now() - 180 * MINUTE).toISOString() }));
    expect(opened.status).toBe(201);
    expect(opened.body.risk).toBe('critical');
    const caseId = opened.body.caseId;

    const escalationRow = page.getByTestId('escalations').locator(`tr[data-case="${caseId}"]`);
    await escalationRow.waitFor(WAIT);
    expect(await escalationRow.textContent()).toContain('first contact');
    const stuckRow = page.getByTestId('stuck-cases').locator(`tr[data-case="${caseId}"]`);
    await stuckRow.waitFor(WAIT);
    expect(await stuckRow.textContent()).toContain('first contact past its deadline');
    expect(await stuckRow.textContent()).toContain('critical');
    await page.getByTestId('stage-risk').waitFor(WAIT);
    // The indicator charts follow the board's polling: the case just opened is counted without a reload.
    await until(async () => (await countedIn(casesOpened)) > openedBefore);
    expect(JSON.parse((await casesOpened.getAttribute('data-values'))!)).toHaveLength(8);
    await expectAccessible(page, 'board');
    await screenshot(page, 'board');

    await escalationRow.getByRole('button', { name: `Acknowledge first contact of case ${caseId}` }).click();
    await escalationRow.waitFor({ state: 'detached', ...WAIT });
    const waiting = await api.get<{ items: Array<{ caseId: string }> }>('/v1/escalations', supervisorCaller);
    expect(waiting.body.items.map((i) => i.caseId)).not.toContain(caseId);

    // The case view shows its ladder at level 1.
    await stuckRow.getByRole('link', { name: caseId }).click();
    await page.getByTestId('ladder').waitFor(WAIT);
    expect(await page.getByTestId('ladder').getAttribute('data-level')).toBe('1');
    expect(await page.locator('[data-testid=ladder] li[aria-current="step"]').textContent()).toContain('Level 1');
    await expectAccessible(page, 'case view (supervisor)');

    // The 72-hour window is open: act without consent towards medical services on the ground of imminent danger,
    // record the care within the window, and share the case with a second caseworker.
    const inForm = (command: string) => page.locator(`form[data-command="${command}"]`);
    const timeline = page.getByTestId('timeline');
    await inForm('consent-exceptions').getByLabel('Recipient').selectOption('medical');
    await inForm('consent-exceptions').getByLabel('Ground').selectOption('imminent_danger');
    await inForm('consent-exceptions').getByLabel(/^Why/).fill('She is bleeding and cannot decide now.');
    await inForm('consent-exceptions').getByRole('button', { name: 'Act without consent' }).click();
    const confirmation = page.getByRole('dialog', { name: 'Act without her consent?' });
    expect(await confirmation.textContent()).toContain('shared with medical services without her consent, on the ground of imminent danger');
    await confirmation.getByRole('button', { name: 'Act without consent' }).click();
    await timeline.locator('li[data-type="ConsentExceptionRecorded"]').waitFor(WAIT);
    expect(await page.getByTestId('consent').locator('tr[data-category="medical"]').textContent()).toContain('acting without consent (imminent danger)');
    expect(await inForm('clinical-care').getByLabel('Clinical window').locator('option').allTextContents()).toContain('HIV post-exposure prophylaxis (72 h)');
    await inForm('clinical-care').getByLabel('Clinical window').selectOption('hiv_pep');
    await inForm('clinical-care').getByRole('button', { name: 'Record the care' }).click();
    await timeline.locator('li[data-type="ClinicalCareRecorded"]').waitFor(WAIT);
    await page.locator('li[data-window="hiv_pep"]', { hasText: 'care recorded' }).waitFor(WAIT);
    await inForm('shares').getByLabel('Caseworker').selectOption('cw-9');
    await inForm('shares').getByRole('button', { name: 'Share the case' }).click();
    expect(await timeline.locator('li[data-type="CaseShared"]').textContent({ timeout: WAIT.timeout })).toContain('Case shared with cw-9.');

    // Vietnamese, switched on the page, and kept after a reload.
    await page.locator('#language').selectOption('vi');
    await page.getByRole('heading', { name: 'Thang chuyển cấp' }).waitFor(WAIT);
    await page.getByRole('link', { name: 'Bảng giám sát' }).click();
    await page.getByRole('heading', { name: /Bảng giám sát/ }).waitFor(WAIT);
    await page.reload();
    await page.getByRole('heading', { name: /Bảng giám sát/ }).waitFor(WAIT);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await expectAccessible(page, 'board (vi)');
    await page.close();
  });
});
