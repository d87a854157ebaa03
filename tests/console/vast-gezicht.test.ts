import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBsn, deterministicUuid, demoIds } from '@hub/domain';
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
 * The vast gezicht and the wijsplicht in the console. The toegang of gemeente Amsterdam gives the demo client Anna
 * Demohuis' Wmo trajectory its contact person's work phone, work e-mail and availability, and records by keyboard only
 * that Anna was pointed to independent cliëntondersteuning (first with a BSN in the note, which the hub refuses). The
 * gemeente's cliëntondersteuner hands Anna over to the zorgkantoor saying the same person continues; the zorgkantoor's
 * klantadviseur sees that person on the handover. Anna sees her contact person's work contacts in Mijn ondersteuning.
 */

const CLIENT = 'Anna Demohuis';
const CLIENT_ID = deterministicUuid('hub-demo-cases', 'client:0');
const WMO_TRAJECTORY = deterministicUuid('hub-demo-cases', 'trajectory:wmo:0');
const COUNSELLOR = 'Mohammed El Amrani';
const WORK_PHONE = '020-5551234';
const WORK_EMAIL = 'm.elamrani@amsterdam.example';
const AVAILABILITY = 'ma, di en do 9–17 uur';

let running: ConsoleHub;
let browser: ConsoleBrowser;
let steps = 0;
let referralId = '';

