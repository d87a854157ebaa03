import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  buildASTSchema,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isSpecifiedDirective,
  isSpecifiedScalarType,
  parse,
  type GraphQLArgument,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';

/**
 * The API conventions of docs/api-conventions.md, checked on the composed supergraph. Rules that the graph does not
 * follow everywhere yet (mutation shape, unbounded lists) hold a ratchet: tests/api-conventions-exceptions.json lists
 * today's violations, and the list may only shrink. Descriptions have no exceptions.
 */

type Rule = 'MUTATION_INPUT' | 'MUTATION_PAYLOAD' | 'UNBOUNDED_LIST' | 'DESCRIPTION';
const RATCHETED_RULES = ['MUTATION_INPUT', 'MUTATION_PAYLOAD', 'UNBOUNDED_LIST'] as const;

interface Violation {
  rule: Rule;
  /** A schema coordinate: `Type`, `Type.field`, `Type.field(arg:)`, `Enum.VALUE`, `@directive(arg:)`. */
  coordinate: string;
}

/**
 * A plain list is accepted when its description states the bound of the data as "at most N" (a number), e.g.
 * "at most 7, one per legal domain". A list that grows with use is a connection instead.
 */
const STATED_BOUND = /\bat most \d[\d,]*\b/i;

/** Federation machinery composed into the supergraph (join__/link__ specs and the subgraph-only entity fields). */
const isMachineryType = (name: string) =>
  name.startsWith('__') ||
  name.startsWith('join__') ||
  name.startsWith('link__') ||
  name.startsWith('federation__') ||
  ['_Any', '_Entity', '_Service', '_FieldSet'].includes(name);
const isMachineryField = (name: string) => name === '_entities' || name === '_service';
/** …and its directives, with the demand-control spec's @cost / @listSize (specs.apollo.dev/cost, imported by @link). */
const isMachineryDirective = (name: string) =>
  name === 'link' || name === 'cost' || name === 'listSize' || name.startsWith('join__') || name.startsWith('federation__');

/** Connection plumbing: the `edges` / `nodes` lists of a `…Connection` type are the page itself. */
const isConnectionList = (typeName: string, fieldName: string) => typeName.endsWith('Connection') && (fieldName === 'edges' || fieldName === 'nodes');

const described = (description: string | null | undefined) => typeof description === 'string' && description.trim().length > 0;

function checkConventions(schema: GraphQLSchema): Violation[] {
  const violations: Violation[] = [];
  const add = (rule: Rule, coordinate: string) => violations.push({ rule, coordinate });
  const checkArgs = (owner: string, args: readonly GraphQLArgument[]) => {
    for (const arg of args) if (!described(arg.description)) add('DESCRIPTION', `${owner}(${arg.name}:)`);
  };

  for (const directive of schema.getDirectives()) {
    if (isSpecifiedDirective(directive) || isMachineryDirective(directive.name)) continue;
    if (!described(directive.description)) add('DESCRIPTION', `@${directive.name}`);
    checkArgs(`@${directive.name}`, directive.args);
  }

  for (const type of Object.values(schema.getTypeMap())) {
    if (isMachineryType(type.name) || isSpecifiedScalarType(type)) continue;
    if (!described(type.description)) add('DESCRIPTION', type.name);

    if (isEnumType(type)) {
      for (const value of type.getValues()) if (!described(value.description)) add('DESCRIPTION', `${type.name}.${value.name}`);
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (!described(field.description)) add('DESCRIPTION', `${type.name}.${field.name}`);
    } else if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (isMachineryField(field.name)) continue;
        const coordinate = `${type.name}.${field.name}`;
        if (!described(field.description)) add('DESCRIPTION', coordinate);
        checkArgs(coordinate, field.args);
        if (isListType(getNullableType(field.type)) && !isConnectionList(type.name, field.name) && !STATED_BOUND.test(field.description ?? '')) {
          add('UNBOUNDED_LIST', coordinate);
        }
      }
    }
  }

  const mutation = schema.getMutationType();
  for (const field of Object.values(mutation?.getFields() ?? {})) {
    const coordinate = `${mutation?.name ?? 'Mutation'}.${field.name}`;
    const [only, ...more] = field.args;
    const inputType = only && isNonNullType(only.type) ? only.type.ofType : undefined;
    if (!only || more.length > 0 || only.name !== 'input' || !isInputObjectType(inputType) || !inputType.name.endsWith('Input')) {
      add('MUTATION_INPUT', coordinate);
    }
    const payload = isNonNullType(field.type) ? field.type.ofType : undefined;
    if (!isObjectType(payload) || !payload.name.endsWith('Payload') || payload.name === 'Payload') add('MUTATION_PAYLOAD', coordinate);
  }

  return violations;
}

const load = (sdl: string) => buildASTSchema(parse(sdl), { assumeValidSDL: true });
const key = (v: Violation) => `${v.rule} ${v.coordinate}`;

const supergraphPath = fileURLToPath(new URL('../gateway/supergraph.graphql', import.meta.url));
const exceptionsPath = fileURLToPath(new URL('./api-conventions-exceptions.json', import.meta.url));

interface Exceptions {
  MUTATION_INPUT: string[];
  MUTATION_PAYLOAD: string[];
  UNBOUNDED_LIST: string[];
}

