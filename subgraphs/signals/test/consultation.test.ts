import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganization, startTestHub, type GraphQLResult, type TestHub } from '@hub/testing';
import { dataOf, errorCodes, party, statementsPerSubgraph } from './builders.ts';
import {
  ANSWER,
  ask,
  CLOSE,
  consultationParties,
  countConsultations,
  INBOX,
  insertConsultations,
  OUTBOX,
  QUESTION,
  READ,
  WITHDRAW,
  type ConsultationData,
  type PageData,
} from './consultation-builders.ts';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ captureLogs: true });
});
afterAll(async () => {
  await hub?.stop();
});

type Moved = Record<string, { consultation: ConsultationData }>;

describe('asking and reading back', () => {
  it('stores the question for the asker and the addressee, with no client anywhere', async () => {
    const { asker, adviser } = await consultationParties(hub);
    const asked = await ask(hub, asker, adviser.organizationId, {
      lifeDomains: ['WONEN', 'ZORG_EN_ONDERSTEUNING', 'WONEN'],
      targetGroup: 'LICHTE_VERSTANDELIJKE_BEPERKING',
      legalDomain: 'WMO_MAATWERKVOORZIENING',
    });
    expect(asked).toMatchObject({
      status: 'OPEN',
      version: 1,
      askedByYou: true,
      question: QUESTION,
      lifeDomains: ['WONEN', 'ZORG_EN_ONDERSTEUNING'],
      targetGroup: 'LICHTE_VERSTANDELIJKE_BEPERKING',
      legalDomain: 'WMO_MAATWERKVOORZIENING',
      answer: null,
      answeredAt: null,
      endedAt: null,
      fromOrganization: { id: asker.organizationId },
      toOrganization: { id: adviser.organizationId },
    });
    const asAdviser = dataOf<{ consultation: ConsultationData }>(await hub.graphql(READ, { id: asked.id }, { token: adviser.token })).consultation;
    expect(asAdviser).toMatchObject({ id: asked.id, askedByYou: false, question: QUESTION });
    // Names come from the sociale kaart through the gateway.
    const named = await hub.graphql<{ consultation: { fromOrganization: { name: string; type: string }; toOrganization: { type: string } } }>(
      `query($id: ID!) { consultation(id: $id) { fromOrganization { name type } toOrganization { type } } }`,
      { id: asked.id },
      { token: adviser.token },
    );
    expect(dataOf(named).consultation).toMatchObject({ fromOrganization: { type: 'GEMEENTE' }, toOrganization: { type: 'OCO' } });
    expect(dataOf(named).consultation.fromOrganization.name).toMatch(/^Testorganisatie/);
    // The table has no column for a client, and the graph no field for one.
    const columns = await hub.database.db.execute(
      `select column_name from information_schema.columns where table_schema = 'signals' and table_name = 'consultation' and column_name like '%client%'`,
    );
    expect(JSON.stringify(columns)).not.toMatch(/client/);
    const fields = dataOf<{ __type: { fields: { name: string }[] } }>(
      await hub.graphql(`{ __type(name: "Consultation") { fields { name } } }`, undefined, { token: asker.token }),
    ).__type.fields.map((f) => f.name);
    expect(fields.filter((f) => /client/i.test(f))).toEqual([]);
  });

  it('accepts a gemeente and a zorgkantoor as addressee, and refuses other organisations and bad input, storing nothing', async () => {
    for (const type of ['GEMEENTE', 'ZORGKANTOOR'] as const) {
      const { asker, adviser } = await consultationParties(hub, type);
      expect((await ask(hub, asker, adviser.organizationId)).status).toBe('OPEN');
    }
    const { asker } = await consultationParties(hub);
    const provider = await buildOrganization(hub, { type: 'ZORGAANBIEDER' });
    const cases: [string, Record<string, unknown>, string][] = [
      ['an organisation not in the sociale kaart', { toOrganizationId: randomUUID() }, 'input.toOrganizationId'],
      ['a care provider (no cliëntondersteuning)', { toOrganizationId: provider.id }, 'input.toOrganizationId'],
      ['its own organisation', { toOrganizationId: asker.organizationId }, 'input.toOrganizationId'],
      ['not a UUID', { toOrganizationId: 'oco-1' }, 'input.toOrganizationId'],
      ['a question that is too short', { toOrganizationId: provider.id, question: 'Hulp?' }, 'input.question'],
      ['a question that is too long', { toOrganizationId: provider.id, question: 'x'.repeat(4001) }, 'input.question'],
      ['a question of one word', { toOrganizationId: provider.id, question: 'Dagbestedingsvraag-voor-een-jongere' }, 'input.question'],
      ['a question of two words', { toOrganizationId: provider.id, question: 'Logeeropvang jongere-met-beperking?' }, 'input.question'],
    ];
    for (const [what, input, field] of cases) {
      const r = await hub.graphql(
        'mutation($input: AskConsultationInput!) { askConsultation(input: $input) { consultation { id } } }',
        {
          input: { question: QUESTION, ...input },
        },
        { token: asker.token },
      );
      expect(errorCodes(r), what).toEqual(['BAD_USER_INPUT']);
      expect(r.body.errors?.[0]?.extensions?.field, what).toBe(field);
    }
    expect(await countConsultations(hub, asker.organizationId)).toBe(0);
  });
});

