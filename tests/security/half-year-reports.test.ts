import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type GraphQLResult, type TestHub } from '@hub/testing';
import { buildOrg, dataOf, type TestOrg } from '../../subgraphs/cases/test/builders.ts';
import {
  ACKNOWLEDGE,
  clientsIn,
  COMMISSIONED,
  NARRATIVE,
  PAST_YEAR,
  partCodes,
  RECORD_COMMISSION,
  recordCommission,
  REPORT,
  START,
  startReport,
  submitReport,
  type ReportData,
} from '../../subgraphs/cases/test/report-builders.ts';

/**
 * Half-year reports to opdrachtgevers: a gemeente that does not commission the provider reads nothing (the query, the
 * list, the downloads); a commissioner reads only its own gemeenten (also in the CSV and PDF); a draft is invisible to
 * opdrachtgevers; nobody commissions outside its own gemeente or region; other roles are refused; nobody acknowledges
 * a report that is not addressed to them; and nothing done after the first submission changes its figures. Each attack
 * through the gateway and straight at the cases subgraph (with the gateway's secret, as an attacker inside would try).
 */

let hub: TestHub;
let provider: TestOrg;
let amsterdam: TestOrg;
let diemen: TestOrg;
let amstelveen: TestOrg;
let providerToken: string;
let amsterdamToken: string;
let amstelveenToken: string;
let report: ReportData;

type Via = 'gateway' | 'cases subgraph';
const VIAS: Via[] = ['gateway', 'cases subgraph'];

function ask<T>(via: Via, query: string, variables: Record<string, unknown>, token: string): Promise<GraphQLResult<T>> {
  if (via === 'gateway') return hub.graphql<T>(query, variables, { token });
  return hub.directSubgraphRequest<T>('cases', query, { secret: hub.subgraphSecrets.cases, token, variables });
}

async function download(via: Via, path: string, token: string | null, extraHeaders: Record<string, string> = {}): Promise<Response> {
  const headers: Record<string, string> = { ...extraHeaders };
  if (token) headers.authorization = `Bearer ${token}`;
  if (via === 'gateway') return fetch(hub.gatewayPath(path), { headers });
  const casesUrl = hub.subgraphUrls.cases;
  if (!casesUrl) throw new Error('no cases subgraph');
  return fetch(new URL(path, casesUrl), { headers: { ...headers, 'x-hub-subgraph-secret': hub.subgraphSecrets.cases ?? '' } });
}

const readReport = async (via: Via, token: string) =>
  dataOf(await ask<{ halfYearReport: ReportData | null }>(via, REPORT, { id: report.id }, token)).halfYearReport;
const errorOf = (res: GraphQLResult<unknown>) => res.body.errors?.[0]?.extensions;
/** The 404 a report that does not exist gets: every refusal of a download must look exactly like it. */
let noSuchReport: { status: number; body: string };

beforeAll(async () => {
  hub = await startTestHub();
  provider = await buildOrg(hub, 'OCO');
  amsterdam = await buildOrg(hub, 'GEMEENTE', { gemeenteCode: 'GM0363' });
  diemen = await buildOrg(hub, 'GEMEENTE', { gemeenteCode: 'GM0384' });
  amstelveen = await buildOrg(hub, 'GEMEENTE', { gemeenteCode: 'GM0362' });
  providerToken = await provider.token(['BELEIDSMEDEWERKER']);
  amsterdamToken = await amsterdam.token(['BELEIDSMEDEWERKER']);
  amstelveenToken = await amstelveen.token(['BELEIDSMEDEWERKER']);
  await clientsIn(hub, provider, 'GM0363', 6);
  await clientsIn(hub, provider, 'GM0384', 5);
  await clientsIn(hub, provider, 'GM0362', 7);
  const validFrom = `${PAST_YEAR}-01-01`;
  await recordCommission(hub, amsterdamToken, { providerOrganizationId: provider.id, kind: 'CONTRACT', gemeenteCodes: ['GM0363'], validFrom });
  await recordCommission(hub, await diemen.token(['BELEIDSMEDEWERKER']), {
    providerOrganizationId: provider.id,
    kind: 'SUBSIDY',
    gemeenteCodes: ['GM0384'],
    validFrom,
  });
  report = await startReport(hub, providerToken);
  const missing = await download('gateway', '/downloads/rapportages/6f1d0c1e-5a4b-4c3d-8e2f-1a2b3c4d5e6f.csv', amsterdamToken);
  noSuchReport = { status: missing.status, body: await missing.text() };
  expect(noSuchReport.status).toBe(404);
});
afterAll(async () => {
  await hub?.stop();
});

async function expectLikeNoSuchReport(res: Response) {
  expect(res.status).toBe(noSuchReport.status);
  expect(await res.text()).toBe(noSuchReport.body);
}

