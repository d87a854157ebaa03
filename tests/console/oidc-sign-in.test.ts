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
  startConsoleHub,
  tabTo,
} from './browser.ts';
import { productionEnv, startOidcProvider, TEST_PASSWORD, type TestOidcProvider } from './oidc-provider.ts';

/**
 * Signing in in production: OpenID Connect, authorization code with PKCE, against a real provider (oidc-provider)
 * started here. The hub runs with NODE_ENV=production and trusts only that provider (AUTH_ISSUERS); the console sends
 * the browser to the provider's pages, the gateway exchanges the code, the access token (a JWT with the hub's claims)
 * stays in memory. A real query succeeds with it; the provider's short token lifetime ends the session with a Dutch
 * message; signing out also signs out at the provider. The browser talks to the hub's origin, and to the provider's
 * origin only by navigating there.
 */

let provider: TestOidcProvider;
let running: ConsoleHub;
let browser: ConsoleBrowser;
/** Answers with status 404 the browser received (the console logs each as a failed resource). */
const notFound: string[] = [];

beforeAll(async () => {
  provider = await startOidcProvider();
  running = await startConsoleHub(productionEnv(provider));
  provider.serve(running.origin);
  browser = await launchBrowser(running.origin, 'oidc-sign-in');
  browser.context.on('response', (response) => {
    if (response.status() === 404) notFound.push(response.url());
  });
}, HUB_START_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
  await running?.stop();
  await provider?.stop();
});

const menu = (b: ConsoleBrowser) => b.page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allTextContents();
const MOHAMMED = 'demo-co-amsterdam';

/** The provider's own login and consent pages, as a user fills them in. */
async function signInAtProvider(page: Page, login: string): Promise<void> {
  await expect.poll(() => page.url(), { timeout: 30_000 }).toMatch(new RegExp(`^${provider.issuer}/interaction/`));
  await page.getByLabel('Gebruikersnaam').fill(login);
  await page.getByLabel('Wachtwoord').fill(TEST_PASSWORD);
  await browser.screenshot('provider-login');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('button', { name: 'Toestaan' }).waitFor();
  await browser.screenshot('provider-consent');
  await page.getByRole('button', { name: 'Toestaan' }).click();
}

/** Nothing at rest in the browser for the console's origin: web storage empty, no cookie. */
async function expectNothingStored(): Promise<void> {
  const { page, context } = browser;
  const storage = await page.evaluate(() => ({ local: window.localStorage.length, session: window.sessionStorage.length, cookie: document.cookie }));
  expect(storage).toEqual({ local: 0, session: 0, cookie: '' });
  expect(await context.cookies(running.origin)).toEqual([]);
}

