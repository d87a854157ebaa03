import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '@hub/db';
import { buildOrganization, dataOf, startTestHub, type TestHub } from '@hub/testing';
import { openTrajectory, registerClient } from '../../subgraphs/cases/test/builders.ts';
import { insertReferrals, REFERRAL_TEST_ENV } from '../../subgraphs/referrals/test/helpers.ts';
import { serviceInput } from '../../subgraphs/sociale-kaart/test/builders.ts';

/**
 * A beleidsmedewerker of gemeente Enschede reads the combined Wmo + Wlz view of its gemeente for a past half year:
 * trajectories of two organisations (the gemeente's own Wmo and a zorgkantoor's Wlz), the handovers between them with
 * their waiting times, and the cliëntondersteuning services in the sociale kaart with their capacity, through the
 * gateway in one query. Trajectories are opened through the API and moved to the past half year (they open "now");
 * handovers are written with the referrals test builder, dated in that half year, with their timeline.
 */

const GEMEENTE = 'GM0153';
const REGION = 'ZK22';
const YEAR = new Date().getUTCFullYear() - 1;

const OVERVIEW = /* GraphQL */ `
  query Overview($input: SupportOverviewInput!) {
    supportOverview(input: $input) {
      id
      gemeente { code name }
      zorgkantoorregio { code }
      period { key }
      previousPeriod { key }
      demand {
        trajectoriesOpened { value suppressed display }
        trajectoriesOpenedPrevious { value suppressed display }
        peopleSupported { value suppressed display }
        peopleSupportedPrevious { value suppressed display }
        byLegalDomain { key count { value suppressed } previous { value suppressed } }
        wijsplichtPointed { value suppressed }
      }
      handovers {
        sent { value suppressed display }
        sentPrevious { value suppressed }
        accepted { value suppressed display }
        rejected { value suppressed display }
        medianWorkingDaysToAnswer
        started { value suppressed }
        medianWorkingDaysToStart
      }
      supply {
        services organizations independentServices servicesReportingCapacity hasCapacity waitlist noCapacity
        additionalAssessmentRequired medianWaitDays staleCapacityReports
      }
    }
  }
`;

interface Count {
  value: number | null;
  suppressed: boolean;
  display?: string;
}
interface Overview {
  supportOverview: {
    id: string;
    gemeente: { code: string; name: string } | null;
    zorgkantoorregio: { code: string } | null;
    period: { key: string };
    previousPeriod: { key: string };
    demand: {
      trajectoriesOpened: Count;
      trajectoriesOpenedPrevious: Count;
      peopleSupported: Count;
      peopleSupportedPrevious: Count;
      byLegalDomain: { key: string; count: Count; previous: Count }[];
      wijsplichtPointed: Count;
    };
    handovers: {
      sent: Count;
      sentPrevious: Count;
      accepted: Count;
      rejected: Count;
      medianWorkingDaysToAnswer: number | null;
      started: Count;
      medianWorkingDaysToStart: number | null;
    };
    supply: Record<string, number | null>;
  } | null;
}

let hub: TestHub;
let reader: string;
let supplyBefore: Record<string, number | null>;

/** Clients of GEMEENTE with a trajectory of `org`, opened through the API and moved to day `day` of September YEAR. */
async function trajectoriesIn(token: string, n: number, legalDomain: string) {
  for (let i = 0; i < n; i++) {
    const c = await registerClient(hub, token, { gemeenteCode: GEMEENTE });
    const t = await openTrajectory(hub, token, c.id, { legalDomain });
    const opened = new Date(Date.UTC(YEAR, 8, 3 + i, 10));
    await hub.database.db.execute(sql`update cases.trajectory set opened_at = ${opened.toISOString()}::timestamptz where id = ${t.id}::uuid`);
  }
}

const overview = async (token: string, input: Record<string, unknown>) => dataOf<Overview>(await hub.graphql<Overview>(OVERVIEW, { input }, { token }));

