import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, sql } from '@hub/db';
import { startTestHub, type GraphQLResult, type TestHub } from '@hub/testing';

/**
 * The privacy guard on every free text the signals subgraph stores, attacked with personal data hidden by Unicode
 * tricks (zero-width characters, full-width and Arabic-Indic digits, a full-width @, word joiners, dates without
 * separators, English ordinal dates). Each mutation is sent through the gateway and straight at the subgraph with
 * the gateway's secret, as a caller who got hold of it would. The promise: BAD_USER_INPUT naming the field,
 * nothing stored, and neither the text nor the data it hides in the response or in any log line.
 */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ captureLogs: true });
});
afterAll(async () => {
  await hub?.stop();
});

const REGION = 'ZK09';
const GEMEENTE = 'GM0014'; // lies in ZK09

/** [what is hidden, the text, the data as a reader sees it (which must not leak either)] */
const HIDDEN: [string, string, string][] = [
  ['a BSN split by zero-width spaces', 'cliënt 1\u200b2\u200b3\u200b4\u200b5\u200b6\u200b7\u200b8\u200b2 wacht al lang', '123456782'],
  ['a BSN in Arabic-Indic digits', 'bsn \u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0662', '123456782'],
  ['an e-mail address with a full-width @', 'mail jan.jansen\uff20example.nl voor info', 'jan.jansen@example.nl'],
  ['a phone number in full-width digits', 'bel \uff10\uff16\uff0d\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18', '06-12345678'],
  ['a postcode and house number joined by word joiners', 'woont op 7511\u2060JK huisnr\u00a03', '7511JK'],
  ['a date of birth without separators, split by zero-width joiners', 'cliënt (1\u200d2\u200d0\u200d3\u200d1956) wacht op een plek', '12031956'],
  ['an English ordinal date of birth', 'born on the 3rd of March 1950', '3rd of March 1950'],
];

type Errors = GraphQLResult<unknown>['body']['errors'];

function expectRefused(result: GraphQLResult<unknown>, field: string, text: string, data: string): void {
  const errors: Errors = result.body.errors;
  expect(errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  expect(errors?.[0]?.extensions?.field).toBe(field);
  expect(errors?.[0]?.message).toMatch(/personal data/);
  // The kind found, as a code a form can put in its own words.
  expect(['BSN', 'EMAIL', 'PHONE', 'POSTCODE_WITH_HOUSE_NUMBER', 'DATE']).toContain(errors?.[0]?.extensions?.personalData);
  const body = JSON.stringify(result.body);
  expect(body).not.toContain(JSON.stringify(text).slice(1, -1));
  expect(body).not.toContain(data);
}

function expectNotLogged(text: string, data: string): void {
  const logs = hub.logText();
  expect(logs.length).toBeGreaterThan(0);
  expect(logs).not.toContain(text);
  expect(logs).not.toContain(JSON.stringify(text).slice(1, -1));
  expect(logs).not.toContain(data);
}

async function count(table: string, column: string, id: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await hub.database.db.execute(
      sql`select count(*)::int as n from ${sql.identifier('signals')}.${sql.identifier(table)} where ${sql.identifier(column)} = ${id}::uuid`,
    ),
  );
  return Number(row?.n ?? -1);
}

/** Sends an operation through the gateway, or straight at the signals subgraph with the gateway's secret. */
function send(route: 'gateway' | 'subgraph', query: string, variables: Record<string, unknown>, token: string) {
  return route === 'gateway'
    ? hub.graphql(query, variables, { token })
    : hub.directSubgraphRequest('signals', query, { secret: hub.subgraphSecrets.signals, token, variables });
}

const ROUTES = ['gateway', 'subgraph'] as const;
const today = () => new Date().toISOString().slice(0, 10);

const REPORT = /* GraphQL */ `
  mutation Report($input: ReportSignalInput!) {
    reportSignal(input: $input) { signal { id description } }
  }
`;

/** A professional of an organisation of its own, so its stored signals can be counted. */
async function professional(): Promise<{ organizationId: string; token: string }> {
  const organizationId = randomUUID();
  return { organizationId, token: await hub.tokenFor({ organizationType: 'OCO', roles: ['CLIENTONDERSTEUNER'], organizationId }) };
}

describe('reportSignal with personal data hidden by Unicode', () => {
  for (const route of ROUTES) {
    it.each(HIDDEN)(`refuses a description with %s (${route}), stores nothing and never repeats it`, async (_what, description, data) => {
      const oco = await professional();
      const input = { category: 'NO_CAPACITY', gemeenteCode: GEMEENTE, observedOn: today(), description };
      const result = await send(route, REPORT, { input }, oco.token);
      expectRefused(result, 'input.description', description, data);
      expect(await count('signal', 'reporter_organization_id', oco.organizationId)).toBe(0);
      expectNotLogged(description, data);
    });
  }

  it('stores a description that names a policy date (not a date of birth), through the gateway', async () => {
    const oco = await professional();
    const description = `Per 1 januari ${new Date().getUTCFullYear() + 1} sluit de dagbesteding; sinds de wijziging van 1 juli 12 cliënten op de wachtlijst.`;
    const result = await hub.graphql<{ reportSignal: { signal: { description: string } } }>(
      REPORT,
      { input: { category: 'NO_CAPACITY', gemeenteCode: GEMEENTE, observedOn: today(), description } },
      { token: oco.token },
    );
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.reportSignal.signal.description).toBe(description);
    expect(await count('signal', 'reporter_organization_id', oco.organizationId)).toBe(1);
  });
});

