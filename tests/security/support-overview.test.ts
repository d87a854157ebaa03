import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '@hub/db';
import { buildOrganization, dataOf, errorCodes, startTestHub, type GraphQLResult, type TestHub } from '@hub/testing';
import { newBsn, openTrajectory, registerClient } from '../../subgraphs/cases/test/builders.ts';
import { insertReferrals, REFERRAL_TEST_ENV } from '../../subgraphs/referrals/test/helpers.ts';

/**
 * Who may read the combined view of demand and supply (Query.supportOverview), and what a reader who may can still
 * not recover. Attackers: another gemeente's beleidsmedewerker, a zorgkantoor of another region, a wrong role, a
 * provider's beleidsmedewerker, a client token, anonymous; each through the gateway and with `_entities` straight at
 * the subgraphs that contribute (cases, referrals, sociale-kaart). And a reader of the region who subtracts its
 * published gemeenten, or a quarter from the half year.
 */

const YEAR = new Date().getUTCFullYear() - 1;
const H2 = { kind: 'HALF_YEAR', year: YEAR, number: 2 };
const Q3 = { kind: 'QUARTER', year: YEAR, number: 3 };
const Q4 = { kind: 'QUARTER', year: YEAR, number: 4 };
const ENSCHEDE = 'GM0153';
const HENGELO = 'GM0164';
const TWENTE = 'ZK22';
const AMSTERDAM = 'GM0363';

const OVERVIEW = /* GraphQL */ `
  query Overview($input: SupportOverviewInput!) {
    supportOverview(input: $input) {
      id
      demand { trajectoriesOpened { value suppressed } peopleSupported { value suppressed } }
      handovers { sent { value suppressed } }
      supply { services }
    }
  }
`;
const ENTITIES = {
  cases: `query($r: [_Any!]!) { _entities(representations: $r) { ... on SupportOverview { id demand { trajectoriesOpened { value } } } } }`,
  referrals: `query($r: [_Any!]!) { _entities(representations: $r) { ... on SupportOverview { id handovers { sent { value } } } } }`,
  'sociale-kaart': `query($r: [_Any!]!) { _entities(representations: $r) { ... on SupportOverview { id supply { services } } } }`,
};

type Count = { value: number | null; suppressed: boolean };
interface Overview {
  supportOverview: {
    id: string;
    demand: { trajectoriesOpened: Count; peopleSupported: Count };
    handovers: { sent: Count };
    supply: { services: number };
  } | null;
}

let hub: TestHub;
const tokens: Record<string, string> = {};

const ask = (token: string | undefined, input: Record<string, unknown>): Promise<GraphQLResult<Overview>> =>
  hub.graphql<Overview>(OVERVIEW, { input }, token ? { token } : {});

async function direct(subgraph: keyof typeof ENTITIES, token: string, id: string) {
  return hub.directSubgraphRequest<{ _entities: (Record<string, unknown> | null)[] }>(subgraph, ENTITIES[subgraph], {
    secret: hub.subgraphSecrets[subgraph],
    token,
    variables: { r: [{ __typename: 'SupportOverview', id }] },
  });
}

/** `n` clients of `gemeente` with a trajectory of the token's organisation, opened on a day of `month` of YEAR. */
async function trajectories(token: string, gemeente: string, month: number, n: number) {
  for (let i = 0; i < n; i++) {
    const c = await registerClient(hub, token, { gemeenteCode: gemeente });
    const t = await openTrajectory(hub, token, c.id);
    const opened = new Date(Date.UTC(YEAR, month - 1, 5 + i, 10));
    await hub.database.db.execute(sql`update cases.trajectory set opened_at = ${opened.toISOString()}::timestamptz where id = ${t.id}::uuid`);
  }
}

