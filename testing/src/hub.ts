import { randomBytes, randomUUID } from 'node:crypto';
import { loadConfig, postgresSchemaOf, SUBGRAPH_NAMES, type HubConfig } from '@hub/config';
import { dropRoles, roleNamesOf, type Database } from '@hub/db';
import { startHub, type RunningHub } from '@hub/hub';
import { createEphemeralIssuer, signToken, type ClientTokenRequest, type DevIssuer, type ProfessionalTokenRequest } from '@hub/identity';
import { SUBGRAPH_SECRET_HEADER } from '@hub/service-kit';
import { createTestDatabase } from './database.ts';

export interface TestHubOptions {
  /** Load the deterministic demo data (default false: reference data only; tests build their own rows). */
  seedDemo?: boolean;
  /** Demo size factor, e.g. 0.1 for a quick national set (default 1). */
  demoScale?: number;
  /** Keep every log line of every service in `hub.logs` (default false: logs are silenced). */
  captureLogs?: boolean;
  /** Run in production mode: secrets and AUTH_ISSUERS set as in production, introspection and suggestions off. */
  production?: boolean;
  /** Further configuration variables, as in `.env` (e.g. `{ MAX_REQUEST_BODY_BYTES: '2048' }`). */
  env?: Record<string, string>;
  /**
   * On the server PostgreSQL: provision the database roles under a fresh prefix (DATABASE_ROLES=provision) and connect
   * every subgraph as its own runtime role (`<NAME>_DATABASE_URL`); the roles are dropped with the database. Ignored on
   * PGlite, which has one user.
   */
  databaseRoles?: boolean;
  /**
   * Run on this database instead of a fresh one, and leave it open at stop (the caller closes it): a hub restarted
   * with another configuration over the same rows, e.g. new keys.
   */
  database?: Database;
  /** Trust this issuer instead of a fresh one, so tokens made for an earlier hub keep working. */
  issuer?: DevIssuer;
}

/** Who a test token is for; omitted fields get fresh values (a random organisation, a random subject). */
export type TokenSubject = Omit<ProfessionalTokenRequest, 'subject' | 'organizationId'> & { subject?: string; organizationId?: string };

/** Who a client token is for (role CLIENT): the client's BSN, or a representative's machtiging; a fresh subject when omitted. */
export type ClientTokenSubject = Omit<ClientTokenRequest, 'subject' | 'roles'> & { subject?: string };

export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GraphQLBody<TData = Record<string, unknown>> {
  data?: TData | null;
  errors?: GraphQLErrorBody[];
}

export interface GraphQLResult<TData = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: GraphQLBody<TData>;
}

export interface RequestOptions {
  /** Bearer token (without the `Bearer ` prefix). */
  token?: string | undefined;
  operationName?: string | undefined;
  /** Extra request headers, e.g. `traceparent` or `x-request-id`. */
  headers?: Record<string, string> | undefined;
}

export interface DirectRequestOptions extends RequestOptions {
  /** The gateway secret to present; omitted means none (use `hub.subgraphSecrets[name]` for the right one). */
  secret?: string | undefined;
  variables?: Record<string, unknown> | undefined;
}

/** One parsed JSON log line. */
export type LogLine = Record<string, unknown> & { service?: string; msg?: string; reqId?: string; traceId?: string };

export interface TestHub extends RunningHub {
  issuer: DevIssuer;
  /** With `databaseRoles` on the server: the role prefix and each subgraph's runtime connection URL (with password). */
  roles: { prefix: string; urls: Record<string, string> } | undefined;
  /** Parsed log lines of every service, in order (only with `captureLogs`). */
  logs: LogLine[];
  /** Every captured log line as raw text, for searching logs for personal data. */
  logText(): string;
  /** A signed token from the test issuer. */
  tokenFor(subject: TokenSubject): Promise<string>;
  /** A signed client token (role CLIENT, as a DigiD broker would issue it) from the test issuer. */
  clientTokenFor(subject: ClientTokenSubject): Promise<string>;
  /** POSTs an operation to the gateway. */
  graphql<TData = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<GraphQLResult<TData>>;
  /** POSTs an operation straight to one subgraph, bypassing the gateway. */
  directSubgraphRequest<TData = Record<string, unknown>>(name: string, query: string, options?: DirectRequestOptions): Promise<GraphQLResult<TData>>;
  /** An absolute URL on the gateway's origin, e.g. `hub.gatewayPath('/ready')`. */
  gatewayPath(path: string): string;
}

