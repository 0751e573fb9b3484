// Debian's Chromium driven by playwright-core (no downloaded browser), headless, in a fresh profile; an axe-core
// check of the page as it stands; screenshots under tests/.artifacts/screenshots/ (git-ignored).
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser as PlaywrightBrowser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = path.resolve(__dirname, '..', '.artifacts', 'screenshots');

export interface Browser {
  /** The first context: its tabs share one storage (and so one console session). */
  readonly context: BrowserContext;
  /** Uncaught errors of any page's scripts and failed loads of the console's own files, in order. */
  readonly pageErrors: string[];
  /** A context of its own (its own storage: another person signed in beside the first), watched the same way. */
  isolated(): Promise<BrowserContext>;
  close(): Promise<void>;
}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Chromium, started once more if it dies while starting (seen once on a loaded machine: the process launched and
 * was gone before its first context). Anything after a good start fails the test as it should.
 */
async function startChromium(): Promise<PlaywrightBrowser> {
  for (let attempt = 1; ; attempt++) {
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    try {
      await (await browser.newContext()).close();
      return browser;
    } catch (error) {
      await browser.close().catch(() => undefined);
      if (attempt >= 2) throw error;
    }
  }
}

/** A headless Chromium (Playwright gives it a fresh profile of its own, removed on close). */
export async function launchBrowser(): Promise<Browser> {
  const browser = await startChromium();
  const pageErrors: string[] = [];
  const watched = async (): Promise<BrowserContext> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.on('page', (page) => {
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.on('response', (response) => {
        if (response.status() === 404 && !new URL(response.url()).pathname.startsWith('/v1/')) pageErrors.push(`404 ${response.url()}`);
      });
    });
    return context;
  };
  const context = await watched();
  return {
    context,
    pageErrors,
    isolated: watched,
    async close() {
      await browser.close();
    },
  };
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: number;
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (WCAG 2 A/AA rules) on the page and returns its serious and critical violations. The script is
 * evaluated through the DevTools protocol, so the console's Content-Security-Policy stays as strict as it is.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // Runs in the page (DOM types are not in the tests' library).
    const page = globalThis as unknown as { document: unknown; axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: unknown[] }> }> } };
    const result = await page.axe.run(page.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
