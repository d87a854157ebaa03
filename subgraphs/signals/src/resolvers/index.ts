import { DateScalar, DateTime } from '@hub/service-kit';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import { Action } from './Action.ts';
import { Consultation } from './Consultation.ts';
import { Decision } from './Decision.ts';
import { Knelpunt } from './Knelpunt.ts';
import { KnelpuntTransition } from './KnelpuntTransition.ts';
import { Overlegtafel } from './Overlegtafel.ts';
import { Signal } from './Signal.ts';
import { SignalSummary } from './SignalSummary.ts';
import { Zorgkantoorregio } from './Zorgkantoorregio.ts';

/**
 * `satisfies` checks every type, field and argument against the generated types of schema.graphql (an unknown or
 * renamed field does not compile) and keeps the object's own type, which is what buildSubgraphSchema takes.
 */
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
  Consultation,
} satisfies Resolvers;
