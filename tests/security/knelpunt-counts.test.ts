import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '@hub/testing';
import { readGemeenteRegions } from '../../subgraphs/signals/src/reference-data.ts';
import { chair, dataOf, insertSignals, party, type Party } from '../../subgraphs/signals/test/builders.ts';

/**
 * Item 14: a knelpunt's signalCount and clientCount are raw counts over the signals of several organisations. A
 * reporter sees its own signals in the knelpunt and must not learn how many others there are; the region's
 * zorgkantoor outside the table reads suppressed figures only. Members of the table, who read every signal of the
 * region anyway, get the counts.
 */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.stop();
});

const region = 'ZK08';
const [gemeente = ''] = readGemeenteRegions()
  .filter((g) => g.zorgkantoorregioCode === region)
  .map((g) => g.gemeenteCode);

const KNELPUNT = /* GraphQL */ `
  query Knelpunt($id: ID!) {
    knelpunt(id: $id) { id signalCount clientCount signals { totalCount nodes { id } } }
  }
`;
interface KnelpuntData {
  knelpunt: { id: string; signalCount: number | null; clientCount: number | null; signals: { totalCount: number; nodes: { id: string }[] } } | null;
}

let member: Party;
let reporter: Party;
let knelpuntId: string;
let ownSignalId: string;

beforeAll(async () => {
  member = await chair(hub, region);
  reporter = await party(hub, { organizationType: 'OCO', roles: ['CLIENTONDERSTEUNER'] });
  const reported = dataOf(
    await hub.graphql<{ reportSignal: { signal: { id: string } } }>(
      `mutation($input: ReportSignalInput!) { reportSignal(input: $input) { signal { id } } }`,
      { input: { category: 'NO_CAPACITY', gemeenteCode: gemeente, observedOn: '2025-10-01', clientCount: 2 } },
      { token: reporter.token },
    ),
  );
  ownSignalId = reported.reportSignal.signal.id;
  // Two signals of two other organisations.
  const others = await insertSignals(hub, [
    { gemeenteCode: gemeente, zorgkantoorregioCode: region, reporterOrganizationId: randomUUID(), clientCount: 3 },
    { gemeenteCode: gemeente, zorgkantoorregioCode: region, reporterOrganizationId: randomUUID(), clientCount: 1 },
  ]);
  const created = dataOf(
    await hub.graphql<{ createKnelpunt: { knelpunt: { id: string } } }>(
      `mutation($input: CreateKnelpuntInput!) { createKnelpunt(input: $input) { knelpunt { id } } }`,
      { input: { zorgkantoorregioCode: region, title: 'Geen plek', signalIds: [ownSignalId, ...others] } },
      { token: member.token },
    ),
  );
  knelpuntId = created.createKnelpunt.knelpunt.id;
});