describe('a draft', () => {
  it.each(VIAS)('is invisible to opdrachtgevers: query, list and downloads (%s)', async (via) => {
    expect(await readReport(via, amsterdamToken)).toBeNull();
    const listed = dataOf(await ask<{ commissionedHalfYearReports: { nodes: unknown[] } }>(via, COMMISSIONED, {}, amsterdamToken));
    expect(listed.commissionedHalfYearReports.nodes).toEqual([]);
    await expectLikeNoSuchReport(await download(via, report.downloads.csv, amsterdamToken));
    await expectLikeNoSuchReport(await download(via, report.downloads.pdf, amsterdamToken));
  });
});

describe('after submission', () => {
  let submittedTotal: number | null | undefined;

  beforeAll(async () => {
    const withNarrative = dataOf(
      await hub.graphql<{ updateHalfYearReportNarrative: { report: ReportData } }>(
        NARRATIVE,
        { input: { reportId: report.id, expectedVersion: report.version, observations: 'Meer vragen over schulden.' } },
        { token: providerToken },
      ),
    ).updateHalfYearReportNarrative.report;
    report = await submitReport(hub, providerToken, withNarrative);
    submittedTotal = report.total?.peopleSupported.value;
    expect(submittedTotal).toBe(18);
  });

  it.each(VIAS)('a gemeente that does not commission the provider reads nothing: query, list, downloads (%s)', async (via) => {
    expect(await readReport(via, amstelveenToken)).toBeNull();
    const listed = dataOf(await ask<{ commissionedHalfYearReports: { nodes: unknown[] } }>(via, COMMISSIONED, {}, amstelveenToken));
    expect(listed.commissionedHalfYearReports.nodes).toEqual([]);
    for (const path of [report.downloads.csv, report.downloads.pdf, `${report.downloads.csv}?gemeente=GM0362`]) {
      await expectLikeNoSuchReport(await download(via, path, amstelveenToken));
    }
  });

  it.each(VIAS)('a commissioner reads only its own gemeente, without the total, also in the CSV and PDF (%s)', async (via) => {
    const read = await readReport(via, amsterdamToken);
    expect(read && partCodes(read)).toEqual(['GM0363']);
    expect(read?.total).toBeNull();
    const csv = await download(via, report.downloads.csv, amsterdamToken);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="halfjaarrapportage-[a-z0-9-]+-${PAST_YEAR}-H2\\.csv"$`));
    expect(csv.headers.get('cache-control')).toBe('no-store');
    const text = await csv.text();
    for (const other of ['GM0384', 'Diemen', 'GM0362', 'Amstelveen']) expect(text).not.toContain(other);
    const pdf = await download(via, report.downloads.pdf, amsterdamToken);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    for (const other of ['GM0384', 'Diemen', 'GM0362', 'Amstelveen']) expect(bytes.toString('latin1')).not.toContain(other);
    const own = await download(via, `${report.downloads.csv}?gemeente=GM0363`, amsterdamToken);
    expect(own.status).toBe(200);
    for (const gemeente of ['GM0384', 'GM0362']) {
      await expectLikeNoSuchReport(await download(via, `${report.downloads.csv}?gemeente=${gemeente}`, amsterdamToken));
      await expectLikeNoSuchReport(await download(via, `${report.downloads.pdf}?gemeente=${gemeente}`, amsterdamToken));
    }
  });

  it.each(VIAS)('other roles of a commissioning gemeente, and a client token, read nothing (%s)', async (via) => {
    for (const role of ['CLIENTONDERSTEUNER', 'BEHEERDER', 'PRIVACY_OFFICER', 'OVERLEGTAFEL'] as const) {
      const token = await amsterdam.token([role]);
      expect(await readReport(via, token)).toBeNull();
      await expectLikeNoSuchReport(await download(via, report.downloads.csv, token));
      expect(errorOf(await ask(via, COMMISSIONED, {}, token))?.code).toBe('FORBIDDEN');
    }
    const clientToken = await hub.clientTokenFor({ bsn: '111222333' });
    await expectLikeNoSuchReport(await download(via, report.downloads.csv, clientToken));
    expect(errorOf(await ask(via, REPORT, { id: report.id }, clientToken))?.code).toBe('FORBIDDEN');
  });

  it.each(VIAS)('a download needs the bearer token in the Authorization header, and cases needs the gateway (%s)', async (via) => {
    const anonymous = await download(via, report.downloads.csv, null);
    expect(anonymous.status).toBe(401);
    const inUrl = await download(via, `${report.downloads.csv}?access_token=${amsterdamToken}`, null);
    expect(inUrl.status).toBe(401);
    const forged = await download(via, report.downloads.csv, `${amsterdamToken.slice(0, -4)}AAAA`);
    expect(forged.status).toBe(401);
    const post = await fetch(via === 'gateway' ? hub.gatewayPath(report.downloads.csv) : new URL(report.downloads.csv, hub.subgraphUrls.cases), {
      method: 'POST',
      headers: { authorization: `Bearer ${amsterdamToken}`, 'x-hub-subgraph-secret': hub.subgraphSecrets.cases ?? '' },
    });
    expect(post.status).toBe(405);
  });

  it('straight at the cases subgraph without the gateway secret, a download is refused', async () => {
    const casesUrl = hub.subgraphUrls.cases ?? '';
    const res = await fetch(new URL(report.downloads.csv, casesUrl), { headers: { authorization: `Bearer ${amsterdamToken}` } });
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain('GM0363');
  });

  it.each(VIAS)('nobody acknowledges a report not addressed to them (%s)', async (via) => {
    const input = { input: { reportId: report.id, expectedVersion: report.version } };
    expect(errorOf(await ask(via, ACKNOWLEDGE, input, amstelveenToken))?.code).toBe('NOT_FOUND');
    expect(errorOf(await ask(via, ACKNOWLEDGE, input, providerToken))?.code).toBe('FORBIDDEN');
    expect(errorOf(await ask(via, ACKNOWLEDGE, input, await amsterdam.token(['BEHEERDER'])))?.code).toBe('FORBIDDEN');
    const otherProvider = await buildOrg(hub, 'OCO');
    expect(errorOf(await ask(via, ACKNOWLEDGE, input, await otherProvider.token(['BELEIDSMEDEWERKER'])))?.code).toBe('NOT_FOUND');
  });

  it.each(VIAS)('no refresh, restart or resubmission changes the submitted figures (%s)', async (via) => {
    await clientsIn(hub, provider, 'GM0363', 4);
    await clientsIn(hub, provider, 'GM0384', 1);
    const again = dataOf(await ask<{ startHalfYearReport: { report: ReportData } }>(via, START, { input: { year: PAST_YEAR, half: 2 } }, providerToken));
    expect(again.startHalfYearReport.report).toMatchObject({ id: report.id, status: 'SUBMITTED' });
    expect(again.startHalfYearReport.report.total?.peopleSupported.value).toBe(submittedTotal);
    const resubmit = await ask(
      via,
      /* GraphQL */ `mutation ($input: HalfYearReportVersionInput!) { submitHalfYearReport(input: $input) { report { id } } }`,
      {
        input: { reportId: report.id, expectedVersion: report.version },
      },
      providerToken,
    );
    expect(errorOf(resubmit)?.code).toBe('INVALID_TRANSITION');
    const byProvider = await readReport(via, providerToken);
    expect(byProvider?.gemeenteParts).toEqual(report.gemeenteParts);
    expect(byProvider?.total).toEqual(report.total);
    const byCommissioner = await readReport(via, amsterdamToken);
    expect(byCommissioner?.gemeenteParts).toEqual(report.gemeenteParts.filter((p) => p.gemeente?.code === 'GM0363'));
  });
});

describe('commissions', () => {
  it.each(VIAS)('a gemeente cannot commission for another gemeente, a zorgkantoor not outside its region (%s)', async (via) => {
    const input = (gemeenteCodes: string[]) => ({
      input: { providerOrganizationId: provider.id, kind: 'CONTRACT', gemeenteCodes, validFrom: `${PAST_YEAR}-01-01` },
    });
    expect(errorOf(await ask(via, RECORD_COMMISSION, input(['GM0362']), amsterdamToken))?.code).toBe('FORBIDDEN');
    expect(errorOf(await ask(via, RECORD_COMMISSION, input(['GM0363', 'GM0362']), amsterdamToken))?.code).toBe('FORBIDDEN');
    const zorgkantoor = await buildOrg(hub, 'ZORGKANTOOR', { zorgkantoorregio: 'ZK02' });
    const zkToken = await zorgkantoor.token(['BELEIDSMEDEWERKER']);
    expect(errorOf(await ask(via, RECORD_COMMISSION, input(['GM0362']), zkToken))?.code).toBe('FORBIDDEN');
    const noRegion = await buildOrg(hub, 'ZORGKANTOOR');
    expect(errorOf(await ask(via, RECORD_COMMISSION, input(['GM0363']), await noRegion.token(['BELEIDSMEDEWERKER'])))?.code).toBe('FORBIDDEN');
    expect(errorOf(await ask(via, RECORD_COMMISSION, input(['GM0363']), await amsterdam.token(['BEHEERDER'])))?.code).toBe('FORBIDDEN');
    // None of these gave Amstelveen's report readers: the stranger still reads nothing.
    expect(await readReport(via, amstelveenToken)).toBeNull();
  });
});
