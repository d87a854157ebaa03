import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  Kind,
  parse,
  print,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORGANIZATION_TYPES, ROLES, seededRandom } from '@hub/domain';
import { postgresSchemaOf, SUBGRAPH_NAMES } from '@hub/config';
import { anyText, rowsOf, sql } from '@hub/db';
import { REPOSITORY_ROOT } from '@hub/hub';
import { startTestHub, type TestHub } from '@hub/testing';

/**
 * Seeded fuzzing of the gateway: thousands of random and mutated GraphQL documents and variables, sent anonymously,
 * with tokens of organisations that own nothing, and with broken tokens. Deterministic (fixed seed): a failure
 * reproduces with the same request number. Asserts: never a 5xx, the hub still answers afterwards, and no row of any
 * subgraph's tables was written (the callers own nothing, so every mutation must be refused or fail validation).
 * The one write a caller that owns nothing may make is its own organisation's break-glass settings (a privacy officer
 * configures them): those rows are checked apart, and may only be of the callers' own organisations.
 */

const SEED = 0x5eed_2026;
const REQUESTS = 2400;
const PARALLEL = 8;

const random = seededRandom(SEED);
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(items: readonly T[]): T => {
  const item = items[int(items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};
const chance = (p: number) => random() < p;

/** Strings that have broken parsers, validators and SQL before. */
const NASTY_STRINGS = [
  '',
  ' ',
  "'; drop table cases.client; --",
  '%',
  '_',
  '\\',
  '"',
  '\u0000',
  '💥',
  'Ünïcödé ß',
  'a'.repeat(5000),
  '<script>alert(1)</script>',
  '../../etc/passwd',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a lookup-injection payload, sent as plain text on purpose.
  '${jndi:ldap://x}',
  '2026-02-30',
  '2026-13-01T25:61:61Z',
  '9999-12-31',
  '0000-01-01',
  'GM0363',
  'GM9999',
  'ZK02',
  'ZK99',
  '123456782',
  '111222333',
  '2026-Q1',
  '2026-Q9',
  'null',
  'NaN',
  '-1',
  'Infinity',
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
];
const NASTY_NUMBERS = [0, -1, 1, 2, 100, 101, 500, 10_000, 2_147_483_647, -2_147_483_648, 2 ** 53, 1.5, -0.5, 1e308];

let idPool: string[] = [];

function randomString(): string {
  if (chance(0.3) && idPool.length > 0) return pick(idPool);
  if (chance(0.2)) return randomUUID();
  return pick(NASTY_STRINGS);
}

function randomJson(depth = 0): unknown {
  switch (int(depth > 2 ? 4 : 7)) {
    case 0:
      return randomString();
    case 1:
      return pick(NASTY_NUMBERS);
    case 2:
      return chance(0.5);
    case 3:
      return null;
    case 4:
      return Array.from({ length: int(4) }, () => randomJson(depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: int(4) }, () => [pick(['input', 'id', 'first', 'clientId', 'x', '__proto__', 'constructor']), randomJson(depth + 1)]),
      );
  }
}

/** A GraphQL literal for an input type: mostly well-typed, sometimes deliberately not. */
function literal(type: GraphQLInputType, depth = 0): string {
  if (chance(0.05)) return pick(['null', '1', '"x"', 'true', '[]', '{}', 'WRONG_ENUM']);
  if (isNonNullType(type)) return literal(type.ofType, depth);
  if (isListType(type)) return `[${Array.from({ length: int(3) }, () => literal(type.ofType, depth + 1)).join(', ')}]`;
  if (isEnumType(type)) return pick(type.getValues()).name;
  if (isInputObjectType(type)) {
    if (depth > 3) return '{}';
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) || chance(0.5));
    return `{ ${fields.map((f) => `${f.name}: ${literal(f.type, depth + 1)}`).join(', ')} }`;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return String(Math.trunc(pick(NASTY_NUMBERS.filter((n) => Math.abs(n) < 2 ** 31))));
      case 'Float':
        return String(pick(NASTY_NUMBERS));
      case 'Boolean':
        return chance(0.5) ? 'true' : 'false';
      default:
        return JSON.stringify(randomString());
    }
  }
  return 'null';
}

/** A random selection set for an output type, a few fields deep. */
function selection(schema: GraphQLSchema, type: GraphQLNamedType, depth: number): string {
  if (isUnionType(type)) {
    const member = pick(type.getTypes());
    return `{ __typename ... on ${member.name} ${selection(schema, member, depth)} }`;
  }
  if (!isObjectType(type) && !isInterfaceType(type)) return '';
  const fields = Object.values(type.getFields());
  const chosen = Array.from({ length: 1 + int(4) }, () => pick(fields));
  const parts = chosen.map((field) => {
    const args = field.args.filter((a) => isNonNullType(a.type) || chance(0.4));
    const argText = args.length ? `(${args.map((a) => `${a.name}: ${literal(a.type)}`).join(', ')})` : '';
    const inner = getNamedType(field.type);
    const isLeaf = !isObjectType(inner) && !isInterfaceType(inner) && !isUnionType(inner);
    if (isLeaf) return `${field.name}${argText}`;
    if (depth >= 4) return `${field.name}${argText} { __typename }`;
    return `${field.name}${argText} ${selection(schema, inner, depth + 1)}`;
  });
  return `{ ${parts.join(' ')} }`;
}

