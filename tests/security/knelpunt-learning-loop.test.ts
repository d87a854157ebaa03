import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type GraphQLResult, type TestHub } from '@hub/testing';
import { overlegtafelMember } from '../../subgraphs/signals/src/db/schema.ts';
import { overlegtafelIdOf, readGemeenteRegions } from '../../subgraphs/signals/src/reference-data.ts';
import { addDays, today } from '../../subgraphs/signals/src/validation.ts';
import { chair, dataOf, insertSignals, party, type Party } from '../../subgraphs/signals/test/builders.ts';

/**
 * The learning loop of a knelpunt changes who may see and do what: the trend is a raw count over every signal of the
 * region (members only), the reopen threshold and the theme are the table's, and the outcome of zorginkoop is the
 * region's zorgkantoor's to record. A reporter sees the outcome through its own signal, never other organisations'
 * signals or the trend. Every attack runs through the gateway and straight at the signals subgraph.
 */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.stop();
});

const REGION = 'ZK26';
const [GEMEENTE = ''] = readGemeenteRegions()
  .filter((g) => g.zorgkantoorregioCode === REGION)
  .map((g) => g.gemeenteCode);

let table: Party;
let member: Party;
let reporter: Party;
let outsider: Party;
let otherZorgkantoor: Party;
let knelpuntId: string;
let ownSignal: string;
let othersSignal: string;

type Route = 'gateway' | 'subgraph';
const ROUTES: Route[] = ['gateway', 'subgraph'];

function ask<T = Record<string, unknown>>(route: Route, query: string, variables: Record<string, unknown>, who: Party): Promise<GraphQLResult<T>> {
  return route === 'gateway'
    ? hub.graphql<T>(query, variables, { token: who.token })
    : hub.directSubgraphRequest<T>('signals', query, { secret: hub.subgraphSecrets.signals, token: who.token, variables });
}

const codes = (r: GraphQLResult<unknown>) => (r.body.errors ?? []).map((e) => e.extensions?.code);

beforeAll(async () => {
  table = await chair(hub, REGION);
  member = await party(hub, { organizationType: 'GEMEENTE', roles: ['OVERLEGTAFEL'], gemeenteCode: GEMEENTE });
  await hub.database.db.insert(overlegtafelMember).values({ overlegtafelId: overlegtafelIdOf(REGION), organizationId: member.organizationId });
  reporter = await party(hub, { organizationType: 'OCO', roles: ['CLIENTONDERSTEUNER', 'OVERLEGTAFEL'] });
  outsider = await party(hub, { organizationType: 'OCO', roles: ['OVERLEGTAFEL', 'ZORGBEMIDDELAAR', 'BELEIDSMEDEWERKER'] });
  otherZorgkantoor = await party(hub, { organizationType: 'ZORGKANTOOR', roles: ['OVERLEGTAFEL', 'ZORGBEMIDDELAAR'], zorgkantoorregio: 'ZK27' });
  ownSignal = dataOf(
    await hub.graphql<{ reportSignal: { signal: { id: string } } }>(
      `mutation($input: ReportSignalInput!) { reportSignal(input: $input) { signal { id } } }`,
      { input: { category: 'NO_CAPACITY', targetGroup: 'OUDEREN', gemeenteCode: GEMEENTE, observedOn: today() } },
      { token: reporter.token },
    ),
  ).reportSignal.signal.id;
  [othersSignal = ''] = await insertSignals(hub, [
    { zorgkantoorregioCode: REGION, gemeenteCode: GEMEENTE, targetGroup: 'OUDEREN', reporterOrganizationId: randomUUID(), observedOn: today() },
  ]);
  knelpuntId = dataOf(
    await hub.graphql<{ createKnelpunt: { knelpunt: { id: string } } }>(
      `mutation($input: CreateKnelpuntInput!) { createKnelpunt(input: $input) { knelpunt { id } } }`,
      { input: { zorgkantoorregioCode: REGION, title: 'Geen verpleeghuisplek', signalIds: [ownSignal, othersSignal] } },
      { token: table.token },
    ),
  ).createKnelpunt.knelpunt.id;
  dataOf(
    await hub.graphql(
      `mutation($input: AddActionInput!) { addKnelpuntAction(input: $input) { action { id } } }`,
      { input: { knelpuntId, description: 'Extra plekken inkopen', ownerOrganizationId: table.organizationId, dueOn: addDays(today(), 30) } },
      { token: table.token },
    ),
  );
  dataOf(
    await hub.graphql(
      `mutation($input: HandKnelpuntToZorginkoopInput!) { handKnelpuntToZorginkoop(input: $input) { knelpunt { id } } }`,
      { input: { knelpuntId, question: 'Kan zorginkoop extra plekken inkopen?' } },
      { token: member.token },
    ),
  );
});

const TREND = `query($id: ID!) { knelpunt(id: $id) { id trend { referenceDate quarters { quarter signals } } } }`;
const THRESHOLD = `mutation($input: SetKnelpuntReopenThresholdInput!) { setKnelpuntReopenThreshold(input: $input) { knelpunt { reopenThreshold } } }`;
const THEME = `mutation($input: UpdateKnelpuntThemeInput!) { updateKnelpuntTheme(input: $input) { knelpunt { id } } }`;
const HAND = `mutation($input: HandKnelpuntToZorginkoopInput!) { handKnelpuntToZorginkoop(input: $input) { knelpunt { id } } }`;
const OUTCOME = `mutation($input: RecordZorginkoopOutcomeInput!) { recordZorginkoopOutcome(input: $input) { knelpunt { zorginkoop { status } } } }`;
const READ = `query($id: ID!) { knelpunt(id: $id) { reopenThreshold theme { categories legalDomains } zorginkoop { status outcome } } }`;

