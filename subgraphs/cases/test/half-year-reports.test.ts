import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationEventSchema } from '@hub/contracts';
import { amsterdamDate } from '@hub/domain';
import { startTestHub, type GraphQLResult, type TestHub } from '@hub/testing';
import { halfYearReport, outbox, satisfactionReminder } from '../src/db/schema.ts';
import { addYears, remindSatisfactionMeasurements } from '../src/half-year-reports/service.ts';
import { buildOrg, dataOf, type TestOrg } from './builders.ts';
import {
  ACKNOWLEDGE,
  clientsIn,
  COMMISSIONED,
  COMMISSIONS,
  END_COMMISSION,
  MEASUREMENT_STATUS,
  MY_REPORTS,
  NARRATIVE,
  PAST_YEAR,
  partCodes,
  RECORD_COMMISSION,
  RECORD_MEASUREMENT,
  recordCommission,
  REPORT,
  startReport,
  submitReport,
  type ReportData,
} from './report-builders.ts';

/**
 * Commissions, the half-year report workflow and the satisfaction measurement: every rule and every error, through the
 * gateway (the cases subgraph's own tests; the attacks straight at the subgraph are in tests/security).
 */

let hub: TestHub;
let provider: TestOrg;
let amsterdam: TestOrg;
let diemen: TestOrg;
let zorgkantoor: TestOrg;
let stranger: TestOrg;
let providerToken: string;
let amsterdamToken: string;
let diemenToken: string;

beforeAll(async () => {
  hub = await startTestHub();
  provider = await buildOrg(hub, 'OCO');
  amsterdam = await buildOrg(hub, 'GEMEENTE', { gemeenteCode: 'GM0363' });
  diemen = await buildOrg(hub, 'GEMEENTE', { gemeenteCode: 'GM0384' });
  zorgkantoor = await buildOrg(hub, 'ZORGKANTOOR', { zorgkantoorregio: 'ZK02' });
  stranger = await buildOrg(hub, 'GEMEENTE', { gemeenteCode: 'GM0362' });
  providerToken = await provider.token(['BELEIDSMEDEWERKER']);
  amsterdamToken = await amsterdam.token(['BELEIDSMEDEWERKER']);
  diemenToken = await diemen.token(['BELEIDSMEDEWERKER']);
  await clientsIn(hub, provider, 'GM0363', 6);
  await clientsIn(hub, provider, 'GM0384', 5);
  await clientsIn(hub, provider, 'GM0362', 7);
});
afterAll(async () => {
  await hub?.stop();
});

const errorOf = (res: GraphQLResult<unknown>) => res.body.errors?.[0]?.extensions;
const commissionInput = (overrides: Record<string, unknown> = {}) => ({
  providerOrganizationId: provider.id,
  kind: 'CONTRACT',
  gemeenteCodes: ['GM0363'],
  validFrom: `${PAST_YEAR}-01-01`,
  ...overrides,
});