function readExceptions(): Exceptions {
  const raw: unknown = JSON.parse(readFileSync(exceptionsPath, 'utf8'));
  const lists = {} as Exceptions;
  for (const rule of RATCHETED_RULES) {
    const list: unknown = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[rule] : undefined;
    if (!Array.isArray(list) || !list.every((c): c is string => typeof c === 'string')) {
      throw new Error(`${exceptionsPath}: "${rule}" must be a list of schema coordinates.`);
    }
    lists[rule] = list;
  }
  return lists;
}

describe('API conventions of the composed supergraph', () => {
  const violations = checkConventions(load(readFileSync(supergraphPath, 'utf8')));
  const exceptions = readExceptions();

  it('describes every type, field, argument and enum value (no exceptions)', () => {
    expect(violations.filter((v) => v.rule === 'DESCRIPTION').map((v) => v.coordinate)).toEqual([]);
  });

  for (const rule of RATCHETED_RULES) {
    it(`${rule}: no violation outside the exceptions file, and no stale entry in it`, () => {
      const found = violations
        .filter((v) => v.rule === rule)
        .map((v) => v.coordinate)
        .sort();
      const allowed = [...exceptions[rule]].sort();
      console.log(`api conventions: ${allowed.length} exception(s) for ${rule}`);
      // New violations must be fixed, not added to the file; fixed ones must be removed from it so it only shrinks.
      expect({ rule, newViolations: found.filter((c) => !allowed.includes(c)) }).toEqual({ rule, newViolations: [] });
      expect({ rule, noLongerViolations: allowed.filter((c) => !found.includes(c)) }).toEqual({ rule, noLongerViolations: [] });
      expect(new Set(allowed).size).toBe(allowed.length);
    });
  }
});

describe('the convention checker itself', () => {
  const sdl = /* GraphQL */ `
    "A thing."
    type Thing {
      "Id."
      id: ID!
      tags: [String!]!
      "Children of this thing."
      children: [Thing!]!
      "Codes of this thing, at most 3 (one per code)."
      codes: [String!]!
      "Things near this one."
      near("How far." km: Float, within: Int): Thing
    }
    "A page of things."
    type ThingConnection {
      "The things."
      nodes: [Thing!]!
      "The things again, as edges."
      edges: [Thing!]!
      "Not page plumbing."
      extras: [Thing!]!
    }
    "Kinds."
    enum Kind {
      "Described."
      A
      B
    }
    input ThingInput {
      "Name."
      name: String
    }
    "Options."
    input Options {
      "Verbose."
      verbose: Boolean
    }
    "The result."
    type ThingPayload {
      "The thing."
      thing: Thing!
    }
    "Reads."
    type Query {
      "Things."
      things("Page size." first: Int): ThingConnection!
    }
    "Writes."
    type Mutation {
      "Conforms."
      createThing("The thing." input: ThingInput!): ThingPayload!
      "Two arguments."
      updateThing("Id." id: ID!, "The thing." input: ThingInput!): ThingPayload!
      "Nullable input."
      touchThing("The thing." input: ThingInput): ThingPayload!
      "Input type not named …Input."
      optionsThing("Options." input: Options!): ThingPayload!
      "Argument not named input."
      renameThing("The thing." data: ThingInput!): ThingPayload!
      "Returns a scalar."
      removeThing("The thing." input: ThingInput!): Boolean!
      "Returns a nullable payload."
      maybeThing("The thing." input: ThingInput!): ThingPayload
      "Returns the object itself."
      bareThing("The thing." input: ThingInput!): Thing!
    }
  `;
  const found = checkConventions(load(sdl)).map(key).sort();

  it('catches a mutation whose arguments are not exactly one `input: XInput!`', () => {
    expect(found.filter((k) => k.startsWith('MUTATION_INPUT'))).toEqual(
      ['Mutation.optionsThing', 'Mutation.renameThing', 'Mutation.touchThing', 'Mutation.updateThing'].map((c) => `MUTATION_INPUT ${c}`),
    );
  });

  it('catches a mutation that does not return a non-null XPayload object', () => {
    expect(found.filter((k) => k.startsWith('MUTATION_PAYLOAD'))).toEqual(
      ['Mutation.bareThing', 'Mutation.maybeThing', 'Mutation.removeThing'].map((c) => `MUTATION_PAYLOAD ${c}`),
    );
  });

  it('catches a plain list without a stated bound, but not connection pages or lists that state "at most N"', () => {
    expect(found.filter((k) => k.startsWith('UNBOUNDED_LIST'))).toEqual(
      ['Thing.children', 'Thing.tags', 'ThingConnection.extras'].map((c) => `UNBOUNDED_LIST ${c}`),
    );
  });

  it('catches a type, field, argument or enum value without a description', () => {
    expect(found.filter((k) => k.startsWith('DESCRIPTION'))).toEqual(
      ['Kind.B', 'Thing.near(within:)', 'Thing.tags', 'ThingInput'].map((c) => `DESCRIPTION ${c}`),
    );
  });

  it('leaves the federation machinery and graphql built-ins alone', () => {
    const withMachinery = `${sdl}
      scalar join__FieldSet
      enum join__Graph { A }
      scalar link__Import
      directive @join__field(graph: join__Graph) on FIELD_DEFINITION
      directive @link(url: String) repeatable on SCHEMA
      "A custom directive."
      directive @gated(category: String) on FIELD_DEFINITION
    `;
    const extra = checkConventions(load(withMachinery))
      .map(key)
      .filter((k) => !found.includes(k));
    expect(extra).toEqual(['DESCRIPTION @gated(category:)']);
  });
});
