import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SUBGRAPH_NAMES } from '@hub/config';
import { DEMO_PROFESSIONALS } from '@hub/domain';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

/**
 * A real OpenID provider for the console's sign-in tests: oidc-provider (MIT) on a free port of this machine, with
 * a small login and consent page of its own (no fonts or scripts from elsewhere), JWT access tokens for the hub
 * (resource indicator, audience clientondersteuning-hub, the hub's claims through extraTokenClaims) signed ES256,
 * RP-initiated logout, and an access token lifetime the test sets.
 *
 * The provider runs on `localhost` while the hub runs on 127.0.0.1: two hosts, so the provider's cookies never
 * count as the console's.
 */

export const OIDC_CLIENT_ID = 'clientondersteuning-console';
export const OIDC_RESOURCE = 'urn:clientondersteuning-hub:api';
export const OIDC_SCOPE = 'openid hub';
export const TEST_PASSWORD = 'correct horse battery staple';

/** Accounts of the provider: the demo identities' claims, for a password login with the subject as user name. */
const ACCOUNTS = new Map(DEMO_PROFESSIONALS.map((p) => [p.subject, p]));

export interface TestOidcProvider {
  /** e.g. http://localhost:41234 (no trailing slash). */
  issuer: string;
  /** The AUTH_ISSUERS entry for the hub. */
  authIssuer: { issuer: string; jwksUrl: string; audience: string };
  /** The client secret the gateway holds (a confidential client). */
  clientSecret: string;
  /** Starts answering, with the console's redirect URIs on `hubOrigin`. */
  serve(hubOrigin: string): void;
  /** Access tokens issued from now on live this many seconds. */
  setAccessTokenTtl(seconds: number): void;
  /** Every path the provider was asked for (to see what reached it). */
  requests: string[];
  stop(): Promise<void>;
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${title} – Testinlogdienst</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;
}

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Reserves the port at once (the hub needs the issuer URL in its configuration); answers after `serve`. */
export async function startOidcProvider(): Promise<TestOidcProvider> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (handler) handler(req, res);
    else {
      res.statusCode = 503;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://localhost:${port}`;
  const clientSecret = randomBytes(32).toString('base64url');
  let accessTokenTtl = 600;

  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: 'test-es256', alg: 'ES256', use: 'sig' };

  function serve(hubOrigin: string): void {
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: OIDC_CLIENT_ID,
          client_secret: clientSecret,
          redirect_uris: [`${hubOrigin}/inloggen/terug`],
          post_logout_redirect_uris: [`${hubOrigin}/uitgelogd`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_basic',
          id_token_signed_response_alg: 'ES256',
        },
      ],
      jwks: { keys: [signingKey] },
      cookies: { keys: [randomBytes(32).toString('hex')] },
      pkce: { required: () => true },
      // ttl.AccessToken decides over the resource server's accessTokenTTL: both follow the test's setting.
      ttl: { Interaction: 600, Session: 3600, Grant: 3600, IdToken: 600, AccessToken: () => accessTokenTtl, AuthorizationCode: 60 },
      claims: { openid: ['sub'], profile: ['name'] },
      async findAccount(_ctx, sub) {
        const account = ACCOUNTS.get(sub);
        if (!account) return undefined;
        return { accountId: sub, claims: () => ({ sub, name: account.name }) };
      },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      features: {
        devInteractions: { enabled: false },
        rpInitiatedLogout: {
          enabled: true,
          logoutSource(ctx: KoaContextWithOIDC, form: string) {
            ctx.body = page(
              'Uitloggen',
              `${form}<p>Wilt u ook bij de inlogdienst uitloggen?</p><button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Ja, uitloggen</button>`,
            );
          },
        },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => OIDC_RESOURCE,
          useGrantedResource: () => true,
          getResourceServerInfo: (_ctx, indicator) => {
            if (indicator !== OIDC_RESOURCE) throw new Error(`Unknown resource ${indicator}`);
            return {
              scope: 'hub',
              audience: 'clientondersteuning-hub',
              accessTokenFormat: 'jwt',
              accessTokenTTL: accessTokenTtl,
              jwt: { sign: { alg: 'ES256' } },
            };
          },
        },
      },
      // The hub's claims (packages/identity): org, org_type, roles, name, gemeente, zorgkantoorregio.
      extraTokenClaims(_ctx, token) {
        const account = 'accountId' in token ? ACCOUNTS.get(token.accountId) : undefined;
        if (!account) return undefined;
        return {
          name: account.name,
          org: account.organizationId,
          org_type: account.organizationType,
          roles: account.roles,
          ...(account.gemeenteCode ? { gemeente: account.gemeenteCode } : {}),
          ...(account.zorgkantoorregio ? { zorgkantoorregio: account.zorgkantoorregio } : {}),
        };
      },
    });
    const callback = provider.callback();

    /** The provider's login and consent pages (what an organisation's own identity provider would show). */
    async function interaction(req: IncomingMessage, res: ServerResponse, uid: string, action: string | undefined): Promise<void> {
      const details = await provider.interactionDetails(req, res);
      if (details.uid !== uid) throw new Error('interaction mismatch');
      const html = (status: number, body: string) => {
        res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(body);
      };
      if (req.method === 'GET' && !action) {
        if (details.prompt.name === 'login') {
          return html(
            200,
            page(
              'Inloggen bij de testinlogdienst',
              `<form method="post" action="/interaction/${uid}/login">
                <p><label for="login">Gebruikersnaam</label><br><input id="login" name="login" autocomplete="username" required></p>
                <p><label for="password">Wachtwoord</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
                <button type="submit">Inloggen</button></form>`,
            ),
          );
        }
        return html(
          200,
          page(
            'Toestemming',
            `<p>De console van de Cliëntondersteuning hub wil u laten inloggen.</p>
             <form method="post" action="/interaction/${uid}/consent"><button type="submit">Toestaan</button></form>`,
          ),
        );
      }
      if (req.method === 'POST' && action === 'login') {
        const form = await formBody(req);
        const login = form.get('login') ?? '';
        if (!ACCOUNTS.has(login) || form.get('password') !== TEST_PASSWORD) {
          return html(401, page('Inloggen bij de testinlogdienst', `<p role="alert">Onbekende gebruiker ${escapeHtml(login)} of verkeerd wachtwoord.</p>`));
        }
        await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
        return;
      }
      if (req.method === 'POST' && action === 'consent') {
        const { prompt, params, session, grantId } = details;
        const accountId = session?.accountId;
        if (!accountId) throw new Error('no session');
        const grant = grantId ? await provider.Grant.find(grantId) : new provider.Grant({ accountId, clientId: String(params.client_id) });
        if (!grant) throw new Error('no grant');
        const missing = prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
        if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
        if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
        for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
        await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
        return;
      }
      html(405, page('Niet toegestaan', '<p>Deze actie bestaat niet.</p>'));
    }

    handler = (req, res) => {
      const match = /^\/interaction\/([\w-]+)(?:\/(login|consent))?$/.exec(new URL(req.url ?? '/', issuer).pathname);
      if (!match?.[1]) {
        callback(req, res);
        return;
      }
      interaction(req, res, match[1], match[2]).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`interaction failed: ${error instanceof Error ? error.message : String(error)}`);
      });
    };
  }

  return {
    issuer,
    authIssuer: { issuer, jwksUrl: `${issuer}/jwks`, audience: 'clientondersteuning-hub' },
    clientSecret,
    serve,
    setAccessTokenTtl(seconds) {
      accessTokenTtl = seconds;
    },
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The hub's environment for production sign-in against this provider (secrets as production requires them). */
export function productionEnv(provider: TestOidcProvider, extra: Record<string, string> = {}): Record<string, string> {
  const secret = () => randomBytes(32).toString('base64url');
  return {
    NODE_ENV: 'production',
    SEED_DEMO: 'false',
    AUTH_ISSUERS: JSON.stringify([provider.authIssuer]),
    CONSOLE_OIDC_ISSUER: provider.issuer,
    CONSOLE_OIDC_CLIENT_ID: OIDC_CLIENT_ID,
    CONSOLE_OIDC_CLIENT_SECRET: provider.clientSecret,
    CONSOLE_OIDC_SCOPE: OIDC_SCOPE,
    CONSOLE_OIDC_RESOURCE: OIDC_RESOURCE,
    INTERNAL_API_SECRET: secret(),
    BSN_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    BSN_HASH_KEY: randomBytes(32).toString('hex'),
    ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`SUBGRAPH_SECRET_${name.toUpperCase().replace(/-/g, '_')}`, secret()])),
    ...extra,
  };
}

