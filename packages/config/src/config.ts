import { parseAddressRange } from './address-ranges.ts';
import { type KeyRing, KeyRingError, parseKeyRing } from './bsn-keys.ts';
import { SUBGRAPHS, subgraphEnvKey, type SubgraphName } from './subgraphs.ts';
import { z } from 'zod';

/**
 * The one place that reads the environment. Every service calls `loadConfig()` once at start-up;
 * tests pass their own record. `.env.example` lists every variable with its default.
 */

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

/** An empty value (`NAME=` in .env) counts as unset. */
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const issuerSchema = z.object({
  issuer: z.string().min(1),
  /** SPKI PEM public key; or */
  publicKeyPem: z.string().optional(),
  /** a JWKS URL. */
  jwksUrl: z.string().url().optional(),
  audience: z.string().optional(),
});
export type IssuerConfig = z.infer<typeof issuerSchema>;

/**
 * The web console's OpenID Connect client (authorization code with PKCE). The provider's issuer must be one of the
 * trusted AUTH_ISSUERS: the access token it issues is the bearer token the hub verifies.
 */
export interface ConsoleOidcConfig {
  /** Issuer URL; its discovery document (/.well-known/openid-configuration) names the endpoints. */
  issuer: string;
  clientId: string;
  /** Only for a confidential client: the gateway sends it to the token endpoint (client_secret_basic); never to the browser. */
  clientSecret: string | undefined;
  /** Space-separated; always contains openid. */
  scope: string;
  /** Resource indicator (RFC 8707) sent with the authorization and token requests, when the provider needs one. */
  resource: string | undefined;
  /**
   * Where the provider sends the browser back (path /inloggen/terug of the console). Unset: the console's own origin
   * as the gateway sees it (behind TRUSTED_PROXIES the forwarded protocol and host) plus /inloggen/terug.
   */
  redirectUri: string | undefined;
}

/** The console's page the provider redirects back to. */
export const CONSOLE_OIDC_CALLBACK_PATH = '/inloggen/terug';

const isLoopbackHost = (hostname: string) => hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);

const baseSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  GATEWAY_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  HIVE_GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(4100),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_ROLES: z.enum(['off', 'provision']).default('off'),
  DATABASE_ROLE_PREFIX: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,29}$/, 'a lower-case identifier of at most 30 characters (letters, digits, _)')
    .default('hub'),
  RETENTION_ACCESS_LOG_YEARS: z.coerce.number().int().min(1).max(100).default(5),
  RETENTION_TRAJECTORY_YEARS: z.coerce.number().int().min(1).max(100).default(5),
  RETENTION_REFERRAL_YEARS: z.coerce.number().int().min(1).max(100).default(5),
  RETENTION_SIGNAL_TEXT_MONTHS: z.coerce.number().int().min(1).max(1200).default(24),
  RETENTION_NOTIFICATION_DAYS: z.coerce.number().int().min(7).max(36_500).default(365),
  RETENTION_PURGE_INTERVAL_HOURS: optional(z.coerce.number().min(0).max(744)),
  RETENTION_BATCH_SIZE: z.coerce.number().int().min(1).max(100_000).default(1000),
  DATA_DIR: z.string().default('.data'),
  CONSOLE_DIR: z.string().min(1).default('console/dist'),
  PGLITE_IN_MEMORY: bool.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  AUTH_ISSUERS: z.string().optional(),
  AUTH_AUDIENCE: z.string().default('clientondersteuning-hub'),
  DEV_ISSUER: z.string().default('http://localhost/dev-issuer'),
  CONSOLE_OIDC_ISSUER: optional(z.string().url()),
  CONSOLE_OIDC_CLIENT_ID: optional(z.string().min(1).max(200)),
  CONSOLE_OIDC_CLIENT_SECRET: optional(z.string().min(1)),
  CONSOLE_OIDC_SCOPE: z
    .string()
    .regex(/^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/, 'space-separated scope tokens')
    .default('openid'),
  CONSOLE_OIDC_RESOURCE: optional(z.string().url()),
  CONSOLE_OIDC_REDIRECT_URI: optional(z.string().url()),
  TOKEN_MAX_LIFETIME_SECONDS: z.coerce.number().int().min(60).max(604_800).default(43_200),
  CAPACITY_STALE_DAYS: z.coerce.number().int().min(1).max(3650).default(14),
  MAX_REQUEST_BODY_BYTES: z.coerce.number().int().min(1024).default(1_000_000),
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  TRUSTED_PROXIES: z.string().default(''),
  TRUSTED_DOCUMENTS: optional(z.enum(['off', 'log', 'enforce'])),
  TRUSTED_DOCUMENTS_DIR: optional(z.string().min(1)),
  TRUSTED_DOCUMENTS_MANIFEST: z.string().min(1).default('console/src/generated/persisted-documents.json'),
  CORS_ORIGINS: z.string().default(''),
  DIRECTORY_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  OPERATION_MAX_DEPTH: z.coerce.number().int().min(1).max(1000).default(10),
  OPERATION_MAX_ALIASES: z.coerce.number().int().min(0).max(10_000).default(20),
  OPERATION_MAX_ROOT_FIELDS: z.coerce.number().int().min(1).max(1000).default(8),
  OPERATION_MAX_TOKENS: z.coerce.number().int().min(10).max(1_000_000).default(2000),
  OPERATION_MAX_COST: z.coerce.number().int().min(1).max(100_000_000).default(300_000),
  RATE_LIMIT_PER_SECOND: z.coerce.number().min(0.01).max(1_000_000).default(1000),
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).max(10_000_000).default(2000),
  REDIS_URL: optional(z.string().regex(/^rediss?:\/\/\S+$/, 'a redis:// or rediss:// URL')),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'letters, digits and _ . : - (at most 64)')
    .default('hub:'),
  SEED_DEMO: bool.optional(),
  INTERNAL_API_SECRET: z.string().optional(),
  DEMO_SCALE: z.coerce.number().positive().max(100).default(1),
  HSDS_IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).max(45_000_000).default(20_000_000),
  BSN_ENCRYPTION_KEY: z.string().optional(),
  BSN_ENCRYPTION_KEYS: z.string().optional(),
  BSN_ENCRYPTION_KEY_CURRENT: z.string().optional(),
  BSN_HASH_KEY: z.string().optional(),
  BSN_HASH_KEYS: z.string().optional(),
  BSN_HASH_KEY_CURRENT: z.string().optional(),
  BSN_ROTATION_INTERVAL_MS: z.coerce.number().int().min(0).max(86_400_000).default(0),
  BSN_ROTATION_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
  REFERRAL_RESPOND_DAYS: z.string().default('WMO_TO_WLZ=5,WLZ_TO_WMO=5,TO_OCO=3,TO_SERVICE=10,OTHER=10,INFORMAL_TO_FORMAL=5'),
  REFERRAL_START_DAYS: z.coerce.number().int().min(0).max(250).default(10),
  REFERRAL_RELAY_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(1000),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  WEBHOOK_RETRY_BASE_SECONDS: z.coerce.number().min(0).max(86_400).default(30),
  WEBHOOK_RETRY_MAX_SECONDS: z.coerce.number().min(0).max(604_800).default(3600),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  WEBHOOK_ALLOW_HTTP: bool.optional(),
  WEBHOOK_ALLOWED_PRIVATE_RANGES: z.string().optional(),
  OUTBOX_RELAY_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(1000),
  OUTBOX_RETRY_BASE_SECONDS: z.coerce.number().min(0).max(86_400).default(30),
  OUTBOX_RETRY_MAX_SECONDS: z.coerce.number().min(0).max(604_800).default(3600),
  SIGNALS_REOPEN_WINDOW_DAYS: z.coerce.number().int().min(1).max(730).default(90),
  SIGNALS_REOPEN_THRESHOLD: z.coerce.number().int().min(1).max(1000).default(5),
  NOTIFY_DUE_SOON_WORKING_DAYS: z.coerce.number().int().min(0).max(30).default(1),
  IWLZ_NOTIFICATION_TOKEN: optional(z.string().min(32, 'at least 32 characters')),
  IWLZ_REGISTER_URL: optional(z.string().url()),
  IWLZ_REGISTER_TOKEN: optional(z.string().min(1)),
  IWLZ_ZORGKANTOREN: z.string().default(''),
  IWLZ_CONTACT_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  IWLZ_REGISTER_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  IWLZ_RETRY_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(5000),
  IWLZ_RETRY_BASE_SECONDS: z.coerce.number().min(0).max(86_400).default(30),
  IWLZ_RETRY_MAX_SECONDS: z.coerce.number().min(0).max(604_800).default(3600),
  IWLZ_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(12),
  SMTP_URL: optional(z.string().regex(/^smtps?:\/\/[^\s]+$/, 'an smtp:// or smtps:// URL')),
  MAIL_FROM: z.string().min(3).max(254).default('Clientondersteuning hub <noreply@hub.localhost>'),
  CONSOLE_PUBLIC_URL: optional(z.string().url()),
  NOTIFY_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(8),
  NOTIFY_MAIL_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(5000),
  NOTIFY_RETRY_BASE_SECONDS: z.coerce.number().min(0).max(86_400).default(60),
  NOTIFY_RETRY_MAX_SECONDS: z.coerce.number().min(0).max(604_800).default(3600),
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
  METRICS_TOKEN: optional(z.string().min(32, 'at least 32 characters')),
  METRICS_OPERATION_NAMES: z
    .string()
    .regex(/^([_A-Za-z][_0-9A-Za-z]{0,63}(,[_A-Za-z][_0-9A-Za-z]{0,63})*)?$/, 'comma-separated GraphQL operation names')
    .default(''),
  METRICS_OPERATION_MANIFEST: z.string().min(1).default('console/src/generated/persisted-documents.json'),
  OTEL_EXPORTER_OTLP_ENDPOINT: optional(z.string().url()),
  OTEL_EXPORTER_OTLP_PROTOCOL: z
    .enum(['http/json'], { message: 'the hub exports OTLP over HTTP as JSON: set http/json or leave it unset' })
    .default('http/json'),
  LIGHT_LINK_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(72),
});

/** Referral kinds, for the per-kind response deadlines (the referrals subgraph's ReferralKind enum). */
export const REFERRAL_KINDS = ['WMO_TO_WLZ', 'WLZ_TO_WMO', 'TO_OCO', 'TO_SERVICE', 'OTHER', 'INFORMAL_TO_FORMAL'] as const;
export type ReferralKindSetting = (typeof REFERRAL_KINDS)[number];

