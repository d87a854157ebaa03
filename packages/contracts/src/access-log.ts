import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { OPERATION_NAME_PATTERN, REQUEST_ID_PATTERN, TRACE_ID_PATTERN, type InternalContract } from '@hub/service-kit';
import { deliveryReceipt, isoDateTime, MAX_ITEMS, shortText, uuid } from './common.ts';
import { CONSENT_CATEGORIES } from './consent.ts';

/**
 * The NEN 7513 access-log line: one declaration for the lines cases writes itself and the lines other subgraphs
 * send it over /internal/access-log. `buildAccessLogLine` is the only way a line is made, so every line in the one
 * table encodes `role` and `accessPoint` the same way.
 */

export const ACCESS_ACTIONS = ['CREATE', 'READ', 'UPDATE', 'DELETE', 'SEARCH', 'EXPORT'] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];
export const ACCESS_OUTCOMES = ['GRANTED', 'REFUSED'] as const;
export type AccessOutcome = (typeof ACCESS_OUTCOMES)[number];
/**
 * What a line says was touched: a consent category (a gated field), CONSENT (a consent or the consent list) or
 * TRAJECTORY (that another organisation's trajectory exists, its status and dates). A line names each at most once.
 */
export const ACCESS_LOG_CATEGORIES = [...CONSENT_CATEGORIES, 'CONSENT', 'TRAJECTORY'] as const;
export type AccessLogCategory = (typeof ACCESS_LOG_CATEGORIES)[number];

/** The subgraphs that hold client data and so write access-log lines. */
export const ACCESS_LOG_SOURCES = ['cases', 'referrals'] as const;
export type AccessLogSource = (typeof ACCESS_LOG_SOURCES)[number];

/** Stands in for an unnamed operation, and for a line with no field: `-` is no GraphQL name, so it cannot be mistaken for one. */
export const NO_NAME = '-';

const NAME = '[_A-Za-z][_0-9A-Za-z]*';
const COORDINATE = `${NAME}\\.${NAME}`;
/** `<subgraph>:<client operation name or ->:<Type.field>[,<Type.field>...]` */
const ACCESS_POINT_PATTERN = new RegExp(`^(${ACCESS_LOG_SOURCES.join('|')}):(${NO_NAME}|${NAME}):(${NO_NAME}|${COORDINATE}(,${COORDINATE})*)$`);
/** The token's roles, upper-case codes, sorted and joined with commas. */
const ROLE_PATTERN = /^[A-Z][A-Z0-9_]*(,[A-Z][A-Z0-9_]*)*$/;

export const accessLogLineSchema = z
  .object({
    eventId: uuid,
    occurredAt: isoDateTime,
    action: z.enum(ACCESS_ACTIONS),
    outcome: z.enum(ACCESS_OUTCOMES),
    outcomeReason: shortText(200)
      .nullish()
      .transform((v) => v ?? null),
    userId: shortText(200),
    userName: shortText(200)
      .nullish()
      .transform((v) => v ?? null),
    organizationId: uuid,
    role: shortText(200).regex(ROLE_PATTERN, 'must be role codes joined with commas'),
    onBehalfOf: shortText(200)
      .nullish()
      .transform((v) => v ?? null),
    clientId: uuid,
    dataCategories: z
      .array(z.enum(ACCESS_LOG_CATEGORIES))
      .max(ACCESS_LOG_CATEGORIES.length, `at most ${ACCESS_LOG_CATEGORIES.length}, one per category`)
      .refine((l) => new Set(l).size === l.length, 'names a category twice'),
    authorizationGround: shortText(500),
    consentId: uuid.nullish().transform((v) => v ?? null),
    // The sending subgraph's own ids (received from the gateway), in the shape the hub generates them.
    requestId: z.string().regex(REQUEST_ID_PATTERN, 'must be a request id'),
    traceId: z.string().regex(TRACE_ID_PATTERN, 'must be a trace id (32 hex digits)'),
    accessPoint: shortText(1000).regex(ACCESS_POINT_PATTERN, 'must be <subgraph>:<operation>:<Type.field,...>'),
    sourceSubgraph: z.enum(ACCESS_LOG_SOURCES),
  })
  .refine((line) => line.accessPoint.startsWith(`${line.sourceSubgraph}:`), {
    message: 'must name the source subgraph',
    path: ['accessPoint'],
  });
