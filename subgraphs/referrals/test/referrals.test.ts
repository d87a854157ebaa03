import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, sql } from '@hub/db';
import { startTestHub, type TestHub } from '@hub/testing';
import { findOutboxByTopic } from '../src/db/outbox.ts';
import { gapEventOf, notificationOf } from '../src/events.ts';
import { writeTransition } from '../src/referral-service.ts';
import {
  callInternalEndpoint,
  CREATE_REFERRAL,
  dataOf,
  errorCodes,
  makeClientWithTrajectory,
  makeParties,
  recordHandoverConsent,
  REFERRAL_TEST_ENV,
  referralInput,
  relayFor,
  revokeConsent,
  SUMMARY,
  type Parties,
} from './helpers.ts';

let hub: TestHub;
let parties: Parties;

beforeAll(async () => {
  hub = await startTestHub({ env: REFERRAL_TEST_ENV });
  parties = await makeParties(hub);
});
afterAll(async () => {
  await hub?.stop();
});

type Referral = { id: string; status: string; version: number; respondBy: string | null; consentId: string | null };

/** A client with an open trajectory and an active warm-handover consent for the receiver. */
async function consentingClient() {
  const c = await makeClientWithTrajectory(hub, parties.sender);
  const consent = await recordHandoverConsent(hub, parties.sender, c.clientId, parties.receiver.organizationId);
  return { ...c, consent };
}

async function sendReferral(c: { clientId: string; trajectoryId: string }, extra: Record<string, unknown> = {}): Promise<Referral> {
  const input = referralInput({ ...c, toOrganizationId: parties.receiver.organizationId }, extra);
  return dataOf<{ createReferral: { referral: Referral } }>(await hub.graphql(CREATE_REFERRAL, { input }, { token: parties.sender.token })).createReferral
    .referral;
}

const countReferrals = async () =>
  Number(rowsOf<{ n: number }>(await hub.database.db.execute(sql`select count(*)::int as n from referrals.referral`))[0]?.n ?? 0);
const countOutbox = async () => Number(rowsOf<{ n: number }>(await hub.database.db.execute(sql`select count(*)::int as n from referrals.outbox`))[0]?.n ?? 0);

type AccessLine = { action: string; outcome: string; sourceSubgraph: string; organization: { id: string }; authorizationGround: string };

/** The client's NEN 7513 overview as the privacy officer of the sender's organisation sees it, lines from referrals only. */
async function accessLogOf(clientId: string): Promise<AccessLine[]> {
  const token = await hub.tokenFor({ organizationId: parties.sender.organizationId, organizationType: 'GEMEENTE', roles: ['PRIVACY_OFFICER'] });
  const data = dataOf<{ client: { accessLog: { edges: { node: AccessLine }[] } } }>(
    await hub.graphql(
      `query($id: ID!, $from: DateTime!, $to: DateTime!) { client(id: $id) { accessLog(from: $from, to: $to, first: 200) {
        edges { node { action outcome sourceSubgraph organization { id } authorizationGround } } } } }`,
      { id: clientId, from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() },
      { token },
    ),
  );
  return data.client.accessLog.edges.map((e) => e.node).filter((l) => l.sourceSubgraph === 'referrals');
}

const READ_REFERRAL = `query($id: ID!) {
  referral(id: $id) {
    id status version question
    handoverSummary { situation question whatWasDone agreements openActions network risks clientWishes }
    client { id }
  }
}`;

