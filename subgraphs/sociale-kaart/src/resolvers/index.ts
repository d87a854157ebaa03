import { DateTime } from '@hub/service-kit';
import type { Context } from '../context.ts';
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

type Resolver = (parent: unknown, args: unknown, ctx: Context, info: unknown) => unknown;

/**
 * A mutation's answer is read after its write: once a mutation resolver is done, the request's view of the in-memory
 * directory is checked against the database again, so the payload shows what was written.
 */
function readingTheirWrites<T extends object>(mutations: T): T {
  return Object.fromEntries(
    Object.entries(mutations).map(([name, resolve]) => [
      name,
      async (parent: unknown, args: unknown, ctx: Context, info: unknown) => {
        try {
          return await (resolve as Resolver)(parent, args, ctx, info);
        } finally {
          ctx.directoryWritten();
        }
      },
    ]),
  ) as T;
}

/**
 * `satisfies` checks every type, field and argument against the generated types of schema.graphql (an unknown or
 * renamed field does not compile) and keeps the object's own type, which is what buildSubgraphSchema takes.
 */
export const resolvers = {
  DateTime,
  Query,
  Mutation: readingTheirWrites({ ...Mutation, ...hsdsImportMutation }),
  Service,
  ServiceConnection,
  Organization,
  Location,
  Gemeente,
  Zorgkantoorregio,
  SupportOverview,
} satisfies Resolvers;
