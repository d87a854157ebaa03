import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildASTSchema,
  getNamedType,
  isListType,
  isNonNullType,
  Kind,
  parse,
  type ConstDirectiveNode,
  type ConstValueNode,
  type FieldNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { measureOperation } from '../gateway/src/limits.ts';
import { readSupergraph } from '../gateway/src/supergraph.ts';

/**
 * Two statements of one cost model must agree: the hub's gateway counts cost by its own walk (gateway/src/limits.ts:
 * pages by `first`, plain lists by the bound their description states), and the subgraph schemas declare the same
 * sizes with Federation's @listSize for engines that read directives (Hive Gateway's demand control, hive/). Here
 * every operation of tests/journeys/*.graphql is costed both ways on the committed supergraph: the hub's measure,
 * and the directive estimate computed as the cost spec (https://ibm.github.io/graphql-specs/cost-spec.html) and
 * Hive's demand control compute it — every field 1 (hive/ sets typeCost to 1, as the hub counts scalars too), times
 * the list sizes of itself and its ancestors; a list without @listSize counts 10, as in both.
 *
 * The two differ by construction in one place: the spec multiplies a list field's own cost by its size, where the hub
 * counts the list field once and only its selection per item. So the directive estimate is never below the hub's,
 * and at most TOLERANCE times it plus LEAF_LIST_SLACK (a list of scalars, e.g. a commission's up to 342 gemeente
 * codes, is one field to the hub and its items to the spec). Measured on the journeys: 1.00 to 2.00 times the hub's
 * cost, plus 99 in RecordCommission and 27 in GroupIntoKnelpunt (their leaf lists). The test fails when a list or
 * page loses its @listSize (the estimate then falls to 10 items or to 1) or a stated bound or default page size
 * changes without the directive.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const supergraph = buildASTSchema(parse(readSupergraph()));
/** Assumed size of a list without @listSize (hive/src/server.ts's ASSUMED_LIST_SIZE, limits.ts's ASSUMED_LIST_SIZE). */
const DEFAULT_LIST_SIZE = 10;
/** The directive estimate is at least the hub's cost and at most this many times it. */
const TOLERANCE = 2;
/** What leaf lists may add on top: one full page (100) of scalar items. */
const LEAF_LIST_SLACK = 100;

interface ListSize {
  assumedSize?: number;
  slicingArguments?: string[];
  sizedFields?: string[];
}

function directiveArgs(directives: readonly ConstDirectiveNode[] | undefined, name: string): Record<string, unknown> | undefined {
  const directive = directives?.find((d) => d.name.value === name);
  if (!directive) return undefined;
  return Object.fromEntries((directive.arguments ?? []).map((a) => [a.name.value, literal(a.value)]));
}

function literal(node: ConstValueNode): unknown {
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.STRING) return node.value;
  if (node.kind === Kind.BOOLEAN) return node.value;
  if (node.kind === Kind.LIST) return node.values.map(literal);
  return undefined;
}

const isList = (type: GraphQLOutputType): boolean => isListType(isNonNullType(type) ? type.ofType : type);

