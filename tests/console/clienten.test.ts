import { isValidBsn } from '@hub/domain';
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
 * The client journey of a cliëntondersteuner of gemeente Amsterdam (demo identity Mohammed El Amrani): the own
 * caseload with a search by name, registering a client (the BSN checked in the form before anything is sent), the
 * client across domains with what the organisation may see of the zorgkantoor's Wlz trajectory and why not, recording
 * and revoking a consent, adding a contact moment and closing the trajectory. Every step: a screenshot, axe-core, and
 * no personal data in the URL, web storage or console; the main path once more with the keyboard only.
 */

let running: ConsoleHub;
let browser: ConsoleBrowser;
/** Operation names of every GraphQL request the page sent, in order. */
const operations: string[] = [];
let steps = 0;

/** A BSN outside the demo range that passes the elfproef, new for this run. */
function freshBsn(): string {
  for (let n = 10_000_000 + (Date.now() % 80_000_000); ; n++) {
    const candidate = `1${String(n).slice(-7)}`;
    for (let d = 0; d <= 9; d++) if (isValidBsn(`${candidate}${d}`)) return `${candidate}${d}`;
  }
}
const BSN = freshBsn();
const NEW_CLIENT = { givenName: 'Roos', namePrefix: 'van', familyName: 'Journeyhuis' };
const NEW_NAME = 'Roos van Journeyhuis';
const FORBIDDEN_OUTSIDE = [BSN, NEW_NAME, 'Journeyhuis', 'Testerveld', 'Demohuis', 'Mohammed El Amrani'];

