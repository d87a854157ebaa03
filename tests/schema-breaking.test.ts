import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '@hub/hub';
import { compareSupergraphs, formatReport, latestReleasedSupergraph, readAllowList } from '@hub/hub/schema-breaking';

/**
 * The breaking-change check of the supergraph (npm run schema:breaking) on crafted changes: supergraphs composed from
 * a small subgraph before and after, as `npm run compose` composes the real ones.
 */

function supergraph(typeDefs: string): string {
  const header = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@inaccessible"])\n';
  const result = composeServices([{ name: 'directory', url: 'http://directory.invalid/graphql', typeDefs: parse(header + typeDefs) }]);
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.supergraphSdl;
}

const released = supergraph(`
  type Query { service(id: ID!): Service, services(first: Int = 20): [Service!]! }
  type Service @key(fields: "id") { id: ID!, name: String!, phone: String, internalScore: Int @inaccessible }
  enum Status { ACTIVE, INACTIVE }
  type Mutation { setStatus(id: ID!, status: Status!): Service }
`);

const dir = mkdtempSync(join(tmpdir(), 'hub-schema-breaking-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('schema:breaking on crafted changes', () => {
  it('passes an added field and an added type', () => {
    const current = supergraph(`
      type Query { service(id: ID!): Service, services(first: Int = 20): [Service!]!, organization(id: ID!): Organization }
      type Organization { id: ID!, name: String! }
      type Service @key(fields: "id") { id: ID!, name: String!, phone: String, email: String, internalScore: Int @inaccessible }
      enum Status { ACTIVE, INACTIVE }
      type Mutation { setStatus(id: ID!, status: Status!): Service }
    `);
    const report = compareSupergraphs(released, current);
    expect(report.breaking).toEqual([]);
    expect(report.dangerous).toEqual([]);
  });

  it('fails on a removed field, a field made non-null argument-wise, and a changed type', () => {
    const current = supergraph(`
      type Query { service(id: ID!, region: String!): Service, services(first: Int = 20): [Service!]! }
      type Service @key(fields: "id") { id: ID!, name: Int!, internalScore: Int @inaccessible }
      enum Status { ACTIVE, INACTIVE }
      type Mutation { setStatus(id: ID!, status: Status!): Service }
    `);
    const report = compareSupergraphs(released, current);
    expect(report.breaking.map((c) => c.description).sort()).toEqual([
      'A required arg region on Query.service was added.',
      'Service.name changed type from String! to Int!.',
      'Service.phone was removed.',
    ]);
    expect(formatReport(report, 'supergraph-0.1.0.graphql').at(-1)).toMatch(/^3 breaking change\(s\) against supergraph-0\.1\.0\.graphql/);
  });

  it('looks at the API clients see: an @inaccessible field may go, a public field made @inaccessible may not', () => {
    const current = supergraph(`
      type Query { service(id: ID!): Service, services(first: Int = 20): [Service!]! }
      type Service @key(fields: "id") { id: ID!, name: String!, phone: String @inaccessible }
      enum Status { ACTIVE, INACTIVE }
      type Mutation { setStatus(id: ID!, status: Status!): Service }
    `);
    expect(compareSupergraphs(released, current).breaking.map((c) => c.description)).toEqual(['Service.phone was removed.']);
  });

  it('reports dangerous changes without failing: an enum value added, a default changed', () => {
    const current = supergraph(`
      type Query { service(id: ID!): Service, services(first: Int = 50): [Service!]! }
      type Service @key(fields: "id") { id: ID!, name: String!, phone: String, internalScore: Int @inaccessible }
      enum Status { ACTIVE, INACTIVE, SUSPENDED }
      type Mutation { setStatus(id: ID!, status: Status!): Service }
    `);
    const report = compareSupergraphs(released, current);
    expect(report.breaking).toEqual([]);
    expect(report.dangerous.map((c) => c.type).sort()).toEqual(['ARG_DEFAULT_VALUE_CHANGE', 'VALUE_ADDED_TO_ENUM']);
  });

  it('lets a planned removal through only when the allow-list names it with a reason, and flags stale entries', () => {
    const current = supergraph(`
      type Query { service(id: ID!): Service, services(first: Int = 20): [Service!]! }
      type Service @key(fields: "id") { id: ID!, name: String!, internalScore: Int @inaccessible }
      enum Status { ACTIVE, INACTIVE }
      type Mutation { setStatus(id: ID!, status: Status!): Service }
    `);
    const report = compareSupergraphs(released, current, [
      { change: 'Service.phone was removed.', reason: 'deprecated in 0.1.0 for Service.contact, announced in CHANGELOG.md' },
      { change: 'Query.legacy was removed.', reason: 'an entry for a change that does not happen' },
    ]);
    expect(report.breaking).toEqual([]);
    expect(report.allowed.map((c) => c.description)).toEqual(['Service.phone was removed.']);
    expect(report.unusedAllowances).toEqual(['Query.legacy was removed.']);

    const path = join(dir, 'no-reason.json');
    writeFileSync(path, JSON.stringify([{ change: 'Service.phone was removed.', reason: '' }]));
    expect(() => readAllowList(path)).toThrow(/reason/);
  });
});

function runCheck(args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(join(REPOSITORY_ROOT, 'node_modules', '.bin', 'tsx'), [join(REPOSITORY_ROOT, 'scripts', 'schema-breaking.ts'), ...args], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describe('npm run schema:breaking', () => {
  it('exits 1 on a removed field and 0 on an added one', async () => {
    const releasedPath = join(dir, 'supergraph-1.0.0.graphql');
    writeFileSync(releasedPath, released);
    const removed = join(dir, 'removed.graphql');
    writeFileSync(removed, readFileSync(releasedPath, 'utf8').replace(/\n\s*phone: String[^\n]*/, ''));
    const added = join(dir, 'added.graphql');
    writeFileSync(added, readFileSync(releasedPath, 'utf8').replace(/(\n(\s*)phone: String[^\n]*)/, '$1\n$2email: String'));

    const failing = await runCheck(['--released', releasedPath, '--current', removed]);
    expect(failing.output).toMatch(/^BREAKING {2}FIELD_REMOVED: Service\.phone was removed\.$/m);
    expect(failing.code).toBe(1);

    const passing = await runCheck(['--released', releasedPath, '--current', added]);
    expect(passing.output).toMatch(/No unplanned breaking change against supergraph-1\.0\.0\.graphql/);
    expect(passing.code).toBe(0);
  });

  it('compares the committed supergraph with the last released one, which exists for the current version', async () => {
    const latest = latestReleasedSupergraph();
    const version = (JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(latest.version).toBe(version);
    const result = await runCheck([]);
    expect(result.output).toMatch(/No unplanned breaking change against supergraph-\d+\.\d+\.\d+\.graphql/);
    expect(result.code).toBe(0);
  });
});
