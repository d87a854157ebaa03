import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The four journeys the benchmark drives, each as the operation a client sends through a gateway and as the same
 * subgraph requests sent straight to the subgraphs (the gateway's query plan, executed by hand), so that the
 * difference is the gateway's own cost.
 */

export type JourneyName = 'search' | 'client' | 'inbox' | 'quarter';
export const JOURNEY_NAMES: JourneyName[] = ['search', 'client', 'inbox', 'quarter'];

/** Everything a load process needs to rebuild the journeys: JSON only, so it crosses the process boundary. */
export interface JourneyContext {
  subgraphUrls: Record<string, string>;
  subgraphSecrets: Record<string, string>;
  /** Tokens by purpose: `toegang` (gemeente GM0363), `co` (cliëntondersteuner GM0363), `zk:<region>` (zorgkantoor). */
  tokens: Record<string, string>;
  clientIds: string[];
  inboxRegions: string[];
  quarter: { regions: string[]; quarter: string };
}

export interface Variant {
  token: string;
  variables: Record<string, unknown>;
}

/** Posts one GraphQL request to a subgraph with the gateway's secret; resolves to the parsed `data`, rejects on errors. */
export type SubgraphCall = (subgraph: string, query: string, variables: Record<string, unknown>, token: string) => Promise<Record<string, unknown>>;

export interface Journey {
  name: JourneyName;
  title: string;
  operationName: string;
  query: string;
  subgraphs: string[];
  variants: Variant[];
  /** The subgraph requests of the gateway's query plan for one variant, in the plan's order. */
  direct(call: SubgraphCall, variant: Variant): Promise<void>;
}

/**
 * The variables `npm run bench` adds to a journey's first variant to count SQL statements per operation at a small
 * and a large list size: label and variables of each.
 */
export const STATEMENT_PROBES: Record<JourneyName, [string, Record<string, unknown>, string, Record<string, unknown>]> = {
  search: ['first: 5', { first: 5 }, 'first: 50', { first: 50 }],
  client: ['referrals first: 1', { referrals: 1 }, 'referrals first: 50', { referrals: 50 }],
  inbox: ['first: 5', { first: 5 }, 'first: 50', { first: 50 }],
  quarter: [
    'groupBy CATEGORY',
    { groupBy: ['CATEGORY'] },
    'groupBy CATEGORY × LEGAL_DOMAIN × TARGET_GROUP',
    { groupBy: ['CATEGORY', 'LEGAL_DOMAIN', 'TARGET_GROUP'] },
  ],
};

const journeyFile = (name: string) => readFileSync(fileURLToPath(new URL(`../../tests/journeys/${name}`, import.meta.url)), 'utf8');

/** Gemeenten of different sizes (large cities to small villages) so the search sees different result sizes. */
const SEARCH_GEMEENTEN = ['GM0363', 'GM0599', 'GM0518', 'GM0344', 'GM0153', 'GM0202', 'GM0014', 'GM0034', 'GM0772', 'GM0855', 'GM0080', 'GM0164'];
const SEARCH_TEXTS: (string | null)[] = ['schulden', null, 'mantelzorg', 'dagbesteding', 'cliëntondersteuning', 'wonen met zorg', 'eenzaam', null];

const CLIENT_VIEW = `query ClientAcrossDomainsWithReferrals($id: ID!, $referrals: Int = 20) {
  client(id: $id) {
    id
    name { givenName namePrefix familyName }
    trajectories {
      nodes {
        id
        legalDomain
        status
        openedAt
        organization { id name type }
        journeyPhase
        counsellor { name }
      }
    }
    referrals(first: $referrals) {
      nodes {
        id
        kind
        status
        urgency
        sentAt
        respondBy
        fromOrganization { id name }
        toOrganization { id name }
      }
    }
  }
}`;

const INBOX = `query ZorgkantoorInbox($first: Int = 20, $statuses: [ReferralStatus!]) {
  referrals(box: INBOX, filter: { statuses: $statuses }, first: $first) {
    edges {
      node {
        id
        kind
        status
        urgency
        sentAt
        respondBy
        overdue
        daysInCurrentStatus
        supportFormsRequested
        fromOrganization { id name type }
        client { id }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

const REVIEW_QUARTER = `query ReviewQuarter($region: String!, $quarter: String!, $groupBy: [SignalDimension!] = [CATEGORY]) {
  zorgkantoorregio(code: $region) {
    code
    name
    signalSummary(granularity: QUARTER, from: $quarter, groupBy: $groupBy) {
      period
      startsOn
      endsOn
      total { signals clients withheld previousSignals change }
      cells { category legalDomain targetGroup signals withheld previousSignals change }
      medianWaitDays
      topNoCapacityOrganizations(limit: 3) { organization { id name } signals }
    }
    openKnelpunten(first: 20) { totalCount nodes { id title status } }
  }
}`;

const entitiesQuery = (selection: string) => `query ($representations: [_Any!]!) { _entities(representations: $representations) { ${selection} } }`;

interface OrgRef {
  id: string;
}

const uniqueIds = (refs: (OrgRef | null | undefined)[]) => [...new Set(refs.filter((r): r is OrgRef => Boolean(r?.id)).map((r) => r.id))];

async function organizationNames(call: SubgraphCall, ids: string[], token: string): Promise<void> {
  if (ids.length === 0) return;
  await call(
    'sociale-kaart',
    entitiesQuery('... on Organization { id name type }'),
    { representations: ids.map((id) => ({ __typename: 'Organization', id })) },
    token,
  );
}

export function buildJourneys(context: JourneyContext): Journey[] {
  const token = (key: string) => {
    const value = context.tokens[key];
    if (!value) throw new Error(`No benchmark token for ${key}.`);
    return value;
  };

  // Read once: direct() runs for every request of the load.
  const searchQuery = journeyFile('toegang-search-by-gemeente.graphql');
  const searchVariants: Variant[] = [];
  SEARCH_GEMEENTEN.forEach((gemeenteCode, g) => {
    SEARCH_TEXTS.forEach((text, t) => {
      const variables: Record<string, unknown> = { gemeenteCode, first: 20 };
      if (text) variables.text = text;
      if ((g + t) % 3 === 1) variables.lifeDomains = ['ZORG_EN_ONDERSTEUNING'];
      if ((g + t) % 4 === 2) variables.targetGroups = ['OUDEREN'];
      searchVariants.push({ token: token('toegang'), variables });
    });
  });

  return [
    {
      name: 'search',
      title: 'Toegangsteam search with filters and facets',
      operationName: 'ToegangSearchByGemeente',
      query: searchQuery,
      subgraphs: ['sociale-kaart'],
      variants: searchVariants,
      async direct(call, variant) {
        await call('sociale-kaart', searchQuery, variant.variables, variant.token);
      },
    },
    {
      name: 'client',
      title: 'Cross-domain client view: trajectories, referrals, organisations',
      operationName: 'ClientAcrossDomainsWithReferrals',
      query: CLIENT_VIEW,
      subgraphs: ['cases', 'referrals', 'sociale-kaart'],
      variants: context.clientIds.map((id) => ({ token: token('co'), variables: { id } })),
      async direct(call, variant) {
        // Plan: cases (client and trajectories) → in parallel referrals (Client.referrals) and sociale-kaart (the
        // trajectories' organisations) → sociale-kaart (the referrals' organisations).
        const cases = await call(
          'cases',
          `query ($id: ID!) { client(id: $id) { __typename id name { givenName namePrefix familyName } trajectories { nodes { id legalDomain status openedAt organization { __typename id } journeyPhase counsellor { name } } } } }`,
          variant.variables,
          variant.token,
        );
        const client = cases.client as { id: string; trajectories: { nodes: { organization: OrgRef }[] } } | null;
        if (!client) throw new Error('client not found');
        const [referrals] = await Promise.all([
          call(
            'referrals',
            entitiesQuery(
              '... on Client { referrals(first: 20) { nodes { id kind status urgency sentAt respondBy fromOrganization { __typename id } toOrganization { __typename id } } } }',
            ),
            { representations: [{ __typename: 'Client', id: client.id }] },
            variant.token,
          ),
          organizationNames(call, uniqueIds(client.trajectories.nodes.map((t) => t.organization)), variant.token),
        ]);
        const entities = (referrals._entities ?? []) as { referrals: { nodes: { fromOrganization: OrgRef; toOrganization: OrgRef }[] } }[];
        const refs = entities.flatMap((e) => e.referrals.nodes.flatMap((r) => [r.fromOrganization, r.toOrganization]));
        await organizationNames(call, uniqueIds(refs), variant.token);
      },
    },
    {
      name: 'inbox',
      title: "A zorgkantoor's referral inbox",
      operationName: 'ZorgkantoorInbox',
      query: INBOX,
      subgraphs: ['referrals', 'sociale-kaart'],
      variants: context.inboxRegions.flatMap((region) => [
        { token: token(`zk:${region}`), variables: { first: 20, statuses: ['REQUESTED'] } },
        { token: token(`zk:${region}`), variables: { first: 20 } },
      ]),
      async direct(call, variant) {
        const page = await call(
          'referrals',
          `query ($first: Int, $statuses: [ReferralStatus!]) { referrals(box: INBOX, filter: { statuses: $statuses }, first: $first) { edges { node { id kind status urgency sentAt respondBy overdue daysInCurrentStatus supportFormsRequested fromOrganization { __typename id } client { id } } } pageInfo { hasNextPage endCursor } } }`,
          variant.variables,
          variant.token,
        );
        const edges = (page.referrals as { edges?: { node: { fromOrganization: OrgRef } }[] } | null)?.edges ?? [];
        await organizationNames(call, uniqueIds(edges.map((e) => e.node.fromOrganization)), variant.token);
      },
    },
    {
      name: 'quarter',
      title: "The overlegtafel's quarter aggregation",
      operationName: 'ReviewQuarter',
      query: REVIEW_QUARTER,
      subgraphs: ['sociale-kaart', 'signals'],
      variants: context.quarter.regions.map((region) => ({ token: token(`zk:${region}`), variables: { region, quarter: context.quarter.quarter } })),
      async direct(call, variant) {
        const region = await call(
          'sociale-kaart',
          `query ($region: String!) { zorgkantoorregio(code: $region) { __typename code name } }`,
          { region: variant.variables.region },
          variant.token,
        );
        const code = (region.zorgkantoorregio as { code: string } | null)?.code;
        if (!code) throw new Error('region not found');
        const signals = await call(
          'signals',
          `query ($representations: [_Any!]!, $quarter: String!, $groupBy: [SignalDimension!]!) { _entities(representations: $representations) { ... on Zorgkantoorregio { signalSummary(granularity: QUARTER, from: $quarter, groupBy: $groupBy) { period startsOn endsOn total { signals clients withheld previousSignals change } cells { category legalDomain targetGroup signals withheld previousSignals change } medianWaitDays topNoCapacityOrganizations(limit: 3) { organization { __typename id } signals } } openKnelpunten(first: 20) { totalCount nodes { id title status } } } } }`,
          {
            representations: [{ __typename: 'Zorgkantoorregio', code }],
            quarter: variant.variables.quarter,
            groupBy: variant.variables.groupBy ?? ['CATEGORY'],
          },
          variant.token,
        );
        const summaries = ((signals._entities ?? []) as { signalSummary: { topNoCapacityOrganizations: { organization: OrgRef }[] }[] | null }[]).flatMap(
          (e) => e.signalSummary ?? [],
        );
        await organizationNames(call, uniqueIds(summaries.flatMap((s) => s.topNoCapacityOrganizations.map((t) => t.organization))), variant.token);
      },
    },
  ];
}
