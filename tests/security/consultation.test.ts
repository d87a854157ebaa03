import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type GraphQLResult, type TestHub } from '@hub/testing';
import { errorCodes, party, type Party } from '../../subgraphs/signals/test/builders.ts';
import {
  ANSWER,
  ASK,
  ask,
  CLOSE,
  consultationParties,
  countConsultations,
  INBOX,
  OUTBOX,
  QUESTION,
  READ,
  WITHDRAW,
  type ConsultationData,
  type PageData,
} from '../../subgraphs/signals/test/consultation-builders.ts';

/**
 * Consultation without handover: a question from one organisation to another's cliëntondersteuners. The promises:
 * only the two parties read it, and a third organisation cannot tell it from an id that does not exist; each party
 * does only its own moves; question and answer carry no personal data (refused by the privacy guard, nothing stored,
 * nothing in a log); only professionals with a care role take part; nobody reaches the subgraph past the gateway.
 * Every attack is sent through the gateway and, where that is the attack, straight at the signals subgraph.
 */

let hub: TestHub;
let asker: Party;
let adviser: Party;
let consultationId: string;
beforeAll(async () => {
  hub = await startTestHub({ captureLogs: true });
  ({ asker, adviser } = await consultationParties(hub));
  consultationId = (await ask(hub, asker, adviser.organizationId)).id;
});
afterAll(async () => {
  await hub?.stop();
});

type Route = 'gateway' | 'subgraph';
const ROUTES: Route[] = ['gateway', 'subgraph'];
/** Through the gateway, or straight at the signals subgraph with the gateway's secret, as a caller who got hold of it. */
function send<T = unknown>(route: Route, query: string, variables: Record<string, unknown>, token: string): Promise<GraphQLResult<T>> {
  return route === 'gateway'
    ? hub.graphql<T>(query, variables, { token })
    : hub.directSubgraphRequest<T>('signals', query, { secret: hub.subgraphSecrets.signals, token, variables });
}

const read = (route: Route, id: string, token: string) => send<{ consultation: ConsultationData | null }>(route, READ, { id }, token);
const stateOf = async () => (await read('gateway', consultationId, asker.token)).body.data?.consultation;

