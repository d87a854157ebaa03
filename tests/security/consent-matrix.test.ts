import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Kind, parse, type DocumentNode, type TypeNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '@hub/db';
import { gatedFieldsOf, type GatedField } from '@hub/service-kit';
import { startTestHub, type GraphQLBody, type TestHub } from '@hub/testing';
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
} from '../../subgraphs/cases/test/builders.ts';
import { CREATE_REFERRAL, REFERRAL_TEST_ENV, referralInput } from '../../subgraphs/referrals/test/helpers.ts';

/**
 * The consent matrix of the whole graph: every field marked `@consentGated` in the SDL of any subgraph × every kind
 * of caller × two paths (through the gateway, and a direct `_entities` call that carries the gateway secret). The
 * gated fields are read from the SDLs, and the last test fails when one of them was not exercised, or was never seen
 * both granted and refused: gating a new field is writing the directive, and this matrix then covers it (a field on a
 * type it cannot reach yet fails until the type gets a place in WORLDS below).
 */

const subgraphsDir = fileURLToPath(new URL('../../subgraphs/', import.meta.url));
const SDL: Record<string, DocumentNode> = Object.fromEntries(
  readdirSync(subgraphsDir)
    .filter((name) => existsSync(`${subgraphsDir}${name}/schema.graphql`))
    .map((name) => [name, parse(readFileSync(`${subgraphsDir}${name}/schema.graphql`, 'utf8'))]),
);
const GATED: (GatedField & { subgraph: string })[] = Object.entries(SDL).flatMap(([subgraph, doc]) => gatedFieldsOf(doc).map((g) => ({ ...g, subgraph })));
const keyOf = (g: { subgraph: string; typeName: string; fieldName: string }) => `${g.subgraph}:${g.typeName}.${g.fieldName}`;

const namedType = (t: TypeNode): string => (t.kind === Kind.NAMED_TYPE ? t.name.value : namedType(t.type));

/** A selection for a field: itself when it is a leaf, else its first argument-free leaf field (from the same SDL). */
function selectionOf(doc: DocumentNode, typeName: string, fieldName: string): string {
  const objects = new Map<string, { name: string; type: string; args: number }[]>();
  for (const def of doc.definitions) {
    if (def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.OBJECT_TYPE_EXTENSION) {
      const fields = (def.fields ?? []).map((f) => ({ name: f.name.value, type: namedType(f.type), args: f.arguments?.length ?? 0 }));
      objects.set(def.name.value, [...(objects.get(def.name.value) ?? []), ...fields]);
    }
  }
  const field = objects.get(typeName)?.find((f) => f.name === fieldName);
  if (!field) throw new Error(`${typeName}.${fieldName} is not in the SDL`);
  const inner = objects.get(field.type);
  if (!inner) return fieldName;
  const leaf = inner.find((f) => f.args === 0 && !objects.has(f.type));
  if (!leaf) throw new Error(`No leaf field to select on ${field.type}`);
  return `${fieldName} { ${leaf.name} }`;
}

const gatedOn = (subgraph: string, typeName: string) => GATED.filter((g) => g.subgraph === subgraph && g.typeName === typeName);
const select = (subgraph: string, typeName: string) => {
  const doc = SDL[subgraph];
  if (!doc) throw new Error(`no subgraph ${subgraph}`);
  return gatedOn(subgraph, typeName)
    .map((g) => selectionOf(doc, typeName, g.fieldName))
    .join(' ');
};

type Expectation = 'VALUE' | 'CONSENT_REQUIRED' | 'FORBIDDEN' | 'ABSENT';
type Path = 'gateway' | 'entities';
type Json = Record<string, unknown>;
/** One object that holds gated fields, where the answer put it. */
interface Located {
  typeName: string;
  parent: Json | null;
  path: (string | number)[];
}

interface Caller {
  name: string;
  token: string | undefined;
  /** What this caller should get for a field of this category on this path. */
  expect: (category: string, path: Path, typeName: string) => Expectation;
  variables: Json;
}

/** Where the gated types of one subgraph are reached, through the gateway and through `_entities`. */
interface World {
  subgraph: string;
  gatewayQuery: () => string;
  entitiesQuery: () => string;
  representations: (v: Json) => Json[];
  locate: (data: Json | null, path: Path) => Located[];
  callers: Caller[];
}

