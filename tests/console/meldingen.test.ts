import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '@hub/domain';
import {
  atSmallSizes,
  type ConsoleBrowser,
  type ConsoleHub,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  expectNoPersonalDataOutsideThePage,
  HUB_START_TIMEOUT_MS,
  launchBrowser,
  signInAs,
  startConsoleHub,
  tabTo,
} from './browser.ts';
import { sendReferralByApi } from './referral-setup.ts';

/**
 * The notification centre: Ellen Bakker, cliëntondersteuner of the demo OCO, has used the hub before. Gemeente
 * Amsterdam sends a handover to her organisation; "Meldingen" in her menu shows the unread count, the notification says
 * in plain words what happened and links to the referral, and marking it read (by keyboard) lowers the count. She
 * chooses the daily digest for new handovers on Instellingen; Joost Smit, beheerder of the OCO, names her coordinator.
 */

const RECEIVER = 'Ellen Bakker';
const BEHEERDER = 'Joost Smit';
const OCO = demoIds.ocoOrganization(0);
const CLIENT_FAMILY_NAME = 'Meldingsma';

let running: ConsoleHub;
let browser: ConsoleBrowser;

beforeAll(async () => {
  running = await startConsoleHub();
  browser = await launchBrowser(running.origin, 'meldingen');
}, HUB_START_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

async function step(name: string): Promise<void> {
  await browser.screenshot(name);
  await expectNoAxeViolations(browser.page, name);
  await expectNoPersonalDataOutsideThePage(browser, [CLIENT_FAMILY_NAME]);
}

const menu = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' });
/** The Meldingen item of the menu (its accessible name is e.g. "Meldingen, 1 ongelezen melding"). */
const notificationsItem = (page: Page) => menu(page).getByRole('link', { name: /^Meldingen/ });

async function openNotifications(page: Page): Promise<void> {
  await notificationsItem(page).click();
  await page.getByRole('heading', { level: 1, name: 'Meldingen' }).waitFor();
}

describe('Meldingen: a cliëntondersteuner sees a new handover in the notification centre', () => {
  let referralId = '';

  it('shows no notifications before anything happened', async () => {
    const { page } = browser;
    await page.goto(`${running.origin}/`);
    await signInAs(page, RECEIVER);
    await openNotifications(page);
    await page.getByText('Er zijn nog geen meldingen.').waitFor();
    expect(await notificationsItem(page).textContent()).toBe('Meldingen');
    await step('empty');
  });

  it('counts the handover another organisation sent, and links to it', { timeout: 120_000 }, async () => {
    const { page } = browser;
    ({ referralId } = await sendReferralByApi(running.origin, {
      senderSubject: 'demo-co-amsterdam',
      senderName: 'Mohammed El Amrani',
      toOrganizationId: OCO,
      kind: 'TO_OCO',
      clientFamilyName: CLIENT_FAMILY_NAME,
    }));
    // The count is asked on every navigation: move between two pages until the notification has arrived.
    await expect
      .poll(
        async () => {
          await menu(page).getByRole('link', { name: 'Sociale kaart' }).click();
          await page.getByRole('heading', { level: 1 }).first().waitFor();
          await openNotifications(page);
          return (await notificationsItem(page).textContent()) ?? '';
        },
        { timeout: 90_000, interval: 1000 },
      )
      .toMatch(/^Meldingen \(1\)/);
    // Read out as "Meldingen, 1 ongelezen melding" (the "(1)" itself is hidden from screen readers).
    await menu(page)
      .getByRole('link', { name: /^Meldingen\s*, 1 ongelezen melding$/ })
      .waitFor();
    const item = page.locator('.hub-notification').first();
    await item.getByRole('link', { name: 'Nieuwe overdracht ontvangen' }).waitFor();
    expect(await item.getByRole('link', { name: 'Nieuwe overdracht ontvangen' }).getAttribute('href')).toBe(`/warme-overdracht/${referralId}`);
    expect(await item.textContent()).toContain('Nieuw');
    expect(await item.textContent()).toMatch(/Antwoord uiterlijk \d+ \w+ \d{4}/);
    await page.getByText('U heeft 1 ongelezen melding.').waitFor();
    // A notification names no client.
    expect(await page.locator('main').textContent()).not.toContain(CLIENT_FAMILY_NAME);
    await step('new-handover');
    await atSmallSizes(page, async (size) => {
      await browser.screenshot(`list-${size.replace(/\W+/g, '-')}`);
      await expectNoHorizontalScroll(page, `Meldingen at ${size}`);
    });
  });

  it('marks it read by keyboard, which lowers the count, and opens the referral from it', async () => {
    const { page } = browser;
    await page.getByRole('heading', { level: 1, name: 'Meldingen' }).focus();
    await tabTo(page, /^Markeer als gelezen/);
    await page.keyboard.press('Enter');
    await page.getByText('De melding is gemarkeerd als gelezen.').waitFor();
    await expect.poll(() => notificationsItem(page).textContent()).toBe('Meldingen');
    await page.getByText('U heeft geen ongelezen meldingen.').waitFor();
    expect(await page.locator('.hub-notification--unread').count()).toBe(0);
    await step('read');

    // Only unread ones: none left.
    await page.getByLabel('Alleen ongelezen meldingen').check();
    await page.getByText('Er zijn geen ongelezen meldingen.').waitFor();
    await step('unread-only-empty');
    await page.getByLabel('Alleen ongelezen meldingen').uncheck();

    await page.getByRole('link', { name: 'Nieuwe overdracht ontvangen' }).first().click();
    await page.getByRole('heading', { level: 1, name: /^Overdracht van/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/warme-overdracht/${referralId}`);
    await step('referral-from-notification');
  });

  it('saves a daily digest for new handovers on Instellingen, with a confirmation', async () => {
    const { page } = browser;
    await openNotifications(page);
    await page.getByRole('link', { name: 'Instellingen voor e-mail over meldingen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Instellingen voor meldingen' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Uw e-mailadres' }).waitFor();
    expect(await page.locator('main').textContent()).toMatch(/E-mails gaan naar|Bij uw inlog is geen e-mailadres bekend/);
    const group = page.getByRole('group', { name: 'Nieuwe overdracht ontvangen' });
    // Nothing chosen yet: the organisation's default, said so.
    expect(await group.textContent()).toContain('Dit is de standaard van uw organisatie.');
    expect(await page.getByRole('group').count()).toBe(17);
    await step('settings');
    await group.getByRole('radio', { name: 'Dagelijks overzicht' }).check();
    await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await page.getByText('Opgeslagen: 1 keuze is veranderd.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.className ?? '')).toContain('hub-preferences__saved');
    await step('settings-saved');

    // Back later: the choice is the user's own now.
    await page.getByRole('link', { name: 'Terug naar de meldingen' }).click();
    await page.getByRole('link', { name: 'Instellingen voor e-mail over meldingen' }).click();
    const again = page.getByRole('group', { name: 'Nieuwe overdracht ontvangen' });
    await expect.poll(() => again.getByRole('radio', { name: 'Dagelijks overzicht' }).isChecked()).toBe(true);
    expect(await again.textContent()).not.toContain('Dit is de standaard van uw organisatie.');
  });

  it("lets the beheerder set the organisation's defaults and name a coordinator", async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByText('U bent uitgelogd.').waitFor();
    await signInAs(page, BEHEERDER);
    await menu(page).getByRole('link', { name: 'Beheer' }).click();
    await page.getByRole('link', { name: /Meldingen voor uw organisatie/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Meldingen voor uw organisatie' }).waitFor();
    await page.getByRole('group', { name: 'Overdracht is te laat', exact: true }).waitFor();
    await page.getByRole('row', { name: new RegExp(RECEIVER) }).waitFor();
    await step('beheer-defaults');

    await page.getByRole('group', { name: 'Overdracht is te laat', exact: true }).getByRole('radio', { name: 'Dagelijks overzicht' }).check();
    await page.getByRole('button', { name: 'Standaard opslaan' }).click();
    await page.getByText('Opgeslagen: 1 keuze is veranderd.').waitFor();

    const row = page.getByRole('row', { name: new RegExp(RECEIVER) });
    await row.getByRole('button', { name: new RegExp(`^Maak coördinator\\s*: ${RECEIVER}$`) }).click();
    await page.getByText(`${RECEIVER} is nu coördinator.`).waitFor();
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('Ja');
    await step('beheer-coordinator');
  });
});
