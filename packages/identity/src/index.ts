import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createRemoteJWKSet,
  errors as joseErrors,
  exportPKCS8,
  exportSPKI,
  generateKeyPair,
  importPKCS8,
  importSPKI,
  jwtVerify,
  SignJWT,
  type JWTPayload,
  type JWTVerifyGetKey,
  type CryptoKey,
  decodeJwt,
} from 'jose';
import { z } from 'zod';
import {
  CLIENT_ROLE,
  GEMEENTE_CODE_PATTERN,
  isValidBsn,
  MACHTIGING_SCOPES,
  normalizeBsn,
  ORGANIZATION_TYPES,
  ROLES,
  ZORGKANTOORREGIO_CODE_PATTERN,
  type MachtigingScope,
  type OrganizationType,
  type Role,
} from '@hub/domain';
import type { IssuerConfig } from '@hub/config';

export interface Principal {
  kind: 'user';
  subject: string;
  name: string | undefined;
  organizationId: string;
  organizationType: OrganizationType;
  roles: Role[];
  gemeenteCode: string | undefined;
  zorgkantoorregio: string | undefined;
  /** The professional's work e-mail address (OpenID Connect `email` claim), where notifications go; absent: none sent. */
  email?: string | undefined;
}
/**
 * A client signed in as themselves (DigiD through an OpenID Connect broker), or a representative acting for them under
 * a machtiging. It belongs to no organisation and passes no professional check (requireUser refuses it): it reaches
 * only the client's own view, found by the keyed hash of `clientBsn`. Never log this object: it holds a BSN.
 */
export interface ClientPrincipal {
  kind: 'client';
  subject: string;
  name: string | undefined;
  roles: readonly [typeof CLIENT_ROLE];
  /** The BSN of the person whose data this token reaches: the client's own, or the represented client's. */
  clientBsn: string;
  /** Set when a representative acts for the client: what the machtiging allows. */
  machtiging: { scope: readonly MachtigingScope[] } | undefined;
}
export type SignedIn = Principal | ClientPrincipal;
export type Caller = SignedIn | { kind: 'anonymous' };
export const ANONYMOUS: Caller = Object.freeze({ kind: 'anonymous' });

export const hasRole = (caller: Caller, ...roles: Role[]): caller is Principal => caller.kind === 'user' && roles.some((r) => caller.roles.includes(r));

export class AuthenticationError extends Error {
  override name = 'AuthenticationError';
}

const ALG = 'ES256';

const claimsSchema = z.object({
  sub: z.string().min(1).max(200),
  name: z.string().max(200).optional(),
  org: z.string().uuid(),
  org_type: z.enum(ORGANIZATION_TYPES),
  roles: z.array(z.enum(ROLES)).min(1),
  gemeente: z.string().regex(GEMEENTE_CODE_PATTERN).optional(),
  zorgkantoorregio: z.string().regex(ZORGKANTOORREGIO_CODE_PATTERN).optional(),
  email: z.string().email().max(254).optional(),
});
export type HubClaims = z.infer<typeof claimsSchema>;

const bsnClaim = z.string().refine(isValidBsn, 'must be a BSN passing the elfproef');

/**
 * A client token: roles exactly [CLIENT], and either the client's own `bsn`, or (a representative) `machtiging` naming
 * the represented client's BSN and what the machtiging allows. An OpenID Connect broker that receives a pseudonym from
 * DigiD (BSN-koppelregister) maps it to the BSN before it issues the hub token; the hub never sees the pseudonym.
 */
const clientClaimsSchema = z.object({
  sub: z.string().min(1).max(200),
  name: z.string().max(200).optional(),
  roles: z.tuple([z.literal(CLIENT_ROLE)]),
  bsn: bsnClaim.optional(),
  machtiging: z
    .object({ bsn: bsnClaim, scope: z.array(z.enum(MACHTIGING_SCOPES)).min(1) })
    .strict()
    .optional(),
  org: z.undefined().optional(),
});

export type TokenVerifier = (token: string) => Promise<SignedIn>;

/** The caller of a client token, or null when the claims are not a client's. */
function clientPrincipalOf(payload: JWTPayload): ClientPrincipal | null {
  const parsed = clientClaimsSchema.safeParse(payload);
  if (!parsed.success) return null;
  const c = parsed.data;
  const bsn = normalizeBsn(c.machtiging?.bsn ?? c.bsn ?? '');
  if (!bsn) return null;
  return Object.freeze({
    kind: 'client',
    subject: c.sub,
    name: c.name,
    roles: Object.freeze([CLIENT_ROLE]) as readonly [typeof CLIENT_ROLE],
    clientBsn: bsn,
    machtiging: c.machtiging ? Object.freeze({ scope: Object.freeze([...new Set(c.machtiging.scope)]) }) : undefined,
  });
}

/** Longest lifetime (exp - iat) a token may have unless configured otherwise (TOKEN_MAX_LIFETIME_SECONDS): 12 h. */
export const DEFAULT_TOKEN_MAX_LIFETIME_SECONDS = 43_200;
/** Clocks of issuers and hub may differ this much (seconds) for exp, nbf and iat. */
export const TOKEN_CLOCK_SKEW_SECONDS = 60;