/** A line as built and sent. */
export type AccessLogLine = z.input<typeof accessLogLineSchema>;
/** A line as the cases subgraph stores it, once parsed. */
export type ParsedAccessLogLine = z.output<typeof accessLogLineSchema>;

/**
 * Other subgraphs deliver their lines to cases, which keeps the one access log (at least once; idempotent on
 * eventId). A read is served only after its line was accepted.
 */
export const accessLogContract = {
  path: '/internal/access-log',
  request: z.object({ entries: z.array(accessLogLineSchema).max(MAX_ITEMS) }),
  response: deliveryReceipt,
} satisfies InternalContract<z.ZodType, z.ZodType>;

/** The one encoding of `role`: every role the token grants, sorted and joined with commas (NONE for none). */
export function encodeRoles(roles: readonly string[]): string {
  const sorted = [...new Set(roles)].sort();
  return sorted.length ? sorted.join(',') : 'NONE';
}

/**
 * The one style of `accessPoint`: `<subgraph>:<operation>:<fields>`, where operation is the client's operation name as
 * the gateway passed it on (`-` when unnamed) and fields are the GraphQL coordinates (`Type.field`) whose resolvers
 * touched the data, sorted and joined with commas.
 */
export function encodeAccessPoint(subgraph: AccessLogSource, operationName: string | undefined, fields: readonly string[]): string {
  const operation = operationName && OPERATION_NAME_PATTERN.test(operationName) ? operationName : NO_NAME;
  const sorted = [...new Set(fields)].sort();
  return `${subgraph}:${operation}:${sorted.length ? sorted.join(',') : NO_NAME}`;
}

/** Who acted: the verified token's subject, display name, organisation and roles. */
export interface AccessActor {
  subject: string;
  name?: string | undefined;
  organizationId: string;
  roles: readonly string[];
}

/** The hub's ids of the request, and the client's operation name when the gateway passed one on. */
export interface AccessRequest {
  requestId: string;
  traceId: string;
  operationName?: string | undefined;
}

export interface AccessFacts {
  subgraph: AccessLogSource;
  /** GraphQL coordinates (`Type.field`) of the resolvers that read or changed the data. */
  fields: readonly string[];
  action: AccessAction;
  outcome: AccessOutcome;
  outcomeReason?: string | null | undefined;
  clientId: string;
  dataCategories: readonly AccessLogCategory[];
  /** OWN_ORGANIZATION, CONSENT, CONSENT:<id>, or another stated ground; NONE for a refusal. */
  authorizationGround: string;
  consentId?: string | null | undefined;
  at: Date;
}

/** Builds every access-log line of the hub. */
export function buildAccessLogLine(actor: AccessActor, request: AccessRequest, facts: AccessFacts): ParsedAccessLogLine {
  return {
    eventId: randomUUID(),
    occurredAt: facts.at.toISOString(),
    action: facts.action,
    outcome: facts.outcome,
    outcomeReason: facts.outcomeReason || null,
    userId: actor.subject,
    userName: actor.name || null,
    organizationId: actor.organizationId,
    role: encodeRoles(actor.roles),
    onBehalfOf: null,
    clientId: facts.clientId,
    dataCategories: [...new Set(facts.dataCategories)].sort(),
    authorizationGround: facts.authorizationGround,
    consentId: facts.consentId || null,
    requestId: request.requestId,
    traceId: request.traceId,
    accessPoint: encodeAccessPoint(facts.subgraph, request.operationName, facts.fields),
    sourceSubgraph: facts.subgraph,
  };
}
