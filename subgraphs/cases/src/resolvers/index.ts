import { DateScalar, DateTime } from '@hub/service-kit';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { DocumentNode } from 'graphql';
import type { Context } from '../context.ts';
import { applyConsentGates } from '../consent/gate.ts';
import { AccessLogEntry, Client } from './Client.ts';
import { Consent } from './Consent.ts';
import { Mutation } from './Mutation.ts';
import { Query, SupportReport } from './Query.ts';
import { SupportTrajectory } from './SupportTrajectory.ts';

/** The resolvers, with every field marked @consentGated in the SDL wrapped by the consent gate. */
export function buildResolvers(typeDefs: DocumentNode): GraphQLResolverMap<Context> {
  const plain = { DateTime, Date: DateScalar, Query, Mutation, Client, SupportTrajectory, Consent, AccessLogEntry, SupportReport };
  return applyConsentGates(typeDefs, plain as unknown as Record<string, Record<string, unknown>>) as unknown as GraphQLResolverMap<Context>;
}