describe('states', () => {
  it('OPEN → ANSWERED → CLOSED; stale versions are CONFLICT, other moves INVALID_TRANSITION or FORBIDDEN, and change nothing', async () => {
    const { asker, adviser } = await consultationParties(hub);
    const c = await ask(hub, asker, adviser.organizationId);
    const answer = 'Bij ons kan dat via de logeervoorziening van de Wmo; vraag de toegang naar een kortdurend verblijf.';

    const stale = await hub.graphql(ANSWER, { input: { id: c.id, answer, expectedVersion: 2 } }, { token: adviser.token });
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    const byAsker = await hub.graphql(ANSWER, { input: { id: c.id, answer, expectedVersion: 1 } }, { token: asker.token });
    expect(errorCodes(byAsker)).toEqual(['FORBIDDEN']);
    const closedTooEarly = await hub.graphql(CLOSE, { input: { id: c.id, expectedVersion: 1 } }, { token: asker.token });
    expect(errorCodes(closedTooEarly)).toEqual(['INVALID_TRANSITION']);
    const read = async (token: string) => dataOf<{ consultation: ConsultationData }>(await hub.graphql(READ, { id: c.id }, { token })).consultation;
    expect(await read(asker.token)).toMatchObject({ status: 'OPEN', version: 1, answer: null });

    const answered = dataOf<Moved>(await hub.graphql(ANSWER, { input: { id: c.id, answer, expectedVersion: 1 } }, { token: adviser.token })).answerConsultation
      ?.consultation;
    expect(answered).toMatchObject({ status: 'ANSWERED', version: 2, answer });
    expect(answered?.answeredAt).not.toBeNull();
    // The asker sees the answer.
    expect(await read(asker.token)).toMatchObject({ status: 'ANSWERED', answer });

    const again = await hub.graphql(ANSWER, { input: { id: c.id, answer: 'Nog iets', expectedVersion: 2 } }, { token: adviser.token });
    expect(errorCodes(again)).toEqual(['INVALID_TRANSITION']);
    const withdrawAnswered = await hub.graphql(WITHDRAW, { input: { id: c.id, expectedVersion: 2 } }, { token: asker.token });
    expect(errorCodes(withdrawAnswered)).toEqual(['INVALID_TRANSITION']);
    const closeByAdviser = await hub.graphql(CLOSE, { input: { id: c.id, expectedVersion: 2 } }, { token: adviser.token });
    expect(errorCodes(closeByAdviser)).toEqual(['FORBIDDEN']);

    const closed = dataOf<Moved>(await hub.graphql(CLOSE, { input: { id: c.id, expectedVersion: 2 } }, { token: asker.token })).closeConsultation?.consultation;
    expect(closed).toMatchObject({ status: 'CLOSED', version: 3, answer });
    expect(closed?.endedAt).not.toBeNull();
  });

  it('OPEN → WITHDRAWN by the asker; a withdrawn consultation takes no answer', async () => {
    const { asker, adviser } = await consultationParties(hub);
    const c = await ask(hub, asker, adviser.organizationId);
    const byAdviser = await hub.graphql(WITHDRAW, { input: { id: c.id, expectedVersion: 1 } }, { token: adviser.token });
    expect(errorCodes(byAdviser)).toEqual(['FORBIDDEN']);
    const withdrawn = dataOf<Moved>(await hub.graphql(WITHDRAW, { input: { id: c.id, expectedVersion: 1 } }, { token: asker.token })).withdrawConsultation
      ?.consultation;
    expect(withdrawn).toMatchObject({ status: 'WITHDRAWN', version: 2, answer: null });
    const late = await hub.graphql(ANSWER, { input: { id: c.id, answer: 'Te laat', expectedVersion: 2 } }, { token: adviser.token });
    expect(errorCodes(late)).toEqual(['INVALID_TRANSITION']);
  });

  it('of two concurrent answers with the same version exactly one wins', async () => {
    const { asker, adviser } = await consultationParties(hub);
    const colleague = await party(hub, { organizationId: adviser.organizationId, organizationType: 'OCO', roles: ['CLIENTONDERSTEUNER'] });
    const c = await ask(hub, asker, adviser.organizationId);
    const results = await Promise.all(
      [adviser, colleague].map((who, i) => hub.graphql(ANSWER, { input: { id: c.id, answer: `Advies ${i}`, expectedVersion: 1 } }, { token: who.token })),
    );
    expect(results.map((r) => errorCodes(r)[0] ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    const stored = dataOf<{ consultation: ConsultationData }>(await hub.graphql(READ, { id: c.id }, { token: asker.token })).consultation;
    expect(stored).toMatchObject({ status: 'ANSWERED', version: 2 });
  });
});

describe('inbox and outbox', () => {
  it('pages newest first with a total, filters by state, and keeps each organisation to its own lists', async () => {
    const { asker, adviser } = await consultationParties(hub);
    const other = await consultationParties(hub);
    await insertConsultations(hub, { from: asker.organizationId, to: adviser.organizationId, n: 23, label: 'Vraag' });
    await insertConsultations(hub, {
      from: asker.organizationId,
      to: adviser.organizationId,
      n: 2,
      label: 'Beantwoord',
      start: new Date(Date.UTC(2025, 11, 1, 9)),
      answeredAfterMs: 86_400_000,
    });
    await insertConsultations(hub, { from: other.asker.organizationId, to: other.adviser.organizationId, n: 3, label: 'Elders' });

    const pages: PageData[] = [];
    let after: string | null = null;
    do {
      const r: GraphQLResult<{ consultationInbox: PageData }> = await hub.graphql(INBOX, { first: 10, after }, { token: adviser.token });
      const page: PageData = dataOf(r).consultationInbox;
      pages.push(page);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(pages.map((p) => p.nodes.length)).toEqual([10, 10, 5]);
    expect(pages.map((p) => p.totalCount)).toEqual([25, 25, 25]);
    const questions = pages.flatMap((p) => p.nodes.map((n) => n.question));
    expect(questions).toEqual([...Array.from({ length: 23 }, (_, i) => `Vraag ${String(22 - i).padStart(2, '0')}`), 'Beantwoord 01', 'Beantwoord 00']);

    const answered = dataOf<{ consultationInbox: PageData }>(await hub.graphql(INBOX, { status: 'ANSWERED' }, { token: adviser.token })).consultationInbox;
    expect(answered.totalCount).toBe(2);
    expect(answered.nodes.map((n) => n.question)).toEqual(['Beantwoord 01', 'Beantwoord 00']);
    const open = dataOf<{ consultationInbox: PageData }>(await hub.graphql(INBOX, { status: 'OPEN', first: 1 }, { token: adviser.token })).consultationInbox;
    expect(open).toMatchObject({ totalCount: 23, nodes: [{ question: 'Vraag 22' }], pageInfo: { hasNextPage: true } });

    const outbox = dataOf<{ consultationOutbox: PageData }>(await hub.graphql(OUTBOX, { first: 100 }, { token: asker.token })).consultationOutbox;
    expect(outbox.totalCount).toBe(25);
    expect(outbox.nodes.every((n) => n.askedByYou && n.toOrganization.id === adviser.organizationId)).toBe(true);
    // The addressee's outbox and the asker's inbox are empty: the lists are per side.
    expect(dataOf<{ consultationOutbox: PageData }>(await hub.graphql(OUTBOX, {}, { token: adviser.token })).consultationOutbox.totalCount).toBe(0);
    const askerInbox = await hub.graphql(INBOX, {}, { token: asker.token });
    expect(errorCodes(askerInbox)).toEqual(['FORBIDDEN']); // a toegang professional has no inbox

    // Page sizes: served at most 100, below 1 refused; a cursor that is not one is refused.
    expect(errorCodes(await hub.graphql(INBOX, { first: 0 }, { token: adviser.token }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await hub.graphql(INBOX, { after: 'bm9wZQ' }, { token: adviser.token }))).toEqual(['BAD_USER_INPUT']);
    const capped = dataOf<{ consultationInbox: PageData }>(await hub.graphql(INBOX, { first: 1000 }, { token: adviser.token })).consultationInbox;
    expect(capped.nodes).toHaveLength(25);
  });

  it('costs the same statements for a page of 1 as for a page of 30', async () => {
    const { asker, adviser } = await consultationParties(hub);
    await insertConsultations(hub, { from: asker.organizationId, to: adviser.organizationId, n: 30, label: 'Vraag' });
    const LIST = `query($first: Int) { consultationInbox(first: $first) { totalCount nodes { id question status askedByYou fromOrganization { id name } toOrganization { id name } } } }`;
    const statementsFor = async (first: number) => {
      const r = await hub.graphql<{ consultationInbox: { nodes: unknown[] } }>(LIST, { first }, { token: adviser.token });
      expect(dataOf(r).consultationInbox.nodes).toHaveLength(first);
      return statementsPerSubgraph(hub, r.headers.get('x-request-id') ?? '');
    };
    // The sociale kaart catches up with the organisations built above at its first request (once per change, not per
    // operation): that happens before counting.
    dataOf(await hub.graphql(`{ gemeente(code: "GM0363") { code } }`));
    const small = await statementsFor(1);
    const large = await statementsFor(30);
    expect(large).toEqual(small);
    // The page and its count (2); the organisations' names in one batch from the sociale kaart.
    expect(small.signals).toBe(2);
  });
});

describe('figures', () => {
  it('counts asked, received and answered per period, withholds 1–4, and gives the median in working days', async () => {
    const { asker, adviser } = await consultationParties(hub);
    const day = 86_400_000;
    // 2026-Q1: 6 received, 5 of them answered two working days later (Monday 5 → Wednesday 7 January); 3 asked.
    await insertConsultations(hub, { from: asker.organizationId, to: adviser.organizationId, n: 5, label: 'Q1', answeredAfterMs: 2 * day });
    await insertConsultations(hub, { from: asker.organizationId, to: adviser.organizationId, n: 1, label: 'Q1 open' });
    const third = await buildOrganization(hub, { type: 'OCO' });
    await insertConsultations(hub, { from: adviser.organizationId, to: third.id, n: 3, label: 'Zelf gevraagd' });
    // 2025-Q4: asked on Wednesday 24 December, answered on Monday 29 December: Christmas and a weekend lie between, one working day.
    await insertConsultations(hub, {
      from: asker.organizationId,
      to: adviser.organizationId,
      n: 5,
      label: 'Kerst',
      start: new Date(Date.UTC(2025, 11, 24, 9)),
      answeredAfterMs: 5 * day,
    });
    const FIGURES = `query($period: String!) { consultationFigures(period: $period) {
      period startsOn endsOn medianWorkingDaysToAnswer
      asked { value withheld display } received { value withheld display } answered { value withheld display } } }`;
    type Count = { value: number | null; withheld: boolean; display: string };
    type Figures = { consultationFigures: { period: string; asked: Count; received: Count; answered: Count; medianWorkingDaysToAnswer: number | null } };
    const figures = async (period: string, token = adviser.token) => dataOf<Figures>(await hub.graphql(FIGURES, { period }, { token })).consultationFigures;

    expect(await figures('2026-Q1')).toMatchObject({
      period: '2026-Q1',
      asked: { value: null, withheld: true, display: 'withheld' },
      received: { value: 6, withheld: false },
      answered: { value: 5, withheld: false },
      medianWorkingDaysToAnswer: 2,
    });
    expect(await figures('2026-01')).toMatchObject({ received: { value: 6 }, answered: { value: 5 } });
    expect(await figures('2025-Q4')).toMatchObject({ received: { value: 5 }, answered: { value: 5 }, medianWorkingDaysToAnswer: 1 });
    expect(await figures('2026-Q2')).toMatchObject({
      asked: { value: 0, withheld: false, display: '0' },
      received: { value: 0 },
      answered: { value: 0 },
      medianWorkingDaysToAnswer: null,
    });
    // The asker: 11 asked in the two quarters, nothing received.
    expect(await figures('2026-Q1', asker.token)).toMatchObject({ asked: { value: 6 }, received: { value: 0 } });
    // Fewer than 5 answered: no median either.
    expect((await figures('2026-Q1', (await consultationParties(hub)).adviser.token)).medianWorkingDaysToAnswer).toBeNull();
    const bad = await hub.graphql(FIGURES, { period: '2026-13' }, { token: adviser.token });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.body.errors?.[0]?.extensions?.field).toBe('period');
  });
});
