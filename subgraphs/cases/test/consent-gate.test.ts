import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, sql } from '@hub/db';
import { gatedFieldsOf } from '@hub/service-kit';
import { startTestHub, type TestHub } from '@hub/testing';
import { casesModule } from '../src/server.ts';
import {
  buildOrg,
  CLOSE_TRAJECTORY,
  closeInput,
  dataOf,
  openTrajectory,
  recordConsent,
  registerClient,
  REVOKE_CONSENT,
  UPDATE_TRAJECTORY,
  type TestOrg,
} from './builders.ts';

/**
 * The access log of gated reads, and entity references with and without a purpose. The consent matrix of every gated
 * field of the graph (every caller, through the gateway and `_entities`) is tests/security/consent-matrix.test.ts.
 */

const gated = gatedFieldsOf(parse(readFileSync(casesModule.schemaPath, 'utf8')));
const clientFields = gated.filter((g) => g.typeName === 'Client').map((g) => g.fieldName);
const trajectoryFields = gated.filter((g) => g.typeName === 'SupportTrajectory').map((g) => g.fieldName);
const ALL_CATEGORIES = ['CONTACT', 'CONTACT_MOMENTS', 'HANDOVER', 'IDENTITY', 'NETWORK', 'PLAN', 'QUESTION'];

const SUB_SELECTION: Record<string, string> = {
  name: '{ givenName }',
  gemeente: '{ code }',
  contact: '{ phone }',
  network: '{ name }',
  counsellor: '{ name }',
  wijsplicht: '{ outcome }',
  wlz: '{ sector zorgprofiel }',
  outcomes: '{ ownNetworkUsed }',
  goals: '{ description }',
  contactMoments: '{ nodes { summary } }',
  organization: '{ id }',
};
const SCALAR_FIELDS = new Set([
  'bsn',
  'dateOfBirth',
  'preferredContactChannel',
  'journeyPhase',
  'supportForms',
  'closeReason',
  'hulpvraag',
  'lifeDomains',
  'plan',
  'legalDomain',
  'targetGroups',
]);
const select = (fields: string[]) =>
  fields
    .map((f) => {
      if (SUB_SELECTION[f]) return `${f} ${SUB_SELECTION[f]}`;
      if (SCALAR_FIELDS.has(f)) return f;
      throw new Error(`The matrix needs a selection for gated field ${f}`);
    })
    .join(' ');

const GATEWAY_QUERY = `query Matrix($clientId: ID!, $trajectoryId: ID!) {
  client(id: $clientId) { id ${select(clientFields)} trajectories { nodes { id } } }
  trajectory(id: $trajectoryId) { id ${select(trajectoryFields)} }
}`;
const ENTITIES_QUERY = `query MatrixEntities($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Client { id ${select(clientFields)} }
    ... on SupportTrajectory { id ${select(trajectoryFields)} }
  }
}`;

type Case = 'owner' | 'consent' | 'without' | 'expired' | 'revoked' | 'pending' | 'otherPurpose' | 'anonymous';
const CASES: Case[] = ['owner', 'consent', 'without', 'expired', 'revoked', 'pending', 'otherPurpose', 'anonymous'];
let hub: TestHub;
let owner: TestOrg;
const orgs = {} as Record<Exclude<Case, 'anonymous'>, TestOrg>;
const tokens = {} as Record<Case, string | undefined>;
const subjects = {} as Record<Case, string>;
let clientId: string;
let trajectoryId: string;
const consentIds: Record<string, string> = {};

