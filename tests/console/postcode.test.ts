import { fileURLToPath } from 'node:url';
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
  startConsoleHub,
  tabTo,
} from './browser.ts';

/**
 * Journey 1, distance from a postcode: with the postcode areas loaded (here the small test fixture, whose coordinates
 * are approximate test values), a toegangsteam member types the resident's postcode next to the gemeente, and the
 * sociale kaart measures and sorts "vanaf het midden van de postcode". A postcode the hub does not know, or one that
 * is not a postcode, is said next to the field. The postcode is typed with the keyboard only, and it never reaches
 * the URL, web storage or the console.
 */

const FIXTURE = fileURLToPath(new URL('../../subgraphs/sociale-kaart/test/fixtures/pc4-sample.csv', import.meta.url));
/** Postcode area 3511 in the fixture. */
const PC3511 = { latitude: 52.0928, longitude: 5.1167 };

let running: ConsoleHub;
let browser: ConsoleBrowser;

beforeAll(async () => {
  running = await startConsoleHub({}, { postcodeAreasCsv: FIXTURE });
  browser = await launchBrowser(running.origin, 'postcode');
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
const shownDistances = async (b: ConsoleBrowser) =>
  (await b.page.locator('.hub-result .hub-tag', { hasText: / km$/ }).allTextContents()).map((t) => Number(t.replace(' km', '').replace(',', '.')));

/** The number of services within `km` of a point, asked of the API itself. */
async function countNear(point: { latitude: number; longitude: number }, km: number): Promise<number> {
  const res = await fetch(running.hub.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'query($near: NearInput) { searchServices(filter: { near: $near }, first: 1) { totalCount } }',
      variables: { near: { ...point, maxDistanceKm: km } },
    }),
  });
  const body = (await res.json()) as { data: { searchServices: { totalCount: number } } };
  return body.data.searchServices.totalCount;
}

describe('distance from a postcode in the sociale kaart', () => {
  it('shows a postcode field next to the gemeente when the postcode areas are loaded', async () => {
    const { page } = browser;
    await page.goto(`${running.origin}/sociale-kaart`);
    await settled(browser);
    await page.getByLabel('Postcode', { exact: true }).waitFor();
    expect(await page.locator('#search-distance').isDisabled()).toBe(true);
    expect(await page.getByText('Kies eerst een gemeente of vul een postcode in.').count()).toBe(1);
    await browser.screenshot('search-with-postcode-field');
    await expectNoAxeViolations(page, 'search with postcode field');
  });

  it('searches from the postcode typed with the keyboard, sorted by distance', async () => {
    const { page } = browser;
    await page.locator('#search-gemeente').selectOption('');
    await settled(browser);
    await page.locator('body').focus();
    await tabTo(page, /^Postcode/);
    expect((await focused(page)).tag).toBe('input');
    await page.keyboard.type('3511 AB', { delay: 40 });
    await page.getByText('Afstand vanaf het midden van de postcode').waitFor();
    await expect.poll(() => page.locator('#search-distance').isDisabled()).toBe(false);

    await page.locator('#search-distance').selectOption('10');
    await page.locator('#search-sort').selectOption('DISTANCE');
    await expect
      .poll(async () => {
        const shown = await shownDistances(browser);
        return shown.length > 1 && shown.every((d, i) => i === 0 || (shown[i - 1] ?? d) <= d);
      })
      .toBe(true);
    await settled(browser);
    const distances = await shownDistances(browser);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(Math.max(...distances)).toBeLessThanOrEqual(10);
    // The same services as from the centre of postcode area 3511 given as a point.
    const expected = await countNear(PC3511, 10);
    expect(expected).toBeGreaterThan(1);
    await expect.poll(() => totalShown(browser)).toBe(expected);
    expect(page.url()).toBe(`${running.origin}/sociale-kaart`);
    await browser.screenshot('sorted-from-postcode');
    await expectNoAxeViolations(page, 'sorted from postcode');
  });

  it('says next to the field when the hub does not know the postcode, or when it is not a postcode', async () => {
    const { page } = browser;
    const field = page.locator('#search-postcode');
    await field.fill('9999');
    await page.getByText('Deze postcode kennen we niet. Kijk of de 4 cijfers goed zijn.').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('alert').count()).toBe(0);
    await browser.screenshot('unknown-postcode');
    await expectNoAxeViolations(page, 'unknown postcode');

    await field.fill('35');
    await field.press('Enter');
    await page.getByText('Vul de 4 cijfers van de postcode in, bijvoorbeeld 3511.').waitFor();
    await browser.screenshot('not-a-postcode');
    await expectNoAxeViolations(page, 'not a postcode');

    await field.fill('3511');
    await expect.poll(() => page.getByText(/Vul de 4 cijfers|Deze postcode kennen we niet/).count()).toBe(0);
    await expect.poll(() => totalShown(browser)).toBe(await countNear(PC3511, 10));
  });

  it('reflows at 320 px and stays usable at 200 % zoom', async () => {
    const { page } = browser;
    await atSmallSizes(page, async (size) => {
      await browser.screenshot(`postcode-${size.replace(/\W+/g, '-')}`);
      await expectNoHorizontalScroll(page, `postcode search at ${size}`);
      expect(await page.locator('#search-postcode').isVisible()).toBe(true);
      await expectNoAxeViolations(page, `postcode search at ${size}`);
    });
  });

  it('keeps the postcode out of the URL, storage and console, and asked no other host', async () => {
    await expectNoPersonalDataOutsideThePage(browser, ['3511', '9999']);
    browser.expectOnlyOwnOrigin();
    expect(browser.messages).toEqual([]);
  });
});
