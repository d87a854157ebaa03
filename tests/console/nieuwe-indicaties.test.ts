import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '@hub/domain';
import { buildIndicatie, iwlzNotification, iwlzTestEnv, startIndicatieRegister, TEST_UZOVI, type TestRegister } from '@hub/testing';
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
 * The worklist "nieuwe indicaties" end to end: the CIZ notifies a new Wlz indicatie (the test runs the register), the
 * klantadviseur of zorgkantoor Amsterdam finds it on the worklist, records the contact, and records the client's choice
 * of an independent cliëntondersteuner with the client's consent by keyboard only, which sends the warm handover; the
 * OCO's cliëntondersteuner finds it in the inbox. axe-core on every screen.
 */

const KLANTADVISEUR = 'Petra Jansen';
const OCO_WORKER = 'Ellen Bakker';
const OCO_NAME = 'Onafhankelijke Cliëntondersteuning Noord';
const CLIENT = 'Mien de Registerman';
const SOURCE_TOKEN = `ciz-console-${'c'.repeat(32)}`;

let register: TestRegister;
let running: ConsoleHub;
let browser: ConsoleBrowser;

beforeAll(async () => {
  register = await startIndicatieRegister();
  running = await startConsoleHub(iwlzTestEnv(register, demoIds.zorgkantoorOrganization('ZK02'), SOURCE_TOKEN));
  browser = await launchBrowser(running.origin, 'nieuwe-indicaties');
}, HUB_START_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
  await running?.stop();
  await register?.stop();
});

async function step(name: string): Promise<void> {
  await browser.screenshot(name);
  await expectNoAxeViolations(browser.page, name);
  await expectNoPersonalDataOutsideThePage(browser, [CLIENT, 'Registerman']);
}

async function tabToRadioGroup(page: Page, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'radio')) return;
  }
  throw new Error('Tab never reached a radio button.');
}

async function arrowTo(page: Page, name: RegExp, max = 10): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (name.test((await focused(page)).label)) {
      await page.keyboard.press('Space');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`No option named ${name} in the radio group.`);
}

describe('nieuwe indicaties in the console', () => {
  it('takes a CIZ notification to the worklist, records contact and the choice OCO by keyboard, and hands over warmly', async () => {
    const indicatie = buildIndicatie(TEST_UZOVI);
    register.indicaties.push(indicatie);
    const notified = await fetch(`${running.origin}/iwlz/notificaties`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${SOURCE_TOKEN}` },
      body: JSON.stringify(iwlzNotification(indicatie.wlzindicatieID)),
    });
    expect(notified.status).toBe(201);

    const { page } = browser;
    await page.goto(`${running.origin}/`);
    await signInAs(page, KLANTADVISEUR);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Nieuwe indicaties' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe indicaties' }).waitFor();
    await page.getByRole('link', { name: CLIENT }).waitFor();
    // The demo worklist holds an overdue indicatie: said in words, not by colour alone.
    await expect.poll(() => page.getByText('(te laat)').count()).toBeGreaterThan(0);
    await step('worklist');
    await atSmallSizes(page, async (size) => {
      await browser.screenshot(`worklist-${size.replace(/\W+/g, '-')}`);
      await expectNoHorizontalScroll(page, `worklist at ${size}`);
    });

    await page.getByRole('link', { name: CLIENT }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Nieuwe indicatie' }).waitFor();
    await page.getByText('Volledig pakket thuis (vpt, code 5)').waitFor();
    // The zorgprofiel in words, from the COD163 list.
    await page.getByText('5VV – Beschermd wonen met intensieve dementiezorg (code 754)').waitFor();
    await step('item');

    // Find providers for the indicatie: the sociale kaart opens with its zorgprofiel and leveringsvorm as filters.
    await page.getByRole('button', { name: 'Zorgaanbieders zoeken voor deze indicatie' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sociale kaart' }).waitFor();
    await expect.poll(() => page.locator('#filter-zorgprofiel').inputValue()).toBe('754');
    expect(page.url()).toBe(`${running.origin}/sociale-kaart`);
    await page.locator('.hub-result').first().waitFor();
    const tags = await page.locator('.hub-result').allTextContents();
    expect(tags.length).toBeGreaterThan(0);
    for (const text of tags) expect(text).toContain('5VV');
    await step('providers-for-indicatie');
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe indicatie' }).waitFor();

    await tabTo(page, /^Contact gehad$/);
    await page.keyboard.press('Enter');
    await page.getByText('Het contact met de cliënt is vastgelegd.').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Keuze voor cliëntondersteuning' }).waitFor();
    await step('contact-recorded');

    // The choice form by keyboard only: the radio group, the OCO, the consent, the submit button.
    await page.getByRole('heading', { level: 2, name: 'Keuze voor cliëntondersteuning' }).click();
    await tabToRadioGroup(page);
    await arrowTo(page, /^Een onafhankelijke cliëntondersteuner/);
    await page.getByRole('combobox', { name: 'Welke organisatie?' }).waitFor();
    await tabTo(page, /^Welke organisatie\?/);
    // A closed select changes its option with the arrow keys.
    const selected = () => page.getByRole('combobox', { name: 'Welke organisatie?' }).evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.text);
    for (let i = 0; i < 100 && (await selected()) !== OCO_NAME; i++) await page.keyboard.press('ArrowDown');
    expect(await selected()).toBe(OCO_NAME);
    await tabTo(page, /^De cliënt geeft toestemming/);
    await page.keyboard.press('Space');
    await step('choice-form');
    await tabTo(page, /^Keuze vastleggen en warm overdragen$/);
    await page.keyboard.press('Enter');
    await page.getByText('De keuze is vastgelegd en de warme overdracht is verstuurd.').waitFor();
    await page.getByText('Wacht op antwoord.').waitFor();
    await page.getByRole('link', { name: 'Bekijk de overdracht' }).waitFor();
    await step('handover-sent');

    // The OCO finds the handover in its inbox.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByText('U bent uitgelogd.').waitFor();
    await signInAs(page, OCO_WORKER);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Warme overdracht' }).click();
    await page.getByRole('heading', { level: 1, name: 'Warme overdracht' }).waitFor();
    // The inbox lists sender and kind; the handover from the zorgkantoor is there.
    await page.getByRole('cell', { name: 'Naar onafhankelijke cliëntondersteuning' }).first().waitFor();
    await step('oco-inbox');
    browser.expectOnlyOwnOrigin();
  });
});
