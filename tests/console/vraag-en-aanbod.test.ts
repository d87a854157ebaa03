import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  atSmallSizes,
  type ConsoleBrowser,
  type ConsoleHub,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  focused,
  HUB_START_TIMEOUT_MS,
  launchBrowser,
  signInAs,
  startConsoleHub,
  tabTo,
} from './browser.ts';

/**
 * Vraag en aanbod (/rapportages/overzicht) as Ruben de Boer, beleidsmedewerker of gemeente Amsterdam: the combined
 * Wmo + Wlz view of his gemeente for an ended half year, switched by keyboard only to his region and to a quarter;
 * tables of demand, handovers and supply, "afgeschermd" explained; axe-core finds nothing; a caseworker does not get in.
 */

const READER = 'Ruben de Boer';
const CASEWORKER = 'Mohammed El Amrani';

let running: ConsoleHub;
let browser: ConsoleBrowser;

beforeAll(async () => {
  running = await startConsoleHub();
  browser = await launchBrowser(running.origin, 'vraag-en-aanbod');
}, HUB_START_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

/** Navigates inside the console (a reload would end the in-memory session). */
async function goInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((p) => {
    window.history.pushState(null, '', p);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

const POLL = { timeout: 30_000 };

describe('Vraag en aanbod in the console', () => {
  it('shows the gemeente for the last ended half year: demand, handovers and supply as tables', async () => {
    const { page } = browser;
    await page.goto(`${running.origin}/`);
    await signInAs(page, READER);
    await goInApp(page, '/rapportages/overzicht');
    await page.getByRole('heading', { level: 1, name: 'Vraag en aanbod' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /^Vraag: Gemeente Amsterdam$/ }).waitFor(POLL);
    expect(await page.getByLabel('Gebied', { exact: true }).inputValue()).toBe('GM0363');
    expect(await page.getByLabel('Periode', { exact: true }).inputValue()).toMatch(/^\d{4}-H[12]$/);
    await page.getByRole('heading', { level: 2, name: 'Wat betekent "afgeschermd"?' }).waitFor();
    const demand = page.getByRole('table', { name: /^Vraag naar cliëntondersteuning/ });
    expect(await demand.getByRole('row').count()).toBe(5);
    for (const cell of await demand.locator('td').allTextContents()) expect(cell).toMatch(/^(\d[\d.]*|afgeschermd|–)$/);
    await page.getByRole('table', { name: /^Warme overdrachten/ }).waitFor();
    const supply = page.getByRole('table', { name: 'Aanbod van cliëntondersteuning' });
    expect(await supply.getByRole('row').count()).toBe(10);
    await browser.screenshot('gemeente-half-year');
    await expectNoAxeViolations(page, 'gemeente-half-year');
    await atSmallSizes(page, async (size) => {
      await browser.screenshot(`gemeente-half-year-${size.replace(/\W+/g, '-')}`);
      await expectNoHorizontalScroll(page, `vraag en aanbod at ${size}`);
    });
  });

  it('switches to the region and a quarter by keyboard only', async () => {
    const { page } = browser;
    await page.getByRole('heading', { level: 1, name: 'Vraag en aanbod' }).focus();
    await tabTo(page, /^Gebied$/);
    expect((await focused(page)).tag).toBe('select');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByLabel('Gebied', { exact: true }).inputValue(), POLL).toBe('ZK02');
    await page.getByRole('heading', { level: 2, name: /^Vraag: Regio .+ \(alle gemeenten\)$/ }).waitFor(POLL);
    await page.keyboard.press('Tab');
    expect((await focused(page)).label).toBe('Periode');
    // Four half years, then the quarters: End goes to the oldest quarter, Home back; pick the newest quarter.
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByLabel('Periode', { exact: true }).inputValue(), POLL).toMatch(/^\d{4}-Q[1-4]$/);
    await page.getByRole('table', { name: /^Vraag naar cliëntondersteuning, kwartaal [1-4] van \d{4}$/ }).waitFor(POLL);
    await browser.screenshot('region-quarter');
    await expectNoAxeViolations(page, 'region-quarter');
  });

  it('is not open to a caseworker', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByText('U bent uitgelogd.').waitFor();
    await signInAs(page, CASEWORKER);
    await goInApp(page, '/rapportages/overzicht');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent(), POLL).not.toBe('Vraag en aanbod');
    expect(await page.getByRole('table', { name: /^Vraag naar/ }).count()).toBe(0);
  });
});