export interface ReferralSettings {
  /** Working days the receiver has to accept or reject, per kind. */
  respondDays: Record<ReferralKindSetting, number>;
  /** Working days after acceptance to start. */
  startDays: number;
  /** A REQUESTED referral whose respond-by date is at most this many working days away is due soon (told once). */
  dueSoonWorkingDays: number;
  /** Pause between relay rounds (outbox, webhooks, overdue detection); 0 starts no loop (tests call runOnce). */
  relayIntervalMs: number;
  webhookMaxAttempts: number;
  /** Retry n waits base × 2^(n-1) seconds, at most max seconds. */
  webhookRetryBaseSeconds: number;
  webhookRetryMaxSeconds: number;
  webhookTimeoutMs: number;
  /** Plain-http webhook URLs (local development and tests only; production refuses to start with it). */
  webhookAllowHttp: boolean;
  /**
   * CIDR ranges (e.g. `10.20.0.0/16`) a webhook may reach although they are internal (loopback, private, link-local,
   * ...): for an on-premise receiver. Empty in production unless set; loopback elsewhere, for local receivers.
   */
  webhookAllowedPrivateRanges: string[];
}

const DEV_WEBHOOK_RANGES = ['127.0.0.0/8', '::1/128'];

/**
 * A comma-separated list of address ranges, checked here so a typo fails at start-up. WEBHOOK_ALLOWED_PRIVATE_RANGES
 * takes CIDR ranges only (each normalised to lower case), TRUSTED_PROXIES also bare addresses (kept as written).
 */
function parseRangeList(name: string, value: string, options: { bareAddress: boolean }): string[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const range = parseAddressRange(part, options);
      if (!range) {
        const expected = options.bareAddress ? 'an IP address or CIDR range' : 'an IPv4 or IPv6 CIDR range';
        throw new ConfigError(`Invalid configuration: ${name}: "${part}" is not ${expected}`);
      }
      return options.bareAddress ? part : `${range.address.toLowerCase()}/${range.prefix}`;
    });
}

/** Parses "WMO_TO_WLZ=5,TO_OCO=3": kinds left out keep their default. */
function parseRespondDays(value: string): Record<ReferralKindSetting, number> {
  const days: Record<ReferralKindSetting, number> = { WMO_TO_WLZ: 5, WLZ_TO_WMO: 5, TO_OCO: 3, TO_SERVICE: 10, OTHER: 10, INFORMAL_TO_FORMAL: 5 };
  for (const part of value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([A-Z_]+)=(\d{1,3})$/.exec(part);
    const kind = REFERRAL_KINDS.find((k) => k === m?.[1]);
    if (!m?.[2] || !kind) throw new ConfigError(`Invalid configuration: REFERRAL_RESPOND_DAYS: "${part}" is not KIND=days`);
    days[kind] = Number(m[2]);
  }
  return days;
}

/**
 * The iWlz chain: the CIZ's notifications of a new Wlz indicatie (notify, then pull from the Indicatieregister).
 * Without IWLZ_NOTIFICATION_TOKEN the gateway's /iwlz/notificaties answers 404 (the endpoint is off).
 */
