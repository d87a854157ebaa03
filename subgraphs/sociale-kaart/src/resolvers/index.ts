import { DateTime } from '@hub/service-kit';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { Context } from '../context.ts';
import { Gemeente } from './Gemeente.ts';
import { hsdsImportMutation } from './HsdsImport.ts';
import { Location } from './Location.ts';
import { Mutation } from './Mutation.ts';
import { Organization } from './Organization.ts';
import { Query } from './Query.ts';
import { Service } from './Service.ts';
import { Zorgkantoorregio } from './Zorgkantoorregio.ts';

export const resolvers = {
  DateTime,
  Query,
  Mutation: { ...Mutation, ...hsdsImportMutation },
  Service,
  Organization,
  Location,
  Gemeente,
  Zorgkantoorregio,
} as unknown as GraphQLResolverMap<Context>;
