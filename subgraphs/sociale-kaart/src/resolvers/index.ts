import { DateTime } from '@hub/service-kit';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { Gemeente } from './Gemeente.ts';
import { hsdsImportMutation } from './HsdsImport.ts';
import { Location } from './Location.ts';
import { Mutation } from './Mutation.ts';
import { Organization } from './Organization.ts';
import { Query, ServiceConnection } from './Query.ts';
import { Service } from './Service.ts';
import { SupportOverview } from './SupportOverview.ts';
import { Zorgkantoorregio } from './Zorgkantoorregio.ts';

/**
 * `satisfies` checks every type, field and argument against the generated types of schema.graphql (an unknown or
 * renamed field does not compile) and keeps the object's own type, which is what buildSubgraphSchema takes.
 */
export const resolvers = {
  DateTime,
  Query,
  Mutation: { ...Mutation, ...hsdsImportMutation },
  Service,
  ServiceConnection,
  Organization,
  Location,
  Gemeente,
  Zorgkantoorregio,
  SupportOverview,
} satisfies Resolvers;
