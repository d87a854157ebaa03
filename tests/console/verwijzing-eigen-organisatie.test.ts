import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '@hub/domain';
import {
  type ConsoleBrowser,
  type ConsoleHub,
  devSignInToken,
  expectNoAxeViolations,
  expectNoPersonalDataOutsideThePage,
  focused,
  graphqlData,
  HUB_START_TIMEOUT_MS,
  launchBrowser,
  signInAs,
  startConsoleHub,
  tabTo,
} from './browser.ts';

/**
 * A referral of the OCO's cliëntondersteuner to a service of the OCO itself: the console shows it as "Verwijzing naar
 * eigen organisatie" with the note why, and the OCO (which receives it too) rejects it by keyboard only with the new
 * reason "Geen budget". Then the form: choosing a service of the own organisation asks no consent but asks the note.
 */

const WORKER = 'Ellen Bakker';
const CLIENT_FAMILY_NAME = 'Eigenzorgtest';
const NOTE = 'Alleen onze eigen dagbesteding heeft deze maand plek voor jongeren met NAH in deze gemeente.';

let running: ConsoleHub;
let browser: ConsoleBrowser;
let referralId = '';

const tokenOf = (subject: string) => devSignInToken(running.origin, subject);

const graphql = <T>(query: string, variables: Record<string, unknown>, token?: string) => graphqlData<T>(running.origin, query, variables, token);

async function step(name: string): Promise<void> {
  await browser.screenshot(name);
  await expectNoAxeViolations(browser.page, name);
  await expectNoPersonalDataOutsideThePage(browser, [CLIENT_FAMILY_NAME]);
}

