import type { IncomingMessage, ServerResponse } from 'node:http';
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { HubConfig } from '@hub/config';
import { ErrorCode, formatHubError, subgraphUnavailable } from '@hub/errors';
import { bearerToken, type TokenVerifier } from '@hub/identity';
import {
  checkOperation,
  checkTokenLimit,
  createCors,
  createProxyTrust,
  createRateLimiter,
  createRequestHandler,
  downloadsProxyRoute,
  healthRoutes,
  hsdsProxyRoute,
  iwlzNotificationRoute,
  measureOperation,
  notFound,
  rateLimitKey,
  type OperationLimits,
  type RouteHandler,
  type SubgraphEndpoint,
} from '@hub/gateway/policies';
import { describeError, listen, readBody, SUBGRAPH_SECRET_HEADER, type Logger, type RunningServer } from '@hub/service-kit';

/**
 * The peer engine: Hive Gateway (MIT) over the committed supergraph, with the hub's policies. The HTTP entry, the
 * token check, the rate limit, the body limit, health and readiness and the /hsds, /downloads and iWlz routes are
 * the hub's own code (@hub/gateway/policies, loaded without Apollo); Hive runs the GraphQL operation. Operation
 * limits: depth, aliases, root fields and tokens by the hub's own measure (same figures, same answers); cost by
 * Hive's demand control from the supergraph's @listSize directives (docs/hardening.md, docs/operations.md).
 */
export interface HiveGatewayOptions {
  config: HubConfig;
  logger: Logger;
  verifyToken: TokenVerifier;
  subgraphs: SubgraphEndpoint[];
  supergraphSdl: string;
}

export interface HiveGateway {
  handle(req: IncomingMessage, res: ServerResponse): void;
  start(port: number, host: string): Promise<RunningServer>;
  stop(): Promise<void>;
}

/** Hive's code for an operation over its cost; the hub answers the same refusal with its own code. */
const HIVE_COST_CODE = 'COST_ESTIMATED_TOO_EXPENSIVE';

/**
 * The size Hive's demand control assumes for a list without @listSize, and the hub's limits.ts for a list whose
 * description states no bound (ASSUMED_LIST_SIZE there).
 */
export const ASSUMED_LIST_SIZE = 10;