export interface IwlzSettings {
  /** Bearer secret the notifying source (the CIZ, or the network's notification service) presents. */
  notificationToken: string | undefined;
  /** GraphQL URL of the Indicatieregister the indicatie is pulled from; unset: every pull fails and is retried. */
  registerUrl: string | undefined;
  /** Access token sent to the register as a bearer token. */
  registerToken: string | undefined;
  /** UZOVI code of a zorgkantoor (ontvangerID) to the hub organisation id of that zorgkantoor. */
  receivers: Record<string, string>;
  /** Working days the zorgkantoor has to contact a client after the indicatie arrived. */
  contactDays: number;
  registerTimeoutMs: number;
  /** Pause between retry rounds for pulls that failed; 0 starts no loop. */
  retryIntervalMs: number;
  /** Retry n waits base × 2^(n-1) seconds, at most max seconds. */
  retryBaseSeconds: number;
  retryMaxSeconds: number;
  /** After this many failed pulls a notification is FAILED. */
  maxAttempts: number;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Parses "5151=<organisation uuid>,5152=<uuid>". */
function parseReceivers(value: string): Record<string, string> {
  const receivers: Record<string, string> = {};
  for (const part of value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^(\d{4})=(.+)$/.exec(part);
    if (!m?.[1] || !m[2] || !UUID_PATTERN.test(m[2])) {
      throw new ConfigError(`Invalid configuration: IWLZ_ZORGKANTOREN: "${part}" is not UZOVI=organisation-uuid`);
    }
    receivers[m[1]] = m[2].toLowerCase();
  }
  return receivers;
}

/**
 * E-mail of the notifications subgraph (nodemailer over SMTP). Without SMTP_URL no e-mail leaves the hub: messages
 * stay PENDING until a later start with a mail server sends them.
 */
export interface NotificationSettings {
  /** smtp:// or smtps:// URL of the relay (user and password in it when it needs them); undefined: e-mail off. */
  smtpUrl: string | undefined;
  /** The From header, e.g. `Hub <noreply@example.nl>`; its domain needs SPF, DKIM and DMARC (docs/notifications.md). */
  mailFrom: string;
  /** The console's public origin (no trailing slash): links in e-mails are this plus a console path. */
  consoleUrl: string;
  /** The hour (0 to 23, Europe/Amsterdam) at or after which the daily digest of the day is made. */
  digestHour: number;
  /** Pause between rounds of the e-mail worker; 0 starts no loop (tests call runOnce). */
  mailIntervalMs: number;
  /** Retry n waits base × 2^(n-1) seconds, at most max seconds. */
  retryBaseSeconds: number;
  retryMaxSeconds: number;
  /** After this many failed attempts a message is FAILED. */
  maxAttempts: number;
}

export interface SubgraphSettings {
  name: SubgraphName;
  port: number;
  /** URL the gateway uses to reach it. */
  url: string;
  /** Shared secret only the gateway holds; undefined means "generate one for this process" (development). */
  secret: string | undefined;
  /** The database URL this subgraph's process connects with: `<NAME>_DATABASE_URL`, else DATABASE_URL. */
  databaseUrl: string | undefined;
  /** DB_PASSWORD_<NAME>: the password provisioning gives the subgraph's runtime login role. */
  databasePassword: string | undefined;
}

/** Least privilege on the PostgreSQL server (packages/db/src/roles.ts); PGlite has one user and ignores it. */
export interface DatabaseRoleSettings {
  /** DATABASE_ROLES=provision: the migrate step creates the roles, migrates as each owner and grants the runtime roles. */
  provision: boolean;
  /** Roles are `<prefix>_<schema>` (owner) and `<prefix>_<schema>_app` (login); one prefix per hub on a shared server. */
  prefix: string;
}

/** The NEN 7513 minimum: access-log lines are kept at least this many years, whatever is configured. */
export const ACCESS_LOG_MIN_YEARS = 5;

/** How long data is kept before the daily purge removes it (docs/operations.md, "Retention"). */
export interface RetentionSettings {
  /** NEN 7513 access-log lines; never below ACCESS_LOG_MIN_YEARS. */
  accessLogYears: number;
  /** A closed trajectory (with its contact moments), an ended consent, and a client left with neither. */
  trajectoryYears: number;
  /** A finished referral (rejected, cancelled, completed, failed, entered in error) with its timeline. */
  referralYears: number;
  /** The free text of a signal is cleared after this; its coded fields (the counts) stay. */
  signalTextMonths: number;
  /** A read notification and a sent or failed e-mail message. */
  notificationDays: number;
  /** Pause between purge runs; 0 runs none (tests call the purge themselves). Default 24 in production, else 0. */
  purgeIntervalHours: number;
  /** Rows per delete statement. */
  batchSize: number;
}

export interface HubConfig {
  env: 'development' | 'production' | 'test';
  production: boolean;
  host: string;
  gatewayPort: number;
  /** Processes of a standalone gateway sharing its port (node:cluster); 1 runs it in the one process. */
  gatewayWorkers: number;
  /** Port of the peer engine (`npm run start:hive`: Hive Gateway with the hub's policies, hive/). */
  hiveGatewayPort: number;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  databaseRoles: DatabaseRoleSettings;
  retention: RetentionSettings;
  dataDir: string;
  /** The built web console (index.html and assets/) the gateway serves at `/`; nothing is served while it has no index.html. */
  consoleDir: string;
  pgliteInMemory: boolean;
  logLevel: string;
  issuers: IssuerConfig[] | undefined;
  audience: string;
  devIssuer: string;
  /** The console's OpenID Connect sign-in; undefined: the console offers no OpenID Connect sign-in. */
  consoleOidc: ConsoleOidcConfig | undefined;
  /** Longest lifetime (exp - iat, or exp - now) of a bearer token the hub accepts, in seconds. */
  tokenMaxLifetimeSeconds: number;
  capacityStaleDays: number;
  maxRequestBodyBytes: number;
  subgraphTimeoutMs: number;
  /** On SIGTERM or stop(): how long requests in flight may take to finish before their connections are cut. */
  shutdownDrainMs: number;
  /**
   * Addresses or CIDR ranges of the reverse proxies in front of the gateway, whose x-forwarded-for / -proto / -host
   * the gateway believes; empty: it believes none and uses the connection's own address and protocol.
   */
  trustedProxies: string[];
  /**
   * Which operations the gateway runs (TRUSTED_DOCUMENTS, default `enforce` in production, `off` elsewhere): `enforce`
   * runs a signed-in caller's operation only when it is a trusted document (the console's manifest, or one its
   * organisation registered in TRUSTED_DOCUMENTS_DIR) and an anonymous caller's own queries only when they read the
   * public directory; `log` runs everything and logs the hash of what `enforce` would refuse; `off` checks nothing.
   */
  trustedDocuments: {
    mode: 'off' | 'log' | 'enforce';
    /** The console's manifest, written by `npm run codegen` (TRUSTED_DOCUMENTS_MANIFEST); like CONSOLE_DIR, relative to the working directory. */
    consoleManifest: string;
    /** Organisations' own manifests (TRUSTED_DOCUMENTS_DIR); undefined: none. */
    directory: string | undefined;
  };
  /**
   * Origins (scheme://host[:port]) whose browser pages may call the API from another origin (CORS_ORIGINS,
   * comma-separated); empty: same origin only.
   */
  corsOrigins: string[];
  /**
   * How long answers of the sociale kaart (public directory data, never personal data) may be reused: the subgraph
   * sends this as its cache hint and the gateway caches such answers for that long. 0 turns caching off.
   */
  directoryCacheSeconds: number;
  /** Gateway limits per operation (see gateway/src/limits.ts). */
  operationLimits: { maxDepth: number; maxAliases: number; maxRootFields: number; maxTokens: number; maxCost: number };
  /** Token bucket per organisation (anonymous callers: per client address) at the gateway. */
  rateLimit: { perSecond: number; burst: number };
  /**
   * Redis shared by several gateway processes: the rate limit's buckets and the response cache live there, under
   * keys starting with `prefix`. Without a URL each gateway keeps both in its own memory.
   */
  redis: { url: string | undefined; prefix: string };
  /** Load the fictional demo data; never in production (loadConfig refuses SEED_DEMO=true there). */
  seedDemo: boolean;
  demoScale: number;
  /** Largest HSDS import (CLI file or URL, or the importHsds mutation's data) in bytes; a bigger one is refused whole. */
  hsdsImportMaxBytes: number;
  subgraphs: Record<SubgraphName, SubgraphSettings>;
  /** Secret for subgraph-to-subgraph internal endpoints (/internal/*); generated per process in development. */
  internalSecret: string | undefined;
  /**
   * Keys (32+ bytes each) for encrypting BSNs at rest (AES-256-GCM): BSN_ENCRYPTION_KEY (key id 0) and/or
   * BSN_ENCRYPTION_KEYS; the current one encrypts, all decrypt. Generated per process outside production when unset.
   */
  bsnEncryptionKeys: KeyRing;
  /** Keys (32+ bytes each) for the keyed hash (HMAC-SHA256) that finds a client by exact BSN: BSN_HASH_KEY and/or BSN_HASH_KEYS. */
  bsnHashKeys: KeyRing;
  /** False when the BSN keys above were generated for this process (development without keys in the environment). */
  bsnKeysConfigured: boolean;
  /** Moving stored BSNs to the current keys in the cases subgraph's background: pause between batches (0: off) and rows per batch. */
  bsnRotation: { intervalMs: number; batchSize: number };
  referrals: ReferralSettings;
  iwlz: IwlzSettings;
  notifications: NotificationSettings;
  lightLinks: LightLinkSettings;
  /** The outbox relays of cases and signals (notification events). */
  outbox: OutboxSettings;
  /** The learning loop of the signals subgraph: when a resolved knelpunt reopens. */
  signals: SignalsSettings;
  metrics: MetricsSettings;
  tracing: TracingSettings;
}

/** Prometheus metrics (docs/operations.md, Metrics). */
export interface MetricsSettings {
  /** The bearer token `/metrics` asks for; undefined: `/metrics` is not served. */
  token: string | undefined;
  /** Operation names counted under their own label besides the console's (an organisation's own integration). */
  operationNames: string[];
  /** The console's persisted-documents manifest (JSON, hash to document) whose operation names are labelled by name. */
  operationManifest: string;
}

/** OpenTelemetry traces (docs/operations.md, Traces). */
export interface TracingSettings {
  /** The OTLP/HTTP collector's base URL (spans go to `<endpoint>/v1/traces`); undefined: no spans are made. */
  otlpEndpoint: string | undefined;
}

/**
 * A RESOLVED knelpunt reopens when its follow-up signals observed after the resolution, in the last `reopenWindowDays`
 * days, reach `reopenThreshold` (a knelpunt may set its own threshold).
 */
export interface SignalsSettings {
  reopenWindowDays: number;
  reopenThreshold: number;
}

/** Single-use links for organisations without accounts (the notifications subgraph). */
export interface LightLinkSettings {
  /** Hours a link works after it was made (LIGHT_LINK_TTL_HOURS, default 72). */
  ttlHours: number;
  /**
   * The console's public origin that links in e-mails point at (CONSOLE_PUBLIC_URL); unset: the gateway's own address
   * (http://localhost:<GATEWAY_PORT>), which suits development only: set it in production.
   */
  consoleUrl: string;
}

export interface OutboxSettings {
  /** Pause between relay rounds; 0 starts no loop (tests call runOnce). */
  relayIntervalMs: number;
  /** Retry n waits base × 2^(n-1) seconds, at most max seconds. */
  retryBaseSeconds: number;
  retryMaxSeconds: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * The BSN key rings. Outside production an absent ring gets a key generated for this process only (BSNs stored by an
 * earlier process then cannot be read back: set the keys in .env to keep them). Only the cases subgraph needs the
 * keys: it refuses to run in production without them (requireBsnKeys).
 */
function bsnKeyRings(c: z.infer<typeof baseSchema>): { encryption: KeyRing; hash: KeyRing; configured: boolean } {
  try {
    const encryption = parseKeyRing(
      { single: 'BSN_ENCRYPTION_KEY', list: 'BSN_ENCRYPTION_KEYS', current: 'BSN_ENCRYPTION_KEY_CURRENT' },
      { single: c.BSN_ENCRYPTION_KEY, list: c.BSN_ENCRYPTION_KEYS, current: c.BSN_ENCRYPTION_KEY_CURRENT },
    );
    const hash = parseKeyRing(
      { single: 'BSN_HASH_KEY', list: 'BSN_HASH_KEYS', current: 'BSN_HASH_KEY_CURRENT' },
      { single: c.BSN_HASH_KEY, list: c.BSN_HASH_KEYS, current: c.BSN_HASH_KEY_CURRENT },
    );
    return { encryption: encryption.ring, hash: hash.ring, configured: encryption.configured && hash.configured };
  } catch (error) {
    if (error instanceof KeyRingError) throw new ConfigError(error.message);
    throw error;
  }
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
  const consoleOidc = consoleOidcConfig(c, issuers, production);
  const subgraphs = {} as Record<SubgraphName, SubgraphSettings>;
  // Each subgraph of the registry has a port, a URL and a secret.
  for (const { name, defaultPort } of SUBGRAPHS) {
    const key = subgraphEnvKey(name);
    const port = z.coerce.number().int().min(0).max(65535).default(defaultPort).parse(env[`${key}_PORT`]);
    const url = env[`${key}_URL`] ?? `http://${c.HOST === '0.0.0.0' ? '127.0.0.1' : c.HOST}:${port}/graphql`;
    const secret = env[`SUBGRAPH_SECRET_${key}`] || undefined;
    // Each process checks the secrets it needs itself (the gateway all of them, a subgraph its own), so a
    // subgraph container never has to hold the other subgraphs' secrets.
    if (secret !== undefined && secret.length < 32) {
      throw new ConfigError(`SUBGRAPH_SECRET_${key} must be at least 32 characters`);
    }
    const databaseUrl = optional(z.string().url()).safeParse(env[`${key}_DATABASE_URL`]);
    if (!databaseUrl.success) throw new ConfigError(`Invalid configuration: ${key}_DATABASE_URL must be a postgres:// URL`);
    const databasePassword = env[`DB_PASSWORD_${key}`] || undefined;
    subgraphs[name] = { name, port, url, secret, databaseUrl: databaseUrl.data ?? c.DATABASE_URL, databasePassword };
  }
  if (production && !issuers) throw new ConfigError('AUTH_ISSUERS must be set in production');
  // Webhooks carry signed notifications out of the hub; production sends them over TLS only.
  if (production && c.WEBHOOK_ALLOW_HTTP) throw new ConfigError('WEBHOOK_ALLOW_HTTP cannot be true in production: webhooks go over https');
  if (c.INTERNAL_API_SECRET && c.INTERNAL_API_SECRET.length < 32) {
    throw new ConfigError('INTERNAL_API_SECRET must be at least 32 characters');
  }
  // Fictional organisations, services and clients would show up in the public HSDS feed and beside real clients.
  if (production && c.SEED_DEMO) {
    throw new ConfigError('SEED_DEMO=true is refused in production: demo data is fictional and must never load there (set SEED_DEMO=false)');
  }
  const consoleUrl = consoleUrlOf(c, production);
  // NEN 7513 (and DOMAIN.md): access-log lines are kept at least five years; a shorter term is a mistake, not a choice.
  if (c.RETENTION_ACCESS_LOG_YEARS < ACCESS_LOG_MIN_YEARS) {
    throw new ConfigError(
      `Invalid configuration: RETENTION_ACCESS_LOG_YEARS must be at least ${ACCESS_LOG_MIN_YEARS} (NEN 7513 keeps access-log lines at least five years)`,
    );
  }
  const bsnKeys = bsnKeyRings(c);
  return {
    env: c.NODE_ENV,
    production,
    host: c.HOST,
    gatewayPort: c.GATEWAY_PORT,
    gatewayWorkers: c.GATEWAY_WORKERS,
    hiveGatewayPort: c.HIVE_GATEWAY_PORT,
    databaseUrl: c.DATABASE_URL,
    databasePoolSize: c.DATABASE_POOL_SIZE,
    databaseRoles: { provision: c.DATABASE_ROLES === 'provision', prefix: c.DATABASE_ROLE_PREFIX },
    retention: {
      accessLogYears: c.RETENTION_ACCESS_LOG_YEARS,
      trajectoryYears: c.RETENTION_TRAJECTORY_YEARS,
      referralYears: c.RETENTION_REFERRAL_YEARS,
      signalTextMonths: c.RETENTION_SIGNAL_TEXT_MONTHS,
      notificationDays: c.RETENTION_NOTIFICATION_DAYS,
      // Daily in production; off elsewhere unless set, so development data and tests' backdated rows stay put.
      purgeIntervalHours: c.RETENTION_PURGE_INTERVAL_HOURS ?? (production ? 24 : 0),
      batchSize: c.RETENTION_BATCH_SIZE,
    },
    dataDir: c.DATA_DIR,
    consoleDir: c.CONSOLE_DIR,
    pgliteInMemory: c.PGLITE_IN_MEMORY,
    logLevel: c.LOG_LEVEL,
    issuers,
    audience: c.AUTH_AUDIENCE,
    devIssuer: c.DEV_ISSUER,
    consoleOidc,
    tokenMaxLifetimeSeconds: c.TOKEN_MAX_LIFETIME_SECONDS,
    capacityStaleDays: c.CAPACITY_STALE_DAYS,
    maxRequestBodyBytes: c.MAX_REQUEST_BODY_BYTES,
    subgraphTimeoutMs: c.SUBGRAPH_TIMEOUT_MS,
    shutdownDrainMs: c.SHUTDOWN_DRAIN_MS,
    trustedProxies: parseRangeList('TRUSTED_PROXIES', c.TRUSTED_PROXIES, { bareAddress: true }),
    trustedDocuments: {
      mode: c.TRUSTED_DOCUMENTS ?? (production ? 'enforce' : 'off'),
      consoleManifest: c.TRUSTED_DOCUMENTS_MANIFEST,
      directory: c.TRUSTED_DOCUMENTS_DIR,
    },
    corsOrigins: parseOrigins(c.CORS_ORIGINS),
    directoryCacheSeconds: c.DIRECTORY_CACHE_SECONDS,
    operationLimits: {
      maxDepth: c.OPERATION_MAX_DEPTH,
      maxAliases: c.OPERATION_MAX_ALIASES,
      maxRootFields: c.OPERATION_MAX_ROOT_FIELDS,
      maxTokens: c.OPERATION_MAX_TOKENS,
      maxCost: c.OPERATION_MAX_COST,
    },
    rateLimit: { perSecond: c.RATE_LIMIT_PER_SECOND, burst: c.RATE_LIMIT_BURST },
    redis: { url: c.REDIS_URL, prefix: c.REDIS_PREFIX },
    seedDemo: c.SEED_DEMO ?? !production,
    demoScale: c.DEMO_SCALE,
    hsdsImportMaxBytes: c.HSDS_IMPORT_MAX_BYTES,
    subgraphs,
    internalSecret: c.INTERNAL_API_SECRET || undefined,
    bsnEncryptionKeys: bsnKeys.encryption,
    bsnHashKeys: bsnKeys.hash,
    bsnKeysConfigured: bsnKeys.configured,
    bsnRotation: { intervalMs: c.BSN_ROTATION_INTERVAL_MS, batchSize: c.BSN_ROTATION_BATCH_SIZE },
    referrals: {
      respondDays: parseRespondDays(c.REFERRAL_RESPOND_DAYS),
      startDays: c.REFERRAL_START_DAYS,
      dueSoonWorkingDays: c.NOTIFY_DUE_SOON_WORKING_DAYS,
      relayIntervalMs: c.REFERRAL_RELAY_INTERVAL_MS,
      webhookMaxAttempts: c.WEBHOOK_MAX_ATTEMPTS,
      webhookRetryBaseSeconds: c.WEBHOOK_RETRY_BASE_SECONDS,
      webhookRetryMaxSeconds: c.WEBHOOK_RETRY_MAX_SECONDS,
      webhookTimeoutMs: c.WEBHOOK_TIMEOUT_MS,
      webhookAllowHttp: c.WEBHOOK_ALLOW_HTTP ?? !production,
      webhookAllowedPrivateRanges:
        c.WEBHOOK_ALLOWED_PRIVATE_RANGES === undefined
          ? production
            ? []
            : [...DEV_WEBHOOK_RANGES]
          : parseRangeList('WEBHOOK_ALLOWED_PRIVATE_RANGES', c.WEBHOOK_ALLOWED_PRIVATE_RANGES, { bareAddress: false }),
    },
    lightLinks: { ttlHours: c.LIGHT_LINK_TTL_HOURS, consoleUrl },
    iwlz: {
      notificationToken: c.IWLZ_NOTIFICATION_TOKEN,
      registerUrl: c.IWLZ_REGISTER_URL,
      registerToken: c.IWLZ_REGISTER_TOKEN,
      receivers: parseReceivers(c.IWLZ_ZORGKANTOREN),
      contactDays: c.IWLZ_CONTACT_DAYS,
      registerTimeoutMs: c.IWLZ_REGISTER_TIMEOUT_MS,
      retryIntervalMs: c.IWLZ_RETRY_INTERVAL_MS,
      retryBaseSeconds: c.IWLZ_RETRY_BASE_SECONDS,
      retryMaxSeconds: c.IWLZ_RETRY_MAX_SECONDS,
      maxAttempts: c.IWLZ_MAX_ATTEMPTS,
    },
    notifications: {
      smtpUrl: c.SMTP_URL,
      mailFrom: c.MAIL_FROM,
      consoleUrl,
      digestHour: c.NOTIFY_DIGEST_HOUR,
      mailIntervalMs: c.NOTIFY_MAIL_INTERVAL_MS,
      retryBaseSeconds: c.NOTIFY_RETRY_BASE_SECONDS,
      retryMaxSeconds: c.NOTIFY_RETRY_MAX_SECONDS,
      maxAttempts: c.NOTIFY_MAX_ATTEMPTS,
    },
    outbox: { relayIntervalMs: c.OUTBOX_RELAY_INTERVAL_MS, retryBaseSeconds: c.OUTBOX_RETRY_BASE_SECONDS, retryMaxSeconds: c.OUTBOX_RETRY_MAX_SECONDS },
    signals: { reopenWindowDays: c.SIGNALS_REOPEN_WINDOW_DAYS, reopenThreshold: c.SIGNALS_REOPEN_THRESHOLD },
    metrics: {
      token: c.METRICS_TOKEN,
      operationNames: c.METRICS_OPERATION_NAMES ? c.METRICS_OPERATION_NAMES.split(',') : [],
      operationManifest: c.METRICS_OPERATION_MANIFEST,
    },
    tracing: { otlpEndpoint: c.OTEL_EXPORTER_OTLP_ENDPOINT?.replace(/\/+$/, '') },
  };
}

/**
 * CORS_ORIGINS: each entry an origin exactly as a browser sends it in `Origin` (scheme, host, port; no path, no
 * wildcard), so the check is a plain comparison.
 */
function parseOrigins(value: string): string[] {
  const origins: string[] = [];
  for (const entry of value
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '')) {
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new ConfigError(`Invalid configuration: CORS_ORIGINS: "${entry}" is not an origin such as https://app.example.nl`);
    }
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== entry.replace(/\/$/, '') || entry.includes('*')) {
      throw new ConfigError(`Invalid configuration: CORS_ORIGINS: "${entry}" must be an origin (scheme://host[:port]) without path or wildcard`);
    }
    origins.push(url.origin);
  }
  return origins;
}