beforeAll(async () => {
  running = await startConsoleHub();
  browser = await launchBrowser(running.origin, 'vast-gezicht');
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
  await expectNoPersonalDataOutsideThePage(browser, [CLIENT, 'Demohuis', demoBsn(0)]);
}

/** Navigates inside the console (a reload would end the in-memory session). */
async function goInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((p) => {
    window.history.pushState(null, '', p);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

async function switchTo(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.getByText('U bent uitgelogd.').waitFor();
  await signInAs(page, name);
}

const tokenOf = (subject: string) => devSignInToken(running.origin, subject);

/** Presses Tab (or Shift+Tab) until the note (the form's one textarea) has focus. */
async function tabToNote(page: Page, max: number, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const el = await page.evaluate(() => {
      const a = document.activeElement;
      return a instanceof HTMLTextAreaElement ? (a.labels?.[0]?.textContent ?? '') : null;
    });
    if (el?.startsWith('Notitie')) return;
  }
  throw new Error('Tab never reached the note.');
}

/** In a radio group that has focus, moves with the arrow keys (which also check) to the option with this label. */
async function arrowTo(page: Page, name: RegExp, max = 10): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (name.test((await focused(page)).label)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`No option named ${name} in the radio group.`);
}

describe('vast gezicht and wijsplicht in the console', () => {
  it('the toegang gives the contact person work contacts and availability', async () => {
    const { page } = browser;
    await page.goto(`${running.origin}/`);
    await signInAs(page, 'Sanne de Vries');
    await goInApp(page, `/clienten/${CLIENT_ID}/trajecten/${WMO_TRAJECTORY}`);
    await page.getByRole('heading', { level: 1, name: `Traject van ${CLIENT}` }).waitFor();
    const section = page.getByRole('region', { name: 'Vaste contactpersoon' });
    await section.getByText(COUNSELLOR).first().waitFor();
    expect(await section.textContent()).toContain('Niet ingevuld');
    await step('contact-person-empty');

    // A malformed phone number is refused next to the field, before anything is sent.
    await section.getByLabel('Werktelefoon').fill('bel maar');
    await section.getByRole('button', { name: 'Contactpersoon opslaan' }).click();
    await section.getByText('Vul een telefoonnummer in met alleen cijfers, spaties, +, - of haakjes.').waitFor();
    await step('contact-person-invalid');

    await section.getByLabel('Werktelefoon').fill(WORK_PHONE);
    await section.getByLabel('Werk-e-mail').fill(WORK_EMAIL);
    await section.getByLabel('Bereikbaarheid').fill(AVAILABILITY);
    await section.getByRole('button', { name: 'Contactpersoon opslaan' }).click();
    await page.getByText('De vaste contactpersoon is opgeslagen.').waitFor();
    const shown = page.getByRole('region', { name: 'Vaste contactpersoon' });
    await expect.poll(() => shown.locator('.utrecht-data-list').textContent()).toContain(WORK_PHONE);
    const text = (await shown.locator('.utrecht-data-list').textContent()) ?? '';
    expect(text).toContain(WORK_EMAIL);
    expect(text).toContain(AVAILABILITY);
    await step('contact-person-saved');
  });

  it('records the wijsplicht by keyboard only; a BSN in the note is refused in place', async () => {
    const { page } = browser;
    const section = page.getByRole('region', { name: 'Gewezen op onafhankelijke cliëntondersteuning' });
    await section.getByText('Nog niet vastgelegd.').waitFor();
    await section.getByRole('button', { name: 'Wijsplicht vastleggen' }).waitFor();
    await step('wijsplicht-empty');

    // From the contact person's button, Tab leads through the wijsplicht form: the date (today stays), the answer, the note.
    await page.getByRole('button', { name: 'Contactpersoon opslaan' }).focus();
    await tabTo(page, /^Datum$/, 5);
    // Chromium's date field has a stop per part (day, month, year); the answer's radio group comes after them.
    for (let i = 0; i < 5 && (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)) !== 'radio'; i++) {
      await page.keyboard.press('Tab');
    }
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('radio');
    await arrowTo(page, /^Nee, wil het niet$/);
    await tabToNote(page, 3);
    await page.keyboard.type(`Wil eerst zelf rondkijken, bsn ${demoBsn(0)}.`);
    await tabTo(page, /^Wijsplicht vastleggen$/, 3);
    await page.keyboard.press('Enter');
    await section.getByText('Schrijf de notitie in hoogstens 500 tekens, zonder BSN.').waitFor();
    expect(await section.textContent()).toContain('Nog niet vastgelegd.');
    await step('wijsplicht-bsn-refused');

    // Back to the note by keyboard (Shift+Tab from where the focus is): clear it and write it without the number.
    await tabToNote(page, 10, 'Shift+Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Wil eerst zelf rondkijken.');
    await tabTo(page, /^Wijsplicht vastleggen$/, 3);
    await page.keyboard.press('Enter');
    await page.getByText('Vastgelegd dat de inwoner is gewezen op onafhankelijke cliëntondersteuning.').waitFor();
    const after = page.getByRole('region', { name: 'Gewezen op onafhankelijke cliëntondersteuning' });
    await expect.poll(() => after.textContent()).toContain('door Sanne de Vries. Antwoord: nee, wil het niet. Notitie: Wil eerst zelf rondkijken.');
    await step('wijsplicht-saved');
    await atSmallSizes(page, async (size) => {
      await browser.screenshot(`trajectory-${size.replace(/\W+/g, '-')}`);
      await expectNoHorizontalScroll(page, `trajectory at ${size}`);
    });
  });

  it('the zorgkantoor sees on the handover that the same cliëntondersteuner stays on', async () => {
    const { page } = browser;
    const res = await fetch(`${running.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenOf('demo-co-amsterdam')}` },
      body: JSON.stringify({
        query: 'mutation($input: CreateReferralInput!) { createReferral(input: $input) { referral { id } } }',
        variables: {
          input: {
            idempotencyKey: 'vast-gezicht-handover',
            kind: 'WMO_TO_WLZ',
            clientId: CLIENT_ID,
            sourceTrajectoryId: WMO_TRAJECTORY,
            toOrganizationId: demoIds.zorgkantoorOrganization('ZK02'),
            sameCounsellorContinues: true,
            question: 'Mevrouw heeft een Wlz-indicatie aangevraagd; haar cliëntondersteuner blijft.',
            handoverSummary: {
              situation: 'Woont alleen, dochter helpt.',
              question: 'Passende Wlz-zorg.',
              whatWasDone: 'Keukentafelgesprek gevoerd.',
              agreements: 'Driegesprek plannen.',
              openActions: 'Indicatie afwachten.',
              network: 'Dochter.',
              risks: 'Valrisico.',
              clientWishes: 'Dicht bij haar dochter wonen.',
            },
          },
        },
      }),
    });
    const body = (await res.json()) as { data?: { createReferral: { referral: { id: string } } }; errors?: unknown[] };
    referralId = body.data?.createReferral.referral.id ?? '';
    expect(referralId, JSON.stringify(body.errors)).not.toBe('');

    await switchTo(page, 'Petra Jansen');
    await goInApp(page, `/warme-overdracht/${referralId}`);
    await page.getByRole('heading', { level: 1, name: `Overdracht van ${CLIENT}` }).waitFor();
    const section = page.getByRole('region', { name: 'Dezelfde cliëntondersteuner blijft' });
    await section.getByText(COUNSELLOR).waitFor();
    const text = (await section.textContent()) ?? '';
    expect(text).toContain(WORK_PHONE);
    expect(text).toContain(WORK_EMAIL);
    expect(text).toContain(AVAILABILITY);
    await step('handover-same-counsellor');

    // A second handover, to the demo OCO: the consent it was sent on is replaced by one without HANDOVER data (the
    // client may still be named). The receiver then sees why it sees no contact person, not the person.
    const gemeente = await tokenOf('demo-co-amsterdam');
    const ask = async <T>(query: string, variables: Record<string, unknown>) => {
      const r = await fetch(`${running.origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${gemeente}` },
        body: JSON.stringify({ query, variables }),
      });
      const answer = (await r.json()) as { data?: T; errors?: unknown[] };
      expect(answer.errors, query).toBeUndefined();
      if (!answer.data) throw new Error(`no data for ${query}`);
      return answer.data;
    };
    const RECORD = 'mutation($input: RecordConsentInput!) { recordConsent(input: $input) { consent { id version } } }';
    const consentFor = async (categories: string[]) =>
      (
        await ask<{ recordConsent: { consent: { id: string; version: number } } }>(RECORD, {
          input: {
            clientId: CLIENT_ID,
            receivingOrganizationId: demoIds.ocoOrganization(0),
            categories,
            purpose: 'WARM_HANDOVER',
            givenBy: 'CLIENT',
            recordedHow: 'WRITTEN',
          },
        })
      ).recordConsent.consent;
    const withHandover = await consentFor(['IDENTITY', 'HANDOVER']);
    const toOco = await ask<{ createReferral: { referral: { id: string } } }>(
      'mutation($input: CreateReferralInput!) { createReferral(input: $input) { referral { id } } }',
      {
        input: {
          idempotencyKey: 'vast-gezicht-handover-oco',
          kind: 'TO_OCO',
          clientId: CLIENT_ID,
          sourceTrajectoryId: WMO_TRAJECTORY,
          toOrganizationId: demoIds.ocoOrganization(0),
          consentId: withHandover.id,
          sameCounsellorContinues: true,
          question: 'Onafhankelijke cliëntondersteuning naast de gemeente.',
          handoverSummary: {
            situation: 'Woont alleen.',
            question: 'Onafhankelijk advies.',
            whatWasDone: 'Melding gedaan.',
            agreements: 'Geen.',
            openActions: 'Geen.',
            network: 'Dochter.',
            risks: 'Geen.',
            clientWishes: 'Iemand die naast haar staat.',
          },
        },
      },
    );
    await consentFor(['IDENTITY']);
    await ask('mutation($input: RevokeConsentInput!) { revokeConsent(input: $input) { consent { id } } }', {
      input: { id: withHandover.id, expectedVersion: withHandover.version },
    });
    await switchTo(page, 'Ellen Bakker');
    await goInApp(page, `/warme-overdracht/${toOco.createReferral.referral.id}`);
    await page.getByRole('heading', { level: 1, name: `Overdracht van ${CLIENT}` }).waitFor();
    const refused = page.getByRole('region', { name: 'Dezelfde cliëntondersteuner blijft' });
    await refused.getByText('U ziet dit niet: de cliënt gaf geen toestemming om dit met uw organisatie te delen.').waitFor();
    expect(await refused.textContent()).not.toContain(WORK_PHONE);
    // The sender is named (Mohammed sent it), but none of the continuing person's work contacts.
    const main = (await page.locator('main').textContent()) ?? '';
    for (const contact of [WORK_PHONE, WORK_EMAIL, AVAILABILITY]) expect(main).not.toContain(contact);
    await step('handover-same-counsellor-no-consent');
  });

  it('the client sees her contact person with work contacts and availability in Mijn ondersteuning', async () => {
    const { page } = browser;
    await switchTo(page, CLIENT);
    await page.getByRole('heading', { level: 1, name: 'Mijn ondersteuning' }).waitFor();
    const card = page.getByRole('region', { name: /bij Gemeente Amsterdam/ });
    await expect.poll(() => card.textContent()).toContain(`Uw vaste contactpersoon: ${COUNSELLOR}`);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain(`Bel ${COUNSELLOR} op het werk: ${WORK_PHONE}.`);
    expect(text).toContain(`Mail ${COUNSELLOR} op het werk: ${WORK_EMAIL}.`);
    expect(text).toContain(`Wanneer bereikbaar: ${AVAILABILITY}.`);
    expect(await card.getByRole('link', { name: WORK_PHONE }).getAttribute('href')).toBe('tel:0205551234');
    await step('my-support-contact-person');
    await atSmallSizes(page, async (size) => {
      await browser.screenshot(`my-support-${size.replace(/\W+/g, '-')}`);
      await expectNoHorizontalScroll(page, `my support at ${size}`);
    });
  });

  it('made no request to another host and logged nothing in the console', () => {
    browser.expectOnlyOwnOrigin();
    expect(browser.messages).toEqual([]);
    expect(steps).toBe(9);
  });
});
