import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PRINCIPALS } from '@hub/domain';
import { startTestHub, type TestHub } from '@hub/testing';
import { CONSOLE_CONTENT_SECURITY_POLICY } from '../src/console-static.ts';
import { GRAPHIQL_CONTENT_SECURITY_POLICY } from '../src/graphiql.ts';

/**
 * The gateway serves the web console on its own origin (outside production also the development sign-in), with
 * the console's security headers, long caching for hashed assets only, and the single-page fallback for browser
 * navigations that are not the API's.
 */

let hub: TestHub;
let dir: string;
const INDEX = '<!doctype html><html lang="nl"><head><title>console</title></head><body><div id="root"></div></body></html>';
const GRAPHIQL = '<!doctype html><html lang="en"><head><title>GraphiQL</title></head><body><div id="graphiql"></div></body></html>';
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(4000))});`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'console-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'index-Abc123.js'), SCRIPT);
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dir, 'graphiql.html'), GRAPHIQL);
  hub = await startTestHub({ env: { CONSOLE_DIR: dir } });
});
afterAll(async () => {
  await hub?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

describe('the console on the gateway', () => {
  it('serves index.html at / with the security headers and without caching', async () => {
    const res = await fetch(hub.gatewayPath('/'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toBe(INDEX);
    expect(res.headers.get('content-security-policy')).toBe(CONSOLE_CONTENT_SECURITY_POLICY);
    expect(CONSOLE_CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const head = await fetch(hub.gatewayPath('/'), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('serves hashed assets for a year, gzipped when asked, and other files without caching', async () => {
    const res = await fetch(hub.gatewayPath('/assets/index-Abc123.js'), { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(await res.text()).toBe(SCRIPT);
    const icon = await fetch(hub.gatewayPath('/favicon.svg'));
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a browser navigation to a console page with index.html, and a missing file with 404', async () => {
    const page = await fetch(hub.gatewayPath('/sociale-kaart/diensten/8f0c1a7e-2b7d-4c1e-9d7a-1b2c3d4e5f60'), { headers: html });
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(INDEX);
    expect(page.headers.get('content-security-policy')).toBe(CONSOLE_CONTENT_SECURITY_POLICY);
    for (const path of ['/assets/missing-Zz9.js', '/missing.js', '/dev/anything']) {
      const res = await fetch(hub.gatewayPath(path), { headers: html });
      expect(res.status, path).toBe(404);
      expect(await res.json()).toEqual({ errors: [{ message: 'Not found.', extensions: { code: 'NOT_FOUND' } }] });
    }
    // Not a browser navigation: API clients keep the plain 404.
    const api = await fetch(hub.gatewayPath('/sociale-kaart'));
    expect(api.status).toBe(404);
  });

  it('never answers an API path with the console', async () => {
    // A browser on /graphql gets GraphiQL (development only), under its own policy; graphiql.html is no console file.
    const landing = await fetch(hub.gatewayUrl, { headers: html });
    expect(landing.status).toBe(200);
    expect(landing.headers.get('content-type')).toContain('text/html');
    expect(landing.headers.get('content-security-policy')).toBe(GRAPHIQL_CONTENT_SECURITY_POLICY);
    expect(await landing.text()).toBe(GRAPHIQL);
    expect(await (await fetch(hub.gatewayPath('/graphiql'), { headers: html })).text()).toBe(GRAPHIQL);
    expect((await fetch(hub.gatewayPath('/graphiql.html'), { headers: html })).status).toBe(404);
    for (const path of ['/graphql/x', '/hsds/unknown-endpoint', '/health/x', '/ready/x']) {
      const res = await fetch(hub.gatewayPath(path), { headers: html });
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toBe(INDEX);
    }
    expect((await fetch(hub.gatewayPath('/health'), { headers: html })).headers.get('content-type')).toContain('application/json');
  });

  it('tells the console that development sign-in is on', async () => {
    const res = await fetch(hub.gatewayPath('/console-config.json'));
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ auth: { mode: 'development' } });
  });

  it('lists the demo identities and signs a token for one that the hub accepts', async () => {
    const list = await fetch(hub.gatewayPath('/dev/identities'));
    const { identities } = (await list.json()) as { identities: { subject: string; name: string; roles: string[] }[] };
    expect(identities.map((i) => i.subject)).toEqual(DEMO_PRINCIPALS.map((p) => p.subject));
    expect(identities[0]).toMatchObject({ name: 'Sanne de Vries', roles: ['TOEGANG'] });

    const anonymous = await hub.graphql('query MySignals { mySignals(first: 1) { edges { cursor } } }');
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const res = await fetch(hub.gatewayPath('/dev/sign-in'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ subject: 'demo-co-amsterdam' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { token, expiresAt } = (await res.json()) as { token: string; expiresAt: string };
    const hours = (Date.parse(expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(7.9);
    expect(hours).toBeLessThanOrEqual(8);
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ sub: 'demo-co-amsterdam', name: 'Mohammed El Amrani', roles: ['CLIENTONDERSTEUNER'], gemeente: 'GM0363' });
    const signedIn = await hub.graphql('query MySignals { mySignals(first: 1) { edges { cursor } } }', undefined, { token });
    expect(signedIn.body.errors).toBeUndefined();
  });

  it('refuses a sign-in for anyone but a demo identity, and any other method or body', async () => {
    const post = (body: string, contentType = 'application/json') =>
      fetch(hub.gatewayPath('/dev/sign-in'), { method: 'POST', headers: { 'content-type': contentType }, body });
    const unknown = await post(JSON.stringify({ subject: 'someone-else' }));
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect((await post('{not json')).status).toBe(400);
    expect((await post('subject=demo-co-amsterdam', 'application/x-www-form-urlencoded')).status).toBe(400);
    expect((await post(JSON.stringify({ subject: 'x'.repeat(5000) }))).status).toBe(413);
    const get = await fetch(hub.gatewayPath('/dev/sign-in'));
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });
});
