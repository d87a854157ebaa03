import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '@hub/db';
import { startTestHub, type GraphQLResult, type TestHub } from '@hub/testing';
import { buildOrg, dataOf, openTrajectory, registerClient, type TestOrg } from '../../subgraphs/cases/test/builders.ts';

/**
 * Break-glass: a care professional opens a client's data without consent in acute danger. Refused without a proper
 * reason, for another role, for an organisation that has it off, beyond the daily limit, and after an opening judged
 * unjustified; it lasts a fixed time, serves only the professional who opened it in their own organisation, and every
 * opening and every read under it is logged with ground BREAK_GLASS, visible to the client at once. The privacy officer
 * of the organisation reviews it; an opening unreviewed after 5 working days is flagged.
 */

let hub: TestHub;
/** The organisation that supports the client. */
let owner: TestOrg;
/** A wijkteam without any relation to the client, with break-glass on. */
let wijkteam: TestOrg;
/** Another organisation, break-glass off. */
let disabled: TestOrg;
let client: { id: string; bsn: string; trajectory: string; token: string };
let professional: { subject: string; token: string };
let officerToken: string;

const OPEN = `mutation Open($input: OpenBreakGlassInput!) { openBreakGlass(input: $input) { breakGlass { id clientId active openedAt expiresAt version reviewOverdue } } }`;
const READ = `query Read($id: ID!) { client(id: $id) { id name { familyName } contact { phone } trajectories { nodes { id hulpvraag } } } }`;
const CONFIGURE = `mutation Configure($input: ConfigureBreakGlassInput!) { configureBreakGlass(input: $input) { settings { enabled durationHours dailyLimit organization { id } } } }`;
const REVIEWS = `query Reviews($unreviewedOnly: Boolean) { breakGlassReviews(unreviewedOnly: $unreviewedOnly) { nodes { id clientId userId reason active justified reviewNote reviewOverdue version } } }`;
const REVIEW = `mutation Review($input: ReviewBreakGlassInput!) { reviewBreakGlass(input: $input) { breakGlass { id justified reviewNote reviewedAt } } }`;
const MY_LOG = `query MyLog { mySupport { accessLog(first: 100) { nodes { action outcome outcomeReason organization { id } userId authorizationGround accessPoint } } breakGlassOpenings { totalCount nodes { id organization { id } reason role } } } }`;

interface LogLine {
  action: string;
  outcome: string;
  outcomeReason: string | null;
  organization: { id: string };
  userId: string;
  authorizationGround: string;
  accessPoint: string;
}
interface MyLog {
  mySupport: {
    accessLog: { nodes: LogLine[] };
    breakGlassOpenings: { totalCount: number; nodes: { id: string; organization: { id: string }; reason: string }[] };
  };
}

const REASON = 'Acuut gevaar: de cliënt is niet bereikbaar en de buren melden een val in huis.';
const codes = (r: GraphQLResult<unknown>) => (r.body.errors ?? []).map((e) => e.extensions?.code);
const myLog = async () => dataOf<MyLog>(await hub.graphql(MY_LOG, undefined, { token: client.token })).mySupport;
const open = (token: string, clientId: string, reason = REASON) => hub.graphql(OPEN, { input: { clientId, reason } }, { token });
const openOk = async (token: string, clientId: string) =>
  dataOf<{ openBreakGlass: { breakGlass: { id: string; active: boolean; openedAt: string; expiresAt: string; version: number } } }>(await open(token, clientId))
    .openBreakGlass.breakGlass;

async function newClient() {
  const ownerToken = await owner.token(['CLIENTONDERSTEUNER']);
  const c = await registerClient(hub, ownerToken, { name: { givenName: 'Greet', familyName: 'Gevaarlijk' } });
  const t = await openTrajectory(hub, ownerToken, c.id, { hulpvraag: 'Ik val vaak en woon alleen.' });
  return { ...c, trajectory: t.id, token: await hub.clientTokenFor({ bsn: c.bsn }) };
}