beforeAll(async () => {
  hub = await startTestHub();
  owner = await buildOrg(hub, 'ZORGKANTOOR', { zorgkantoorregio: 'ZK02' });
  orgs.owner = owner;
  for (const c of ['consent', 'without', 'expired', 'revoked', 'pending', 'otherPurpose'] as const)
    orgs[c] = await buildOrg(hub, 'GEMEENTE', { gemeenteCode: 'GM0363' });
  for (const c of CASES) {
    if (c === 'anonymous') continue;
    subjects[c] = `matrix-${c}-${randomUUID()}`;
    tokens[c] = await orgs[c].token(['CLIENTONDERSTEUNER'], subjects[c]);
  }
  const ownerToken = tokens.owner ?? '';
  const client = await registerClient(hub, ownerToken);
  clientId = client.id;
  const t = await openTrajectory(hub, ownerToken, clientId, {
    legalDomain: 'WLZ',
    journeyPhase: 'AFTER_INDICATION',
    wlz: { sector: 'VV', zorgprofiel: '754', leveringsvorm: 'VPT', wachtstatus: 'ACTIEF_PLAATSEN' },
  });
  trajectoryId = t.id;
  const updated = dataOf(
    await hub.graphql<{ updateTrajectory: { trajectory: { version: number } } }>(
      UPDATE_TRAJECTORY,
      {
        input: {
          id: t.id,
          expectedVersion: t.version,
          plan: 'Thuis blijven wonen met hulp.',
          goals: [{ description: 'Een passende plek vinden', status: 'IN_PROGRESS' }],
          addContactMoments: [{ occurredAt: '2026-01-10T10:00:00Z', channel: 'PHONE', summary: 'Kennismaking.' }],
        },
      },
      { token: ownerToken },
    ),
  );
  dataOf(
    await hub.graphql(
      CLOSE_TRAJECTORY,
      { input: { id: t.id, expectedVersion: updated.updateTrajectory.trajectory.version, ...closeInput() } },
      { token: ownerToken },
    ),
  );

  const give = (org: TestOrg, extra: Record<string, unknown> = {}) =>
    recordConsent(hub, ownerToken, { clientId, receivingOrganizationId: org.id, categories: ALL_CATEGORIES, ...extra });
  consentIds.consent = (await give(orgs.consent)).id;
  consentIds.expired = (await give(orgs.expired, { validFrom: '2020-01-01T00:00:00Z', validUntil: '2021-01-01T00:00:00Z' })).id;
  const toRevoke = await give(orgs.revoked);
  consentIds.revoked = toRevoke.id;
  const revoked = dataOf(
    await hub.graphql<{ revokeConsent: { consent: { status: string; revokedAt: string | null } } }>(
      REVOKE_CONSENT,
      { id: toRevoke.id, expectedVersion: toRevoke.version },
      { token: ownerToken },
    ),
  );
  expect(revoked.revokeConsent.consent.status).toBe('REVOKED');
  consentIds.otherPurpose = (await give(orgs.otherPurpose, { purpose: 'WARM_HANDOVER' })).id;
  consentIds.pending = (await give(orgs.pending, { validFrom: '2099-01-01T00:00:00Z' })).id;
});

afterAll(async () => {
  await hub?.stop();
});