async function state() {
  return dataOf(
    await hub.graphql<{ knelpunt: { reopenThreshold: number; theme: { categories: string[]; legalDomains: string[] }; zorginkoop: { status: string } } }>(
      READ,
      { id: knelpuntId },
      { token: table.token },
    ),
  ).knelpunt;
}

describe.each(ROUTES)('the learning loop (%s)', (route) => {
  it('a non-member, a reporter and another region’s zorgkantoor cannot read the trend', async () => {
    for (const who of [outsider, reporter, otherZorgkantoor]) {
      const res = await ask<{ knelpunt: { trend: unknown } | null }>(route, TREND, { id: knelpuntId }, who);
      // The outsider and the other zorgkantoor may not know the knelpunt at all; the reporter sees it without its trend.
      if (res.body.data?.knelpunt) {
        expect(res.body.data.knelpunt.trend).toBeNull();
        expect(codes(res)).toEqual(['FORBIDDEN']);
      } else {
        expect(res.body.data?.knelpunt ?? null).toBeNull();
      }
      expect(JSON.stringify(res.body)).not.toContain('quarters');
    }
    const asMember = await ask<{ knelpunt: { trend: { referenceDate: string } } }>(route, TREND, { id: knelpuntId }, member);
    expect(asMember.body.data?.knelpunt.trend.referenceDate).toBe(today());
  });

  it('only members set the threshold and the theme, or hand it to zorginkoop; a refusal changes nothing', async () => {
    const before = await state();
    for (const who of [outsider, reporter, otherZorgkantoor]) {
      expect(codes(await ask(route, THRESHOLD, { input: { knelpuntId, threshold: 1 } }, who))).toEqual(['FORBIDDEN']);
      expect(codes(await ask(route, THEME, { input: { knelpuntId, categories: ['QUALITY'], targetGroups: [] } }, who))).toEqual(['FORBIDDEN']);
      expect(codes(await ask(route, HAND, { input: { knelpuntId, question: 'Nog iets?' } }, who))).toEqual(['FORBIDDEN']);
    }
    expect(await state()).toEqual(before);
  });

  it('only the region’s zorgkantoor records the outcome of zorginkoop', async () => {
    const input = { knelpuntId, outcome: 'AGREEMENT', text: 'Tien plekken ingekocht.' };
    // A member that is no zorgkantoor, an organisation claiming the roles, a reporter of its signals: FORBIDDEN.
    for (const who of [member, outsider, reporter]) {
      const res = await ask(route, OUTCOME, { input }, who);
      expect(codes(res)).toEqual([who === outsider ? 'NOT_FOUND' : 'FORBIDDEN']);
    }
    // Another region's zorgkantoor cannot tell the knelpunt exists.
    expect(codes(await ask(route, OUTCOME, { input }, otherZorgkantoor))).toEqual(['NOT_FOUND']);
    // A member of another type that claims the region's zorgkantoorregio.
    const pretender = await party(hub, {
      organizationType: 'GEMEENTE',
      roles: ['OVERLEGTAFEL', 'BELEIDSMEDEWERKER'],
      zorgkantoorregio: REGION,
      gemeenteCode: GEMEENTE,
      organizationId: member.organizationId,
    });
    expect(codes(await ask(route, OUTCOME, { input }, pretender))).toEqual(['FORBIDDEN']);
    expect((await state()).zorginkoop.status).toBe('ASKED');
  });
});

describe('what a reporter sees', () => {
  it('the outcome of zorginkoop through its own signal, not other organisations’ signals nor the counts or the trend', async () => {
    const policy = await party(hub, {
      organizationType: 'ZORGKANTOOR',
      roles: ['BELEIDSMEDEWERKER'],
      zorgkantoorregio: REGION,
      organizationId: table.organizationId,
    });
    dataOf(await hub.graphql(OUTCOME, { input: { knelpuntId, outcome: 'AGREEMENT', text: 'Tien plekken ingekocht per kwartaal.' } }, { token: policy.token }));
    for (const route of ROUTES) {
      const res = await ask<{
        mySignals: {
          nodes: {
            id: string;
            knelpunt: { zorginkoop: { status: string; outcome: string }; signals: { totalCount: number; nodes: { id: string }[] } } | null;
          }[];
        };
      }>(
        route,
        `{ mySignals(first: 100) { nodes { id knelpunt { zorginkoop { status outcome } signals { totalCount nodes { id } } signalCount trend { referenceDate } followUpSignals { totalCount } } } } }`,
        {},
        reporter,
      );
      const mine = res.body.data?.mySignals.nodes.find((n) => n.id === ownSignal);
      expect(mine?.knelpunt?.zorginkoop).toEqual({ status: 'AGREED', outcome: 'Tien plekken ingekocht per kwartaal.' });
      expect(mine?.knelpunt?.signals).toEqual({ totalCount: 1, nodes: [{ id: ownSignal }] });
      expect(JSON.stringify(res.body.data)).not.toContain(othersSignal);
      expect((res.body.errors ?? []).map((e) => `${e.extensions?.code}:${e.path?.at(-1)}`).sort()).toEqual(['FORBIDDEN:signalCount', 'FORBIDDEN:trend']);
    }
  });
});
