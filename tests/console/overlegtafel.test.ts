import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  atSmallSizes,
  type ConsoleBrowser,
  type ConsoleHub,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  expectNoPersonalDataOutsideThePage,
  focused,
  HUB_START_TIMEOUT_MS,
  launchBrowser,
  signInAs,
  startConsoleHub,
  tabTo,
} from './browser.ts';

/**
 * The overlegtafel end to end, as Anouk Mulder (zorgkantoor Twente, OVERLEGTAFEL): the last closed quarter at a
 * glance (charts with their tables, a withheld figure shown as withheld), the figures as CSV for Dutch Excel, a
 * signal reported by keyboard only (first refused in place for a phone number in the text, then reported), signals
 * grouped into a knelpunt, and the knelpunt carried through the agenda, a decision, an action done and feedback.
 */

const MEMBER = 'Anouk Mulder';
/** A cliëntondersteuner of gemeente Amsterdam, who reports without being at an overlegtafel. */
const CASEWORKER = 'Mohammed El Amrani';
const CASEWORKER_TEXT = 'Geen schuldhulp in het Engels in Amsterdam-Noord.';
const PHONE = '06-12345678';
const REFUSED_TEXT = `Geen plek in de dagbesteding, bel de moeder op ${PHONE}.`;
const FIXED_TEXT = 'Geen plek in de dagbesteding voor jongeren rond 18 in Enschede.';
const KNELPUNT = 'Te weinig plekken in de regio';
const DECISION = 'Het zorgkantoor vraagt aanbieders om meer plekken.';
const ACTION = 'Overzicht van vrije plekken maken.';
const FEEDBACK = 'Dank voor uw signalen. Er komt een overzicht van vrije plekken.';

let running: ConsoleHub;
let browser: ConsoleBrowser;