describe('sending needs consent', () => {
  it('refuses without consent with CONSENT_REQUIRED and writes nothing', async () => {
    const c = await makeClientWithTrajectory(hub, parties.sender);
    const [referralsBefore, outboxBefore] = [await countReferrals(), await countOutbox()];
    const input = referralInput({ ...c, toOrganizationId: parties.receiver.organizationId });
    const result = await hub.graphql(CREATE_REFERRAL, { input }, { token: parties.sender.token });
    expect(errorCodes(result)).toEqual(['CONSENT_REQUIRED']);
    expect(result.body.data).toBeNull();
    expect(await countReferrals()).toBe(referralsBefore);
    expect(await countOutbox()).toBe(outboxBefore);
  });

  it('refuses a consent for another purpose or another organisation, and a revoked one', async () => {
    const c = await makeClientWithTrajectory(hub, parties.sender);
    await recordHandoverConsent(hub, parties.sender, c.clientId, parties.receiver.organizationId, 'INTEGRATED_SUPPORT');
    await recordHandoverConsent(hub, parties.sender, c.clientId, parties.other.organizationId);
    const revoked = await recordHandoverConsent(hub, parties.sender, c.clientId, parties.receiver.organizationId);
    await revokeConsent(hub, parties.sender, revoked);
    const input = referralInput({ ...c, toOrganizationId: parties.receiver.organizationId });
    expect(errorCodes(await hub.graphql(CREATE_REFERRAL, { input }, { token: parties.sender.token }))).toEqual(['CONSENT_REQUIRED']);
  });

  it('sends with consent: REQUESTED, respond-by five working days out, the consent recorded', async () => {
    const c = await consentingClient();
    const r = await sendReferral(c);
    expect(r.status).toBe('REQUESTED');
    expect(r.consentId).toBe(c.consent.id);
    expect(r.respondBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('refuses a trajectory of another organisation or of another client, and bad input, with BAD_USER_INPUT', async () => {
    const c = await consentingClient();
    const d = await makeClientWithTrajectory(hub, parties.sender);
    const wrongTrajectory = referralInput({ clientId: c.clientId, trajectoryId: d.trajectoryId, toOrganizationId: parties.receiver.organizationId });
    const r1 = await hub.graphql(CREATE_REFERRAL, { input: wrongTrajectory }, { token: parties.sender.token });
    expect(errorCodes(r1)).toEqual(['BAD_USER_INPUT']);
    expect(r1.body.errors?.[0]?.extensions?.field).toBe('input.sourceTrajectoryId');
    const toSelf = referralInput({ ...c, toOrganizationId: parties.sender.organizationId });
    expect(errorCodes(await hub.graphql(CREATE_REFERRAL, { input: toSelf }, { token: parties.sender.token }))).toEqual(['BAD_USER_INPUT']);
    const emptyRisks = referralInput({ ...c, toOrganizationId: parties.receiver.organizationId }, { handoverSummary: { ...SUMMARY, risks: ' ' } });
    const r3 = await hub.graphql(CREATE_REFERRAL, { input: emptyRisks }, { token: parties.sender.token });
    expect(r3.body.errors?.[0]?.extensions?.field).toBe('input.handoverSummary.risks');
    const serviceMissing = referralInput({ ...c, toOrganizationId: parties.receiver.organizationId }, { kind: 'TO_SERVICE' });
    const r4 = await hub.graphql(CREATE_REFERRAL, { input: serviceMissing }, { token: parties.sender.token });
    expect(r4.body.errors?.[0]?.extensions?.field).toBe('input.serviceId');
    const anonymous = await hub.graphql(CREATE_REFERRAL, { input: toSelf });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('the handover summary follows the consent', () => {
  it('hides the summary from the receiver on the next request after revocation, while the sender still sees it', async () => {
    const c = await consentingClient();
    const r = await sendReferral(c);
    const before = await hub.graphql<{ referral: { handoverSummary: typeof SUMMARY; question: string } }>(
      READ_REFERRAL,
      { id: r.id },
      { token: parties.receiver.token },
    );
    expect(before.body.errors).toBeUndefined();
    expect(before.body.data?.referral.handoverSummary).toEqual(SUMMARY);

    await revokeConsent(hub, parties.sender, c.consent);

    const after = await hub.graphql<{ referral: { id: string; status: string; handoverSummary: unknown; question: unknown } | null }>(
      READ_REFERRAL,
      { id: r.id },
      { token: parties.receiver.token },
    );
    expect(after.body.data?.referral?.status).toBe('REQUESTED');
    expect(after.body.data?.referral?.handoverSummary).toBeNull();
    expect(after.body.data?.referral?.question).toBeNull();
    const refused = (after.body.errors ?? []).map((e) => [e.extensions?.code, e.path?.join('.')]);
    expect(refused).toEqual(
      expect.arrayContaining([
        ['CONSENT_REQUIRED', 'referral.handoverSummary'],
        ['CONSENT_REQUIRED', 'referral.question'],
      ]),
    );

    const sender = await hub.graphql<{ referral: { handoverSummary: typeof SUMMARY } }>(READ_REFERRAL, { id: r.id }, { token: parties.sender.token });
    expect(sender.body.errors).toBeUndefined();
    expect(sender.body.data?.referral.handoverSummary).toEqual(SUMMARY);
  });

  it('shows nothing to an organisation that is no party, also through _entities with the gateway secret', async () => {
    const c = await consentingClient();
    const r = await sendReferral(c);
    const viaGateway = await hub.graphql<{ referral: unknown }>(READ_REFERRAL, { id: r.id }, { token: parties.other.token });
    expect(viaGateway.body.data?.referral).toBeNull();
    const direct = await hub.directSubgraphRequest<{ _entities: unknown[] }>(
      'referrals',
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Referral { id question } } }`,
      {
        secret: hub.subgraphSecrets.referrals,
        token: parties.other.token,
        variables: {
          r: [
            { __typename: 'Referral', id: r.id },
            { __typename: 'Referral', id: randomUUID() },
          ],
        },
      },
    );
    expect(direct.body.data?._entities).toEqual([null, null]);
    const noSecret = await hub.directSubgraphRequest('referrals', `{ referral(id: "${r.id}") { id } }`, { token: parties.sender.token });
    expect(noSecret.status).toBe(401);
  });

  it('writes the reads, granted and refused, to the client access log in the cases subgraph', async () => {
    const c = await consentingClient();
    const r = await sendReferral(c);
    await hub.graphql(READ_REFERRAL, { id: r.id }, { token: parties.receiver.token });
    await revokeConsent(hub, parties.sender, c.consent);
    await hub.graphql(READ_REFERRAL, { id: r.id }, { token: parties.receiver.token });
    const lines = await accessLogOf(c.clientId);
    const receiverLines = lines.filter((l) => l.action === 'READ' && l.organization.id === parties.receiver.organizationId);
    expect(receiverLines.map((l) => l.outcome)).toEqual(expect.arrayContaining(['GRANTED', 'REFUSED']));
    // One line per client, field and outcome per request: two fields read twice.
    expect(receiverLines).toHaveLength(4);
  });
});

const TRANSITION_MUTATIONS: Record<string, { mutation: string; input: string; extra?: Record<string, unknown> }> = {
  SEND: { mutation: 'sendReferral', input: 'ReferralTransitionInput' },
  ACCEPT: { mutation: 'acceptReferral', input: 'AcceptReferralInput' },
  REJECT: { mutation: 'rejectReferral', input: 'RejectReferralInput', extra: { reason: 'NOT_ELIGIBLE' } },
  CANCEL: { mutation: 'cancelReferral', input: 'ReferralTransitionInput' },
  START: { mutation: 'startReferral', input: 'ReferralTransitionInput' },
  HOLD: { mutation: 'holdReferral', input: 'ReferralTransitionInput' },
  RESUME: { mutation: 'resumeReferral', input: 'ReferralTransitionInput' },
  COMPLETE: { mutation: 'completeReferral', input: 'CompleteReferralInput' },
  FAIL: { mutation: 'failReferral', input: 'ReferralTransitionInput' },
  MARK_ENTERED_IN_ERROR: { mutation: 'markReferralEnteredInError', input: 'ReferralTransitionInput' },
  RELEASE: { mutation: 'releaseReferral', input: 'ReferralTransitionInput' },
  PLAN_JOINT_MEETING: {
    mutation: 'planJointMeeting',
    input: 'PlanJointMeetingInput',
    extra: { plannedAt: '2026-12-01T10:00:00Z', participants: ['CLIENT', 'SENDER', 'RECEIVER'] },
  },
  RECORD_JOINT_MEETING_OUTCOME: { mutation: 'recordJointMeetingOutcome', input: 'RecordJointMeetingOutcomeInput', extra: { outcome: 'HANDOVER_AGREED' } },
  SET_REGIEHOUDER: { mutation: 'setRegiehouder', input: 'SetRegiehouderInput', extra: { regiehouder: 'RECEIVER' } },
};

function transition(action: string, id: string, expectedVersion: number, token: string, extra: Record<string, unknown> = {}) {
  const t = TRANSITION_MUTATIONS[action];
  if (!t) throw new Error(action);
  return hub.graphql<Record<string, { referral: { id: string; status: string; version: number } }>>(
    `mutation($input: ${t.input}!) { ${t.mutation}(input: $input) { referral { id status version } } }`,
    { input: { id, expectedVersion, ...t.extra, ...extra } },
    { token },
  );
}

/** The state machine of docs/referrals.md, written out independently of src/transitions.ts: [action, from, party, to]. */
const OPEN = ['DRAFT', 'REQUESTED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD'];
const AFTER_ACCEPTANCE = ['ACCEPTED', 'IN_PROGRESS', 'ON_HOLD'];
const ALL = ['DRAFT', 'REQUESTED', 'ACCEPTED', 'REJECTED', 'CANCELLED', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'FAILED', 'ENTERED_IN_ERROR'];
const SPEC: [string, string, 'SENDER' | 'RECEIVER', string][] = [
  ['SEND', 'DRAFT', 'SENDER', 'REQUESTED'],
  ['ACCEPT', 'REQUESTED', 'RECEIVER', 'ACCEPTED'],
  ['REJECT', 'REQUESTED', 'RECEIVER', 'REJECTED'],
  ...OPEN.map((s) => ['CANCEL', s, 'SENDER', 'CANCELLED'] as [string, string, 'SENDER', string]),
  ['CANCEL', 'REQUESTED', 'RECEIVER', 'CANCELLED'],
  ['START', 'ACCEPTED', 'RECEIVER', 'IN_PROGRESS'],
  ['HOLD', 'IN_PROGRESS', 'RECEIVER', 'ON_HOLD'],
  ['RESUME', 'ON_HOLD', 'RECEIVER', 'IN_PROGRESS'],
  ['COMPLETE', 'IN_PROGRESS', 'RECEIVER', 'COMPLETED'],
  ['FAIL', 'IN_PROGRESS', 'RECEIVER', 'FAILED'],
  ['FAIL', 'ON_HOLD', 'RECEIVER', 'FAILED'],
  ...ALL.filter((s) => s !== 'ENTERED_IN_ERROR').map((s) => ['MARK_ENTERED_IN_ERROR', s, 'SENDER', 'ENTERED_IN_ERROR'] as [string, string, 'SENDER', string]),
  ...['REQUESTED', ...AFTER_ACCEPTANCE].map((s) => ['RELEASE', s, 'SENDER', s] as [string, string, 'SENDER', string]),
  ...AFTER_ACCEPTANCE.flatMap((s) =>
    (['SENDER', 'RECEIVER'] as const).flatMap((p) => [
      ['PLAN_JOINT_MEETING', s, p, s] as [string, string, 'SENDER' | 'RECEIVER', string],
      ['RECORD_JOINT_MEETING_OUTCOME', s, p, s] as [string, string, 'SENDER' | 'RECEIVER', string],
    ]),
  ),
  ...[...AFTER_ACCEPTANCE, 'COMPLETED'].flatMap((s) =>
    (['SENDER', 'RECEIVER'] as const).map((p) => ['SET_REGIEHOUDER', s, p, s] as [string, string, 'SENDER' | 'RECEIVER', string]),
  ),
];

/** Inserts a referral straight into a given state (a test builder: the matrix needs one fresh referral per case). */
async function referralInState(status: string, c: { clientId: string; trajectoryId: string; consentId: string }): Promise<string> {
  const id = randomUUID();
  const sent = status !== 'DRAFT';
  await hub.database.db.execute(sql`insert into referrals.referral
    (id, kind, status, urgency, client_id, source_trajectory_id, from_organization_id, from_user_id, to_organization_id,
     consent_id, question, handover_summary, meeting_planned_at, meeting_participants, sent_at, respond_by, idempotency_key, request_hash)
    values (${id}::uuid, 'WMO_TO_WLZ', ${status}, 'ROUTINE', ${c.clientId}::uuid, ${c.trajectoryId}::uuid, ${parties.sender.organizationId}::uuid,
     'builder', ${parties.receiver.organizationId}::uuid, ${c.consentId}::uuid, 'Vraag', ${JSON.stringify(SUMMARY)}::jsonb,
     now(), '{CLIENT}', ${sent ? sql`now()` : sql`null`}, ${sent ? sql`current_date + 5` : sql`null`}, ${id}, 'builder')`);
  return id;
}

describe('the transition table through the gateway', () => {
  it('allows exactly the specified (state, action, party) cases; others get INVALID_TRANSITION or FORBIDDEN', async () => {
    const c = await consentingClient();
    const builder = { clientId: c.clientId, trajectoryId: c.trajectoryId, consentId: c.consent.id };
    const cases: { status: string; action: string; party: 'SENDER' | 'RECEIVER' | 'OTHER' }[] = [];
    for (const status of ALL)
      for (const action of Object.keys(TRANSITION_MUTATIONS))
        for (const party of ['SENDER', 'RECEIVER', 'OTHER'] as const) cases.push({ status, action, party });
    expect(cases).toHaveLength(420);

    const tokens = { SENDER: parties.sender.token, RECEIVER: parties.receiver.token, OTHER: parties.other.token };
    const mismatches: string[] = [];
    let allowed = 0;
    for (let i = 0; i < cases.length; i += 12) {
      await Promise.all(
        cases.slice(i, i + 12).map(async ({ status, action, party }) => {
          const id = await referralInState(status, builder);
          const result = await transition(action, id, 1, tokens[party]);
          const spec = SPEC.find(([a, s, p]) => a === action && s === status && p === party);
          // A party gets FORBIDDEN where the step is the other party's; a receiver is no party to a draft.
          const effectiveParty = party === 'RECEIVER' && status === 'DRAFT' ? 'OTHER' : party;
          const othersStep = SPEC.some(([a, s, p]) => a === action && s === status && p !== party);
          const expected = spec ? `OK ${spec[3]}` : effectiveParty === 'OTHER' || othersStep ? 'FORBIDDEN' : 'INVALID_TRANSITION';
          const node = result.body.data ? Object.values(result.body.data)[0] : undefined;
          const actual = node ? `OK ${node.referral.status}` : String(errorCodes(result)[0]);
          if (spec && node) allowed++;
          if (actual !== expected) mismatches.push(`${status} ${action} by ${party}: expected ${expected}, got ${actual}`);
        }),
      );
    }
    expect(mismatches).toEqual([]);
    expect(allowed).toBe(48);
  });

  it('needs a reason to reject, and turns a stale version into CONFLICT before anything else', async () => {
    const c = await consentingClient();
    const r = await sendReferral(c);
    const noReason = await hub.graphql(
      `mutation($input: RejectReferralInput!) { rejectReferral(input: $input) { referral { id } } }`,
      { input: { id: r.id, expectedVersion: r.version } },
      { token: parties.receiver.token },
    );
    expect(errorCodes(noReason)).toEqual(['BAD_USER_INPUT']);
    const stale = await transition('ACCEPT', r.id, r.version + 1, parties.receiver.token);
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    const missing = await transition('ACCEPT', randomUUID(), 1, parties.receiver.token);
    expect(errorCodes(missing)).toEqual(['NOT_FOUND']);
  });
});

describe('concurrency and idempotency', () => {
  it('lets exactly one of 20 concurrent transitions win; the others get CONFLICT and leave no trace', async () => {
    const c = await consentingClient();
    const r = await sendReferral(c);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0 ? transition('ACCEPT', r.id, r.version, parties.receiver.token) : transition('REJECT', r.id, r.version, parties.receiver.token),
      ),
    );
    const winners = results.filter((x) => x.body.data && !x.body.errors);
    expect(winners).toHaveLength(1);
    expect(results.filter((x) => errorCodes(x)[0] === 'CONFLICT')).toHaveLength(19);
    const timeline = rowsOf<{ action: string }>(
      await hub.database.db.execute(sql`select action from referrals.referral_event where referral_id = ${r.id}::uuid`),
    );
    expect(timeline.map((t) => t.action).sort()).toEqual(['CREATE', winners[0]?.body.data?.acceptReferral ? 'ACCEPT' : 'REJECT'].sort());
    const events = (await findOutboxByTopic(hub.database.db, 'REFERRAL')).filter((e) => notificationOf(e.payload).referralId === r.id);
    expect(events).toHaveLength(2);
  });

  it('creates one referral when the same idempotency key is sent 20 times at once', async () => {
    const c = await consentingClient();
    const input = referralInput({ ...c, toOrganizationId: parties.receiver.organizationId });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => hub.graphql<{ createReferral: { referral: Referral } }>(CREATE_REFERRAL, { input }, { token: parties.sender.token })),
    );
    for (const r of results) expect(r.body.errors).toBeUndefined();
    const ids = new Set(results.map((r) => r.body.data?.createReferral.referral.id));
    expect(ids.size).toBe(1);
    const rows = rowsOf<{ n: number }>(
      await hub.database.db.execute(sql`select count(*)::int as n from referrals.referral where idempotency_key = ${input.idempotencyKey}`),
    );
    expect(Number(rows[0]?.n)).toBe(1);
    const reused = await hub.graphql(CREATE_REFERRAL, { input: { ...input, question: 'Iets anders.' } }, { token: parties.sender.token });
    expect(errorCodes(reused)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('outbox', () => {
  it('keeps no event of a transition whose transaction rolls back', async () => {
    const c = await consentingClient();
    const r = await sendReferral(c);
    const outboxBefore = await countOutbox();
    const before = rowsOf<Record<string, unknown>>(await hub.database.db.execute(sql`select * from referrals.referral where id = ${r.id}::uuid`));
    expect(before).toHaveLength(1);
    const { findReferralsByIds } = await import('../src/db/queries.ts');
    const [row] = await findReferralsByIds(hub.database.db, [r.id]);
    if (!row) throw new Error('referral missing');
    const actor = {
      kind: 'user' as const,
      subject: 'u',
      name: undefined,
      organizationId: parties.receiver.organizationId,
      organizationType: 'ZORGKANTOOR' as const,
      roles: ['ZORGBEMIDDELAAR' as const],
      gemeenteCode: undefined,
      zorgkantoorregio: undefined,
    };
    let wroteInside = 0;
    await expect(
      hub.database.db.transaction(async (tx) => {
        const updated = await writeTransition(tx, {
          referral: row,
          expectedVersion: row.version,
          action: 'ACCEPT',
          to: 'ACCEPTED',
          actor,
          party: 'RECEIVER',
          prepared: { changes: {} },
          meta: { requestId: 'r', traceId: '0'.repeat(32), traceparent: '' },
          now: new Date(),
        });
        expect(updated?.status).toBe('ACCEPTED');
        wroteInside = Number(rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from referrals.outbox`))[0]?.n);
        throw new Error('something later in the same transaction failed');
      }),
    ).rejects.toThrow('something later');
    expect(wroteInside).toBeGreaterThan(outboxBefore);
    expect(await countOutbox()).toBe(outboxBefore);
    const after = dataOf<{ referral: { status: string; version: number } }>(await hub.graphql(READ_REFERRAL, { id: r.id }, { token: parties.sender.token }));
    expect(after.referral).toMatchObject({ status: 'REQUESTED', version: r.version });
  });

  it('emits one de-identified gap event for a NO_CAPACITY rejection and none for NOT_ELIGIBLE', async () => {
    const c = await consentingClient();
    const r1 = await sendReferral(c);
    const r2 = await sendReferral(c);
    dataOf(await transition('REJECT', r1.id, r1.version, parties.receiver.token, { reason: 'NO_CAPACITY', note: 'Geen plek.' }));
    dataOf(await transition('REJECT', r2.id, r2.version, parties.receiver.token, { reason: 'NOT_ELIGIBLE' }));
    const gaps = (await findOutboxByTopic(hub.database.db, 'GAP')).map((g) => gapEventOf(g.payload));
    const mine = gaps.filter((g) => g.organizationId === parties.receiver.organizationId && g.kind === 'REJECTED');
    const fromR1 = mine.filter((g) => g.reason === 'NO_CAPACITY');
    expect(mine.map((g) => g.reason)).not.toContain('NOT_ELIGIBLE');
    expect(fromR1).toHaveLength(1);
    const event = fromR1.at(-1);
    expect(event).toMatchObject({
      kind: 'REJECTED',
      reason: 'NO_CAPACITY',
      gemeenteCode: 'GM0363',
      zorgkantoorregioCode: 'ZK02',
      legalDomain: 'WMO_MAATWERKVOORZIENING',
      targetGroup: 'ALLEENSTAANDE_OUDEREN',
      lifeDomain: 'ZORG_EN_ONDERSTEUNING',
      waitDays: 0,
    });
    const text = JSON.stringify(gaps);
    expect(text).not.toContain(c.clientId);
    expect(text).not.toContain('Geen plek');
    // Notifications carry ids and status only.
    const notes = JSON.stringify((await findOutboxByTopic(hub.database.db, 'REFERRAL')).map((e) => e.payload));
    expect(notes).not.toContain(c.clientId);
    expect(notes).not.toContain(SUMMARY.situation);
  });

  it('flags an overdue referral once, with one OVERDUE gap event, and lists it under filter { overdue: true }', async () => {
    const c = await consentingClient();
    const r = await sendReferral(c);
    await hub.database.db.execute(
      sql`update referrals.referral set respond_by = current_date - 3, sent_at = now() - interval '10 days' where id = ${r.id}::uuid`,
    );
    const relay = relayFor(hub);
    await relay.runOnce();
    await relay.runOnce();
    const overdueGaps = (await findOutboxByTopic(hub.database.db, 'GAP')).filter((g) => {
      const gap = gapEventOf(g.payload);
      return gap.kind === 'OVERDUE' && gap.organizationId === parties.receiver.organizationId && gap.waitDays === 10;
    });
    expect(overdueGaps).toHaveLength(1);
    const listed = dataOf<{
      referrals: { edges: { node: { id: string; overdue: boolean; daysInCurrentStatus: number; timeline: { nodes: { action: string }[] } } }[] };
    }>(
      await hub.graphql(
        `{ referrals(box: INBOX, filter: { overdue: true }, first: 100) { edges { node { id overdue daysInCurrentStatus timeline { nodes { action } } } } } }`,
        {},
        { token: parties.receiver.token },
      ),
    );
    const mine = listed.referrals.edges.find((e) => e.node.id === r.id);
    expect(mine?.node.overdue).toBe(true);
    // The hub records the deadline that passed and, once, the escalation to the receiver's coordinators.
    expect(mine?.node.timeline.nodes.map((t) => t.action)).toEqual(['CREATE', 'OVERDUE', 'ESCALATED']);
    expect(listed.referrals.edges.every((e) => e.node.overdue)).toBe(true);
  });

  it('delivers change access-log lines to the cases subgraph exactly once, however often the relay runs', async () => {
    const c = await consentingClient();
    const r = await sendReferral(c);
    dataOf(await transition('ACCEPT', r.id, r.version, parties.receiver.token));
    const relay = relayFor(hub);
    await relay.runOnce();
    await relay.runOnce();
    await hub.database.db.execute(sql`update referrals.outbox set delivered_at = null where topic = 'ACCESS_LOG'`);
    await relay.runOnce();
    const lines = (await accessLogOf(c.clientId)).filter((l) => l.action !== 'READ');
    expect(lines.map((l) => l.action)).toEqual(['CREATE', 'UPDATE']);
    expect(lines[1]?.organization.id).toBe(parties.receiver.organizationId);
  });
});