beforeAll(async () => {
  hub = await startTestHub({ env: REFERRAL_TEST_ENV });
  const enschede = await buildOrganization(hub, { type: 'GEMEENTE' });
  const hengelo = await buildOrganization(hub, { type: 'GEMEENTE' });
  const amsterdam = await buildOrganization(hub, { type: 'GEMEENTE' });
  const zk = await buildOrganization(hub, { type: 'ZORGKANTOOR' });
  const zkAmsterdam = await buildOrganization(hub, { type: 'ZORGKANTOOR' });
  const oco = await buildOrganization(hub, { type: 'OCO' });
  const gm = (org: { id: string }, gemeenteCode: string, roles: ('BELEIDSMEDEWERKER' | 'TOEGANG' | 'PRIVACY_OFFICER')[]) =>
    hub.tokenFor({ organizationId: org.id, organizationType: 'GEMEENTE', roles, gemeenteCode });
  const zorgkantoor = (org: { id: string }, zorgkantoorregio: string, roles: ('BELEIDSMEDEWERKER' | 'OVERLEGTAFEL' | 'ZORGBEMIDDELAAR')[]) =>
    hub.tokenFor({ organizationId: org.id, organizationType: 'ZORGKANTOOR', roles, zorgkantoorregio });
  tokens.enschede = await gm(enschede, ENSCHEDE, ['BELEIDSMEDEWERKER']);
  tokens.enschedeToegang = await gm(enschede, ENSCHEDE, ['TOEGANG']);
  tokens.enschedePrivacy = await gm(enschede, ENSCHEDE, ['PRIVACY_OFFICER']);
  tokens.hengelo = await gm(hengelo, HENGELO, ['BELEIDSMEDEWERKER']);
  tokens.amsterdam = await gm(amsterdam, AMSTERDAM, ['BELEIDSMEDEWERKER']);
  tokens.twente = await zorgkantoor(zk, TWENTE, ['BELEIDSMEDEWERKER']);
  tokens.twenteTafel = await zorgkantoor(zk, TWENTE, ['OVERLEGTAFEL']);
  tokens.twenteKlantadviseur = await zorgkantoor(zk, TWENTE, ['ZORGBEMIDDELAAR']);
  tokens.zkAmsterdam = await zorgkantoor(zkAmsterdam, 'ZK02', ['BELEIDSMEDEWERKER']);
  tokens.oco = await hub.tokenFor({ organizationId: oco.id, organizationType: 'OCO', roles: ['BELEIDSMEDEWERKER'] });
  tokens.client = await hub.clientTokenFor({ bsn: newBsn() });

  // Enschede: Q3 6 + 6 trajectories of two organisations, Q4 2 more; Hengelo: 2 in Q3 (of a third organisation).
  const enschedeWorker = await gm(enschede, ENSCHEDE, ['TOEGANG']);
  const zkWorker = await zorgkantoor(zk, TWENTE, ['ZORGBEMIDDELAAR']);
  const hengeloWorker = await gm(hengelo, HENGELO, ['TOEGANG']);
  await trajectories(enschedeWorker, ENSCHEDE, 7, 6);
  await trajectories(zkWorker, ENSCHEDE, 8, 6);
  await trajectories(enschedeWorker, ENSCHEDE, 11, 1);
  await trajectories(zkWorker, ENSCHEDE, 11, 1);
  await trajectories(hengeloWorker, HENGELO, 9, 2);
  // Handovers: 9 in Enschede between two pairs, 2 in Hengelo.
  const sent = (month: number, i: number) => new Date(Date.UTC(YEAR, month - 1, 3 + i, 9));
  await insertReferrals(hub, [
    ...Array.from({ length: 9 }, (_, i) => ({
      clientId: randomUUID(),
      fromOrganizationId: enschede.id,
      toOrganizationId: zk.id,
      gemeenteCode: ENSCHEDE,
      zorgkantoorregioCode: TWENTE,
      sentAt: sent(8, i),
      statusChangedAt: sent(8, i),
    })),
    ...Array.from({ length: 2 }, (_, i) => ({
      clientId: randomUUID(),
      fromOrganizationId: hengelo.id,
      toOrganizationId: zk.id,
      gemeenteCode: HENGELO,
      zorgkantoorregioCode: TWENTE,
      sentAt: sent(8, i),
      statusChangedAt: sent(8, i),
    })),
  ]);
}, 240_000);

afterAll(async () => {
  await hub?.stop();
});

