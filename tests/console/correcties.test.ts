import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENT, demoIds } from '@hub/domain';
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
 * Issue 14, the organisation's side: the demo client Anna Demohuis sends 21 correction requests to gemeente Amsterdam
 * (through the gateway, as Mijn gegevens does). The gemeente's toegangsmedewerker opens Correctieverzoeken from the
 * caseload, sees the newest 20, loads the last one by keyboard and opens the client from it.
 */

const GEMEENTE = demoIds.gemeenteOrganization('GM0363');
const COUNT = 21;
const requestText = (n: number) => `Verzoek nummer ${n}: mijn huisnummer klopt niet.`;

let running: ConsoleHub;
let browser: ConsoleBrowser;

const tokenOf = (subject: string) => devSignInToken(running.origin, subject);

beforeAll(async () => {
  running = await startConsoleHub();
  browser = await launchBrowser(running.origin, 'correcties');
  const token = await tokenOf(DEMO_CLIENT.subject);
  for (let n = 1; n <= COUNT; n++) {
    const res = await fetch(`${running.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: 'mutation($input: RequestCorrectionInput!) { requestCorrection(input: $input) { correctionRequest { id } } }',
        variables: { input: { organizationId: GEMEENTE, description: requestText(n) } },
      }),
    });
    const answer = (await res.json()) as { data?: { requestCorrection: { correctionRequest: { id: string } } }; errors?: unknown[] };
    expect(answer.data?.requestCorrection.correctionRequest.id, JSON.stringify(answer.errors)).toBeTruthy();
  }
}, HUB_START_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

async function step(name: string): Promise<void> {
  await browser.screenshot(name);
  await expectNoAxeViolations(browser.page, name);
}

const cards = (page: Page) => page.locator('section.hub-card');

describe('Correctieverzoeken in the console', () => {
  it('a toegangsmedewerker of the gemeente reads the requests, newest first, and loads more by keyboard', async () => {
    const { page } = browser;
    await page.goto(`${running.origin}/`);
    await signInAs(page, 'Sanne de Vries');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cliënten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cliënten' }).waitFor();
    await page.getByRole('link', { name: 'Correctieverzoeken van cliënten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Correctieverzoeken' }).waitFor();
    await expect.poll(() => cards(page).count()).toBe(20);
    expect(await cards(page).first().textContent()).toContain(requestText(COUNT));
    expect(await page.locator('main').textContent()).toContain('20 verzoeken getoond; er zijn er meer.');
    await step('first-page');
    await atSmallSizes(page, async (size) => {
      await browser.screenshot(`first-page-${size.replace(/\W+/g, '-')}`);
      await expectNoHorizontalScroll(page, `correction requests at ${size}`);
    });

    // Keyboard only: to "Meer laden", then to the client link of the last request.
    await tabTo(page, /^Meer laden$/, 120);
    expect((await focused(page)).tag).toBe('button');
    await page.keyboard.press('Enter');
    await expect.poll(() => cards(page).count()).toBe(COUNT);
    expect(await cards(page).last().textContent()).toContain(requestText(1));
    expect(await page.getByRole('button', { name: 'Meer laden' }).count()).toBe(0);
    // The button is gone; focus is on the first request it brought.
    await expect.poll(async () => (await focused(page)).text).toContain('Verzoek 21, verstuurd op');
    expect(await page.locator('main').textContent()).toContain(`${COUNT} verzoeken.`);
    await step('all-loaded');
    await cards(page)
      .last()
      .getByRole('link', { name: `Cliënt van verzoek ${COUNT} bekijken` })
      .focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: DEMO_CLIENT.name }).waitFor();
    await step('client');

    browser.expectOnlyOwnOrigin();
    await expectNoPersonalDataOutsideThePage(browser, [DEMO_CLIENT.bsn, DEMO_CLIENT.name, 'Demohuis', requestText(1), requestText(COUNT)]);
  });
});
