import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { HubConfig } from '@hub/config';
import { DEMO_PRINCIPALS, isDemoClient, type DemoPrincipal } from '@hub/domain';
import { signToken, type DevIssuer } from '@hub/identity';
import { HttpError, headerValue, readBody, sendJson } from '@hub/service-kit';
import { type ConsoleOidc, OIDC_TOKEN_PATH, type OidcConsoleSettings, type OidcUnavailable } from './console-oidc.ts';
import type { ForwardedView } from './forwarded.ts';

/**
 * The web console on the gateway's own origin: its built static files (CONSOLE_DIR) at `/`, the configuration the
 * console reads at start-up, and, outside production only, the development sign-in that signs a demo identity's
 * token with the development issuer. Paths of the API (/graphql, /hsds, /downloads, /health, /ready) never reach this module.
 */

/**
 * No inline script or style, nothing from another host. `style-src 'self'` holds because Vite emits the CSS as files
 * and React sets styles through the CSSOM, which CSP does not govern.
 */
export const CONSOLE_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Sent with every answer of this module (files, configuration, development sign-in). */
export const CONSOLE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONSOLE_CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/** Paths that belong to the API (and GraphiQL's, graphiql.ts): never a console file, never the single-page fallback. */
const API_PREFIXES = ['/graphql', '/graphiql', '/hsds', '/downloads', '/health', '/ready'];
const isApiPath = (path: string) => API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

export const CONSOLE_CONFIG_PATH = '/console-config.json';
export const DEV_IDENTITIES_PATH = '/dev/identities';
export const DEV_SIGN_IN_PATH = '/dev/sign-in';

/** Vite writes content-hashed file names under assets/: they never change, so browsers may keep them. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt']);

/** What the console learns at start-up: which sign-in it offers, with the OpenID Connect settings in that mode. */
export interface ConsoleConfig {
  auth: { mode: 'development' } | { mode: 'none' } | OidcConsoleSettings | OidcUnavailable;
}

/** A demo identity as the development sign-in page lists it. */
export interface DevIdentity {
  subject: string;
  label: string;
  name: string;
  /** Null for the demo client, who belongs to no organisation. */
  organizationId: string | null;
  organizationType: string | null;
  roles: string[];
  gemeenteCode: string | null;
  zorgkantoorregio: string | null;
}

// The demo client's BSN is not listed: the sign-in puts it in the token only.
const toDevIdentity = (p: DemoPrincipal): DevIdentity =>
  isDemoClient(p)
    ? {
        subject: p.subject,
        label: p.label,
        name: p.name,
        organizationId: null,
        organizationType: null,
        roles: [...p.roles],
        gemeenteCode: null,
        zorgkantoorregio: null,
      }
    : {
        subject: p.subject,
        label: p.label,
        name: p.name,
        organizationId: p.organizationId,
        organizationType: p.organizationType,
        roles: [...p.roles],
        gemeenteCode: p.gemeenteCode ?? null,
        zorgkantoorregio: p.zorgkantoorregio ?? null,
      };

/** Development tokens live as long as a working day; the console forgets them sooner (memory only). */
const DEV_TOKEN_LIFETIME_HOURS = 8;
const SIGN_IN_BODY_LIMIT = 1024;

interface StaticFile {
  body: Buffer;
  gzipped: Buffer | undefined;
  contentType: string;
  mtimeMs: number;
}

export interface ConsoleRoutesOptions {
  config: HubConfig;
  /** The development issuer; the sign-in endpoints exist only with it and only outside production. */
  devIssuer: DevIssuer | undefined;
  /** The OpenID Connect sign-in (CONSOLE_OIDC_*); when set, the console offers it instead of the development sign-in. */
  oidc?: ConsoleOidc | undefined;
}

/**
 * Serves one request if it is the console's, and returns the status sent; returns undefined for a path that is not the
 * console's (the caller answers 404). Files are read once and kept (with a gzip copy) until their mtime changes.
 */
export type ConsoleRoutes = (req: IncomingMessage, res: ServerResponse, url: URL, forwarded: ForwardedView) => Promise<number | undefined>;