describe('overlegtafel texts with personal data hidden by Unicode', () => {
  let chair: { organizationId: string; token: string };
  let knelpuntId: string;
  let signalIds: string[];

  beforeAll(async () => {
    const organizationId = randomUUID();
    chair = {
      organizationId,
      token: await hub.tokenFor({ organizationType: 'ZORGKANTOOR', roles: ['OVERLEGTAFEL', 'ZORGBEMIDDELAAR'], zorgkantoorregio: REGION, organizationId }),
    };
    signalIds = [];
    for (let i = 0; i < 3; i++) {
      const r = await hub.graphql<{ reportSignal: { signal: { id: string } } }>(
        REPORT,
        { input: { category: 'NO_CAPACITY', gemeenteCode: GEMEENTE, observedOn: today(), description: 'geen plek in de dagbesteding' } },
        { token: chair.token },
      );
      expect(r.body.errors).toBeUndefined();
      signalIds.push(r.body.data?.reportSignal.signal.id ?? '');
    }
    const created = await hub.graphql<{ createKnelpunt: { knelpunt: { id: string } } }>(
      `mutation($input: CreateKnelpuntInput!) { createKnelpunt(input: $input) { knelpunt { id } } }`,
      { input: { zorgkantoorregioCode: REGION, title: 'Geen plek in de dagbesteding', signalIds: [signalIds[0]] } },
      { token: chair.token },
    );
    expect(created.body.errors).toBeUndefined();
    knelpuntId = created.body.data?.createKnelpunt.knelpunt.id ?? '';
  });

  const [bsn, , email, phone, postcode, birthDate, english] = HIDDEN.map(([, text, data]) => ({ text, data }));

  for (const route of ROUTES) {
    it(`refuses a knelpunt title and description (${route}) and groups no signal`, async () => {
      const m = `mutation($input: CreateKnelpuntInput!) { createKnelpunt(input: $input) { knelpunt { id } } }`;
      for (const [field, input] of [
        ['input.title', { title: bsn?.text, description: 'geen plek' }],
        ['input.description', { title: 'Geen plek', description: birthDate?.text }],
      ] as const) {
        const hidden = field === 'input.title' ? bsn : birthDate;
        const result = await send(route, m, { input: { zorgkantoorregioCode: REGION, signalIds: [signalIds[1]], ...input } }, chair.token);
        expectRefused(result, field, hidden?.text ?? '', hidden?.data ?? '');
      }
      expect(await count('knelpunt_signal', 'signal_id', signalIds[1] ?? '')).toBe(0);
      expectNotLogged(bsn?.text ?? '', bsn?.data ?? '');
    });

    it(`refuses feedback, a decision and an action (${route}) and adds nothing to the knelpunt`, async () => {
      const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
      const attempts: [string, string, Record<string, unknown>, { text: string; data: string } | undefined][] = [
        [
          'input.text',
          `mutation($k: ID!, $t: String!) { addKnelpuntFeedback(input: { knelpuntId: $k, text: $t }) { feedback { id } } }`,
          { k: knelpuntId, t: email?.text },
          email,
        ],
        [
          'input.text',
          `mutation($input: RecordDecisionInput!) { recordKnelpuntDecision(input: $input) { decision { id } } }`,
          { input: { knelpuntId, text: phone?.text } },
          phone,
        ],
        [
          'input.description',
          `mutation($input: AddActionInput!) { addKnelpuntAction(input: $input) { action { id } } }`,
          { input: { knelpuntId, description: english?.text, ownerOrganizationId: chair.organizationId, dueOn: due } },
          english,
        ],
      ];
      for (const [field, query, variables, hidden] of attempts) {
        expectRefused(await send(route, query, variables, chair.token), field, hidden?.text ?? '', hidden?.data ?? '');
        expectNotLogged(hidden?.text ?? '', hidden?.data ?? '');
      }
      expect(await count('feedback', 'knelpunt_id', knelpuntId)).toBe(0);
      expect(await count('decision', 'knelpunt_id', knelpuntId)).toBe(0);
      expect(await count('action', 'knelpunt_id', knelpuntId)).toBe(0);
    });

    it(`refuses a meeting title (${route}) and schedules nothing`, async () => {
      const before = await meetings();
      const result = await send(
        route,
        `mutation($input: ScheduleMeetingInput!) { scheduleOverlegtafelMeeting(input: $input) { meeting { id } } }`,
        { input: { zorgkantoorregioCode: REGION, heldOn: today(), title: `Overleg ${postcode?.text ?? ''}` } },
        chair.token,
      );
      expectRefused(result, 'input.title', postcode?.text ?? '', postcode?.data ?? '');
      expect(await meetings()).toBe(before);
    });
  }

  async function meetings(): Promise<number> {
    const [row] = rowsOf<{ n: number }>(
      await hub.database.db.execute(
        sql`select count(*)::int as n from signals.meeting m join signals.overlegtafel o on o.id = m.overlegtafel_id where o.zorgkantoorregio_code = ${REGION}`,
      ),
    );
    return Number(row?.n ?? -1);
  }
});
