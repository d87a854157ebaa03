import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConsoleBrowser,
  type ConsoleHub,
  devSignInToken,
  expectNoAxeViolations,
  focused,
  graphqlData,
  HUB_START_TIMEOUT_MS,
  launchBrowser,
  signInAs,
  startConsoleHub,
  tabTo,
} from './browser.ts';

/**
 * The learning loop of a knelpunt in the console, as Anouk Mulder (zorgkantoor Twente: a member of the table and the
 * region's zorgkantoor): a knelpunt with a decision, signals before it and follow-up signals after its actions. She
 * reads the before/after table (the numbers the hub gives), the follow-ups a page at a time, sets the reopen
 * threshold, hands the knelpunt to zorginkoop and records the outcome by keyboard only; the reporting organisation
 * reads the outcome next to its own signal.
 */

const MEMBER = 'Anouk Mulder';
const MEMBER_SUBJECT = 'demo-overlegtafel-zk22';
const KNELPUNT = 'Geen dagbesteding voor jongvolwassenen';
const BEFORE_TEXT = 'Geen dagbesteding voor jongvolwassenen in Enschede, voor het besluit.';
const AFTER_TEXT = 'Weer geen dagbesteding voor jongvolwassenen na de acties.';
const QUESTION = 'Kan het zorgkantoor extra plekken dagbesteding inkopen?';
const OUTCOME = 'Twee aanbieders krijgen extra plekken dagbesteding.';
const FOLLOW_UPS = 6;
const POLL = { timeout: 30_000 };

let running: ConsoleHub;
let browser: ConsoleBrowser;
let token: string;
let knelpuntId: string;

const daysAgo = (n: number): string => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
};

const gql = <T>(query: string, variables: Record<string, unknown> = {}) => graphqlData<T>(running.origin, query, variables, token);

async function report(text: string, observedOn: string, clientCount: number): Promise<string> {
  const data = await gql<{ reportSignal: { signal: { id: string } } }>(
    `mutation ($input: ReportSignalInput!) { reportSignal(input: $input) { signal { id } } }`,
    { input: { category: 'NO_FITTING_OFFER', targetGroup: 'JEUGD_RONDOM_18', gemeenteCode: 'GM0153', observedOn, clientCount, description: text } },
  );
  return data.reportSignal.signal.id;
}

type Trend = {
  referenceDate: string;
  quarters: { quarter: string; side: 'BEFORE' | 'AFTER'; signals: number; clients: number; followUpSignals: number }[];
};

beforeAll(async () => {
  running = await startConsoleHub();
  browser = await launchBrowser(running.origin, 'knelpunt-leerlus');
  token = await devSignInToken(running.origin, MEMBER_SUBJECT);

  // Two signals from before the decision, grouped into a knelpunt.
  const grouped = [await report(BEFORE_TEXT, daysAgo(200), 2), await report(BEFORE_TEXT, daysAgo(190), 1)];
  const created = await gql<{ createKnelpunt: { knelpunt: { id: string; version: number } } }>(
    `mutation ($input: CreateKnelpuntInput!) { createKnelpunt(input: $input) { knelpunt { id version } } }`,
    { input: { zorgkantoorregioCode: 'ZK22', title: KNELPUNT, signalIds: grouped } },
  );
  knelpuntId = created.createKnelpunt.knelpunt.id;
  let version = created.createKnelpunt.knelpunt.version;
  const meeting = await gql<{ scheduleOverlegtafelMeeting: { meeting: { id: string } } }>(
    `mutation ($input: ScheduleMeetingInput!) { scheduleOverlegtafelMeeting(input: $input) { meeting { id } } }`,
    { input: { zorgkantoorregioCode: 'ZK22', heldOn: daysAgo(100), title: 'Overlegtafel augustus' } },
  );
  const move = async (to: string, extra: Record<string, unknown> = {}) => {
    const data = await gql<{ transitionKnelpunt: { knelpunt: { version: number } } }>(
      `mutation ($input: TransitionKnelpuntInput!) { transitionKnelpunt(input: $input) { knelpunt { version } } }`,
      { input: { knelpuntId, to, expectedVersion: version, ...extra } },
    );
    version = data.transitionKnelpunt.knelpunt.version;
  };
  await move('ON_AGENDA', { meetingId: meeting.scheduleOverlegtafelMeeting.meeting.id });
  // The decision, 100 days ago: the reference date of the before/after view.
  await gql(`mutation ($input: RecordDecisionInput!) { recordKnelpuntDecision(input: $input) { decision { id } } }`, {
    input: { knelpuntId, text: 'Aanbieders vragen om meer plekken.', decidedOn: daysAgo(100) },
  });
  // Her own organisation (the token's org claim) carries out the action.
  const owner = (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { org: string }).org;
  await gql(`mutation ($input: AddActionInput!) { addKnelpuntAction(input: $input) { action { id } } }`, {
    input: { knelpuntId, description: 'Vrije plekken in kaart brengen.', dueOn: daysAgo(-30), ownerOrganizationId: owner },
  });
  await move('ACTION');
  // Signals after the actions: linked as follow-ups.
  for (let i = 0; i < FOLLOW_UPS; i++) await report(AFTER_TEXT, daysAgo(0), 1);
}, HUB_START_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

/** Presses Tab until a form field (textarea included) whose label matches has the focus. */
async function tabToField(page: ConsoleBrowser['page'], name: RegExp, maxTabs = 200): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const labelText = await page.evaluate(() => {
      const el = document.activeElement;
      const labels = el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement || el instanceof HTMLSelectElement ? el.labels : null;
      return (labels?.[0]?.textContent ?? '').trim();
    });
    if (name.test(labelText)) return;
  }
  throw new Error(`Tab never reached a field labelled ${name} within ${maxTabs} presses.`);
}

