import type { Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtpServer, type TestSmtpServer } from '@hub/testing';
import {
  atSmallSizes,
  type ConsoleBrowser,
  type ConsoleHub,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  expectNoPersonalDataOutsideThePage,
  focused,
  graphqlData,
  HUB_START_TIMEOUT_MS,
  launchBrowser,
  signInAs,
  startConsoleHub,
  tabTo,
} from './browser.ts';
import { sendReferralByApi } from './referral-setup.ts';

/**
 * A small provider without accounts answers a handover from the e-mail link, without signing in. Gemeente Amsterdam
 * sends a handover to a care provider of the sociale kaart whose people never used the hub; the hub e-mails a
 * single-use link to the provider's registered address, over SMTP to a real SMTP server started here (@hub/testing). The provider
 * opens the link, rejects with a reason by keyboard only, and sees a confirmation; the link then no longer works, and an
 * altered link gets the same calm message. The sender sees the new status and the link as used. A second handover's
 * link is revoked by the sender in the console, after which it no longer opens.
 */

const SENDER = { subject: 'demo-co-amsterdam', name: 'Mohammed El Amrani' };
/** The registered address of the provider, set for this test (the demo data registers none). */
const PROVIDER_EMAIL = 'aanmelden@kleine-zorg.demo.example';
const LINK = /\/link#([A-Za-z0-9_-]+)/;

let smtp: TestSmtpServer;
let running: ConsoleHub;
let browser: ConsoleBrowser;
let provider: { id: string; name: string };

const gql = <T>(query: string, variables: Record<string, unknown> = {}, token?: string) => graphqlData<T>(running.origin, query, variables, token);

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  running = await startConsoleHub({ SMTP_URL: smtp.url, NOTIFY_MAIL_INTERVAL_MS: '250', NOTIFY_RETRY_BASE_SECONDS: '1' });
  browser = await launchBrowser(running.origin, 'link');
  // A care provider of the demo sociale kaart: nobody of it has an account, so handovers reach it by e-mail only.
  const organizations = await gql<{ organizations: { nodes: { id: string; name: string }[] } }>(
    'query O { organizations(type: ZORGAANBIEDER, first: 100) { nodes { id name } } }',
  );
  const found = organizations.organizations.nodes.find((o) => !o.name.startsWith('Stichting Opvang'));
  if (!found) throw new Error('The demo data has no care provider.');
  provider = found;
  await running.hub.database.db.execute(sql`update sociale_kaart.organization set email = ${PROVIDER_EMAIL} where id = ${provider.id}::uuid`);
}, HUB_START_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
  await running?.stop();
  await smtp?.close();
});

/**
 * Every step: a screenshot, axe-core, nothing personal outside the page. While a link is open its token is in the
 * address bar's fragment (the browser sends a fragment nowhere); after the answer it must be gone from there too.
 */
async function step(name: string, forbidden: string[]): Promise<void> {
  await browser.screenshot(name);
  await expectNoAxeViolations(browser.page, name);
  await expectNoPersonalDataOutsideThePage(browser, forbidden);
}

/** Sends a handover to the provider and returns it with the token of the link e-mailed for it. */
async function handoverWithLink(clientFamilyName: string): Promise<{ referralId: string; token: string; mailText: string }> {
  const before = smtp.messagesTo(PROVIDER_EMAIL).length;
  const { referralId } = await sendReferralByApi(running.origin, {
    senderSubject: SENDER.subject,
    senderName: SENDER.name,
    toOrganizationId: provider.id,
    kind: 'OTHER',
    clientFamilyName,
  });
  await expect.poll(() => smtp.messagesTo(PROVIDER_EMAIL).length, { timeout: 90_000, interval: 250 }).toBeGreaterThan(before);
  const message = smtp.messagesTo(PROVIDER_EMAIL)[before];
  const token = LINK.exec(message?.text ?? '')?.[1] ?? '';
  expect(token.length).toBeGreaterThanOrEqual(16);
  return { referralId, token, mailText: `${message?.subject ?? ''}\n${message?.text ?? ''}` };
}

const heading1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

/** In a radio group that has focus, moves with the arrow keys (which also check) to the option with this label. */
async function arrowTo(page: Page, name: RegExp, max = 20): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (name.test((await focused(page)).label)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`No option named ${name} in the radio group.`);
}

