import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  type GraphQLError,
  Kind,
  Lexer,
  Source,
  TokenKind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { ErrorCode, hubError } from '@hub/errors';

/**
 * Operation limits of the gateway. Checked after parsing and validation and before any subgraph is called, so a
 * hostile or careless operation costs the gateway one parse and one walk over the document, never a query plan
 * or a database round trip. The defaults come from the journeys in tests/journeys/*.graphql with headroom
 * (`npm test` measures every journey against them, see tests/limits.test.ts).
 */
export interface OperationLimits {
  /** Deepest field nesting (a root field is depth 1). */
  maxDepth: number;
  /** Aliased fields in the whole operation (aliases multiply work without growing the document much). */
  maxAliases: number;
  /** Fields at the root of the operation (each is its own query plan branch). */
  maxRootFields: number;
  /** Lexical tokens of the whole document (bounds parsing and validation). */
  maxTokens: number;
  /** Estimated cost: see {@link operationCost}. */
  maxCost: number;
}

/** Assumed size of a list whose field has no `first`/`limit` argument: the typical page of the graph. */
const ASSUMED_LIST_SIZE = 10;
/**
 * The largest page any subgraph returns (referral events and overlegtafel signals are capped at 500, searches at
 * 100): a larger `first` is capped by the subgraph, not refused, so it is counted as this.
 */
const LARGEST_PAGE = 500;
/** Arguments that bound how many items a list field returns. */
const SIZE_ARGUMENTS = ['first', 'limit', 'last'];

interface OperationMetrics {
  depth: number;
  aliases: number;
  rootFields: number;
  cost: number;
}

/** Counts lexical tokens up to `stopAfter` (a document beyond it is refused anyway); undefined when it does not lex. */
function countTokens(query: string, stopAfter = Number.POSITIVE_INFINITY): number | undefined {
  try {
    const lexer = new Lexer(new Source(query));
    let count = 0;
    while (lexer.advance().kind !== TokenKind.EOF) {
      count += 1;
      if (count > stopAfter) break;
    }
    return count;
  } catch {
    // A lexing error is a syntax error: graphql-js reports it with its own clear message.
    return undefined;
  }
}

function intValue(node: ValueNode | undefined, variables: Record<string, unknown>, defaults: Map<string, ValueNode>): number | undefined {
  if (!node) return undefined;
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) {
    const value = variables[node.name.value];
    if (typeof value === 'number') return value;
    if (value === undefined) return intValue(defaults.get(node.name.value), variables, defaults);
  }
  return undefined;
}

/*
 * Type tests by tag, not graphql-js's `instanceof` helpers: the gateway's schema is built by @apollo/gateway, which
 * loads graphql-js as CommonJS, while this ES module gets the ESM build — two realms whose classes differ.
 */
const tag = (type: unknown): string => Object.prototype.toString.call(type);

function isList(type: GraphQLOutputType): boolean {
  const inner = tag(type) === '[object GraphQLNonNull]' && 'ofType' in type ? type.ofType : type;
  return tag(inner) === '[object GraphQLList]';
}

function namedType(type: GraphQLOutputType): GraphQLNamedType {
  let current: GraphQLOutputType = type;
  while ('ofType' in current) current = current.ofType;
  return current;
}

/** Objects, interfaces and unions: the types a selection set can select from. */
function asComposite(type: GraphQLNamedType | null | undefined): GraphQLCompositeType | undefined {
  const t = tag(type);
  return type && (t === '[object GraphQLObjectType]' || t === '[object GraphQLInterfaceType]' || t === '[object GraphQLUnionType]')
    ? (type as GraphQLCompositeType)
    : undefined;
}

/**
 * Depth, aliases, root fields and cost of one operation. Cost: every field costs 1; the fields below a field are
 * counted once per item it may return: its `first`/`limit` argument (the literal, the variable's value or default,
 * or the schema default; at most {@link LARGEST_PAGE}), else {@link ASSUMED_LIST_SIZE} for a list, else 1. Fragments are followed (each spread is
 * walked once and counted at every spread; validation has already refused cycles, a guard keeps the walk finite
 * regardless). Below introspection fields nothing is counted (see the walk).
 */