function schemaOperation(schema: GraphQLSchema): string {
  const mutation = schema.getMutationType();
  const useMutation = mutation && chance(0.5);
  const root = useMutation ? mutation : schema.getQueryType();
  if (!root) return '{ __typename }';
  return `${useMutation ? 'mutation' : 'query'} Fuzz ${selection(schema, root, 1)}`;
}

const FRAGMENTS = [
  '{',
  '}',
  '(',
  ')',
  ':',
  '$id',
  '$input',
  '...',
  '@include(if: true)',
  '@skip(if: $x)',
  '"',
  '#',
  'null',
  '123',
  'id',
  '__typename',
  'on',
  'query',
  'mutation',
  '[',
  ']',
  '!',
  '=',
];

/** Character- and token-level damage to a valid document. */
function mutate(text: string): string {
  let out = text;
  for (let i = 0, n = 1 + int(3); i < n; i += 1) {
    const at = int(out.length + 1);
    const len = 1 + int(20);
    switch (int(5)) {
      case 0:
        out = out.slice(0, at) + out.slice(at + len);
        break;
      case 1:
        out = out.slice(0, at) + out.slice(at, at + len).repeat(2 + int(3)) + out.slice(at + len);
        break;
      case 2:
        out = `${out.slice(0, at)} ${pick(FRAGMENTS)} ${out.slice(at)}`;
        break;
      case 3:
        out = out.slice(0, at);
        break;
      default:
        out = out.slice(0, at) + String.fromCharCode(int(0x250)) + out.slice(at + 1);
    }
  }
  return out;
}

/** Every operation of the journeys as its own document (with the fragments of its file). */
function journeyDocuments(): { text: string; variables: string[] }[] {
  const folder = join(REPOSITORY_ROOT, 'tests', 'journeys');
  return readdirSync(folder)
    .filter((f) => f.endsWith('.graphql'))
    .flatMap((file) => {
      const document = parse(readFileSync(join(folder, file), 'utf8'));
      const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
      return document.definitions.flatMap((d) =>
        d.kind === Kind.OPERATION_DEFINITION
          ? [
              {
                text: print({ kind: Kind.DOCUMENT, definitions: [d, ...fragments] }),
                variables: (d.variableDefinitions ?? []).map((v) => v.variable.name.value),
              },
            ]
          : [],
      );
    });
}

/**
 * Row counts of every table the subgraphs own, except signals.published_quarter: a signal summary of a closed quarter
 * is published and stored on its first read (so later signals cannot change it), which is a read, not a mutation; and
 * notifications.recipient: any request with a professional token records who the notifications may reach (name,
 * e-mail claim, last seen), which is bookkeeping of the sign-in, not a change by the caller. A caller's own notification
 * preferences and (BEHEERDER) their own organisation's defaults are checked by ownNotificationSettings instead.
 */
async function rowCounts(hub: TestHub): Promise<Record<string, number>> {
  const tables = rowsOf<{ schema: string; name: string }>(
    await hub.database.db.execute(
      sql`select table_schema as schema, table_name as name from information_schema.tables
          where ${anyText(sql`table_schema`, SUBGRAPH_NAMES.map(postgresSchemaOf))} and table_type = 'BASE TABLE'
            and not (table_schema = 'signals' and table_name = 'published_quarter')
            and not (table_schema = 'cases' and table_name = 'organization_setting')
            and not (table_schema = 'notifications' and table_name in ('recipient', 'organization_default', 'preference'))
          order by 1, 2`,
    ),
  );
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const row = rowsOf<{ n: number }>(await hub.database.db.execute(sql.raw(`select count(*)::int as n from "${t.schema}"."${t.name}"`)))[0];
    counts[`${t.schema}.${t.name}`] = row?.n ?? -1;
  }
  return counts;
}

/** Notification preferences and organisation defaults, each as one line starting with the organisation's id. */
async function ownNotificationSettings(hub: TestHub): Promise<string[]> {
  const rows = rowsOf<{ line: string }>(
    await hub.database.db.execute(
      sql`select concat_ws(' ', organization_id, 'default', kind, email, updated_at) as line from notifications.organization_default
          union all
          select concat_ws(' ', r.organization_id, r.subject, p.kind, p.email, p.updated_at) from notifications.preference p
            join notifications.recipient r on r.id = p.recipient_id
          order by 1`,
    ),
  );
  return rows.map((r) => r.line);
}

/** The break-glass settings rows, each as one line starting with the organisation's id. */
async function breakGlassSettings(hub: TestHub): Promise<string[]> {
  const rows = rowsOf<{ line: string }>(
    await hub.database.db.execute(
      sql`select concat_ws(' ', organization_id, break_glass_enabled, break_glass_hours, break_glass_daily_limit, updated_by_user_id, updated_at) as line
          from cases.organization_setting order by 1`,
    ),
  );
  return rows.map((r) => r.line);
}

