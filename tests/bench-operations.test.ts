import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildASTSchema,
  execute,
  extendSchema,
  getNamedType,
  getVariableValues,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  validate,
  visit,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLOutputType,
  type GraphQLSchema,
  type GraphQLTypeResolver,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadConfig, SUBGRAPH_NAMES } from '@hub/config';
import { buildJourneys, JOURNEY_NAMES, STATEMENT_PROBES, type JourneyContext, type SubgraphCall } from '../bench/src/journeys.ts';
import { countTokens, measureOperation } from '../gateway/src/limits.ts';
import { readSupergraph } from '../gateway/src/supergraph.ts';

/**
 * Every operation the benchmark (`npm run bench`) sends, and every operation of tests/journeys/*.graphql, checked
 * without starting anything: valid against the committed supergraph, its variables of the declared types, and
 * within the gateway's default operation limits, its estimated cost at most half the limit. The benchmark's
 * requests straight to the subgraphs (the query plan executed by hand) are checked against each subgraph's schema.
 * So a schema change that would break the benchmark, or an operation that would outgrow the limits, fails here.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LIMITS = loadConfig({}).operationLimits;
/** Every journey and benchmark operation stays at or below this share of the cost limit. */
const COST_MARGIN = 2;

const supergraphSdl = readSupergraph();
/** The supergraph holds no @inaccessible element, so its client-facing schema is the supergraph's own types. */
const supergraph = buildASTSchema(parse(supergraphSdl));

const operationsOf = (document: DocumentNode): OperationDefinitionNode[] =>
  document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);

/** The operation's figures against the default limits: each within its limit, the cost within its share. */
function expectWithinLimits(document: DocumentNode, operationName: string, variables: Record<string, unknown>): number {
  const metrics = measureOperation(supergraph, document, { operationName, variables });
  expect(metrics.depth, 'depth').toBeLessThanOrEqual(LIMITS.maxDepth);
  expect(metrics.aliases, 'aliases').toBeLessThanOrEqual(LIMITS.maxAliases);
  expect(metrics.rootFields, 'root fields').toBeLessThanOrEqual(LIMITS.maxRootFields);
  expect(metrics.cost * COST_MARGIN, `cost ${metrics.cost}`).toBeLessThanOrEqual(LIMITS.maxCost);
  return metrics.cost;
}

function expectVariablesAccepted(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown>): void {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  expect(coerced.errors?.map((e) => e.message) ?? []).toEqual([]);
}

/** Size variables (those passed as `first`, `limit` or `last`) set far beyond any cap: the largest pages served. */
function largestPages(operation: OperationDefinitionNode): Record<string, unknown> {
  const sizes: Record<string, unknown> = {};
  visit(operation, {
    Argument(argument) {
      if (['first', 'limit', 'last'].includes(argument.name.value) && argument.value.kind === Kind.VARIABLE) sizes[argument.value.name.value] = 1_000_000;
    },
  });
  return sizes;
}

describe('journey operations (tests/journeys/*.graphql) against the committed supergraph', () => {
  const dir = join(ROOT, 'tests', 'journeys');
  const files = readdirSync(dir).filter((f) => f.endsWith('.graphql'));

  it('finds the supergraph free of @inaccessible and the journey files', () => {
    expect(supergraphSdl).not.toContain('@inaccessible');
    expect(files.length).toBeGreaterThanOrEqual(7);
  });

  it.each(files)('%s is valid, and each operation is within the limits at its default and at the largest pages', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const document = parse(text);
    expect(validate(supergraph, document).map((e) => e.message)).toEqual([]);
    expect(countTokens(text)).toBeLessThanOrEqual(LIMITS.maxTokens);
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(0);
    for (const operation of operations) {
      const name = operation.name?.value ?? '';
      const atDefault = expectWithinLimits(document, name, {});
      expect(expectWithinLimits(document, name, largestPages(operation))).toBeGreaterThanOrEqual(atDefault);
    }
  });
});

/** A context like the one `npm run bench` builds, with placeholder tokens and ids: only the operations matter here. */
const INBOX_REGIONS = ['ZK02', 'ZK22'];
const QUARTER_REGIONS = ['ZK22', 'ZK05'];
const context: JourneyContext = {
  subgraphUrls: {},
  subgraphSecrets: {},
  tokens: Object.fromEntries([['toegang', 'token'], ['co', 'token'], ...[...INBOX_REGIONS, ...QUARTER_REGIONS].map((region) => [`zk:${region}`, 'token'])]),
  clientIds: ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'],
  inboxRegions: INBOX_REGIONS,
  quarter: { regions: QUARTER_REGIONS, quarter: '2026-Q3' },
};
const journeys = buildJourneys(context);