beforeAll(async () => {
  running = await startConsoleHub();
  browser = await launchBrowser(running.origin, 'clienten');
  browser.page.on('request', (request) => {
    if (!request.url().endsWith('/graphql')) return;
    const body = request.postDataJSON() as { operationName?: string } | null;
    // The menu asks the unread count on its own schedule (every minute, each navigation): not part of the forms' order.
    if (body?.operationName === 'UnreadNotificationCount') return;
    operations.push(body?.operationName ?? '-');
  });
}, HUB_START_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

/** One step of the journey: a screenshot, axe-core, and nothing personal outside the page. */
async function step(name: string): Promise<void> {
  steps += 1;
  await browser.screenshot(name);
  await expectNoAxeViolations(browser.page, name);
  await expectNoPersonalDataOutsideThePage(browser, FORBIDDEN_OUTSIDE);
}

const main = (page: Page) => page.locator('main');
const heading = (page: Page) => page.locator('main h1');

describe('client journey in the console (cliëntondersteuner, gemeente Amsterdam)', () => {
  it('shows the own caseload and finds a client by name without putting the name in the URL', async () => {
    const { page } = browser;
    await page.goto(`${running.origin}/`);
    await signInAs(page, 'Mohammed El Amrani');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cliënten' }).click();
    await page.getByRole('table', { name: /Uw cliënten/ }).waitFor();
    expect(await page.getByRole('table').getByRole('row').count()).toBeGreaterThan(2);
    await step('caseload');
    await atSmallSizes(page, async (size) => {
      await browser.screenshot(`caseload-${size.replace(/\W+/g, '-')}`);
      await expectNoHorizontalScroll(page, `caseload at ${size}`);
    });

    await page.getByLabel('Zoek op naam').fill('testerveld');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('table', { name: /Gevonden cliënten/ }).waitFor();
    // The caseload stays on screen while the search is asked; wait until the answer has replaced it.
    await page.waitForFunction(() => {
      const links = [...document.querySelectorAll('table a')];
      return links.length > 0 && links.every((a) => a.textContent?.includes('Testerveld'));
    });
    const names = await page.getByRole('table').getByRole('link').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toContain('Testerveld');
    expect(page.url()).toBe(`${running.origin}/clienten`);
    await step('caseload-search');
  });

  it('registers a client: a wrong BSN is refused in the form before anything is sent', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Nieuwe cliënt aanmelden' }).click();
    await heading(page).getByText('Nieuwe cliënt aanmelden').waitFor();
    await page.getByLabel('BSN (niet verplicht)').fill('123456789');
    await page.getByLabel('Voornaam').fill(NEW_CLIENT.givenName);
    await page.getByLabel('Tussenvoegsel (niet verplicht)').fill(NEW_CLIENT.namePrefix);
    await page.getByLabel('Achternaam').fill(NEW_CLIENT.familyName);
    await page.getByLabel('Geboortedatum').fill('1948-03-14');
    await page.getByLabel('Telefoon (niet verplicht)').fill('020-5559876');
    await page.getByLabel('Hulpvraag').fill('Ik wil hulp bij het kiezen van zorg thuis.');
    const sentBefore = operations.length;
    await page.getByRole('button', { name: 'Cliënt aanmelden' }).click();
    await page.getByRole('alert').getByText('Niet alles is goed ingevuld.').waitFor();
    expect(await main(page).getByText('Dit is geen geldig BSN.').count()).toBeGreaterThan(0);
    expect(operations.slice(sentBefore)).toEqual([]);
    expect(await page.getByLabel('BSN (niet verplicht)').getAttribute('aria-invalid')).toBe('true');
    await step('register-wrong-bsn');

    await page.getByLabel('BSN (niet verplicht)').fill(BSN);
    await page.getByRole('button', { name: 'Cliënt aanmelden' }).click();
    await heading(page).getByText(NEW_NAME).waitFor();
    expect(operations.slice(sentBefore, sentBefore + 2)).toEqual(['RegisterClient', 'OpenTrajectory']);
    await page.getByText('De cliënt is aangemeld en het traject is geopend.').waitFor();
    expect(page.url()).toMatch(new RegExp(`^${running.origin}/clienten/[0-9a-f-]{36}$`));
    await step('client-registered');
  });

  it('records a consent for the zorgkantoor and revokes it', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Toestemming vastleggen' }).click();
    await heading(page).getByText('Toestemming vastleggen').waitFor();
    await page.getByRole('option', { name: 'Zorgkantoor Amsterdam' }).waitFor({ state: 'attached' });
    await page.getByLabel('Met welke organisatie?').selectOption({ label: 'Zorgkantoor Amsterdam' });
    await page.getByLabel('Wie de cliënt is').check();
    await page.getByLabel('De hulpvraag').check();
    await page.getByLabel('Mondeling, door u genoteerd').check();
    await step('consent-form');
    await page.getByRole('button', { name: 'Toestemming vastleggen' }).click();
    await heading(page).getByText(NEW_NAME).waitFor();
    await page.getByText('De toestemming is vastgelegd.').waitFor();
    const row = page.getByRole('table', { name: 'Toestemmingen van de cliënt' }).getByRole('row', { name: /Zorgkantoor Amsterdam/ });
    await expect.poll(() => row.textContent()).toContain('Geldig');
    expect(await row.textContent()).toContain('Wie de cliënt is, De hulpvraag');
    await step('consent-recorded');

    await row.getByRole('button', { name: 'Toestemming voor Zorgkantoor Amsterdam intrekken' }).click();
    await page.getByText('De toestemming voor Zorgkantoor Amsterdam is ingetrokken.').waitFor();
    await expect.poll(() => row.textContent()).toContain('Ingetrokken');
    await step('consent-revoked');
  });

  it('adds a contact moment to the plan and closes the trajectory', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Plan, doelen en contactmomenten van dit traject' }).click();
    await heading(page).getByText(`Traject van ${NEW_NAME}`).waitFor();
    await page.getByText('Er zijn nog geen contactmomenten.').waitFor();
    await page.getByLabel('Samenvatting').fill('Telefonisch gesproken over de aanvraag.');
    await page.getByRole('button', { name: 'Contactmoment toevoegen' }).click();
    await page.getByText('Het contactmoment is toegevoegd.').waitFor();
    await page.getByText(/telefoon: Telefonisch gesproken over de aanvraag\./).waitFor();
    await step('contact-moment-added');

    await page.getByLabel('De vraag is beantwoord, de doelen zijn bereikt').check();
    await page.getByRole('button', { name: 'Traject afsluiten' }).click();
    await page.getByText('Het traject is afgesloten.').waitFor();
    await main(page)
      .getByText(/afgesloten op/)
      .waitFor();
    expect(await page.getByRole('button', { name: 'Contactmoment toevoegen' }).count()).toBe(0);
    await step('trajectory-closed');
  });

  it("shows the client across domains: what the gemeente may see of the zorgkantoor's Wlz trajectory, and why not", async () => {
    const { page } = browser;
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cliënten' }).click();
    await page.getByLabel('Zoek op naam').fill('Anna Demohuis');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page
      .getByRole('table', { name: /Gevonden cliënten/ })
      .getByRole('link', { name: 'Anna Demohuis' })
      .click();
    await heading(page).getByText('Anna Demohuis').waitFor();
    const wlz = page.getByRole('region', { name: /Wlz \(langdurige zorg\) bij Zorgkantoor Amsterdam/ });
    await wlz.waitFor();
    const rowOf = (name: string) => wlz.getByRole('row', { name: new RegExp(`^${name}`) });
    expect(await rowOf('Gegevens voor de overdracht').getByRole('cell').first().textContent()).toBe('Ja');
    expect(await rowOf('De hulpvraag').getByRole('cell').first().textContent()).toBe('Ja');
    const plan = await rowOf('Plan en doelen').textContent();
    expect(plan).toContain('Nee');
    expect(plan).toContain('Er is geen toestemming vastgelegd.');
    expect(plan).toContain('Nodig: toestemming van de cliënt voor “Plan en doelen” met het doel “Samen ondersteunen”.');
    expect(await rowOf('Contactmomenten').textContent()).toContain('Nee');
    // Its own Wmo trajectory it sees in full.
    await page.getByRole('region', { name: /Wmo, maatwerk \(na onderzoek\) bij uw organisatie/ }).waitFor();
    await step('client-across-domains');
    await atSmallSizes(page, async (size) => {
      await browser.screenshot(`client-across-domains-${size.replace(/\W+/g, '-')}`);
      await expectNoHorizontalScroll(page, `client across domains at ${size}`);
    });
  });

  it('walks the main path with the keyboard only: search the caseload, open the client', async () => {
    const { page } = browser;
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cliënten' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).text).toBe('Cliënten');
    await tabTo(page, /^Zoek op naam$/);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Chantal');
    await page.keyboard.press('Enter');
    await page.getByRole('table', { name: /Gevonden cliënten/ }).waitFor();
    await tabTo(page, /^Chantal de Voorbeeld$/);
    await page.keyboard.press('Enter');
    await heading(page).getByText('Chantal de Voorbeeld').waitFor();
    await expect.poll(async () => (await focused(page)).text).toBe('Chantal de Voorbeeld');
    await tabTo(page, /^Toestemming vastleggen$/);
    await step('keyboard-client');
  });

  it('sent nothing to another host and logged nothing in the console', () => {
    browser.expectOnlyOwnOrigin();
    expect(browser.messages).toEqual([]);
    console.info(`client journey: ${steps} steps`);
  });
});