describe('a third organisation', () => {
  let outsider: Party;
  beforeAll(async () => {
    // Another OCO's cliëntondersteuner with every care role: the roles are right, the organisation is not.
    outsider = await party(hub, { organizationType: 'OCO', roles: ['CLIENTONDERSTEUNER', 'TOEGANG', 'ZORGBEMIDDELAAR'] });
  });

  it.each(ROUTES)('reads null for the consultation, exactly as for an id that does not exist (%s)', async (route) => {
    const real = await read(route, consultationId, outsider.token);
    const unknown = await read(route, randomUUID(), outsider.token);
    expect(real.body).toEqual({ data: { consultation: null } });
    expect(unknown.body).toEqual(real.body);
  });

  it.each(ROUTES)('gets NOT_FOUND for every move, with the same message as for an unknown id (%s)', async (route) => {
    const moves: [string, Record<string, unknown>][] = [
      [ANSWER, { answer: 'Mijn advies', expectedVersion: 1 }],
      [CLOSE, { expectedVersion: 1 }],
      [WITHDRAW, { expectedVersion: 1 }],
    ];
    for (const [mutation, input] of moves) {
      const real = await send(route, mutation, { input: { id: consultationId, ...input } }, outsider.token);
      const unknown = await send(route, mutation, { input: { id: randomUUID(), ...input } }, outsider.token);
      expect(errorCodes(real)).toEqual(['NOT_FOUND']);
      expect(real.body.errors?.[0]?.message).toBe(unknown.body.errors?.[0]?.message);
      // A wrong version does not tell it apart either: the party check comes before the version check.
      const stale = await send(route, mutation, { input: { id: consultationId, ...input, expectedVersion: 9 } }, outsider.token);
      expect(errorCodes(stale)).toEqual(['NOT_FOUND']);
    }
    expect(await stateOf()).toMatchObject({ status: 'OPEN', version: 1, answer: null });
  });

  it('does not find it in its own inbox or outbox', async () => {
    const inbox = await hub.graphql<{ consultationInbox: PageData }>(INBOX, { first: 100 }, { token: outsider.token });
    const outbox = await hub.graphql<{ consultationOutbox: PageData }>(OUTBOX, { first: 100 }, { token: outsider.token });
    expect(inbox.body.data?.consultationInbox.totalCount).toBe(0);
    expect(outbox.body.data?.consultationOutbox.totalCount).toBe(0);
  });

  it('cannot walk the inbox of the addressee with one of its cursors', async () => {
    const page = await hub.graphql<{ consultationInbox: PageData }>(INBOX, { first: 1 }, { token: adviser.token });
    const cursor = page.body.data?.consultationInbox.edges[0]?.cursor;
    expect(cursor).toBeTruthy();
    const r = await hub.graphql<{ consultationInbox: PageData }>(INBOX, { after: cursor }, { token: outsider.token });
    expect(r.body.data?.consultationInbox.nodes).toEqual([]);
  });

  it('a colleague of the addressee without the cliëntondersteuner role does not read or answer it', async () => {
    const toegang = await party(hub, { organizationId: adviser.organizationId, organizationType: 'OCO', roles: ['TOEGANG'] });
    expect((await read('gateway', consultationId, toegang.token)).body.data?.consultation).toBeNull();
    expect(errorCodes(await hub.graphql(ANSWER, { input: { id: consultationId, answer: 'Advies', expectedVersion: 1 } }, { token: toegang.token }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(errorCodes(await hub.graphql(INBOX, {}, { token: toegang.token }))).toEqual(['FORBIDDEN']);
  });
});

describe('the wrong party', () => {
  it.each(ROUTES)('the asker cannot answer and the addressee cannot close or withdraw: FORBIDDEN, nothing changes (%s)', async (route) => {
    expect(errorCodes(await send(route, ANSWER, { input: { id: consultationId, answer: 'Zelf bedacht', expectedVersion: 1 } }, asker.token))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await send(route, WITHDRAW, { input: { id: consultationId, expectedVersion: 1 } }, adviser.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await send(route, CLOSE, { input: { id: consultationId, expectedVersion: 1 } }, adviser.token))).toEqual(['FORBIDDEN']);
    expect(await stateOf()).toMatchObject({ status: 'OPEN', version: 1, answer: null, endedAt: null });
  });
});

describe('personal data in the question or the answer', () => {
  /** [what, the text, the data that must not come back or be logged, the kind the guard names] */
  const PERSONAL: [string, string, string, string][] = [
    ['a BSN', 'Cliënt met BSN 123456782 wacht op een indicatie, wat kan ik doen?', '123456782', 'BSN'],
    [
      'a name with an address',
      'Jan de Boer, Stationsstraat 12, 1234 AB Utrecht, heeft geen dagbesteding meer. Wat raadt u aan?',
      'Stationsstraat 12, 1234 AB',
      'POSTCODE_WITH_HOUSE_NUMBER',
    ],
    ['a phone number', 'Kunt u de dochter terugbellen op 06-12345678 over de logeeropvang?', '06-12345678', 'PHONE'],
  ];

  it.each(ROUTES.flatMap((route) => PERSONAL.map(([what, text, data, kind]) => [route, what, text, data, kind] as const)))(
    '%s: a question with %s is refused with the guard’s code and nothing is stored',
    async (route, _what, text, data, kind) => {
      const before = await countConsultations(hub);
      const r = await send(route, ASK, { input: { toOrganizationId: adviser.organizationId, question: text } }, asker.token);
      expect(errorCodes(r)).toEqual(['BAD_USER_INPUT']);
      expect(r.body.errors?.[0]?.extensions).toMatchObject({ field: 'input.question', personalData: kind });
      expect(r.body.errors?.[0]?.message).toMatch(/personal data/);
      expect(JSON.stringify(r.body)).not.toContain(data);
      expect(await countConsultations(hub)).toBe(before);
      expect(hub.logText()).not.toContain(data);
    },
  );

  it.each(ROUTES.flatMap((route) => PERSONAL.map(([what, text, data, kind]) => [route, what, text, data, kind] as const)))(
    '%s: an answer with %s is refused with the guard’s code and the consultation stays open',
    async (route, _what, text, data, kind) => {
      const r = await send(route, ANSWER, { input: { id: consultationId, answer: text, expectedVersion: 1 } }, adviser.token);
      expect(errorCodes(r)).toEqual(['BAD_USER_INPUT']);
      expect(r.body.errors?.[0]?.extensions).toMatchObject({ field: 'input.answer', personalData: kind });
      expect(JSON.stringify(r.body)).not.toContain(data);
      expect(await stateOf()).toMatchObject({ status: 'OPEN', version: 1, answer: null });
      expect(hub.logText()).not.toContain(data);
    },
  );
});

describe('logs', () => {
  it('hold neither the question nor the answer: free text stays in the table', async () => {
    const { asker: a, adviser: b } = await consultationParties(hub);
    const c = await ask(hub, a, b.organizationId);
    const answer = 'Vraag de gemeente om een gesprek over kortdurend verblijf en neem de mantelzorger mee.';
    const r = await hub.graphql(ANSWER, { input: { id: c.id, answer, expectedVersion: 1 } }, { token: b.token });
    expect(errorCodes(r)).toEqual([]);
    const logs = hub.logText();
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain(QUESTION);
    expect(logs).not.toContain(answer);
  });
});

describe('callers without a care role', () => {
  const callers: [string, () => Promise<string>][] = [
    ['a client', () => hub.clientTokenFor({ bsn: '123456782', name: 'Test Cliënt' })],
    ['a beheerder of the addressee', () => hub.tokenFor({ organizationId: adviser.organizationId, organizationType: 'OCO', roles: ['BEHEERDER'] })],
    ['an overlegtafel member only', () => hub.tokenFor({ organizationType: 'ZORGKANTOOR', roles: ['OVERLEGTAFEL'], zorgkantoorregio: 'ZK22' })],
    ['a privacy officer of the asker', () => hub.tokenFor({ organizationId: asker.organizationId, organizationType: 'GEMEENTE', roles: ['PRIVACY_OFFICER'] })],
  ];

  it.each(ROUTES.flatMap((route) => callers.map(([who, token]) => [route, who, token] as const)))(
    '%s: %s is refused every consultation operation, and nothing changes',
    async (route, _who, tokenOf) => {
      const token = await tokenOf();
      const before = await countConsultations(hub);
      const operations: [string, Record<string, unknown>][] = [
        [ASK, { input: { toOrganizationId: adviser.organizationId, question: QUESTION } }],
        [ANSWER, { input: { id: consultationId, answer: 'Advies', expectedVersion: 1 } }],
        [CLOSE, { input: { id: consultationId, expectedVersion: 1 } }],
        [WITHDRAW, { input: { id: consultationId, expectedVersion: 1 } }],
        [READ, { id: consultationId }],
        [INBOX, {}],
        [OUTBOX, {}],
        ['query { consultationFigures(period: "2026-Q1") { asked { value } } }', {}],
      ];
      for (const [operation, variables] of operations) {
        const r = await send(route, operation, variables, token);
        expect(errorCodes(r), operation.slice(0, 40)).toEqual(['FORBIDDEN']);
        expect(JSON.stringify(r.body)).not.toContain(QUESTION);
      }
      expect(await countConsultations(hub)).toBe(before);
      expect(await stateOf()).toMatchObject({ status: 'OPEN', version: 1 });
    },
  );

  it('anonymous callers are UNAUTHENTICATED', async () => {
    const r = await hub.graphql(READ, { id: consultationId });
    expect(errorCodes(r)).toContain('UNAUTHENTICATED');
    expect(JSON.stringify(r.body)).not.toContain(QUESTION);
  });
});

describe('past the gateway', () => {
  it('straight at the signals subgraph without the gateway secret, or with a wrong one, the parties themselves are refused', async () => {
    const before = await countConsultations(hub);
    for (const secret of [undefined, randomUUID()]) {
      const readBack = await hub.directSubgraphRequest('signals', READ, { secret, token: asker.token, variables: { id: consultationId } });
      expect(readBack.status).toBeGreaterThanOrEqual(400);
      expect(JSON.stringify(readBack.body)).not.toContain(QUESTION);
      const asked = await hub.directSubgraphRequest('signals', ASK, {
        secret,
        token: asker.token,
        variables: { input: { toOrganizationId: adviser.organizationId, question: QUESTION } },
      });
      expect(asked.status).toBeGreaterThanOrEqual(400);
      const answered = await hub.directSubgraphRequest('signals', ANSWER, {
        secret,
        token: adviser.token,
        variables: { input: { id: consultationId, answer: 'Advies', expectedVersion: 1 } },
      });
      expect(answered.status).toBeGreaterThanOrEqual(400);
    }
    expect(await countConsultations(hub)).toBe(before);
    expect(await stateOf()).toMatchObject({ status: 'OPEN', version: 1 });
  });

  it('the organisation-facts endpoint of the sociale kaart refuses a caller without the internal secret', async () => {
    const res = await fetch(new URL('/internal/organization-facts', hub.subgraphUrls['sociale-kaart']), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ organizationIds: [adviser.organizationId] }),
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await res.text()).not.toContain('"exists":true');
  });
});