async function newProfessional(org: TestOrg, roles: Parameters<TestOrg['token']>[0] = ['TOEGANG']) {
  const subject = `prof-${randomUUID()}`;
  return { subject, token: await org.token(roles, subject) };
}

beforeAll(async () => {
  hub = await startTestHub();
  owner = await buildOrg(hub, 'ZORGKANTOOR', { zorgkantoorregio: 'ZK02' });
  wijkteam = await buildOrg(hub, 'GEMEENTE', { gemeenteCode: 'GM0363' });
  disabled = await buildOrg(hub, 'GEMEENTE', { gemeenteCode: 'GM0599' });
  client = await newClient();
  officerToken = await wijkteam.token(['PRIVACY_OFFICER']);
  const settings = dataOf<{ configureBreakGlass: { settings: { enabled: boolean; durationHours: number; dailyLimit: number } } }>(
    await hub.graphql(CONFIGURE, { input: { enabled: true, durationHours: 4, dailyLimit: 2 } }, { token: officerToken }),
  );
  expect(settings.configureBreakGlass.settings).toMatchObject({ enabled: true, durationHours: 4, dailyLimit: 2 });
  professional = await newProfessional(wijkteam);
}, 120_000);

afterAll(async () => {
  await hub?.stop();
});

describe('opening', () => {
  it('refuses a missing, short or BSN-carrying reason (BAD_USER_INPUT), and changes nothing', async () => {
    const missing = await hub.graphql(OPEN, { input: { clientId: client.id } }, { token: professional.token });
    expect(missing.status === 400 || codes(missing).includes('BAD_USER_INPUT') || codes(missing).includes('GRAPHQL_VALIDATION_FAILED')).toBe(true);
    for (const reason of [
      '',
      '   ',
      'Te kort.',
      `Acuut gevaar voor cliënt met BSN ${client.bsn}, niet bereikbaar.`,
      `Acuut gevaar, BSN ${client.bsn.slice(0, 3)} ${client.bsn.slice(3, 6)} ${client.bsn.slice(6)} onbereikbaar.`,
    ]) {
      const res = await open(professional.token, client.id, reason);
      expect(codes(res), reason).toEqual(['BAD_USER_INPUT']);
      expect(JSON.stringify(res.body)).not.toContain(client.bsn);
    }
    expect((await myLog()).breakGlassOpenings.totalCount).toBe(0);
  });

  it('refuses a role without care, and an organisation that has break-glass off; the refusals are in the client overview', async () => {
    const beheerder = await wijkteam.token(['BEHEERDER']);
    expect(codes(await open(beheerder, client.id))).toEqual(['FORBIDDEN']);
    const officer = await open(officerToken, client.id);
    expect(codes(officer)).toEqual(['FORBIDDEN']);
    const off = await newProfessional(disabled, ['CLIENTONDERSTEUNER']);
    expect(codes(await open(off.token, client.id))).toEqual(['FORBIDDEN']);
    // Nothing opened: the disabled organisation still cannot read the client.
    expect(codes(await hub.graphql(READ, { id: client.id }, { token: off.token }))).toEqual(['NOT_FOUND']);
    const log = (await myLog()).accessLog.nodes.filter((l) => l.accessPoint.endsWith('Mutation.openBreakGlass'));
    expect(log.map((l) => l.outcomeReason).sort()).toEqual(['BREAK_GLASS_DISABLED', 'BREAK_GLASS_ROLE', 'BREAK_GLASS_ROLE']);
    expect(log.every((l) => l.outcome === 'REFUSED' && l.authorizationGround === 'BREAK_GLASS')).toBe(true);
  });

  it('refuses a duration over 24 hours in the settings, and settings by anyone but the privacy officer', async () => {
    expect(codes(await hub.graphql(CONFIGURE, { input: { enabled: true, durationHours: 25 } }, { token: officerToken }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await hub.graphql(CONFIGURE, { input: { enabled: true } }, { token: professional.token }))).toEqual(['FORBIDDEN']);
  });

  it('opens the client to that professional only, every read logged with ground BREAK_GLASS and visible to the client at once', async () => {
    expect(codes(await hub.graphql(READ, { id: client.id }, { token: professional.token }))).toEqual(['NOT_FOUND']);
    const grant = await openOk(professional.token, client.id);
    expect(grant.active).toBe(true);
    expect(new Date(grant.expiresAt).getTime() - new Date(grant.openedAt).getTime()).toBe(4 * 3_600_000);

    const read = dataOf<{ client: { name: { familyName: string }; contact: { phone: string }; trajectories: { nodes: { id: string; hulpvraag: string }[] } } }>(
      await hub.graphql(READ, { id: client.id }, { token: professional.token }),
    );
    expect(read.client.name.familyName).toBe('Gevaarlijk');
    expect(read.client.trajectories.nodes).toEqual([{ id: client.trajectory, hulpvraag: 'Ik val vaak en woon alleen.' }]);

    // Straight at the subgraph, through _entities: the same gate, the same log.
    const direct = await hub.directSubgraphRequest(
      'cases',
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on SupportTrajectory { id plan hulpvraag } } }`,
      {
        secret: hub.subgraphSecrets.cases,
        token: professional.token,
        variables: { r: [{ __typename: 'SupportTrajectory', id: client.trajectory, purpose: 'INTEGRATED_SUPPORT' }] },
      },
    );
    expect(JSON.stringify(direct.body.data)).toContain('Ik val vaak');

    // A colleague in the same organisation, and a professional elsewhere, get nothing from this opening.
    const colleague = await newProfessional(wijkteam);
    expect(codes(await hub.graphql(READ, { id: client.id }, { token: colleague.token }))).toEqual(['NOT_FOUND']);
    const sameSubjectOtherOrg = await disabled.token(['TOEGANG'], professional.subject);
    expect(codes(await hub.graphql(READ, { id: client.id }, { token: sameSubjectOtherOrg }))).toEqual(['NOT_FOUND']);

    const mine = await myLog();
    expect(mine.breakGlassOpenings.nodes).toEqual([expect.objectContaining({ id: grant.id, organization: { id: wijkteam.id }, reason: REASON })]);
    const underGrant = mine.accessLog.nodes.filter((l) => l.userId === professional.subject && l.outcome === 'GRANTED');
    expect(underGrant.length).toBeGreaterThanOrEqual(3);
    expect(underGrant.every((l) => l.authorizationGround === 'BREAK_GLASS')).toBe(true);
    expect(underGrant.some((l) => l.accessPoint.endsWith('Mutation.openBreakGlass'))).toBe(true);
    expect(underGrant.some((l) => l.accessPoint.includes('Client.name'))).toBe(true);
    expect(underGrant.some((l) => l.accessPoint.includes('Query._entities') || l.accessPoint.includes('SupportTrajectory.hulpvraag'))).toBe(true);
  });

  it('gives no change rights: a write under break-glass is refused', async () => {
    const res = await hub.graphql(
      `mutation($input: UpdateClientInput!) { updateClient(input: $input) { client { id } } }`,
      { input: { id: client.id, expectedVersion: 1, preferredContactChannel: 'PHONE' } },
      { token: professional.token },
    );
    expect(codes(res)).toEqual(['NOT_FOUND']);
  });

  it('ends at expiry', async () => {
    const prof = await newProfessional(wijkteam);
    const grant = await openOk(prof.token, client.id);
    expect(dataOf<{ client: { id: string } }>(await hub.graphql(READ, { id: client.id }, { token: prof.token })).client.id).toBe(client.id);
    await hub.database.db.execute(
      sql`update cases.break_glass_grant set opened_at = now() - interval '5 hours', expires_at = now() - interval '1 hour' where id = ${grant.id}::uuid`,
    );
    expect(codes(await hub.graphql(READ, { id: client.id }, { token: prof.token }))).toEqual(['NOT_FOUND']);
  });

  it('refuses beyond the daily limit', async () => {
    const prof = await newProfessional(wijkteam);
    const other = await newClient();
    await openOk(prof.token, client.id);
    await openOk(prof.token, other.id);
    const third = await open(prof.token, (await newClient()).id);
    expect(codes(third)).toEqual(['FORBIDDEN']);
    expect(third.body.errors?.[0]?.message).toContain('limit');
  });
});

describe('review by the privacy officer', () => {
  it('lists the openings of the own organisation only, flags those unreviewed after 5 working days, and records the review', async () => {
    const prof = await newProfessional(wijkteam);
    const grant = await openOk(prof.token, client.id);
    await hub.database.db.execute(
      sql`update cases.break_glass_grant set opened_at = now() - interval '10 days', expires_at = now() - interval '9 days 20 hours' where id = ${grant.id}::uuid`,
    );
    const queue = dataOf<{ breakGlassReviews: { nodes: { id: string; reason: string; reviewOverdue: boolean; version: number; active: boolean }[] } }>(
      await hub.graphql(REVIEWS, { unreviewedOnly: true }, { token: officerToken }),
    ).breakGlassReviews.nodes;
    const listed = queue.find((g) => g.id === grant.id);
    expect(listed).toMatchObject({ reason: REASON, reviewOverdue: true, active: false });
    expect(queue.filter((g) => g.id !== grant.id).every((g) => g.reviewOverdue === false)).toBe(true);

    // Another organisation's privacy officer neither sees nor reviews it.
    const otherOfficer = await owner.token(['PRIVACY_OFFICER']);
    const theirs = dataOf<{ breakGlassReviews: { nodes: { id: string }[] } }>(await hub.graphql(REVIEWS, {}, { token: otherOfficer })).breakGlassReviews.nodes;
    expect(theirs).toEqual([]);
    const foreign = await hub.graphql(REVIEW, { input: { id: grant.id, expectedVersion: 1, justified: true, note: 'Akkoord.' } }, { token: otherOfficer });
    expect(codes(foreign)).toEqual(['NOT_FOUND']);
    expect(codes(await hub.graphql(REVIEWS, {}, { token: prof.token }))).toEqual(['FORBIDDEN']);

    const reviewed = dataOf<{ reviewBreakGlass: { breakGlass: { justified: boolean; reviewNote: string } } }>(
      await hub.graphql(
        REVIEW,
        { input: { id: grant.id, expectedVersion: listed?.version ?? 1, justified: false, note: 'Geen acuut gevaar; overleg had gekund.' } },
        { token: officerToken },
      ),
    ).reviewBreakGlass.breakGlass;
    expect(reviewed).toMatchObject({ justified: false, reviewNote: 'Geen acuut gevaar; overleg had gekund.' });
    const again = await hub.graphql(REVIEW, { input: { id: grant.id, expectedVersion: 2, justified: true, note: 'Toch wel.' } }, { token: officerToken });
    expect(codes(again)).toEqual(['INVALID_TRANSITION']);

    // An opening judged unjustified blocks the professional's next one.
    const blocked = await open(prof.token, client.id);
    expect(codes(blocked)).toEqual(['FORBIDDEN']);
    const log = (await myLog()).accessLog.nodes;
    expect(log.some((l) => l.userId === prof.subject && l.outcomeReason === 'BREAK_GLASS_UNJUSTIFIED')).toBe(true);
  });

  it('with break-glass turned off again, a new opening is refused', async () => {
    dataOf(await hub.graphql(CONFIGURE, { input: { enabled: false } }, { token: officerToken }));
    const prof = await newProfessional(wijkteam);
    expect(codes(await open(prof.token, client.id))).toEqual(['FORBIDDEN']);
    dataOf(await hub.graphql(CONFIGURE, { input: { enabled: true, durationHours: 4, dailyLimit: 2 } }, { token: officerToken }));
  });
});