export interface AuthorizationRequest {
  redirectUri: string;
  codeChallenge: string;
  state: string;
  nonce: string;
}

/**
 * Signs `login` in at the provider without a browser (as a user would: the authorization request, the login and
 * consent forms, a cookie jar) and answers the query the provider sends to the redirect URI (`code`, `state`).
 */
export async function authorizationCodeFor(provider: TestOidcProvider, login: string, request: AuthorizationRequest): Promise<URLSearchParams> {
  const jar = new Map<string, string>();
  const go = async (url: string, init: { method?: string; body?: string } = {}) => {
    const res = await fetch(url, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(init.body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(init.body !== undefined ? { body: init.body } : {}),
    });
    for (const cookie of res.headers.getSetCookie()) {
      const pair = cookie.split(';')[0] ?? '';
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return res;
  };
  const authorize = new URL('/auth', provider.issuer);
  for (const [name, value] of Object.entries({
    response_type: 'code',
    client_id: OIDC_CLIENT_ID,
    redirect_uri: request.redirectUri,
    scope: OIDC_SCOPE,
    state: request.state,
    nonce: request.nonce,
    code_challenge: request.codeChallenge,
    code_challenge_method: 'S256',
    resource: OIDC_RESOURCE,
  })) {
    authorize.searchParams.set(name, value);
  }
  let url = authorize.toString();
  let body: string | undefined;
  for (let step = 0; step < 20; step++) {
    const res = await go(url, body === undefined ? {} : { method: 'POST', body });
    const location = res.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (next.toString().startsWith(request.redirectUri)) return next.searchParams;
      url = next.toString();
      body = undefined;
      continue;
    }
    const form = /action="\/interaction\/([\w-]+)\/(login|consent)"/.exec(await res.text());
    if (!form) throw new Error(`The provider answered ${res.status} at ${url} without a form or a redirect.`);
    url = `${provider.issuer}/interaction/${form[1]}/${form[2]}`;
    body = form[2] === 'login' ? new URLSearchParams({ login, password: TEST_PASSWORD }).toString() : '';
  }
  throw new Error('The provider never sent the browser back.');
}
