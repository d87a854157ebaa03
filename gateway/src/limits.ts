import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ErrorCode, hubError } from '@hub/errors';
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLError,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  Kind,
  Lexer,
  type OperationDefinitionNode,
  type SelectionSetNode,
  Source,
  TokenKind,
  type ValueNode,
  visit,
} from 'graphql';

/**
 * Operation limits of the gateway. Checked after parsing and validation and before any subgraph is called, so a
 * hostile or careless operation costs the gateway one parse and one walk over the document, never a query plan
 * or a database round trip. The defaults come from the journeys in tests/journeys/*.graphql and the benchmark's
 * operations with headroom (`npm test` measures every one against them, see tests/bench-operations.test.ts).
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
  /** Estimated cost: see {@link operationMetrics}. */
  maxCost: number;
}

/** Assumed size of a list whose size neither an argument nor its description states: the typical page of the graph. */
const ASSUMED_LIST_SIZE = 10;
/**
 * The largest page any subgraph returns (referral events are capped at 500), for a size argument whose description
 * states no cap. A larger `first` is capped by the subgraph, not refused, so it is counted as the cap.
 */
const LARGEST_PAGE = 500;
/** Arguments that bound how many items a list field or a page returns. */
const SIZE_ARGUMENTS = ['first', 'limit', 'last'];
/**
 * The cap a size argument's description states, as docs/api-conventions.md asks: "capped at 100", "served at most
 * 100", "clamped to 1–50".
 */
const STATED_CAP = /\b(?:capped at|at most|clamped to \d+\s*[–-])\s*(\d[\d,]*)/i;
/** The bound a plain list's description states ("at most 7", "at most 342 (CBS 2025)"), see docs/api-conventions.md. */
const STATED_BOUND = /\bat most (\d[\d,]*)/i;
/**
 * The most a plain list counts for, whatever bound it states: a full page (the cap of the graph's connections). Its
 * bound is one of the data, which no caller can raise, and a list longer than a page is a complete answer made at
 * once (the 342 gemeenten; signal summaries, at most 744 per request with up to 1,120 cells each). Counted at their
 * bounds, every request for such a list would be refused however little it returns, while what the limit must stop
 * is pages the caller chose nested into each other.
 */
const FULL_PAGE = 100;

const statedNumber = (pattern: RegExp, text: string | null | undefined): number | undefined => {
  const digits = text ? pattern.exec(text)?.[1] : undefined;
  return digits ? Number(digits.replaceAll(',', '')) : undefined;
};

/** What the limits are checked against, for one operation. */
export interface OperationMetrics {
  depth: number;
  aliases: number;
  rootFields: number;
  cost: number;
}