async function step(name: string): Promise<void> {
  await browser.screenshot(name);
  await expectNoAxeViolations(browser.page, name);
}

describe('the learning loop of a knelpunt in the console', () => {
  it('shows the before/after table with the numbers of the hub', async () => {
    const { page } = browser;
    await page.goto(`${running.origin}/`);
    await signInAs(page, MEMBER);
    // The session lives in the page: go by the menu and the overview's link, as a member would.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Overlegtafel' }).click();
    await page.getByRole('link', { name: KNELPUNT }).click();
    expect(page.url()).toContain(`/overlegtafel/knelpunten/${knelpuntId}`);
    await page.getByRole('heading', { level: 1, name: KNELPUNT }).waitFor();
    const section = page.locator('section[aria-labelledby="before-after-heading"]');
    await page.getByRole('heading', { level: 2, name: 'Voor en na het besluit' }).waitFor();

    const { knelpunt } = await gql<{ knelpunt: { trend: Trend } }>(
      `query ($id: ID!) { knelpunt(id: $id) { trend { referenceDate quarters { quarter side signals clients followUpSignals } } } }`,
      { id: knelpuntId },
    );
    const trend = knelpunt.trend;
    expect(trend.referenceDate).toBe(daysAgo(100));
    expect(trend.quarters.some((q) => q.side === 'BEFORE' && q.signals >= 2)).toBe(true);
    expect(trend.quarters.at(-1)?.followUpSignals).toBe(FOLLOW_UPS);

    const table = section.getByRole('table');
    expect(await table.locator('caption').textContent()).toBe('Tabel: signalen over dit onderwerp per kwartaal, voor en na het besluit');
    expect(await table.locator('thead th[scope="col"]').allTextContents()).toEqual(['Kwartaal', 'Voor of na', 'Signalen', 'Cliënten', 'Waarvan na de acties']);
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(trend.quarters.length);
    for (const [i, q] of trend.quarters.entries()) {
      const row = rows.nth(i);
      const [year, n] = q.quarter.split('-Q');
      expect(await row.locator('th[scope="row"]').textContent()).toBe(`${n}e kwartaal ${year}`);
      expect((await row.locator('td').allTextContents()).map((t) => t.trim())).toEqual([
        q.side === 'BEFORE' ? 'Voor' : 'Na',
        String(q.signals),
        String(q.clients),
        String(q.followUpSignals),
      ]);
      // The bar is decoration: the table is the text.
      expect(await row.locator('.hub-chart__bar').getAttribute('aria-hidden')).toBe('true');
    }
    const sentence = await section.locator('p').first().textContent();
    const [y, m, d] = trend.referenceDate.split('-');
    expect(sentence).toContain(String(Number(d)));
    expect(sentence).toContain(y);
    expect(m).toBeTruthy();
    await step('before-after');
  });

  it('lists the follow-up signals a page at a time and sets the reopen threshold, by keyboard', async () => {
    const { page } = browser;
    const list = page.locator('.hub-follow-up-list > li');
    await expect.poll(() => list.count(), POLL).toBe(5);
    expect(await list.first().textContent()).toContain(AFTER_TEXT);
    await tabTo(page, /^Meer laden$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => list.count(), POLL).toBe(FOLLOW_UPS);
    await expect.poll(async () => page.evaluate(() => document.activeElement?.id ?? ''), POLL).toMatch(/^follow-up-/);
    expect(await page.getByRole('button', { name: 'Meer laden' }).count()).toBe(0);
    await page.getByText(`U ziet ${FOLLOW_UPS} van de ${FOLLOW_UPS} signalen na de acties.`).waitFor();

    await tabTo(page, /^Aantal signalen/);
    expect((await focused(page)).tag).toBe('input');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('0');
    await tabTo(page, /^Aantal opslaan$/);
    await page.keyboard.press('Enter');
    await page.getByText('Vul een heel getal in van 1 tot en met 1000.').waitFor();
    await tabTo(page, /^Aantal signalen/);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('3');
    await tabTo(page, /^Aantal opslaan$/);
    await page.keyboard.press('Enter');
    await page.getByText('Het aantal is opgeslagen.').waitFor();
    await page.getByText(/komen er daarna 3 of meer signalen binnen/).waitFor();
    const stored = await gql<{ knelpunt: { reopenThreshold: number } }>(`query ($id: ID!) { knelpunt(id: $id) { reopenThreshold } }`, { id: knelpuntId });
    expect(stored.knelpunt.reopenThreshold).toBe(3);
    await step('follow-ups');
  });

  it('hands the knelpunt to zorginkoop and records the outcome, by keyboard', async () => {
    const { page } = browser;
    const section = page.locator('section[aria-labelledby="zorginkoop-heading"]');
    await section.getByText('Dit knelpunt is nog niet aan de zorginkoop van het zorgkantoor voorgelegd.').waitFor();
    await tabToField(page, /^Wat vraagt de overlegtafel aan zorginkoop\?/);
    await page.keyboard.type(QUESTION);
    await tabTo(page, /^Voorleggen aan zorginkoop$/);
    await page.keyboard.press('Enter');
    await section.getByText('Gevraagd, het zorgkantoor heeft nog niet besloten').waitFor();
    expect(await section.textContent()).toContain(QUESTION);
    await step('zorginkoop-asked');

    // Anouk's organisation is the region's zorgkantoor: she records the outcome.
    await tabToField(page, /^Welke afspraak\?/);
    await page.keyboard.type(OUTCOME);
    await tabTo(page, /^Besluit vastleggen bij zorginkoop$/);
    await page.keyboard.press('Enter');
    await section.getByText('Afspraak gemaakt').waitFor();
    expect(await section.textContent()).toContain(OUTCOME);
    const stored = await gql<{ knelpunt: { zorginkoop: { status: string; outcome: string } } }>(
      `query ($id: ID!) { knelpunt(id: $id) { zorginkoop { status outcome } } }`,
      { id: knelpuntId },
    );
    expect(stored.knelpunt.zorginkoop).toEqual({ status: 'AGREED', outcome: OUTCOME });
    await step('zorginkoop-agreed');
  });

  it('shows the outcome in one line next to the own signal', async () => {
    const { page } = browser;
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Signaal melden' }).click();
    await page.getByRole('heading', { level: 2, name: 'Gemeld door uw organisatie' }).waitFor();
    const own = page.locator('li.hub-signal').filter({ hasText: BEFORE_TEXT }).first();
    await own.locator('.hub-zorginkoop-outcome').waitFor();
    expect(await own.locator('.hub-zorginkoop-outcome').textContent()).toMatch(new RegExp(`^Zorginkoop: afspraak gemaakt op .+\\. ${OUTCOME}$`));
    await step('own-signal-zorginkoop');
    browser.expectOnlyOwnOrigin();
    expect(browser.messages).toEqual([]);
  });
});
