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
  focused,
  HUB_START_TIMEOUT_MS,
  launchBrowser,
  signInAs,
  startConsoleHub,
  tabTo,
} from './browser.ts';

/**
 * Consultation without handover, end to end: Sanne de Vries (toegang, gemeente Amsterdam) asks the demo OCO for
 * advice by keyboard only — first refused in place for a BSN in the question, then sent —; Ellen Bakker
 * (cliëntondersteuner of the OCO) finds the question in her organisation's inbox and answers it; Sanne reads the
 * answer with her own questions and closes it.
 */

const ASKER = 'Sanne de Vries';
const ADVISER = 'Ellen Bakker';
const BSN = '123456782';
const REFUSED_QUESTION = `Cliënt met BSN ${BSN} heeft schulden en dreigt het huis te verliezen. Wat raadt u aan?`;
const QUESTION = 'Een moeder met twee kinderen heeft schulden en dreigt haar huis te verliezen. Welke route werkt bij u het snelst?';
const ANSWER = 'Begin met een aanmelding bij de schuldhulp van de gemeente. Wij kunnen meegaan naar het eerste gesprek.';
const OCO = demoIds.ocoOrganization(0);

let running: ConsoleHub;
let browser: ConsoleBrowser;

beforeAll(async () => {
  running = await startConsoleHub();
  browser = await launchBrowser(running.origin, 'consultatie');
}, HUB_START_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

/** Every step: a screenshot, axe-core without violations, and nothing personal outside the page. */
async function step(name: string): Promise<void> {
  await browser.screenshot(name);
  await expectNoAxeViolations(browser.page, name);
  await expectNoPersonalDataOutsideThePage(browser, [BSN, REFUSED_QUESTION]);
}

async function smallSizes(page: Page, name: string): Promise<void> {
  await atSmallSizes(page, async (size) => {
    await browser.screenshot(`${name}-${size.replace(/\W+/g, '-')}`);
    await expectNoHorizontalScroll(page, `${name} at ${size}`);
  });
}

/** Changes go to the hub and the page asks again: on a loaded machine that takes more than expect.poll's default second. */
const POLL = { timeout: 30_000 };

describe('consultation without handover in the console', () => {
  it('asks for advice by keyboard only: a BSN is refused next to the field, then the question is sent', async () => {
    const { page } = browser;
    await page.goto(`${running.origin}/`);
    await signInAs(page, ASKER);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Advies' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Advies vragen' }).waitFor();
    // A toegang professional asks; only cliëntondersteuners have an inbox.
    expect(await page.getByRole('link', { name: 'Adviesvragen aan uw organisatie bekijken' }).count()).toBe(0);
    await page.locator(`#consultation-organization option[value="${OCO}"]`).waitFor({ state: 'attached' });
    const ocoName = (await page.locator(`#consultation-organization option[value="${OCO}"]`).textContent()) ?? '';
    expect(ocoName).toMatch(/^Onafhankelijke Cliëntondersteuning/);
    await step('ask-form');

    // The kind of organisation is OCO already; choose the demo OCO with the arrow keys.
    await tabTo(page, /^Aan welke organisatie\?$/);
    for (let i = 0; i < 60 && (await page.locator('#consultation-organization').inputValue()) !== OCO; i++) await page.keyboard.press('ArrowDown');
    expect(await page.locator('#consultation-organization').inputValue()).toBe(OCO);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('consultation-question');
    await page.keyboard.type(REFUSED_QUESTION);
    await tabTo(page, /^Geld en schulden$/);
    await page.keyboard.press('Space');
    expect(await page.getByRole('checkbox', { name: 'Geld en schulden' }).isChecked()).toBe(true);
    await tabTo(page, /^Vraag versturen$/);
    await page.keyboard.press('Enter');

    const error = page.locator('#consultation-question-error');
    await error.waitFor();
    expect(await error.textContent()).toBe(
      'In deze tekst staat een burgerservicenummer (BSN). Beschrijf de situatie zonder iets waarmee iemand te herkennen is. Er is niets verstuurd.',
    );
    await expect.poll(async () => (await focused(page)).tag, POLL).toBe('textarea');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('consultation-question');
    expect(await page.locator('#consultation-question').getAttribute('aria-describedby')).toContain('consultation-question-error');
    expect(await page.locator('#consultation-question').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('Uw organisatie heeft nog geen advies gevraagd.').count()).toBe(1);
    await step('ask-refused');
    await smallSizes(page, 'ask-refused');

    await page.keyboard.press('Control+A');
    await page.keyboard.type(QUESTION);
    await tabTo(page, /^Vraag versturen$/);
    await page.keyboard.press('Enter');
    await page.getByText('Uw vraag is verstuurd.').waitFor();
    expect(await page.locator('#consultation-question-error').count()).toBe(0);
    expect(await page.locator('#consultation-question').inputValue()).toBe('');
    const mine = page.locator('li.hub-consultation').filter({ hasText: QUESTION });
    await mine.waitFor();
    expect(await mine.getByRole('heading', { level: 3 }).textContent()).toBe(`Vraag aan ${ocoName} Wacht op antwoord`);
    expect(await mine.getByText('Er is nog geen antwoord.').count()).toBe(1);
    await step('asked');
  });

  it("the OCO's cliëntondersteuner answers from the inbox", async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByText('U bent uitgelogd.').waitFor();
    await signInAs(page, ADVISER);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Advies' }).click();
    await page.getByRole('link', { name: 'Adviesvragen aan uw organisatie bekijken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Adviesvragen' }).waitFor();
    const received = page.locator('li.hub-consultation').filter({ hasText: QUESTION });
    await received.waitFor();
    expect(await received.getByRole('heading', { level: 2 }).textContent()).toBe('Vraag van Gemeente Amsterdam Wacht op antwoord');
    expect(await received.textContent()).toContain('Gemeente, gevraagd op');
    expect(await received.textContent()).toContain('Leefgebied: geld en schulden');
    await step('inbox');
    await smallSizes(page, 'inbox');

    // An answer with a phone number is refused in place too.
    const answerField = received.getByRole('textbox', { name: 'Uw advies' });
    await answerField.fill('Bel mij op 06-12345678.');
    await received.getByRole('button', { name: 'Advies versturen' }).click();
    await received.getByText('In deze tekst staat een telefoonnummer.', { exact: false }).waitFor();
    await expect.poll(async () => (await focused(page)).tag, POLL).toBe('textarea');

    await answerField.fill(ANSWER);
    await received.getByRole('button', { name: 'Advies versturen' }).click();
    await page.getByText('Uw advies is verstuurd.').waitFor();
    // The open list no longer holds it; the answered list does, with the answer.
    await expect.poll(() => page.locator('li.hub-consultation').filter({ hasText: QUESTION }).count(), POLL).toBe(0);
    await page.getByLabel('Welke vragen wilt u zien?').selectOption('answered');
    const answered = page.locator('li.hub-consultation').filter({ hasText: QUESTION });
    await answered.waitFor();
    expect(await answered.textContent()).toContain(ANSWER);
    expect(await answered.getByRole('textbox').count()).toBe(0);
    await step('answered');
  });

  it('the asker reads the answer with her questions and closes it', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByText('U bent uitgelogd.').waitFor();
    await signInAs(page, ASKER);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Advies' }).click();
    const mine = page.locator('li.hub-consultation').filter({ hasText: QUESTION });
    await mine.getByText(ANSWER).waitFor();
    expect(await mine.getByRole('heading', { level: 3 }).textContent()).toMatch(/Beantwoord$/);
    await step('answer-read');
    await smallSizes(page, 'answer-read');
    await mine.getByRole('button', { name: 'Afsluiten, ik heb genoeg aan dit antwoord' }).click();
    await expect.poll(async () => mine.getByRole('heading', { level: 3 }).textContent(), POLL).toMatch(/Afgesloten$/);
    expect(await mine.getByRole('button').count()).toBe(0);
    await step('closed');
    browser.expectOnlyOwnOrigin();
    expect(browser.messages.filter((m) => m.startsWith('pageerror'))).toEqual([]);
  });
});