beforeAll(async () => {
  hub = await startTestHub({ env: REFERRAL_TEST_ENV });
  const gemeente = await buildOrganization(hub, { type: 'GEMEENTE' });
  const zorgkantoor = await buildOrganization(hub, { type: 'ZORGKANTOOR' });
  const gemeenteWorker = await hub.tokenFor({ organizationId: gemeente.id, organizationType: 'GEMEENTE', roles: ['TOEGANG'], gemeenteCode: GEMEENTE });
  const klantadviseur = await hub.tokenFor({
    organizationId: zorgkantoor.id,
    organizationType: 'ZORGKANTOOR',
    roles: ['ZORGBEMIDDELAAR'],
    zorgkantoorregio: REGION,
  });
  reader = await hub.tokenFor({ organizationId: gemeente.id, organizationType: 'GEMEENTE', roles: ['BELEIDSMEDEWERKER'], gemeenteCode: GEMEENTE });
  supplyBefore = (await overview(reader, { gemeenteCode: GEMEENTE, period: { kind: 'HALF_YEAR', year: YEAR, number: 2 } })).supportOverview?.supply ?? {};

  await trajectoriesIn(gemeenteWorker, 6, 'WMO_MAATWERKVOORZIENING');
  await trajectoriesIn(klantadviseur, 7, 'WLZ');

  // Handovers Wmo → Wlz sent on Monday 1 September YEAR + i days; 6 accepted (3 calendar days later), 5 rejected.
  const base = Date.UTC(YEAR, 8, 1, 9);
  const rows = Array.from({ length: 11 }, (_, i) => ({
    clientId: randomUUID(),
    fromOrganizationId: gemeente.id,
    toOrganizationId: zorgkantoor.id,
    gemeenteCode: GEMEENTE,
    zorgkantoorregioCode: REGION,
    status: i < 6 ? 'IN_PROGRESS' : 'REJECTED',
    sentAt: new Date(base + i * 86_400_000),
    statusChangedAt: new Date(base + (i + 3) * 86_400_000),
  }));
  const ids = await insertReferrals(hub, rows);
  for (const [i, id] of ids.entries()) {
    const answeredAt = new Date(base + (i + 3) * 86_400_000);
    const events = [
      { toStatus: i < 6 ? 'ACCEPTED' : 'REJECTED', occurredAt: answeredAt, action: i < 6 ? 'ACCEPT' : 'REJECT', version: 3 },
      ...(i < 6 ? [{ toStatus: 'IN_PROGRESS', occurredAt: new Date(answeredAt.getTime() + 7 * 86_400_000), action: 'START', version: 4 }] : []),
    ];
    for (const e of events) {
      await hub.database.db.execute(
        sql`insert into referrals.referral_event (id, referral_id, occurred_at, action, to_status, version)
            values (${randomUUID()}::uuid, ${id}::uuid, ${e.occurredAt.toISOString()}::timestamptz, ${e.action}, ${e.toStatus}, ${e.version})`,
      );
    }
  }

  // Two cliëntondersteuning services of two providers serve Enschede; one reports a waiting list, one places free.
  for (const [i, status] of (['WAITLIST', 'HAS_CAPACITY'] as const).entries()) {
    const provider = await buildOrganization(hub, { type: 'OCO' });
    const beheerder = await hub.tokenFor({ organizationId: provider.id, organizationType: 'OCO', roles: ['BEHEERDER'] });
    const created = dataOf<{ createService: { service: { id: string; version: number } } }>(
      await hub.graphql(
        `mutation($input: ServiceInput!) { createService(input: $input) { service { id version } } }`,
        { input: serviceInput({ serviceArea: { scope: 'GEMEENTEN', gemeenteCodes: [GEMEENTE] }, independent: i === 0 }) },
        { token: beheerder },
      ),
    ).createService.service;
    dataOf(
      await hub.graphql(
        `mutation($input: UpdateCapacityInput!) { updateCapacity(input: $input) { service { id } } }`,
        { input: { serviceId: created.id, expectedVersion: created.version, capacity: { status, expectedWaitDays: status === 'WAITLIST' ? 20 : 0 } } },
        { token: beheerder },
      ),
    );
  }
}, 180_000);

afterAll(async () => {
  await hub?.stop();
});

describe('a gemeente reads the combined view of demand and supply of its gemeente', () => {
  it('for a past half year: Wmo and Wlz demand, handovers with waiting times, and the services serving it', async () => {
    const o = (await overview(reader, { gemeenteCode: GEMEENTE, period: { kind: 'HALF_YEAR', year: YEAR, number: 2 } })).supportOverview;
    expect(o).not.toBeNull();
    if (!o) return;
    expect(o.id).toBe(`${GEMEENTE}:${YEAR}-H2`);
    expect(o.gemeente).toEqual({ code: GEMEENTE, name: 'Enschede' });
    expect(o.zorgkantoorregio).toBeNull();
    expect(o.period.key).toBe(`${YEAR}-H2`);
    expect(o.previousPeriod.key).toBe(`${YEAR}-H1`);

    expect(o.demand.trajectoriesOpened).toEqual({ value: 13, suppressed: false, display: '13' });
    expect(o.demand.peopleSupported.value).toBe(13);
    expect(o.demand.trajectoriesOpenedPrevious.value).toBe(0);
    expect(o.demand.byLegalDomain).toEqual([
      { key: 'WLZ', count: { value: 7, suppressed: false }, previous: { value: 0, suppressed: false } },
      { key: 'WMO_MAATWERKVOORZIENING', count: { value: 6, suppressed: false }, previous: { value: 0, suppressed: false } },
    ]);

    expect(o.handovers.sent).toEqual({ value: 11, suppressed: false, display: '11' });
    expect(o.handovers.accepted.value).toBe(6);
    expect(o.handovers.rejected.value).toBe(5);
    // Sent on a working day, answered three calendar days later: mostly 1–3 working days, depending on the weekend.
    expect(o.handovers.medianWorkingDaysToAnswer).toBeGreaterThanOrEqual(1);
    expect(o.handovers.medianWorkingDaysToAnswer).toBeLessThanOrEqual(3);
    expect(o.handovers.started.value).toBe(6);
    expect(o.handovers.medianWorkingDaysToStart).toBeGreaterThan(o.handovers.medianWorkingDaysToAnswer ?? 0);

    const more = (field: string) => (o.supply[field] ?? 0) - (supplyBefore[field] ?? 0);
    expect(more('services')).toBe(2);
    expect(more('organizations')).toBe(2);
    expect(more('independentServices')).toBe(1);
    expect(more('servicesReportingCapacity')).toBe(2);
    expect(more('waitlist')).toBe(1);
    expect(more('hasCapacity')).toBe(1);
    expect(more('staleCapacityReports')).toBe(0);
  });

  it('for the region the gemeente lies in, with the same figures as long as no other gemeente has any', async () => {
    const o = (await overview(reader, { zorgkantoorregioCode: REGION, period: { kind: 'HALF_YEAR', year: YEAR, number: 2 } })).supportOverview;
    expect(o?.zorgkantoorregio).toEqual({ code: REGION });
    expect(o?.gemeente).toBeNull();
    expect(o?.demand.trajectoriesOpened.value).toBe(13);
    expect(o?.handovers.sent.value).toBe(11);
  });
});
