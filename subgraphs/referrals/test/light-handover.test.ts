import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, sql } from '@hub/db';
import { startTestHub, type TestHub } from '@hub/testing';
import {
  callInternalEndpoint,
  CREATE_REFERRAL,
  dataOf,
  errorCodes,
  makeClientWithTrajectory,
  recordHandoverConsent,
  REFERRAL_TEST_ENV,
  referralInput,
  SUMMARY,
  type Party,
} from './helpers.ts';

/**
 * The light handover (INFORMAL_TO_FORMAL): only a welfare organisation's informal cliëntondersteuner may send one, it
 * needs three parts of the summary instead of eight, and it never blocks closing the sender's trajectory.
 */

let hub: TestHub;
let volunteer: Party;
let gemeente: Party;
const professionalOrg = randomUUID();

const party = async (type: 'WELZIJN' | 'GEMEENTE'): Promise<Party> => {
  const organizationId = randomUUID();
  return { organizationId, token: await hub.tokenFor({ organizationId, organizationType: type, roles: ['CLIENTONDERSTEUNER'], gemeenteCode: 'GM0363' }) };
};
const LIGHT = { situation: SUMMARY.situation, question: SUMMARY.question, clientWishes: SUMMARY.clientWishes };
const countFrom = async (organizationId: string) =>
  Number(
    rowsOf<{ n: number }>(
      await hub.database.db.execute(sql`select count(*)::int as n from referrals.referral where from_organization_id = ${organizationId}::uuid`),
    )[0]?.n,
  );

beforeAll(async () => {
  hub = await startTestHub({ env: REFERRAL_TEST_ENV });
  volunteer = await party('WELZIJN');
  gemeente = await party('GEMEENTE');
});
afterAll(async () => {
  await hub?.stop();
});

async function send(from: Party, extra: Record<string, unknown>) {
  const c = await makeClientWithTrajectory(hub, from);
  await recordHandoverConsent(hub, from, c.clientId, professionalOrg);
  return {
    c,
    res: await hub.graphql<{ createReferral: { referral: { id: string } } }>(
      CREATE_REFERRAL,
      { input: referralInput({ ...c, toOrganizationId: professionalOrg }, extra) },
      { token: from.token },
    ),
  };
}

describe('the light handover', () => {
  it('is refused to an organisation that is not a welfare organisation, and nothing is written', async () => {
    const { res } = await send(gemeente, { kind: 'INFORMAL_TO_FORMAL', handoverSummary: LIGHT });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.body.errors?.[0]?.extensions?.field).toBe('input.kind');
    expect(await countFrom(gemeente.organizationId)).toBe(0);
  });

  it('needs every part of the summary for any other kind, also from a welfare organisation', async () => {
    const { res } = await send(volunteer, { kind: 'OTHER', handoverSummary: LIGHT });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.body.errors?.[0]?.extensions?.field).toBe('input.handoverSummary.whatWasDone');
  });

  it('still needs situation, question and the client wishes', async () => {
    const { res } = await send(volunteer, { kind: 'INFORMAL_TO_FORMAL', handoverSummary: { ...LIGHT, clientWishes: ' ' } });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.body.errors?.[0]?.extensions?.field).toBe('input.handoverSummary.clientWishes');
  });

  it('is sent with the light summary and does not block closing the sender trajectory, where a full handover does', async () => {
    const { c, res } = await send(volunteer, { kind: 'INFORMAL_TO_FORMAL', handoverSummary: LIGHT });
    dataOf(res);
    const full = await send(volunteer, { kind: 'OTHER' });
    dataOf(full.res);
    const answer = await callInternalEndpoint<{ results: { trajectoryId: string; blocking: number }[] }>(hub, 'referrals', '/internal/open-handovers', {
      trajectoryIds: [c.trajectoryId, full.c.trajectoryId],
    });
    expect(answer.body.results).toEqual([
      { trajectoryId: c.trajectoryId, blocking: 0 },
      { trajectoryId: full.c.trajectoryId, blocking: 1 },
    ]);
  });
});