/** The directive estimate of one operation, as hive/ configures Hive Gateway's demand control. */
function directiveCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const variableDefaults = new Map<string, unknown>();
  for (const v of operation.variableDefinitions ?? []) if (v.defaultValue) variableDefaults.set(v.variable.name.value, literal(v.defaultValue));

  const argumentValue = (field: GraphQLField<unknown, unknown>, node: FieldNode, name: string): number | undefined => {
    const given = node.arguments?.find((a) => a.name.value === name)?.value;
    let value: unknown;
    if (given?.kind === Kind.INT) value = Number(given.value);
    else if (given?.kind === Kind.VARIABLE) value = variables[given.name.value] ?? variableDefaults.get(given.name.value);
    if (value === undefined) value = field.args.find((a) => a.name === name)?.defaultValue;
    return typeof value === 'number' && value > 0 ? value : undefined;
  };

  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, factor: number, sized: Map<string, number>): number => {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const type = fragment && (schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType);
        if (fragment && type) cost += walk(fragment.selectionSet, type, factor, sized);
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType) : parent;
        cost += walk(selection.selectionSet, type, factor, sized);
        continue;
      }
      const name = selection.name.value;
      if (name === '__typename') {
        cost += factor;
        continue;
      }
      const field = 'getFields' in parent ? parent.getFields()[name] : undefined;
      if (!field) throw new Error(`No field ${parent.name}.${name}`);
      const listSize = directiveArgs(field.astNode?.directives, 'listSize') as ListSize | undefined;
      const weight = Number(directiveArgs(field.astNode?.directives, 'cost')?.weight ?? 0);
      let own = 1;
      const inner = new Map<string, number>();
      if (sized.has(name)) own = sized.get(name) ?? 1;
      else if (listSize?.slicingArguments) {
        const size = Math.max(1, ...listSize.slicingArguments.map((a) => argumentValue(field, selection, a) ?? 1));
        if (listSize.sizedFields?.length) for (const f of listSize.sizedFields) inner.set(f, size);
        else own = size;
      } else if (listSize?.assumedSize !== undefined) own = listSize.assumedSize;
      else if (isList(field.type)) own = DEFAULT_LIST_SIZE;
      cost += (1 + weight) * factor * own;
      const type = getNamedType(field.type);
      if (selection.selectionSet) cost += walk(selection.selectionSet, type as GraphQLCompositeType, factor * own, inner);
    }
    return cost;
  };

  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (!root) throw new Error(`No ${operation.operation} type`);
  return walk(operation.selectionSet, root, 1, new Map());
}

const dir = join(ROOT, 'tests', 'journeys');
const files = readdirSync(dir).filter((f) => f.endsWith('.graphql'));

describe('the @listSize directives and the hub gateway agree on the cost of every journey operation', () => {
  it('finds the directives in the committed supergraph', () => {
    expect(readSupergraph()).toContain('@link(url: "https://specs.apollo.dev/cost/v0.1", import: ["@listSize"])');
    expect(files.length).toBeGreaterThanOrEqual(7);
  });

  it.each(files)('%s: the directive estimate is at least the hub cost and at most twice it plus a leaf list', (file) => {
    const document = parse(readFileSync(join(dir, file), 'utf8'));
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    for (const operation of operations) {
      const name = operation.name?.value ?? '';
      const hub = measureOperation(supergraph, document, { operationName: name }).cost;
      const estimate = directiveCost(supergraph, document, operation, {});
      expect(estimate, `${name}: directives ${estimate}, hub ${hub}`).toBeGreaterThanOrEqual(hub);
      expect(estimate, `${name}: directives ${estimate}, hub ${hub}`).toBeLessThanOrEqual(TOLERANCE * hub + LEAF_LIST_SLACK);
    }
  });

  it('counts a page by its first argument and a stated list bound by its directive, as the hub does', () => {
    const document = parse('{ organizations(first: 30) { nodes { id name phones { number } } } zorgkantoorregios { code gemeenten { code } } }');
    const operation = document.definitions[0] as OperationDefinitionNode;
    const hub = measureOperation(supergraph, document).cost;
    // Hub: organizations 1 + 30 × (id, name, phones 1 + 10 × number) = 1 + nodes 1 + 30 × 13 ; zorgkantoorregios 1 + 31 × (code, gemeenten 1 + 100 × code).
    expect(hub).toBe(1 + 1 + 30 * 13 + 1 + 31 * (1 + 1 + 100));
    // Directives: organizations 1, nodes 30, id/name 30 each, phones 30 × 10, number 300; zorgkantoorregios 31, code 31, gemeenten 3,100, code 3,100.
    expect(directiveCost(supergraph, document, operation, {})).toBe(1 + 30 + 60 + 300 + 300 + 31 + 31 + 3100 + 3100);
  });
});