describe('closing the loop with the cases subgraph (contract 5)', () => {
  it('blocks closing the source trajectory until the handover is completed or released', async () => {
    const c = await consentingClient();
    const r = await sendReferral(c);
    const answer = await callInternalEndpoint<{ results: { trajectoryId: string; blocking: number }[] }>(hub, 'referrals', '/internal/open-handovers', {
      trajectoryIds: [c.trajectoryId, randomUUID()],
    });
    expect(answer.status).toBe(200);
    expect(answer.body.results.map((x) => x.blocking)).toEqual([1, 0]);
    const close = `mutation($id: ID!, $v: Int!) { closeTrajectory(input: { id: $id, expectedVersion: $v, reason: HANDED_OVER, outcomes: { selfReliance: [], ownNetworkUsed: true } }) { trajectory { id status } } }`;
    const refused = await hub.graphql(close, { id: c.trajectoryId, v: c.trajectoryVersion }, { token: parties.sender.token });
    expect(errorCodes(refused)).toEqual(['INVALID_TRANSITION']);
    const released = dataOf<{ releaseReferral: { referral: { blocksTrajectoryClose: boolean; releasedAt: string } } }>(
      await hub.graphql(
        `mutation($input: ReferralTransitionInput!) { releaseReferral(input: $input) { referral { blocksTrajectoryClose releasedAt } } }`,
        { input: { id: r.id, expectedVersion: r.version } },
        { token: parties.sender.token },
      ),
    );
    expect(released.releaseReferral.referral.blocksTrajectoryClose).toBe(false);
    const closed = dataOf<{ closeTrajectory: { trajectory: { status: string } } }>(
      await hub.graphql(close, { id: c.trajectoryId, v: c.trajectoryVersion }, { token: parties.sender.token }),
    );
    expect(closed.closeTrajectory.trajectory.status).toBe('CLOSED');
    const badBody = await callInternalEndpoint(hub, 'referrals', '/internal/open-handovers', { trajectoryIds: ['nope'] });
    expect(badBody.status).toBe(400);
  });
});

