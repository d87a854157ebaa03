import { sql } from '@hub/db';
import type { TestHub } from '@hub/testing';
import { dataOf, openTrajectory, registerClient, type TestOrg } from './builders.ts';

/** Operations and test data of half-year reports, shared by the cases tests and the security and journey tests. */

export const REPORT_FIELDS = /* GraphQL */ `
  id
  status
  version
  organization { id }
  period { key }
  total { peopleSupported { value suppressed display } }
  gemeenteParts { gemeente { code } figures { peopleSupported { value suppressed display } } }
  narrative { observations signalled outlook }
  satisfactionMeasurement { lastDoneOn dueOn overdue }
  acknowledgements { organization { id } at }
  downloads { csv pdf }
  submittedAt
`;

export interface ReportData {
  id: string;
  status: string;
  version: number;
  organization: { id: string };
  period: { key: string };
  total: { peopleSupported: { value: number | null; suppressed: boolean } } | null;
  gemeenteParts: { gemeente: { code: string } | null; figures: { peopleSupported: { value: number | null; suppressed: boolean } } }[];
  narrative: { observations: string; signalled: string; outlook: string };
  satisfactionMeasurement: { lastDoneOn: string | null; dueOn: string | null; overdue: boolean };
  acknowledgements: { organization: { id: string }; at: string }[];
  downloads: { csv: string; pdf: string };
  submittedAt: string | null;
}

export const RECORD_COMMISSION = /* GraphQL */ `
  mutation RecordCommission($input: RecordCommissionInput!) {
    recordCommission(input: $input) { commission { id kind gemeenteCodes validFrom validUntil commissioner { id } provider { id } } }
  }
`;
export const END_COMMISSION = /* GraphQL */ `
  mutation EndCommission($input: EndCommissionInput!) {
    endCommission(input: $input) { commission { id validUntil } }
  }
`;
export const COMMISSIONS = /* GraphQL */ `
  query Commissions($activeOn: Date) {
    commissions(activeOn: $activeOn) { nodes { id gemeenteCodes commissioner { id } provider { id } } pageInfo { hasNextPage } }
  }
`;
export const START = /* GraphQL */ `
  mutation Start($input: StartHalfYearReportInput!) { startHalfYearReport(input: $input) { report { ${REPORT_FIELDS} } } }
`;
export const NARRATIVE = /* GraphQL */ `
  mutation Narrative($input: UpdateHalfYearReportNarrativeInput!) { updateHalfYearReportNarrative(input: $input) { report { ${REPORT_FIELDS} } } }
`;
export const SUBMIT = /* GraphQL */ `
  mutation Submit($input: HalfYearReportVersionInput!) { submitHalfYearReport(input: $input) { report { ${REPORT_FIELDS} } } }
`;
export const ACKNOWLEDGE = /* GraphQL */ `
  mutation Acknowledge($input: HalfYearReportVersionInput!) { acknowledgeHalfYearReport(input: $input) { report { ${REPORT_FIELDS} } } }
`;
export const REPORT = /* GraphQL */ `
  query Report($id: ID!) { halfYearReport(id: $id) { ${REPORT_FIELDS} } }
`;
export const MY_REPORTS = /* GraphQL */ `
  query MyReports { myHalfYearReports { nodes { id status period { key } } } }
`;
export const COMMISSIONED = /* GraphQL */ `
  query Commissioned($status: HalfYearReportStatus) {
    commissionedHalfYearReports(status: $status) { nodes { id status total { peopleSupported { value } } gemeenteParts { gemeente { code } } } }
  }
`;
export const RECORD_MEASUREMENT = /* GraphQL */ `
  mutation Measure($input: RecordSatisfactionMeasurementInput!) {
    recordSatisfactionMeasurement(input: $input) { status { lastDoneOn lastMethod lastRespondents dueOn overdue } }
  }
`;
export const MEASUREMENT_STATUS = /* GraphQL */ `
  query MeasurementStatus { satisfactionMeasurementStatus { lastDoneOn lastMethod lastRespondents dueOn overdue } }
`;

/** A half year that has ended in every time zone: the second half of last year. */
export const PAST_YEAR = new Date().getUTCFullYear() - 1;

/**
 * `count` clients of `org` living in `gemeenteCode`, each with a trajectory opened in the given half year of PAST_YEAR
 * and still open (moved there in the database: trajectories open "now").
 */
export async function clientsIn(hub: TestHub, org: TestOrg, gemeenteCode: string, count: number, half: 1 | 2 = 2, year = PAST_YEAR): Promise<string[]> {
  const token = await org.token(['CLIENTONDERSTEUNER']);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const c = await registerClient(hub, token, { gemeenteCode });
    const t = await openTrajectory(hub, token, c.id);
    const opened = new Date(Date.UTC(year, half === 1 ? 1 : 7, 3 + i, 12));
    await hub.database.db.execute(sql`update cases.trajectory set opened_at = ${opened.toISOString()}::timestamptz where id = ${t.id}::uuid`);
    ids.push(t.id);
  }
  return ids;
}

export async function recordCommission(hub: TestHub, token: string, input: Record<string, unknown>) {
  const data = dataOf(await hub.graphql<{ recordCommission: { commission: { id: string } } }>(RECORD_COMMISSION, { input }, { token }));
  return data.recordCommission.commission;
}

export async function startReport(hub: TestHub, token: string, year = PAST_YEAR, half = 2): Promise<ReportData> {
  return dataOf(await hub.graphql<{ startHalfYearReport: { report: ReportData } }>(START, { input: { year, half } }, { token })).startHalfYearReport.report;
}

export async function submitReport(hub: TestHub, token: string, report: { id: string; version: number }): Promise<ReportData> {
  return dataOf(
    await hub.graphql<{ submitHalfYearReport: { report: ReportData } }>(SUBMIT, { input: { reportId: report.id, expectedVersion: report.version } }, { token }),
  ).submitHalfYearReport.report;
}

export const partCodes = (r: ReportData) => r.gemeenteParts.map((p) => p.gemeente?.code ?? null);
