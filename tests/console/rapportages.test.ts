import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bsnCheckDigit, demoIds } from '@hub/domain';
import { signToken } from '@hub/identity';
import { sql } from '@hub/db';
import {
  atSmallSizes,
  devSignInToken,
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

/**
 * Half-year reports end to end. The demo OCO's beleidsmedewerker (Lotte Vermeulen) records a satisfaction
 * measurement, starts the report of the second half of 2025, writes the narrative (a phone number refused next to the
 * field first) and submits it by keyboard only, after a confirmation. Gemeente Amsterdam, which commissions the OCO,
 * reads only the Amsterdam part, downloads it and acknowledges it; a gemeente that does not commission the OCO
 * (Rotterdam, signed in with a token of the test hub) sees no report at all. Every page passes axe-core.
 */

const PROVIDER = 'Lotte Vermeulen';
const AMSTERDAM = 'GM0363';
const OPDRACHTGEVER = 'Ruben de Boer';
const ROTTERDAM = 'GM0599';
const OCO = demoIds.ocoOrganization(0);
/** The half year before the last one that ended: a past half year, but not the one the page offers first. */
const TODAY = new Date();
const PAST: { year: number; half: 1 | 2 } =
  TODAY.getUTCMonth() < 6 ? { year: TODAY.getUTCFullYear() - 1, half: 1 } : { year: TODAY.getUTCFullYear() - 1, half: 2 };
const PAST_KEY = `${PAST.year}-H${PAST.half}`;
const PREVIOUS_KEY = PAST.half === 2 ? `${PAST.year}-H1` : `${PAST.year - 1}-H2`;
const HALF_YEAR = `${PAST.half === 1 ? '1e' : '2e'} halfjaar ${PAST.year} (${PAST.half === 1 ? 'januari tot en met juni' : 'juli tot en met december'})`;
/**
 * The OCO's clients in the past half year: six in each of three gemeenten, so those parts have figures to publish, and
 * two in Haarlemmermeer (no demo clients there), whose figures are withheld.
 */
const CLIENT_GEMEENTEN: [string, number][] = [
  [AMSTERDAM, 6],
  ['GM0362', 6],
  ['GM0437', 6],
  ['GM0394', 2],
];
const PHONE = '06-12345678';
const REFUSED_TEXT = `Veel vragen over schulden, bel mevrouw op ${PHONE}.`;
const OBSERVATIONS = 'Veel vragen over geld en schulden, vooral van jongeren rond 18 jaar.';
const SIGNALLED = 'Wachtlijst bij de schuldhulp gemeld bij de gemeente en de overlegtafel.';
const OUTLOOK = 'Meer spreekuren in de wijk in het volgende halfjaar.';

/** A valid BSN (elfproef) of the 8xxxxxxxx range the demo data do not use, one per `n`. */
function testBsn(n: number): string {
  for (let candidate = n * 20; ; candidate++) {
    const first8 = `8${String(candidate).padStart(7, '0')}`;
    const check = bsnCheckDigit(first8);
    if (check !== null) return `${first8}${check}`;
  }
}

let running: ConsoleHub;
let browser: ConsoleBrowser;
let reportId = '';
/** The gemeenten of the provider's parts (codes), read from its own view. */
let providerGemeenten: { code: string; name: string }[] = [];

beforeAll(async () => {
  running = await startConsoleHub();
  browser = await launchBrowser(running.origin, 'rapportages');
  // The OCO's cliëntondersteuner supported people in three gemeenten in the past half year (trajectories moved there
  // in the database, as the report tests of the API do).
  const caseworker = await devSignInToken(running.origin, 'demo-co-oco');
  for (const [g, [gemeenteCode, count]] of CLIENT_GEMEENTEN.entries()) {
    for (let i = 0; i < count; i++) {
      const client = await graphqlData<{ registerClient: { client: { id: string } } }>(
        running.origin,
        'mutation($input: RegisterClientInput!) { registerClient(input: $input) { client { id } } }',
        {
          input: {
            bsn: testBsn(g * 10 + i),
            name: { givenName: 'Testa', familyName: `Rapportage ${g}-${i}` },
            dateOfBirth: '1960-01-01',
            gemeenteCode,
          },
        },
        caseworker,
      );
      const trajectory = await graphqlData<{ openTrajectory: { trajectory: { id: string } } }>(
        running.origin,
        'mutation($input: OpenTrajectoryInput!) { openTrajectory(input: $input) { trajectory { id } } }',
        {
          input: {
            clientId: client.registerClient.client.id,
            legalDomain: 'WMO_MAATWERKVOORZIENING',
            journeyPhase: 'BEFORE_INDICATION',
            hulpvraag: 'Ik wil weten welke hulp er is.',
            lifeDomains: ['FINANCIEN_EN_SCHULDEN'],
            targetGroups: ['OUDEREN'],
            supportForms: ['INFORMATIE_EN_ADVIES'],
          },
        },
        caseworker,
      );
      const opened = new Date(Date.UTC(PAST.year, PAST.half === 1 ? 1 : 7, 3 + i, 12));
      await running.hub.database.db.execute(
        sql`update cases.trajectory set opened_at = ${opened.toISOString()}::timestamptz where id = ${trajectory.openTrajectory.trajectory.id}::uuid`,
      );
    }
  }
  // Gemeente Amsterdam commissions the demo OCO for Amsterdam (recorded here unless the demo data already hold it).
  const amsterdam = await devSignInToken(running.origin, 'demo-beleid-amsterdam');
  const existing = await graphqlData<{ commissions: { nodes: { provider: { id: string }; gemeenteCodes: string[] }[] } }>(
    running.origin,
    'query($day: Date!) { commissions(activeOn: $day, first: 100) { nodes { provider { id } gemeenteCodes } } }',
    { day: `${PAST.year}-${PAST.half === 1 ? '03' : '09'}-01` },
    amsterdam,
  );
  if (!existing.commissions.nodes.some((c) => c.provider.id === OCO && c.gemeenteCodes.includes(AMSTERDAM))) {
    await graphqlData(
      running.origin,
      'mutation($input: RecordCommissionInput!) { recordCommission(input: $input) { commission { id } } }',
      { input: { providerOrganizationId: OCO, kind: 'CONTRACT', gemeenteCodes: [AMSTERDAM], validFrom: `${PAST.year}-01-01` } },
      amsterdam,
    );
  }
}, HUB_START_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

/** Every step: a screenshot, axe-core without violations, and nothing personal outside the page. */
async function step(name: string): Promise<void> {
  await browser.screenshot(name);
  await expectNoAxeViolations(browser.page, name);
  await expectNoPersonalDataOutsideThePage(browser, [PHONE, '0612345678', REFUSED_TEXT]);
}

async function smallSizes(page: Page, name: string): Promise<void> {
  await atSmallSizes(page, async (size) => {
    await browser.screenshot(`${name}-${size.replace(/\W+/g, '-')}`);
    await expectNoHorizontalScroll(page, `${name} at ${size}`);
  });
}

const POLL = { timeout: 30_000 };

/** Moves inside the console without a reload (a reload ends the in-memory session). */
async function goInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((p) => {
    window.history.pushState(null, '', p);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.getByText('U bent uitgelogd.').waitFor();
}

/**
 * Signs in with a token of the test hub for an identity the demo set lacks: the development sign-in answers with this
 * token instead of the demo identity's.
 */
async function signInWithToken(page: Page, token: string, name: string): Promise<void> {
  await signOut(page);
  await page.route('**/dev/sign-in', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ token, expiresAt: new Date(Date.now() + 3_600_000).toISOString() }) }),
  );
  await page.getByRole('link', { name: 'Inloggen' }).first().click();
  await page.getByRole('button', { name: `Inloggen als ${OPDRACHTGEVER}` }).click();
  await expect.poll(() => page.locator('.hub-session__name').textContent(), POLL).toBe(name);
  await page.unroute('**/dev/sign-in');
}

