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
  signInAs,
  startConsoleHub,
  tabTo,
} from './browser.ts';

/**
 * A klantadviseur looks for Wlz providers for a client's indicatie in the sociale kaart, on the demo data:
 * zorgprofiel 5VV (COD163 754) with leveringsvorm VPT (COD578 5) in Amsterdam, within a waiting time, soonest
 * first. The filters are used with the keyboard only; every step is checked with axe-core and photographed.
 */

let running: ConsoleHub;
let browser: ConsoleBrowser;

beforeAll(async () => {
  running = await startConsoleHub();
  browser = await launchBrowser(running.origin, 'wlz-aanbod');
}, HUB_START_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

const totalShown = async (b: ConsoleBrowser): Promise<number> => {
  const text = (await b.page.locator('#results-heading').textContent()) ?? '';
  const match = /^([\d.]+) dienst/.exec(text);
  return match?.[1] ? Number(match[1].replace(/\./g, '')) : Number.NaN;
};
const settled = async (b: ConsoleBrowser) => {
  await b.page.locator('.hub-results[aria-busy="false"]').waitFor();
  await expect.poll(() => totalShown(b)).not.toBeNaN();
};

describe('Wlz providers for an indicatie', () => {
  it('filters on zorgprofiel 754 (5VV), leveringsvorm VPT and a maximum waiting time with the keyboard only', async () => {
    const { page } = browser;
    await page.goto(`${running.origin}/sociale-kaart`);
    await settled(browser);
    const all = await totalShown(browser);

    await page.locator('body').focus();
    await tabTo(page, /^Gemeente$/);
    // A closed select takes typed letters as a jump to the first option that starts with them.
    await page.keyboard.type('Amsterdam', { delay: 30 });
    await expect.poll(() => page.locator('#search-gemeente').inputValue()).toBe('GM0363');
    await expect.poll(() => totalShown(browser)).toBeLessThan(all);
    await settled(browser);
    const inAmsterdam = await totalShown(browser);

    await tabTo(page, /^Zorgprofiel$/);
    await page.keyboard.type('5VV', { delay: 30 });
    await expect.poll(() => page.locator('#filter-zorgprofiel').inputValue()).toBe('754');
    await expect.poll(() => totalShown(browser)).toBeLessThan(inAmsterdam);
    await settled(browser);
    const with754 = await totalShown(browser);
    expect(with754).toBeGreaterThan(0);

    await tabTo(page, /^Leveringsvorm/);
    expect((await focused(page)).tag).toBe('summary');
    await page.keyboard.press('Enter');
    await tabTo(page, /^Volledig pakket thuis \(vpt\)/);
    const vptLabel = (await focused(page)).label;
    const vptCount = Number(/\((\d+)\)$/.exec(vptLabel)?.[1]);
    expect(vptCount).toBeGreaterThan(0);
    expect(vptCount).toBeLessThan(with754);
    await page.keyboard.press('Space');
    // The facet said how many there would be: the result has exactly that many.
    await expect.poll(() => totalShown(browser)).toBe(vptCount);
    await settled(browser);

    await tabTo(page, /^Maximale wachttijd$/);
    await page.keyboard.type('13', { delay: 30 });
    await expect.poll(() => page.locator('#filter-waiting').inputValue()).toBe('91');
    await settled(browser);
    const withinWait = await totalShown(browser);
    expect(withinWait).toBeGreaterThan(0);
    expect(withinWait).toBeLessThanOrEqual(vptCount);

    const results = page.locator('.hub-result');
    const count = await results.count();
    expect(count).toBe(Math.min(withinWait, 20));
    for (let i = 0; i < count; i++) {
      const tags = await results.nth(i).locator('.hub-tag').allTextContents();
      expect(tags, `result ${i}`).toContain('Volledig pakket thuis (vpt)');
      expect(
        tags.some((t) => /Zorgprofielen: .*\b5VV\b/.test(t)),
        `result ${i}: ${tags.join(' | ')}`,
      ).toBe(true);
    }
    await browser.screenshot('filters-754-vpt');
    await expectNoAxeViolations(page, 'Wlz filters');
  });

  it('sorts by the shortest waiting time', async () => {
    const { page } = browser;
    await page.locator('#search-sort').focus();
    await page.keyboard.type('Kortste', { delay: 30 });
    await expect.poll(() => page.locator('#search-sort').inputValue()).toBe('WAITING_TIME');
    await settled(browser);
    const waits = async () =>
      (
        await page
          .locator('.hub-result .hub-tag', { hasText: /^(Plek vrij|Geen plek vrij|Wachtlijst|Eerst extra onderzoek|Vrije plek onbekend)/ })
          .allTextContents()
      ).map((t) => Number(/ongeveer (\d+) dagen/.exec(t)?.[1] ?? 0));
    await expect
      .poll(async () => {
        const shown = await waits();
        return shown.length > 0 && shown.every((d, i) => i === 0 || (shown[i - 1] ?? d) <= d);
      })
      .toBe(true);
    await browser.screenshot('sorted-by-waiting-time');
    await expectNoAxeViolations(page, 'sorted by waiting time');
  });

  it('shows the leveringsvormen and zorgprofielen of a provider on its page', async () => {
    const { page } = browser;
    const first = page.locator('.hub-result__name a').first();
    const name = (await first.textContent()) ?? '';
    await first.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByText('5VV – Beschermd wonen met intensieve dementiezorg').waitFor();
    expect(await page.locator('dd', { hasText: 'Volledig pakket thuis (vpt)' }).count()).toBe(1);
    await browser.screenshot('provider-detail');
    await expectNoAxeViolations(page, 'provider detail');
  });

  it('keeps the filters usable at 320 px and 200 % zoom', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Terug naar zoeken' }).click();
    await settled(browser);
    await atSmallSizes(page, async (size) => {
      await expectNoHorizontalScroll(page, `Wlz filters at ${size}`);
      expect(await page.locator('#filter-zorgprofiel').isVisible()).toBe(true);
      await browser.screenshot(`filters-${size.replace(/\W+/g, '-')}`);
    });
  });

  it('lets a beheerder set the leveringsvormen and zorgprofielen of a Wlz service with the keyboard only', async () => {
    const { page } = browser;
    await page.goto(`${running.origin}/`);
    await signInAs(page, 'Joost Smit');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }).click();
    const card = page.locator('.hub-beheer__service', { has: page.locator('.hub-wlz-care') }).first();
    await card.waitFor();
    const serviceName = (await card.getByRole('heading', { level: 3 }).textContent()) ?? '';
    const href = (await card.getByRole('link', { name: /in de sociale kaart$/ }).getAttribute('href')) ?? '';
    await card.getByRole('heading', { level: 3 }).scrollIntoViewIfNeeded();

    await card.getByRole('button', { name: 'Wachtlijst' }).focus();
    await tabTo(page, /^Wlz-zorg: leveringsvormen en zorgprofielen$/);
    await page.keyboard.press('Enter');
    await tabTo(page, /^Volledig pakket thuis \(vpt\)$/);
    await page.keyboard.press('Space');
    await tabTo(page, /^5VV – Beschermd wonen met intensieve dementiezorg$/);
    await page.keyboard.press('Space');
    await tabTo(page, /^Wlz-zorg opslaan$/);
    await page.keyboard.press('Enter');
    await card.getByText('Opgeslagen. De Wlz-zorg staat nu zo in de sociale kaart.').waitFor();
    await card.getByText(/Nu in de sociale kaart: Volledig pakket thuis \(vpt\)\. Zorgprofielen: 5VV\./).waitFor();
    await browser.screenshot('beheer-wlz-care');
    await expectNoAxeViolations(page, 'beheer Wlz care');

    await page.goto(`${running.origin}${href}`);
    await page.getByRole('heading', { level: 1, name: serviceName }).waitFor();
    await page.getByText('5VV – Beschermd wonen met intensieve dementiezorg').waitFor();
    expect(await page.locator('dd', { hasText: 'Volledig pakket thuis (vpt)' }).count()).toBe(1);
  });

  it('made no request to another host and logged nothing in the console', () => {
    browser.expectOnlyOwnOrigin();
    expect(browser.messages).toEqual([]);
  });
});