beforeAll(async () => {
  running = await startConsoleHub();
  browser = await launchBrowser(running.origin, 'verwijzing-eigen-organisatie');
  // The referral is made through the API; the console test is about showing and answering it.
  const oco = demoIds.ocoOrganization(0);
  const token = await tokenOf('demo-co-oco');
  const own = await graphql<{ organization: { services: { nodes: { id: string }[] } } }>(
    'query Own($id: ID!) { organization(id: $id) { services(first: 1) { nodes { id } } } }',
    { id: oco },
    token,
  );
  const serviceId = own.organization.services.nodes[0]?.id;
  if (!serviceId) throw new Error('the demo OCO has no service');
  const client = await graphql<{ registerClient: { client: { id: string } } }>(
    'mutation R($input: RegisterClientInput!) { registerClient(input: $input) { client { id } } }',
    { input: { name: { givenName: 'Sam', familyName: CLIENT_FAMILY_NAME }, dateOfBirth: '2004-05-06', gemeenteCode: 'GM0363' } },
    token,
  );
  const clientId = client.registerClient.client.id;
  const trajectory = await graphql<{ openTrajectory: { trajectory: { id: string } } }>(
    'mutation T($input: OpenTrajectoryInput!) { openTrajectory(input: $input) { trajectory { id } } }',
    { input: { clientId, legalDomain: 'WMO_MAATWERKVOORZIENING', journeyPhase: 'BEFORE_INDICATION', hulpvraag: 'Dagbesteding zoeken.' } },
    token,
  );
  const summary = {
    situation: 'Jongvolwassene met NAH, woont bij ouders.',
    question: 'Dagbesteding drie dagen per week.',
    whatWasDone: 'Gesprek met ouders.',
    agreements: 'Wekelijks contact.',
    openActions: 'Kennismaking plannen.',
    network: 'Ouders.',
    risks: 'Overprikkeling.',
    clientWishes: 'Iets met dieren.',
  };
  const created = await graphql<{ createReferral: { referral: { id: string } } }>(
    'mutation C($input: CreateReferralInput!) { createReferral(input: $input) { referral { id } } }',
    {
      input: {
        idempotencyKey: `console-eigen-organisatie-${Date.now()}`,
        kind: 'TO_SERVICE',
        clientId,
        sourceTrajectoryId: trajectory.openTrajectory.trajectory.id,
        toOrganizationId: oco,
        serviceId,
        question: 'Dagbesteding bij onze eigen dienst.',
        handoverSummary: summary,
        independenceNote: NOTE,
      },
    },
    token,
  );
  referralId = created.createReferral.referral.id;
}, HUB_START_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

describe('a referral to a service of the own organisation', () => {
  it('shows the flag with the note, and is rejected with "Geen budget" by keyboard only', async () => {
    const { page } = browser;
    await page.goto(`${running.origin}/`);
    await signInAs(page, WORKER);
    // The session lives in the page only: go there through the menu and the inbox, not by a new page load.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Warme overdracht' }).click();
    await page.getByRole('heading', { level: 1, name: 'Warme overdracht' }).waitFor();
    await page.getByRole('button', { name: 'Ontvangen' }).click();
    await page.locator(`a[href$="${referralId}"]`).first().click();
    await page.getByRole('heading', { level: 2, name: 'Verwijzing naar eigen organisatie' }).waitFor();
    expect(await page.getByText(NOTE).count()).toBe(1);
    await step('flagged');

    // Keyboard only: choose to reject, pick "Geen budget", explain and send.
    // A radio group is one tab stop: Tab to its first option, then the arrow key checks the next one.
    await tabTo(page, /^Ja, wij nemen de cliënt over$/);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByRole('radio', { name: 'Nee, wij wijzen de overdracht af' }).isChecked()).toBe(true);
    await page.getByLabel('Waarom wijst u af?').waitFor();
    await page.keyboard.press('Tab');
    expect((await focused(page)).label).toMatch(/Waarom wijst u af\?/);
    // "Geen budget" comes right after the preselected "Geen plek vrij".
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByLabel('Waarom wijst u af?').inputValue()).toBe('NO_FUNDS');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Het budget voor dagbesteding is dit kwartaal op.');
    await step('reject-no-funds');
    await tabTo(page, /^Overdracht afwijzen$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.hub-handover-status').first().textContent()).toBe('Afgewezen');
    expect(await page.locator('.hub-facts').first().textContent()).toContain('Geen budget: Het budget voor dagbesteding is dit kwartaal op.');
    // The flag stays visible after the answer.
    expect(await page.getByRole('heading', { level: 2, name: 'Verwijzing naar eigen organisatie' }).count()).toBe(1);
    await step('rejected');
  });

  it('asks an OCO for the note when it picks a service of its own organisation in the form', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Terug naar de overdrachten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Warme overdracht' }).waitFor();
    await page.getByRole('link', { name: 'Cliënt warm overdragen' }).click();
    await page.getByRole('heading', { level: 2, name: /Stap 1 van 5/ }).waitFor();
    await page.getByRole('radio', { name: new RegExp(CLIENT_FAMILY_NAME) }).check();
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await page.getByRole('heading', { level: 2, name: /Stap 2 van 5/ }).waitFor();
    await page.getByLabel('Soort organisatie').selectOption('OCO');
    await page.getByRole('radio', { name: /uw eigen organisatie/ }).check();
    await page.getByLabel('Naar welke dienst van uw eigen organisatie?').waitFor();
    // Without a service of its own, the own organisation is no receiver.
    expect(await page.getByRole('button', { name: 'Volgende stap' }).isDisabled()).toBe(true);
    await page.getByLabel('Naar welke dienst van uw eigen organisatie?').selectOption({ index: 1 });
    await step('form-own-service');
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await page.getByText('Geen toestemming nodig.').waitFor();
    await step('form-no-consent-needed');
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await page.getByRole('heading', { level: 2, name: /Stap 4 van 5/ }).waitFor();
    await page.getByLabel('Korte vraag aan de ontvanger').fill('Dagbesteding bij onze eigen dienst.');
    for (const id of ['situation', 'question', 'whatWasDone', 'agreements', 'openActions', 'network', 'risks', 'clientWishes']) {
      await page.locator(`#summary-${id}`).fill('Zie eerdere overdracht.');
    }
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await page.getByText('Leg uit waarom, in minstens 10 tekens.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('handover-independence-note');
    await step('form-note-missing');
    await page.keyboard.type(NOTE);
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await page.getByRole('heading', { level: 2, name: /Stap 5 van 5/ }).waitFor();
    expect(await page.locator('.hub-facts').textContent()).toContain(NOTE);
    await page.getByRole('button', { name: 'Overdracht versturen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Verwijzing naar eigen organisatie' }).waitFor();
    expect(await page.locator('.hub-handover-status').first().textContent()).toBe('Wacht op antwoord');
    await step('form-sent-flagged');
  });
});