/** Links in e-mails must reach the console from outside: production names its public https origin. */
function consoleUrlOf(c: z.infer<typeof baseSchema>, production: boolean): string {
  if (c.CONSOLE_PUBLIC_URL) {
    if (production && !c.CONSOLE_PUBLIC_URL.startsWith('https://'))
      throw new ConfigError('Invalid configuration: CONSOLE_PUBLIC_URL must be an https URL in production');
    return c.CONSOLE_PUBLIC_URL.replace(/\/+$/, '');
  }
  return `http://localhost:${c.GATEWAY_PORT || 4000}`;
}

/**
 * CONSOLE_OIDC_*: all or nothing (issuer and client id), the issuer trusted in AUTH_ISSUERS, and over https in
 * production unless the provider runs on this machine (loopback). The redirect URI must end in /inloggen/terug.
 */
function consoleOidcConfig(c: z.infer<typeof baseSchema>, issuers: IssuerConfig[] | undefined, production: boolean): ConsoleOidcConfig | undefined {
  if (!c.CONSOLE_OIDC_ISSUER && !c.CONSOLE_OIDC_CLIENT_ID) {
    if (c.CONSOLE_OIDC_CLIENT_SECRET || c.CONSOLE_OIDC_RESOURCE || c.CONSOLE_OIDC_REDIRECT_URI) {
      throw new ConfigError('Invalid configuration: CONSOLE_OIDC_* settings need CONSOLE_OIDC_ISSUER and CONSOLE_OIDC_CLIENT_ID');
    }
    return undefined;
  }
  if (!c.CONSOLE_OIDC_ISSUER || !c.CONSOLE_OIDC_CLIENT_ID) {
    throw new ConfigError('Invalid configuration: CONSOLE_OIDC_ISSUER and CONSOLE_OIDC_CLIENT_ID go together');
  }
  const issuer = c.CONSOLE_OIDC_ISSUER;
  if (!issuers?.some((i) => i.issuer === issuer)) {
    throw new ConfigError(
      `Invalid configuration: CONSOLE_OIDC_ISSUER ${issuer} must be one of the trusted AUTH_ISSUERS (its access tokens are the hub's bearer tokens)`,
    );
  }
  const url = new URL(issuer);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && (!production || isLoopbackHost(url.hostname)))) {
    throw new ConfigError('Invalid configuration: CONSOLE_OIDC_ISSUER must be an https URL in production');
  }
  if (c.CONSOLE_OIDC_REDIRECT_URI && new URL(c.CONSOLE_OIDC_REDIRECT_URI).pathname !== CONSOLE_OIDC_CALLBACK_PATH) {
    throw new ConfigError(`Invalid configuration: CONSOLE_OIDC_REDIRECT_URI must end in ${CONSOLE_OIDC_CALLBACK_PATH}`);
  }
  const scopes = c.CONSOLE_OIDC_SCOPE.split(' ');
  return {
    issuer,
    clientId: c.CONSOLE_OIDC_CLIENT_ID,
    clientSecret: c.CONSOLE_OIDC_CLIENT_SECRET,
    scope: (scopes.includes('openid') ? scopes : ['openid', ...scopes]).join(' '),
    resource: c.CONSOLE_OIDC_RESOURCE,
    redirectUri: c.CONSOLE_OIDC_REDIRECT_URI,
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

/**
 * BSNs encrypted with a key generated for one process could never be read again: production refuses that.
 * Called by the processes that encrypt or look up BSNs (the cases subgraph and its seeding).
 */
export function requireBsnKeys(config: HubConfig): void {
  if (config.production && !config.bsnKeysConfigured) {
    throw new ConfigError(
      'BSN_ENCRYPTION_KEY (or BSN_ENCRYPTION_KEYS) and BSN_HASH_KEY (or BSN_HASH_KEYS) must be set (32+ bytes, hex or base64) in production',
    );
  }
}