describe('inbox and outbox', () => {
  it('filters, sorts and pages without repeating or skipping, in a constant number of statements', async () => {
    const c = await consentingClient();
    const sent: Referral[] = [];
    for (let i = 0; i < 5; i++) sent.push(await sendReferral(c, { kind: i % 2 === 0 ? 'WMO_TO_WLZ' : 'OTHER' }));
    type Page = { referrals: { edges: { cursor: string; node: { id: string; kind: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const page = (after: string | null) =>
      hub.graphql<Page>(
        `query($after: String, $client: ID) { referrals(box: OUTBOX, filter: { clientId: $client }, sort: { field: SENT_AT, direction: ASC }, first: 2, after: $after) {
          edges { cursor node { id kind } } pageInfo { hasNextPage endCursor } } }`,
        { after, client: c.clientId },
        { token: parties.sender.token },
      );
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const p: Page = dataOf<Page>(await page(after));
      seen.push(...p.referrals.edges.map((e) => e.node.id));
      if (!p.referrals.pageInfo.hasNextPage) break;
      after = p.referrals.pageInfo.endCursor;
    }
    expect(seen).toEqual(sent.map((s) => s.id));

    const kinds = dataOf<{ referrals: { edges: { node: { kind: string } }[] } }>(
      await hub.graphql(
        `query($client: ID) { referrals(box: INBOX, filter: { clientId: $client, kinds: [OTHER] }) { edges { node { kind } } } }`,
        { client: c.clientId },
        { token: parties.receiver.token },
      ),
    );
    expect(kinds.referrals.edges).toHaveLength(2);
    const otherInbox = dataOf<{ referrals: { edges: unknown[] } }>(
      await hub.graphql(
        `query($client: ID) { referrals(box: INBOX, filter: { clientId: $client }) { edges { cursor } } }`,
        { client: c.clientId },
        { token: parties.other.token },
      ),
    );
    expect(otherInbox.referrals.edges).toHaveLength(0);

    const statements = async (first: number) => {
      const before = hub.database.stats.statements;
      dataOf(
        await hub.graphql(
          `query($client: ID, $first: Int) { referrals(box: INBOX, filter: { clientId: $client }, first: $first) { edges { node { id overdue timeline { nodes { action } } handoverSummary { risks } } } } }`,
          { client: c.clientId, first },
          { token: parties.receiver.token },
        ),
      );
      return hub.database.stats.statements - before;
    };
    expect(await statements(5)).toBe(await statements(1));
    const bad = await hub.graphql(`{ referrals(box: INBOX, after: "bm9wZQ") { edges { cursor } } }`, {}, { token: parties.receiver.token });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('the timeline', () => {
  it('pages every change oldest first, with the whole count; a cursor of another referral is refused', async () => {
    const c = await consentingClient();
    const r = await sendReferral(c);
    let version = r.version;
    const step = async (mutation: string, inputType: string, token: string) => {
      const changed = dataOf<Record<string, { referral: { version: number } }>>(
        await hub.graphql(
          `mutation($input: ${inputType}!) { ${mutation}(input: $input) { referral { version } } }`,
          { input: { id: r.id, expectedVersion: version } },
          { token },
        ),
      );
      version = changed[mutation]?.referral.version ?? 0;
    };
    await step('acceptReferral', 'AcceptReferralInput', parties.receiver.token);
    await step('startReferral', 'ReferralTransitionInput', parties.receiver.token);
    await step('holdReferral', 'ReferralTransitionInput', parties.receiver.token);
    await step('resumeReferral', 'ReferralTransitionInput', parties.receiver.token);

    type Timeline = {
      referral: {
        timeline: {
          totalCount: number;
          edges: { cursor: string; node: { action: string; version: number } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      };
    };
    const TIMELINE = `query($id: ID!, $first: Int, $after: String) { referral(id: $id) {
      timeline(first: $first, after: $after) { totalCount edges { cursor node { action version } } pageInfo { hasNextPage endCursor } }
    } }`;
    const page = (token: string, after?: string | null) => hub.graphql<Timeline>(TIMELINE, { id: r.id, first: 2, after }, { token });
    const actions: string[] = [];
    let after: string | null = null;
    for (const hasNextPage of [true, true, false]) {
      const timeline: Timeline['referral']['timeline'] = dataOf<Timeline>(await page(parties.sender.token, after)).referral.timeline;
      expect(timeline.totalCount).toBe(5);
      expect(timeline.pageInfo.hasNextPage).toBe(hasNextPage);
      actions.push(...timeline.edges.map((e) => e.node.action));
      after = timeline.pageInfo.endCursor;
    }
    expect(actions).toEqual(['CREATE', 'ACCEPT', 'START', 'HOLD', 'RESUME']);
    // The receiver reads the same timeline; an organisation that is no party gets no referral at all.
    expect(dataOf<Timeline>(await page(parties.receiver.token)).referral.timeline.totalCount).toBe(5);
    expect(dataOf<{ referral: null }>(await page(parties.other.token)).referral).toBeNull();

    const another = await sendReferral(await consentingClient());
    const foreign = dataOf<Timeline>(await hub.graphql<Timeline>(TIMELINE, { id: another.id, first: 1 }, { token: parties.sender.token })).referral.timeline;
    const refused = await page(parties.sender.token, foreign.edges[0]?.cursor);
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await hub.graphql(TIMELINE, { id: r.id, first: 0 }, { token: parties.sender.token }))).toEqual(['BAD_USER_INPUT']);
  });
});