describe('support overview: who may read it', () => {
  const allowed: [string, Record<string, string>][] = [
    ['enschede', { gemeenteCode: ENSCHEDE }],
    ['enschede', { zorgkantoorregioCode: TWENTE }],
    ['twente', { gemeenteCode: ENSCHEDE }],
    ['twente', { gemeenteCode: HENGELO }],
    ['twente', { zorgkantoorregioCode: TWENTE }],
    ['twenteTafel', { zorgkantoorregioCode: TWENTE }],
    ['twenteTafel', { gemeenteCode: HENGELO }],
  ];
  it.each(allowed)('%s reads %o', async (who, area) => {
    const res = await ask(tokens[who], { ...area, period: H2 });
    expect(errorCodes(res)).toEqual([]);
    expect(res.body.data?.supportOverview?.id).toMatch(/^(GM\d{4}|ZK\d{2}):\d{4}-H2$/);
  });

  const refused: [string, Record<string, string>][] = [
    ['enschede', { gemeenteCode: HENGELO }],
    ['enschede', { gemeenteCode: AMSTERDAM }],
    ['enschede', { zorgkantoorregioCode: 'ZK02' }],
    ['hengelo', { gemeenteCode: ENSCHEDE }],
    ['amsterdam', { zorgkantoorregioCode: TWENTE }],
    ['zkAmsterdam', { gemeenteCode: ENSCHEDE }],
    ['zkAmsterdam', { zorgkantoorregioCode: TWENTE }],
    ['twente', { gemeenteCode: AMSTERDAM }],
    ['enschedeToegang', { gemeenteCode: ENSCHEDE }],
    ['enschedePrivacy', { gemeenteCode: ENSCHEDE }],
    ['twenteKlantadviseur', { zorgkantoorregioCode: TWENTE }],
    ['oco', { gemeenteCode: ENSCHEDE }],
    ['client', { gemeenteCode: ENSCHEDE }],
  ];
  it.each(refused)('%s is refused %o through the gateway: the whole field null with FORBIDDEN', async (who, area) => {
    const res = await ask(tokens[who], { ...area, period: H2 });
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    expect(res.body.data?.supportOverview ?? null).toBeNull();
    expect(JSON.stringify(res.body)).not.toMatch(/"value":\d/);
  });

  it('anonymous gets UNAUTHENTICATED', async () => {
    const res = await ask(undefined, { gemeenteCode: ENSCHEDE, period: H2 });
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
  });

  const forged: [string, string][] = [
    ['hengelo', `${ENSCHEDE}:${YEAR}-H2`],
    ['amsterdam', `${TWENTE}:${YEAR}-H2`],
    ['enschede', `${HENGELO}:${YEAR}-Q3`],
    ['zkAmsterdam', `${ENSCHEDE}:${YEAR}`],
    ['enschedeToegang', `${ENSCHEDE}:${YEAR}-H2`],
    ['oco', `${TWENTE}:${YEAR}-H2`],
    ['client', `${ENSCHEDE}:${YEAR}-H2`],
  ];
  for (const subgraph of ['cases', 'referrals', 'sociale-kaart'] as const) {
    it.each(forged)(`_entities straight at ${subgraph}: %s with id %s gets nothing (FORBIDDEN)`, async (who, id) => {
      const res = await direct(subgraph, tokens[who] ?? '', id);
      expect(errorCodes(res)).toContain('FORBIDDEN');
      expect(res.body.data?._entities?.[0] ?? null).toBeNull();
    });

    it(`_entities straight at ${subgraph}: an allowed reader gets the figures; a running period or malformed id gives null`, async () => {
      const ok = await direct(subgraph, tokens.enschede ?? '', `${ENSCHEDE}:${YEAR}-H2`);
      expect(errorCodes(ok)).toEqual([]);
      expect(ok.body.data?._entities?.[0]).toMatchObject({ id: `${ENSCHEDE}:${YEAR}-H2` });
      for (const id of [`${ENSCHEDE}:${YEAR + 2}-H2`, `${ENSCHEDE}:${YEAR}-13`, 'GM0153', `GM9999:${YEAR}`, `'; drop table x; --`]) {
        const res = await direct(subgraph, tokens.enschede ?? '', id);
        expect(res.body.data?._entities?.[0] ?? null).toBeNull();
      }
    });
  }
});

