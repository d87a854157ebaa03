import { GraphQLScalarType, Kind, type DocumentNode, type GraphQLFieldResolver } from 'graphql';
import { hasRole } from '@hub/identity';
import { forbidden } from '@hub/errors';
import type { SubgraphResolvers } from '@hub/service-kit';
import type { Context } from '../context.ts';
import { CARE_ROLES, consentRequired, decide, requireUser, type GateSubject } from './access.ts';
import { CONSENT_CATEGORIES, type ConsentCategory } from './decide.ts';

export interface GatedField {
  typeName: string;
  fieldName: string;
  category: ConsentCategory;
}

/** Reads every `@consentGated(category:)` from the SDL: the schema is the single declaration of what is gated. */
export function gatedFieldsOf(typeDefs: DocumentNode): GatedField[] {
  const found: GatedField[] = [];
  for (const def of typeDefs.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const field of def.fields ?? []) {
      const directive = field.directives?.find((d) => d.name.value === 'consentGated');
      if (!directive) continue;
      const arg = directive.arguments?.find((a) => a.name.value === 'category');
      const value = arg?.value.kind === Kind.ENUM ? arg.value.value : undefined;
      const category = CONSENT_CATEGORIES.find((c) => c === value);
      if (!category) throw new Error(`@consentGated on ${def.name.value}.${field.name.value} needs a known category`);
      found.push({ typeName: def.name.value, fieldName: field.name.value, category });
    }
  }
  return found;
}

type TypeResolvers = Exclude<SubgraphResolvers[string], GraphQLScalarType>;
type EnumValues = Extract<TypeResolvers, { [enumValue: string]: string | number }>;

/** An enum's internal values (every entry a string or number), not a type's field resolvers. */
const isEnumValues = (r: TypeResolvers): r is EnumValues => Object.values(r).every((v) => typeof v === 'string' || typeof v === 'number');

interface Gated {
  subject: GateSubject;
}

/**
 * Wraps the resolver of every gated field: decide (per request, batched through the loaders), record the read in
 * the request's access log (granted or refused), then either resolve or answer null with CONSENT_REQUIRED at the
 * field's path. Entity resolution reaches the same wrapped fields, so `_entities` cannot bypass the gate.
 */
export function applyConsentGates(typeDefs: DocumentNode, resolvers: SubgraphResolvers): SubgraphResolvers {
  // The map comes in checked against the SDL (resolvers/index.ts); the gate looks fields up by the names the SDL
  // gives, so it works on the map buildSubgraphSchema takes.
  const out: SubgraphResolvers = { ...resolvers };
  for (const g of gatedFieldsOf(typeDefs)) {
    const typeResolvers = out[g.typeName];
    const inner = typeResolvers && !(typeResolvers instanceof GraphQLScalarType) ? typeResolvers[g.fieldName] : undefined;
    if (!typeResolvers || typeResolvers instanceof GraphQLScalarType || isEnumValues(typeResolvers) || typeof inner !== 'function') {
      throw new Error(`Gated field ${g.typeName}.${g.fieldName} needs an explicit resolver`);
    }
    const wrapped: GraphQLFieldResolver<unknown, Context> = async (parent, args, ctx, info) => {
      const principal = requireUser(ctx);
      const { subject } = parent as Gated;
      const field = `${g.typeName}.${g.fieldName}`;
      if (!hasRole(principal, ...CARE_ROLES)) {
        ctx.accessLog.record({ field, clientId: subject.clientId, action: 'READ', outcome: 'REFUSED', categories: [g.category], reason: 'ROLE' });
        throw forbidden('Only TOEGANG, CLIENTONDERSTEUNER or ZORGBEMIDDELAAR may read client data.');
      }
      const decision = await decide(ctx, principal, subject, g.category);
      if (!decision.permit) {
        ctx.accessLog.record({ field, clientId: subject.clientId, action: 'READ', outcome: 'REFUSED', categories: [g.category], reason: decision.reason });
        throw consentRequired(g.category, subject.purpose, decision.reason);
      }
      ctx.accessLog.record({
        field,
        clientId: subject.clientId,
        action: 'READ',
        outcome: 'GRANTED',
        categories: [g.category],
        ground: decision.reason,
        consentId: decision.consentId,
      });
      return inner(parent, args, ctx, info);
    };
    out[g.typeName] = { ...typeResolvers, [g.fieldName]: wrapped };
  }
  return out;
}