const envKey = (name: string) => name.toUpperCase().replace(/-/g, '_');
const newSecret = () => randomBytes(32).toString('base64url');

function testConfig(options: TestHubOptions, issuer: DevIssuer): HubConfig {
  const env: Record<string, string> = {
    NODE_ENV: options.production ? 'production' : 'test',
    HOST: '127.0.0.1',
    GATEWAY_PORT: '0',
    LOG_LEVEL: options.captureLogs ? 'info' : 'silent',
    PGLITE_IN_MEMORY: 'true',
    SEED_DEMO: options.seedDemo ? 'true' : 'false',
    DEMO_SCALE: String(options.demoScale ?? 1),
    AUTH_AUDIENCE: issuer.audience,
    // Tests change rows straight in the database and read them back through the gateway at once, which a cached
    // directory answer would hide; tests/response-cache.test.ts turns the cache on.
    DIRECTORY_CACHE_SECONDS: '0',
    // The outbox relays of cases and signals, the notifications' e-mail worker and the iWlz notification retry loop
    // would add statements every few seconds to the counts tests take of a request (the iWlz loop's one statement per
    // 5 s fell inside such a count on a loaded machine); tests drive them with runOnce or retryOnce, or set
    // OUTBOX_RELAY_INTERVAL_MS, NOTIFY_MAIL_INTERVAL_MS or IWLZ_RETRY_INTERVAL_MS in `env` to have the loops run.
    OUTBOX_RELAY_INTERVAL_MS: '0',
    NOTIFY_MAIL_INTERVAL_MS: '0',
    IWLZ_RETRY_INTERVAL_MS: '0',
  };
  for (const name of SUBGRAPH_NAMES) env[`${envKey(name)}_PORT`] = '0';
  if (options.production) {
    // Production configuration refuses to load without these; the values are fresh for every hub.
    env.AUTH_ISSUERS = JSON.stringify([issuer.config]);
    env.INTERNAL_API_SECRET = newSecret();
    env.BSN_ENCRYPTION_KEY = randomBytes(32).toString('hex');
    env.BSN_HASH_KEY = randomBytes(32).toString('hex');
    for (const name of SUBGRAPH_NAMES) env[`SUBGRAPH_SECRET_${envKey(name)}`] = newSecret();
    // Tests send documents of their own; tests/security/trusted-documents.test.ts sets TRUSTED_DOCUMENTS=enforce.
    env.TRUSTED_DOCUMENTS = 'off';
  }
  return loadConfig({ ...env, ...options.env });
}

/** A fresh role prefix (roles are cluster-wide), a password per runtime role, and each subgraph's URL as that role. */
function testRoles(databaseUrl: string): { prefix: string; env: Record<string, string>; urls: Record<string, string> } {
  const prefix = `t${randomBytes(5).toString('hex')}`;
  const env: Record<string, string> = { DATABASE_ROLES: 'provision', DATABASE_ROLE_PREFIX: prefix };
  const urls: Record<string, string> = {};
  for (const name of SUBGRAPH_NAMES) {
    const password = randomBytes(18).toString('hex');
    const url = new URL(databaseUrl);
    url.username = roleNamesOf(prefix, postgresSchemaOf(name)).runtime;
    url.password = password;
    urls[name] = url.toString();
    env[`DB_PASSWORD_${envKey(name)}`] = password;
    env[`${envKey(name)}_DATABASE_URL`] = url.toString();
  }
  return { prefix, env, urls };
}

