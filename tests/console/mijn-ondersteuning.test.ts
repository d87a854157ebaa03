import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '@hub/db';
import { demoBsn, demoIds, deterministicUuid } from '@hub/domain';
import { signToken } from '@hub/identity';
import {
  atSmallSizes,
  type ConsoleBrowser,
  type ConsoleHub,
  devSignInToken,
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
 * Issue 14 in the console. The demo client Anna Demohuis signs in (development sign-in, role CLIENT), sees her support
 * at the gemeente and the zorgkantoor with her contact persons, revokes a consent (the zorgkantoor is refused from
 * then on), reads who looked at her data and downloads a copy of it. A cliëntondersteuner of an OCO provider, which
 * has no relation with Anna, opens break-glass with a written reason (first with a BSN in it, which the hub refuses
 * in place); the OCO's privacy officer reviews the opening; Anna sees it in her access overview.
 *
 * The demo data has break-glass on for the gemeente and for this OCO, whose privacy officer (Fatima Yilmaz) is one of
 * the demo identities. One older opening of a colleague is set 10 days back in the database, so the queue flags it.
 */

const CLIENT = 'Anna Demohuis';
const CLIENT_ID = deterministicUuid('hub-demo-cases', 'client:0');
const CLIENT_NAMES = [CLIENT, 'Demohuis'];
const BSN = demoBsn(0);
const OCO_WORKER = 'Ellen Bakker';
const OCO = demoIds.ocoOrganization(0);
const OFFICER = { subject: 'demo-privacy-oco', name: 'Fatima Yilmaz' };
const OLD_REASON = 'Huisarts belde: zorgen om verwaarlozing, cliënt niet bereikbaar.';
const CORRECTION = 'Mijn telefoonnummer is veranderd in 020-5552000.';
const REASON = 'Buren melden dat mevrouw al twee dagen niet opendoet en de post zich opstapelt.';

let running: ConsoleHub;
let browser: ConsoleBrowser;

async function graphql<T>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<{ data?: T; errors?: unknown[] }> {
  const res = await fetch(`${running.origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: T; errors?: unknown[] };
}

const tokenOf = (subject: string) => devSignInToken(running.origin, subject);

beforeAll(async () => {
  running = await startConsoleHub();
  browser = await launchBrowser(running.origin, 'mijn-ondersteuning');
  const issuer = running.hub.issuer;
  if (!issuer) throw new Error('The hub holds no development issuer.');
  // An older opening by a colleague, for another client, still unreviewed after 10 days: the queue flags it.
  const colleague = await signToken(issuer, {
    subject: 'test-colleague-oco',
    name: 'Bas de Wit',
    organizationId: OCO,
    organizationType: 'OCO',
    roles: ['CLIENTONDERSTEUNER'],
  });
  const older = await graphql<{ openBreakGlass: { breakGlass: { id: string } } }>(
    colleague,
    'mutation($input: OpenBreakGlassInput!) { openBreakGlass(input: $input) { breakGlass { id } } }',
    { input: { clientId: deterministicUuid('hub-demo-cases', 'client:3'), reason: OLD_REASON } },
  );
  const olderId = older.data?.openBreakGlass.breakGlass.id;
  if (!olderId) throw new Error(`No older opening: ${JSON.stringify(older.errors)}`);
  await running.hub.database.db.execute(
    sql`update cases.break_glass_grant set opened_at = now() - interval '10 days', expires_at = now() - interval '9 days 20 hours' where id = ${olderId}::uuid`,
  );
  // The gemeente's cliëntondersteuner hands Anna over to the zorgkantoor (Wmo to Wlz): a handover in progress.
  const sent = await graphql<{ createReferral: { referral: { status: string } } }>(
    await tokenOf('demo-co-amsterdam'),
    'mutation($input: CreateReferralInput!) { createReferral(input: $input) { referral { status } } }',
    {
      input: {
        idempotencyKey: 'mijn-ondersteuning-handover',
        kind: 'WMO_TO_WLZ',
        clientId: CLIENT_ID,
        sourceTrajectoryId: deterministicUuid('hub-demo-cases', 'trajectory:wmo:0'),
        toOrganizationId: demoIds.zorgkantoorOrganization('ZK02'),
        question: 'Mevrouw heeft een Wlz-indicatie aangevraagd en zoekt een plek.',
        handoverSummary: {
          situation: 'Woont alleen, dochter helpt.',
          question: 'Passende Wlz-zorg.',
          whatWasDone: 'Keukentafelgesprek gevoerd.',
          agreements: 'Driegesprek plannen.',
          openActions: 'Indicatie afwachten.',
          network: 'Dochter.',
          risks: 'Valrisico.',
          clientWishes: 'Dicht bij haar dochter wonen.',
        },
      },
    },
  );
  expect(sent.data?.createReferral.referral.status, JSON.stringify(sent.errors)).toBe('REQUESTED');
}, HUB_START_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

async function step(name: string): Promise<void> {
  await browser.screenshot(name);
  await expectNoAxeViolations(browser.page, name);
}

const heading1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.getByText('U bent uitgelogd.').waitFor();
}

/** Navigates inside the console (a reload would end the in-memory session). */
async function goInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((p) => {
    window.history.pushState(null, '', p);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

async function smallSizes(page: Page, name: string): Promise<void> {
  await atSmallSizes(page, async (size) => {
    await browser.screenshot(`${name}-${size.replace(/\W+/g, '-')}`);
    await expectNoHorizontalScroll(page, `${name} at ${size}`);
  });
}

describe('Mijn ondersteuning and break-glass in the console', () => {
  it('the client signs in and sees her support and contact persons', async () => {
    const { page } = browser;
    await page.goto(`${running.origin}/`);
    await signInAs(page, CLIENT);
    await heading1(page, 'Mijn ondersteuning');
    await expect
      .poll(() => page.getByRole('heading', { level: 3 }).allTextContents())
      .toEqual(['Wmo, maatwerk (na onderzoek) bij Gemeente Amsterdam', 'Wlz (langdurige zorg) bij Zorgkantoor Amsterdam']);
    await expect.poll(() => page.locator('main').textContent()).toContain('Uw vaste contactpersoon: Mohammed El Amrani');
    expect(await page.locator('main').textContent()).toContain('Uw vaste contactpersoon: Petra Jansen');
    expect(await page.locator('main').textContent()).toContain(
      'Van Wmo naar Wlz: van Gemeente Amsterdam naar Zorgkantoor Amsterdam. De overdracht is gevraagd. De nieuwe organisatie moet nog antwoorden.',
    );
    const menu = await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allTextContents();
    expect(menu).toEqual(['Mijn ondersteuning', 'Sociale kaart']);
    await step('my-support');
    await smallSizes(page, 'my-support');

    // A client opens no professional page: the console says where her own data is.
    await goInApp(page, '/clienten');
    await heading1(page, 'Geen toegang');
    await step('client-no-access');
    await page.getByRole('main').getByRole('link', { name: 'Mijn ondersteuning' }).click();
    await heading1(page, 'Mijn ondersteuning');
  });

  it('the client revokes a consent, sees the effect first, and the zorgkantoor is refused from then on', async () => {
    const { page } = browser;
    const zorgkantoor = await tokenOf('demo-zorgbemiddelaar-zk02');
    const READ = 'query($id: ID!) { client(id: $id) { trajectories { nodes { organization { name } hulpvraag } } } }';
    const organizationsSeen = async () =>
      (
        (await graphql<{ client: { trajectories: { nodes: { organization: { name: string } }[] } } | null }>(zorgkantoor, READ, { id: CLIENT_ID })).data?.client
          ?.trajectories.nodes ?? []
      ).map((t) => t.organization.name);
    expect(await organizationsSeen()).toEqual(['Gemeente Amsterdam', 'Zorgkantoor Amsterdam']);

    await page.getByRole('navigation', { name: 'Mijn ondersteuning' }).getByRole('link', { name: 'Mijn toestemmingen' }).click();
    await heading1(page, 'Mijn toestemmingen');
    await page.getByRole('heading', { level: 3, name: 'Gemeente Amsterdam deelt met Zorgkantoor Amsterdam' }).waitFor();
    await step('my-consents');
    await page.getByRole('button', { name: 'Intrekken van toestemming voor Zorgkantoor Amsterdam' }).click();
    await page.getByRole('heading', { name: 'Weet u het zeker?' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Als u intrekt, mag Zorgkantoor Amsterdam vanaf nu niet meer zien');
    await step('revoke-confirm');
    await page.getByRole('button', { name: 'Ja, intrekken' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('De toestemming is ingetrokken.');
    await page.getByRole('heading', { level: 2, name: 'Toestemmingen die niet meer gelden' }).waitFor();
    await step('revoked');
    await smallSizes(page, 'my-consents');

    // From the next request on, the zorgkantoor no longer sees the gemeente's trajectory.
    expect(await organizationsSeen()).toEqual(['Zorgkantoor Amsterdam']);
    // She gives a consent herself: the gemeente may share who she is and her question with an OCO provider.
    await page.getByRole('button', { name: 'Toestemming geven' }).click();
    await page.getByRole('combobox', { name: 'Welke organisatie heeft de gegevens?' }).selectOption({ label: 'Gemeente Amsterdam' });
    await page.getByRole('combobox', { name: 'Wat voor organisatie mag de gegevens zien?' }).selectOption('OCO');
    const receiver = page.getByRole('combobox', { name: 'Welke organisatie mag de gegevens zien?' });
    await expect.poll(() => receiver.locator('option').count()).toBeGreaterThan(1);
    await receiver.selectOption({ index: 1 });
    const receiverName = ((await receiver.locator('option:checked').textContent()) ?? '').trim();
    await page.getByRole('checkbox', { name: /^Wie u bent/ }).check();
    await page.getByRole('checkbox', { name: /^Uw hulpvraag/ }).check();
    await page.getByRole('button', { name: 'Verder' }).click();
    await page.getByRole('heading', { name: 'Controleer uw toestemming' }).waitFor();
    expect(await page.locator('main').textContent()).toContain(`${receiverName} mag dan wie u bent`);
    await step('give-consent-confirm');
    await page.getByRole('button', { name: 'Ja, toestemming geven' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain(`U gaf toestemming: ${receiverName} mag nu`);
    await page.getByRole('heading', { level: 3, name: `Gemeente Amsterdam deelt met ${receiverName}` }).waitFor();

    // And gives it an end: the effect is shown before it is changed.
    await page.getByRole('button', { name: `Periode wijzigen van toestemming voor ${receiverName}` }).click();
    await page.getByLabel('Tot en met welke dag geldt de toestemming?').fill('2099-12-31');
    await page.getByRole('button', { name: 'Verder' }).click();
    await page.getByRole('heading', { name: 'Controleer de nieuwe periode' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('tot en met 31 december 2099');
    await page.getByRole('button', { name: 'Ja, periode wijzigen' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('De periode is gewijzigd.');
    await expect.poll(() => page.locator('main').textContent()).toContain('tot en met 31 december 2099');
    await step('consent-period-changed');
  });

  it('the client reads who looked at her data, filters it and downloads her data, by keyboard only', async () => {
    const { page } = browser;
    await page.getByRole('navigation', { name: 'Mijn ondersteuning' }).getByRole('link', { name: 'Wie bekeek mijn gegevens' }).focus();
    await page.keyboard.press('Enter');
    await heading1(page, 'Wie bekeek mijn gegevens');
    await page.getByRole('table', { name: 'Wie uw gegevens bekeek' }).waitFor();
    const rows = await page.getByRole('table', { name: 'Wie uw gegevens bekeek' }).locator('tbody tr').allTextContents();
    expect(rows.some((r) => r.includes('Uzelf') && r.includes('U deed dit zelf'))).toBe(true);
    expect(rows.some((r) => r.includes('Zorgkantoor Amsterdam') && r.includes('u gaf toestemming'))).toBe(true);
    await step('who-looked');
    await smallSizes(page, 'who-looked');

    // Only refusals and break-glass, by keyboard.
    await tabTo(page, /^Alleen weigeringen en noodtoegang$/);
    await page.keyboard.press('Space');
    await tabTo(page, /^Filter toepassen$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('geweigerd of met noodtoegang');
    // Nothing was refused or opened in an emergency yet.
    expect(await page.getByRole('table', { name: 'Wie uw gegevens bekeek' }).count()).toBe(0);
    await step('who-looked-refusals');

    await tabTo(page, /^Mijn gegevens$/);
    await page.keyboard.press('Enter');
    await heading1(page, 'Mijn gegevens');
    await step('my-data');
    await tabTo(page, /^Mijn gegevens downloaden$/);
    expect((await focused(page)).tag).toBe('button');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const path = await download.path();
    const copy = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    expect(JSON.stringify(copy)).toContain('Demohuis');
    expect(JSON.stringify(copy)).not.toContain(BSN);
    expect(download.url().startsWith('blob:')).toBe(true);
    await page.getByText('Uw gegevens zijn gedownload.').waitFor();
    await step('downloaded');

    await page.getByRole('combobox', { name: /Over welke ondersteuning gaat het/ }).selectOption({ index: 1 });
    await page.getByRole('textbox', { name: /Wat klopt er niet/ }).fill(CORRECTION);
    await page.getByRole('button', { name: 'Verzoek versturen' }).click();
    await expect.poll(() => page.getByRole('status').last().textContent()).toContain('Uw verzoek is verstuurd naar Gemeente Amsterdam.');
    await step('correction-sent');
    await smallSizes(page, 'my-data');
  });

  it("the gemeente's cliëntondersteuner and privacy officer see the correction request in their list", async () => {
    const { page } = browser;
    await signOut(page);
    await signInAs(page, 'Mohammed El Amrani');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cliënten' }).click();
    await heading1(page, 'Cliënten');
    await page.getByRole('link', { name: 'Correctieverzoeken van cliënten' }).click();
    await heading1(page, 'Correctieverzoeken');
    await expect.poll(() => page.locator('main').textContent()).toContain(CORRECTION);
    const card = page.locator('section.hub-card', { hasText: CORRECTION });
    expect(await card.textContent()).toContain('de cliënt zelf');
    expect(await card.textContent()).toContain('één traject bij uw organisatie');
    await step('correction-requests');
    await smallSizes(page, 'correction-requests');
    expect(await card.getByRole('link', { name: /^Traject van verzoek \d+ bekijken$/ }).count()).toBe(1);
    // The link leads to the client's page.
    await card.getByRole('link', { name: /^Cliënt van verzoek \d+ bekijken$/ }).click();
    await heading1(page, CLIENT);
    await step('correction-client');

    // The privacy officer of the gemeente finds the same list in the Privacy area, without links to the client.
    await signOut(page);
    await signInAs(page, 'Karin Visser');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Privacy' }).click();
    await page.getByRole('link', { name: 'Correctieverzoeken' }).click();
    await heading1(page, 'Correctieverzoeken');
    await expect.poll(() => page.locator('main').textContent()).toContain(CORRECTION);
    expect(await page.locator('section.hub-card', { hasText: CORRECTION }).getByRole('link').count()).toBe(0);
    await step('correction-requests-privacy');
  });

  it('a professional without a relation opens break-glass with a written reason; a BSN in it is refused in place', async () => {
    const { page } = browser;
    await signOut(page);
    await signInAs(page, OCO_WORKER);
    await goInApp(page, `/clienten/${CLIENT_ID}`);
    await page.getByRole('heading', { level: 2, name: 'Noodtoegang' }).waitFor();
    await step('client-refused');
    await page.getByRole('button', { name: 'Noodtoegang aanvragen' }).click();
    const reason = page.getByRole('textbox', { name: /Wat is het acute gevaar/ });
    await reason.fill('Te kort');
    await page.getByRole('button', { name: 'Verder' }).click();
    await expect.poll(() => page.locator('.utrecht-form-field-error-message').first().textContent()).toContain('minstens 20 tekens');
    await reason.fill(`Acuut gevaar voor de cliënt met BSN ${BSN}, buren bellen.`);
    await page.getByRole('button', { name: 'Verder' }).click();
    expect(await page.locator('main').textContent()).toContain('4 uur');
    await page.getByRole('button', { name: 'Ja, noodtoegang openen' }).click();
    await expect.poll(() => page.locator('.utrecht-form-field-error-message').first().textContent()).toContain('geen BSN');
    await step('reason-with-bsn');
    await reason.fill(REASON);
    await page.getByRole('button', { name: 'Verder' }).click();
    await page.getByRole('heading', { name: 'Weet u zeker dat u noodtoegang wilt openen?' }).waitFor();
    await step('break-glass-confirm');
    await page.getByRole('button', { name: 'Ja, noodtoegang openen' }).click();
    await page.getByRole('heading', { name: 'Noodtoegang: u ziet deze gegevens zonder toestemming' }).waitFor();
    await heading1(page, CLIENT);
    await page.getByRole('heading', { level: 2, name: 'Trajecten in alle domeinen' }).waitFor();
    // What opens the data is the break-glass, not a consent: the page must not claim one.
    await expect.poll(() => page.getByText('U ziet het via uw noodtoegang', { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.getByText('De cliënt gaf toestemming om dit met uw organisatie te delen.').count()).toBe(0);
    await step('break-glass-open');
    await smallSizes(page, 'break-glass-open');
  });

  it('the privacy officer of the OCO reviews the opening', async () => {
    const { page } = browser;
    await signOut(page);
    await signInAs(page, OFFICER.name);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Privacy' }).click();
    await page.getByRole('link', { name: 'Noodtoegang beoordelen' }).click();
    await heading1(page, 'Noodtoegang beoordelen');
    await expect.poll(() => page.locator('main').textContent()).toContain(REASON);
    await step('review-queue');
    await smallSizes(page, 'review-queue');
    // The colleague's opening of 10 days ago is flagged; Ellen's of today is not.
    const older = page.locator('section.hub-card', { hasText: OLD_REASON });
    const today = page.locator('section.hub-card', { hasText: REASON });
    expect(await older.getByText('Te laat: langer dan 5 werkdagen niet beoordeeld').count()).toBe(1);
    expect(await today.getByText('Te laat').count()).toBe(0);
    expect(await page.getByRole('status').first().textContent()).toContain('2 keer noodtoegang, waarvan 1 te laat');
    await today.getByRole('radio', { name: 'Ja, terecht' }).check();
    await today.getByRole('textbox', { name: /Toelichting/ }).fill('Met de medewerker besproken: er was reden tot zorg.');
    await today.getByRole('button', { name: 'Beoordeling opslaan' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('beoordeeld als terecht');
    await expect.poll(() => page.locator('main').textContent()).not.toContain(REASON);
    expect(await page.locator('main').textContent()).toContain(OLD_REASON);
    await step('reviewed');
  });

  it('the client sees the break-glass opening in who looked at her data', async () => {
    const { page } = browser;
    await signOut(page);
    await signInAs(page, CLIENT);
    await page.getByRole('navigation', { name: 'Mijn ondersteuning' }).getByRole('link', { name: 'Wie bekeek mijn gegevens' }).click();
    await page.getByRole('heading', { name: 'Noodtoegang tot uw gegevens' }).waitFor();
    expect(await page.locator('main').textContent()).toContain(REASON);
    await page.getByRole('checkbox', { name: 'Alleen weigeringen en noodtoegang' }).check();
    await page.getByRole('button', { name: 'Filter toepassen' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('geweigerd of met noodtoegang');
    const rows = await page.getByRole('table', { name: 'Wie uw gegevens bekeek' }).locator('tbody tr').allTextContents();
    expect(rows.some((r) => r.includes('Onafhankelijke') && r.includes('Noodtoegang geopend'))).toBe(true);
    expect(rows.every((r) => r.includes('oodtoegang') || r.includes('Geweigerd'))).toBe(true);
    await step('client-sees-break-glass');
    await smallSizes(page, 'client-sees-break-glass');
    browser.expectOnlyOwnOrigin();
    await expectNoPersonalDataOutsideThePage(browser, [BSN, ...CLIENT_NAMES, CORRECTION]);
  });
});
