import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, sql } from '@hub/db';
import { INTERNAL_SECRET_HEADER } from '@hub/service-kit';
import { startTestHub, type TestHub } from '@hub/testing';
import { buildOrg, referralsAccessLogLine, registerClient } from '../../subgraphs/cases/test/builders.ts';
import {
  CREATE_REFERRAL,
  dataOf,
  makeClientWithTrajectory,
  makeParties,
  recordHandoverConsent,
  referralInput,
  REFERRAL_TEST_ENV,
} from '../../subgraphs/referrals/test/helpers.ts';

/**
 * Every NEN 7513 access-log line, whether cases writes it or another subgraph sends it over /internal/access-log, is
 * built one way (@hub/contracts): `role` is the token's roles sorted and comma-joined, and `accessPoint` is
 * `<subgraph>:<client operation name or ->:<Type.field,...>`. The operation name is the client's, passed on by the
 * gateway; a subgraph believes it only from a request bearing the gateway's subgraph secret. Every internal endpoint
 * parses its body with the contract's schema and refuses what does not fit with BAD_USER_INPUT, writing nothing.
 */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ env: REFERRAL_TEST_ENV });
});
afterAll(async () => {
  await hub?.stop();
});

interface Line {
  access_point: string;
  role: string;
  source_subgraph: string;
  action: string;
}
async function linesOf(clientId: string): Promise<Line[]> {
  return rowsOf<Line>(
    await hub.database.db.execute(
      sql`select access_point, role, source_subgraph, action from cases.access_log where client_id = ${clientId} order by occurred_at, event_id`,
    ),
  );
}
const reads = async (clientId: string) => (await linesOf(clientId)).filter((l) => l.action === 'READ');

async function ownClient(roles: ('CLIENTONDERSTEUNER' | 'TOEGANG')[] = ['CLIENTONDERSTEUNER']) {
  const org = await buildOrg(hub);
  const token = await org.token(roles);
  const client = await registerClient(hub, token);
  return { token, clientId: client.id };
}

const JOURNEY = readFileSync(new URL('../journeys/view-wlz-trajectory.graphql', import.meta.url), 'utf8');

describe("the access point names the client's operation", () => {
  it("writes the journey operation's own name, not the query planner's name for the subgraph fetch", async () => {
    const { token, clientId } = await ownClient();
    dataOf(await hub.graphql(JOURNEY, { id: clientId }, { token, operationName: 'ClientAcrossDomains' }));
    const lines = await reads(clientId);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.access_point).toBe('cases:ClientAcrossDomains:Client.name');
    expect(lines[0]?.access_point).not.toMatch(/__cases__/);
  });

  it('ignores an x-hub-operation-name header a client sends to the gateway', async () => {
    const { token, clientId } = await ownClient();
    const headers = { 'x-hub-operation-name': 'Forged' };
    dataOf(await hub.graphql(`query { client(id: "${clientId}") { name { familyName } } }`, undefined, { token, headers }));
    dataOf(await hub.graphql(`query Named { client(id: "${clientId}") { contact { phone } } }`, undefined, { token, headers }));
    expect((await reads(clientId)).map((l) => l.access_point)).toEqual(['cases:-:Client.name', 'cases:Named:Client.contact']);
  });

  it('believes the header at a subgraph only from the gateway, and only in the plain shape', async () => {
    const { token, clientId } = await ownClient();
    const query = `query { client(id: "${clientId}") { name { familyName } } }`;
    const direct = (headers: Record<string, string>, secret: string | undefined) => hub.directSubgraphRequest('cases', query, { token, secret, headers });
    // Without the gateway's secret the subgraph answers nothing and writes nothing, whatever the header says.
    const refused = await direct({ 'x-hub-operation-name': 'Forged', [INTERNAL_SECRET_HEADER]: hub.internalSecret }, undefined);
    expect(refused.status).toBe(401);
    expect(await reads(clientId)).toEqual([]);
    // With it, a name that is not a plain GraphQL name of at most 64 characters is dropped.
    dataOf(await direct({ 'x-hub-operation-name': 'x'.repeat(65) }, hub.subgraphSecrets.cases));
    dataOf(await direct({ 'x-hub-operation-name': 'FromGateway' }, hub.subgraphSecrets.cases));
    expect((await reads(clientId)).map((l) => l.access_point).sort()).toEqual(['cases:-:Client.name', 'cases:FromGateway:Client.name']);
  });
});

