import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { ensureConsoleBuild } from '@hub/console/build';
import { loadConfig, SUBGRAPH_NAMES } from '@hub/config';
import { REPOSITORY_ROOT, startHub, type RunningHub } from '@hub/hub';
import { importPostcodeCsv } from '@hub/sociale-kaart/postcodes';
import { createTestDatabase } from '@hub/testing';
import { launchChromium } from './chromium.ts';

/**
 * The console's browser tests share these helpers: a hub started as `npm start` starts it (the configuration loader,
 * the development issuer, the demo data, the built console), Debian's Chromium driven by playwright-core, and the
 * checks every journey step makes: axe-core (WCAG 2.1 A and AA), requests only to the hub's own origin, no
 * personal data in URLs, web storage or console messages, keyboard use, reflow at 320 px and 200 % zoom, and a
 * screenshot per step in artifacts/console/ (ignored by git).
 */

export const ARTIFACTS_DIR = join(REPOSITORY_ROOT, 'artifacts', 'console');

/** Starting a hub with the whole demo data set (and building the console when stale) takes a while on 2 cores. */
export const HUB_START_TIMEOUT_MS = 300_000;

export interface ConsoleHub {
  hub: RunningHub;
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  stop(): Promise<void>;
}

const envKey = (name: string) => name.toUpperCase().replace(/-/g, '_');

/**
 * The whole hub with the built console, as `npm start` runs it, on free ports: PGlite in memory, or a fresh
 * database on the DATABASE_URL server; the demo data; the development issuer (its keys in a temporary folder).
 */
export interface ConsoleHubOptions {
  /**
   * A PC4 file (the `npm run postcodes:import` format) to load into the sociale kaart once the hub runs, before any
   * browser starts: the hub ships without postcode areas, so a search from a postcode needs them loaded.
   */
  postcodeAreasCsv?: string;
}

