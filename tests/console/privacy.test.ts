import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bsnCheckDigit, deterministicUuid } from '@hub/domain';
import {
  atSmallSizes,
  type ConsoleBrowser,
  type ConsoleHub,
  devSignInToken,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  expectNoPersonalDataOutsideThePage,
  HUB_START_TIMEOUT_MS,
  launchBrowser,
  signInAs,
  startConsoleHub,
  tabTo,
} from './browser.ts';

/**
 * The privacy officer of gemeente Amsterdam answers a client's question "who looked at my data?" (NEN 7513): she finds
 * the client by BSN (checked with the elfproef in the form, never in a URL), sees who of which organisation did what,
 * filters by organisation (on the server), downloads the overview for Excel (which the overview then shows as an
 * export of hers) and prints it.
 */

const OFFICER = 'Karin Visser';
/** Demo client 0 of the cases demo data: a Wmo trajectory of gemeente Amsterdam, a consent to zorgkantoor Amsterdam. */
const CLIENT_ID = deterministicUuid('hub-demo-cases', 'client:0');
const CLIENT_NAMES = ['Anna Demohuis', 'Anna', 'Demohuis'];
const ZORGKANTOOR = 'Zorgkantoor Amsterdam';
const GEMEENTE = 'Gemeente Amsterdam';

/** The first 9999xxxxx number that passes the elfproef: the BSN of demo client 0. */
function firstDemoBsn(): string {
  for (let candidate = 0; candidate < 10_000; candidate++) {
    const first8 = `9999${String(candidate).padStart(4, '0')}`;
    const check = bsnCheckDigit(first8);
    if (check !== null) return `${first8}${check}`;
  }
  throw new Error('no demo BSN');
}
const BSN = firstDemoBsn();

let running: ConsoleHub;
let browser: ConsoleBrowser;