function operationMetrics(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): OperationMetrics {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const variableDefaults = new Map<string, ValueNode>();
  for (const v of operation.variableDefinitions ?? []) if (v.defaultValue) variableDefaults.set(v.variable.name.value, v.defaultValue);

  // Unions have no fields of their own (only __typename); objects and interfaces do.
  const fieldOf = (parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined =>
    'getFields' in parent ? parent.getFields()[name] : undefined;

  /** Figures of one selection set: depth relative to it, `fields` = fields directly in it (fragments included). */
  interface Figures {
    cost: number;
    depth: number;
    aliases: number;
    fields: number;
  }
  // A fragment's figures do not depend on where it is spread (its type condition fixes its parent type), so each is
  // walked once: without this, fragments that spread the next one twice would make the walk itself exponential.
  const fragmentFigures = new Map<string, Figures>();

  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType | undefined, visiting: Set<string>): Figures => {
    const total: Figures = { cost: 0, depth: 0, aliases: 0, fields: 0 };
    const add = (f: Figures) => {
      total.cost += f.cost;
      total.depth = Math.max(total.depth, f.depth);
      total.aliases += f.aliases;
      total.fields += f.fields;
    };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const own: Figures = { cost: 1, depth: 1, aliases: selection.alias ? 1 : 0, fields: 1 };
        // Introspection (`__schema`, `__type`) is answered by the gateway from memory and never reaches a subgraph;
        // its standard query nests `ofType` deeper than any journey. The token limit still bounds it, and
        // production turns introspection off.
        if (!selection.name.value.startsWith('__')) {
          const field = parent ? fieldOf(parent, selection.name.value) : undefined;
          let multiplier = 1;
          if (field) {
            const sizeArg = selection.arguments?.find((a) => SIZE_ARGUMENTS.includes(a.name.value));
            const declared = field.args.find((a) => SIZE_ARGUMENTS.includes(a.name));
            const size =
              intValue(sizeArg?.value, variables, variableDefaults) ??
              (declared && typeof declared.defaultValue === 'number' ? declared.defaultValue : undefined);
            multiplier = size !== undefined ? Math.min(LARGEST_PAGE, Math.max(1, size)) : isList(field.type) ? ASSUMED_LIST_SIZE : 1;
          }
          if (selection.selectionSet) {
            const inner = walk(selection.selectionSet, asComposite(field ? namedType(field.type) : undefined), visiting);
            own.cost += multiplier * inner.cost;
            own.depth += inner.depth;
            own.aliases += inner.aliases;
          }
        }
        add(own);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        add(walk(selection.selectionSet, asComposite(condition), visiting));
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || visiting.has(name)) continue;
        let figures = fragmentFigures.get(name);
        if (!figures) {
          visiting.add(name);
          figures = walk(fragment.selectionSet, asComposite(schema.getType(fragment.typeCondition.name.value)), visiting);
          visiting.delete(name);
          fragmentFigures.set(name, figures);
        }
        add(figures);
      }
    }
    return total;
  };

  const root =
    operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  const figures = walk(operation.selectionSet, root ?? undefined, new Set());
  return { depth: figures.depth, aliases: figures.aliases, rootFields: figures.fields, cost: figures.cost };
}

function tooComplex(message: string, limit: string, value: number, max: number): GraphQLError {
  return hubError(ErrorCode.OPERATION_TOO_COMPLEX, message, { details: { limit, value, max } });
}

/** The first limit the operation breaks, as a client error; undefined when it stays within every limit. */
function checkOperation(metrics: OperationMetrics, limits: OperationLimits): GraphQLError | undefined {
  if (metrics.depth > limits.maxDepth) {
    return tooComplex(`The operation nests fields ${metrics.depth} deep; at most ${limits.maxDepth} is allowed.`, 'depth', metrics.depth, limits.maxDepth);
  }
  if (metrics.aliases > limits.maxAliases) {
    return tooComplex(
      `The operation uses ${metrics.aliases} aliases; at most ${limits.maxAliases} are allowed.`,
      'aliases',
      metrics.aliases,
      limits.maxAliases,
    );
  }
  if (metrics.rootFields > limits.maxRootFields) {
    return tooComplex(
      `The operation selects ${metrics.rootFields} root fields; at most ${limits.maxRootFields} are allowed.`,
      'rootFields',
      metrics.rootFields,
      limits.maxRootFields,
    );
  }
  if (metrics.cost > limits.maxCost) {
    return tooComplex(
      `The operation's estimated cost is ${metrics.cost} (fields × requested list sizes); at most ${limits.maxCost} is allowed. Request smaller pages or fewer fields.`,
      'cost',
      metrics.cost,
      limits.maxCost,
    );
  }
  return undefined;
}

/**
 * Apollo Server plugin enforcing the limits. The token count is checked on the raw text (graphql-js stops parsing
 * at `parseOptions.maxTokens`, see {@link hardTokenLimit}); the rest on the resolved operation. An error thrown
 * from `didResolveOperation` is answered with HTTP 400 (the registry code's status) before any query plan is made.
 */
export function operationLimitsPlugin<TContext extends BaseContext>(limits: OperationLimits): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, schema }) {
          const tokens = countTokens(request.query ?? '', limits.maxTokens);
          if (tokens !== undefined && tokens > limits.maxTokens) {
            throw tooComplex(
              `The operation has more than ${limits.maxTokens} tokens; at most ${limits.maxTokens} are allowed. Send a smaller document.`,
              'tokens',
              tokens,
              limits.maxTokens,
            );
          }
          // Apollo resolves the operation before this hook; without one it has already answered with an error.
          if (!operation) return;
          const error = checkOperation(operationMetrics(schema, document, operation, request.variables ?? {}), limits);
          if (error) throw error;
        },
      };
    },
  };
}

/**
 * graphql-js aborts parsing beyond this many tokens (with a syntax error): four times the limit, so a document just
 * over the limit gets the clear OPERATION_TOO_COMPLEX answer, while a huge one is not even parsed whole.
 */
export const hardTokenLimit = (limits: OperationLimits) => limits.maxTokens * 4;
