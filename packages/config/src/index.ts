import { z } from 'zod';

/**
 * The one place that reads the environment. Every service calls `loadConfig()` once at start-up;
 * tests pass their own record. `.env.example` lists every variable with its default.
 */

/** Subgraphs of the hub, in composition order. Each has a port, a URL and a secret. */
export const SUBGRAPH_NAMES = ['sociale-kaart'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

const DEFAULT_PORTS: Record<SubgraphName, number> = { 'sociale-kaart': 4001 };

const envKey = (name: SubgraphName) => name.toUpperCase().replace(/-/g, '_');

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const issuerSchema = z.object({
  issuer: z.string().min(1),
  /** SPKI PEM public key; or */
  publicKeyPem: z.string().optional(),
  /** a JWKS URL. */
  jwksUrl: z.string().url().optional(),
  audience: z.string().optional(),
});
export type IssuerConfig = z.infer<typeof issuerSchema>;

const baseSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().default('.data'),
  PGLITE_IN_MEMORY: bool.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  AUTH_ISSUERS: z.string().optional(),
  AUTH_AUDIENCE: z.string().default('clientondersteuning-hub'),
  DEV_ISSUER: z.string().default('http://localhost/dev-issuer'),
  CAPACITY_STALE_DAYS: z.coerce.number().int().min(1).max(3650).default(14),
  MAX_REQUEST_BODY_BYTES: z.coerce.number().int().min(1024).default(1_000_000),
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  SEED_DEMO: bool.default(true),
  INTERNAL_API_SECRET: z.string().optional(),
  DEMO_SCALE: z.coerce.number().positive().max(100).default(1),
});

export interface SubgraphSettings {
  name: SubgraphName;
  port: number;
  /** URL the gateway uses to reach it. */
  url: string;
  /** Shared secret only the gateway holds; undefined means "generate one for this process" (development). */
  secret: string | undefined;
}

export interface HubConfig {
  env: 'development' | 'production' | 'test';
  production: boolean;
  host: string;
  gatewayPort: number;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  dataDir: string;
  pgliteInMemory: boolean;
  logLevel: string;
  issuers: IssuerConfig[] | undefined;
  audience: string;
  devIssuer: string;
  capacityStaleDays: number;
  maxRequestBodyBytes: number;
  subgraphTimeoutMs: number;
  seedDemo: boolean;
  demoScale: number;
  subgraphs: Record<SubgraphName, SubgraphSettings>;
  /** Secret for subgraph-to-subgraph internal endpoints (/internal/*); generated per process in development. */
  internalSecret: string | undefined;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined> = process.env): HubConfig {
  const parsed = baseSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${issues}`);
  }
  const c = parsed.data;
  let issuers: IssuerConfig[] | undefined;
  if (c.AUTH_ISSUERS) {
    let raw: unknown;
    try {
      raw = JSON.parse(c.AUTH_ISSUERS);
    } catch {
      throw new ConfigError('Invalid configuration: AUTH_ISSUERS must be a JSON array');
    }
    const r = z.array(issuerSchema).min(1).safeParse(raw);
    if (!r.success) throw new ConfigError(`Invalid configuration: AUTH_ISSUERS: ${r.error.issues[0]?.message}`);
    for (const i of r.data) {
      if (!i.publicKeyPem && !i.jwksUrl) throw new ConfigError(`Issuer ${i.issuer} needs publicKeyPem or jwksUrl`);
    }
    issuers = r.data;
  }
  const production = c.NODE_ENV === 'production';
  const subgraphs = {} as Record<SubgraphName, SubgraphSettings>;
  for (const name of SUBGRAPH_NAMES) {
    const key = envKey(name);
    const port = z.coerce.number().int().min(0).max(65535).default(DEFAULT_PORTS[name]).parse(env[`${key}_PORT`]);
    const url = env[`${key}_URL`] ?? `http://${c.HOST === '0.0.0.0' ? '127.0.0.1' : c.HOST}:${port}/graphql`;
    const secret = env[`SUBGRAPH_SECRET_${key}`];
    if (production && (!secret || secret.length < 32)) {
      throw new ConfigError(`SUBGRAPH_SECRET_${key} must be set (32+ characters) in production`);
    }
    subgraphs[name] = { name, port, url, secret };
  }
  if (production && !issuers) throw new ConfigError('AUTH_ISSUERS must be set in production');
  if (production && (!c.INTERNAL_API_SECRET || c.INTERNAL_API_SECRET.length < 32)) {
    throw new ConfigError('INTERNAL_API_SECRET must be set (32+ characters) in production');
  }
  return {
    env: c.NODE_ENV,
    production,
    host: c.HOST,
    gatewayPort: c.GATEWAY_PORT,
    databaseUrl: c.DATABASE_URL,
    databasePoolSize: c.DATABASE_POOL_SIZE,
    dataDir: c.DATA_DIR,
    pgliteInMemory: c.PGLITE_IN_MEMORY,
    logLevel: c.LOG_LEVEL,
    issuers,
    audience: c.AUTH_AUDIENCE,
    devIssuer: c.DEV_ISSUER,
    capacityStaleDays: c.CAPACITY_STALE_DAYS,
    maxRequestBodyBytes: c.MAX_REQUEST_BODY_BYTES,
    subgraphTimeoutMs: c.SUBGRAPH_TIMEOUT_MS,
    seedDemo: c.SEED_DEMO,
    demoScale: c.DEMO_SCALE,
    subgraphs,
    internalSecret: c.INTERNAL_API_SECRET,
  };
}

/** Apollo's libraries read this flag themselves; the hub never sends telemetry to Apollo. */
export function disableApolloTelemetry(env: Record<string, string | undefined> = process.env): void {
  env.APOLLO_TELEMETRY_DISABLED = 'true';
}

/** Base URLs (scheme, host, port) of every subgraph, for subgraph-to-subgraph internal calls. */
export function subgraphBaseUrls(config: HubConfig): Record<string, string> {
  return Object.fromEntries(Object.values(config.subgraphs).map((s) => [s.name, new URL(s.url).origin]));
}
