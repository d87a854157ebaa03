/**
 * The gateway's policies that do not depend on Apollo Gateway or Apollo Server at run time, for the peer engine
 * (hive/): the HTTP entry (request ids, origin-form check, routes, request log), health and readiness, the HSDS,
 * downloads and iWlz pass-through routes, operation limits, the rate limiter and the forwarded-header trust.
 * Importing this entry loads graphql-js and the hub's own packages only (tests/peer-engine-licences.test.ts).
 */
export type { SubgraphEndpoint } from './data-source.ts';
export { downloadsProxyRoute } from './downloads-proxy.ts';
export { answerJson, notFound, type Exchange, type RouteHandler } from './exchange.ts';
export { createProxyTrust, forwardedView, type ForwardedView, type ProxyTrust } from './forwarded.ts';
export { hsdsProxyRoute } from './hsds-proxy.ts';
export { iwlzNotificationRoute } from './iwlz-notifications.ts';
export { checkOperation, checkTokenLimit, measureOperation, tooComplex, type OperationLimits, type OperationMetrics } from './limits.ts';
export { createRateLimiter, rateLimitKey, type RateLimiter } from './rate-limit.ts';
export { healthRoutes } from './readiness.ts';
export { createRequestHandler, type GatewayRoutes } from './router.ts';
export { createCors, type Cors } from './cors.ts';