beforeAll(async () => {
  running = await startConsoleHub();
  browser = await launchBrowser(running.origin, 'privacy');
}, HUB_START_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

/** Every step: a screenshot, axe-core without violations, and no BSN or client name outside the page. */
async function step(name: string): Promise<void> {
  await browser.screenshot(name);
  await expectNoAxeViolations(browser.page, name);
  await expectNoPersonalDataOutsideThePage(browser, [BSN, ...CLIENT_NAMES]);
}

/** A demo identity's token, as the development sign-in gives it. */
const tokenOf = (subject: string) => devSignInToken(running.origin, subject);

async function graphql(token: string, query: string, variables: Record<string, unknown>): Promise<{ data?: unknown; errors?: unknown[] }> {
  const res = await fetch(`${running.origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: unknown; errors?: unknown[] };
}

const rowsText = () => browser.page.locator('.hub-access-log tbody tr').allTextContents();
const PAGE_SIZE = 50;

/** Loads the next pages until there is no "Meer regels laden" any more (the earlier pages stay on screen). */
async function showAll(): Promise<void> {
  const more = browser.page.getByRole('button', { name: 'Meer regels laden' });
  while ((await more.count()) > 0) {
    const before = (await rowsText()).length;
    await more.click();
    await expect.poll(async () => (await rowsText()).length).toBeGreaterThan(before);
    // The focus goes to the first new line.
    await expect.poll(() => browser.page.evaluate(() => document.activeElement?.getAttribute('data-row'))).toBe(String(before));
  }
}

describe('the access overview for the privacy officer', () => {
  it('has lines of two organisations to show, more than one page of them', async () => {
    // The klantadviseur of the zorgkantoor reads the client once, the cliëntondersteuner of the gemeente 55 times.
    const read = `query Read($id: ID!) { client(id: $id) { name { familyName } } }`;
    const zorgkantoor = await tokenOf('demo-zorgbemiddelaar-zk02');
    expect((await graphql(zorgkantoor, read, { id: CLIENT_ID })).errors).toBeUndefined();
    const gemeente = await tokenOf('demo-co-amsterdam');
    for (let i = 0; i < 55; i++) expect((await graphql(gemeente, read, { id: CLIENT_ID })).errors).toBeUndefined();
  });

  it('finds the client by BSN with the keyboard only, after the elfproef refused a typing error', async () => {
    const { page } = browser;
    await page.goto(`${running.origin}/`);
    await signInAs(page, OFFICER);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Privacy' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Wie heeft de gegevens van een cliënt bekeken?' }).waitFor();
    await step('start');

    await tabTo(page, /^BSN van de cliënt/);
    // One digit wrong: the elfproef fails in the form and nothing is sent.
    const wrong = `${BSN.slice(0, 8)}${(Number(BSN[8]) + 1) % 10}`;
    await page.keyboard.type(wrong);
    await page.keyboard.press('Enter');
    await page.getByText('Dit is geen geldig BSN.').waitFor();
    await step('bsn-elfproef');

    await page.keyboard.press('Control+A');
    await page.keyboard.type('111222333');
    await page.keyboard.press('Enter');
    await page.getByText('Er is geen cliënt met dit BSN in de hub.').waitFor();
    await step('bsn-unknown');

    await page.keyboard.press('Control+A');
    await page.keyboard.type(BSN);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: `Inzageoverzicht van de cliënt met BSN eindigend op ${BSN.slice(-3)}` }).waitFor();
    // The focus is on the overview's heading, and the BSN is gone from the form once sent.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('hub-overview-title');
    expect(await page.getByRole('textbox', { name: /BSN van de cliënt/ }).inputValue()).toBe('');
    await expect.poll(async () => (await rowsText()).some((row) => row.includes('Petra Jansen') && row.includes(ZORGKANTOOR))).toBe(true);
    expect(await rowsText()).toHaveLength(PAGE_SIZE);
    expect((await rowsText()).some((row) => row.includes('Mohammed El Amrani') && row.includes(GEMEENTE) && row.includes('Bekeken'))).toBe(true);
    // Her own search comes after the first page.
    await showAll();
    const rows = await rowsText();
    // Her own search is in the overview too, with its stated purpose.
    expect(rows.some((row) => row.includes(OFFICER) && row.includes('Gezocht'))).toBe(true);
    expect(rows.some((row) => row.includes(OFFICER) && row.includes('Opgegeven doel: privacyverzoek'))).toBe(true);
    await step('overview');

    // Choosing an organisation by keyboard: the hub answers only that organisation's lines.
    await tabTo(page, /^Organisatie/);
    const chosen = () => page.evaluate(() => (document.activeElement as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
    for (let i = 0; (await chosen()) !== ZORGKANTOOR; i++) {
      if (i > 10) throw new Error('no option for the zorgkantoor');
      await page.keyboard.press('ArrowDown');
    }
    await tabTo(page, /^Toon overzicht$/);
    await page.keyboard.press('Enter');
    await page.getByText(`Organisatie: ${ZORGKANTOOR}.`).waitFor();
    await expect
      .poll(async () => {
        const rows = await rowsText();
        return rows.length > 0 && rows.every((row) => row.includes(ZORGKANTOOR) && !row.includes(GEMEENTE));
      })
      .toBe(true);
    await step('filtered');
  });

  it('downloads the overview for Dutch Excel, and then shows the export as a line of its own', async () => {
    const { page } = browser;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Downloaden voor Excel (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^inzageoverzicht-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Datum en tijd;Gebruiker;Gebruikers-id;Rol;Organisatie;Organisatie-id;Handeling;Uitkomst;Gegevens;Grondslag;Toegangspunt');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => line.includes(`;${ZORGKANTOOR};`))).toBe(true);
    expect(csv).toContain('Petra Jansen;demo-zorgbemiddelaar-zk02;');
    expect(csv).not.toContain(BSN);
    await page.getByText(/Het overzicht is gedownload/).waitFor();
    await step('exported');

    // Back to every organisation: the export is in the overview, as hers.
    await page.getByRole('combobox', { name: /Organisatie/ }).selectOption({ label: 'Alle organisaties' });
    await page.getByRole('button', { name: 'Toon overzicht' }).click();
    await expect.poll(async () => (await rowsText()).length).toBe(PAGE_SIZE);
    await showAll();
    expect((await rowsText()).some((row) => row.includes(OFFICER) && row.includes('Geëxporteerd') && row.includes('Het inzageoverzicht'))).toBe(true);
    await step('export-logged');
  });

  it('prints without the menu and the forms, and fits at 320 px and 200 %', async () => {
    const { page } = browser;
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.hub-header').isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(false);
    expect(await page.getByRole('textbox', { name: /BSN van de cliënt/ }).isVisible()).toBe(false);
    expect(await page.locator('.hub-access-log').isVisible()).toBe(true);
    expect(await page.getByText(/Periode: .* Organisatie: alle organisaties\./).isVisible()).toBe(true);
    await browser.screenshot('print');
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('.hub-header').isVisible()).toBe(true);

    await atSmallSizes(page, async (size) => {
      await browser.screenshot(`overview-${size.replace(/\W+/g, '-')}`);
      await expectNoHorizontalScroll(page, `overview at ${size}`);
      await expectNoAxeViolations(page, `overview at ${size}`);
    });
  });

  it('kept the BSN and the client out of URLs, storage and the console, and asked no other host', async () => {
    await expectNoPersonalDataOutsideThePage(browser, [BSN, ...CLIENT_NAMES]);
    expect(browser.page.url()).toBe(`${running.origin}/privacy`);
    browser.expectOnlyOwnOrigin();
    expect(browser.messages).toEqual([]);
  });
});