describe('entity references (gateway secret, token of each organisation)', () => {
  it('refuses an _entities call without the gateway secret', async () => {
    const res = await hub.directSubgraphRequest('cases', ENTITIES_QUERY, {
      token: tokens.owner,
      variables: { representations: [{ __typename: 'Client', id: clientId }] },
    });
    expect(res.status).toBe(401);
    expect(res.body.data ?? null).toBeNull();
  });

  it('applies the purpose of a reference that names one (id + purpose key)', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Client { purpose bsn } ... on SupportTrajectory { purpose hulpvraag } } }`;
    const res = await hub.directSubgraphRequest<{ _entities: ({ purpose: string; bsn?: string | null; hulpvraag?: string | null } | null)[] }>('cases', query, {
      secret: hub.subgraphSecrets.cases,
      token: tokens.otherPurpose,
      variables: {
        r: [
          { __typename: 'Client', id: clientId, purpose: 'WARM_HANDOVER' },
          { __typename: 'SupportTrajectory', id: trajectoryId, purpose: 'WARM_HANDOVER' },
          { __typename: 'Client', id: clientId, purpose: 'NOT_A_PURPOSE' },
        ],
      },
    });
    expect(res.body.errors ?? []).toEqual([]);
    expect(res.body.data?._entities[0]).toMatchObject({ purpose: 'WARM_HANDOVER' });
    expect(res.body.data?._entities[0]?.bsn).toMatch(/^\d{9}$/);
    expect(res.body.data?._entities[1]?.hulpvraag).toBeTruthy();
    expect(res.body.data?._entities[2]).toBeNull();
  });
});

interface LogRow {
  action: string;
  outcome: string;
  outcome_reason: string | null;
  data_categories: string[];
  authorization_ground: string;
  consent_id: string | null;
  organization_id: string;
}

async function logLines(subject: string): Promise<LogRow[]> {
  return rowsOf<LogRow>(
    await hub.database.db.execute(
      sql`select action, outcome, outcome_reason, data_categories, authorization_ground, consent_id, organization_id
          from cases.access_log where user_id = ${subject} and client_id = ${clientId}::uuid order by occurred_at, event_id`,
    ),
  );
}

describe('access log of gated reads', () => {
  it('writes one line per client per request per outcome, with the right outcome and ground', async () => {
    const expectations: Record<Exclude<Case, 'anonymous'>, { outcome: string; reason: string | null; ground: string } | null> = {
      owner: { outcome: 'GRANTED', reason: null, ground: 'OWN_ORGANIZATION' },
      consent: { outcome: 'GRANTED', reason: null, ground: `CONSENT:${consentIds.consent}` },
      without: null,
      // A consent that is not active for this purpose opens nothing, so nothing was read and nothing is logged.
      expired: null,
      revoked: null,
      pending: null,
      otherPurpose: null,
    };
    for (const [c, want] of Object.entries(expectations) as [Exclude<Case, 'anonymous'>, (typeof expectations)['owner']][]) {
      const subject = `log-${c}-${randomUUID()}`;
      const token = await orgs[c].token(['CLIENTONDERSTEUNER'], subject);
      await hub.graphql(GATEWAY_QUERY, { clientId, trajectoryId }, { token });
      const lines = await logLines(subject);
      if (!want) {
        expect(lines, c).toEqual([]);
        continue;
      }
      expect(lines, c).toHaveLength(1);
      expect(lines[0], c).toMatchObject({
        action: 'READ',
        outcome: want.outcome,
        outcome_reason: want.reason,
        authorization_ground: want.ground,
        organization_id: orgs[c].id,
      });
      // Another organisation also gets the disclosure of the trajectory itself (its existence, status, dates) logged.
      const categories = c === 'owner' ? ALL_CATEGORIES : [...ALL_CATEGORIES, 'TRAJECTORY'].sort();
      expect([...(lines[0]?.data_categories ?? [])].sort(), c).toEqual(categories);
    }
  });

  it('gives a partial grant two lines: granted and refused', async () => {
    const partial = await buildOrg(hub, 'OCO');
    const ownerToken = tokens.owner ?? '';
    await recordConsent(hub, ownerToken, { clientId, receivingOrganizationId: partial.id, categories: ['IDENTITY'] });
    const subject = `partial-${randomUUID()}`;
    const res = await hub.graphql<{ client: { bsn: string | null; contact: unknown } }>(
      `query { client(id: "${clientId}") { bsn contact { phone } network { name } } }`,
      undefined,
      { token: await partial.token(['CLIENTONDERSTEUNER'], subject) },
    );
    expect(res.body.data?.client.bsn).toMatch(/^\d{9}$/);
    expect(res.body.data?.client.contact).toBeNull();
    const lines = await logLines(subject);
    expect(lines.map((l) => [l.outcome, [...l.data_categories].sort(), l.outcome_reason]).sort()).toEqual([
      ['GRANTED', ['IDENTITY'], null],
      ['REFUSED', ['CONTACT', 'NETWORK'], 'NO_CONSENT'],
    ]);
  });

  it('sees a revocation on the very next request', async () => {
    const org = await buildOrg(hub, 'OCO');
    const ownerToken = tokens.owner ?? '';
    const consent = await recordConsent(hub, ownerToken, { clientId, receivingOrganizationId: org.id, categories: ['QUESTION'] });
    const token = await org.token();
    const read = () =>
      hub.graphql<{ trajectory: { hulpvraag: string | null } | null }>(`query { trajectory(id: "${trajectoryId}") { hulpvraag } }`, undefined, { token });
    expect((await read()).body.data?.trajectory?.hulpvraag).toBeTruthy();
    dataOf(await hub.graphql(REVOKE_CONSENT, { id: consent.id, expectedVersion: consent.version }, { token: ownerToken }));
    const after = await read();
    // With its only consent revoked the organisation no longer knows the trajectory exists.
    expect(after.body.data?.trajectory ?? null).toBeNull();
    expect(after.body.errors?.[0]).toMatchObject({ path: ['trajectory'], extensions: { code: 'NOT_FOUND' } });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of log lines in the database itself', async () => {
    const before = rowsOf<{ n: number }>(await hub.database.db.execute(sql`select count(*)::int as n from cases.access_log`))[0]?.n ?? 0;
    expect(before).toBeGreaterThan(0);
    await expect(hub.database.db.execute(sql`update cases.access_log set role = 'X'`)).rejects.toThrow();
    await expect(hub.database.db.execute(sql`delete from cases.access_log`)).rejects.toThrow();
    await expect(hub.database.db.execute(sql`truncate cases.access_log`)).rejects.toThrow();
    const after = rowsOf<{ n: number; changed: number }>(
      await hub.database.db.execute(sql`select count(*)::int as n, count(*) filter (where role = 'X')::int as changed from cases.access_log`),
    )[0];
    expect(after).toEqual({ n: before, changed: 0 });
  });
});