export function createConsoleRoutes({ config, devIssuer, oidc }: ConsoleRoutesOptions): ConsoleRoutes {
  const root = resolve(config.consoleDir);
  const signing = config.production || oidc ? undefined : devIssuer;
  const fixedConfig: ConsoleConfig = { auth: signing ? { mode: 'development' } : { mode: 'none' } };
  const consoleConfig = async (forwarded: ForwardedView): Promise<ConsoleConfig> => (oidc ? { auth: await oidc.consoleSettings(forwarded) } : fixedConfig);
  const cache = new Map<string, StaticFile>();

  /** The file under the console folder a URL path names, or undefined when it names none or points outside it. */
  function fileFor(pathname: string): string | undefined {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      throw new HttpError(400, 'BAD_REQUEST', 'The request path is not valid percent-encoding.');
    }
    // Segments starting with a dot (`..`, `.env`), backslashes and NUL never name a console file.
    if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').some((segment) => segment.startsWith('.'))) return undefined;
    const path = resolve(root, `.${decoded}`);
    if (!path.startsWith(root + sep)) return undefined;
    try {
      // A symbolic link inside the folder must not lead out of it either.
      return statSync(path).isFile() && realpathSync(path).startsWith(realpathSync(root) + sep) ? path : undefined;
    } catch {
      return undefined;
    }
  }

  function load(path: string): StaticFile {
    const mtimeMs = statSync(path).mtimeMs;
    const cached = cache.get(path);
    if (cached && cached.mtimeMs === mtimeMs) return cached;
    const body = readFileSync(path);
    const ext = extname(path);
    const file: StaticFile = {
      body,
      gzipped: COMPRESSIBLE.has(ext) && body.length > 1024 ? gzipSync(body) : undefined,
      contentType: CONTENT_TYPES[ext] ?? 'application/octet-stream',
      mtimeMs,
    };
    cache.set(path, file);
    return file;
  }

  function sendFile(req: IncomingMessage, res: ServerResponse, path: string, cacheControl: string): number {
    const file = load(path);
    const gzip = file.gzipped !== undefined && /\bgzip\b/.test(headerValue(req, 'accept-encoding') ?? '');
    const body = gzip && file.gzipped ? file.gzipped : file.body;
    res.writeHead(200, {
      ...CONSOLE_SECURITY_HEADERS,
      'content-type': file.contentType,
      'content-length': body.length,
      'cache-control': cacheControl,
      ...(file.gzipped ? { vary: 'accept-encoding' } : {}),
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return 200;
  }

  function answer(res: ServerResponse, status: number, body: unknown): number {
    sendJson(res, status, body, { ...CONSOLE_SECURITY_HEADERS, 'cache-control': 'no-store' });
    return status;
  }

  async function signIn(req: IncomingMessage, res: ServerResponse, issuer: DevIssuer): Promise<number> {
    if (req.method !== 'POST') throw new HttpError(405, 'BAD_REQUEST', 'Use POST.', { allow: 'POST' });
    if (!/^application\/json\b/.test(headerValue(req, 'content-type') ?? '')) {
      throw new HttpError(400, 'BAD_REQUEST', 'The body must be JSON (content-type: application/json).');
    }
    let subject: unknown;
    try {
      subject = (JSON.parse(await readBody(req, SIGN_IN_BODY_LIMIT)) as { subject?: unknown } | null)?.subject;
    } catch (error) {
      if (error instanceof HttpError) throw error;
      throw new HttpError(400, 'BAD_REQUEST', 'The body is not valid JSON.');
    }
    const principal = DEMO_PRINCIPALS.find((p) => p.subject === subject);
    if (!principal) throw new HttpError(400, 'BAD_USER_INPUT', 'subject names no demo identity.');
    // Taken before signing, so the console's idea of the expiry is never later than the token's own.
    const expiresAt = new Date(Date.now() + DEV_TOKEN_LIFETIME_HOURS * 3_600_000).toISOString();
    const token = await signToken(issuer, { ...principal, expiresIn: `${DEV_TOKEN_LIFETIME_HOURS}h` });
    return answer(res, 200, { token, expiresAt });
  }

  return async (req, res, url, forwarded) => {
    const path = url.pathname;
    if (isApiPath(path)) return undefined;
    if (path === CONSOLE_CONFIG_PATH && (req.method === 'GET' || req.method === 'HEAD')) return answer(res, 200, await consoleConfig(forwarded));
    if (oidc && path === OIDC_TOKEN_PATH) return answer(res, 200, await oidc.exchange(req, forwarded));
    if (signing && path === DEV_IDENTITIES_PATH && req.method === 'GET') return answer(res, 200, { identities: DEMO_PRINCIPALS.map(toDevIdentity) });
    if (signing && path === DEV_SIGN_IN_PATH) return signIn(req, res, signing);
    if (req.method !== 'GET' && req.method !== 'HEAD') return undefined;
    const index = resolve(root, 'index.html');
    if (!existsSync(index)) return undefined;
    if (path === '/' || path === '/index.html') return sendFile(req, res, index, 'no-cache');
    // GraphiQL's page is built with the console but served (outside production only) by graphiql.ts at /graphiql.
    const file = path === '/graphiql.html' ? undefined : fileFor(path);
    if (file) return sendFile(req, res, file, path.startsWith('/assets/') ? IMMUTABLE : 'no-cache');
    // A page of the console (a route of its own router), asked for by a browser: the console itself shows it.
    // A missing asset or a file-like path stays a 404, so a script tag never receives HTML.
    const browserNavigation = /\btext\/html\b/.test(headerValue(req, 'accept') ?? '');
    if (browserNavigation && !path.startsWith('/assets/') && !path.startsWith('/dev/') && !path.startsWith('/auth/') && extname(path) === '') {
      return sendFile(req, res, index, 'no-cache');
    }
    return undefined;
  };
}
