import { DateScalar, DateTime } from '@hub/service-kit';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { AccessLogEntry, Client } from './Client.ts';
import { Consent } from './Consent.ts';
import { Mutation } from './Mutation.ts';
import {
  BreakGlass,
  BreakGlassSettings,
  ContactPerson,
  CorrectionRequest,
  MyBreakGlassOpening,
  MyConsent,
  MyHandover,
  MySupport,
  MyTrajectory,
} from './MySupport.ts';
import { HalfYearReport, HalfYearReportPart } from './HalfYearReport.ts';
import { Query, SupportReport } from './Query.ts';
import { SupportTrajectory } from './SupportTrajectory.ts';
import { WlzChoice, WlzIndicatieItem, WlzNotification } from './WlzIndicatieItem.ts';

/**
 * Checked against the generated types of schema.graphql; `satisfies` keeps the object's own type for buildSubgraphSchema.
 * The subgraph's definition wraps every field marked @consentGated in the SDL with the consent gate.
 */
export const resolvers = {
  DateTime,
  Date: DateScalar,
  Query,
  Mutation,
  Client,
  SupportTrajectory,
  Consent,
  AccessLogEntry,
  SupportReport,
  HalfYearReport,
  HalfYearReportPart,
  MySupport,
  MyHandover,
  MyTrajectory,
  ContactPerson,
  MyConsent,
  MyBreakGlassOpening,
  BreakGlass,
  BreakGlassSettings,
  CorrectionRequest,
  WlzIndicatieItem,
  WlzChoice,
  WlzNotification,
} satisfies Resolvers;