/**
 * A subgraph's schema as the gateway sees it: its schema.graphql with the entity fields federation adds (`_entities`
 * over every type with a @key, `_service`; a subgraph without entities, like notifications, gets `_service` only).
 */
function subgraphSchema(schemaPath: string): GraphQLSchema {
  const own = buildASTSchema(parse(readFileSync(schemaPath, 'utf8')), { assumeValidSDL: true });
  const entities = Object.values(own.getTypeMap())
    .filter((type) => isObjectType(type) && type.astNode?.directives?.some((d) => d.name.value === 'key'))
    .map((type) => type.name);
  return extendSchema(
    own,
    parse(
      entities.length > 0
        ? `
      scalar _Any
      union _Entity = ${entities.join(' | ')}
      type _Service { sdl: String }
      extend type Query { _entities(representations: [_Any!]!): [_Entity]! _service: _Service! }
    `
        : `
      type _Service { sdl: String }
      extend type Query { _service: _Service! }
    `,
    ),
  );
}

/** A stand-in answer of the right shape: one item per list, so the next steps of a hand-executed plan run too. */
function stand(type: GraphQLOutputType): unknown {
  if (isNonNullType(type)) return stand(type.ofType);
  if (isListType(type)) return [stand(type.ofType)];
  if (isCompositeType(type)) return {};
  if (isEnumType(type)) return type.getValues()[0]?.value;
  switch (getNamedType(type).name) {
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return true;
    default:
      return '00000000-0000-4000-8000-000000000003';
  }
}

const standInResolver: GraphQLFieldResolver<unknown, unknown, Record<string, unknown>> = (source, args, _context, info) => {
  if (info.fieldName === '_entities') return args.representations;
  if (source && typeof source === 'object' && info.fieldName in source) return (source as Record<string, unknown>)[info.fieldName];
  return stand(info.returnType);
};
const standInTypeResolver: GraphQLTypeResolver<unknown, unknown> = (value, _context, info, abstractType) => {
  const named = value && typeof value === 'object' && '__typename' in value ? value.__typename : undefined;
  return typeof named === 'string' ? named : isAbstractType(abstractType) ? info.schema.getPossibleTypes(abstractType)[0]?.name : undefined;
};

describe('benchmark operations (bench/src/journeys.ts)', () => {
  const subgraphSchemas = new Map<string, GraphQLSchema>(SUBGRAPH_NAMES.map((name) => [name, subgraphSchema(join(ROOT, 'subgraphs', name, 'schema.graphql'))]));

  it('builds every journey the benchmark drives', () => {
    expect(journeys.map((j) => j.name)).toEqual(JOURNEY_NAMES);
  });

  it.each(journeys.map((j) => [j.name, j] as const))(
    '%s: valid against the supergraph, every variant and statement probe within the limits',
    (_name, journey) => {
      const document = parse(journey.query);
      expect(validate(supergraph, document).map((e) => e.message)).toEqual([]);
      expect(countTokens(journey.query)).toBeLessThanOrEqual(LIMITS.maxTokens);
      const operation = operationsOf(document).find((o) => o.name?.value === journey.operationName);
      expect(operation, `operation ${journey.operationName}`).toBeDefined();
      if (!operation) return;
      const [, small, , large] = STATEMENT_PROBES[journey.name];
      const first = journey.variants[0]?.variables ?? {};
      const sent = [...journey.variants.map((v) => v.variables), { ...first, ...small }, { ...first, ...large }];
      expect(journey.variants.length).toBeGreaterThan(0);
      for (const variables of sent) {
        expectVariablesAccepted(supergraph, operation, variables);
        expectWithinLimits(document, journey.operationName, variables);
      }
    },
  );

  it.each(journeys.map((j) => [j.name, j] as const))(
    '%s: the requests sent straight to the subgraphs are valid against their schemas and reach every subgraph named',
    async (_name, journey) => {
      const called = new Set<string>();
      const call: SubgraphCall = async (subgraph, query, variables) => {
        const schema = subgraphSchemas.get(subgraph);
        expect(schema, `subgraph ${subgraph}`).toBeDefined();
        if (!schema) return {};
        called.add(subgraph);
        const document = parse(query);
        expect(
          validate(schema, document).map((e) => e.message),
          `${subgraph}: ${query}`,
        ).toEqual([]);
        const result = await execute({
          schema,
          document,
          variableValues: variables,
          fieldResolver: standInResolver,
          typeResolver: standInTypeResolver,
        });
        expect(result.errors?.map((e) => e.message) ?? [], `${subgraph}: ${query}`).toEqual([]);
        return result.data ?? {};
      };
      for (const variant of journey.variants.slice(0, 2)) await journey.direct(call, variant);
      expect([...called].sort()).toEqual([...journey.subgraphs].sort());
    },
  );
});