/** Depth, aliases, root fields and tokens, as the hub's gateway checks them (gateway/src/limits.ts), before execution. */
function operationLimitsPlugin(limits: OperationLimits): GatewayPlugin {
  return {
    onParse({ params }) {
      checkTokenLimit(typeof params.source === 'string' ? params.source : params.source.body, limits);
    },
    onExecute({ args, setResultAndStopExecution }) {
      let metrics: ReturnType<typeof measureOperation>;
      try {
        metrics = measureOperation(args.schema, args.document, {
          operationName: args.operationName ?? undefined,
          variables: (args.variableValues ?? {}) as Record<string, unknown>,
        });
      } catch {
        // No operation of that name: graphql-js answers it in execution.
        return;
      }
      // Cost is Hive's demand control's, from the directives (below); the rest is the hub's measure.
      const error = checkOperation({ ...metrics, cost: 0 }, limits);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}

/** Hive's code for a subgraph call that failed on the network (its message is the network error's). */
const HIVE_SUBREQUEST_CODE = 'SUBREQUEST_HTTP_ERROR';

/** graphql-js's "Did you mean …?" names fields and types; production does not tell them (as the hub's gateway). */
const SUGGESTION = /\s*Did you mean .*\?$/s;

/**
 * Hive's own errors in the hub's terms: a costly operation as OPERATION_TOO_COMPLEX (limit "cost"); a subgraph that
 * cannot be reached as SUBGRAPH_UNAVAILABLE naming only the subgraph (Hive's error carries the network error and the
 * subgraph request's body).
 */
function asHubError(error: GraphQLFormattedError, production: boolean): GraphQLFormattedError {
  const code = error.extensions?.code;
  if (code === HIVE_COST_CODE) {
    const cost = error.extensions?.cost as { estimated?: number; max?: number } | undefined;
    return {
      message: `The operation's estimated cost is ${cost?.estimated} (fields × requested list sizes); at most ${cost?.max} is allowed. Request smaller pages or fewer fields.`,
      extensions: { code: ErrorCode.OPERATION_TOO_COMPLEX, limit: 'cost', value: cost?.estimated, max: cost?.max, http: { status: 400 } },
    };
  }
  const subgraph = error.extensions?.serviceName;
  if (code === HIVE_SUBREQUEST_CODE && typeof subgraph === 'string') {
    const unavailable = subgraphUnavailable(subgraph, /time(d)? ?out/i.test(error.message) ? 'TIMEOUT' : 'UNREACHABLE').toJSON();
    return { ...unavailable, ...(error.path ? { path: error.path } : {}) };
  }
  if (production && SUGGESTION.test(error.message)) return { ...error, message: error.message.replace(SUGGESTION, '') };
  return error;
}

/**
 * Error masking as the hub's gateway does it (formatHubError): registry and request-shape codes kept, anything
 * else (a bug, an error whose message may quote data) replaced by INTERNAL_SERVER_ERROR with the request id under
 * which its cause is logged.
 */
function errorMaskingPlugin(logger: Logger, production: boolean): GatewayPlugin {
  return {
    onResultProcess({ result, setResult, request }) {
      if (!result || Array.isArray(result) || typeof result !== 'object' || !('errors' in result) || !result.errors?.length) return;
      const errors = (result.errors as readonly (GraphQLError | GraphQLFormattedError)[]).map((e) => {
        const formatted = asHubError('toJSON' in e && typeof e.toJSON === 'function' ? e.toJSON() : (e as GraphQLFormattedError), production);
        let masked = formatHubError(formatted, e);
        if (masked.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR) {
          const requestId = request.headers.get('x-request-id') ?? undefined;
          logger.error({ reqId: requestId, err: describeError(e) }, 'operation failed');
          masked = { ...masked, extensions: { ...masked.extensions, requestId } };
        }
        // A GraphQLError again: Hive takes the HTTP status from extensions.http and leaves it out of the answer. Its
        // "spec" mark would answer a request error with 200 to a client accepting JSON; the hub answers 400.
        const http = masked.extensions?.http as { status?: number } | undefined;
        if (http?.status) masked = { ...masked, extensions: { ...masked.extensions, http: { status: http.status } } };
        const original = e instanceof GraphQLError ? e : undefined;
        return new GraphQLError(masked.message, {
          nodes: original?.nodes,
          source: original?.source,
          positions: original?.positions,
          path: masked.path ?? original?.path,
          extensions: masked.extensions,
        });
      });
      setResult({ ...result, errors } as unknown as typeof result);
    },
  };
}

/** Copies a fetch Response (Hive's answer) onto Node's response; resolves to the status sent. */
async function sendResponse(res: ServerResponse, response: Response): Promise<number> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'content-length' && name !== 'transfer-encoding') headers[name] = value;
  });
  res.writeHead(response.status, { ...headers, 'content-length': String(body.byteLength) });
  res.end(body);
  return response.status;
}

