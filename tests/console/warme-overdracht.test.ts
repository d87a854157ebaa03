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
 * The warme overdracht end to end, with two demo identities: the cliëntondersteuner of gemeente Amsterdam sends a
 * client to zorgkantoor Amsterdam in five steps (the consent check refuses a client whose consent is for another
 * purpose, and says so), by keyboard only; the klantadviseur of the zorgkantoor finds it in the inbox, accepts it,
 * plans and records the driegesprek, starts and completes; the sender sees the result and the timeline.
 */

const SENDER = 'Mohammed El Amrani';
const RECEIVER = 'Petra Jansen';
/** Demo client 0: a consent to the zorgkantoor, but for INTEGRATED_SUPPORT, so no warme overdracht. */
const CLIENT_WITHOUT_HANDOVER_CONSENT = 'Anna Demohuis';
/** Demo client 4: a WARM_HANDOVER consent to the zorgkantoor for IDENTITY and HANDOVER (not QUESTION), and a Wlz trajectory there. */
const CLIENT = 'Esra van der Proefstraat';
const RECEIVER_ORG = 'Zorgkantoor Amsterdam';
const QUESTION_TEXT = 'Mevrouw krijgt een Wlz-indicatie en zoekt een plek in een verpleeghuis.';

let running: ConsoleHub;
let browser: ConsoleBrowser;
let steps = 0;

beforeAll(async () => {
  running = await startConsoleHub();
  browser = await launchBrowser(running.origin, 'warme-overdracht');
}, HUB_START_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

/** Every step: a screenshot, axe-core without violations, and nothing personal outside the page. */
async function step(name: string): Promise<void> {
  steps += 1;
  await browser.screenshot(name);
  await expectNoAxeViolations(browser.page, name);
  await expectNoPersonalDataOutsideThePage(browser, [CLIENT, CLIENT_WITHOUT_HANDOVER_CONSENT, 'Esra', 'Proefstraat', 'Demohuis']);
}

/** In a radio group that has focus, moves with the arrow keys (which also check) to the option with this label. */
async function arrowTo(page: Page, name: RegExp, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (name.test((await focused(page)).label)) {
      await page.keyboard.press('Space');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`No option named ${name} in the radio group.`);
}

/** Presses Tab until a radio button has focus (the first of its group, or the checked one). */
async function tabToRadioGroup(page: Page, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'radio')) return;
  }
  throw new Error('Tab never reached a radio button.');
}

const heading2 = (page: Page, text: RegExp) => page.getByRole('heading', { level: 2, name: text }).waitFor();

async function switchTo(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.getByText('U bent uitgelogd.').waitFor();
  await signInAs(page, name);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Warme overdracht' }).click();
  await page.getByRole('heading', { level: 1, name: 'Warme overdracht' }).waitFor();
}