const asJson = (v: unknown): Json | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : null);
const listOf = (v: unknown): Json[] => (Array.isArray(v) ? v.map(asJson).filter((x): x is Json => x !== null) : []);
const errorAt = (body: GraphQLBody, path: (string | number)[]) => (body.errors ?? []).find((e) => JSON.stringify(e.path) === JSON.stringify(path));

const ALL_CATEGORIES = ['CONTACT', 'CONTACT_MOMENTS', 'HANDOVER', 'IDENTITY', 'NETWORK', 'PLAN', 'QUESTION'];
const HALF_A = ['IDENTITY', 'NETWORK', 'PLAN', 'HANDOVER'];
const HALF_B = ALL_CATEGORIES.filter((c) => !HALF_A.includes(c));
const always = (e: Expectation) => () => e;
const byCategory =
  (covered: string[]) =>
  (category: string): Expectation =>
    covered.includes(category) ? 'VALUE' : 'CONSENT_REQUIRED';

let hub: TestHub;
const worlds: World[] = [];
/** Per gated field: the outcomes it was checked for. */
const exercised = new Map<string, Set<Expectation>>();
let checks = 0;

async function setConsent(id: string, change: 'EXPIRED' | 'PENDING' | 'OTHER_PURPOSE' | 'ONLY_HALF_B') {
  const db = hub.database.db;
  if (change === 'EXPIRED') await db.execute(sql`update cases.consent set valid_from = '2020-01-01', valid_until = '2021-01-01' where id = ${id}::uuid`);
  if (change === 'PENDING') await db.execute(sql`update cases.consent set valid_from = '2099-01-01' where id = ${id}::uuid`);
  if (change === 'OTHER_PURPOSE') await db.execute(sql`update cases.consent set purpose = 'INTEGRATED_SUPPORT' where id = ${id}::uuid`);
  if (change === 'ONLY_HALF_B') await db.execute(sql`update cases.consent set categories = string_to_array(${HALF_B.join(',')}, ',') where id = ${id}::uuid`);
}

