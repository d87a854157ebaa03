import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  atSmallSizes,
  type ConsoleBrowser,
  type ConsoleHub,
  devSignInToken,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  expectNoPersonalDataOutsideThePage,
  graphqlData,
  HUB_START_TIMEOUT_MS,
  launchBrowser,
  signInAs,
  startConsoleHub,
  tabTo,
} from './browser.ts';

/**
 * The beheerder of an OCO keeps its entries in the sociale kaart current: capacity in one click (a waiting list of
 * three weeks, by keyboard only), the entry marked as verified, both visible on the public service page; a change
 * made elsewhere in the meantime gives a version conflict in Dutch, and reloading resolves it.
 */

const BEHEERDER = 'Joost Smit';

let running: ConsoleHub;
let browser: ConsoleBrowser;

beforeAll(async () => {
  running = await startConsoleHub();
  browser = await launchBrowser(running.origin, 'beheer');
}, HUB_START_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

/** Every step: a screenshot, axe-core without violations, and nothing personal outside the page. */
async function step(name: string): Promise<void> {
  await browser.screenshot(name);
  await expectNoAxeViolations(browser.page, name);
  await expectNoPersonalDataOutsideThePage(browser, [BEHEERDER]);
}

const graphql = <T>(query: string, variables: Record<string, unknown>, token?: string) => graphqlData<T>(running.origin, query, variables, token);

const beheerderToken = () => devSignInToken(running.origin, 'demo-beheerder-oco');

let serviceId = '';
let serviceName = '';
/** The block of the first service on the beheer page. */
const firstService = (): Locator => browser.page.locator('.hub-beheer__service').first();

describe('beheer of the own services', () => {
  it('reports a waiting list of three weeks by keyboard only, and marks the service verified', async () => {
    const { page } = browser;
    await page.goto(`${running.origin}/`);
    await signInAs(page, BEHEERDER);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^Beheer: Onafhankelijke Cliëntondersteuning/ }).waitFor();
    await firstService().waitFor();
    serviceName = (await firstService().getByRole('heading', { level: 3 }).textContent()) ?? '';
    const href =
      (await firstService()
        .getByRole('link', { name: /in de sociale kaart$/ })
        .getAttribute('href')) ?? '';
    serviceId = href.split('/').pop() ?? '';
    expect(serviceId).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 2, name: /^Locaties \(\d+\)$/ }).waitFor();
    await step('start');

    await tabTo(page, /^Wachttijd in weken/);
    await page.keyboard.type('3');
    await tabTo(page, /^Wachtlijst$/);
    await page.keyboard.press('Enter');
    await firstService().getByText('Doorgegeven: Wachtlijst, ongeveer 3 weken. Dit staat nu in de sociale kaart.').waitFor();
    await expect.poll(() => firstService().getByRole('button', { name: 'Wachtlijst' }).getAttribute('aria-pressed')).toBe('true');
    await step('waiting-list');

    await tabTo(page, /^Gegevens kloppen$/);
    await page.keyboard.press('Enter');
    await firstService()
      .getByText(/^Vastgelegd: de gegevens van deze dienst kloppen/)
      .waitFor();
    await step('verified');
  });

  it('shows the result on the public service page of the sociale kaart', async () => {
    const { page } = browser;
    await firstService()
      .getByRole('link', { name: /in de sociale kaart$/ })
      .click();
    await page.getByRole('heading', { level: 1, name: serviceName }).waitFor();
    const today = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(new Date());
    await expect.poll(() => page.locator('main').textContent()).toContain('Ongeveer 21 dagen');
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('Wachtlijst');
    expect(text).toContain(`Laatst gecontroleerd door de organisatie op ${today}.`);
    await step('public-page');
    // Anonymous visitors see the same.
    const anonymous = await graphql<{ service: { capacity: { status: string; expectedWaitDays: number }; freshness: { stale: boolean } } }>(
      'query S($id: ID!) { service(id: $id) { capacity { status expectedWaitDays } freshness { stale } } }',
      { id: serviceId },
    );
    expect(anonymous.service).toEqual({ capacity: { status: 'WAITLIST', expectedWaitDays: 21 }, freshness: { stale: false } });
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: /^Beheer: / }).waitFor();
  });

  it('explains a change made elsewhere in the meantime, and reloads to resolve it', async () => {
    await firstService().getByRole('button', { name: 'Wachtlijst' }).waitFor();
    // Someone else (another tab, an import) reports a free place behind the page's back.
    const token = await beheerderToken();
    const current = await graphql<{ service: { version: number } }>('query V($id: ID!) { service(id: $id) { version } }', { id: serviceId }, token);
    await graphql(
      'mutation U($input: UpdateCapacityInput!) { updateCapacity(input: $input) { service { version } } }',
      { input: { serviceId, expectedVersion: current.service.version, capacity: { status: 'HAS_CAPACITY', expectedWaitDays: 0 } } },
      token,
    );
    await firstService().getByRole('button', { name: 'Vol' }).click();
    await firstService().getByText('Iemand anders heeft dit net gewijzigd.').waitFor();
    expect(await firstService().getByRole('button', { name: 'Wachtlijst' }).getAttribute('aria-pressed')).toBe('true');
    await step('conflict');

    await firstService().getByRole('button', { name: 'Opnieuw laden' }).click();
    await expect.poll(() => firstService().getByRole('button', { name: 'Plaats vrij' }).getAttribute('aria-pressed')).toBe('true');
    expect(await firstService().getByText('Iemand anders heeft dit net gewijzigd.').count()).toBe(0);
    await firstService()
      .getByText(/^De nieuwste gegevens zijn geladen/)
      .waitFor();
    await expect.poll(() => browser.page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^De nieuwste gegevens zijn geladen/);
    await step('reloaded');
    await firstService().getByRole('button', { name: 'Vol' }).click();
    await firstService().getByText('Doorgegeven: Vol. Dit staat nu in de sociale kaart.').waitFor();
    expect(await firstService().getByText('Iemand anders heeft dit net gewijzigd.').count()).toBe(0);
    await step('after-reload');
    const after = await graphql<{ service: { capacity: { status: string } } }>('query S($id: ID!) { service(id: $id) { capacity { status } } }', {
      id: serviceId,
    });
    expect(after.service.capacity.status).toBe('NO_CAPACITY');
  });

  it('changes a location and adds one, with the postcode checked in the form', async () => {
    const { page } = browser;
    const locations = page.locator('.hub-beheer__locations');
    const first = locations.locator('section').first();
    const name = (await first.getByRole('heading', { level: 3 }).textContent()) ?? '';
    await first.getByRole('button', { name: `${name} wijzigen` }).click();
    await first.getByRole('group', { name: `${name} wijzigen` }).waitFor();
    // The form opens with the focus on its first field.
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe(name);
    await first.getByRole('textbox', { name: /^Toegankelijkheid/ }).fill('Lift aanwezig, ringleiding in de spreekkamer.');
    await step('location-edit');
    await first.getByRole('button', { name: 'Wijziging opslaan' }).click();
    await page.getByText(`De wijziging van ${name} is opgeslagen.`).waitFor();
    await first.getByText('Toegankelijkheid: Lift aanwezig, ringleiding in de spreekkamer.').waitFor();

    await page.getByRole('button', { name: 'Locatie toevoegen' }).click();
    const form = page.getByRole('group', { name: 'Nieuwe locatie' });
    await form.getByRole('textbox', { name: /^Naam/ }).fill('Spreekuur in de bibliotheek');
    await form.getByRole('textbox', { name: /^Postcode/ }).fill('12345');
    await form.getByRole('button', { name: 'Locatie toevoegen' }).click();
    await form.getByText('Vul de postcode in als 1234 AB.').waitFor();
    await step('location-new-invalid');
    await form.getByRole('textbox', { name: /^Postcode/ }).fill('1011 ab');
    await form.getByRole('textbox', { name: /^Plaats/ }).fill('Amsterdam');
    await form.getByRole('button', { name: 'Locatie toevoegen' }).click();
    await page.getByText('De locatie Spreekuur in de bibliotheek is toegevoegd.').waitFor();
    await locations.getByText('1011 AB Amsterdam').waitFor();
    await step('location-added');
    // The hub has it, for this organisation.
    const token = await beheerderToken();
    const org = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { org: string };
    const stored = await graphql<{ organization: { locations: { nodes: { name: string; postalCode: string | null; accessibility: string | null }[] } } }>(
      'query L($id: ID!) { organization(id: $id) { locations(first: 100) { nodes { name postalCode accessibility } } } }',
      { id: org.org },
      token,
    );
    expect(stored.organization.locations.nodes).toContainEqual({ name: 'Spreekuur in de bibliotheek', postalCode: '1011 AB', accessibility: null });
    expect(stored.organization.locations.nodes).toContainEqual({
      name,
      postalCode: expect.anything(),
      accessibility: 'Lift aanwezig, ringleiding in de spreekkamer.',
    });
  });

  it('fits at 320 px and 200 %, and asked no other host', async () => {
    const { page } = browser;
    await atSmallSizes(page, async (size) => {
      await browser.screenshot(`beheer-${size.replace(/\W+/g, '-')}`);
      await expectNoHorizontalScroll(page, `beheer at ${size}`);
      await expectNoAxeViolations(page, `beheer at ${size}`);
    });
    browser.expectOnlyOwnOrigin();
    expect(browser.messages).toEqual([]);
  });
});