export async function startConsoleHub(env: Record<string, string> = {}, options: ConsoleHubOptions = {}): Promise<ConsoleHub> {
  await ensureConsoleBuild();
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-console-'));
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    GATEWAY_PORT: '0',
    ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${envKey(name)}_PORT`, '0'])),
    DATA_DIR: dataDir,
    PGLITE_IN_MEMORY: 'true',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'true',
    CONSOLE_DIR: join(REPOSITORY_ROOT, 'console', 'dist'),
    AUTH_ISSUERS: '',
    ...env,
  });
  const database = await createTestDatabase();
  const hub = await startHub({ config, database }).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  if (options.postcodeAreasCsv) {
    const csv = options.postcodeAreasCsv;
    await importPostcodeCsv(database.db, readFileSync(csv, 'utf8')).catch(async (error: unknown) => {
      await hub.stop();
      await database.close();
      throw error;
    });
  }
  return {
    hub,
    origin: new URL(hub.gatewayUrl).origin,
    async stop() {
      await hub.stop();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ConsoleBrowser {
  context: BrowserContext;
  page: Page;
  /** Every URL the browser asked for. */
  requests: string[];
  /** Every console message and page error, as text. */
  messages: string[];
  /** Takes a screenshot for this step into artifacts/console/<suite>/ (numbered in order). */
  screenshot(step: string): Promise<void>;
  /** Fails on any request to another origin than the hub's. */
  expectOnlyOwnOrigin(): void;
  close(): Promise<void>;
}

/** Chromium as the machine has it (Debian's package), headless, with a fresh profile and no background traffic. */
export async function launchBrowser(origin: string, suite: string): Promise<ConsoleBrowser> {
  const { context, profile } = await launchChromium('hub-chromium-');
  const requests: string[] = [];
  const messages: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
  const dir = join(ARTIFACTS_DIR, suite);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let shot = 0;
  return {
    context,
    page,
    requests,
    messages,
    async screenshot(step) {
      shot += 1;
      await page.screenshot({ path: join(dir, `${String(shot).padStart(2, '0')}-${step}.png`), fullPage: true });
    },
    expectOnlyOwnOrigin() {
      const foreign = requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'));
      expect(foreign, 'requests to another host').toEqual([]);
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * axe-core over the page as it is now, WCAG 2.1 A and AA rules. Its source is evaluated through the DevTools
 * protocol, so the page keeps its Content-Security-Policy (no script tag is added).
 */
export async function expectNoAxeViolations(page: Page, step: string): Promise<void> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  expect(violations, `axe violations at step "${step}"`).toEqual([]);
}

/** Nine digits on their own, as a BSN would be; not a run of digits inside a UUID (ids are allowed in URLs). */
const BSN_LIKE = /(?<![\da-f])\d{9}(?![\da-f])/i;

/**
 * Nothing personal outside the page itself: no forbidden text (names, search text, a BSN) in the URL, web storage
 * holds nothing at all (the token lives in memory), no cookies, and console messages repeat none of it.
 */
export async function expectNoPersonalDataOutsideThePage(browser: ConsoleBrowser, forbidden: string[]): Promise<void> {
  const { page, context } = browser;
  const storage = await page.evaluate(() => ({ local: window.localStorage.length, session: window.sessionStorage.length }));
  expect(storage).toEqual({ local: 0, session: 0 });
  expect(await context.cookies()).toEqual([]);
  const url = decodeURIComponent(page.url());
  expect(url).not.toMatch(BSN_LIKE);
  for (const text of forbidden) {
    expect(url.toLowerCase()).not.toContain(text.toLowerCase());
    for (const message of browser.messages) expect(message.toLowerCase()).not.toContain(text.toLowerCase());
  }
  for (const request of browser.requests) expect(decodeURIComponent(request)).not.toMatch(BSN_LIKE);
}

/** No horizontal scrolling: the page fits its viewport (WCAG 1.4.10 reflow). */
export async function expectNoHorizontalScroll(page: Page, what: string): Promise<void> {
  const sizes = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(sizes.scroll, `${what}: page wider than the viewport`).toBeLessThanOrEqual(sizes.client);
}

/**
 * Runs `check` at 320 CSS px wide (WCAG 1.4.10) and at 200 % zoom of a 1280 × 800 screen (640 × 400 CSS px,
 * WCAG 1.4.4), then returns to the normal size.
 */
export async function atSmallSizes(page: Page, check: (size: string) => Promise<void>): Promise<void> {
  const normal = page.viewportSize() ?? { width: 1280, height: 800 };
  for (const [size, viewport] of [
    ['320 px', { width: 320, height: 640 }],
    ['200 % zoom', { width: 640, height: 400 }],
  ] as const) {
    await page.setViewportSize(viewport);
    await check(size);
  }
  await page.setViewportSize(normal);
}

/** The focused element, described by tag, accessible text and role, for keyboard walks. */
export async function focused(page: Page): Promise<{ tag: string; text: string; label: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const labelled =
      el?.getAttribute('aria-label') ?? (el instanceof HTMLInputElement || el instanceof HTMLSelectElement ? (el.labels?.[0]?.textContent ?? '') : '');
    return { tag: el?.tagName.toLowerCase() ?? '', text: (el?.textContent ?? '').trim().replace(/\s+/g, ' '), label: labelled.trim() };
  });
}

/** Presses Tab until the focused element's text or label matches, and fails when it takes more than `maxTabs`. */
export async function tabTo(page: Page, name: RegExp, maxTabs = 60): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const el = await focused(page);
    if (name.test(el.text) || name.test(el.label)) return;
  }
  throw new Error(`Tab never reached an element named ${name} within ${maxTabs} presses.`);
}

/** Signs in through the development sign-in page as the demo identity with this name, and waits for the header. */
export async function signInAs(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name: 'Inloggen' }).first().click();
  await page.getByRole('button', { name: `Inloggen als ${name}` }).click();
  await expect.poll(() => page.locator('.hub-session__name').textContent()).toBe(name);
}

/** A token of a demo identity from the development sign-in (by token subject), for setting up data through the API. */
export async function devSignInToken(origin: string, subject: string): Promise<string> {
  const res = await fetch(`${origin}/dev/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ subject }),
  });
  return ((await res.json()) as { token: string }).token;
}

/** One GraphQL request to the hub as `token` (anonymous without); fails the test on any error and returns the data. */
export async function graphqlData<T>(origin: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data as T;
}