/** The cases subgraph: a client, its closed Wlz trajectory and its consents, all of one owning organisation. */
async function casesWorld(): Promise<World> {
  const owner = await buildOrg(hub, 'ZORGKANTOOR', { zorgkantoorregio: 'ZK02' });
  const ownerToken = await owner.token(['CLIENTONDERSTEUNER']);
  /** A client with a closed Wlz trajectory holding every kind of gated data, and a network member who may act for them. */
  const clientWithClosedTrajectory = async () => {
    // The representative who gives the consents below must be one who may act for the client.
    const client = await registerClient(hub, ownerToken, {
      network: [{ name: 'Mantel Zorger', role: 'MANTELZORGER', mayActForClient: true, contact: { phone: '020-5554321' } }],
    });
    const t = await openTrajectory(hub, ownerToken, client.id, {
      legalDomain: 'WLZ',
      journeyPhase: 'AFTER_INDICATION',
      wlz: { sector: 'VV', zorgprofiel: '754', leveringsvorm: 'VPT', wachtstatus: 'ACTIEF_PLAATSEN' },
    });
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
    const network = dataOf(
      await hub.graphql<{ client: { network: { id: string }[] } }>(
        `query($c: ID!) { client(id: $c) { network { id } } }`,
        { c: client.id },
        { token: ownerToken },
      ),
    );
    const representativeId = network.client.network[0]?.id;
    expect(representativeId).toBeTruthy();
    // The wijsplicht is recorded on Wmo meldingen at a gemeente only; written straight here so this trajectory holds
    // every gated field (the rules for recording it are tested in tests/security/vast-gezicht.test.ts).
    await hub.database.db.execute(
      sql`update cases.trajectory set wijsplicht = ${JSON.stringify({ pointedOn: '2026-01-05', pointedByUserId: 'test-toegang', pointedByName: null, outcome: 'ACCEPTED', note: null, recordedAt: '2026-01-05T10:00:00.000Z' })}::jsonb where id = ${t.id}::uuid`,
    );
    return { client, t, representativeId };
  };
  const { client, t, representativeId } = await clientWithClosedTrajectory();

  /** Every consent is given by the representative, so Consent.representative has a value to gate. */
  const consentFor = async (org: TestOrg, extra: Json = {}) =>
    recordConsent(hub, ownerToken, {
      clientId: client.id,
      receivingOrganizationId: org.id,
      categories: ALL_CATEGORIES,
      givenBy: 'REPRESENTATIVE',
      representativeId,
      ...extra,
    });
  const variables = { c: client.id, t: t.id };
  const org = () => buildOrg(hub, 'GEMEENTE', { gemeenteCode: 'GM0363' });
  const callers: Caller[] = [
    { name: 'owner', token: ownerToken, expect: always('VALUE'), variables },
    // A role that does not work with client data gets no client at all; an entity reference to the organisation's own
    // trajectory resolves, and the gate refuses each gated field with FORBIDDEN (no consent could open it).
    {
      name: 'wrong role (owner BEHEERDER)',
      token: await owner.token(['BEHEERDER']),
      expect: (_, path, typeName) => (path === 'entities' && typeName === 'SupportTrajectory' ? 'FORBIDDEN' : 'ABSENT'),
      variables,
    },
    { name: 'anonymous', token: undefined, expect: always('ABSENT'), variables },
  ];
  const withConsent = async (name: string, expectFn: Caller['expect'], extra: Json = {}, change?: Parameters<typeof setConsent>[1] | 'REVOKED') => {
    const o = await org();
    const c = await consentFor(o, extra);
    if (change === 'REVOKED') dataOf(await hub.graphql(REVOKE_CONSENT, { id: c.id, expectedVersion: c.version }, { token: ownerToken }));
    else if (change) await setConsent(c.id, change);
    callers.push({ name, token: await o.token(['CLIENTONDERSTEUNER']), expect: expectFn, variables });
  };
  await withConsent('active consent, all categories', always('VALUE'));
  await withConsent('active consent, categories A only', byCategory(HALF_A), { categories: HALF_A });
  await withConsent('active consent, categories B only', byCategory(HALF_B), { categories: HALF_B });
  // Only an active consent for the purpose of the read opens anything, not even the client's existence.
  await withConsent('revoked consent', always('ABSENT'), {}, 'REVOKED');
  await withConsent('expired consent', always('ABSENT'), {}, 'EXPIRED');
  await withConsent('pending consent', always('ABSENT'), {}, 'PENDING');
  await withConsent('consent for another purpose', always('ABSENT'), { purpose: 'WARM_HANDOVER' });
  callers.push({ name: 'no relation', token: await (await org()).token(['CLIENTONDERSTEUNER']), expect: always('ABSENT'), variables });

  // The client as reader: a client token reaches the client's own view only (mySupport); every path here refuses it.
  callers.push({ name: 'the client themselves (CLIENT token)', token: await hub.clientTokenFor({ bsn: client.bsn }), expect: always('ABSENT'), variables });
  // The client as recorder, on a second client of the same owner (a consent the client gives has no representative,
  // which the owner's view of the first client's consents would show as a missing value).
  const second = await clientWithClosedTrajectory();
  const secondVariables = { c: second.client.id, t: second.t.id };
  const clientToken = await hub.clientTokenFor({ bsn: second.client.bsn });
  // The client as recorder: a consent the client gives digitally opens the sharing organisation's data like any other.
  const GIVE = `mutation Give($input: GiveConsentInput!) { giveConsent(input: $input) { consent { id version } } }`;
  const clientGives = async (o: TestOrg, categories: string[]) =>
    dataOf(
      await hub.graphql<{ giveConsent: { consent: { id: string; version: number } } }>(
        GIVE,
        { input: { sharingOrganizationId: owner.id, receivingOrganizationId: o.id, categories, purpose: 'INTEGRATED_SUPPORT' } },
        { token: clientToken },
      ),
    ).giveConsent.consent;
  // Without NETWORK: a consent the client gives names no representative, so Consent.representative has no value to show.
  const withoutNetwork = ALL_CATEGORIES.filter((c) => c !== 'NETWORK');
  const given = await org();
  await clientGives(given, withoutNetwork);
  callers.push({
    name: 'consent given by the client',
    token: await given.token(['CLIENTONDERSTEUNER']),
    expect: byCategory(withoutNetwork),
    variables: secondVariables,
  });
  const revokedByClient = await org();
  const toRevoke = await clientGives(revokedByClient, withoutNetwork);
  dataOf(
    await hub.graphql(
      `mutation RevokeMine($input: RevokeConsentInput!) { revokeMyConsent(input: $input) { consent { id } } }`,
      { input: { id: toRevoke.id, expectedVersion: toRevoke.version } },
      { token: clientToken },
    ),
  );
  callers.push({
    name: 'consent given, then revoked by the client',
    token: await revokedByClient.token(['CLIENTONDERSTEUNER']),
    expect: always('ABSENT'),
    variables: secondVariables,
  });

  return {
    subgraph: 'cases',
    gatewayQuery: () => `query CasesMatrix($c: ID!, $t: ID!) {
      client(id: $c) { id ${select('cases', 'Client')} consents(first: 100) { nodes { id ${select('cases', 'Consent')} } } }
      trajectory(id: $t) { id ${select('cases', 'SupportTrajectory')} }
    }`,
    entitiesQuery: () => `query CasesMatrixEntities($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on Client { id ${select('cases', 'Client')} consents(first: 100) { nodes { id ${select('cases', 'Consent')} } } }
        ... on SupportTrajectory { id ${select('cases', 'SupportTrajectory')} }
      }
    }`,
    representations: (v) => [
      { __typename: 'Client', id: v.c, purpose: 'INTEGRATED_SUPPORT' },
      { __typename: 'SupportTrajectory', id: v.t, purpose: 'INTEGRATED_SUPPORT' },
    ],
    locate(data, path) {
      const clientAt: (string | number)[] = path === 'gateway' ? ['client'] : ['_entities', 0];
      const trajectoryAt: (string | number)[] = path === 'gateway' ? ['trajectory'] : ['_entities', 1];
      const entities = Array.isArray(data?._entities) ? data._entities : [];
      const c = asJson(path === 'gateway' ? data?.client : entities[0]);
      const tr = asJson(path === 'gateway' ? data?.trajectory : entities[1]);
      const consents = listOf(asJson(c?.consents)?.nodes);
      return [
        { typeName: 'Client', parent: c, path: clientAt },
        { typeName: 'SupportTrajectory', parent: tr, path: trajectoryAt },
        // No consent list (client absent, or refused): one absent parent, so the expectation is still checked.
        ...(consents.length
          ? consents.map((x, i) => ({ typeName: 'Consent', parent: x, path: [...clientAt, 'consents', 'nodes', i] }))
          : [{ typeName: 'Consent', parent: null, path: [...clientAt, 'consents'] }]),
      ];
    },
    callers,
  };
}