describe('fuzzing the gateway', () => {
  let hub: TestHub;
  let schema: GraphQLSchema;
  beforeAll(async () => {
    // A generous rate limit: the fuzz sends thousands of requests from one address.
    hub = await startTestHub({ seedDemo: true, demoScale: 0.02, env: { RATE_LIMIT_PER_SECOND: '1000000', RATE_LIMIT_BURST: '1000000' } });
    const introspection = await hub.graphql<IntrospectionQuery>(getIntrospectionQuery());
    if (!introspection.body.data) throw new Error('introspection failed');
    schema = buildClientSchema(introspection.body.data);
    // Real ids make the refused paths real: a foreign organisation names objects that exist.
    for (const table of [
      'cases.client',
      'cases.support_trajectory',
      'referrals.referral',
      'signals.signal',
      'sociale_kaart.service',
      'sociale_kaart.organization',
    ]) {
      const exists = rowsOf<{ t: string | null }>(await hub.database.db.execute(sql`select to_regclass(${table})::text as t`))[0]?.t;
      if (!exists) continue;
      idPool.push(
        ...rowsOf<{ id: string }>(await hub.database.db.execute(sql.raw(`select id::text as id from ${table} order by id limit 20`))).map((r) => r.id),
      );
    }
  });
  afterAll(async () => {
    await hub?.stop();
    idPool = [];
  });

  it(`sends ${REQUESTS} hostile requests: no 5xx, no write, and the hub still answers`, async () => {
    const before = await rowCounts(hub);
    const settingsBefore = [...(await breakGlassSettings(hub)), ...(await ownNotificationSettings(hub))];
    const journeys = journeyDocuments();
    const callerOrganizations: string[] = Array.from({ length: 12 }, () => randomUUID());
    const tokens = await Promise.all(
      callerOrganizations.map((organizationId, i) =>
        hub.tokenFor({
          subject: `fuzz-${i}`,
          name: 'Fuzz Tester',
          organizationId,
          organizationType: pick(ORGANIZATION_TYPES),
          roles: ROLES.filter(() => chance(0.5)),
          ...(chance(0.5) ? { gemeenteCode: 'GM0363' } : {}),
          ...(chance(0.5) ? { zorgkantoorregio: 'ZK02' } : {}),
        }),
      ),
    );

    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let succeededMutations = 0;
    for (let sent = 0; sent < REQUESTS; sent += PARALLEL) {
      const batch = Array.from({ length: Math.min(PARALLEL, REQUESTS - sent) }, (_, k) => {
        const n = sent + k;
        const kind = int(10);
        const journey = pick(journeys);
        const text = kind < 3 ? journey.text : kind < 6 ? mutate(journey.text) : kind < 9 ? schemaOperation(schema) : mutate(schemaOperation(schema));
        const variables = chance(0.9) ? Object.fromEntries((kind < 6 ? journey.variables : ['id', 'input', 'first']).map((v) => [v, randomJson()])) : undefined;
        const caller = int(10);
        const token = caller < 3 ? undefined : caller < 9 ? pick(tokens) : `${pick(tokens).slice(0, -4)}AAAA`;
        return hub.graphql(text, variables, { token }).then(
          (result) => {
            statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
            if (result.status >= 500) failures.push(`#${n} ${result.status} ${JSON.stringify(result.body).slice(0, 300)} :: ${text.slice(0, 300)}`);
            const data = result.body.data;
            if (/^\s*mutation/.test(text) && data && Object.values(data).some((v) => v !== null)) succeededMutations += 1;
          },
          (error: unknown) => failures.push(`#${n} transport error ${String(error)}`),
        );
      });
      await Promise.all(batch);
    }

    expect(failures).toEqual([]);
    // The generator must actually reach the server's refusals, not only the parser.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(REQUESTS / 10);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(REQUESTS / 10);
    expect(succeededMutations).toBe(0);
    expect(await rowCounts(hub)).toEqual(before);
    // Every earlier row unchanged; a new row only for a caller's own organisation.
    const settingsAfter = [...(await breakGlassSettings(hub)), ...(await ownNotificationSettings(hub))];
    expect(settingsBefore.filter((line) => !settingsAfter.includes(line))).toEqual([]);
    const added = settingsAfter.filter((line) => !settingsBefore.includes(line));
    expect(added.filter((line) => !callerOrganizations.includes(line.split(' ')[0] ?? ''))).toEqual([]);

    const after = await hub.graphql<{ searchServices: { totalCount: number } }>('{ searchServices(first: 1) { totalCount } }');
    expect(after.status).toBe(200);
    expect(after.body.data?.searchServices.totalCount).toBeGreaterThan(0);
    const ready = await fetch(hub.gatewayPath('/ready'));
    expect(ready.status).toBe(200);
  }, 180_000); // 2,400 requests take ~20 s on an idle 2-core machine; the margin is for a loaded one, not a speed target.
});