beforeAll(async () => {
  running = await startConsoleHub();
  browser = await launchBrowser(running.origin, 'overlegtafel');
}, HUB_START_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

/** Every step: a screenshot, axe-core without violations, and nothing personal outside the page. */
async function step(name: string): Promise<void> {
  await browser.screenshot(name);
  await expectNoAxeViolations(browser.page, name);
  await expectNoPersonalDataOutsideThePage(browser, [PHONE, '0612345678', REFUSED_TEXT]);
}

async function smallSizes(page: Page, name: string): Promise<void> {
  await atSmallSizes(page, async (size) => {
    await browser.screenshot(`${name}-${size.replace(/\W+/g, '-')}`);
    await expectNoHorizontalScroll(page, `${name} at ${size}`);
  });
}

/** Changes go to the hub and the page asks again: on a loaded machine that takes more than expect.poll's default second. */
const POLL = { timeout: 30_000 };

const statusText = (page: Page) => page.locator('.hub-knelpunt-status').first().textContent();

describe('the overlegtafel in the console', () => {
  it('shows the quarter as charts with tables, withheld figures as withheld', async () => {
    const { page } = browser;
    await page.goto(`${running.origin}/`);
    await signInAs(page, MEMBER);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Overlegtafel' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Overlegtafel Twente' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Het kwartaal in één oogopslag' }).waitFor();

    // The chart of the categories, and its table with a caption.
    const chart = page.locator('figure.hub-chart').first();
    expect(await chart.locator('figcaption').textContent()).toMatch(/^Signalen per soort, \de kwartaal \d{4}/);
    const table = chart.getByRole('table');
    expect(await table.locator('caption').textContent()).toMatch(/^Tabel: signalen per soort/);
    // The demo data publish "Geen plek vrij" and withhold small categories: those show no number.
    const noCapacity = table.getByRole('row', { name: /Geen plek vrij/ });
    expect(await noCapacity.locator('td').first().textContent()).toMatch(/^(minstens )?\d+$/);
    const withheld = table.locator('td.hub-figure--withheld');
    expect(await withheld.count()).toBeGreaterThan(0);
    for (const text of await withheld.allTextContents()) expect(text).toBe('afgeschermd');
    // The trend over quarters with the waiting time, also as a table.
    const trend = page.locator('figure.hub-chart').nth(1);
    expect(await trend.locator('caption').textContent()).toBe('Tabel: alle signalen en de wachttijd per kwartaal');
    expect(await trend.getByRole('row').count()).toBe(5);
    expect(await page.locator('.hub-facts').first().textContent()).toMatch(/Wachttijd \(mediaan\)\d+ dagen/);
    await page.getByRole('heading', { level: 3, name: 'Aanbieders die het vaakst geen plek hadden' }).waitFor();
    await step('quarter');
    await smallSizes(page, 'quarter');
  });

  it('downloads the figures as CSV that Dutch Excel opens: BOM, semicolons, header row', async () => {
    const { page } = browser;
    const button = page.getByRole('button', { name: /downloaden \(CSV voor Excel\)/ });
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/^signalen-ZK22-\d{4}-Q[1-4]\.csv$/);
    const path = await download.path();
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('scope;period;category;legal_domain;target_group;signals;clients;withheld;previous_signals;change');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines.filter(Boolean)) expect(line.split(';')).toHaveLength(10);
    expect(lines.some((line) => line.endsWith(';true;;') || /;true;/.test(line))).toBe(true);
    await page.getByText('Het bestand is gedownload.').waitFor();
    await step('csv-downloaded');
  });

  it('reports a signal by keyboard only: personal data refused next to the field, then reported', async () => {
    const { page } = browser;
    await tabTo(page, /^Signaal melden$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Signaal melden' }).waitFor();
    await page.getByRole('option', { name: 'Enschede' }).waitFor({ state: 'attached' });
    await step('report-form');

    // Category: "Geen passend aanbod", by keyboard in the select.
    await tabTo(page, /^Wat is het probleem\?$/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('#signal-category').inputValue(), POLL).toBe('NO_FITTING_OFFER');
    await tabTo(page, /^Wachttijd in dagen/);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('signal-description');
    await page.keyboard.type(REFUSED_TEXT);
    await tabTo(page, /^Signaal versturen$/);
    await page.keyboard.press('Enter');
    const error = page.locator('#signal-description-error');
    await error.waitFor();
    expect(await error.textContent()).toBe(
      'In deze tekst staat een telefoonnummer. Schrijf op wat er ontbreekt, zonder iets waarmee iemand te herkennen is. Er is niets opgeslagen.',
    );
    await expect.poll(async () => (await focused(page)).tag, POLL).toBe('textarea');
    expect(await page.locator('#signal-description').getAttribute('aria-describedby')).toContain('signal-description-error');
    expect(await page.locator('#signal-description').getAttribute('aria-invalid')).toBe('true');
    // The message names the kind of data, never the data itself.
    expect(await page.locator('main').textContent()).not.toContain(`${PHONE}.Schrijf`);
    await step('report-refused');
    await smallSizes(page, 'report-refused');

    await page.keyboard.press('Control+A');
    await page.keyboard.type(FIXED_TEXT);
    await tabTo(page, /^Signaal versturen$/);
    await page.keyboard.press('Enter');
    await page.getByText('Uw signaal is gemeld.').waitFor();
    expect(await page.locator('#signal-description-error').count()).toBe(0);
    expect(await page.locator('#signal-description').inputValue()).toBe('');
    await step('reported');
  });

  it('groups signals into a knelpunt', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'signalen van de regio' }).click();
    await page.getByRole('heading', { level: 1, name: 'Signalen van de regio' }).waitFor();
    // The signal just reported is on the first page (newest observed first), without a client's identity.
    await page.getByText(FIXED_TEXT).waitFor();
    await step('signals');
    await smallSizes(page, 'signals');

    // The signal just reported, and one more.
    await page.locator('li.hub-signal').filter({ hasText: FIXED_TEXT }).getByRole('checkbox').check();
    await page
      .getByRole('checkbox', { name: /^Kies dit signaal/, checked: false })
      .first()
      .check();
    await page.getByRole('heading', { level: 2, name: 'Bundelen tot knelpunt' }).waitFor();
    expect(await page.getByText('U heeft 2 signalen gekozen.').count()).toBe(1);
    await page.getByLabel('Titel van het knelpunt').fill(KNELPUNT);
    await page.getByLabel('Beschrijving (mag leeg blijven)').fill('Cliënten wachten lang op een plek.');
    await step('group');
    await page.getByRole('button', { name: 'Knelpunt maken' }).click();
    await page.getByRole('heading', { level: 1, name: KNELPUNT }).waitFor();
    expect(page.url()).toMatch(/\/overlegtafel\/knelpunten\/[0-9a-f-]{36}$/);
    expect(await statusText(page)).toBe('Nieuw');
    expect(await page.locator('.hub-knelpunt-section .hub-signal').count()).toBe(2);
    await step('knelpunt-new');
  });

  it('puts the knelpunt on the agenda, records a decision, adds and completes an action, and gives feedback', async () => {
    const { page } = browser;
    await page.getByLabel('Naam van het overleg').fill('Overlegtafel december');
    await page.getByRole('button', { name: 'Overleg plannen' }).click();
    await page.getByRole('combobox', { name: 'Overleg' }).waitFor();
    await page.getByRole('button', { name: 'Op de agenda zetten' }).click();
    await expect.poll(() => statusText(page), POLL).toBe('Op de agenda');
    await page.getByText(/staat op de agenda van Overlegtafel december/).waitFor();
    await step('on-agenda');

    await page.getByLabel('Nieuw besluit').fill(DECISION);
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.getByRole('listitem').filter({ hasText: DECISION }).waitFor();
    await step('decision');

    await page.getByLabel('Wat gaat er gebeuren?').fill(ACTION);
    await page.getByRole('button', { name: 'Actie toevoegen' }).click();
    await page.locator('.hub-action-list').getByText(ACTION, { exact: true }).waitFor();
    await expect.poll(() => page.getByText('Nog niet klaar').count(), POLL).toBe(1);
    await page.getByRole('button', { name: 'Acties starten' }).click();
    await expect.poll(() => statusText(page), POLL).toBe('Acties lopen');
    await step('action');

    await page.getByRole('button', { name: `Actie is klaar: ${ACTION}` }).click();
    await page.getByText(/^Klaar sinds /).waitFor();
    await step('action-done');

    await page.getByLabel('Bericht aan de melders').fill(FEEDBACK);
    await page.getByRole('button', { name: 'Terugkoppeling versturen' }).click();
    await page.getByRole('listitem').filter({ hasText: FEEDBACK }).waitFor();
    await page.getByLabel('Wat heeft het knelpunt opgelost?').fill('Twintig extra plekken winteropvang.');
    await page.getByRole('button', { name: 'Opgelost' }).click();
    await expect.poll(() => statusText(page), POLL).toBe('Opgelost');
    await page.getByText('Dit knelpunt is afgesloten. Er kan niets meer bij.').waitFor();
    expect(await page.getByRole('heading', { level: 2, name: 'Geschiedenis' }).count()).toBe(1);
    await step('resolved');
    await smallSizes(page, 'knelpunt');

    // The overview lists it.
    await page.getByRole('link', { name: 'Terug naar de overlegtafel' }).click();
    await page.getByRole('link', { name: KNELPUNT }).waitFor();
    await step('overview-with-knelpunt');

    // The reporting organisation reads the feedback with its own signal.
    await page.getByRole('main').getByRole('link', { name: 'Signaal melden' }).click();
    await page.getByRole('heading', { level: 2, name: 'Gemeld door uw organisatie' }).waitFor();
    const own = page.locator('li.hub-signal').filter({ hasText: FIXED_TEXT });
    await own.getByText(`Terugkoppeling: ${FEEDBACK}`).waitFor();
    expect(await own.textContent()).toContain(`Hoort bij knelpunt ${KNELPUNT} (opgelost).`);
    await step('own-signals-with-feedback');
    browser.expectOnlyOwnOrigin();
    expect(browser.messages).toEqual([]);
  });

  it('lets a cliëntondersteuner of a gemeente report a signal too, in the region of the own gemeente', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await signInAs(page, CASEWORKER);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Signaal melden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Signaal melden' }).waitFor();
    // The region and gemeente follow from the sign-in (gemeente Amsterdam, zorgkantoorregio Amsterdam).
    await expect.poll(() => page.locator('#signal-region').inputValue(), POLL).toBe('ZK02');
    await page.getByRole('option', { name: 'Diemen' }).waitFor({ state: 'attached' });
    expect(await page.locator('#signal-gemeente').inputValue()).toBe('GM0363');
    expect(await page.getByRole('link', { name: 'Terug naar de overlegtafel' }).count()).toBe(0);
    await page.locator('#signal-description').fill(CASEWORKER_TEXT);
    await page.getByRole('button', { name: 'Signaal versturen' }).click();
    await page.getByText('Uw signaal is gemeld.').waitFor();
    expect(await page.getByText('U vindt het hieronder bij de signalen van uw organisatie.').count()).toBe(1);
    await page.locator('li.hub-signal').filter({ hasText: CASEWORKER_TEXT }).waitFor();
    await step('reported-by-caseworker');
  });
});