/** The referrals subgraph: one referral per receiving organisation, accepted, with a joint meeting and its notes. */
async function referralsWorld(): Promise<World> {
  const sender = await buildOrg(hub, 'GEMEENTE', { gemeenteCode: 'GM0363' });
  const senderToken = await sender.token(['CLIENTONDERSTEUNER']);
  const client = await registerClient(hub, senderToken);
  const t = await openTrajectory(hub, senderToken, client.id);
  const change = async (mutation: string, inputType: string, token: string, input: Json) =>
    dataOf(
      await hub.graphql<Record<string, { referral: { version: number } }>>(
        `mutation($input: ${inputType}!) { ${mutation}(input: $input) { referral { version } } }`,
        { input },
        { token },
      ),
    )[mutation]?.referral.version ?? 0;
  /** A referral to a new receiving organisation, relying on a WARM_HANDOVER consent the sender recorded. */
  const referralTo = async (categories = ALL_CATEGORIES) => {
    const receiver = await buildOrg(hub, 'ZORGKANTOOR', { zorgkantoorregio: 'ZK02' });
    const receiverToken = await receiver.token(['ZORGBEMIDDELAAR', 'CLIENTONDERSTEUNER']);
    const consent = await recordConsent(hub, senderToken, { clientId: client.id, receivingOrganizationId: receiver.id, categories, purpose: 'WARM_HANDOVER' });
    const created = dataOf(
      await hub.graphql<{ createReferral: { referral: { id: string; version: number } } }>(
        CREATE_REFERRAL,
        // The same cliëntondersteuner continues, so continuingCounsellor has a value to gate.
        { input: referralInput({ clientId: client.id, trajectoryId: t.id, toOrganizationId: receiver.id }, { sameCounsellorContinues: true }) },
        { token: senderToken },
      ),
    ).createReferral.referral;
    // The independence note is written only on an OCO's referral to its own service; written straight here so this
    // referral holds every gated field (the rules for it are tested in tests/security/referral-independence.test.ts).
    await hub.database.db.execute(
      sql`update referrals.referral set independence_flag = true, independence_note = ${'Alleen onze eigen dienst heeft nu plek.'} where id = ${created.id}::uuid`,
    );
    let version = await change('acceptReferral', 'AcceptReferralInput', receiverToken, { id: created.id, expectedVersion: created.version });
    version = await change('planJointMeeting', 'PlanJointMeetingInput', senderToken, {
      id: created.id,
      expectedVersion: version,
      plannedAt: '2026-12-03T10:00:00.000Z',
      participants: ['CLIENT', 'SENDER', 'RECEIVER'],
    });
    await change('recordJointMeetingOutcome', 'RecordJointMeetingOutcomeInput', senderToken, {
      id: created.id,
      expectedVersion: version,
      outcome: 'HANDOVER_AGREED',
      outcomeNotes: 'Afspraken gemaakt.',
    });
    return { receiver, receiverToken, consent, referralId: created.id };
  };

  const full = await referralTo();
  const v = { r: full.referralId };
  const callers: Caller[] = [
    { name: 'owner (sender)', token: senderToken, expect: always('VALUE'), variables: v },
    { name: 'active consent, all categories (receiver)', token: full.receiverToken, expect: always('VALUE'), variables: v },
    // A referral is visible to referral workers of its two parties only; any other caller does not learn it exists.
    { name: 'wrong role (receiver BEHEERDER)', token: await full.receiver.token(['BEHEERDER']), expect: always('ABSENT'), variables: v },
    { name: 'no relation', token: await (await buildOrg(hub, 'OCO')).token(['CLIENTONDERSTEUNER']), expect: always('ABSENT'), variables: v },
    { name: 'anonymous', token: undefined, expect: always('ABSENT'), variables: v },
    // The client of the referral, signed in as themselves: the referral paths are for professionals only.
    { name: 'the client themselves (CLIENT token)', token: await hub.clientTokenFor({ bsn: client.bsn }), expect: always('ABSENT'), variables: v },
  ];
  const a = await referralTo(HALF_A);
  callers.push({ name: 'active consent, categories A only (receiver)', token: a.receiverToken, expect: byCategory(HALF_A), variables: { r: a.referralId } });
  const b = await referralTo();
  // Sending needs HANDOVER, so this consent loses it (and the rest of A) only after the referral was sent.
  await setConsent(b.consent.id, 'ONLY_HALF_B');
  callers.push({ name: 'active consent, categories B only (receiver)', token: b.receiverToken, expect: byCategory(HALF_B), variables: { r: b.referralId } });
  const revoked = await referralTo();
  dataOf(await hub.graphql(REVOKE_CONSENT, { id: revoked.consent.id, expectedVersion: revoked.consent.version }, { token: senderToken }));
  callers.push({ name: 'revoked consent (receiver)', token: revoked.receiverToken, expect: always('CONSENT_REQUIRED'), variables: { r: revoked.referralId } });
  for (const [name, how] of [
    ['expired consent (receiver)', 'EXPIRED'],
    ['pending consent (receiver)', 'PENDING'],
    ['consent for another purpose (receiver)', 'OTHER_PURPOSE'],
  ] as const) {
    const r = await referralTo();
    await setConsent(r.consent.id, how);
    callers.push({ name, token: r.receiverToken, expect: always('CONSENT_REQUIRED'), variables: { r: r.referralId } });
  }

  return {
    subgraph: 'referrals',
    gatewayQuery: () => `query ReferralsMatrix($r: ID!) {
      referral(id: $r) { id ${select('referrals', 'Referral')} jointMeeting { plannedAt ${select('referrals', 'JointMeeting')} } }
    }`,
    entitiesQuery: () => `query ReferralsMatrixEntities($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on Referral { id ${select('referrals', 'Referral')} jointMeeting { plannedAt ${select('referrals', 'JointMeeting')} } }
      }
    }`,
    representations: (vars) => [{ __typename: 'Referral', id: vars.r }],
    locate(data, path) {
      const at: (string | number)[] = path === 'gateway' ? ['referral'] : ['_entities', 0];
      const r = asJson(path === 'gateway' ? data?.referral : Array.isArray(data?._entities) ? data._entities[0] : null);
      return [
        { typeName: 'Referral', parent: r, path: at },
        { typeName: 'JointMeeting', parent: asJson(r?.jointMeeting), path: [...at, 'jointMeeting'] },
      ];
    },
    callers,
  };
}

