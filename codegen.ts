import { readFileSync } from 'node:fs';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { Kind, parse } from 'graphql';
import { SUBGRAPH_NAMES, type SubgraphName } from '@hub/config';

/**
 * Resolver types for every subgraph of SUBGRAPHS (@hub/config), generated from its schema.graphql (npm run codegen;
 * npm run codegen:check in CI). The mappers name the shapes the resolvers really pass around as parents (rows, views):
 * a field resolver then receives that shape, and a resolver that returns the type must return it. Paths are relative
 * to the generated file; a subgraph whose resolvers return the GraphQL shapes themselves needs no entry.
 */
const MAPPERS: Partial<Record<SubgraphName, Record<string, string>>> = {
  cases: {
    Client: '../consent/access.ts#ClientView',
    SupportTrajectory: '../consent/access.ts#TrajectoryView',
    Consent: '../consent/access.ts#ConsentView',
    ContactMoment: '../db/queries.ts#ContactMomentRow',
    AccessLogEntry: '../db/queries.ts#AccessLogRow',
    SupportReport: '../report.ts#SupportReportData',
    MySupport: '../my-support.ts#MySupportView',
    MyHandover: '../my-support.ts#MyHandoverParent',
    MyTrajectory: '../db/queries.ts#TrajectoryRow',
    MyConsent: '../db/queries.ts#ConsentRow',
    MyBreakGlassOpening: '../db/queries.ts#BreakGlassRow',
    BreakGlass: '../db/queries.ts#BreakGlassRow',
    BreakGlassSettings: '../break-glass.ts#BreakGlassSettingsData',
    CorrectionRequest: '../db/queries.ts#CorrectionRequestRow',
    WlzIndicatieItem: '../iwlz/queries.ts#WlzIndicatieItemRow',
    WlzChoice: '../iwlz/queries.ts#WlzIndicatieItemRow',
    WlzNotification: '../iwlz/queries.ts#WlzNotificationRow',
    HalfYearReport: '../half-year-reports/service.ts#HalfYearReportView',
    HalfYearReportPart: '../half-year-reports/service.ts#ReportPartData',
  },
  referrals: {
    Referral: '../db/queries.ts#ReferralRow',
    ReferralTimelineEvent: '../db/queries.ts#TimelineRow',
    JointMeeting: '../resolvers/Referral.ts#JointMeetingParent',
    ReferralNotification: '../resolvers/Query.ts#NotificationParent',
    WebhookEndpoint: '../db/queries.ts#WebhookEndpointRow',
    WebhookDelivery: '../db/queries.ts#WebhookDeliveryRow',
    WebhookAttempt: '../db/queries.ts#WebhookAttemptRow',
    ReferralFigures: '../figures.ts#ReferralFiguresData',
  },
  notifications: {
    Notification: '../db/queries.ts#NotificationView',
    NotificationRecipient: '../db/queries.ts#RecipientRow',
  },
  signals: {
    Signal: '../db/queries.ts#SignalRow',
    Knelpunt: '../db/queries.ts#KnelpuntRow',
    Overlegtafel: '../db/queries.ts#OverlegtafelRow',
    Meeting: '../db/queries.ts#MeetingRow',
    Decision: '../db/queries.ts#DecisionRow',
    Action: '../db/queries.ts#ActionRow',
    Feedback: '../db/queries.ts#FeedbackRow',
    KnelpuntTransition: '../db/queries.ts#TransitionRow',
    SignalSummary: '../summaries.ts#Summary',
    Consultation: '../db/consultations.ts#ConsultationRow',
  },
  'sociale-kaart': {
    Service: '../db/queries.ts#ServiceRow',
    Organization: '../db/queries.ts#OrganizationRow',
    Location: '../db/queries.ts#LocationRow',
    Gemeente: '../db/queries.ts#GemeenteRow',
    Zorgkantoorregio: '../db/queries.ts#RegionRow',
    ServiceConnection: '../resolvers/Query.ts#ServiceConnectionParent',
  },
};

/**
 * Enum values live in text columns, read back as `string`: a resolver may return such a string for an enum field
 * (GraphQL checks the value on the way out). Enum arguments and input fields keep their union types.
 */
function enumsAsStrings(name: SubgraphName): Record<string, string> {
  const sdl = parse(readFileSync(`subgraphs/${name}/schema.graphql`, 'utf8'));
  return Object.fromEntries(sdl.definitions.flatMap((d) => (d.kind === Kind.ENUM_TYPE_DEFINITION ? [[d.name.value, 'string']] : [])));
}

/**
 * The console's operations (the .graphql files under console/src), typed against the composed supergraph with the client preset.
 * Documents are plain strings (no graphql-js in the browser bundle), and persisted-documents.json lists every
 * operation by hash: the manifest a gateway can hold the console to (trusted documents).
 */
const CONSOLE_OUTPUT = 'console/src/generated/';
const consoleTypes: CodegenConfig['generates'] = {
  [CONSOLE_OUTPUT]: {
    schema: 'gateway/supergraph.graphql',
    documents: ['console/src/**/*.graphql'],
    preset: 'client',
    presetConfig: { fragmentMasking: false, persistedDocuments: true },
    config: {
      documentMode: 'string',
      enumsAsTypes: true,
      useTypeImports: true,
      avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
      scalars: { DateTime: 'string', Date: 'string' },
    },
  },
};

const config: CodegenConfig = {
  overwrite: true,
  generates: {
    ...consoleTypes,
    ...Object.fromEntries(
      SUBGRAPH_NAMES.map((name) => [
        `subgraphs/${name}/src/generated/resolvers-types.ts`,
        {
          schema: `subgraphs/${name}/schema.graphql`,
          plugins: [{ add: { content: '// Generated by `npm run codegen` from schema.graphql; do not edit.' } }, 'typescript', 'typescript-resolvers'],
          config: {
            federation: true,
            contextType: '../context.ts#Context',
            mappers: { ...enumsAsStrings(name), ...MAPPERS[name] },
            enumsAsTypes: true,
            useTypeImports: true,
            // The hub's scalars (packages/service-kit/src/scalars.ts): DateTime parses to a Date and serialises a Date
            // or an ISO string; Date stays a YYYY-MM-DD string both ways.
            scalars: { DateTime: { input: 'Date', output: 'Date | string' }, Date: 'string' },
          },
        },
      ]),
    ),
  },
};

export default config;
