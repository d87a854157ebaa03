import type { RequestMeta } from '@hub/service-kit';

/**
 * What the request's log line reports about the GraphQL operation, filled in by a plugin (plugins.ts). Its own
 * object because Apollo Server shallow-clones the context per operation: only a shared inner object reaches the log.
 */
export interface RequestReport {
  operationName: string | undefined;
  cacheHit: boolean | undefined;
}

/**
 * Per-request context. A type alias rather than an interface: the gateway's data sources require a
 * `Record<string, any>`, which only type aliases satisfy implicitly.
 */
export type GatewayContext = {
  /** The verified `Bearer …` header to forward; undefined for anonymous requests. */
  authorization: string | undefined;
  /** Whose private cached answers this request may read: the verified organisation and subject; undefined when anonymous. */
  cacheSession: string | undefined;
  meta: RequestMeta;
  report: RequestReport;
};
