import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, sql } from '@hub/db';
import { startTestHub, type GraphQLBody, type TestHub } from '@hub/testing';
import { buildOrg, dataOf, recordConsent, registerClient, type TestOrg } from '../../subgraphs/cases/test/builders.ts';

/**
 * The access overview's organisation filter and its export (Client.accessLogExport, logged as EXPORT). Who may not read
 * a client's overview tries to get it anyway: a privacy officer of another organisation (also one that holds a consent
 * of the client), the owner's own staff in another role, and a caller without a token; through the gateway and straight
 * at the cases subgraph, by `client(id:)` and by `_entities`. None of them gets a line, and none leaves an EXPORT line.
 */

let hub: TestHub;
let owner: TestOrg;
let clientId: string;
let consentHolder: TestOrg;

const EXPORT = `query Export($c: ID!, $o: ID) { client(id: $c, purpose: PRIVACY_REQUEST) {
  accessLogExport(from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z", organization: $o) { lines { eventId userId } } } }`;
const FILTERED = `query Filtered($c: ID!, $o: ID) { client(id: $c, purpose: PRIVACY_REQUEST) {
  accessLog(from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z", organization: $o) { edges { node { eventId } } } } }`;
const ENTITIES = `query Entities($r: [_Any!]!, $o: ID) { _entities(representations: $r) {
  ... on Client { accessLogExport(from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z", organization: $o) { lines { eventId } } } } }`;

const codes = (body: GraphQLBody) => (body.errors ?? []).map((e) => e.extensions?.code);
const linesLeaked = (body: GraphQLBody) => JSON.stringify(body.data ?? null).includes('eventId');

async function exportLines(): Promise<number> {
  return (
    rowsOf<{ n: number }>(
      await hub.database.db.execute(sql`select count(*)::int as n from cases.access_log where client_id = ${clientId}::uuid and action = 'EXPORT'`),
    )[0]?.n ?? 0
  );
}

beforeAll(async () => {
  hub = await startTestHub();
  owner = await buildOrg(hub, 'GEMEENTE', { gemeenteCode: 'GM0363' });
  const token = await owner.token();
  clientId = (await registerClient(hub, token)).id;
  consentHolder = await buildOrg(hub, 'OCO');
  await recordConsent(hub, token, { clientId, receivingOrganizationId: consentHolder.id, categories: ['IDENTITY', 'CONTACT'] });
  await hub.graphql(`query { client(id: "${clientId}") { name { familyName } } }`, undefined, { token: await consentHolder.token() });
});
afterAll(() => hub?.stop());

describe('the access overview export', () => {
  it('is served to the owning organisation’s privacy officer, filtered by organisation, and logged once as EXPORT', async () => {
    const officer = await owner.token(['PRIVACY_OFFICER']);
    const all = dataOf(await hub.graphql<{ client: { accessLogExport: { lines: unknown[] } } }>(EXPORT, { c: clientId }, { token: officer }));
    const ofHolder = dataOf(
      await hub.graphql<{ client: { accessLogExport: { lines: unknown[] } } }>(EXPORT, { c: clientId, o: consentHolder.id }, { token: officer }),
    );
    expect(all.client.accessLogExport.lines.length).toBeGreaterThan(ofHolder.client.accessLogExport.lines.length);
    expect(ofHolder.client.accessLogExport.lines).toHaveLength(1);
    expect(await exportLines()).toBe(2);
  });

  const attackers: [string, () => Promise<string>][] = [
    ['a privacy officer of another organisation', async () => (await buildOrg(hub, 'GEMEENTE', { gemeenteCode: 'GM0363' })).token(['PRIVACY_OFFICER'])],
    ['a privacy officer of an organisation that holds a consent of the client', () => consentHolder.token(['PRIVACY_OFFICER'])],
    ['a cliëntondersteuner of the owning organisation', () => owner.token(['CLIENTONDERSTEUNER'])],
    ['a toegangsteam member of the owning organisation', () => owner.token(['TOEGANG'])],
    ['a beheerder of the owning organisation', () => owner.token(['BEHEERDER'])],
  ];

  it.each(attackers)('refuses %s, through the gateway and straight at the cases subgraph', async (_, tokenOf) => {
    const token = await tokenOf();
    const before = await exportLines();
    for (const query of [EXPORT, FILTERED]) {
      for (const o of [undefined, owner.id, consentHolder.id]) {
        const viaGateway = await hub.graphql(query, { c: clientId, o }, { token });
        expect(codes(viaGateway.body).length).toBeGreaterThan(0);
        expect(['FORBIDDEN', 'NOT_FOUND']).toContain(codes(viaGateway.body)[0]);
        expect(linesLeaked(viaGateway.body)).toBe(false);
        const direct = await hub.directSubgraphRequest('cases', query, { secret: hub.subgraphSecrets.cases, token, variables: { c: clientId, o } });
        expect(['FORBIDDEN', 'NOT_FOUND']).toContain(codes(direct.body)[0]);
        expect(linesLeaked(direct.body)).toBe(false);
      }
    }
    const entities = await hub.directSubgraphRequest('cases', ENTITIES, {
      secret: hub.subgraphSecrets.cases,
      token,
      variables: {
        r: [
          { __typename: 'Client', id: clientId },
          { __typename: 'Client', id: clientId, purpose: 'PRIVACY_REQUEST' },
        ],
      },
    });
    expect(linesLeaked(entities.body)).toBe(false);
    expect(await exportLines()).toBe(before);
  });

  it('refuses a caller without a token, and a subgraph request without the gateway’s secret', async () => {
    const before = await exportLines();
    const anonymous = await hub.graphql(EXPORT, { c: clientId });
    expect(linesLeaked(anonymous.body)).toBe(false);
    expect(codes(anonymous.body)).toContain('UNAUTHENTICATED');
    const officer = await owner.token(['PRIVACY_OFFICER']);
    const noSecret = await hub.directSubgraphRequest('cases', EXPORT, { secret: undefined, token: officer, variables: { c: clientId } });
    expect(linesLeaked(noSecret.body)).toBe(false);
    const wrongSecret = await hub.directSubgraphRequest('cases', EXPORT, { secret: randomUUID(), token: officer, variables: { c: clientId } });
    expect(linesLeaked(wrongSecret.body)).toBe(false);
    expect(await exportLines()).toBe(before);
  });
});
