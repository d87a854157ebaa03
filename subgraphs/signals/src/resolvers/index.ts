import { DateScalar, DateTime } from '@hub/service-kit';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { Context } from '../context.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import { Action } from './Action.ts';
import { Decision } from './Decision.ts';
import { Knelpunt } from './Knelpunt.ts';
import { KnelpuntTransition } from './KnelpuntTransition.ts';
import { Overlegtafel } from './Overlegtafel.ts';
import { Signal } from './Signal.ts';
import { SignalSummary } from './SignalSummary.ts';
import { Zorgkantoorregio } from './Zorgkantoorregio.ts';

export const resolvers = {
  DateTime,
  Date: DateScalar,
  Query,
  Mutation,
  Signal,
  Overlegtafel,
  Knelpunt,
  Decision,
  Action,
  KnelpuntTransition,
  SignalSummary,
  Zorgkantoorregio,
} as unknown as GraphQLResolverMap<Context>;
