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
 * Signing in during development: the console lists the demo identities, one click (or Enter) each; the token stays in
 * memory; the header names the user and the organisation, the menu follows the role; an expired session says so in
 * Dutch; signing out forgets everything.
 */

let running: ConsoleHub;
let browser: ConsoleBrowser;

beforeAll(async () => {
  running = await startConsoleHub();
  browser = await launchBrowser(running.origin, 'dev-sign-in');
}, HUB_START_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

const menu = (b: ConsoleBrowser) => b.page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allTextContents();

describe('development sign-in in the console', () => {
  it('serves the console in Dutch under the Content-Security-Policy, without signing in', async () => {
    const { page } = browser;
    const response = await page.goto(`${running.origin}/`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    await expect.poll(() => page.title()).toBe('Start – Cliëntondersteuning hub');
    expect(await menu(browser)).toEqual(['Sociale kaart']);
    await browser.screenshot('start-anonymous');
    await expectNoAxeViolations(page, 'start');
  });

  it('signs in as a demo identity with the keyboard only (Tab and Enter)', async () => {
    const { page } = browser;
    await page.locator('body').focus();
    await tabTo(page, /^Naar de inhoud$/, 2);
    await tabTo(page, /^Inloggen$/, 5);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toBe(`${running.origin}/inloggen`);
    // Focus moved to the new page's heading, so the next Tab starts in the page.
    await expect.poll(async () => (await focused(page)).text).toBe('Inloggen');
    await page.getByRole('button', { name: 'Inloggen als Sanne de Vries' }).waitFor();
    await browser.screenshot('sign-in-page');
    await expectNoAxeViolations(page, 'sign-in page');
    expect(await page.getByText('Werkt in het toegangsteam of wijkteam van de gemeente.').count()).toBe(1);
    await atSmallSizes(page, async (size) => {
      await browser.screenshot(`sign-in-page-${size.replace(/\W+/g, '-')}`);
      await expectNoHorizontalScroll(page, `sign-in page at ${size}`);
    });

    await tabTo(page, /^Inloggen als Sanne de Vries$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toBe(`${running.origin}/sociale-kaart`);
    await expect.poll(() => page.locator('.hub-session__name').textContent()).toBe('Sanne de Vries');
    await expect.poll(() => page.locator('.hub-session__org').textContent()).toBe('Toegangsteam bij Gemeente Amsterdam');
    expect(await menu(browser)).toEqual(['Sociale kaart', 'Cliënten', 'Warme overdracht', 'Signaal melden', 'Advies', 'Meldingen']);
    await browser.screenshot('signed-in-toegang');
    await expectNoAxeViolations(page, 'signed in');
    await expectNoPersonalDataOutsideThePage(browser, ['Sanne de Vries', 'Sanne']);
  });

  it('keeps the token in memory only: a reload signs out', async () => {
    const { page } = browser;
    const token = await page.evaluate(() => JSON.stringify({ ...window.localStorage, ...window.sessionStorage }) + document.cookie);
    expect(token).toBe('{}');
    await page.reload();
    await page.getByRole('link', { name: 'Inloggen' }).first().waitFor();
    expect(await menu(browser)).toEqual(['Sociale kaart']);
  });

  it('says in Dutch that the session expired when the hub refuses the token, and offers to sign in again', async () => {
    const { page } = browser;
    await page.goto(`${running.origin}/`);
    await signInAs(page, 'Mohammed El Amrani');
    // The hub answers the next operation as it answers an expired token (HTTP 401, UNAUTHENTICATED).
    await page.route('**/graphql', (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/json',
        body: JSON.stringify({ errors: [{ message: 'The bearer token has expired.', extensions: { code: 'UNAUTHENTICATED' } }] }),
      }),
    );
    await page.getByRole('link', { name: 'Cliëntondersteuning hub' }).click();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Sociale kaart' }).click();
    await page.getByText('Uw sessie is verlopen.').waitFor();
    await page.unroute('**/graphql');
    expect(await page.getByRole('link', { name: 'Opnieuw inloggen' }).count()).toBe(1);
    expect(await menu(browser)).toEqual(['Sociale kaart']);
    await browser.screenshot('session-expired');
    await expectNoAxeViolations(page, 'session expired');
    await page.getByRole('link', { name: 'Opnieuw inloggen' }).click();
    await page.getByRole('button', { name: 'Inloggen als Mohammed El Amrani' }).click();
    // Back on the page the user was on when the session ended.
    await expect.poll(() => page.url()).toBe(`${running.origin}/sociale-kaart`);
  });

  it('shows each role its own menu, and signing out forgets the user', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByText('U bent uitgelogd.').waitFor();
    await signInAs(page, 'Anouk Mulder');
    // Member of the overlegtafel and klantadviseur of the zorgkantoor: both roles' areas.
    expect(await menu(browser)).toEqual([
      'Sociale kaart',
      'Cliënten',
      'Warme overdracht',
      'Nieuwe indicaties',
      'Signaal melden',
      'Advies',
      'Overlegtafel',
      'Meldingen',
    ]);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Overlegtafel' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overlegtafel Twente' }).waitFor();
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await signInAs(page, 'Karin Visser');
    expect(await menu(browser)).toEqual(['Sociale kaart', 'Privacy', 'Meldingen']);
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByText('U bent uitgelogd.').waitFor();
    expect(await menu(browser)).toEqual(['Sociale kaart']);
    await browser.screenshot('signed-out');
  });

  it('asks to sign in for a page of a role, and refuses a role that may not see it', async () => {
    const { page } = browser;
    await page.goto(`${running.origin}/privacy`);
    await page.getByRole('heading', { name: 'Inloggen nodig' }).waitFor();
    await page.getByRole('link', { name: 'Inloggen', exact: true }).last().click();
    await page.getByRole('button', { name: 'Inloggen als Sanne de Vries' }).click();
    await page.getByRole('heading', { name: 'Geen toegang' }).waitFor();
    await expectNoAxeViolations(page, 'no access');
  });

  it('made no request to another host and logged nothing in the console', () => {
    browser.expectOnlyOwnOrigin();
    // The only console errors are the refused request of the expiry test.
    expect(browser.messages.filter((m) => !m.includes('401'))).toEqual([]);
  });
});
