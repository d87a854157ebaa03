import { DateScalar, DateTime } from '@hub/service-kit';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { Mutation } from './Mutation.ts';
import { Notification } from './Notification.ts';
import { Query } from './Query.ts';

/**
 * `satisfies` checks every type, field and argument against the generated types of schema.graphql (an unknown or
 * renamed field does not compile) and keeps the object's own type, which is what buildSubgraphSchema takes.
 */
export const resolvers = {
  DateTime,
  Date: DateScalar,
  Query,
  Mutation,
  Notification,
} satisfies Resolvers;
