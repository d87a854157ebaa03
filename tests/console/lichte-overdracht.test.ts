import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '@hub/domain';
import {
  type ConsoleBrowser,
  type ConsoleHub,
  devSignInToken,
  expectNoAxeViolations,
  expectNoPersonalDataOutsideThePage,
  graphqlData,
  HUB_START_TIMEOUT_MS,
  launchBrowser,
  signInAs,
  startConsoleHub,
} from './browser.ts';

/**
 * The light handover from informal to formal support: Bram Hendriks, a volunteer cliëntondersteuner of Welzijn
 * Amsterdam, calls in the demo OCO for a client he supports. He fills in only the situation, the question and the
 * client's wishes; the other parts may stay empty. Ellen Bakker of the OCO receives it and reads that the volunteer
 * stays involved and keeps the regie. (The API refuses the light kind from any organisation that is not WELZIJN:
 * subgraphs/referrals/test/light-handover.test.ts.)
 */

const VOLUNTEER = { subject: 'demo-vrijwilliger-amsterdam', name: 'Bram Hendriks' };
const RECEIVER = 'Ellen Bakker';
const OCO = demoIds.ocoOrganization(0);
const CLIENT_FAMILY_NAME = 'Lichtvoet';
const SITUATION = 'Meneer woont alleen en raakt de weg kwijt in de post en de rekeningen.';
const WISHES = 'Zelf blijven beslissen, met iemand die meekijkt.';

let running: ConsoleHub;
let browser: ConsoleBrowser;

const graphql = <T>(query: string, variables: Record<string, unknown>, token?: string) => graphqlData<T>(running.origin, query, variables, token);

async function step(name: string): Promise<void> {
  await browser.screenshot(name);
  await expectNoAxeViolations(browser.page, name);
  await expectNoPersonalDataOutsideThePage(browser, [CLIENT_FAMILY_NAME, SITUATION]);
}

beforeAll(async () => {
  running = await startConsoleHub();
  browser = await launchBrowser(running.origin, 'lichte-overdracht');
  // The volunteer's client, trajectory and the client's consent for the OCO come through the API; the test is the form.
  const token = await devSignInToken(running.origin, VOLUNTEER.subject);
  const client = await graphql<{ registerClient: { client: { id: string } } }>(
    'mutation R($input: RegisterClientInput!) { registerClient(input: $input) { client { id } } }',
    { input: { name: { givenName: 'Kees', familyName: CLIENT_FAMILY_NAME }, dateOfBirth: '1948-02-03', gemeenteCode: 'GM0363' } },
    token,
  );
  const clientId = client.registerClient.client.id;
  await graphql(
    'mutation T($input: OpenTrajectoryInput!) { openTrajectory(input: $input) { trajectory { id } } }',
    {
      input: {
        clientId,
        legalDomain: 'WMO_MAATWERKVOORZIENING',
        journeyPhase: 'BEFORE_INDICATION',
        hulpvraag: 'Hulp bij de administratie.',
        counsellor: { userId: VOLUNTEER.subject, name: VOLUNTEER.name, formality: 'INFORMAL' },
      },
    },
    token,
  );
  await graphql(
    'mutation C($input: RecordConsentInput!) { recordConsent(input: $input) { consent { id } } }',
    {
      input: {
        clientId,
        receivingOrganizationId: OCO,
        categories: ['IDENTITY', 'QUESTION', 'HANDOVER'],
        purpose: 'WARM_HANDOVER',
        givenBy: 'CLIENT',
        recordedHow: 'VERBAL',
      },
    },
    token,
  );
}, HUB_START_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

describe('a volunteer calls in a professional with a light handover', () => {
  it('sends it with three parts of the summary, and the OCO reads that the volunteer stays involved', async () => {
    const { page } = browser;
    await page.goto(`${running.origin}/`);
    await signInAs(page, VOLUNTEER.name);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Warme overdracht' }).click();
    await page.getByRole('heading', { level: 1, name: 'Warme overdracht' }).waitFor();
    await page.getByRole('link', { name: 'Cliënt warm overdragen' }).click();
    await page.getByRole('heading', { level: 2, name: /Stap 1 van 5/ }).waitFor();
    await page.getByRole('radio', { name: new RegExp(CLIENT_FAMILY_NAME) }).check();
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await page.getByRole('heading', { level: 2, name: /Stap 2 van 5/ }).waitFor();
    await page.getByLabel('Soort organisatie').selectOption('OCO');
    // Ellen's OCO, by its id: the list is alphabetical and paged, so load more organisations until it is there.
    await page
      .getByRole('radio', { name: /^Onafhankelijke Cliëntondersteuning/ })
      .first()
      .waitFor();
    const receiver = page.locator(`#receiver-${OCO}`);
    while ((await receiver.count()) === 0) await page.getByRole('button', { name: 'Meer organisaties laden' }).click();
    await receiver.check();
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await page.getByRole('heading', { level: 2, name: /Stap 3 van 5/ }).waitFor();
    await page.getByText('De toestemming is in orde.').waitFor();
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await page.getByRole('heading', { level: 2, name: /Stap 4 van 5/ }).waitFor();

    // The light option, and with it the parts that may stay empty.
    await page.getByLabel('Lichte overdracht (vrijwilliger haalt professional erbij)').check();
    expect(await page.getByText('(mag leeg blijven)').count()).toBe(5);
    await page.getByLabel('Korte vraag aan de ontvanger').fill('Kunt u meekijken met de administratie?');
    await page.locator('#summary-situation').fill(SITUATION);
    await page.locator('#summary-question').fill('Een professional die helpt de administratie op orde te krijgen.');
    await page.locator('#summary-clientWishes').fill(WISHES);
    await step('light-summary');
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await page.getByRole('heading', { level: 2, name: /Stap 5 van 5/ }).waitFor();
    await page.getByRole('button', { name: 'Overdracht versturen' }).click();
    await page.getByText(/De vrijwilliger blijft betrokken en houdt de regie/).waitFor();
    expect(await page.locator('.hub-handover-status').first().textContent()).toBe('Wacht op antwoord');
    await step('light-sent');
    const referralId = page.url().split('/').pop() ?? '';
    expect(referralId).toMatch(/^[0-9a-f-]{36}$/);

    // The OCO's cliëntondersteuner sees the same in her inbox.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByText('U bent uitgelogd.').waitFor();
    await signInAs(page, RECEIVER);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Warme overdracht' }).click();
    await page.getByRole('heading', { level: 1, name: 'Warme overdracht' }).waitFor();
    await page.getByRole('button', { name: 'Ontvangen' }).click();
    await page.locator(`a[href$="${referralId}"]`).first().click();
    await page.getByText(/De vrijwilliger blijft betrokken en houdt de regie/).waitFor();
    expect(await page.getByText(WISHES).count()).toBe(1);
    // The five parts the volunteer left empty say so.
    expect(await page.locator('.hub-facts').getByText('Niet ingevuld').count()).toBe(5);
    await step('light-received');
  });
});