describe('support overview: bad input', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['both areas', { gemeenteCode: ENSCHEDE, zorgkantoorregioCode: TWENTE, period: H2 }, 'input.gemeenteCode'],
    ['no area', { period: H2 }, 'input.gemeenteCode'],
    ['an unknown gemeente', { gemeenteCode: 'GM9999', period: H2 }, 'input.gemeenteCode'],
    ['an unknown region', { zorgkantoorregioCode: 'ZK05', period: H2 }, 'input.zorgkantoorregioCode'],
    ['a month', { gemeenteCode: ENSCHEDE, period: { kind: 'MONTH', year: YEAR, number: 7 } }, 'input.period.kind'],
    ['a period not ended', { gemeenteCode: ENSCHEDE, period: { kind: 'YEAR', year: YEAR + 1 } }, 'period'],
  ];
  it.each(cases)('%s gives BAD_USER_INPUT on the field', async (_, input, field) => {
    const res = await ask(tokens.enschede, input);
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.body.errors?.[0]?.extensions?.field).toBe(field);
  });
});

describe('support overview: differencing', () => {
  const count = async (token: string, input: Record<string, unknown>) => dataOf<Overview>(await ask(token, input)).supportOverview;

  it('the region minus its published gemeenten never gives 1–4 (Hengelo has 2 trajectories and 2 handovers)', async () => {
    const enschede = await count(tokens.twente ?? '', { gemeenteCode: ENSCHEDE, period: Q3 });
    const hengelo = await count(tokens.twente ?? '', { gemeenteCode: HENGELO, period: Q3 });
    const region = await count(tokens.twente ?? '', { zorgkantoorregioCode: TWENTE, period: Q3 });
    expect(enschede?.demand.trajectoriesOpened.value).toBe(12);
    expect(hengelo?.demand.trajectoriesOpened.suppressed).toBe(true);
    expect(region?.demand.trajectoriesOpened.suppressed).toBe(true);
    expect(enschede?.handovers.sent.value).toBe(9);
    expect(hengelo?.handovers.sent.suppressed).toBe(true);
    expect(region?.handovers.sent.suppressed).toBe(true);
    // The gemeente's figure is the same whether its own gemeente or the zorgkantoor asks.
    expect((await count(tokens.enschede ?? '', { gemeenteCode: ENSCHEDE, period: Q3 }))?.demand.trajectoriesOpened.value).toBe(12);
  });

  it('the half year minus its published quarter never gives 1–4 (Q4 holds 2)', async () => {
    const q3 = await count(tokens.enschede ?? '', { gemeenteCode: ENSCHEDE, period: Q3 });
    const q4 = await count(tokens.enschede ?? '', { gemeenteCode: ENSCHEDE, period: Q4 });
    const h2 = await count(tokens.enschede ?? '', { gemeenteCode: ENSCHEDE, period: H2 });
    expect(q3?.demand.trajectoriesOpened.value).toBe(12);
    expect(q4?.demand.trajectoriesOpened.suppressed).toBe(true);
    expect(h2?.demand.trajectoriesOpened.suppressed).toBe(true);
    // People supported: the trajectories stay open, so Q4 holds all 14 and H2 (14) reveals nothing beyond it.
    expect(q4?.demand.peopleSupported.value).toBe(14);
    expect(h2?.demand.peopleSupported.value).toBe(14);
  });

  it('a provider with all but a few of the trajectories would learn the others: withheld (dominance)', async () => {
    // In Q4 the gemeente has 1 and the zorgkantoor 1; in the whole year H1 is empty, so YEAR = H2 is withheld as well.
    const year = await count(tokens.enschede ?? '', { gemeenteCode: ENSCHEDE, period: { kind: 'YEAR', year: YEAR } });
    expect(year?.demand.trajectoriesOpened.suppressed).toBe(true);
  });
});
