import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, sql } from '@hub/db';
import { INTERNAL_SECRET_HEADER } from '@hub/service-kit';
import { startTestHub, type TestHub } from '@hub/testing';
import { findBreakGlassByClientIds, findClientRecords, findClientsByIds, findConsentsByClientIds, findTrajectoriesByClientIds } from '../src/db/queries.ts';
import {
  buildOrg,
  CLOSE_TRAJECTORY,
  closeInput,
  clientInput,
  newBsn,
  dataOf,
  openTrajectory,
  recordConsent,
  REGISTER,
  registerClient,
  UPDATE_TRAJECTORY,
} from './builders.ts';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ captureLogs: true });
});
afterAll(() => hub?.stop());

const count = async (table: 'client' | 'trajectory' | 'consent' | 'contact_moment' | 'access_log') =>
  rowsOf<{ n: number }>(await hub.database.db.execute(sql.raw(`select count(*)::int as n from cases.${table}`)))[0]?.n ?? 0;

async function internal<T>(path: string, body: unknown, secret: string | undefined = hub.internalSecret): Promise<{ status: number; body: T }> {
  const base = new URL(hub.subgraphUrls.cases ?? '').origin;
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret ? { [INTERNAL_SECRET_HEADER]: secret } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

describe('BSN', () => {
  it('refuses an invalid elfproef, never repeats the number, and keeps it out of logs and the database', async () => {
    const org = await buildOrg(hub);
    const token = await org.token();
    const clientsBefore = await count('client');
    const invalid = '123456789';
    const bad = await hub.graphql(REGISTER, { input: clientInput({ bsn: invalid }) }, { token });
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.bsn' });
    expect(await count('client')).toBe(clientsBefore);

    const registered = await registerClient(hub, token);
    const duplicate = await hub.graphql(REGISTER, { input: clientInput({ bsn: registered.bsn }) }, { token });
    expect(duplicate.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const search = await hub.graphql<{ findClientByBsn: { id: string; bsn: string } | null }>(
      `query Find($bsn: String!) { findClientByBsn(bsn: $bsn, purpose: INTEGRATED_SUPPORT) { id bsn } }`,
      { bsn: registered.bsn },
      { token },
    );
    expect(dataOf(search).findClientByBsn).toEqual({ id: registered.id, bsn: registered.bsn });
    const badSearch = await hub.graphql(
      `query Find($bsn: String!) { findClientByBsn(bsn: $bsn, purpose: INTEGRATED_SUPPORT) { id } }`,
      { bsn: invalid },
      { token },
    );
    expect(badSearch.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'bsn' });

    for (const body of [bad.body, duplicate.body, badSearch.body]) {
      const errors = JSON.stringify(body.errors);
      expect(errors).not.toContain(invalid);
      expect(errors).not.toContain(registered.bsn);
    }
    const logs = hub.logText();
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain(registered.bsn);
    expect(logs).not.toContain(invalid);
    const stored = JSON.stringify(rowsOf(await hub.database.db.execute(sql`select * from cases.client where id = ${registered.id}::uuid`)));
    expect(stored).not.toContain(registered.bsn);
  });

  it('requires a purpose for a BSN search and logs it as SEARCH with that purpose', async () => {
    const org = await buildOrg(hub);
    const subject = `search-${randomUUID()}`;
    const token = await org.token(['TOEGANG'], subject);
    const c = await registerClient(hub, token);
    const withoutPurpose = await hub.graphql(`query($bsn: String!) { findClientByBsn(bsn: $bsn) { id } }`, { bsn: c.bsn }, { token });
    expect(withoutPurpose.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    dataOf(await hub.graphql(`query($bsn: String!) { findClientByBsn(bsn: $bsn, purpose: WARM_HANDOVER) { id } }`, { bsn: c.bsn }, { token }));
    const lines = rowsOf<{ action: string; authorization_ground: string; data_categories: string[] }>(
      await hub.database.db.execute(
        sql`select action, authorization_ground, data_categories from cases.access_log where user_id = ${subject} and action = 'SEARCH'`,
      ),
    );
    expect(lines).toEqual([{ action: 'SEARCH', authorization_ground: 'STATED_PURPOSE:WARM_HANDOVER', data_categories: ['IDENTITY'] }]);
    const miss = await hub.graphql<{ findClientByBsn: unknown }>(
      `query($bsn: String!) { findClientByBsn(bsn: $bsn, purpose: WARM_HANDOVER) { id } }`,
      { bsn: newBsn() },
      { token },
    );
    expect(dataOf(miss).findClientByBsn).toBeNull();
  });

  it('lets another organisation open a trajectory only with proof of the BSN', async () => {
    const owner = await buildOrg(hub);
    const c = await registerClient(hub, await owner.token());
    const other = await buildOrg(hub, 'ZORGKANTOOR');
    const otherToken = await other.token();
    const input = { clientId: c.id, legalDomain: 'WLZ', journeyPhase: 'AFTER_INDICATION', hulpvraag: 'Passende zorg vinden.' };
    const blind = await hub.graphql(
      `mutation($input: OpenTrajectoryInput!) { openTrajectory(input: $input) { trajectory { id } } }`,
      { input },
      { token: otherToken },
    );
    expect(blind.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const t = await openTrajectory(hub, otherToken, c.id, { ...input, bsn: c.bsn });
    expect(t.id).toBeTruthy();
  });
});

describe('mutations', () => {
  it('validates at the boundary: BAD_USER_INPUT naming the field, nothing written', async () => {
    const org = await buildOrg(hub);
    const token = await org.token();
    const c = await registerClient(hub, token);
    const t = await openTrajectory(hub, token, c.id);
    const before = await Promise.all([count('client'), count('trajectory'), count('contact_moment'), count('access_log')]);
    const cases: [string, Record<string, unknown>, string][] = [
      [REGISTER, { input: clientInput({ gemeenteCode: 'Amsterdam' }) }, 'input.gemeenteCode'],
      [REGISTER, { input: clientInput({ dateOfBirth: '2999-01-01' }) }, 'input.dateOfBirth'],
      [REGISTER, { input: clientInput({ contact: { email: 'geen-adres' } }) }, 'input.contact.email'],
      [
        REGISTER,
        { input: clientInput({ network: [{ name: 'V', role: 'WETTELIJK_VERTEGENWOORDIGER', mayActForClient: false }] }) },
        'input.network.0.mayActForClient',
      ],
      [
        UPDATE_TRAJECTORY,
        {
          input: {
            id: t.id,
            expectedVersion: t.version,
            goals: [{ description: '', status: 'OPEN' }],
            addContactMoments: [{ occurredAt: '2026-01-01T00:00:00Z', channel: 'PHONE', summary: 'ok' }],
          },
        },
        'input.goals.0.description',
      ],
      [UPDATE_TRAJECTORY, { input: { id: t.id, expectedVersion: t.version, wlz: { zorgprofiel: '754' } } }, 'input.wlz'],
      [
        CLOSE_TRAJECTORY,
        { input: { id: t.id, expectedVersion: t.version, ...closeInput({ selfReliance: [{ lifeDomain: 'WONEN', start: 2, end: 6 }] }) } },
        'input.outcomes.selfReliance.0.end',
      ],
      [CLOSE_TRAJECTORY, { input: { id: t.id, expectedVersion: t.version, ...closeInput({ satisfaction: 11 }) } }, 'input.outcomes.satisfaction'],
    ];
    for (const [query, variables, field] of cases) {
      const res = await hub.graphql(query, variables, { token });
      expect(res.body.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await Promise.all([count('client'), count('trajectory'), count('contact_moment'), count('access_log')])).toEqual(before);
  });

  it('answers CONFLICT on a stale version and INVALID_TRANSITION on a closed trajectory', async () => {
    const org = await buildOrg(hub);
    const token = await org.token();
    const c = await registerClient(hub, token);
    const t = await openTrajectory(hub, token, c.id);
    const first = dataOf(
      await hub.graphql<{ updateTrajectory: { trajectory: { version: number } } }>(
        UPDATE_TRAJECTORY,
        { input: { id: t.id, expectedVersion: t.version, plan: 'A' } },
        { token },
      ),
    );
    const stale = await hub.graphql(UPDATE_TRAJECTORY, { input: { id: t.id, expectedVersion: t.version, plan: 'B' } }, { token });
    expect(stale.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const version = first.updateTrajectory.trajectory.version;
    const closed = dataOf(
      await hub.graphql<{ closeTrajectory: { trajectory: { status: string; version: number } } }>(
        CLOSE_TRAJECTORY,
        { input: { id: t.id, expectedVersion: version, ...closeInput() } },
        { token },
      ),
    );
    expect(closed.closeTrajectory.trajectory.status).toBe('CLOSED');
    const again = await hub.graphql(
      UPDATE_TRAJECTORY,
      { input: { id: t.id, expectedVersion: closed.closeTrajectory.trajectory.version, plan: 'C' } },
      { token },
    );
    expect(again.body.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    const staleClient = await hub.graphql(
      `mutation($id: ID!) { updateClient(input: { id: $id, expectedVersion: 99, preferredContactChannel: DO_NOT_CONTACT }) { client { id } } }`,
      { id: c.id },
      { token },
    );
    expect(staleClient.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('writes the access-log line of a change in the same transaction, and only the owner may change', async () => {
    const org = await buildOrg(hub);
    const subject = `changer-${randomUUID()}`;
    const token = await org.token(['CLIENTONDERSTEUNER'], subject);
    const c = await registerClient(hub, token);
    const other = await buildOrg(hub);
    await recordConsent(hub, token, { clientId: c.id, receivingOrganizationId: other.id, categories: ['IDENTITY'] });
    const foreign = await hub.graphql(
      `mutation($id: ID!) { updateClient(input: { id: $id, expectedVersion: 1, preferredContactChannel: EMAIL }) { client { id } } }`,
      { id: c.id },
      { token: await other.token() },
    );
    expect(foreign.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const lines = rowsOf<{ action: string; data_categories: string[] }>(
      await hub.database.db.execute(
        sql`select action, data_categories from cases.access_log where user_id = ${subject} and action <> 'READ' order by occurred_at`,
      ),
    );
    expect(lines).toEqual([
      { action: 'CREATE', data_categories: ['CONTACT', 'IDENTITY', 'NETWORK'] },
      { action: 'CREATE', data_categories: ['CONSENT'] },
    ]);
  });
});

describe('cross-domain view', () => {
  it('shows the trajectories of every domain the caller may see, each with its organisation from the sociale kaart', async () => {
    const gemeente = await buildOrg(hub, 'GEMEENTE', { gemeenteCode: 'GM0363' });
    const zorgkantoor = await buildOrg(hub, 'ZORGKANTOOR', { zorgkantoorregio: 'ZK02' });
    const gToken = await gemeente.token(['TOEGANG']);
    const c = await registerClient(hub, gToken);
    await openTrajectory(hub, gToken, c.id);
    const zToken = await zorgkantoor.token(['ZORGBEMIDDELAAR']);
    await openTrajectory(hub, zToken, c.id, { bsn: c.bsn, legalDomain: 'WLZ', journeyPhase: 'AFTER_INDICATION', wlz: { sector: 'GZ', zorgprofiel: '804' } });
    const query = `query View($id: ID!) { client(id: $id) { gemeente { code name } trajectories { nodes { legalDomain organization { id name type } wlz { zorgprofiel } } } } }`;
    const before = dataOf(await hub.graphql<{ client: { trajectories: { nodes: { legalDomain: string }[] } } }>(query, { id: c.id }, { token: gToken }));
    expect(before.client.trajectories.nodes.map((t) => t.legalDomain)).toEqual(['WMO_MAATWERKVOORZIENING']);
    // The zorgkantoor records the client's consent for the gemeente.
    await recordConsent(hub, zToken, { clientId: c.id, receivingOrganizationId: gemeente.id, categories: ['HANDOVER'] });
    const after = dataOf(
      await hub.graphql<{
        client: {
          gemeente: { name: string };
          trajectories: { nodes: { legalDomain: string; organization: { id: string; type: string }; wlz: { zorgprofiel: string | null } }[] };
        };
      }>(query, { id: c.id }, { token: gToken }),
    );
    expect(after.client.gemeente.name).toBe('Amsterdam');
    expect(after.client.trajectories.nodes.map((t) => [t.legalDomain, t.organization.id, t.organization.type, t.wlz.zorgprofiel])).toEqual([
      ['WMO_MAATWERKVOORZIENING', gemeente.id, 'GEMEENTE', null],
      ['WLZ', zorgkantoor.id, 'ZORGKANTOOR', '804'],
    ]);
  });

  it('does not grow the number of SQL statements with the number of trajectories', async () => {
    const org = await buildOrg(hub, 'OCO');
    const token = await org.token();
    const query = `query Trajectories($id: ID!) { client(id: $id) { name { givenName } trajectories(first: 20) { totalCount nodes { id status organization { id name }
      counsellor { name } hulpvraag plan goals { description } contactMoments { totalCount nodes { summary } } client { id } } } consents { nodes { id } } } }`;
    const statementsFor = async (n: number) => {
      const c = await registerClient(hub, token);
      for (let i = 0; i < n; i++) {
        const t = await openTrajectory(hub, token, c.id);
        dataOf(
          await hub.graphql(
            UPDATE_TRAJECTORY,
            {
              input: { id: t.id, expectedVersion: t.version, addContactMoments: [{ occurredAt: '2026-02-01T10:00:00Z', channel: 'EMAIL', summary: 'Mail.' }] },
            },
            { token },
          ),
        );
      }
      // The sociale kaart brings its in-memory directory up to date at the first request after a change to it (the
      // organisation built above): that is counted once per change, not per operation, so it happens here first.
      dataOf(await hub.graphql(`{ gemeente(code: "GM0363") { code } }`));
      // Counted per request by each subgraph host (its request log line), so background work such as the
      // referrals relay does not blur the number.
      const result = await hub.graphql<{ client: { trajectories: { totalCount: number; nodes: unknown[] } } }>(query, { id: c.id }, { token });
      const res = dataOf(result);
      // The gateway's own request id, which every subgraph it called logs.
      const requestId = result.headers.get('x-request-id') ?? '';
      expect(requestId).not.toBe('');
      expect(res.client.trajectories.nodes).toHaveLength(n);
      expect(res.client.trajectories.totalCount).toBe(n);
      const lines = hub.logs.filter((l) => l.reqId === requestId && l.msg === 'request');
      // Both subgraphs took part: cases for the client, the sociale kaart for the organisations.
      expect(
        lines
          .filter((l) => l.service === 'cases' || l.service === 'sociale-kaart')
          .map((l) => l.service)
          .sort(),
      ).toEqual(['cases', 'sociale-kaart']);
      return lines.reduce((sum, l) => sum + (typeof l.statements === 'number' ? l.statements : 0), 0);
    };
    const two = await statementsFor(2);
    const twenty = await statementsFor(20);
    console.info(`statements for client { trajectories }: 2 → ${two}, 20 → ${twenty}`);
    expect(twenty).toBe(two);
    expect(two).toBeGreaterThan(0);
    expect(two).toBeLessThanOrEqual(4);
  });
});

describe("a client's record for a view", () => {
  const OPEN_BREAK_GLASS = `mutation Open($input: OpenBreakGlassInput!) { openBreakGlass(input: $input) { breakGlass { id } } }`;
  const CONFIGURE_BREAK_GLASS = `mutation Configure($input: ConfigureBreakGlassInput!) { configureBreakGlass(input: $input) { settings { enabled } } }`;

  it('reads the client, its trajectories, consents and break-glass openings in one statement, mapped as the single queries map them', async () => {
    const gemeente = await buildOrg(hub, 'GEMEENTE');
    const zorgkantoor = await buildOrg(hub, 'ZORGKANTOOR');
    const wijkteam = await buildOrg(hub, 'GEMEENTE');
    const gToken = await gemeente.token();
    const zToken = await zorgkantoor.token();
    const c = await registerClient(hub, gToken);
    await openTrajectory(hub, gToken, c.id, { lifeDomains: ['WONEN', 'FINANCIEN_EN_SCHULDEN'] });
    await openTrajectory(hub, zToken, c.id, { bsn: c.bsn, legalDomain: 'WLZ', journeyPhase: 'AFTER_INDICATION', wlz: { sector: 'GZ', zorgprofiel: '804' } });
    await recordConsent(hub, zToken, { clientId: c.id, receivingOrganizationId: gemeente.id, categories: ['HANDOVER', 'QUESTION'] });
    dataOf(
      await hub.graphql(
        CONFIGURE_BREAK_GLASS,
        { input: { enabled: true, durationHours: 4, dailyLimit: 2 } },
        { token: await wijkteam.token(['PRIVACY_OFFICER']) },
      ),
    );
    dataOf(
      await hub.graphql(
        OPEN_BREAK_GLASS,
        { input: { clientId: c.id, reason: 'Acuut gevaar: de cliënt is niet bereikbaar en de buren melden een val.' } },
        { token: await wijkteam.token(['TOEGANG']) },
      ),
    );

    const db = hub.database.db;
    const unknown = randomUUID();
    const records = await findClientRecords(db, [c.id, unknown]);
    expect(records).toEqual([
      {
        client: (await findClientsByIds(db, [c.id]))[0],
        trajectories: await findTrajectoriesByClientIds(db, [c.id]),
        consents: await findConsentsByClientIds(db, [c.id]),
        breakGlass: await findBreakGlassByClientIds(db, [c.id]),
      },
    ]);
    const [record] = records;
    expect([record?.trajectories.length, record?.consents.length, record?.breakGlass.length]).toEqual([2, 1, 1]);
    expect(record?.trajectories[1]?.openedAt).toBeInstanceOf(Date);
    expect(record?.trajectories[1]?.wlz).toEqual({ sector: 'GZ', zorgprofiel: '804', leveringsvorm: null, wachtstatus: null });
  });

  it('answers the cross-domain view in two statements of the cases subgraph: the record and the access-log line', async () => {
    const gemeente = await buildOrg(hub, 'GEMEENTE');
    const zorgkantoor = await buildOrg(hub, 'ZORGKANTOOR');
    const gToken = await gemeente.token();
    const zToken = await zorgkantoor.token();
    const c = await registerClient(hub, gToken);
    await openTrajectory(hub, gToken, c.id);
    await openTrajectory(hub, zToken, c.id, { bsn: c.bsn, legalDomain: 'WLZ', journeyPhase: 'AFTER_INDICATION' });
    const consent = await recordConsent(hub, zToken, { clientId: c.id, receivingOrganizationId: gemeente.id, categories: ['HANDOVER'] });
    const linesBefore = await count('access_log');
    const result = await hub.graphql<{ client: { trajectories: { nodes: { legalDomain: string; organization: { id: string } }[] } } }>(
      `query View($id: ID!) { client(id: $id) { name { familyName } trajectories { nodes { legalDomain status organization { id name } journeyPhase counsellor { name } } } } }`,
      { id: c.id },
      { token: gToken },
    );
    expect(dataOf(result).client.trajectories.nodes.map((t) => [t.legalDomain, t.organization.id])).toEqual([
      ['WMO_MAATWERKVOORZIENING', gemeente.id],
      ['WLZ', zorgkantoor.id],
    ]);
    const requestId = result.headers.get('x-request-id') ?? '';
    const casesLines = hub.logs.filter((l) => l.reqId === requestId && l.msg === 'request' && l.service === 'cases');
    expect(casesLines.map((l) => l.statements)).toEqual([2]);
    // The one line names the consent the zorgkantoor's trajectory was read under.
    expect(await count('access_log')).toBe(linesBefore + 1);
    const [line] = rowsOf<{ authorization_ground: string }>(
      await hub.database.db.execute(sql`select authorization_ground from cases.access_log where client_id = ${c.id} and request_id = ${requestId}`),
    );
    expect(line?.authorization_ground).toBe(`OWN_ORGANIZATION,CONSENT:${consent.id}`);
  });
});

describe("a client's lists, a page at a time", () => {
  type Page<T> = {
    totalCount: number;
    edges: { cursor: string; node: T }[];
    nodes: T[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  };
  type Lists = {
    client: {
      trajectories: Page<{ id: string; contactMoments: Page<{ summary: string }> | null }>;
      consents: Page<{ id: string }>;
    };
  };
  const page = (fields: string) => `totalCount edges { cursor node { ${fields} } } nodes { ${fields} } pageInfo { hasNextPage hasPreviousPage endCursor }`;
  const LISTS = `query Lists($id: ID!, $first: Int, $trajectoriesAfter: String, $consentsAfter: String) { client(id: $id) {
    trajectories(first: $first, after: $trajectoriesAfter) { ${page(`id contactMoments(first: $first) { ${page('summary')} }`)} }
    consents(first: $first, after: $consentsAfter) { ${page('id')} } } }`;

  it('pages trajectories (oldest first), consents (in the order recorded) and contact moments (newest first), with totalCount', async () => {
    const org = await buildOrg(hub, 'OCO');
    const token = await org.token();
    const c = await registerClient(hub, token);
    const opened: { id: string; version: number }[] = [];
    for (let i = 0; i < 3; i++) opened.push(await openTrajectory(hub, token, c.id));
    const [oldest] = opened;
    if (!oldest) throw new Error('no trajectory');
    const moments = ['Eerste gesprek.', 'Tweede gesprek.', 'Derde gesprek.'].map((summary, i) => ({
      occurredAt: `2026-01-0${i + 1}T10:00:00Z`,
      channel: 'PHONE',
      summary,
    }));
    dataOf(await hub.graphql(UPDATE_TRAJECTORY, { input: { id: oldest.id, expectedVersion: oldest.version, addContactMoments: moments } }, { token }));
    const consents: string[] = [];
    for (let i = 0; i < 3; i++) consents.push((await recordConsent(hub, token, { clientId: c.id, receivingOrganizationId: (await buildOrg(hub)).id })).id);

    const first = dataOf(await hub.graphql<Lists>(LISTS, { id: c.id, first: 2 }, { token })).client;
    expect(first.trajectories.nodes.map((t) => t.id)).toEqual(opened.slice(0, 2).map((t) => t.id));
    expect(first.trajectories.edges.map((e) => e.node.id)).toEqual(opened.slice(0, 2).map((t) => t.id));
    expect(first.trajectories).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true, hasPreviousPage: false } });
    expect(first.trajectories.nodes[0]?.contactMoments?.nodes.map((m) => m.summary)).toEqual(['Derde gesprek.', 'Tweede gesprek.']);
    expect(first.trajectories.nodes[0]?.contactMoments).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect(first.trajectories.nodes[1]?.contactMoments).toMatchObject({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
    expect(first.consents.nodes.map((x) => x.id)).toEqual(consents.slice(0, 2));
    expect(first.consents).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });

    const MOMENTS = `query Moments($id: ID!, $after: String) { trajectory(id: $id) { contactMoments(first: 2, after: $after) { ${page('summary')} } } }`;
    const moreMoments = dataOf(
      await hub.graphql<{ trajectory: { contactMoments: Page<{ summary: string }> } }>(
        MOMENTS,
        { id: oldest.id, after: first.trajectories.nodes[0]?.contactMoments?.pageInfo.endCursor },
        { token },
      ),
    ).trajectory.contactMoments;
    expect(moreMoments?.nodes.map((m) => m.summary)).toEqual(['Eerste gesprek.']);
    expect(moreMoments?.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    const second = dataOf(await hub.graphql<Lists>(LISTS, { id: c.id, first: 2, trajectoriesAfter: first.trajectories.pageInfo.endCursor }, { token })).client;
    expect(second.trajectories.nodes.map((t) => t.id)).toEqual([opened[2]?.id]);
    expect(second.trajectories).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: false, hasPreviousPage: true } });
    const lastConsents = dataOf(await hub.graphql<Lists>(LISTS, { id: c.id, first: 2, consentsAfter: first.consents.pageInfo.endCursor }, { token })).client;
    expect(lastConsents.consents.nodes.map((x) => x.id)).toEqual([consents[2]]);

    // A larger page is served at the cap; one below 1 and a cursor of another list are refused.
    const capped = `query Capped($id: ID!) { client(id: $id) { trajectories(first: 1000) { nodes { id } } } }`;
    expect(dataOf(await hub.graphql<Lists>(capped, { id: c.id }, { token })).client.trajectories.nodes).toHaveLength(3);
    const zero = await hub.graphql(LISTS, { id: c.id, first: 0 }, { token });
    expect(zero.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const foreign = await hub.graphql(LISTS, { id: c.id, first: 2, trajectoriesAfter: first.consents.pageInfo.endCursor }, { token });
    expect(foreign.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('writes one CONSENT line per read of the consent list, whichever page, naming each consent it shows through', async () => {
    const holder = await buildOrg(hub, 'OCO');
    const holderToken = await holder.token();
    const c = await registerClient(hub, holderToken);
    await openTrajectory(hub, holderToken, c.id);
    const reader = await buildOrg(hub);
    const received: string[] = [];
    for (let i = 0; i < 3; i++) {
      received.push((await recordConsent(hub, holderToken, { clientId: c.id, receivingOrganizationId: reader.id, categories: ['HANDOVER'] })).id);
    }
    const subject = `consent-pages-${randomUUID()}`;
    const token = await reader.token(['CLIENTONDERSTEUNER'], subject);
    const linesOfReader = async () =>
      rowsOf<{ action: string; data_categories: string[]; authorization_ground: string; access_point: string }>(
        await hub.database.db.execute(
          sql`select action, data_categories, authorization_ground, access_point from cases.access_log where user_id = ${subject} order by occurred_at`,
        ),
      );

    // A page refused for its arguments reads nothing and writes no line, for the consents and for the trajectories
    // (the holder's trajectory would be disclosed to the reader through its consents).
    for (const list of ['consents(first: 0) { totalCount }', 'trajectories(first: 0) { totalCount }', 'consents(after: "nonsense") { totalCount }']) {
      const refused = await hub.graphql(`query Refused($id: ID!) { client(id: $id) { ${list} } }`, { id: c.id }, { token });
      expect(refused.body.errors?.[0]?.extensions?.code, list).toBe('BAD_USER_INPUT');
    }
    expect(await linesOfReader()).toEqual([]);

    const query = `query Consents($id: ID!, $after: String) { client(id: $id) { consents(first: 2, after: $after) { nodes { id } pageInfo { endCursor } } } }`;
    type Consents = { client: { consents: { nodes: { id: string }[]; pageInfo: { endCursor: string } } } };
    const one = dataOf(await hub.graphql<Consents>(query, { id: c.id }, { token }));
    dataOf(await hub.graphql<Consents>(query, { id: c.id, after: one.client.consents.pageInfo.endCursor }, { token }));
    const grounds = [...received].sort().map((id) => `CONSENT:${id}`);
    expect((await linesOfReader()).map((l) => [l.action, l.data_categories, l.access_point, l.authorization_ground.split(',').sort()])).toEqual([
      ['READ', ['CONSENT'], 'cases:Consents:Client.consents', grounds],
      ['READ', ['CONSENT'], 'cases:Consents:Client.consents', grounds],
    ]);
  });
});

describe('caseload', () => {
  it("pages through the organisation's own trajectories, newest first, filtered by status", async () => {
    const org = await buildOrg(hub, 'OCO');
    const token = await org.token();
    const c = await registerClient(hub, token);
    const opened: string[] = [];
    for (let i = 0; i < 3; i++) opened.push((await openTrajectory(hub, token, c.id)).id);
    const other = await buildOrg(hub, 'OCO');
    await openTrajectory(hub, await other.token(), (await registerClient(hub, await other.token())).id);
    const query = `query Caseload($after: String) { myTrajectories(status: OPEN, first: 2, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`;
    type Page = { myTrajectories: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const first = dataOf(await hub.graphql<Page>(query, {}, { token }));
    expect(first.myTrajectories.pageInfo.hasNextPage).toBe(true);
    const second = dataOf(await hub.graphql<Page>(query, { after: first.myTrajectories.pageInfo.endCursor }, { token }));
    expect(second.myTrajectories.pageInfo.hasNextPage).toBe(false);
    expect([...first.myTrajectories.nodes, ...second.myTrajectories.nodes].map((n) => n.id)).toEqual([...opened].reverse());
    const bad = await hub.graphql(query, { after: 'nonsense' }, { token });
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    // A cursor whose key Postgres could not read as a time is refused the same way, not failed in SQL.
    const forged = Buffer.from(JSON.stringify(['2026-02-30 10:00:00+00', opened[0]])).toString('base64url');
    const refused = await hub.graphql(query, { after: forged }, { token });
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('skips no trajectory opened within the same millisecond (the cursor keeps the microseconds)', async () => {
    const org = await buildOrg(hub, 'OCO');
    const token = await org.token();
    const c = await registerClient(hub, token);
    const opened: string[] = [];
    for (let i = 0; i < 3; i++) opened.push((await openTrajectory(hub, token, c.id)).id);
    for (const [i, id] of opened.entries()) {
      await hub.database.db.execute(sql`update cases.trajectory set opened_at = ${`2026-01-05 10:00:00.12340${i}+00`}::timestamptz where id = ${id}::uuid`);
    }
    const query = `query Caseload($after: String) { myTrajectories(first: 1, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`;
    type Page = { myTrajectories: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const data: Page = dataOf(await hub.graphql<Page>(query, { after }, { token }));
      seen.push(...data.myTrajectories.nodes.map((n) => n.id));
      if (!data.myTrajectories.pageInfo.hasNextPage) break;
      after = data.myTrajectories.pageInfo.endCursor;
    }
    expect(seen).toEqual([...opened].reverse());
  });
});

describe('caseload search', () => {
  it("finds the organisation's own trajectories by the client's name, logs a SEARCH per client found, and refuses a bad search", async () => {
    const org = await buildOrg(hub, 'OCO');
    const subject = `caseload-${randomUUID()}`;
    const token = await org.token(['CLIENTONDERSTEUNER'], subject);
    const wanted = await registerClient(hub, token, { name: { givenName: 'Wietske', namePrefix: 'van der', familyName: 'Zoekmeer' } });
    const other = await registerClient(hub, token, { name: { givenName: 'Gijs', familyName: 'Anders' } });
    const wantedTrajectory = (await openTrajectory(hub, token, wanted.id)).id;
    await openTrajectory(hub, token, other.id);
    // A client of the same name at another organisation stays out of this caseload.
    const elsewhere = await buildOrg(hub, 'OCO');
    const elsewhereToken = await elsewhere.token();
    await openTrajectory(hub, elsewhereToken, (await registerClient(hub, elsewhereToken, { name: { givenName: 'Wietske', familyName: 'Zoekmeer' } })).id);
    const query = `query Caseload($search: String) { myTrajectories(search: $search) { nodes { id client { id } } } }`;
    type Page = { myTrajectories: { nodes: { id: string; client: { id: string } }[] } };
    for (const text of ['zoekmeer', 'VAN DER zoek', 'Wietske van der Zoekmeer', '  wietske ']) {
      const found = dataOf(await hub.graphql<Page>(query, { search: text }, { token }));
      expect(
        found.myTrajectories.nodes.map((n) => n.id),
        text,
      ).toEqual([wantedTrajectory]);
    }
    // % and _ are plain characters, not wildcards.
    expect(dataOf(await hub.graphql<Page>(query, { search: '%%' }, { token })).myTrajectories.nodes).toEqual([]);
    expect(dataOf(await hub.graphql<Page>(query, { search: 'Zoek_eer' }, { token })).myTrajectories.nodes).toEqual([]);
    expect(dataOf(await hub.graphql<Page>(query, {}, { token })).myTrajectories.nodes).toHaveLength(2);
    const lines = rowsOf<{ action: string; client_id: string; authorization_ground: string; data_categories: string[]; access_point: string }>(
      await hub.database.db.execute(
        sql`select action, client_id, authorization_ground, data_categories, access_point from cases.access_log where user_id = ${subject} and action = 'SEARCH'`,
      ),
    );
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      expect(line).toEqual({
        action: 'SEARCH',
        client_id: wanted.id,
        authorization_ground: 'OWN_ORGANIZATION',
        data_categories: ['IDENTITY'],
        access_point: 'cases:Caseload:Query.myTrajectories',
      });
    }
    for (const bad of ['a', ' b ', 'x'.repeat(101)]) {
      const refused = await hub.graphql(query, { search: bad }, { token });
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'search' });
      expect(JSON.stringify(refused.body)).not.toContain('Zoekmeer');
    }
  });
});

describe('access overview for the privacy officer', () => {
  it('is chronological and paged, for a PRIVACY_OFFICER of an owning organisation only, and includes lines of other subgraphs', async () => {
    const org = await buildOrg(hub);
    const token = await org.token();
    const c = await registerClient(hub, token);
    const reader = await buildOrg(hub);
    await recordConsent(hub, token, { clientId: c.id, receivingOrganizationId: reader.id, categories: ['IDENTITY'] });
    for (let i = 0; i < 3; i++) await hub.graphql(`query { client(id: "${c.id}") { name { familyName } } }`, undefined, { token: await reader.token() });
    const eventId = randomUUID();
    const entry = {
      eventId,
      occurredAt: new Date().toISOString(),
      action: 'READ',
      outcome: 'GRANTED',
      userId: 'referrals-user',
      organizationId: reader.id,
      role: 'CLIENTONDERSTEUNER',
      clientId: c.id,
      dataCategories: ['HANDOVER'],
      authorizationGround: 'CONSENT',
      requestId: 'req-1',
      traceId: 'a'.repeat(32),
      accessPoint: 'referrals:-:Referral.contact',
      sourceSubgraph: 'referrals',
    };
    expect((await internal('/internal/access-log', { entries: [entry] })).body).toEqual({ accepted: 1, duplicates: 0 });
    expect((await internal('/internal/access-log', { entries: [entry] })).body).toEqual({ accepted: 0, duplicates: 1 });
    expect((await internal('/internal/access-log', { entries: [entry] }, 'wrong')).status).toBe(401);

    const query = `query Overview($id: ID!, $after: String) { client(id: $id) { accessLog(from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z", first: 3, after: $after) {
      edges { node { eventId occurredAt action outcome organization { id } sourceSubgraph dataCategories } } pageInfo { hasNextPage endCursor } } } }`;
    const officer = await org.token(['PRIVACY_OFFICER']);
    type Page = {
      client: {
        accessLog: {
          edges: { node: { eventId: string; occurredAt: string; action: string; sourceSubgraph: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      };
    };
    const nodes: { eventId: string; occurredAt: string; action: string; sourceSubgraph: string }[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const data: Page = dataOf(await hub.graphql<Page>(query, { id: c.id, after }, { token: officer }));
      nodes.push(...data.client.accessLog.edges.map((e) => e.node));
      if (!data.client.accessLog.pageInfo.hasNextPage) break;
      after = data.client.accessLog.pageInfo.endCursor;
    }
    // CREATE client, CREATE consent, 3 reads, 1 line from referrals.
    expect(nodes).toHaveLength(6);
    expect(nodes.map((n) => n.occurredAt)).toEqual([...nodes.map((n) => n.occurredAt)].sort());
    expect(nodes.filter((n) => n.sourceSubgraph === 'referrals').map((n) => n.eventId)).toEqual([eventId]);
    expect(nodes.filter((n) => n.action === 'READ')).toHaveLength(4);

    for (const t of [await org.token(['CLIENTONDERSTEUNER']), await reader.token(['PRIVACY_OFFICER'])]) {
      const refused = await hub.graphql(query, { id: c.id, after: null }, { token: t });
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('access overview: one organisation, and the export', () => {
  const LINES = `query Lines($id: ID!, $organization: ID) { client(id: $id) { accessLog(from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z", first: 100, organization: $organization) {
    edges { node { action userId organization { id } } } } } }`;
  const EXPORT = `query Export($id: ID!, $organization: ID, $from: DateTime = "2000-01-01T00:00:00Z") { client(id: $id) {
    accessLogExport(from: $from, to: "2100-01-01T00:00:00Z", organization: $organization) { exportedAt lines { action userId organization { id } } } } }`;
  type Line = { action: string; userId: string; organization: { id: string } };

  it('filters on the server by the organisation of the users, and refuses an id that is no UUID', async () => {
    const org = await buildOrg(hub);
    const token = await org.token();
    const c = await registerClient(hub, token);
    const reader = await buildOrg(hub);
    await recordConsent(hub, token, { clientId: c.id, receivingOrganizationId: reader.id, categories: ['IDENTITY'] });
    for (let i = 0; i < 2; i++) await hub.graphql(`query { client(id: "${c.id}") { name { familyName } } }`, undefined, { token: await reader.token() });
    const officer = await org.token(['PRIVACY_OFFICER']);
    type Data = { client: { accessLog: { edges: { node: Line }[] } } };
    const all = dataOf(await hub.graphql<Data>(LINES, { id: c.id }, { token: officer })).client.accessLog.edges.map((e) => e.node);
    const ofReader = dataOf(await hub.graphql<Data>(LINES, { id: c.id, organization: reader.id }, { token: officer })).client.accessLog.edges.map(
      (e) => e.node,
    );
    const ofOwner = dataOf(await hub.graphql<Data>(LINES, { id: c.id, organization: org.id }, { token: officer })).client.accessLog.edges.map((e) => e.node);
    expect(ofReader).toHaveLength(2);
    expect(ofReader.every((l) => l.organization.id === reader.id && l.action === 'READ')).toBe(true);
    expect(ofOwner.map((l) => l.action)).toEqual(['CREATE', 'CREATE']);
    expect(all).toHaveLength(ofReader.length + ofOwner.length);
    const none = dataOf(await hub.graphql<Data>(LINES, { id: c.id, organization: randomUUID() }, { token: officer }));
    expect(none.client.accessLog.edges).toEqual([]);
    const bad = await hub.graphql(LINES, { id: c.id, organization: 'not-a-uuid' }, { token: officer });
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organization' });
  });

  it('exports the whole period, logs the export as EXPORT, and refuses whoever may not read the overview', async () => {
    const org = await buildOrg(hub);
    const token = await org.token();
    const c = await registerClient(hub, token);
    const subject = `privacy-officer-${randomUUID()}`;
    const officer = await org.token(['PRIVACY_OFFICER'], subject);
    type Data = { client: { accessLogExport: { exportedAt: string; lines: Line[] } } };
    const first = dataOf(await hub.graphql<Data>(EXPORT, { id: c.id }, { token: officer })).client.accessLogExport;
    expect(first.lines.map((l) => l.action)).toEqual(['CREATE']);
    expect(Number.isNaN(Date.parse(first.exportedAt))).toBe(false);
    const logged = rowsOf<{ action: string; outcome: string; data_categories: string[]; authorization_ground: string; access_point: string }>(
      await hub.database.db.execute(
        sql`select action, outcome, data_categories, authorization_ground, access_point from cases.access_log where user_id = ${subject} and client_id = ${c.id}::uuid`,
      ),
    );
    expect(logged).toEqual([
      {
        action: 'EXPORT',
        outcome: 'GRANTED',
        data_categories: [],
        authorization_ground: 'OWN_ORGANIZATION',
        access_point: expect.stringMatching(/^cases:(Export|-):Client\.accessLogExport$/),
      },
    ]);
    // The next overview shows who exported it.
    const second = dataOf(await hub.graphql<Data>(EXPORT, { id: c.id }, { token: officer })).client.accessLogExport;
    expect(second.lines.map((l) => [l.action, l.userId])).toEqual([
      ['CREATE', expect.any(String)],
      ['EXPORT', subject],
    ]);
    const onlyOthers = dataOf(await hub.graphql<Data>(EXPORT, { id: c.id, organization: randomUUID() }, { token: officer })).client.accessLogExport;
    expect(onlyOthers.lines).toEqual([]);
    const backwards = await hub.graphql(EXPORT, { id: c.id, from: '2200-01-01T00:00:00Z' }, { token: officer });
    expect(backwards.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });

    const before = await count('access_log');
    const other = await buildOrg(hub);
    for (const t of [await org.token(['CLIENTONDERSTEUNER']), await org.token(['BEHEERDER']), await other.token(['PRIVACY_OFFICER'])]) {
      const refused = await hub.graphql(EXPORT, { id: c.id }, { token: t });
      // Another organisation may not even know the client exists (NOT_FOUND); the owner's other roles are refused.
      expect(['FORBIDDEN', 'NOT_FOUND']).toContain(refused.body.errors?.[0]?.extensions?.code);
      expect(refused.body.data?.client ?? null).toBeNull();
    }
    expect(await count('access_log')).toBe(before);
  });
});

describe('internal endpoints (contracts 1, 3 and 4)', () => {
  it('answers consent decisions in order, computed at request time', async () => {
    const owner = await buildOrg(hub);
    const token = await owner.token();
    const c = await registerClient(hub, token);
    const receiver = await buildOrg(hub, 'OCO');
    const consent = await recordConsent(hub, token, {
      clientId: c.id,
      receivingOrganizationId: receiver.id,
      categories: ['HANDOVER'],
      purpose: 'WARM_HANDOVER',
    });
    const check = (organizationId: string, category: string, purpose: string, clientId = c.id) => ({ clientId, organizationId, category, purpose });
    const res = await internal<{ decisions: unknown[] }>('/internal/consent-decisions', {
      checks: [
        check(receiver.id, 'HANDOVER', 'WARM_HANDOVER'),
        check(owner.id, 'PLAN', 'INTEGRATED_SUPPORT'),
        check(receiver.id, 'PLAN', 'WARM_HANDOVER'),
        check(receiver.id, 'HANDOVER', 'INTEGRATED_SUPPORT'),
        check(receiver.id, 'HANDOVER', 'WARM_HANDOVER', randomUUID()),
      ],
    });
    expect(res.body.decisions).toEqual([
      { permit: true, consentId: consent.id, reason: 'CONSENT' },
      { permit: true, consentId: null, reason: 'OWN_ORGANIZATION' },
      { permit: false, consentId: null, reason: 'NO_CONSENT' },
      { permit: false, consentId: null, reason: 'OTHER_PURPOSE' },
      { permit: false, consentId: null, reason: 'UNKNOWN_CLIENT' },
    ]);
    const bad = await internal('/internal/consent-decisions', { checks: [{ clientId: 'x' }] });
    expect(bad.status).toBe(400);
  });

  it('gives client and trajectory facts without personal data', async () => {
    const org = await buildOrg(hub, 'ZORGKANTOOR');
    const token = await org.token();
    const c = await registerClient(hub, token, { dateOfBirth: '1940-01-01' });
    const t = await openTrajectory(hub, token, c.id, { legalDomain: 'WLZ', wlz: { sector: 'VV' } });
    const unknown = randomUUID();
    const facts = await internal<{ facts: unknown[] }>('/internal/client-facts', { clientIds: [c.id, unknown] });
    expect(facts.body.facts).toEqual([
      { clientId: c.id, exists: true, gemeenteCode: 'GM0363', ageBand: '80+' },
      { clientId: unknown, exists: false, gemeenteCode: null, ageBand: null },
    ]);
    expect(JSON.stringify(facts.body)).not.toContain(c.bsn);
    const tf = await internal<{ facts: unknown[] }>('/internal/trajectory-facts', { trajectoryIds: [unknown, t.id] });
    expect(tf.body.facts).toEqual([
      { trajectoryId: unknown, exists: false, clientId: null, organizationId: null, legalDomain: null, wlzSector: null, status: null, counsellor: null },
      {
        trajectoryId: t.id,
        exists: true,
        clientId: c.id,
        organizationId: org.id,
        legalDomain: 'WLZ',
        wlzSector: 'VV',
        status: 'OPEN',
        // The cliëntondersteuner's work contact only (here the professional who opened it, without contact details yet).
        counsellor: { userId: expect.any(String), name: 'Test Medewerker', workPhone: null, workEmail: null, availability: null, formality: 'FORMAL' },
      },
    ]);
  });
});

describe('support report', () => {
  // A calendar year that has ended: only whole, ended grid periods are reported.
  const YEAR = new Date().getUTCFullYear() - 1;

  /** Trajectories open and close at the moment of the request; a report is about the past, so move them there. */
  const moveTrajectory = (id: string, openedAt: Date, closedAt: Date | null) =>
    hub.database.db.execute(
      sql`update cases.trajectory set opened_at = ${openedAt.toISOString()}::timestamptz, closed_at = ${closedAt?.toISOString() ?? null}::timestamptz where id = ${id}::uuid`,
    );

  it('counts people per group, withholds counts under 5 and parts that would give them away, compares with the previous period and exports CSV', async () => {
    const org = await buildOrg(hub, 'OCO');
    const token = await org.token();
    const opened = new Date(Date.UTC(YEAR, 2, 10, 9));
    for (let i = 0; i < 8; i++) {
      const c = await registerClient(hub, token);
      const t = await openTrajectory(hub, token, c.id, {
        targetGroups: i < 6 ? ['OUDEREN'] : ['JEUGD_RONDOM_18'],
        supportForms: ['INFORMATIE_EN_ADVIES'],
        legalDomain: i < 7 ? 'WMO_MAATWERKVOORZIENING' : 'WMO_ALGEMENE_VOORZIENING',
      });
      if (i < 5) {
        dataOf(
          await hub.graphql(
            CLOSE_TRAJECTORY,
            {
              input: {
                id: t.id,
                expectedVersion: t.version,
                ...closeInput({ selfReliance: [{ lifeDomain: 'WONEN', start: 2, end: 4 }], ownNetworkUsed: i < 3, satisfaction: 7 + (i % 2) }),
              },
            },
            { token },
          ),
        );
      }
      await moveTrajectory(t.id, opened, i < 5 ? new Date(opened.getTime() + (i + 1) * 86_400_000) : null);
    }
    const period = { kind: 'MONTH', year: YEAR, number: 3 };
    const query = `query Report($org: ID!, $period: ReportPeriodInput!) {
      supportReport(organizationId: $org, period: $period) {
        organization { id }
        period { kind year number key from to } previousPeriod { key }
        peopleSupported { value suppressed display } peopleSupportedPrevious { display } peopleSupportedChange
        trajectoriesClosed { value }
        byTargetGroup { key count { value suppressed display } previous { display } }
        byLegalDomain { key count { display } }
        bySupportForm { key count { display } }
        selfReliance { lifeDomain trajectories { display } averageStart { value } averageEnd { value } averageChange { value suppressed display } }
        ownNetworkUsed { display } ownNetworkNotUsed { display } satisfactionResponses { display } averageSatisfaction { value suppressed display }
      }
      supportReportCsv(organizationId: $org, period: $period)
    }`;
    type Value = { value: number | null };
    type Report = {
      supportReport: {
        period: { kind: string; year: number; number: number; key: string; from: string; to: string };
        previousPeriod: { key: string };
        peopleSupported: { value: number | null; suppressed: boolean; display: string };
        peopleSupportedPrevious: { display: string };
        peopleSupportedChange: number | null;
        trajectoriesClosed: { value: number };
        byTargetGroup: { key: string; count: { value: number | null; suppressed: boolean; display: string }; previous: { display: string } }[];
        byLegalDomain: { key: string; count: { display: string } }[];
        bySupportForm: { key: string; count: { display: string } }[];
        selfReliance: {
          lifeDomain: string;
          trajectories: { display: string };
          averageStart: Value;
          averageEnd: Value;
          averageChange: Value & { suppressed: boolean; display: string };
        }[];
        ownNetworkUsed: { display: string };
        ownNetworkNotUsed: { display: string };
        satisfactionResponses: { display: string };
        averageSatisfaction: { value: number | null; suppressed: boolean; display: string };
      };
      supportReportCsv: string;
    };
    const data = dataOf(await hub.graphql<Report>(query, { org: org.id, period }, { token: await org.token(['BEHEERDER']) }));
    const r = data.supportReport;
    // March starts and ends at midnight in Amsterdam, which is UTC+1 on 1 March and UTC+2 on 1 April.
    expect(r.period).toEqual({
      kind: 'MONTH',
      year: YEAR,
      number: 3,
      key: `${YEAR}-03`,
      from: `${YEAR}-02-28T23:00:00.000Z`,
      to: `${YEAR}-03-31T22:00:00.000Z`,
    });
    expect(r.previousPeriod.key).toBe(`${YEAR}-02`);
    expect(r.peopleSupported).toEqual({ value: 8, suppressed: false, display: '8' });
    expect(r.peopleSupportedPrevious.display).toBe('0');
    expect(r.peopleSupportedChange).toBe(8);
    expect(r.trajectoriesClosed.value).toBe(5);
    // 2 young people are withheld, and so are the 6 older ones: 8 − 6 would give the 2 away. Likewise 8 − 7 legal domains.
    expect(r.byTargetGroup).toEqual([
      { key: 'JEUGD_RONDOM_18', count: { value: null, suppressed: true, display: 'withheld' }, previous: { display: '0' } },
      { key: 'OUDEREN', count: { value: null, suppressed: true, display: 'withheld' }, previous: { display: '0' } },
    ]);
    expect(r.byLegalDomain.map((i) => [i.key, i.count.display])).toEqual([
      ['WMO_ALGEMENE_VOORZIENING', 'withheld'],
      ['WMO_MAATWERKVOORZIENING', 'withheld'],
    ]);
    expect(r.bySupportForm.map((i) => [i.key, i.count.display])).toEqual([['INFORMATIE_EN_ADVIES', '8']]);
    expect(r.selfReliance).toEqual([
      {
        lifeDomain: 'WONEN',
        trajectories: { display: '5' },
        averageStart: { value: 2 },
        averageEnd: { value: 4 },
        averageChange: { value: 2, suppressed: false, display: '2' },
      },
    ]);
    expect([r.ownNetworkUsed.display, r.ownNetworkNotUsed.display]).toEqual(['withheld', 'withheld']);
    expect(r.satisfactionResponses.display).toBe('5');
    expect(r.averageSatisfaction).toEqual({ value: 7.4, suppressed: false, display: '7.4' });
    const csv = data.supportReportCsv.trim().split('\n');
    expect(csv[0]).toBe('section,key,value,previous');
    expect(csv).toContain(`period,key,${YEAR}-03,${YEAR}-02`);
    expect(csv).toContain('total,peopleSupported,8,0');
    expect(csv).toContain('targetGroup,JEUGD_RONDOM_18,withheld,0');
    expect(csv).toContain('targetGroup,OUDEREN,withheld,0');
    expect(csv).toContain('supportForm,INFORMATIE_EN_ADVIES,8,0');
    expect(csv).toContain('ownNetwork,used,withheld,');
    expect(csv).toContain('satisfaction,average,7.4,');

    const foreign = await hub.graphql(query, { org: org.id, period }, { token: await (await buildOrg(hub)).token() });
    expect(foreign.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const offGrid = await hub.graphql(query, { org: org.id, period: { kind: 'MONTH', year: YEAR, number: 13 } }, { token });
    expect(offGrid.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period.number' });
    const running = await hub.graphql(query, { org: org.id, period: { kind: 'YEAR', year: YEAR + 1 } }, { token });
    expect(running.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
  });

  it('compares with the previous period of the same kind, across the turn of the year', async () => {
    const org = await buildOrg(hub, 'OCO');
    const token = await org.token();
    for (let i = 0; i < 5; i++) {
      const t = await openTrajectory(hub, token, (await registerClient(hub, token)).id);
      // Opened in February and still open: supported in Q1 and in every quarter after.
      await moveTrajectory(t.id, new Date(Date.UTC(YEAR, 1, 10 + i, 9)), null);
    }
    type Trend = {
      supportReport: {
        period: { key: string; from: string };
        previousPeriod: { key: string; to: string };
        peopleSupported: { display: string };
        peopleSupportedPrevious: { display: string };
        peopleSupportedChange: number | null;
      };
    };
    const trend = async (period: Record<string, unknown>) =>
      dataOf(
        await hub.graphql<Trend>(
          `query($org: ID!, $period: ReportPeriodInput!) { supportReport(organizationId: $org, period: $period) {
            period { key from } previousPeriod { key to } peopleSupported { display } peopleSupportedPrevious { display } peopleSupportedChange } }`,
          { org: org.id, period },
          { token },
        ),
      ).supportReport;
    expect(await trend({ kind: 'QUARTER', year: YEAR, number: 2 })).toEqual({
      period: { key: `${YEAR}-Q2`, from: `${YEAR}-03-31T22:00:00.000Z` },
      previousPeriod: { key: `${YEAR}-Q1`, to: `${YEAR}-03-31T22:00:00.000Z` },
      peopleSupported: { display: '5' },
      peopleSupportedPrevious: { display: '5' },
      peopleSupportedChange: 0,
    });
    expect(await trend({ kind: 'QUARTER', year: YEAR, number: 1 })).toMatchObject({
      previousPeriod: { key: `${YEAR - 1}-Q4`, to: `${YEAR - 1}-12-31T23:00:00.000Z` },
      peopleSupported: { display: '5' },
      peopleSupportedPrevious: { display: '0' },
      peopleSupportedChange: 5,
    });
    expect(await trend({ kind: 'HALF_YEAR', year: YEAR, number: 1 })).toMatchObject({
      previousPeriod: { key: `${YEAR - 1}-H2` },
      peopleSupported: { display: '5' },
    });
    expect(await trend({ kind: 'YEAR', year: YEAR })).toMatchObject({ period: { key: String(YEAR) }, previousPeriod: { key: String(YEAR - 1) } });
  });
});