export interface TokenVerifierOptions {
  /** Tokens valid for longer are refused: a leaked token must not work for months (default 12 h). */
  maxLifetimeSeconds?: number | undefined;
}

/** Why jose refused a token, in words a client can act on; never the token's contents. */
function verificationFailure(error: unknown): AuthenticationError {
  if (error instanceof joseErrors.JWTExpired) return new AuthenticationError('The bearer token has expired.');
  if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'exp') {
    return new AuthenticationError('The bearer token has no valid expiry (exp claim); the hub accepts only tokens that expire.');
  }
  if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'nbf') {
    return new AuthenticationError('The bearer token is not valid yet (nbf claim).');
  }
  return new AuthenticationError('The bearer token is invalid.');
}

/**
 * A token issued in the future, or valid for longer than the cap, is refused even with a good signature: an issuer
 * with a wrong clock or a hand-made long-lived token would otherwise give access for as long as its exp says.
 */
function checkLifetime(payload: JWTPayload, maxLifetimeSeconds: number): number {
  const now = Math.floor(Date.now() / 1000);
  const { iat, exp } = payload;
  if (typeof exp !== 'number') throw new AuthenticationError('The bearer token has no valid expiry (exp claim); the hub accepts only tokens that expire.');
  if (iat !== undefined && iat > now + TOKEN_CLOCK_SKEW_SECONDS) {
    throw new AuthenticationError('The bearer token was issued in the future (iat claim); check the clock of its issuer.');
  }
  if (exp - (iat ?? now) > maxLifetimeSeconds || exp - now > maxLifetimeSeconds + TOKEN_CLOCK_SKEW_SECONDS) {
    throw new AuthenticationError(`The bearer token is valid for longer than the hub accepts (at most ${maxLifetimeSeconds} s from issue).`);
  }
  return exp;
}

/** Verifies bearer JWTs against the trusted issuers (static SPKI key or JWKS URL per issuer). */
export async function createTokenVerifier(issuers: IssuerConfig[], defaultAudience: string, options: TokenVerifierOptions = {}): Promise<TokenVerifier> {
  const maxLifetimeSeconds = options.maxLifetimeSeconds ?? DEFAULT_TOKEN_MAX_LIFETIME_SECONDS;
  const byIssuer = new Map<string, { key: CryptoKey | JWTVerifyGetKey; audience: string }>();
  for (const i of issuers) {
    const key = i.publicKeyPem ? await importSPKI(i.publicKeyPem, ALG) : createRemoteJWKSet(new URL(i.jwksUrl ?? ''));
    byIssuer.set(i.issuer, { key, audience: i.audience ?? defaultAudience });
  }
  // A verified token stays valid until its exp claim: repeated requests with the same token (a professional's session,
  // and every subgraph call the gateway makes for one operation) skip the ES256 verification, ~0.2 ms of CPU each.
  const verified = new Map<string, { principal: SignedIn; expiresAt: number }>();
  const remember = (token: string, principal: SignedIn, exp: number) => {
    if (verified.size >= VERIFIED_TOKEN_CACHE_SIZE) {
      const oldest = verified.keys().next().value;
      if (oldest !== undefined) verified.delete(oldest);
    }
    verified.set(token, { principal, expiresAt: exp * 1000 });
  };
  return async (token: string) => {
    const hit = verified.get(token);
    if (hit) {
      if (Date.now() < hit.expiresAt) return hit.principal;
      verified.delete(token);
    }
    let iss: string | undefined;
    try {
      iss = decodeJwt(token).iss;
    } catch {
      throw new AuthenticationError('The bearer token is not a JWT.');
    }
    const trusted = iss ? byIssuer.get(iss) : undefined;
    if (!trusted) throw new AuthenticationError('The bearer token comes from an issuer that is not trusted.');
    const checks = { issuer: iss, audience: trusted.audience, requiredClaims: ['exp'], clockTolerance: TOKEN_CLOCK_SKEW_SECONDS };
    let payload: JWTPayload;
    try {
      const verified =
        typeof trusted.key === 'function'
          ? await jwtVerify(token, trusted.key, { ...checks, algorithms: [ALG, 'RS256'] })
          : await jwtVerify(token, trusted.key, { ...checks, algorithms: [ALG] });
      payload = verified.payload;
    } catch (error) {
      throw verificationFailure(error);
    }
    const exp = checkLifetime(payload, maxLifetimeSeconds);
    if (Array.isArray(payload.roles) && payload.roles.includes(CLIENT_ROLE)) {
      const client = clientPrincipalOf(payload);
      if (!client) throw new AuthenticationError('The bearer token lacks required client claims.');
      remember(token, client, exp);
      return client;
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) throw new AuthenticationError('The bearer token lacks required hub claims.');
    const c = claims.data;
    const principal: Principal = Object.freeze({
      kind: 'user',
      subject: c.sub,
      name: c.name,
      organizationId: c.org,
      organizationType: c.org_type,
      roles: Object.freeze([...c.roles]) as Role[],
      gemeenteCode: c.gemeente,
      zorgkantoorregio: c.zorgkantoorregio,
      email: c.email,
    });
    remember(token, principal, exp);
    return principal;
  };
}

