import { DateScalar, DateTime, type SubgraphResolvers } from '@hub/service-kit';
import type { DocumentNode } from 'graphql';
import { applyConsentGates } from '../consent/gate.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { AccessLogEntry, Client } from './Client.ts';
import { Consent } from './Consent.ts';
import { Mutation } from './Mutation.ts';
import { Query, SupportReport } from './Query.ts';
import { SupportTrajectory } from './SupportTrajectory.ts';

/** Checked against the generated types of schema.graphql; `satisfies` keeps the object's own type for buildSubgraphSchema. */
const resolvers = { DateTime, Date: DateScalar, Query, Mutation, Client, SupportTrajectory, Consent, AccessLogEntry, SupportReport } satisfies Resolvers;

/** The resolvers, with every field marked @consentGated in the SDL wrapped by the consent gate. */
export function buildResolvers(typeDefs: DocumentNode): SubgraphResolvers {
  return applyConsentGates(typeDefs, resolvers);
}