describe('production sign-in with OpenID Connect', () => {
  it('offers only the sign-in at the organisation, never the development sign-in', async () => {
    const { page } = browser;
    const response = await page.goto(`${running.origin}/`);
    expect(response?.status()).toBe(200);
    await page.getByRole('link', { name: 'Inloggen' }).first().click();
    await page.getByRole('button', { name: 'Inloggen bij uw organisatie' }).waitFor();
    expect(await page.getByRole('button', { name: /^Inloggen als / }).count()).toBe(0);
    await browser.screenshot('sign-in-page');
    await expectNoAxeViolations(page, 'sign-in page');
    await atSmallSizes(page, async (size) => {
      await browser.screenshot(`sign-in-page-${size.replace(/\W+/g, '-')}`);
      await expectNoHorizontalScroll(page, `sign-in page at ${size}`);
    });
    const dev = await page.evaluate(async () => (await fetch('/dev/identities')).status);
    expect(dev).toBe(404);
  });

  it('signs in with the keyboard: authorization code with PKCE at the provider, the token in memory only', async () => {
    const { page } = browser;
    await page.locator('body').focus();
    await tabTo(page, /^Inloggen bij uw organisatie$/);
    await page.keyboard.press('Enter');
    await signInAtProvider(page, MOHAMMED);

    // Back in the console, on the start page, signed in; the callback's code and state are gone from the address bar.
    await expect.poll(() => page.locator('.hub-session__name').textContent(), { timeout: 30_000 }).toBe('Mohammed El Amrani');
    expect(page.url()).toBe(`${running.origin}/`);
    expect(await menu(browser)).toEqual(['Sociale kaart', 'Cliënten', 'Warme overdracht', 'Signaal melden', 'Advies', 'Meldingen']);
    // Focus on the start page's heading, as after every navigation.
    await expect.poll(async () => (await focused(page)).text).toBe('Cliëntondersteuning hub');
    await browser.screenshot('signed-in');
    await expectNoAxeViolations(page, 'signed in');

    // The authorization request: PKCE with S256, a state and a nonce; the verifier itself never left the browser.
    const authorization = browser.requests.map((r) => new URL(r)).find((u) => u.origin === provider.issuer && u.pathname === '/auth');
    expect(authorization?.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization?.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorization?.searchParams.get('state')).toMatch(/^[\w-]{43}$/);
    expect(authorization?.searchParams.get('nonce')).toMatch(/^[\w-]{43}$/);
    expect(authorization?.searchParams.get('response_type')).toBe('code');
    expect(browser.requests.some((r) => r.includes('code_verifier'))).toBe(false);
    // The code was exchanged by the hub, not by the browser at the provider's token endpoint.
    expect(provider.requests.filter((r) => r.startsWith('/token')).length).toBe(1);
    expect(browser.requests.some((r) => r.startsWith(`${provider.issuer}/token`))).toBe(false);
    await expectNothingStored();
  }, 180_000);

  it('opens Cliënten: a real query of the hub succeeds with the provider’s token', async () => {
    const { page } = browser;
    const answer = page.waitForResponse((r) => r.url() === `${running.origin}/graphql` && r.request().postData()?.includes('Caseload') === true);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cliënten' }).click();
    expect((await answer).status()).toBe(200);
    await page.getByText('Er zijn hier nog geen trajecten.').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await browser.screenshot('clienten');
    await expectNoAxeViolations(page, 'clienten');
    await expectNothingStored();
  });

  it('signs out in the console and at the provider', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await expect.poll(() => page.url(), { timeout: 30_000 }).toMatch(new RegExp(`^${provider.issuer}/session/end`));
    await page.getByRole('button', { name: 'Ja, uitloggen' }).click();
    await expect.poll(() => page.url(), { timeout: 30_000 }).toBe(`${running.origin}/uitgelogd`);
    await page.getByRole('heading', { name: 'Uitgelogd' }).waitFor();
    expect(await menu(browser)).toEqual(['Sociale kaart']);
    await browser.screenshot('signed-out');
    await expectNoAxeViolations(page, 'signed out');
    await expectNothingStored();
  }, 180_000);

  it('says in Dutch that the session expired when the provider’s token runs out, and offers to sign in again', async () => {
    const { page } = browser;
    provider.setAccessTokenTtl(15);
    // Asked to sign in on a page of the role: after signing in, the console comes back to that page.
    await page.goto(`${running.origin}/clienten`);
    await page.getByRole('heading', { name: 'Inloggen nodig' }).waitFor();
    await page.getByRole('link', { name: 'Inloggen', exact: true }).last().click();
    await page.getByRole('button', { name: 'Inloggen bij uw organisatie' }).click();
    // Signed out at the provider before: it asks for the password again.
    await signInAtProvider(page, MOHAMMED);
    await expect.poll(() => page.locator('.hub-session__name').textContent(), { timeout: 30_000 }).toBe('Mohammed El Amrani');
    await expect.poll(() => page.url()).toBe(`${running.origin}/clienten`);
    // No route is intercepted: the token's own expiry (15 s from the provider) ends the session.
    await page.getByText('Uw sessie is verlopen.').waitFor({ timeout: 60_000 });
    expect(await menu(browser)).toEqual(['Sociale kaart']);
    expect(await page.getByRole('heading', { name: 'Inloggen nodig' }).count()).toBe(1);
    await browser.screenshot('session-expired');
    await expectNoAxeViolations(page, 'session expired');
    await expectNothingStored();
    provider.setAccessTokenTtl(600);
    expect(await page.getByRole('link', { name: 'Opnieuw inloggen' }).count()).toBe(1);
  }, 180_000);

  it('refuses a return from the provider whose state this tab did not start, without asking the hub', async () => {
    const { page } = browser;
    const before = browser.requests.length;
    await page.goto(`${running.origin}/inloggen/terug?code=forged-code&state=forged-state`);
    await page.getByText('Deze inlog is niet gestart in dit tabblad').waitFor();
    expect(page.url()).toBe(`${running.origin}/inloggen/terug`);
    expect(browser.requests.slice(before).some((r) => r.endsWith('/auth/token'))).toBe(false);
    await browser.screenshot('state-refused');
    await expectNoAxeViolations(page, 'state refused');
    expect(await page.locator('.hub-session__name').count()).toBe(0);
  });

  it('talked only to the hub’s origin, and to the provider’s only by navigating there', () => {
    const foreign = browser.requests.filter(
      (url) => !url.startsWith(`${running.origin}/`) && !url.startsWith(`${provider.issuer}/`) && !url.startsWith('data:'),
    );
    expect(foreign).toEqual([]);
    // At the provider: its pages and their forms only (the browser never fetched its token or JWKS endpoints).
    const atProvider = browser.requests.filter((url) => url.startsWith(`${provider.issuer}/`)).map((url) => new URL(url).pathname);
    for (const path of atProvider) expect(path).toMatch(/^\/(auth|interaction|session\/end|favicon\.ico)(\/|$)/);
    // The only failed resources: the development sign-in that production does not have, and the provider's favicon.
    expect(notFound.map((url) => new URL(url).pathname).filter((path) => path !== '/favicon.ico')).toEqual(['/dev/identities']);
    expect(browser.messages.filter((m) => !m.includes('404 (Not Found)'))).toEqual([]);
    // The user's name never travelled in a URL, nor in a console message.
    for (const text of ['Mohammed', 'El Amrani']) {
      for (const url of browser.requests) expect(decodeURIComponent(url)).not.toContain(text);
      for (const message of browser.messages) expect(message).not.toContain(text);
    }
  });
});
