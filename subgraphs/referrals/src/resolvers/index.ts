import { DateScalar, DateTime } from '@hub/service-kit';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { Context } from '../context.ts';
import { Client } from './Client.ts';
import { Mutation } from './Mutation.ts';
import { Query, ReferralNotification } from './Query.ts';
import { JointMeeting, Referral, ReferralTimelineEvent } from './Referral.ts';
import { WebhookDelivery, WebhookEndpoint } from './Webhook.ts';

export const resolvers = {
  Date: DateScalar,
  DateTime,
  Query,
  Mutation,
  Client,
  Referral,
  JointMeeting,
  ReferralTimelineEvent,
  ReferralNotification,
  WebhookEndpoint,
  WebhookDelivery,
} as unknown as GraphQLResolverMap<Context>;