describe('Link page: a provider without accounts answers a handover from the e-mail', () => {
  let first: { referralId: string; token: string; mailText: string };
  const CLIENT = 'Linkervoort';

  it('says calmly that an unknown link does not work, without sending the visitor to sign in', async () => {
    const { page } = browser;
    // The gateway serves the console at /link like any console path, under its Content-Security-Policy.
    const response = await page.goto(`${running.origin}/link#${'x'.repeat(43)}`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("connect-src 'self'");
    await heading1(page, 'Deze link werkt niet (meer)');
    expect(new URL(page.url()).pathname).toBe('/link');
    expect(await page.getByText('Inloggen nodig').count()).toBe(0);
    // The page asked the hub with the token in the body of a POST, never in a URL.
    expect(browser.requests.some((url) => url.includes('x'.repeat(43)))).toBe(false);
    await step('unknown', []);
  });

  it('e-mails the provider a single-use link without anything personal in it', { timeout: 120_000 }, async () => {
    first = await handoverWithLink(CLIENT);
    expect(first.mailText).not.toContain(CLIENT);
    expect(first.mailText).not.toContain('Wim');
  });

  it('shows the handover without signing in, and rejects it with a reason by keyboard only', async () => {
    const { page } = browser;
    await page.goto(`${running.origin}/link#${first.token}`);
    await heading1(page, 'Overdracht beantwoorden');
    const main = page.locator('main');
    await main.getByText('Gemeente Amsterdam').first().waitFor();
    expect(await main.textContent()).not.toContain(CLIENT);
    // Not signed in, and not sent to the sign-in page.
    expect(new URL(page.url()).pathname).toBe('/link');
    expect(await page.getByRole('link', { name: 'Inloggen' }).count()).toBeGreaterThan(0);
    await step('answer-form', [CLIENT]);
    await atSmallSizes(page, async (size) => {
      await browser.screenshot(`answer-form-${size.replace(/\W+/g, '-')}`);
      await expectNoHorizontalScroll(page, `link page at ${size}`);
    });

    // Sending without a choice says what is missing and puts the focus on the question.
    await page.getByRole('heading', { level: 1 }).focus();
    await tabTo(page, /^Antwoord versturen$/);
    await page.keyboard.press('Enter');
    await page.getByText('Kies of u de cliënt overneemt.').waitFor();
    await expect.poll(async () => (await focused(page)).label).toBe('Ja, wij nemen de cliënt over');
    await step('answer-missing', [CLIENT]);

    await arrowTo(page, /^Nee, wij wijzen de overdracht af$/);
    await page.getByText('Waarom wijst u de overdracht af?').waitFor();
    await page.keyboard.press('Tab');
    expect((await focused(page)).label).toBe('Wij hebben nu geen plek');
    await page.keyboard.press('Space');
    await step('answer-reject-reason', [CLIENT]);
    await tabTo(page, /^Overdracht afwijzen$/);
    await page.keyboard.press('Enter');

    await heading1(page, 'Antwoord verstuurd');
    await page.getByText(/ziet nu dat u de overdracht afwijst, met de reden: wij hebben nu geen plek/).waitFor();
    // The token is gone from the address bar, and never went to the hub in a URL.
    expect(page.url()).toBe(`${running.origin}/link`);
    for (const url of browser.requests) expect(url).not.toContain(first.token);
    browser.expectOnlyOwnOrigin();
    await step('answered', [CLIENT, first.token]);
  });

  it('does not work a second time, nor altered, and says only that it does not work', async () => {
    const { page } = browser;
    await page.goto(`${running.origin}/link#${first.token}`);
    await heading1(page, 'Deze link werkt niet (meer)');
    const used = await page.locator('main').textContent();
    await step('used', [CLIENT]);
    const altered = `${first.token.slice(0, -1)}${first.token.endsWith('A') ? 'B' : 'A'}`;
    // Only the fragment changes: the page reads the new token without a reload.
    await page.goto(`${running.origin}/link#${altered}`);
    await heading1(page, 'Deze link werkt niet (meer)');
    expect(await page.locator('main').textContent()).toBe(used);
    await page.goto(`${running.origin}/link`);
    await heading1(page, 'Deze link werkt niet (meer)');
  });

  it('shows the sender the rejection and the used link', async () => {
    const { page } = browser;
    await page.goto(`${running.origin}/`);
    await signInAs(page, SENDER.name);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Warme overdracht' }).click();
    await page.getByRole('button', { name: 'Verstuurd' }).click();
    // A rejected handover is listed under "Afgewezen of gestopt", not under the default "Nog niet afgerond".
    await page.getByLabel('Status').selectOption('stopped');
    await page.locator(`a[href$="${first.referralId}"]`).first().click();
    await heading1(page, /^Overdracht van/);
    expect(await page.locator('.hub-handover-status').first().textContent()).toBe('Afgewezen');
    await page.getByRole('heading', { level: 2, name: 'Links in de e-mail' }).waitFor();
    expect(await page.locator('.hub-light-link__status').first().textContent()).toBe('Gebruikt');
    expect(await page.getByRole('button', { name: /^Link intrekken/ }).count()).toBe(0);
    await step('sender-sees-rejection', [CLIENT]);
  });

  it('lets the sender revoke an unused link, which then no longer opens', { timeout: 120_000 }, async () => {
    const { page } = browser;
    const second = await handoverWithLink('Intrekker');
    await page.goto(`${running.origin}/`);
    // The session lives in memory: a reload signs out, so sign in again and open the second handover.
    await signInAs(page, SENDER.name);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Warme overdracht' }).click();
    await page.getByRole('button', { name: 'Verstuurd' }).click();
    await page.locator(`a[href$="${second.referralId}"]`).first().click();
    await page.getByRole('heading', { level: 2, name: 'Links in de e-mail' }).waitFor();
    expect(await page.locator('.hub-light-link__status').first().textContent()).toBe('Nog niet gebruikt');
    await page.getByRole('button', { name: /^Link intrekken/ }).click();
    await page.getByRole('button', { name: 'Ja, link intrekken' }).click();
    await page.getByText('De link is ingetrokken. De ontvanger kan er niet meer mee antwoorden.').waitFor();
    expect(await page.locator('.hub-light-link__status').first().textContent()).toBe('Ingetrokken');
    await step('sender-revoked', ['Intrekker']);

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.goto(`${running.origin}/link#${second.token}`);
    await heading1(page, 'Deze link werkt niet (meer)');
    await step('revoked', ['Intrekker']);
  });
});