async function downloadBytes(page: Page, button: RegExp): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { download, bytes: readFileSync(await download.path()) };
}

function expectExcelCsv(bytes: Buffer): string {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  expect(text.split(/\r?\n/)[0]).toContain(';');
  return text;
}

describe('half-year reports in the console', () => {
  it('the provider records a satisfaction measurement and starts the report of a past half year', async () => {
    const { page } = browser;
    await page.goto(`${running.origin}/`);
    await signInAs(page, PROVIDER);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Rapportages' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Rapportages' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Tevredenheid van cliënten' }).waitFor();
    await step('provider-overview');
    await smallSizes(page, 'provider-overview');

    // A measurement without a method is refused in the form, next to the field, with the focus on it.
    await page.getByLabel('Aantal cliënten dat antwoord gaf').fill('42');
    await page.getByRole('button', { name: 'Meting vastleggen' }).click();
    await page.locator('#satisfaction-method-error').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('satisfaction-method');
    await page.getByLabel('Hoe hebt u gemeten?').fill('Vragenlijst na het afsluiten');
    await page.getByRole('button', { name: 'Meting vastleggen' }).click();
    await page.getByText('De meting is vastgelegd.').waitFor();
    await expect.poll(() => page.locator('.hub-facts').first().textContent(), POLL).toContain('Vragenlijst na het afsluiten');
    expect(await page.locator('.hub-satisfaction-overdue').count()).toBe(0);
    await step('satisfaction-recorded');

    // The half year by keyboard: the last ended one is preselected; one step down is the one before it.
    await page.locator('#start-half-year').focus();
    for (let i = 0; i < 6 && (await page.locator('#start-half-year option:checked').textContent()) !== HALF_YEAR; i++) {
      await page.keyboard.press('ArrowDown');
    }
    expect(await page.locator('#start-half-year option:checked').textContent()).toBe(HALF_YEAR);
    await tabTo(page, /^Rapportage beginnen$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: new RegExp(`^Halfjaarrapportage .*, ${HALF_YEAR.replace(/[()]/g, '\\$&')}`) }).waitFor();
    expect(page.url()).toMatch(/\/rapportages\/[0-9a-f-]{36}$/);
    reportId = page.url().split('/').at(-1) ?? '';
    expect(await page.locator('.hub-report-status').first().textContent()).toBe('Concept');
    expect(await page.locator('.hub-facts').first().textContent()).toContain(`${PAST_KEY}, vergeleken met het vorige halfjaar ${PREVIOUS_KEY}`);

    // The whole, then one part per gemeente; the figures in the five criteria; withheld figures say so.
    await page.getByRole('heading', { level: 2, name: 'Alle gemeenten samen' }).waitFor();
    providerGemeenten = await page
      .locator('section.hub-report-part[data-gemeente^="GM"]')
      .evaluateAll((sections) =>
        sections.map((s) => ({ code: s.getAttribute('data-gemeente') ?? '', name: (s.querySelector('h2')?.textContent ?? '').replace(/^Gemeente /, '') })),
      );
    expect(providerGemeenten.map((g) => g.code)).toContain(AMSTERDAM);
    expect(providerGemeenten.length).toBeGreaterThanOrEqual(2);
    for (const letter of ['a', 'b', 'c', 'd', 'e']) expect(await page.locator(`#total-${letter}`).count()).toBe(1);
    // Haarlemmermeer's two people are withheld: no number, "afgeschermd".
    const smallPart = page.locator('section.hub-report-part[data-gemeente="GM0394"]');
    expect(
      await smallPart
        .getByRole('row', { name: /^Mensen ondersteund/ })
        .locator('td')
        .first()
        .textContent(),
    ).toBe('afgeschermd');
    const withheld = page.locator('td.hub-figure--withheld');
    expect(await withheld.count()).toBeGreaterThan(0);
    for (const text of await withheld.allTextContents()) expect(text).toBe('afgeschermd');
    await page.getByText('omdat het over minder dan 5 mensen gaat', { exact: false }).waitFor();
    await step('report-draft');
  });

  it('the provider writes the narrative by keyboard (personal data refused at the field) and submits after a confirmation', async () => {
    const { page } = browser;
    await page.locator('#narrative-observations').focus();
    await page.keyboard.type(REFUSED_TEXT);
    await tabTo(page, /^Tekst opslaan$/);
    await page.keyboard.press('Enter');
    const error = page.locator('#narrative-observations-error');
    await error.waitFor();
    expect(await error.textContent()).toBe(
      'In deze tekst staat een telefoonnummer. Schrijf over groepen en ontwikkelingen, zonder iets waarmee iemand te herkennen is. Er is niets opgeslagen.',
    );
    await expect.poll(async () => (await focused(page)).tag, POLL).toBe('textarea');
    expect(await page.locator('#narrative-observations').getAttribute('aria-invalid')).toBe('true');
    await step('narrative-refused');

    await page.keyboard.press('Control+A');
    await page.keyboard.type(OBSERVATIONS);
    await page.keyboard.press('Tab');
    await page.keyboard.type(SIGNALLED);
    await page.keyboard.press('Tab');
    await page.keyboard.type(OUTLOOK);
    await tabTo(page, /^Tekst opslaan$/);
    await page.keyboard.press('Enter');
    await page.getByText('De tekst is opgeslagen.').waitFor();
    expect(await page.locator('#narrative-observations-error').count()).toBe(0);
    await step('narrative-saved');

    await tabTo(page, /^Indienen$/);
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('heading', { level: 3, name: 'Rapportage indienen?' });
    await confirm.waitFor();
    await expect.poll(async () => (await focused(page)).text, POLL).toBe('Rapportage indienen?');
    await step('submit-confirm');
    await tabTo(page, /^Ja, indienen$/);
    await page.keyboard.press('Enter');
    await page.getByText('De rapportage is ingediend.', { exact: false }).waitFor();
    await expect.poll(() => page.locator('.hub-report-status').first().textContent(), POLL).toBe('Ingediend');
    // Submitted: the texts are read-only now.
    expect(await page.locator('#narrative-observations').count()).toBe(0);
    await page.getByText(OBSERVATIONS).waitFor();
    await step('submitted');
    await smallSizes(page, 'submitted');
  });

  it('the provider downloads a CSV for Dutch Excel and a PDF', async () => {
    const { page } = browser;
    const csv = await downloadBytes(page, /CSV voor Excel/);
    expect(csv.download.suggestedFilename()).toMatch(/\.csv$/);
    expectExcelCsv(csv.bytes);
    const pdf = await downloadBytes(page, /PDF/);
    expect(pdf.download.suggestedFilename()).toMatch(/\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The token went in a header, never in a URL.
    expect(browser.requests.filter((url) => url.includes('/downloads/')).every((url) => !/token|bearer|eyJ/i.test(url))).toBe(true);
    browser.expectOnlyOwnOrigin();
  });

  it('the commissioning gemeente reads only its own part, downloads it and acknowledges', async () => {
    const { page } = browser;
    await signOut(page);
    await signInAs(page, OPDRACHTGEVER);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Rapportages' }).click();
    await page.getByRole('heading', { level: 2, name: 'Ingediende rapportages' }).waitFor();
    expect(await page.getByRole('link', { name: 'Vraag en aanbod in uw gemeente' }).getAttribute('href')).toBe('/rapportages/overzicht');
    const link = page.locator(`a[href="/rapportages/${reportId}"]`);
    await link.waitFor();
    await step('opdrachtgever-overview');
    await smallSizes(page, 'opdrachtgever-overview');

    await link.click();
    await page.getByRole('heading', { level: 1, name: /^Halfjaarrapportage / }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Gemeente Amsterdam' }).waitFor();
    expect(await page.locator('section.hub-report-part').evaluateAll((s) => s.map((e) => e.getAttribute('data-gemeente')))).toEqual([AMSTERDAM]);
    expect(await page.getByRole('heading', { name: 'Alle gemeenten samen' }).count()).toBe(0);
    const main = (await page.locator('main').textContent()) ?? '';
    for (const other of providerGemeenten.filter((g) => g.code !== AMSTERDAM)) expect(main).not.toContain(`Gemeente ${other.name}`);
    await page.getByText(OBSERVATIONS).waitFor();
    await step('opdrachtgever-report');

    const csv = expectExcelCsv((await downloadBytes(page, /CSV voor Excel/)).bytes);
    for (const other of providerGemeenten.filter((g) => g.code !== AMSTERDAM)) {
      expect(csv).not.toContain(other.code);
      expect(csv).not.toContain(other.name);
    }
    const pdf = await downloadBytes(page, /PDF/);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    await tabTo(page, /^Ontvangst bevestigen$/, 200);
    await page.keyboard.press('Enter');
    await page.getByText('U hebt de ontvangst bevestigd.', { exact: false }).waitFor();
    await expect.poll(() => page.locator('section[aria-labelledby="report-acknowledgements"] li').count(), POLL).toBe(1);
    expect(await page.getByRole('button', { name: 'Ontvangst bevestigen' }).count()).toBe(0);
    await step('acknowledged');
  });

  it('the opdrachtgever keeps its commissions: list, a refused form, a new one, ending it', async () => {
    const { page } = browser;
    await goInApp(page, '/rapportages');
    await page.getByRole('link', { name: /^Opdrachten/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Opdrachten' }).waitFor();
    await page.getByRole('table', { name: /Opdrachten en subsidies/ }).waitFor();
    // A gemeente commissions for itself only: Amsterdam is fixed.
    await page.getByText('Een gemeente geeft alleen opdracht voor de eigen gemeente.', { exact: false }).waitFor();
    await step('commissions');
    await smallSizes(page, 'commissions');

    // No provider chosen: said next to the field, nothing sent.
    await page.getByRole('button', { name: 'Opdracht vastleggen' }).click();
    await page.locator('#commission-providerOrganizationId-error').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('commission-providerOrganizationId');
    await step('commission-refused');

    await page.getByLabel('Soort aanbieder').selectOption('WELZIJN');
    const select = page.locator('#commission-providerOrganizationId');
    await expect.poll(() => select.locator('option').count(), POLL).toBeGreaterThan(1);
    const first = await select.locator('option').nth(1).textContent();
    await page.getByLabel('Zoek de aanbieder op naam').fill((first ?? '').slice(0, 6));
    await select.selectOption({ label: first ?? '' });
    await page.getByLabel('Subsidie of opdracht?').selectOption('SUBSIDY');
    await page.getByRole('button', { name: 'Opdracht vastleggen' }).click();
    await page.getByText(`De opdracht aan ${first} is vastgelegd.`).waitFor();
    const row = page.getByRole('row').filter({ hasText: first ?? '' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Subsidie');

    await row.getByRole('button', { name: `Opdracht aan ${first} beëindigen` }).click();
    await row.getByRole('button', { name: 'Opdracht beëindigen' }).click();
    await page.getByText(`De opdracht aan ${first} loopt tot en met`, { exact: false }).waitFor();
    await step('commission-ended');
  });

  it('a zorgkantoor chooses the gemeenten of its region for a commission, and then reads that part', async () => {
    const { page } = browser;
    const issuer = running.hub.issuer;
    if (!issuer) throw new Error('The hub holds no development issuer.');
    const token = await signToken(issuer, {
      subject: 'test-beleid-zk02',
      name: 'Kim Zorgkantoor',
      organizationId: demoIds.zorgkantoorOrganization('ZK02'),
      organizationType: 'ZORGKANTOOR',
      roles: ['BELEIDSMEDEWERKER'],
      zorgkantoorregio: 'ZK02',
    });
    await signInWithToken(page, token, 'Kim Zorgkantoor');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Rapportages' }).click();
    await page.getByRole('link', { name: /^Opdrachten/ }).click();
    const gemeenten = page.getByRole('group', { name: /^Voor welke gemeenten in de regio / });
    await gemeenten.getByRole('checkbox', { name: 'Amsterdam' }).waitFor();
    expect(await gemeenten.getByRole('checkbox').count()).toBeGreaterThan(1);

    // No gemeente ticked: said at the group, nothing sent.
    const providers = page.locator('#commission-providerOrganizationId');
    await expect.poll(() => providers.locator('option').count(), POLL).toBeGreaterThan(1);
    await page.getByLabel('Zoek de aanbieder op naam').fill('Noord');
    await providers.selectOption({ value: OCO });
    await page.getByRole('button', { name: 'Opdracht vastleggen' }).click();
    await page.locator('#commission-gemeenteCodes-error').waitFor();
    await step('zorgkantoor-commission-refused');

    await gemeenten.getByRole('checkbox', { name: 'Amsterdam' }).check();
    await page.getByLabel('Eerste dag').fill(`${PAST.year}-01-01`);
    await page.getByRole('button', { name: 'Opdracht vastleggen' }).click();
    await page.getByText(/^De opdracht aan .* is vastgelegd\.$/).waitFor();
    await step('zorgkantoor-commission');

    await page.getByRole('link', { name: 'Terug naar Rapportages' }).click();
    await page.locator(`a[href="/rapportages/${reportId}"]`).click();
    await page.getByRole('heading', { level: 2, name: 'Gemeente Amsterdam' }).waitFor();
    expect(await page.locator('section.hub-report-part').evaluateAll((s) => s.map((e) => e.getAttribute('data-gemeente')))).toEqual([AMSTERDAM]);
    await step('zorgkantoor-report');
  });

  it('a gemeente that does not commission the provider reads no report, not even by its address', async () => {
    const { page } = browser;
    const issuer = running.hub.issuer;
    if (!issuer) throw new Error('The hub holds no development issuer.');
    const token = await signToken(issuer, {
      subject: 'test-beleid-rotterdam',
      name: 'Sam Rotterdam',
      organizationId: demoIds.gemeenteOrganization(ROTTERDAM),
      organizationType: 'GEMEENTE',
      roles: ['BELEIDSMEDEWERKER'],
      gemeenteCode: ROTTERDAM,
    });
    await signInWithToken(page, token, 'Sam Rotterdam');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Rapportages' }).click();
    await page.getByText('Er zijn geen ingediende rapportages voor uw organisatie.').waitFor();
    expect(await page.locator(`a[href="/rapportages/${reportId}"]`).count()).toBe(0);
    await step('other-gemeente-overview');

    await goInApp(page, `/rapportages/${reportId}`);
    await page.getByText('Deze rapportage is niet gevonden, of u mag hem niet lezen.', { exact: false }).waitFor();
    expect(await page.locator('section.hub-report-part').count()).toBe(0);
    await step('other-gemeente-report');

    // The downloads answer the same as for a report that does not exist.
    for (const ext of ['csv', 'pdf']) {
      const res = await fetch(`${running.origin}/downloads/rapportages/${reportId}.${ext}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(404);
    }
  });
});
