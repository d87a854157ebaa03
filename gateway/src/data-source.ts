import { randomFillSync } from 'node:crypto';
import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { type SubgraphUnavailableReason, subgraphUnavailable } from '@hub/errors';
import {
  activeTraceparent,
  DIRECTORY_CHANGED_HEADER,
  type Logger,
  OPERATION_NAME_HEADER,
  OPERATION_NAME_PATTERN,
  type RequestMeta,
  type ServiceMetrics,
  SUBGRAPH_SECRET_HEADER,
} from '@hub/service-kit';
import type { GatewayContext } from './context.ts';
import { SHAREABLE_CALL_HEADER } from './fetcher.ts';

/** Where the gateway reaches one subgraph and the secret that subgraph expects from it. */
export interface SubgraphEndpoint {
  name: string;
  url: string;
  secret: string;
}

export type Fetcher = RemoteGraphQLDataSource['fetcher'];
type DidEncounterError = Parameters<RemoteGraphQLDataSource<GatewayContext>['didEncounterError']>;
type DidReceiveResponse = Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>>[0];

/** Subgraphs whose answers hold no personal data, so identical concurrent queries may share one call. */
const DEDUPLICATED_SUBGRAPHS = new Set(['sociale-kaart', 'signals']);

/**
 * Random span ids, 8 bytes each, cut from a block filled 512 ids at a time: one call into the random generator per
 * subgraph call was about 2 % of the gateway's CPU under load.
 */
const SPAN_ID_BYTES = 8;
const spanIdPool = Buffer.alloc(SPAN_ID_BYTES * 512);
let spanIdOffset = spanIdPool.length;

function newSpanId(): string {
  if (spanIdOffset === spanIdPool.length) {
    randomFillSync(spanIdPool);
    spanIdOffset = 0;
  }
  const id = spanIdPool.toString('hex', spanIdOffset, spanIdOffset + SPAN_ID_BYTES);
  spanIdOffset += SPAN_ID_BYTES;
  return id;
}

/** Same trace, a new span: each subgraph call is a child of the gateway's span. */
export function childTraceparent(meta: RequestMeta): string {
  const flags = meta.traceparent.split('-')[3] ?? '01';
  return `00-${meta.traceId}-${newSpanId()}-${flags}`;
}

/**
 * Why a subgraph call got no answer, or undefined when it did get one (an error status or a bad body, which the
 * gateway's own handling reports). The subgraph fetcher (fetcher.ts) fails with a TimeoutError, also while the
 * body is still arriving; a refused, reset or unresolvable connection fails before there is a response.
 */
function noAnswerReason(error: Error, response: DidEncounterError[2]): SubgraphUnavailableReason | undefined {
  if (error.name === 'TimeoutError') return 'TIMEOUT';
  return response ? undefined : 'UNREACHABLE';
}

/**
 * Sends every subgraph request with the user's token, the subgraph's own secret and the trace context.
 * Subgraphs trust nothing else: without the secret they refuse `_service` and `_entities` too.
 */
export class HubDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly secret: string;
  private readonly subgraph: string;
  private readonly logger: Logger;

  private readonly onDirectoryChanged: () => Promise<void>;
  private readonly metrics: ServiceMetrics | undefined;

  constructor(endpoint: SubgraphEndpoint, fetcher: Fetcher, logger: Logger, onDirectoryChanged: () => Promise<void>, metrics?: ServiceMetrics) {
    super({ url: endpoint.url, fetcher });
    this.secret = endpoint.secret;
    this.subgraph = endpoint.name;
    this.logger = logger;
    this.onDirectoryChanged = onDirectoryChanged;
    this.metrics = metrics;
  }

  /**
   * A directory mutation that passed through this gateway drops the cached answers (with a shared cache, those of
   * every gateway) before its answer is sent: its users read their own writes, through whichever gateway.
   */
  override async didReceiveResponse({ response }: DidReceiveResponse) {
    if (response.http?.headers.get(DIRECTORY_CHANGED_HEADER)) await this.onDirectoryChanged();
    return response;
  }

  /**
   * A subgraph that does not answer would otherwise surface as Apollo Gateway's bare `fetch failed`, which names
   * no part of the graph. What it throws here becomes the error of this fetch; the other fetches of the plan go on.
   */
  override didEncounterError(error: Error, _request: DidEncounterError[1], response?: DidEncounterError[2], context?: GatewayContext): void {
    const reason = noAnswerReason(error, response);
    if (!reason) throw error;
    // The network error (with the subgraph's address) is for the operators; the client learns the name only.
    const cause = error.cause instanceof Error ? error.cause.message : undefined;
    this.logger.warn(
      {
        reqId: context?.meta.requestId,
        traceId: context?.meta.traceId,
        subgraph: this.subgraph,
        reason,
        err: { type: error.name, message: error.message, cause },
      },
      'subgraph did not answer',
    );
    this.metrics?.countSubgraphUnavailable(this.subgraph, reason);
    throw subgraphUnavailable(this.subgraph, reason);
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = options.request.http?.headers;
    if (!headers) return;
    headers.set(SUBGRAPH_SECRET_HEADER, this.secret);
    // Health checks and schema loading carry no user request (the package does not export its kind enum).
    if (!('incomingRequestContext' in options)) return;
    const context = options.context;
    if (context.authorization) headers.set('authorization', context.authorization);
    headers.set('x-request-id', context.meta.requestId);
    // With tracing on, the active span is Apollo Gateway's gateway.fetch for this call: the subgraph's span hangs under it.
    headers.set('traceparent', activeTraceparent() ?? childTraceparent(context.meta));
    // Subgraphs write the client's operation name into access-log lines; the query planner's own names for the
    // subgraph operations (e.g. V__cases__0) say nothing to a privacy officer. Only a plain name travels.
    const operationName = options.incomingRequestContext.operationName;
    if (operationName && OPERATION_NAME_PATTERN.test(operationName)) headers.set(OPERATION_NAME_HEADER, operationName);
    else headers.delete(OPERATION_NAME_HEADER);
    // Identical queries by the same caller in flight at the same time may share one call (fetcher.ts), for subgraphs
    // without personal data only: cases and referrals write an access-log line for every read of a client's data, so
    // every request must reach them. Each sharer still handles the answer as its own (cache hint, errors).
    if (DEDUPLICATED_SUBGRAPHS.has(this.subgraph) && options.incomingRequestContext.operation?.operation === 'query') {
      headers.set(SHAREABLE_CALL_HEADER, '1');
    }
  }
}
