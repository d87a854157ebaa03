import { defaultFieldResolver, GraphQLScalarType, Kind, type DocumentNode, type GraphQLFieldResolver, type GraphQLResolveInfo } from 'graphql';
import { consentRequired, forbidden } from '@hub/errors';
import type { SubgraphResolvers } from './subgraph-host.ts';

/**
 * The consent gate of the whole graph. A subgraph's own SDL declares which fields hold a client's personal data, with
 * `@consentGated(category:)`; `applyConsentGate` wraps exactly those field resolvers. Entity resolution
 * (`__resolveReference` / `_entities`) reaches the same wrapped fields, so a direct `_entities` call cannot bypass it.
 * Each subgraph plugs in how it decides (its own data, or a batched question to the cases subgraph) and where the read
 * is logged; the order (decide, log, then answer or refuse) and the refusal are the same everywhere.
 */

export interface GatedField<C extends string = string> {
  typeName: string;
  fieldName: string;
  category: C;
}

/** The values of the SDL's own `ConsentCategory` enum: the only categories a `@consentGated` may name. */
function consentCategoriesOf(typeDefs: DocumentNode): Set<string> {
  const values = new Set<string>();
  for (const def of typeDefs.definitions) {
    if ((def.kind === Kind.ENUM_TYPE_DEFINITION || def.kind === Kind.ENUM_TYPE_EXTENSION) && def.name.value === 'ConsentCategory') {
      for (const v of def.values ?? []) values.add(v.name.value);
    }
  }
  return values;
}

/** Every `@consentGated(category:)` of one SDL: the schema is the single declaration of what is gated. */
export function gatedFieldsOf(typeDefs: DocumentNode): GatedField[] {
  const known = consentCategoriesOf(typeDefs);
  const found: GatedField[] = [];
  for (const def of typeDefs.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const field of def.fields ?? []) {
      const directive = field.directives?.find((d) => d.name.value === 'consentGated');
      if (!directive) continue;
      const arg = directive.arguments?.find((a) => a.name.value === 'category');
      const category = arg?.value.kind === Kind.ENUM ? arg.value.value : undefined;
      if (!category || !known.has(category)) {
        throw new Error(`@consentGated on ${def.name.value}.${field.name.value} needs a category of the SDL's ConsentCategory enum`);
      }
      found.push({ typeName: def.name.value, fieldName: field.name.value, category });
    }
  }
  return found;
}

/** One consent decision for one gated read, computed in this request (never cached across requests). */
export interface GateDecision {
  permit: boolean;
  /** OWN_ORGANIZATION or CONSENT when permitted; NO_CONSENT, EXPIRED, REVOKED, OTHER_PURPOSE, ... when refused. */
  reason: string;
  /** The consent the decision rests on (or that was found revoked or expired), when there is one. */
  consentId: string | null;
  /**
   * Set when the caller's role may not read personal data at all: the field is refused with FORBIDDEN and this
   * message, not CONSENT_REQUIRED (no consent could open it).
   */
  forbidden?: string | undefined;
}

/** What the access-log writer is told about one gated read, granted or refused. */
export interface GatedRead<TSubject, C extends string> {
  field: GatedField<C>;
  subject: TSubject;
  decision: GateDecision;
  info: GraphQLResolveInfo;
}

/** What a subgraph plugs into the gate. */
export interface ConsentGate<TContext, TSubject extends { purpose: string }, C extends string> {
  /** The subgraph's consent categories; an SDL category outside them stops the subgraph at start-up. */
  categories: readonly C[];
  /**
   * Per type that holds a gated field: the subject of the read (the client, the purpose of the read, whose data it
   * is) from the parent object the field resolves on. Typed by the subgraph against its own parent types.
   */
  subjectOf: Readonly<Record<string, (parent: never) => TSubject>>;
  /** The decision, batched per request through the request's loaders; it may throw UNAUTHENTICATED. */
  decide: (ctx: TContext, subject: TSubject, category: C) => Promise<GateDecision>;
  /** Writes the read to the client's access log before any value is returned; a failure fails the field. */
  record: (ctx: TContext, read: GatedRead<TSubject, C>) => void | Promise<void>;
}

type TypeResolvers = Exclude<SubgraphResolvers[string], GraphQLScalarType>;
type EnumValues = Extract<TypeResolvers, { [enumValue: string]: string | number }>;

/** An enum's internal values (entries that are strings or numbers), not a type's field resolvers. */
const isEnumValues = (r: TypeResolvers): r is EnumValues => Object.values(r).some((v) => typeof v === 'string' || typeof v === 'number');

/**
 * Wraps the resolver of every field the SDL marks `@consentGated`: decide, record the read (granted or refused), then
 * either resolve or answer null with CONSENT_REQUIRED (`extensions`: category, purpose, reason) at the field's path.
 * Fails at start-up when the SDL gates a field the gate cannot judge (unknown category, no subject reader).
 */
export function applyConsentGate<TContext, TSubject extends { purpose: string }, C extends string>(
  typeDefs: DocumentNode,
  resolvers: SubgraphResolvers,
  gate: ConsentGate<TContext, TSubject, C>,
): SubgraphResolvers {
  const out: SubgraphResolvers = { ...resolvers };
  for (const g of gatedFieldsOf(typeDefs)) {
    const category = gate.categories.find((c) => c === g.category);
    if (!category) throw new Error(`@consentGated on ${g.typeName}.${g.fieldName}: category ${g.category} is not one this subgraph decides`);
    const field: GatedField<C> = { ...g, category };
    const readSubject = gate.subjectOf[g.typeName];
    if (!readSubject) throw new Error(`@consentGated on ${g.typeName}.${g.fieldName}: the gate has no subject reader for ${g.typeName}`);
    const typeResolvers: TypeResolvers | GraphQLScalarType = out[g.typeName] ?? {};
    if (typeResolvers instanceof GraphQLScalarType || isEnumValues(typeResolvers)) {
      throw new Error(`@consentGated on ${g.typeName}.${g.fieldName}: ${g.typeName} is not an object type`);
    }
    const own = typeResolvers[g.fieldName];
    if (own !== undefined && typeof own !== 'function') throw new Error(`@consentGated on ${g.typeName}.${g.fieldName} needs a plain field resolver`);
    const inner: GraphQLFieldResolver<unknown, TContext> = own ?? defaultFieldResolver;
    const wrapped: GraphQLFieldResolver<unknown, TContext> = async (parent, args, ctx, info) => {
      // The SDL puts this field on g.typeName, so graphql-js hands it a parent of that type: the one the reader takes.
      const subject = readSubject(parent as never);
      const decision = await gate.decide(ctx, subject, category);
      await gate.record(ctx, { field, subject, decision, info });
      if (decision.forbidden !== undefined) throw forbidden(decision.forbidden);
      if (!decision.permit) throw consentRequired(category, subject.purpose, decision.reason);
      return inner(parent, args, ctx, info);
    };
    out[g.typeName] = { ...typeResolvers, [g.fieldName]: wrapped };
  }
  return out;
}