export async function createHiveGateway(options: HiveGatewayOptions): Promise<HiveGateway> {
  const { config, logger, verifyToken, subgraphs } = options;
  const limits = config.operationLimits;
  const rateLimiter = createRateLimiter(config.rateLimit);
  const endpoints = new Map(subgraphs.map((s) => [s.name, s]));

  // The supergraph names a subgraph "sociale-kaart" (join__graph name) or SOCIALE_KAART (enum value) depending on
  // the code path in Hive; both point at the configured endpoint.
  const byAnyName = new Map<string, SubgraphEndpoint>();
  const transportEntries: Record<string, { location: string }> = {};
  for (const subgraph of subgraphs) {
    for (const alias of [subgraph.name, subgraph.name.toUpperCase().replace(/-/g, '_')]) {
      byAnyName.set(alias, subgraph);
      transportEntries[alias] = { location: subgraph.url };
    }
  }

  const runtime = createGatewayRuntime({
    supergraph: options.supergraphSdl,
    transportEntries,
    // Hive's own log lines (it has no "fatal" or "silent"); the hub's request log is written by the router.
    logging: config.logLevel === 'silent' ? false : config.logLevel === 'fatal' ? 'error' : 'warn',
    landingPage: false,
    graphiql: false,
    graphqlEndpoint: '/graphql',
    // The hub's own request ids (the router sets x-request-id), passed to the subgraphs below.
    requestId: false,
    // Registry errors carry their codes; the masking plugin below replaces anything else.
    maskedErrors: false,
    // Production turns introspection off, as the hub's gateway does.
    ...(config.production ? { disableIntrospection: { disableIf: () => true } } : {}),
    batching: false,
    upstreamTimeout: config.subgraphTimeoutMs,
    demandControl: {
      maxCost: limits.maxCost,
      listSize: ASSUMED_LIST_SIZE,
      // As the hub counts: every field costs 1 (Hive's default counts objects only), a mutation no extra.
      typeCost: () => 1,
      operationTypeCost: () => 0,
      includeExtensionMetadata: false,
    },
    propagateHeaders: {
      fromClientToSubgraphs({ request, subgraphName }) {
        const subgraph = byAnyName.get(subgraphName);
        if (!subgraph) throw new Error(`The supergraph names subgraph "${subgraphName}", but the gateway has no endpoint for it.`);
        // The bearer token reaches Hive only once verified (the route below refuses any other).
        const authorization = request.headers.get('authorization');
        const requestId = request.headers.get('x-request-id');
        return {
          [SUBGRAPH_SECRET_HEADER]: subgraph.secret,
          ...(authorization ? { authorization } : {}),
          ...(requestId ? { 'x-request-id': requestId } : {}),
        };
      },
    },
    plugins: () => [operationLimitsPlugin(limits), errorMaskingPlugin(logger, config.production)],
  });

  /**
   * `/graphql`: the token verified before any subgraph is called, the rate limit per organisation (anonymous
   * callers per client address), the body read within the size limit, then the operation run by Hive.
   */
  const graphql: RouteHandler = async ({ req, res, url, meta, forwarded }) => {
    const token = bearerToken(req.headers.authorization);
    let organizationId: string | undefined;
    if (token) {
      const principal = await verifyToken(token);
      organizationId = principal.kind === 'user' ? principal.organizationId : undefined;
    }
    await rateLimiter.take(rateLimitKey(organizationId, forwarded.clientAddress));
    const body = req.method === 'POST' ? await readBody(req, config.maxRequestBodyBytes) : undefined;
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || name === 'host' || name === 'content-length' || name === 'transfer-encoding' || name === 'connection') continue;
      headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    headers.set('x-request-id', meta.requestId);
    const response = await runtime.fetch(
      new Request(new URL(`${url.pathname}${url.search}`, 'http://hub.invalid'), {
        method: req.method ?? 'GET',
        headers,
        ...(body !== undefined ? { body } : {}),
      }),
    );
    return sendResponse(res, response);
  };

  let running: RunningServer | undefined;
  let stopped = false;
  const handle = createRequestHandler({
    trustedProxy: createProxyTrust(config.trustedProxies),
    logger,
    cors: createCors(config.corsOrigins),
    routes: {
      ...healthRoutes({ subgraphs, timeoutMs: Math.min(config.subgraphTimeoutMs, 5_000), stopping: () => stopped }),
      graphql,
      hsds: hsdsProxyRoute({ socialeKaart: endpoints.get('sociale-kaart'), rateLimiter, timeoutMs: config.subgraphTimeoutMs }),
      downloads: downloadsProxyRoute({ cases: endpoints.get('cases'), rateLimiter, timeoutMs: config.subgraphTimeoutMs }),
      iwlzNotifications: iwlzNotificationRoute({
        cases: endpoints.get('cases'),
        token: config.iwlz.notificationToken,
        rateLimiter,
        timeoutMs: config.subgraphTimeoutMs + config.iwlz.registerTimeoutMs,
        maxBodyBytes: Math.min(config.maxRequestBodyBytes, 64 * 1024),
      }),
      // The web console is served by the hub's own gateway only.
      console: async () => {
        throw notFound();
      },
    },
  });

  return {
    handle,
    async start(port, host) {
      running = await listen(handle, port, host, '/graphql', { drainMs: config.shutdownDrainMs });
      logger.info({ url: running.url }, 'hive gateway listening');
      return running;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await running?.stop();
      await runtime.dispose();
    },
  };
}