describe('one encoding of role and access point across subgraphs', () => {
  it("writes the token's roles sorted and comma-joined, in cases' own lines and in the lines referrals sends", async () => {
    const { token, clientId } = await ownClient(['TOEGANG', 'CLIENTONDERSTEUNER']);
    dataOf(await hub.graphql(`query Dossier { client(id: "${clientId}") { name { familyName } } }`, undefined, { token }));
    expect((await reads(clientId)).map((l) => l.role)).toEqual(['CLIENTONDERSTEUNER,TOEGANG']);

    const parties = await makeParties(hub);
    const c = await makeClientWithTrajectory(hub, parties.sender);
    const consent = await recordHandoverConsent(hub, parties.sender, c.clientId, parties.receiver.organizationId);
    const created = dataOf<{ createReferral: { referral: { id: string } } }>(
      await hub.graphql(
        CREATE_REFERRAL,
        {
          input: referralInput(
            { clientId: c.clientId, trajectoryId: c.trajectoryId, toOrganizationId: parties.receiver.organizationId },
            { consentId: consent.id },
          ),
        },
        { token: parties.sender.token },
      ),
    );
    const senderWithTwoRoles = await hub.tokenFor({
      organizationId: parties.sender.organizationId,
      organizationType: 'GEMEENTE',
      roles: ['TOEGANG', 'CLIENTONDERSTEUNER'],
      gemeenteCode: 'GM0363',
    });
    dataOf(
      await hub.graphql(
        `query ReferralDossier($id: ID!) { referral(id: $id) { id question } }`,
        { id: created.createReferral.referral.id },
        { token: senderWithTwoRoles },
      ),
    );
    const fromReferrals = (await reads(c.clientId)).filter((l) => l.source_subgraph === 'referrals');
    expect(fromReferrals).toEqual([
      { access_point: 'referrals:ReferralDossier:Referral.question', role: 'CLIENTONDERSTEUNER,TOEGANG', source_subgraph: 'referrals', action: 'READ' },
    ]);
  });

  it('refuses on /internal/access-log a line in another encoding, and writes nothing', async () => {
    const { clientId } = await ownClient();
    const line = referralsAccessLogLine(clientId);
    const before = await linesOf(clientId);
    const bad: [Record<string, unknown>, string][] = [
      [{ accessPoint: 'graphql:referrals:Referral' }, 'entries.0.accessPoint'],
      [{ accessPoint: 'referrals:Referral.question' }, 'entries.0.accessPoint'],
      [{ accessPoint: 'cases:-:Referral.question' }, 'entries.0.accessPoint'],
      [{ role: 'clientondersteuner' }, 'entries.0.role'],
      [{ role: 'CLIENTONDERSTEUNER, TOEGANG' }, 'entries.0.role'],
      [{ sourceSubgraph: 'gateway' }, 'entries.0.sourceSubgraph'],
    ];
    for (const [change, field] of bad) {
      const res = await internal('cases', '/internal/access-log', { entries: [{ ...line, eventId: randomUUID(), ...change }] });
      expect(res.status, JSON.stringify(change)).toBe(400);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors?.[0]?.message).toContain(field);
    }
    expect(await linesOf(clientId)).toEqual(before);
    expect((await internal('cases', '/internal/access-log', { entries: [line] })).status).toBe(200);
    expect(await linesOf(clientId)).toHaveLength(before.length + 1);
  });
  it('refuses on /internal/access-log a line naming more than the 9 data categories, or an unknown one, and writes nothing', async () => {
    const { clientId } = await ownClient();
    const all = ['IDENTITY', 'CONTACT', 'QUESTION', 'PLAN', 'NETWORK', 'CONTACT_MOMENTS', 'HANDOVER', 'CONSENT', 'TRAJECTORY'];
    const before = await linesOf(clientId);
    // Ten categories can only repeat one; a good line in the same delivery is not written either.
    for (const dataCategories of [[...all, 'HANDOVER'], ['HANDOVER', 'HANDOVER'], ['HANDOVER', 'MEDICAL_RECORD'], ['handover']]) {
      const bad = referralsAccessLogLine(clientId, { dataCategories });
      const res = await internal('cases', '/internal/access-log', { entries: [referralsAccessLogLine(clientId), bad] });
      expect(res.status, JSON.stringify(dataCategories)).toBe(400);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors?.[0]?.message).toContain('entries.1.dataCategories');
    }
    expect(await linesOf(clientId)).toEqual(before);
    // All nine, each once, is a line like any other.
    expect((await internal('cases', '/internal/access-log', { entries: [referralsAccessLogLine(clientId, { dataCategories: all })] })).status).toBe(200);
    expect(await linesOf(clientId)).toHaveLength(before.length + 1);
  });
});

interface InternalAnswer {
  errors?: { message?: string; extensions?: { code?: string } }[];
}
async function internal(subgraph: string, path: string, body: unknown): Promise<{ status: number; body: InternalAnswer }> {
  const base = hub.subgraphUrls[subgraph];
  if (!base) throw new Error(`no subgraph ${subgraph}`);
  const res = await fetch(new URL(path, base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', [INTERNAL_SECRET_HEADER]: hub.internalSecret },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as InternalAnswer };
}

// Cases and signals named the field already; the routes of referrals had their own reader with a fixed message.
describe('every internal endpoint parses its body with its contract', () => {
  const cases: [string, string, unknown, string][] = [
    ['referrals', '/internal/open-handovers', { trajectoryIds: ['nope'] }, 'trajectoryIds.0'],
    ['referrals', '/internal/handover-facts', { referralIds: ['nope'] }, 'referralIds.0'],
  ];
  it.each(cases)('%s %s answers BAD_USER_INPUT naming the field', async (subgraph, path, body, field) => {
    const res = await internal(subgraph, path, body);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.message).toContain(field);
  });
});