/** Counts lexical tokens up to `stopAfter` (a document beyond it is refused anyway); undefined when it does not lex. */
export function countTokens(query: string, stopAfter = Number.POSITIVE_INFINITY): number | undefined {
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

/** How many items a plain list counts for by the bound its description states, at most {@link FULL_PAGE}. */
function listBound(field: GraphQLField<unknown, unknown>): number | undefined {
  const bound = statedNumber(STATED_BOUND, field.description);
  return bound === undefined ? undefined : Math.min(FULL_PAGE, bound);
}

/** A `…Connection` type with `edges` and/or `nodes`: a Relay page (docs/api-conventions.md). */
function isConnection(type: GraphQLCompositeType | undefined): boolean {
  if (!type?.name.endsWith('Connection') || !('getFields' in type)) return false;
  const fields = type.getFields();
  return 'edges' in fields || 'nodes' in fields;
}

/**
 * Whether a field of a page holds the page's items: a connection's `edges` and `nodes`; in a page of another shape
 * (e.g. the referral event feed's `events`) every list.
 */
function holdsItems(page: GraphQLCompositeType, field: GraphQLField<unknown, unknown>): boolean {
  return isConnection(page) ? field.name === 'edges' || field.name === 'nodes' : isList(field.type);
}

/**
 * Depth, aliases, root fields and cost of one operation. Cost: every field costs 1, and what is selected below a
 * field counts once per item the field may return:
 * - a field returning a page — a connection (see {@link isConnection}), or another single object that takes a
 *   `first`/`limit` argument — counts once; its item lists (`edges`, `nodes`) count their selection once per item of
 *   the page, and the rest of the page (`pageInfo`, `totalCount`, facets) once. So `edges { node { … } }` and
 *   `nodes { … }` each cost the page size × one item, and a page nested in an item multiplies with it;
 * - a list field with a `first`/`limit` argument counts its selection that many times; a plain list whose
 *   description states a bound ("at most N") N times, up to {@link FULL_PAGE}; any other list
 *   {@link ASSUMED_LIST_SIZE} times; an object once.
 * The size is the argument's literal, the variable's value or default, or the schema default (else
 * {@link ASSUMED_LIST_SIZE}), at least 1 and at most the cap the argument's description states (else
 * {@link LARGEST_PAGE}): subgraphs serve a larger one at the cap. Fragments are followed (each spread is walked
 * once and counted at every spread; validation has already refused cycles, a guard keeps the walk finite
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

  /** How many items the field is asked for, within the stated cap; undefined when it takes no size argument. */
  const requestedSize = (field: GraphQLField<unknown, unknown>, selection: FieldNode): number | undefined => {
    const declared = field.args.find((a) => SIZE_ARGUMENTS.includes(a.name));
    if (!declared) return undefined;
    const given = selection.arguments?.find((a) => a.name.value === declared.name);
    const size = intValue(given?.value, variables, variableDefaults) ?? (typeof declared.defaultValue === 'number' ? declared.defaultValue : ASSUMED_LIST_SIZE);
    return Math.min(statedNumber(STATED_CAP, declared.description) ?? LARGEST_PAGE, Math.max(1, size));
  };

  /** Figures of one selection set: depth relative to it, `fields` = fields directly in it (fragments included). */
  interface Figures {
    cost: number;
    depth: number;
    aliases: number;
    fields: number;
  }
  // A fragment's figures do not depend on where it is spread (its type condition fixes its parent type), except on
  // the size of the page it is spread into; so each is walked once per page size: without this, fragments that
  // spread the next one twice would make the walk itself exponential.
  const fragmentFigures = new Map<string, Figures>();

  /** `pageSize`: set when `parent` is a page, the number of items its item lists hold. */
  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType | undefined, visiting: Set<string>, pageSize?: number): Figures => {
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
          const type = field ? asComposite(namedType(field.type)) : undefined;
          let multiplier = 1;
          let innerPageSize: number | undefined;
          if (field && parent) {
            const size = requestedSize(field, selection);
            if (pageSize !== undefined && holdsItems(parent, field)) multiplier = pageSize;
            else if (isList(field.type)) multiplier = size ?? listBound(field) ?? ASSUMED_LIST_SIZE;
            else if (isConnection(type) || (size !== undefined && type)) innerPageSize = size ?? ASSUMED_LIST_SIZE;
          }
          if (selection.selectionSet) {
            const inner = walk(selection.selectionSet, type, visiting, innerPageSize);
            own.cost += multiplier * inner.cost;
            own.depth += inner.depth;
            own.aliases += inner.aliases;
          }
        }
        add(own);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? asComposite(schema.getType(selection.typeCondition.name.value)) : parent;
        add(walk(selection.selectionSet, condition, visiting, condition === parent ? pageSize : undefined));
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || visiting.has(name)) continue;
        const condition = asComposite(schema.getType(fragment.typeCondition.name.value));
        const fragmentPageSize = condition === parent ? pageSize : undefined;
        const key = `${name}/${fragmentPageSize ?? ''}`;
        let figures = fragmentFigures.get(key);
        if (!figures) {
          visiting.add(name);
          figures = walk(fragment.selectionSet, condition, visiting, fragmentPageSize);
          visiting.delete(name);
          fragmentFigures.set(key, figures);
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

/**
 * The figures of one operation of a document (the named one, or the only one) as the gateway measures them, for
 * checks outside a running gateway (the benchmark's and the journeys' operations against the committed supergraph).
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  options: { operationName?: string | undefined; variables?: Record<string, unknown> | undefined } = {},
): OperationMetrics {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation =
    options.operationName === undefined
      ? operations.length === 1
        ? operations[0]
        : undefined
      : operations.find((o) => o.name?.value === options.operationName);
  if (!operation) throw new Error(`The document has no operation ${options.operationName ?? '(it has several; name one)'}.`);
  return operationMetrics(schema, document, operation, options.variables);
}

export function tooComplex(message: string, limit: string, value: number, max: number): GraphQLError {
  return hubError(ErrorCode.OPERATION_TOO_COMPLEX, message, { details: { limit, value, max } });
}

/** The first limit the operation breaks, as a client error; undefined when it stays within every limit. */
export function checkOperation(metrics: OperationMetrics, limits: OperationLimits): GraphQLError | undefined {
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

/** Refuses a document of more than `limits.maxTokens` lexical tokens (OPERATION_TOO_COMPLEX, limit "tokens"). */
export function checkTokenLimit(source: string, limits: OperationLimits): void {
  const tokens = countTokens(source, limits.maxTokens);
  if (tokens !== undefined && tokens > limits.maxTokens) throw tokenLimitError(tokens, limits);
}

const tokenLimitError = (tokens: number, limits: OperationLimits): GraphQLError =>
  tooComplex(
    `The operation has more than ${limits.maxTokens} tokens; at most ${limits.maxTokens} are allowed. Send a smaller document.`,
    'tokens',
    tokens,
    limits.maxTokens,
  );

/**
 * Apollo Server plugin enforcing the limits. The token count is checked on the raw text (graphql-js stops parsing
 * at `parseOptions.maxTokens`, see {@link hardTokenLimit}); the rest on the resolved operation. An error thrown
 * from `didResolveOperation` is answered with HTTP 400 (the registry code's status) before any query plan is made.
 */
export function operationLimitsPlugin<TContext extends BaseContext>(limits: OperationLimits): ApolloServerPlugin<TContext> {
  // Apollo Server keeps one parsed document per query text (its document store), so a client repeating an operation
  // hands this hook the same DocumentNode: its token count and its figures are worked out once, the figures per
  // operation and per value of the variables that size its lists (the only variables they depend on).
  const measured = new WeakMap<DocumentNode, MeasuredDocument>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, schema }) {
          let known = measured.get(document);
          if (!known || known.schema !== schema) {
            known = { schema, tokens: countTokens(request.query ?? '', limits.maxTokens), sizeVariables: sizeVariablesOf(document), figures: new Map() };
            measured.set(document, known);
          }
          if (known.tokens !== undefined && known.tokens > limits.maxTokens) throw tokenLimitError(known.tokens, limits);
          // Apollo resolves the operation before this hook; without one it has already answered with an error.
          if (!operation) return;
          const variables = request.variables ?? {};
          const key = `${operation.name?.value ?? ''}:${known.sizeVariables.map((name) => sizeKey(variables[name])).join(',')}`;
          let figures = known.figures.get(key);
          if (!figures) {
            figures = operationMetrics(schema, document, operation, variables);
            // Bounded: a caller trying ever new page sizes only makes the walk run again.
            if (known.figures.size >= MAX_FIGURES_PER_DOCUMENT) known.figures.clear();
            known.figures.set(key, figures);
          }
          const error = checkOperation(figures, limits);
          if (error) throw error;
        },
      };
    },
  };
}

/** What {@link operationLimitsPlugin} remembers of one parsed document. */
interface MeasuredDocument {
  schema: GraphQLSchema;
  tokens: number | undefined;
  /** Variables given to a size argument anywhere in the document. */
  sizeVariables: string[];
  /** By operation name and size variables' values. */
  figures: Map<string, OperationMetrics>;
}

const MAX_FIGURES_PER_DOCUMENT = 64;

function sizeVariablesOf(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(node) {
      if (SIZE_ARGUMENTS.includes(node.name.value) && node.value.kind === Kind.VARIABLE) names.add(node.value.name.value);
    },
  });
  return [...names];
}

/** A size variable as {@link intValue} reads it: a number counts, a missing one takes its default, anything else neither. */
const sizeKey = (value: unknown): string => (typeof value === 'number' ? String(value) : value === undefined ? 'u' : 'x');

/**
 * graphql-js aborts parsing beyond this many tokens (with a syntax error): four times the limit, so a document just
 * over the limit gets the clear OPERATION_TOO_COMPLEX answer, while a huge one is not even parsed whole.
 */
export const hardTokenLimit = (limits: OperationLimits) => limits.maxTokens * 4;
