import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { HubConfig } from '@hub/config';
import { HttpError } from '@hub/service-kit';
import { CONSOLE_SECURITY_HEADERS } from './console-static.ts';
import type { RouteHandler } from './exchange.ts';

export { GRAPHIQL_PATH, wantsGraphiql } from './graphiql-path.ts';

/**
 * GraphiQL for developers, outside production only: `/graphiql`, and `GET /graphql` from a browser (an Accept of
 * text/html and no query). The page is built with the console (console/graphiql.html, under CONSOLE_DIR), so its
 * scripts and styles come from the hub's own /assets and nothing loads from another host. In production neither path
 * serves it, and the console never serves graphiql.html as a file.
 */
export const GRAPHIQL_FILE = 'graphiql.html';

/**
 * The console's policy, except that GraphiQL's stylesheet carries its fonts and icons as data: URLs; nothing comes
 * from another host and no inline script runs.
 */
export const GRAPHIQL_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Serves the GraphiQL page outside production; undefined in production (no route). */
export function graphiqlRoute(config: HubConfig): RouteHandler | undefined {
  if (config.production) return undefined;
  const file = join(resolve(config.consoleDir), GRAPHIQL_FILE);
  return async ({ req, res }) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'BAD_REQUEST', 'Use GET.', { allow: 'GET, HEAD' });
    if (!existsSync(file)) {
      throw new HttpError(404, 'NOT_FOUND', 'GraphiQL is built with the console: run `npm run console:build` (npm start builds it when stale).');
    }
    const body = readFileSync(file);
    res.writeHead(200, {
      ...CONSOLE_SECURITY_HEADERS,
      'content-security-policy': GRAPHIQL_CONTENT_SECURITY_POLICY,
      'content-type': 'text/html; charset=utf-8',
      'content-length': body.length,
      'cache-control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return 200;
  };
}