/** Verified tokens kept per process (oldest dropped first), each until its exp. */
const VERIFIED_TOKEN_CACHE_SIZE = 10_000;

/** Reads `Authorization: Bearer …`. Returns null when absent; throws when present but malformed. */
export function bearerToken(header: string | string[] | undefined | null): string | null {
  if (header === undefined || header === null || header === '') return null;
  const value = Array.isArray(header) ? (header[0] ?? '') : header;
  const m = /^Bearer\s+([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+)\s*$/i.exec(value);
  if (!m?.[1]) throw new AuthenticationError('The Authorization header must be "Bearer <jwt>".');
  return m[1];
}

export interface DevIssuer {
  issuer: string;
  audience: string;
  privateKey: CryptoKey;
  config: IssuerConfig;
}

/**
 * The local development issuer: a key pair generated at first start into an ignored folder
 * (never committed), reused on later starts so printed tokens keep working.
 */
export async function ensureDevIssuer(keyDir: string, issuer: string, audience: string): Promise<DevIssuer> {
  const privatePath = join(keyDir, 'dev-issuer.private.pem');
  const publicPath = join(keyDir, 'dev-issuer.public.pem');
  if (!existsSync(privatePath) || !existsSync(publicPath)) {
    mkdirSync(keyDir, { recursive: true });
    const pair = await generateKeyPair(ALG, { extractable: true });
    writeFileSync(privatePath, await exportPKCS8(pair.privateKey), { mode: 0o600 });
    writeFileSync(publicPath, await exportSPKI(pair.publicKey));
  }
  const privateKey = await importPKCS8(readFileSync(privatePath, 'utf8'), ALG);
  const publicKeyPem = readFileSync(publicPath, 'utf8');
  return { issuer, audience, privateKey, config: { issuer, publicKeyPem, audience } };
}

/** An in-memory issuer for tests. */
export async function createEphemeralIssuer(issuer = 'http://localhost/test-issuer', audience = 'clientondersteuning-hub'): Promise<DevIssuer> {
  const pair = await generateKeyPair(ALG, { extractable: true });
  const publicKeyPem = await exportSPKI(pair.publicKey);
  return { issuer, audience, privateKey: pair.privateKey, config: { issuer, publicKeyPem, audience } };
}

export interface ProfessionalTokenRequest {
  subject: string;
  name?: string;
  organizationId: string;
  organizationType: OrganizationType;
  roles: Role[];
  gemeenteCode?: string | undefined;
  zorgkantoorregio?: string | undefined;
  email?: string | undefined;
  expiresIn?: string;
}

/** A client token as a DigiD broker would issue it (development and tests). */
export interface ClientTokenRequest {
  subject: string;
  name?: string;
  roles: readonly [typeof CLIENT_ROLE];
  bsn?: string | undefined;
  machtiging?: { bsn: string; scope: readonly MachtigingScope[] } | undefined;
  expiresIn?: string;
}

export type TokenRequest = ProfessionalTokenRequest | ClientTokenRequest;

const isClientRequest = (t: TokenRequest): t is ClientTokenRequest => t.roles[0] === CLIENT_ROLE;

export async function signToken(issuer: DevIssuer, t: TokenRequest): Promise<string> {
  if (isClientRequest(t)) {
    const claims = {
      roles: [CLIENT_ROLE],
      ...(t.name ? { name: t.name } : {}),
      ...(t.bsn ? { bsn: t.bsn } : {}),
      ...(t.machtiging ? { machtiging: { bsn: t.machtiging.bsn, scope: [...t.machtiging.scope] } } : {}),
    };
    return new SignJWT(claims)
      .setProtectedHeader({ alg: ALG })
      .setSubject(t.subject)
      .setIssuer(issuer.issuer)
      .setAudience(issuer.audience)
      .setIssuedAt()
      .setExpirationTime(t.expiresIn ?? '12h')
      .sign(issuer.privateKey);
  }
  const claims: Omit<HubClaims, 'sub'> = {
    org: t.organizationId,
    org_type: t.organizationType,
    roles: t.roles,
    ...(t.name ? { name: t.name } : {}),
    ...(t.gemeenteCode ? { gemeente: t.gemeenteCode } : {}),
    ...(t.zorgkantoorregio ? { zorgkantoorregio: t.zorgkantoorregio } : {}),
    ...(t.email ? { email: t.email } : {}),
  };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: ALG })
    .setSubject(t.subject)
    .setIssuer(issuer.issuer)
    .setAudience(issuer.audience)
    .setIssuedAt()
    .setExpirationTime(t.expiresIn ?? '12h')
    .sign(issuer.privateKey);
}