async function post<TData>(url: string, payload: unknown, headers: Record<string, string>): Promise<GraphQLResult<TData>> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(payload) });
  const text = await res.text();
  let body: GraphQLBody<TData>;
  try {
    body = JSON.parse(text) as GraphQLBody<TData>;
  } catch {
    // A non-JSON answer is itself a finding; keep it visible in the assertion output.
    body = { errors: [{ message: `Non-JSON response: ${text.slice(0, 500)}` }] };
  }
  return { status: res.status, headers: res.headers, body };
}

function requestHeaders(options: RequestOptions): Record<string, string> {
  return { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers };
}

/**
 * Boots a whole hub for one test file: its own database (PGlite in memory, or a fresh database on the
 * DATABASE_URL server), an ephemeral token issuer, every subgraph and the gateway on free ports.
 */
export async function startTestHub(options: TestHubOptions = {}): Promise<TestHub> {
  const issuer = options.issuer ?? (await createEphemeralIssuer());
  const database: Database = options.database ?? (await createTestDatabase());
  const closeDatabase = () => (options.database ? Promise.resolve() : database.close());
  let roles: ReturnType<typeof testRoles> | undefined;
  let config: HubConfig;
  try {
    roles = options.databaseRoles && database.url ? testRoles(database.url) : undefined;
    config = testConfig({ ...options, env: { ...roles?.env, ...options.env } }, issuer);
  } catch (error) {
    await closeDatabase();
    throw error;
  }
  const dropTestRoles = async () => {
    const serverUrl = loadConfig().databaseUrl;
    if (roles && serverUrl) await dropRoles(serverUrl, roles.prefix, SUBGRAPH_NAMES.map(postgresSchemaOf));
  };
  const logs: LogLine[] = [];
  const raw: string[] = [];
  const logDestination = options.captureLogs
    ? {
        write(line: string) {
          raw.push(line);
          logs.push(JSON.parse(line) as LogLine);
        },
      }
    : undefined;
  let hub: RunningHub;
  try {
    hub = await startHub({ config, database, issuer, logDestination });
  } catch (error) {
    await closeDatabase();
    await dropTestRoles();
    throw error;
  }

  let stopping: Promise<void> | undefined;
  return {
    ...hub,
    issuer,
    roles: roles ? { prefix: roles.prefix, urls: roles.urls } : undefined,
    logs,
    logText: () => raw.join(''),
    stop: () => (stopping ??= hub.stop().then(closeDatabase).then(dropTestRoles)),
    tokenFor: (subject) =>
      signToken(issuer, {
        ...subject,
        subject: subject.subject ?? `test-${randomUUID()}`,
        organizationId: subject.organizationId ?? randomUUID(),
      }),
    clientTokenFor: (subject) => signToken(issuer, { ...subject, roles: ['CLIENT'], subject: subject.subject ?? `test-client-${randomUUID()}` }),
    graphql: (query, variables, requestOptions = {}) =>
      post(
        hub.gatewayUrl,
        { query, ...(variables ? { variables } : {}), ...(requestOptions.operationName ? { operationName: requestOptions.operationName } : {}) },
        requestHeaders(requestOptions),
      ),
    directSubgraphRequest(name, query, requestOptions = {}) {
      const url = hub.subgraphUrls[name];
      if (!url) throw new Error(`No subgraph named ${name}; the hub runs ${Object.keys(hub.subgraphUrls).join(', ')}.`);
      const headers = requestHeaders(requestOptions);
      if (requestOptions.secret !== undefined) headers[SUBGRAPH_SECRET_HEADER] = requestOptions.secret;
      return post(
        url,
        {
          query,
          ...(requestOptions.variables ? { variables: requestOptions.variables } : {}),
          ...(requestOptions.operationName ? { operationName: requestOptions.operationName } : {}),
        },
        headers,
      );
    },
    gatewayPath: (path) => new URL(path, hub.gatewayUrl).toString(),
  };
}