const refusedFields = (errors: { path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[] | undefined) =>
  (errors ?? []).map((e) => [e.extensions?.code, (e.path ?? []).join('.')]).sort();

describe('item 14: knelpunt counts', () => {
  it('a member of the table gets the counts', async () => {
    const { knelpunt } = dataOf(await hub.graphql<KnelpuntData>(KNELPUNT, { id: knelpuntId }, { token: member.token }));
    expect(knelpunt).toMatchObject({ signalCount: 3, clientCount: 6 });
    expect(knelpunt?.signals.totalCount).toBe(3);
    expect(knelpunt?.signals.nodes).toHaveLength(3);
  });

  it('a reporter sees its own signal, but no counts: null with FORBIDDEN, through the gateway', async () => {
    const r = await hub.graphql<KnelpuntData>(KNELPUNT, { id: knelpuntId }, { token: reporter.token });
    // The page of signals counts its own signals only: totalCount is not a way round signalCount.
    expect(r.body.data?.knelpunt).toEqual({ id: knelpuntId, signalCount: null, clientCount: null, signals: { totalCount: 1, nodes: [{ id: ownSignalId }] } });
    expect(refusedFields(r.body.errors)).toEqual([
      ['FORBIDDEN', 'knelpunt.clientCount'],
      ['FORBIDDEN', 'knelpunt.signalCount'],
    ]);
    // The message says who may, and carries no number.
    for (const e of r.body.errors ?? []) expect(e.message).not.toMatch(/\d/);
  });

  it('a reporter reading its own signals gets the same: no counts of the knelpunt', async () => {
    const r = await hub.graphql<{ mySignals: { nodes: { id: string; knelpunt: { signalCount: number | null; clientCount: number | null } | null }[] } }>(
      `{ mySignals { nodes { id knelpunt { signalCount clientCount } } } }`,
      undefined,
      { token: reporter.token },
    );
    expect(r.body.data?.mySignals.nodes).toEqual([{ id: ownSignalId, knelpunt: { signalCount: null, clientCount: null } }]);
    expect(refusedFields(r.body.errors).map(([code]) => code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });

  it("a reporter paging the knelpunt's signals sees its own only; a member's cursor on another's signal opens nothing", async () => {
    const PAGE = `query($id: ID!, $first: Int, $after: String) { knelpunt(id: $id) { signals(first: $first, after: $after) { totalCount nodes { id } edges { cursor } pageInfo { hasNextPage } } } }`;
    type Page = { knelpunt: { signals: { totalCount: number; nodes: { id: string }[]; edges: { cursor: string }[]; pageInfo: { hasNextPage: boolean } } } };
    const own = dataOf(await hub.graphql<Page>(PAGE, { id: knelpuntId, first: 1 }, { token: reporter.token })).knelpunt.signals;
    expect(own).toMatchObject({ totalCount: 1, nodes: [{ id: ownSignalId }], pageInfo: { hasNextPage: false } });
    // The member's page holds the other organisations' signals; their cursors mean nothing to the reporter.
    const all = dataOf(await hub.graphql<Page>(PAGE, { id: knelpuntId, first: 3 }, { token: member.token })).knelpunt.signals;
    const foreign = all.edges.filter((_e, i) => all.nodes[i]?.id !== ownSignalId);
    expect(foreign).toHaveLength(2);
    for (const { cursor } of foreign) {
      const r = await hub.graphql<Page>(PAGE, { id: knelpuntId, after: cursor }, { token: reporter.token });
      expect(r.body.data?.knelpunt ?? null).toBeNull();
      expect(r.body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      for (const e of r.body.errors ?? []) expect(e.message).not.toMatch(/\d/);
    }
  });

  it('straight at the signals subgraph, the reporter gets no counts either', async () => {
    const r = await hub.directSubgraphRequest<KnelpuntData>('signals', KNELPUNT, {
      secret: hub.subgraphSecrets.signals,
      token: reporter.token,
      variables: { id: knelpuntId },
    });
    expect(r.body.data?.knelpunt).toMatchObject({ signalCount: null, clientCount: null });
    expect(refusedFields(r.body.errors).map(([code]) => code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });

  it("the region's zorgkantoor outside the table sees the knelpunt, not its counts", async () => {
    const zorgkantoor = await party(hub, { organizationType: 'ZORGKANTOOR', roles: ['ZORGBEMIDDELAAR'], zorgkantoorregio: region });
    const r = await hub.graphql<{ zorgkantoorregio: { openKnelpunten: { totalCount: number; nodes: { id: string; signalCount: number | null }[] } | null } }>(
      `query($code: String!) { zorgkantoorregio(code: $code) { openKnelpunten { totalCount nodes { id signalCount } } } }`,
      { code: region },
      { token: zorgkantoor.token },
    );
    expect(r.body.data?.zorgkantoorregio.openKnelpunten).toEqual({ totalCount: 1, nodes: [{ id: knelpuntId, signalCount: null }] });
    expect(refusedFields(r.body.errors).map(([code]) => code)).toEqual(['FORBIDDEN']);
  });
});