describe('recordCommission and endCommission', () => {
  it('lets a gemeente commission a provider for its own gemeente, and both read it', async () => {
    const c = await recordCommission(hub, amsterdamToken, commissionInput({ kind: 'SUBSIDY', validUntil: `${PAST_YEAR}-03-31` }));
    const mine = dataOf(await hub.graphql<{ commissions: { nodes: { id: string }[] } }>(COMMISSIONS, {}, { token: amsterdamToken }));
    expect(mine.commissions.nodes.map((n) => n.id)).toContain(c.id);
    const received = dataOf(await hub.graphql<{ commissions: { nodes: { id: string }[] } }>(COMMISSIONS, {}, { token: providerToken }));
    expect(received.commissions.nodes.map((n) => n.id)).toContain(c.id);
    const later = dataOf(
      await hub.graphql<{ commissions: { nodes: { id: string }[] } }>(COMMISSIONS, { activeOn: `${PAST_YEAR}-05-01` }, { token: amsterdamToken }),
    );
    expect(later.commissions.nodes.map((n) => n.id)).not.toContain(c.id);
    const strangers = dataOf(
      await hub.graphql<{ commissions: { nodes: { id: string }[] } }>(COMMISSIONS, {}, { token: await stranger.token(['BELEIDSMEDEWERKER']) }),
    );
    expect(strangers.commissions.nodes).toEqual([]);
  });

  it('lets a zorgkantoor commission for gemeenten of its region, not outside it', async () => {
    const token = await zorgkantoor.token(['BELEIDSMEDEWERKER']);
    // Another provider: the workflow below counts the commissioners of `provider`.
    const other = await buildOrg(hub, 'OCO');
    const ok = await hub.graphql(
      RECORD_COMMISSION,
      { input: commissionInput({ providerOrganizationId: other.id, gemeenteCodes: ['GM0384', 'GM0363', 'GM0363'] }) },
      { token },
    );
    expect(dataOf(ok).recordCommission).toMatchObject({ commission: { gemeenteCodes: ['GM0363', 'GM0384'] } });
    const outside = await hub.graphql(RECORD_COMMISSION, { input: commissionInput({ gemeenteCodes: ['GM0363', 'GM0362'] }) }, { token });
    expect(errorOf(outside)?.code).toBe('FORBIDDEN');
  });

  it('refuses a gemeente commissioning for another gemeente, other roles and organisation types', async () => {
    const other = await hub.graphql(RECORD_COMMISSION, { input: commissionInput({ gemeenteCodes: ['GM0384'] }) }, { token: amsterdamToken });
    expect(errorOf(other)?.code).toBe('FORBIDDEN');
    const both = await hub.graphql(RECORD_COMMISSION, { input: commissionInput({ gemeenteCodes: ['GM0363', 'GM0384'] }) }, { token: amsterdamToken });
    expect(errorOf(both)?.code).toBe('FORBIDDEN');
    const role = await hub.graphql(RECORD_COMMISSION, { input: commissionInput() }, { token: await amsterdam.token(['BEHEERDER']) });
    expect(errorOf(role)?.code).toBe('FORBIDDEN');
    const oco = await hub.graphql(RECORD_COMMISSION, { input: commissionInput({ providerOrganizationId: amsterdam.id }) }, { token: providerToken });
    expect(errorOf(oco)?.code).toBe('FORBIDDEN');
    const anonymous = await hub.graphql(RECORD_COMMISSION, { input: commissionInput() });
    expect(errorOf(anonymous)?.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['input.providerOrganizationId', { providerOrganizationId: 'not-a-uuid' }],
    ['input.providerOrganizationId', { providerOrganizationId: '7b0c5a52-4c1f-4e4b-9a53-000000000000' }],
    ['input.gemeenteCodes', { gemeenteCodes: [] }],
    ['input.gemeenteCodes.0', { gemeenteCodes: ['GM9999'] }],
    ['input.gemeenteCodes.0', { gemeenteCodes: ['Amsterdam'] }],
    ['input.validFrom', { validFrom: `${PAST_YEAR}-02-30` }],
    ['input.validFrom', { validFrom: '1999-12-31' }],
    ['input.validUntil', { validUntil: `${PAST_YEAR - 1}-12-31` }],
  ])('refuses bad input on %s and stores nothing', async (field, overrides) => {
    const before = dataOf(await hub.graphql<{ commissions: { nodes: unknown[] } }>(COMMISSIONS, {}, { token: amsterdamToken })).commissions.nodes.length;
    const res = await hub.graphql(RECORD_COMMISSION, { input: commissionInput(overrides) }, { token: amsterdamToken });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    const after = dataOf(await hub.graphql<{ commissions: { nodes: unknown[] } }>(COMMISSIONS, {}, { token: amsterdamToken })).commissions.nodes.length;
    expect(after).toBe(before);
  });

  it('refuses a gemeente commissioning itself', async () => {
    const res = await hub.graphql(RECORD_COMMISSION, { input: commissionInput({ providerOrganizationId: amsterdam.id }) }, { token: amsterdamToken });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.providerOrganizationId' });
  });

  it('ends a commission of its own only, not before its start and not later than it ends', async () => {
    const c = await recordCommission(hub, amsterdamToken, commissionInput({ validFrom: `${PAST_YEAR + 1}-01-01` }));
    const foreign = await hub.graphql(END_COMMISSION, { input: { commissionId: c.id, validUntil: `${PAST_YEAR + 1}-06-30` } }, { token: diemenToken });
    expect(errorOf(foreign)?.code).toBe('NOT_FOUND');
    const early = await hub.graphql(END_COMMISSION, { input: { commissionId: c.id, validUntil: `${PAST_YEAR}-06-30` } }, { token: amsterdamToken });
    expect(errorOf(early)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.validUntil' });
    const ended = await hub.graphql(END_COMMISSION, { input: { commissionId: c.id, validUntil: `${PAST_YEAR + 1}-06-30` } }, { token: amsterdamToken });
    expect(dataOf(ended).endCommission).toEqual({ commission: { id: c.id, validUntil: `${PAST_YEAR + 1}-06-30` } });
    const extend = await hub.graphql(END_COMMISSION, { input: { commissionId: c.id, validUntil: `${PAST_YEAR + 1}-12-31` } }, { token: amsterdamToken });
    expect(errorOf(extend)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.validUntil' });
  });
});

describe('the half-year report workflow', () => {
  let draft: ReportData;

  beforeAll(async () => {
    // Amsterdam commissions the provider for its gemeente, Diemen for its own; the stranger (Amstelveen) does not.
    await recordCommission(hub, amsterdamToken, commissionInput());
    await recordCommission(hub, diemenToken, commissionInput({ gemeenteCodes: ['GM0384'] }));
  });

  it('refuses to start a half year that has not ended, a bad half and other roles', async () => {
    const year = new Date().getUTCFullYear() + 1;
    const running = await hub.graphql(
      /* GraphQL */ `mutation ($input: StartHalfYearReportInput!) { startHalfYearReport(input: $input) { report { id } } }`,
      { input: { year, half: 1 } },
      { token: providerToken },
    );
    expect(errorOf(running)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.half' });
    const half = await hub.graphql(
      /* GraphQL */ `mutation ($input: StartHalfYearReportInput!) { startHalfYearReport(input: $input) { report { id } } }`,
      { input: { year: PAST_YEAR, half: 3 } },
      { token: providerToken },
    );
    expect(errorOf(half)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.half' });
    const yearOut = await hub.graphql(
      /* GraphQL */ `mutation ($input: StartHalfYearReportInput!) { startHalfYearReport(input: $input) { report { id } } }`,
      { input: { year: 1999, half: 1 } },
      { token: providerToken },
    );
    expect(errorOf(yearOut)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.year' });
    const role = await hub.graphql(
      /* GraphQL */ `mutation ($input: StartHalfYearReportInput!) { startHalfYearReport(input: $input) { report { id } } }`,
      { input: { year: PAST_YEAR, half: 2 } },
      { token: await provider.token(['CLIENTONDERSTEUNER']) },
    );
    expect(errorOf(role)?.code).toBe('FORBIDDEN');
  });

  it('starts a draft idempotently, with live figures per gemeente for the provider only', async () => {
    draft = await startReport(hub, providerToken);
    const again = await startReport(hub, await provider.token(['BEHEERDER']));
    expect(again.id).toBe(draft.id);
    expect(draft).toMatchObject({ status: 'DRAFT', version: 1, period: { key: `${PAST_YEAR}-H2` }, submittedAt: null });
    expect(partCodes(draft)).toEqual(['GM0362', 'GM0363', 'GM0384']);
    expect(draft.total?.peopleSupported.value).toBe(18);
    expect(draft.downloads).toEqual({ csv: `/downloads/rapportages/${draft.id}.csv`, pdf: `/downloads/rapportages/${draft.id}.pdf` });
    const commissioner = await hub.graphql<{ halfYearReport: unknown }>(REPORT, { id: draft.id }, { token: amsterdamToken });
    expect(dataOf(commissioner).halfYearReport).toBeNull();
    const mine = dataOf(await hub.graphql<{ myHalfYearReports: { nodes: { id: string }[] } }>(MY_REPORTS, {}, { token: providerToken }));
    expect(mine.myHalfYearReports.nodes.map((n) => n.id)).toEqual([draft.id]);
  });

  it('refuses narrative with personal data, too long, on a stale version, and stores nothing', async () => {
    const guarded = await hub.graphql(
      NARRATIVE,
      { input: { reportId: draft.id, expectedVersion: 1, observations: 'Bel mevrouw op 06-12345678.' } },
      { token: providerToken },
    );
    expect(errorOf(guarded)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.observations', personalData: 'PHONE' });
    const long = await hub.graphql(NARRATIVE, { input: { reportId: draft.id, expectedVersion: 1, outlook: 'x'.repeat(8001) } }, { token: providerToken });
    expect(errorOf(long)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.outlook' });
    const stale = await hub.graphql(
      NARRATIVE,
      { input: { reportId: draft.id, expectedVersion: 7, observations: 'Meer vragen over wonen.' } },
      { token: providerToken },
    );
    expect(errorOf(stale)?.code).toBe('CONFLICT');
    const foreign = await hub.graphql(NARRATIVE, { input: { reportId: draft.id, expectedVersion: 1, observations: 'x' } }, { token: amsterdamToken });
    expect(errorOf(foreign)?.code).toBe('NOT_FOUND');
    const role = await hub.graphql(
      NARRATIVE,
      { input: { reportId: draft.id, expectedVersion: 1, observations: 'x' } },
      { token: await provider.token(['CLIENTONDERSTEUNER']) },
    );
    expect(errorOf(role)?.code).toBe('FORBIDDEN');
    const otherProvider = await buildOrg(hub, 'OCO');
    const notMine = await hub.graphql(
      NARRATIVE,
      { input: { reportId: draft.id, expectedVersion: 1, observations: 'x' } },
      { token: await otherProvider.token(['BEHEERDER']) },
    );
    expect(errorOf(notMine)?.code).toBe('NOT_FOUND');
    const read = dataOf(await hub.graphql<{ halfYearReport: ReportData }>(REPORT, { id: draft.id }, { token: providerToken })).halfYearReport;
    expect(read.narrative).toEqual({ observations: '', signalled: '', outlook: '' });
    expect(read.version).toBe(1);
  });

  it('saves the narrative, submits with fixed figures and notifies each commissioning organisation', async () => {
    const saved = dataOf(
      await hub.graphql<{ updateHalfYearReportNarrative: { report: ReportData } }>(
        NARRATIVE,
        { input: { reportId: draft.id, expectedVersion: 1, observations: 'Meer vragen over wonen.', signalled: 'Wachttijden bij de Wlz.' } },
        { token: providerToken },
      ),
    ).updateHalfYearReportNarrative.report;
    expect(saved).toMatchObject({ version: 2, narrative: { observations: 'Meer vragen over wonen.', signalled: 'Wachttijden bij de Wlz.', outlook: '' } });
    const submitted = await submitReport(hub, providerToken, saved);
    expect(submitted).toMatchObject({ status: 'SUBMITTED', version: 3 });
    expect(submitted.submittedAt).not.toBeNull();
    const events = (await hub.database.db.select().from(outbox).orderBy(asc(outbox.seq)))
      .map((r) => notificationEventSchema.parse(r.payload))
      .filter((e) => e.item.id === draft.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'REPORT_SUBMITTED', item: { type: 'HALF_YEAR_REPORT' }, audience: { roles: ['BELEIDSMEDEWERKER'] } });
    expect([...(events[0]?.audience.organizationIds ?? [])].sort()).toEqual([amsterdam.id, diemen.id].sort());
    const again = await hub.graphql(
      /* GraphQL */ `mutation ($input: HalfYearReportVersionInput!) { submitHalfYearReport(input: $input) { report { id } } }`,
      { input: { reportId: draft.id, expectedVersion: 3 } },
      { token: providerToken },
    );
    expect(errorOf(again)?.code).toBe('INVALID_TRANSITION');
    const narrative = await hub.graphql(NARRATIVE, { input: { reportId: draft.id, expectedVersion: 3, outlook: 'Later.' } }, { token: providerToken });
    expect(errorOf(narrative)?.code).toBe('INVALID_TRANSITION');
  });

  it('keeps the submitted figures when trajectories of the half year are added later', async () => {
    await clientsIn(hub, provider, 'GM0363', 3);
    const read = dataOf(await hub.graphql<{ halfYearReport: ReportData }>(REPORT, { id: draft.id }, { token: providerToken })).halfYearReport;
    expect(read.total?.peopleSupported.value).toBe(18);
    expect(read.gemeenteParts.find((p) => p.gemeente?.code === 'GM0363')?.figures.peopleSupported.value).toBe(6);
  });

  it('shows each commissioner only its own gemeenten, without the total; a stranger nothing', async () => {
    const a = dataOf(await hub.graphql<{ halfYearReport: ReportData }>(REPORT, { id: draft.id }, { token: amsterdamToken })).halfYearReport;
    expect(partCodes(a)).toEqual(['GM0363']);
    expect(a.total).toBeNull();
    expect(a.narrative.observations).toBe('Meer vragen over wonen.');
    const d = dataOf(await hub.graphql<{ halfYearReport: ReportData }>(REPORT, { id: draft.id }, { token: diemenToken })).halfYearReport;
    expect(partCodes(d)).toEqual(['GM0384']);
    const s = await hub.graphql<{ halfYearReport: unknown }>(REPORT, { id: draft.id }, { token: await stranger.token(['BELEIDSMEDEWERKER']) });
    expect(dataOf(s).halfYearReport).toBeNull();
    const role = await hub.graphql<{ halfYearReport: unknown }>(REPORT, { id: draft.id }, { token: await amsterdam.token(['CLIENTONDERSTEUNER']) });
    expect(dataOf(role).halfYearReport).toBeNull();
    const listed = dataOf(
      await hub.graphql<{ commissionedHalfYearReports: { nodes: { id: string; total: unknown; gemeenteParts: { gemeente: { code: string } }[] }[] } }>(
        COMMISSIONED,
        {},
        { token: amsterdamToken },
      ),
    );
    expect(listed.commissionedHalfYearReports.nodes).toEqual([
      { id: draft.id, status: 'SUBMITTED', total: null, gemeenteParts: [{ gemeente: { code: 'GM0363' } }] },
    ]);
    const none = dataOf(
      await hub.graphql<{ commissionedHalfYearReports: { nodes: unknown[] } }>(COMMISSIONED, {}, { token: await stranger.token(['BELEIDSMEDEWERKER']) }),
    );
    expect(none.commissionedHalfYearReports.nodes).toEqual([]);
    const draftFilter = await hub.graphql(COMMISSIONED, { status: 'DRAFT' }, { token: amsterdamToken });
    expect(errorOf(draftFilter)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
  });

  it('takes one acknowledgement per commissioner and becomes ACKNOWLEDGED when all have', async () => {
    const ack = (token: string, version: number) =>
      hub.graphql<{ acknowledgeHalfYearReport: { report: ReportData } }>(ACKNOWLEDGE, { input: { reportId: draft.id, expectedVersion: version } }, { token });
    expect(errorOf(await ack(await stranger.token(['BELEIDSMEDEWERKER']), 3))?.code).toBe('NOT_FOUND');
    expect(errorOf(await ack(await amsterdam.token(['BEHEERDER']), 3))?.code).toBe('FORBIDDEN');
    expect(errorOf(await ack(providerToken, 3))?.code).toBe('FORBIDDEN');
    expect(errorOf(await ack(amsterdamToken, 2))?.code).toBe('CONFLICT');
    const first = dataOf(await ack(amsterdamToken, 3)).acknowledgeHalfYearReport.report;
    expect(first.status).toBe('SUBMITTED');
    expect(first.acknowledgements.map((a) => a.organization.id)).toEqual([amsterdam.id]);
    expect(errorOf(await ack(amsterdamToken, 3))?.code).toBe('INVALID_TRANSITION');
    const last = dataOf(await ack(diemenToken, 3)).acknowledgeHalfYearReport.report;
    expect(last).toMatchObject({ status: 'ACKNOWLEDGED', version: 4 });
    expect(last.acknowledgements.map((a) => a.organization.id)).toEqual([diemen.id]);
    const byProvider = dataOf(await hub.graphql<{ halfYearReport: ReportData }>(REPORT, { id: draft.id }, { token: providerToken })).halfYearReport;
    expect(byProvider.acknowledgements.map((a) => a.organization.id)).toEqual([amsterdam.id, diemen.id]);
    const acknowledged = (await hub.database.db.select().from(outbox).orderBy(asc(outbox.seq)))
      .map((r) => notificationEventSchema.parse(r.payload))
      .filter((e) => e.item.id === draft.id && e.kind === 'REPORT_ACKNOWLEDGED');
    expect(acknowledged.map((e) => e.actorOrganizationId)).toEqual([amsterdam.id, diemen.id]);
    expect(acknowledged[0]?.audience).toEqual({ organizationIds: [provider.id], roles: ['BELEIDSMEDEWERKER', 'BEHEERDER'] });
  });
});

describe('the satisfaction measurement', () => {
  it('is overdue when none is recorded, and due two years after the last', async () => {
    const org = await buildOrg(hub, 'OCO');
    const token = await org.token(['BEHEERDER']);
    const none = dataOf(await hub.graphql<{ satisfactionMeasurementStatus: unknown }>(MEASUREMENT_STATUS, {}, { token }));
    expect(none.satisfactionMeasurementStatus).toEqual({ lastDoneOn: null, lastMethod: null, lastRespondents: null, dueOn: null, overdue: true });
    const recorded = dataOf(
      await hub.graphql<{ recordSatisfactionMeasurement: { status: unknown } }>(
        RECORD_MEASUREMENT,
        { input: { doneOn: `${PAST_YEAR}-10-01`, method: 'Vragenlijst na afsluiting', respondents: 42 } },
        { token },
      ),
    );
    expect(recorded.recordSatisfactionMeasurement.status).toEqual({
      lastDoneOn: `${PAST_YEAR}-10-01`,
      lastMethod: 'Vragenlijst na afsluiting',
      lastRespondents: 42,
      dueOn: `${PAST_YEAR + 2}-10-01`,
      overdue: false,
    });
  });

  it.each([
    ['input.doneOn', { doneOn: `${new Date().getUTCFullYear() + 1}-01-01` }],
    ['input.doneOn', { doneOn: `${PAST_YEAR}-02-30` }],
    ['input.method', { method: '   ' }],
    ['input.method', { method: 'Gebeld met jan@example.org' }],
    ['input.respondents', { respondents: -1 }],
  ])('refuses bad input on %s', async (field, overrides) => {
    const org = await buildOrg(hub, 'OCO');
    const token = await org.token(['BELEIDSMEDEWERKER']);
    const res = await hub.graphql(
      RECORD_MEASUREMENT,
      { input: { doneOn: `${PAST_YEAR}-10-01`, method: 'Vragenlijst', respondents: 10, ...overrides } },
      { token },
    );
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    const status = dataOf(await hub.graphql<{ satisfactionMeasurementStatus: { lastDoneOn: string | null } }>(MEASUREMENT_STATUS, {}, { token }));
    expect(status.satisfactionMeasurementStatus.lastDoneOn).toBeNull();
  });

  it('refuses other roles', async () => {
    const res = await hub.graphql(MEASUREMENT_STATUS, {}, { token: await provider.token(['CLIENTONDERSTEUNER']) });
    expect(errorOf(res)?.code).toBe('FORBIDDEN');
  });

  it('reminds once per organisation and due date, from 60 days before the due date', async () => {
    const org = await buildOrg(hub, 'OCO');
    const token = await org.token(['BELEIDSMEDEWERKER']);
    await clientsIn(hub, org, 'GM0363', 1, 1);
    const report = await startReport(hub, token, PAST_YEAR, 1);
    await submitReport(hub, token, report);
    const now = new Date();
    const today = amsterdamDate(now);
    // Done so that the due date is 70 days away: no reminder yet; 50 days away: one reminder, once.
    const doneOn = (daysToDue: number) => addYears(new Date(Date.parse(`${today}T00:00:00Z`) + daysToDue * 86_400_000).toISOString().slice(0, 10), -2);
    // The submission without a measurement made the organisation due at once: that reminder went in the first sweep.
    await remindSatisfactionMeasurements(hub.database.db, now);
    await hub.database.db.delete(satisfactionReminder).where(eq(satisfactionReminder.organizationId, org.id));
    await hub.graphql(RECORD_MEASUREMENT, { input: { doneOn: doneOn(70), method: 'Vragenlijst', respondents: 12 } }, { token });
    const remindersOf = async () => (await hub.database.db.select().from(satisfactionReminder)).filter((r) => r.organizationId === org.id);
    await remindSatisfactionMeasurements(hub.database.db, now);
    expect(await remindersOf()).toEqual([]);
    await hub.database.db.execute(sql`update cases.satisfaction_measurement set done_on = ${doneOn(50)}::date where organization_id = ${org.id}::uuid`);
    await remindSatisfactionMeasurements(hub.database.db, now);
    await remindSatisfactionMeasurements(hub.database.db, now);
    const reminders = await remindersOf();
    expect(reminders.map((r) => r.dueOn)).toEqual([addYears(doneOn(50), 2)]);
    const events = (await hub.database.db.select().from(outbox).orderBy(asc(outbox.seq)))
      .map((r) => notificationEventSchema.parse(r.payload))
      .filter((e) => e.kind === 'SATISFACTION_MEASUREMENT_DUE' && e.audience.organizationIds?.includes(org.id));
    expect(events.map((e) => e.dueDate)).toEqual([today, addYears(doneOn(50), 2)]);
    expect(events[1]).toMatchObject({ item: { type: 'HALF_YEAR_REPORT', id: report.id }, audience: { roles: ['BELEIDSMEDEWERKER', 'BEHEERDER'] } });
    const [stored] = await hub.database.db.select().from(halfYearReport).where(eq(halfYearReport.id, report.id));
    expect(stored?.status).toBe('SUBMITTED');
  });
});