beforeAll(async () => {
  hub = await startTestHub({ env: REFERRAL_TEST_ENV });
  worlds.push(await casesWorld(), await referralsWorld());
}, 120_000);

afterAll(async () => {
  const callers = worlds.reduce((n, w) => n + w.callers.length, 0);
  console.info(`consent matrix: ${checks} field checks (${GATED.length} gated fields in ${worlds.length} subgraphs, ${callers} callers, 2 paths)`);
  await hub?.stop();
});

function check(world: World, caller: Caller, path: Path, body: GraphQLBody) {
  const data = asJson(body.data);
  for (const located of world.locate(data, path)) {
    for (const g of gatedOn(world.subgraph, located.typeName)) {
      const expected = caller.expect(g.category, path, located.typeName);
      const label = `${caller.name} ${path} ${[...located.path, g.fieldName].join('.')}`;
      const value = located.parent?.[g.fieldName];
      const error = errorAt(body, [...located.path, g.fieldName]);
      if (expected === 'VALUE') {
        expect(value ?? null, label).not.toBeNull();
        expect(error, label).toBeUndefined();
      } else if (expected === 'ABSENT') {
        expect(located.parent ?? null, label).toBeNull();
      } else {
        expect(located.parent, label).not.toBeNull();
        expect(value ?? null, label).toBeNull();
        expect(error?.extensions?.code, label).toBe(expected);
        if (expected === 'CONSENT_REQUIRED') {
          // The one shape of a refusal: the category, the purpose of the read and why, never personal data.
          expect(error?.extensions, label).toMatchObject({ category: g.category, purpose: expect.any(String), reason: expect.any(String) });
        }
      }
      checks++;
      const seen = exercised.get(keyOf(g)) ?? new Set<Expectation>();
      seen.add(expected);
      exercised.set(keyOf(g), seen);
    }
  }
}

