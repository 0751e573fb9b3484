// What every Chromium test of the console needs: its world (a fresh database, the worker, the api, the intake
// and the console with the development sign-in, on the real services), signing in as someone, and the checks
// every page must pass: no serious axe violation and nothing wider than the viewport.
import type { Page } from 'playwright-core';
import { Pool } from 'pg';
import { devPrivateKeyFile } from '../../scripts/dev-token';
import { serviceEnv, startApp, startReadyApps, type RunningApp } from './apps';
import { apiClient } from './api-client';
import { registerStaff } from './staff';
import { launchBrowser, seriousAxeViolations, type Browser } from './browser';
import { createTestDatabase, type TestDatabase } from './postgres';
import { uniqueTaskQueue } from './temporal';
import { authEnv } from './tokens';

export const WAIT = { timeout: 60_000 };

/** The two screens the console is made for: a laptop and a phone. */
export const SCREENS = { laptop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } } as const;
export type Screen = keyof typeof SCREENS;
export type Language = 'vi' | 'en';

export interface ConsoleWorld {
  readonly db: TestDatabase;
  readonly pool: Pool;
  readonly api: ReturnType<typeof apiClient>;
  readonly apiApp: RunningApp;
  readonly intake?: RunningApp;
  readonly console: RunningApp;
  readonly browser: Browser;
  close(): Promise<void>;
}

/** Starts the world of a console test; `withIntake` adds the hotline intake (HTTP reports). */
export async function startConsoleWorld(name: string, withIntake = false): Promise<ConsoleWorld> {
  const db = await createTestDatabase();
  const env = { ...serviceEnv(), DATABASE_URL: db.url, TEMPORAL_TASK_QUEUE: uniqueTaskQueue(name) };
  const apps = await startReadyApps(withIntake ? ['worker', 'api', 'intake'] : ['worker', 'api'], env);
  const apiApp = apps[1]!;
  const consoleApp = await startApp('console', {
    CONSOLE_DEV_SIGNING_KEY_FILE: devPrivateKeyFile(),
    AUTH_ISSUER: authEnv().AUTH_ISSUER!,
    AUTH_AUDIENCE: authEnv().AUTH_AUDIENCE!,
    CONSOLE_API_URL: apiApp.url,
    CONSOLE_DEV_SIGN_IN: 'true',
  });
  const browser = await launchBrowser();
  const pool = new Pool({ connectionString: db.url, max: 2 });
  return {
    db, pool, api: apiClient(apiApp.url), apiApp, intake: withIntake ? apps[2] : undefined, console: consoleApp, browser,
    async close() {
      await browser.close();
      await consoleApp.stop();
      await Promise.all(apps.map((app) => app.stop('SIGTERM')));
      await pool.end();
      await db.drop();
    },
  };
}

/**
 * A new page of the given size in a browser context of its own (the console's session is shared by the tabs of
 * one browser, so each person signs in in their own), with the console's language chosen before it loads.
 */
export async function newPage(world: ConsoleWorld, screen: Screen, language: Language): Promise<Page> {
  const context = await world.browser.isolated();
  const page = await context.newPage();
  page.on('close', () => void context.close());
  await page.setViewportSize(SCREENS[screen]);
  await page.goto(world.console.url);
  await page.evaluate((lang) => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('baoho.console.language', lang), language);
  return page;
}

/** Signs in through the development sign-in as `userId` with `role` in `mission`, landing on `hash` if given. */
export async function signIn(world: ConsoleWorld, page: Page, userId: string, role: string, mission = 'KR-SEL', hash = ''): Promise<void> {
  await page.goto(`${world.console.url}/${hash}`);
  const form = page.locator('form', { has: page.locator('select[name="role"]') });
  await form.waitFor(WAIT);
  await form.locator('input[name="userId"]').fill(userId);
  await form.locator('select[name="role"]').selectOption(role);
  await form.locator('select[name="mission"]').selectOption(mission);
  await form.locator('button[type="submit"]').click();
  await page.locator('[data-testid="who"]', { hasText: userId }).waitFor(WAIT);
}

/** The page's content is no wider than its viewport (nothing scrolls sideways). */
export async function widthOverflow(page: Page): Promise<{ page: number; viewport: number }> {
  return page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document;
    return { page: doc.documentElement.scrollWidth, viewport: doc.documentElement.clientWidth };
  });
}

/** Axe finds no serious or critical violation, and the page fits its viewport. */
export async function expectUsable(page: Page, what: string): Promise<void> {
  const width = await widthOverflow(page);
  expect({ page: what, fits: width.page <= width.viewport, width }).toEqual({ page: what, fits: true, width });
  expect({ page: what, violations: await seriousAxeViolations(page) }).toEqual({ page: what, violations: [] });
}

/** Makes the staff directory know people before they sign in (as an admin would), so pickers list them. */
export async function registerStaffOf(world: ConsoleWorld, people: ReadonlyArray<{ userId: string; role: string; missions: readonly string[] }>): Promise<void> {
  await registerStaff(world.api, people);
}
