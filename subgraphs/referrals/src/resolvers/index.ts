import { DateScalar, DateTime } from '@hub/service-kit';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { Client } from './Client.ts';
import { Mutation } from './Mutation.ts';
import { Query, ReferralFigures, ReferralNotification } from './Query.ts';
import { JointMeeting, Referral, ReferralTimelineEvent } from './Referral.ts';
import { SupportOverview } from './SupportOverview.ts';
import { WebhookDelivery, WebhookEndpoint } from './Webhook.ts';

/**
 * `satisfies` checks every type, field and argument against the generated types of schema.graphql (an unknown or
 * renamed field does not compile) and keeps the object's own type, which is what buildSubgraphSchema takes. The
 * subgraph's definition wraps every field marked @consentGated in the SDL with the consent gate.
 */
export const resolvers = {
  Date: DateScalar,
  DateTime,
  Query,
  SupportOverview,
  Mutation,
  Client,
  Referral,
  JointMeeting,
  ReferralTimelineEvent,
  ReferralNotification,
  ReferralFigures,
  WebhookEndpoint,
  WebhookDelivery,
} satisfies Resolvers;