describe.each(['cases', 'referrals'])('consent matrix of %s', (subgraph) => {
  const worldOf = () => {
    const w = worlds.find((x) => x.subgraph === subgraph);
    if (!w) throw new Error(`no world for ${subgraph}`);
    return w;
  };

  it('through the gateway, for every caller', async () => {
    const w = worldOf();
    for (const caller of w.callers) {
      const res = await hub.graphql(w.gatewayQuery(), caller.variables, { token: caller.token });
      check(w, caller, 'gateway', res.body);
    }
  });

  it('through a direct _entities call with the gateway secret, for every caller', async () => {
    const w = worldOf();
    for (const caller of w.callers) {
      const res = await hub.directSubgraphRequest(w.subgraph, w.entitiesQuery(), {
        secret: hub.subgraphSecrets[w.subgraph],
        token: caller.token,
        variables: { representations: w.representations(caller.variables) },
      });
      check(w, caller, 'entities', res.body);
    }
  });
});

describe('coverage of the matrix', () => {
  it('exercises every @consentGated field of every subgraph, both granted and refused', () => {
    expect(GATED.length).toBeGreaterThan(0);
    expect([...exercised.keys()].sort()).toEqual(GATED.map(keyOf).sort());
    for (const g of GATED) {
      const seen = exercised.get(keyOf(g)) ?? new Set();
      expect(seen.has('VALUE') && seen.has('CONSENT_REQUIRED'), `${keyOf(g)}: ${[...seen].join(',')}`).toBe(true);
    }
  });
});
