import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoParty, startTestHub, type TestHub } from '@hub/testing';
import { dataOf } from './builders.ts';
import { partCodes, REPORT, START, SUBMIT, type ReportData } from './report-builders.ts';

/** The demo data lets the demo OCO's beleidsmedewerker report 2025-H2, and gemeente Amsterdam read its part. */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ seedDemo: true, demoScale: 0.1 });
});
afterAll(async () => {
  await hub?.stop();
});

it('demo-beleid-oco starts and submits 2025-H2; demo-beleid-amsterdam reads only Amsterdam', async () => {
  const oco = await demoParty(hub, 'demo-beleid-oco');
  const amsterdam = await demoParty(hub, 'demo-beleid-amsterdam');
  const draft = dataOf(await hub.graphql<{ startHalfYearReport: { report: ReportData } }>(START, { input: { year: 2025, half: 2 } }, { token: oco.token }))
    .startHalfYearReport.report;
  expect(partCodes(draft)).toEqual(['GM0362', 'GM0363', 'GM0384']);
  expect(draft.gemeenteParts.every((p) => (p.figures.peopleSupported.value ?? 0) >= 5)).toBe(true);
  const submitted = dataOf(
    await hub.graphql<{ submitHalfYearReport: { report: ReportData } }>(
      SUBMIT,
      { input: { reportId: draft.id, expectedVersion: draft.version } },
      { token: oco.token },
    ),
  ).submitHalfYearReport.report;
  expect(submitted.status).toBe('SUBMITTED');
  const read = dataOf(await hub.graphql<{ halfYearReport: ReportData }>(REPORT, { id: draft.id }, { token: amsterdam.token })).halfYearReport;
  expect(partCodes(read)).toEqual(['GM0363']);
  expect(read.total).toBeNull();
});