describe('warme overdracht in the console', () => {
  let referralUrl = '';

  it('sends a handover in five steps by keyboard only, after the consent check refused the first client', async () => {
    const { page } = browser;
    await page.goto(`${running.origin}/`);
    await signInAs(page, SENDER);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Warme overdracht' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Warme overdracht' }).waitFor();
    await page.getByText('Er zijn geen ontvangen overdrachten met deze status.').waitFor();
    await step('inbox-empty');
    await atSmallSizes(page, async (size) => {
      await browser.screenshot(`inbox-${size.replace(/\W+/g, '-')}`);
      await expectNoHorizontalScroll(page, `inbox at ${size}`);
    });

    await tabTo(page, /^Cliënt warm overdragen$/);
    await page.keyboard.press('Enter');
    await heading2(page, /Stap 1 van 5: Cliënt kiezen/);
    await page.getByRole('radio').first().waitFor();
    await step('step-1-client');

    // Step 1 → 3 with a client whose consent is for another purpose.
    await tabToRadioGroup(page);
    await arrowTo(page, new RegExp(`^${CLIENT_WITHOUT_HANDOVER_CONSENT}$`));
    await tabTo(page, /^Volgende stap$/);
    await page.keyboard.press('Enter');
    await heading2(page, /Stap 2 van 5: Ontvanger kiezen/);
    await page.getByRole('radio', { name: RECEIVER_ORG }).waitFor();
    await step('step-2-receiver');
    await tabToRadioGroup(page);
    await arrowTo(page, new RegExp(`^${RECEIVER_ORG}$`));
    await tabTo(page, /^Volgende stap$/);
    await page.keyboard.press('Enter');
    await heading2(page, /Stap 3 van 5: Toestemming controleren/);
    await page.getByText('U kunt deze overdracht nog niet versturen.').waitFor();
    expect(await page.getByText('Er is wel toestemming voor deze ontvanger, maar voor een ander doel dan warme overdracht.').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Volgende stap' }).isDisabled()).toBe(true);
    await step('step-3-consent-missing');

    // Back to step 1: another client, whose consent is for the warme overdracht.
    for (const n of [2, 1]) {
      await tabTo(page, /^Vorige stap$/);
      await page.keyboard.press('Enter');
      await heading2(page, new RegExp(`Stap ${n} van 5`));
    }
    await page.getByRole('radio').first().waitFor();
    await tabToRadioGroup(page);
    await arrowTo(page, new RegExp(`^${CLIENT}$`));
    await tabTo(page, /^Volgende stap$/);
    await page.keyboard.press('Enter');
    await heading2(page, /Stap 2 van 5/);
    // The receiver chosen before is still chosen.
    await expect.poll(() => page.getByRole('radio', { name: RECEIVER_ORG }).isChecked()).toBe(true);
    await tabTo(page, /^Volgende stap$/);
    await page.keyboard.press('Enter');
    await page.getByText('De toestemming is in orde.').waitFor();
    expect(await page.getByText(/geen toestemming om de hulpvraag te delen/).count()).toBe(1);
    await step('step-3-consent-ok');
    await tabTo(page, /^Volgende stap$/);
    await page.keyboard.press('Enter');
    await heading2(page, /Stap 4 van 5: Overdracht schrijven/);

    // Going on with empty fields says what is missing and puts focus on the first.
    await tabTo(page, /^Volgende stap$/, 80);
    await page.keyboard.press('Enter');
    await page.getByText('Niet alles is ingevuld.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('handover-question');
    await step('step-4-missing');
    await page.keyboard.type(QUESTION_TEXT);
    for (const text of [
      'Woont alleen, valt vaak.',
      'Plek in een verpleeghuis vinden.',
      'Wmo-hulp thuis.',
      'Wekelijks contact.',
      'Zorgplan maken.',
      'Dochter is mantelzorger.',
      'Valgevaar.',
      'Dicht bij haar dochter wonen.',
    ]) {
      await page.keyboard.press('Tab');
      await page.keyboard.type(text);
    }
    await step('step-4-written');
    await tabTo(page, /^Volgende stap$/);
    await page.keyboard.press('Enter');
    await heading2(page, /Stap 5 van 5: Controleren en versturen/);
    expect(await page.locator('.hub-facts').textContent()).toContain('Dicht bij haar dochter wonen.');
    await step('step-5-check');
    await tabTo(page, /^Overdracht versturen$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: `Overdracht van ${CLIENT}` }).waitFor();
    expect(page.url()).toMatch(/\/warme-overdracht\/[0-9a-f-]{36}$/);
    referralUrl = page.url();
    expect(await page.locator('.hub-handover-status').first().textContent()).toBe('Wacht op antwoord');
    await step('sent');

    // The outbox lists it.
    await page.getByRole('link', { name: 'Terug naar de overdrachten' }).click();
    await page.getByRole('heading', { level: 2, name: 'Verstuurde overdrachten' }).waitFor();
    await page.getByRole('link', { name: RECEIVER_ORG }).waitFor();
    await step('outbox');
  });

  it('lets the receiver accept, plan and record the driegesprek, start and complete', async () => {
    const { page } = browser;
    await switchTo(page, RECEIVER);
    await page.getByRole('button', { name: 'Ontvangen' }).click();
    await page.getByRole('link', { name: 'Gemeente Amsterdam' }).first().waitFor();
    expect(await page.locator('.hub-handover-table').textContent()).toContain('Wacht op antwoord');
    await step('receiver-inbox');
    await page.getByRole('link', { name: 'Gemeente Amsterdam' }).first().click();
    await page.getByRole('heading', { level: 1, name: `Overdracht van ${CLIENT}` }).waitFor();
    expect(page.url()).toBe(referralUrl);
    // The zorgkantoor supports this client already (its own Wlz trajectory), so it sees the question too.
    expect(await page.getByText(QUESTION_TEXT).count()).toBe(1);
    expect(await page.getByText('Dicht bij haar dochter wonen.').count()).toBe(1);
    await step('receiver-detail');

    await page.getByLabel('Ja, wij nemen de cliënt over').check();
    await page.getByRole('button', { name: 'Overdracht accepteren' }).click();
    await page.getByText('Opgeslagen. De status is nu: geaccepteerd.').waitFor();
    await step('accepted');

    await page.getByLabel('Datum en tijd').fill('2026-12-14T10:00');
    await page.getByLabel('Iemand uit het netwerk van de cliënt').check();
    await page.getByRole('button', { name: 'Driegesprek opslaan' }).click();
    await page.getByRole('heading', { name: 'Hoe ging het driegesprek?' }).waitFor();
    expect(await page.locator('.hub-facts').nth(2).textContent()).toContain('14 december 2026 om 10:00');
    await step('driegesprek-planned');

    await page.getByLabel('Afgesproken: de nieuwe ondersteuner neemt het over').check();
    await page.getByLabel('Aantekeningen (mag leeg blijven)').fill('Dochter was erbij.');
    await page.getByRole('button', { name: 'Uitkomst opslaan' }).click();
    await page.getByText('Dochter was erbij.').waitFor();
    await step('driegesprek-recorded');

    await page.getByRole('button', { name: 'Ondersteuning begonnen' }).click();
    await page.getByText('Opgeslagen. De status is nu: bezig.').waitFor();
    await page.getByRole('button', { name: 'Overdracht afronden' }).click();
    await page.getByText('Opgeslagen. De status is nu: afgerond.').waitFor();
    await step('completed');
  });

  it('shows the sender the completed handover with its whole timeline', async () => {
    const { page } = browser;
    await switchTo(page, SENDER);
    await page.getByRole('button', { name: 'Verstuurd' }).click();
    await page.getByLabel('Status').selectOption({ label: 'Afgerond' });
    await page.getByRole('link', { name: RECEIVER_ORG }).click();
    await page.getByRole('heading', { level: 1, name: `Overdracht van ${CLIENT}` }).waitFor();
    const timeline = await page.locator('.hub-timeline li').allTextContents();
    expect(timeline.map((t) => t.split(' op ')[0])).toEqual([
      'Gemaakt en verstuurd',
      'Geaccepteerd',
      'Driegesprek gepland',
      'Driegesprek vastgelegd',
      'Ondersteuning begonnen',
      'Afgerond',
    ]);
    expect(timeline[3]).toContain('Uitkomst: afgesproken: de nieuwe ondersteuner neemt het over.');
    expect(await page.getByText(QUESTION_TEXT).count()).toBe(1);
    await step('sender-timeline');
    await atSmallSizes(page, async (size) => {
      await expectNoHorizontalScroll(page, `handover at ${size}`);
    });
  });

  it('made no request to another host and logged nothing in the console', () => {
    browser.expectOnlyOwnOrigin();
    expect(browser.messages).toEqual([]);
    // The number of checked steps of this journey.
    expect(steps).toBe(17);
  });
});
