import type { Page } from 'playwright-core';
import { walkIn, type Caller } from '../support/api-client';
import { screenshot } from '../support/browser';
import { expectUsable, newPage, registerStaffOf, signIn, startConsoleWorld, WAIT, type ConsoleWorld, type Language, type Screen } from '../support/console';
import { hotlineEvent } from '../support/hotline-events';
import { DOMAIN_ERROR_CODES } from '@baoho/domain';
import { vi } from '../../apps/console/web/catalogue-vi';
import { authHeader } from '../support/tokens';

// The console as the people who use it at 03:00 would try it, in real headless Chromium against the built apps on
// the real services, in Vietnamese and English, on a laptop (1366 × 768) and a phone (390 × 844): every page
// checked by axe and for sideways scrolling. A caseworker opens walk-in and hotline cases and sees her details;
// a supervisor assigns from the board and approves a closure after seeing what is still open; HQ works across
// missions and gives a reason to read another mission's survivor; the auditor and the hotline role see only what
// they may; a case page left open does not flood the read audit; the session survives a new tab and a 401.
jest.setTimeout(600_000);

const KR = ['KR-SEL'];
const supervisor: Caller = { userId: 'sup-j', role: 'supervisor', missions: KR };

describe('console journeys', () => {
  let world: ConsoleWorld;

  beforeAll(async () => {
    world = await startConsoleWorld('browser-journeys', true);
    await registerStaffOf(world, [
      { userId: 'cw-walk', role: 'caseworker', missions: KR },
      { userId: 'cw-hot', role: 'caseworker', missions: KR },
      { userId: 'cw-close', role: 'caseworker', missions: KR },
      { userId: 'cw-tokyo', role: 'caseworker', missions: ['JP-TYO'] },
    ]);
  });

  afterEach(() => {
    expect(world.browser.pageErrors.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await world?.close();
  });

  const caseUrl = (caseId: string): string => `${world.console.url}/#/case/${encodeURIComponent(caseId)}`;
  const inForm = (page: Page, command: string) => page.locator(`form[data-command="${command}"]`);
  const openWalkIn = async (caller: Caller, overrides: Record<string, unknown> = {}): Promise<string> => {
    const opened = await world.api.post<{ caseId: string }>('/v1/cases', caller, walkIn(overrides));
    expect(opened.status).toBe(201);
    return opened.body.caseId;
  };
  const auditRows = async (caseId: string, userId: string): Promise<number> =>
    Number((await world.pool.query<{ n: string }>('SELECT count(*) AS n FROM case_read_audit WHERE case_id = $1 AND user_id = $2', [caseId, userId])).rows[0]!.n);

  it('a caseworker double-clicks "open the case" once: one case, whose page shows her name, phone, where she is, what happened and her notes (vi, phone)', async () => {
    const page = await newPage(world, 'phone', 'vi');
    await signIn(world, page, 'cw-walk', 'caseworker', 'KR-SEL', '#/new');
    await page.getByRole('heading', { name: 'Mở hồ sơ trực tiếp' }).waitFor(WAIT);
    await page.getByLabel('Họ và tên').fill('Phạm Thị Lan');
    await page.getByLabel('Điện thoại (không bắt buộc)').fill('+82 10-5555-0199');
    await page.getByLabel('Quốc gia', { exact: true }).selectOption('KR');
    await page.getByLabel('Thành phố (không bắt buộc)').fill('Seoul');
    await page.getByLabel('bóc lột lao động').check();
    await page.getByLabel('Hình thức bạo lực').selectOption('physical_assault');
    await page.getByLabel('Thời điểm xảy ra', { exact: true }).selectOption('estimated');
    await page.getByLabel('Ngày giờ (giờ nước sở tại)').fill('2026-12-01T21:30');
    await page.getByLabel('Nội dung sự việc (không bắt buộc)').fill('Chủ sử dụng lao động giữ hộ chiếu và đánh chị.');
    await expectUsable(page, 'new case (vi, phone)');
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/v1/cases') posts.push(request.headers()['idempotency-key'] ?? '');
    });
    await page.getByRole('button', { name: 'Mở hồ sơ' }).dblclick();
    await page.waitForURL(/#\/case\/wk-/, WAIT);
    // However many requests the double click made, they were one intended case: one key, one case opened.
    expect(new Set(posts).size).toBe(1);
    const { rows } = await world.pool.query<{ n: string }>(`SELECT count(*) AS n FROM events WHERE type = 'CaseOpened' AND metadata->>'actor' = 'cw-walk'`);
    expect(Number(rows[0]!.n)).toBe(1);

    // Her details and safety first: the number to call, where she is, what happened.
    await page.getByTestId('her-name').filter({ hasText: 'Phạm Thị Lan' }).waitFor(WAIT);
    expect(await page.getByTestId('her-phone').textContent()).toBe('+82 10-5555-0199');
    expect(await page.getByTestId('her-phone').getAttribute('href')).toBe('tel:+821055550199');
    expect(await page.getByTestId('her-location').textContent()).toBe('Hàn Quốc, Seoul');
    expect(await page.getByTestId('narrative').textContent()).toBe('Chủ sử dụng lao động giữ hộ chiếu và đánh chị.');
    expect(await page.getByTestId('details').textContent()).toContain('ước tính');
    // Days first, on the mission's clock.
    expect(await page.locator('main').textContent()).toMatch(/\d\d\/\d\d\/2026 \d\d:\d\d \(GMT\+9\)/);
    // A note is read back, and focus comes back to the form's answer.
    await inForm(page, 'notes').getByLabel('Ghi chú').fill('Đã hẹn gặp chị lúc 14:00 tại Đại sứ quán.');
    await inForm(page, 'notes').getByRole('button', { name: 'Thêm ghi chú' }).click();
    await page.getByTestId('notes').filter({ hasText: 'Đã hẹn gặp chị lúc 14:00 tại Đại sứ quán.' }).waitFor(WAIT);
    await page.waitForFunction(() => {
      const doc = (globalThis as unknown as { document: { activeElement: { className?: string; textContent?: string } | null } }).document;
      return doc.activeElement?.className?.includes('form-status') === true && doc.activeElement.textContent === 'Đã lưu.';
    }, undefined, WAIT);
    await expectUsable(page, 'case (vi, phone)');
    await screenshot(page, 'journey-walk-in-vi-phone');
    await page.close();
  });

  it('a hotline case reaches the board as a row at once; the supervisor assigns it from the row to a caseworker chosen from the mission\'s staff, who sees the number to call (en, laptop)', async () => {
    const event = hotlineEvent((e) => void (e['caller'] = { relation: 'self', phone: '+82 10-7777-0102', language: 'vi' }));
    const posted = await fetch(`${world.intake!.url}/v1/hotline-events`, {
      method: 'POST', body: JSON.stringify(event),
      headers: { 'content-type': 'application/json', ...authHeader({ role: 'hotline_integration', user: 'hotline-j' }) },
    });
    expect(posted.status).toBe(201);
    const { caseId } = (await posted.json()) as { caseId: string };

    const board = await newPage(world, 'laptop', 'en');
    await signIn(world, board, supervisor.userId, 'supervisor');
    const row = board.getByTestId('unassigned').locator(`tr[data-case="${caseId}"]`);
    await row.waitFor(WAIT);
    expect(await row.textContent()).toContain('critical');
    // Most urgent first: the critical case heads the list.
    expect(await board.getByTestId('unassigned').locator('tbody tr').first().getAttribute('data-case')).toBe(caseId);
    await expectUsable(board, 'board (en, laptop)');
    // A picker of the mission's caseworkers, not free text: the Tokyo caseworker is not offered.
    const options = await row.locator('select[name="caseworkerId"] option').allTextContents();
    expect(options).toEqual(expect.arrayContaining(['cw-hot', 'cw-walk']));
    expect(options).not.toContain('cw-tokyo');
    await row.locator('select[name="caseworkerId"]').selectOption('cw-hot');
    await row.getByRole('button', { name: 'Assign' }).click();
    await row.waitFor({ state: 'detached', ...WAIT });
    expect((await world.api.get<{ case: { assignee: string } }>(`/v1/cases/${caseId}`, supervisor)).body.case.assignee).toBe('cw-hot');
    await screenshot(board, 'journey-board-en-laptop');
    await board.close();

    const page = await newPage(world, 'laptop', 'en');
    await signIn(world, page, 'cw-hot', 'caseworker');
    await page.getByTestId('my-cases').locator(`tr[data-case="${caseId}"]`).getByRole('link').click();
    await page.getByTestId('her-name').filter({ hasText: 'Nguyễn Thị Hoa' }).waitFor(WAIT);
    expect(await page.getByTestId('her-phone').textContent()).toBe('+82 10-7777-0102');
    expect(await page.getByTestId('safety').textContent()).toContain('In immediate danger at intake');
    // The contact form starts on the channel she came by, not on walk-in.
    expect(await inForm(page, 'contacts').locator('select[name="channel"]').inputValue()).toBe('phone');
    await expectUsable(page, 'hotline case (en, laptop)');
    await page.close();
  });

  it('explains what the API would refuse instead of offering it, and tells refusals in the reader\'s language (vi, laptop)', async () => {
    const caseId = await openWalkIn({ userId: 'cw-walk', role: 'caseworker', missions: KR });
    const page = await newPage(world, 'laptop', 'vi');
    await signIn(world, page, 'cw-walk', 'caseworker');
    await page.goto(caseUrl(caseId));
    // Refused by the domain (she was never tried, so she is not "unreachable"): said in Vietnamese by its code, the
    // code kept for a support call, never the API's English detail.
    await inForm(page, 'pause').getByLabel('Lý do').selectOption('survivor_unreachable');
    await inForm(page, 'pause').getByRole('button', { name: 'Tạm dừng tính thời hạn' }).click();
    const refusal = inForm(page, 'pause').locator('.form-status.error');
    await refusal.waitFor(WAIT);
    const code = (await refusal.getAttribute('data-code'))!;
    expect(DOMAIN_ERROR_CODES).toContain(code);
    expect(await refusal.textContent()).toBe(`${vi[`problem.${code}` as keyof typeof vi]} (${code})`);
    // Nothing pre-selected where a wrong choice shares her data.
    expect(await inForm(page, 'consent-exceptions').locator('select[name="category"]').inputValue()).toBe('');
    expect(await inForm(page, 'consent-exceptions').locator('select[name="ground"]').inputValue()).toBe('');
    // Not offered at intake: closing a case before she was engaged.
    expect(await inForm(page, 'closure/requested').count()).toBe(0);
    // After first contact, asking the home authorities to verify her identity needs her consent: shown, not offered.
    await inForm(page, 'contacts').getByLabel('Kết quả').selectOption('reached');
    await inForm(page, 'contacts').getByRole('button', { name: 'Ghi nhận liên hệ' }).click();
    const request = inForm(page, 'identity-verification').locator('option[value="request_sent"]');
    await request.waitFor({ state: 'attached', ...WAIT });
    expect(await request.isDisabled()).toBe(true);
    expect(await request.textContent()).toContain('cần đương sự đồng ý chia sẻ với cơ quan trong nước');
    // A task waiting for her consent is among the open steps, with what would unblock it.
    await inForm(page, 'assessment').getByLabel('Nguyện vọng').selectOption('return');
    await inForm(page, 'assessment').getByRole('button', { name: 'Lưu kết quả đánh giá' }).click();
    await inForm(page, 'action-plan').waitFor(WAIT);
    await inForm(page, 'action-plan').getByLabel('Mục tiêu').selectOption('return');
    await inForm(page, 'action-plan').getByLabel('báo tin gia đình').check();
    await inForm(page, 'action-plan').getByLabel('giấy thông hành khẩn cấp').check();
    await inForm(page, 'action-plan').getByRole('button', { name: 'Thống nhất kế hoạch' }).click();
    const waiting = page.getByTestId('waiting-for-consent');
    await waiting.waitFor(WAIT);
    expect(await waiting.textContent()).toContain('báo tin gia đình: cần đương sự đồng ý chia sẻ thông tin với gia đình');
    // The travel document needs her identity verified first: shown disabled with why.
    const travel = inForm(page, 'tasks/started').locator('option[value="emergency_travel_document"]');
    expect(await travel.isDisabled()).toBe(true);
    expect(await travel.textContent()).toContain('cần xác minh danh tính trước');
    await expectUsable(page, 'case with refusals (vi, laptop)');
    await page.close();
  });

  it('a supervisor sees the pending closure on the board and approves it only after a summary of what is still open (en, phone)', async () => {
    const caseworker: Caller = { userId: 'cw-close', role: 'caseworker', missions: KR };
    const caseId = await openWalkIn(caseworker);
    const command = async (path: string, body: Record<string, unknown>, caller: Caller = caseworker): Promise<void> => {
      const answer = await world.api.post(`/v1/cases/${caseId}/${path}`, caller, body);
      expect({ path, status: answer.status, body: answer.status === 200 ? null : answer.body }).toEqual({ path, status: 200, body: null });
    };
    await command('assignment', { caseworkerId: 'cw-close' }, supervisor);
    await command('contacts', { channel: 'walk_in', outcome: 'reached', confidentialityExplained: true });
    await command('assessment', { needs: { safety: true, medical: false, shelter: false, legal: false, psychosocial: false }, wish: 'return', familyIsRiskSource: false, safetyPlanAgreed: true });
    await command('consents/given', { category: 'home_authorities', method: 'spoken' });
    await command('action-plan', { goal: 'return', tasks: ['repatriation_funding', 'flight_booking'] });
    await command('closure/requested', { reason: 'survivor_wish' });

    const page = await newPage(world, 'phone', 'en');
    await signIn(world, page, supervisor.userId, 'supervisor');
    const row = page.getByTestId('pending-closures').locator(`tr[data-case="${caseId}"]`);
    await row.waitFor(WAIT);
    expect(await row.textContent()).toContain('her wish');
    await expectUsable(page, 'board (en, phone)');
    await screenshot(page, 'journey-board-en-phone');
    await row.getByRole('link', { name: caseId }).click();
    const approve = inForm(page, 'closure/approved');
    await approve.getByRole('button', { name: 'Approve closure' }).click();
    const dialog = page.getByRole('dialog', { name: `Approve the closure of case ${caseId}?` });
    await dialog.waitFor(WAIT);
    expect(await dialog.getByTestId('closure-open-items').locator('li').allTextContents()).toEqual(expect.arrayContaining(['repatriation funding', 'flight booking']));
    await expectUsable(page, 'closure confirmation (en, phone)');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached', ...WAIT });
    expect((await world.api.get<{ case: { status: string } }>(`/v1/cases/${caseId}`, supervisor)).body.case.status).toBe('closure_requested');
    await approve.getByRole('button', { name: 'Approve closure' }).click();
    await dialog.getByRole('button', { name: 'Approve closure' }).click();
    await page.getByTestId('timeline').locator('li[data-type="CaseClosed"]').waitFor(WAIT);

    // A stage × risk cell of the board is a link to exactly those cases.
    const other = await openWalkIn({ userId: 'cw-walk', role: 'caseworker', missions: KR });
    await page.goto(`${world.console.url}/#/board`);
    await page.getByTestId('stage-risk').getByRole('link', { name: /at intake, risk standard/ }).click();
    await page.waitForURL(/#\/cases\?.*stage=intake/, WAIT);
    await page.getByTestId('cases').locator(`tr[data-case="${other}"]`).waitFor(WAIT);
    await expectUsable(page, 'case list (en, phone)');
    await page.close();
  });

  it('a supervisor moves a case to a newer protocol version after a summary of the deadlines it recomputes (vi, laptop)', async () => {
    const caseId = await openWalkIn({ userId: 'cw-walk', role: 'caseworker', missions: KR });
    const page = await newPage(world, 'laptop', 'vi');
    await signIn(world, page, supervisor.userId, 'supervisor');
    await page.goto(caseUrl(caseId));
    const migrate = inForm(page, 'protocol-migration');
    await migrate.getByRole('button', { name: 'Chuyển sang phiên bản này' }).click();
    const dialog = page.getByRole('dialog', { name: 'Chuyển hồ sơ sang quy trình 2027.1?' });
    await dialog.waitFor(WAIT);
    expect(await dialog.textContent()).toContain('Hồ sơ đang theo quy trình 2026.1');
    await expectUsable(page, 'migration confirmation (vi, laptop)');
    await dialog.getByRole('button', { name: 'Chuyển sang phiên bản này' }).click();
    const line = page.getByTestId('timeline').locator('li[data-type="ProtocolMigrated"]');
    await line.waitFor(WAIT);
    expect(await line.textContent()).toContain('Hồ sơ chuyển từ quy trình 2026.1 sang 2027.1.');
    // Nothing newer than 2027.1: the form is gone.
    await migrate.waitFor({ state: 'detached', ...WAIT });
    await page.close();
  });

  it('HQ sees every mission or one by name, and gives a reason, recorded, to read another mission\'s survivor (vi, laptop)', async () => {
    const tokyo = await openWalkIn({ userId: 'cw-tokyo', role: 'caseworker', missions: ['JP-TYO'] }, { location: { countryCode: 'JP', city: 'Osaka' }, subject: { fullName: 'Lê Thị Mai', sex: 'F', dateOfBirth: null, passportNumber: null, hometownProvince: null } });
    const seoul = await openWalkIn({ userId: 'cw-walk', role: 'caseworker', missions: KR });
    const page = await newPage(world, 'laptop', 'vi');
    await signIn(world, page, 'hq-j', 'hq_officer', 'HQ');
    await page.getByRole('heading', { name: /Tất cả Cơ quan đại diện/ }).waitFor(WAIT);
    const unassigned = page.getByTestId('unassigned');
    await unassigned.locator(`tr[data-case="${tokyo}"]`).waitFor(WAIT);
    await unassigned.locator(`tr[data-case="${seoul}"]`).waitFor(WAIT);
    expect(await unassigned.locator(`tr[data-case="${tokyo}"]`).textContent()).toContain('Đại sứ quán tại Tokyo');
    await expectUsable(page, 'HQ board (vi, laptop)');
    await page.getByLabel('Cơ quan đại diện', { exact: true }).selectOption('JP-TYO');
    await page.waitForURL(/#\/board\?mission=JP-TYO/, WAIT);
    await page.getByRole('heading', { name: /Đại sứ quán tại Tokyo/ }).waitFor(WAIT);
    await page.getByTestId('unassigned').locator(`tr[data-case="${tokyo}"]`).waitFor(WAIT);
    expect(await page.getByTestId('unassigned').locator(`tr[data-case="${seoul}"]`).count()).toBe(0);

    await page.getByTestId('unassigned').locator(`tr[data-case="${tokyo}"]`).getByRole('link', { name: tokyo }).click();
    const reason = page.getByTestId('reason-form');
    await reason.waitFor(WAIT);
    expect(await page.getByTestId('her-name').count()).toBe(0);
    expect(await auditRows(tokyo, 'hq-j')).toBe(0);
    await expectUsable(page, 'HQ reason asked (vi, laptop)');
    await reason.getByLabel('Lý do cần đọc').fill('Cục Lãnh sự phối hợp hồi hương theo đề nghị của Đại sứ quán.');
    await reason.getByRole('button', { name: 'Đọc với lý do này' }).click();
    await page.getByTestId('her-name').filter({ hasText: 'Lê Thị Mai' }).waitFor(WAIT);
    const { rows } = await world.pool.query<{ break_glass: boolean; purpose: string; reason: string | null }>('SELECT break_glass, purpose, reason FROM case_read_audit WHERE case_id = $1 AND user_id = $2', [tokyo, 'hq-j']);
    expect(rows).toEqual([expect.objectContaining({ break_glass: true, purpose: 'break_glass' })]);
    // Sealed: the reason is not stored in clear.
    expect(rows[0]!.reason).not.toContain('hồi hương');
    await page.close();
  });

  it('the auditor and the hotline role see only what they may; a caseworker has no board (en, phone; vi, laptop)', async () => {
    const auditor = await newPage(world, 'phone', 'en');
    await signIn(world, auditor, 'aud-j', 'auditor');
    await auditor.getByRole('heading', { name: 'Who read which case' }).waitFor(WAIT);
    expect(await auditor.getByRole('navigation').getByRole('link').allTextContents()).toEqual(['Read audit']);
    await auditor.getByTestId('audit').waitFor(WAIT);
    await expectUsable(auditor, 'audit (en, phone)');
    await auditor.goto(`${world.console.url}/#/board`);
    await auditor.waitForURL(/#\/audit$/, WAIT);
    await auditor.close();

    const hotline = await newPage(world, 'laptop', 'vi');
    await signIn(world, hotline, 'hl-j', 'hotline_integration');
    await hotline.getByTestId('no-pages').waitFor(WAIT);
    expect(await hotline.getByRole('navigation').getByRole('link').count()).toBe(0);
    await expectUsable(hotline, 'hotline role (vi, laptop)');
    await hotline.close();

    const caseworker = await newPage(world, 'laptop', 'vi');
    await signIn(world, caseworker, 'cw-walk', 'caseworker');
    await caseworker.goto(`${world.console.url}/#/board`);
    await caseworker.waitForURL(/#\/inbox$/, WAIT);
    await caseworker.close();
  });

  it('a case page left open for 10 minutes writes one entry in the read audit, however often it refreshes', async () => {
    const caseId = await openWalkIn({ userId: 'cw-walk', role: 'caseworker', missions: KR });
    const page = await newPage(world, 'laptop', 'en');
    await page.clock.install();
    await signIn(world, page, supervisor.userId, 'supervisor');
    let readings = 0;
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === `/v1/cases/${caseId}`) readings += 1;
    });
    await page.goto(caseUrl(caseId));
    await page.getByTestId('her-name').waitFor(WAIT);
    // Ten minutes of the page's clock, two seconds at a time, each refresh let through before the next.
    for (let elapsed = 0; elapsed < 10 * 60_000; elapsed += 2_000) {
      const next = readings;
      await page.clock.runFor(2_000);
      const deadline = Date.now() + 10_000;
      while (readings === next && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(readings).toBeGreaterThanOrEqual(290);
    expect(await auditRows(caseId, supervisor.userId)).toBe(1);
    await page.close();
  });

  it('the session is shared by a new tab, sign-in leads back to the address asked for, and a 401 keeps what was typed (en, laptop)', async () => {
    const caseId = await openWalkIn({ userId: 'cw-walk', role: 'caseworker', missions: KR });
    const first = await newPage(world, 'laptop', 'en');
    await signIn(world, first, 'cw-walk', 'caseworker');
    const second = await first.context().newPage();
    await second.setViewportSize({ width: 1366, height: 768 });
    await second.goto(caseUrl(caseId));
    await second.bringToFront();
    await second.getByTestId('her-name').waitFor(WAIT);

    // The token stops being accepted while a note is being typed: the page stays, with the text, and asks to sign in.
    await inForm(second, 'notes').getByLabel('Note', { exact: true }).fill('Called her sister; safe tonight.');
    await second.evaluate(() => {
      const storage = (globalThis as unknown as { localStorage: { getItem(k: string): string | null; setItem(k: string, v: string): void } }).localStorage;
      const key = 'baoho.console.session';
      const session = JSON.parse(storage.getItem(key)!) as Record<string, unknown>;
      storage.setItem(key, JSON.stringify({ ...session, token: 'a.b.c' }));
    });
    const dialog = second.getByRole('dialog', { name: 'Your session has ended' });
    await dialog.waitFor(WAIT);
    expect(await inForm(second, 'notes').getByLabel('Note', { exact: true }).inputValue()).toBe('Called her sister; safe tonight.');
    await expectUsable(second, 'session ended (en, laptop)');
    const again = dialog.locator('form', { has: second.locator('select[name="role"]') });
    await again.locator('input[name="userId"]').fill('cw-walk');
    await again.locator('select[name="role"]').selectOption('caseworker');
    await again.locator('button[type="submit"]').click();
    await dialog.waitFor({ state: 'detached', ...WAIT });
    await inForm(second, 'notes').getByRole('button', { name: 'Add the note' }).click();
    await second.getByTestId('notes').filter({ hasText: 'Called her sister; safe tonight.' }).waitFor(WAIT);

    // Signed out in one tab: every tab is; signing in again leads to the case that was asked for.
    await second.getByRole('button', { name: 'Sign out' }).click();
    await first.goto(caseUrl(caseId));
    await first.locator('select[name="role"]').waitFor(WAIT);
    await first.locator('input[name="userId"]').fill('cw-walk');
    await first.locator('select[name="role"]').selectOption('caseworker');
    await first.getByRole('button', { name: 'Sign in', exact: true }).click();
    await first.getByTestId('her-name').waitFor(WAIT);
    expect(first.url()).toBe(caseUrl(caseId));
    await second.close();
    await first.close();
  });

  describe('every page, in both languages, at both sizes', () => {
    const tours: Array<{ role: string; user: string; mission: string; pages: string[] }> = [
      { role: 'caseworker', user: 'cw-walk', mission: 'KR-SEL', pages: ['#/inbox', '#/search', '#/new', '#/break-glass'] },
      { role: 'supervisor', user: 'sup-j', mission: 'KR-SEL', pages: ['#/board', '#/cases?status=open', '#/search'] },
      { role: 'hq_officer', user: 'hq-j', mission: 'HQ', pages: ['#/board'] },
      { role: 'auditor', user: 'aud-j', mission: 'HQ', pages: ['#/audit'] },
      { role: 'admin', user: 'admin-j', mission: 'HQ', pages: ['#/erase'] },
    ];
    for (const language of ['vi', 'en'] as Language[]) {
      for (const screen of ['laptop', 'phone'] as Screen[]) {
        it(`fit the ${screen} with no serious axe violation (${language})`, async () => {
          const caseId = await openWalkIn({ userId: 'cw-walk', role: 'caseworker', missions: KR });
          for (const tour of tours) {
            const page = await newPage(world, screen, language);
            await signIn(world, page, tour.user, tour.role, tour.mission);
            const pages = tour.role === 'caseworker' || tour.role === 'supervisor' ? [...tour.pages, `#/case/${caseId}`, `#/case/${caseId}/print`] : tour.pages;
            for (const hash of pages) {
              await page.goto(`${world.console.url}/${hash}`);
              await page.locator('main h1').first().waitFor(WAIT);
              await page.locator('[data-state="loading"]').first().waitFor({ state: 'detached', ...WAIT });
              await expectUsable(page, `${tour.role} ${hash} (${language}, ${screen})`);
            }
            await page.close();
          }
        });
      }
    }
  });
});
