import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '@hub/testing';

/**
 * Trusted documents in production: a signed-in caller runs only the console's operations (its codegen manifest) and
 * those its own organisation registered; anonymous callers may send their own queries of the public directory only;
 * nothing a client sends is ever registered under a new id. And CORS: only listed origins get CORS headers, never `*`.
 */

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const CONSOLE_MANIFEST = JSON.parse(readFileSync(new URL('../../console/src/generated/persisted-documents.json', import.meta.url), 'utf8')) as Record<
  string,
  string
>;
const manifestId = (operationName: string): string => {
  const entry = Object.entries(CONSOLE_MANIFEST).find(([, text]) => text.startsWith(`query ${operationName} `) || text.startsWith(`query ${operationName}(`));
  if (!entry) throw new Error(`The console's manifest has no query ${operationName}.`);
  return entry[0];
};

const GEMEENTEN_ID = manifestId('Gemeenten');
const OWN_INTEGRATION = 'query IntegrationGemeenteNames { gemeenten { name } }';
const OWN_INTEGRATION_ID = `sha256:${sha256(OWN_INTEGRATION)}`;
const ORGANIZATION_A = randomUUID();
const ORGANIZATION_B = randomUUID();
const LISTED_ORIGIN = 'https://integratie.example.nl';

let hub: TestHub;
let manifests: string;
let tokenA: string;
let tokenB: string;

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

async function send(payload: Record<string, unknown>, token?: string): Promise<Answer> {
  const res = await fetch(hub.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(payload),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Answer['body'] };
}

const codeOf = (answer: Answer) => answer.body.errors?.[0]?.extensions?.code;

function expectRefused(answer: Answer, status: number, code: string) {
  expect(answer.status).toBe(status);
  expect(codeOf(answer)).toBe(code);
  expect(answer.body.data ?? undefined).toBeUndefined();
}

beforeAll(async () => {
  manifests = mkdtempSync(join(tmpdir(), 'trusted-documents-'));
  writeFileSync(
    join(manifests, 'organisation-a.json'),
    JSON.stringify({ organizationId: ORGANIZATION_A, documents: { [OWN_INTEGRATION_ID]: OWN_INTEGRATION } }),
  );
  hub = await startTestHub({
    production: true,
    env: { TRUSTED_DOCUMENTS: 'enforce', TRUSTED_DOCUMENTS_DIR: manifests, CORS_ORIGINS: `${LISTED_ORIGIN}, http://localhost:5173` },
  });
  const gemeente = (organizationId: string) => ({ organizationType: 'GEMEENTE' as const, roles: ['TOEGANG' as const], gemeenteCode: 'GM0363', organizationId });
  tokenA = await hub.tokenFor(gemeente(ORGANIZATION_A));
  tokenB = await hub.tokenFor(gemeente(ORGANIZATION_B));
});
afterAll(async () => {
  await hub?.stop();
  if (manifests) rmSync(manifests, { recursive: true, force: true });
});

describe('trusted documents (TRUSTED_DOCUMENTS=enforce, production)', () => {
  it('runs a document of the console manifest sent by its id', async () => {
    const answer = await send({ documentId: GEMEENTEN_ID, operationName: 'Gemeenten' }, tokenA);
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data?.gemeenten).toEqual(expect.arrayContaining([{ code: 'GM0363', name: 'Amsterdam' }]));
  });

  it("runs it by Apollo's persistedQuery extension, and as its text in another layout", async () => {
    const byExtension = await send({ extensions: { persistedQuery: { version: 1, sha256Hash: GEMEENTEN_ID.slice('sha256:'.length) } } }, tokenA);
    expect(byExtension.status).toBe(200);
    expect(byExtension.body.data?.gemeenten).toEqual(expect.arrayContaining([{ code: 'GM0363', name: 'Amsterdam' }]));
    // The console's generated code holds the text pretty-printed; commas and comments do not change a document either.
    const pretty = '# the console\nquery Gemeenten {\n  gemeenten {\n    code,\n    name\n  }\n}\n';
    const byText = await send({ query: pretty }, tokenA);
    expect(byText.status).toBe(200);
    expect(byText.body.data?.gemeenten).toEqual(expect.arrayContaining([{ code: 'GM0363', name: 'Amsterdam' }]));
  });

  it('refuses an ad-hoc query with a token, also one that differs from a manifest document by one field', async () => {
    expectRefused(await send({ query: 'query Gemeente { gemeente(code: "GM0363") { name } }' }, tokenA), 403, 'OPERATION_NOT_TRUSTED');
    expectRefused(await send({ query: 'query Gemeenten { gemeenten { code name gemeenten: __typename } }' }, tokenA), 403, 'OPERATION_NOT_TRUSTED');
    const answer = await send({ query: 'mutation { __typename }' }, tokenA);
    expectRefused(answer, 403, 'OPERATION_NOT_TRUSTED');
    expect(answer.body.errors?.[0]?.message).toMatch(/not a trusted document/);
  });

  it('refuses an ad-hoc query with a client token (no organisation)', async () => {
    const token = await hub.clientTokenFor({ bsn: '111222333' });
    expectRefused(await send({ query: '{ mySupport { id } }' }, token), 403, 'OPERATION_NOT_TRUSTED');
  });

  it('refuses to register a document under its hash (automatic persisted queries), and the hash stays unknown', async () => {
    const query = 'query Registered { gemeente(code: "GM0363") { name code } }';
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
    expectRefused(await send({ query, extensions }, tokenA), 400, 'PERSISTED_QUERY_NOT_FOUND');
    expectRefused(await send({ extensions }, tokenA), 400, 'PERSISTED_QUERY_NOT_FOUND');
    expectRefused(await send({ documentId: `sha256:${sha256(query)}` }, tokenA), 400, 'PERSISTED_QUERY_NOT_FOUND');
  });

  it('stores nothing an anonymous caller sends with a hash either: the directory query runs, its hash stays unknown', async () => {
    const query = `query AnonymousRegistration { gemeenten { code } zorgprofielen { code } }`;
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
    const registering = await send({ query, extensions });
    expect(registering.status).toBe(200);
    expect(registering.body.data?.gemeenten).toEqual(expect.arrayContaining([{ code: 'GM0363' }]));
    expectRefused(await send({ extensions }), 400, 'PERSISTED_QUERY_NOT_FOUND');
    expectRefused(await send({ extensions }, tokenA), 400, 'PERSISTED_QUERY_NOT_FOUND');
  });

  it('refuses an id that is in no manifest, and a malformed id', async () => {
    expectRefused(await send({ documentId: `sha256:${'0'.repeat(64)}` }, tokenA), 400, 'PERSISTED_QUERY_NOT_FOUND');
    expectRefused(await send({ documentId: `sha256:${'0'.repeat(64)}` }), 400, 'PERSISTED_QUERY_NOT_FOUND');
    expectRefused(await send({ documentId: 'Gemeenten' }, tokenA), 400, 'BAD_REQUEST');
    expectRefused(await send({ extensions: { persistedQuery: { version: 2, sha256Hash: GEMEENTEN_ID.slice(7) } } }, tokenA), 400, 'BAD_REQUEST');
  });

  it('refuses a known id sent with another text: the id never lends its trust to other text', async () => {
    expectRefused(await send({ documentId: GEMEENTEN_ID, query: '{ mySupport { id } }' }, tokenA), 400, 'BAD_REQUEST');
  });

  it("runs an organisation's registered document for that organisation's tokens only", async () => {
    const own = await send({ documentId: OWN_INTEGRATION_ID }, tokenA);
    expect(own.status).toBe(200);
    expect(own.body.data?.gemeenten).toEqual(expect.arrayContaining([{ name: 'Amsterdam' }]));
    const ownByText = await send({ query: OWN_INTEGRATION }, tokenA);
    expect(ownByText.body.data?.gemeenten).toEqual(expect.arrayContaining([{ name: 'Amsterdam' }]));

    expectRefused(await send({ documentId: OWN_INTEGRATION_ID }, tokenB), 400, 'PERSISTED_QUERY_NOT_FOUND');
    expectRefused(await send({ query: OWN_INTEGRATION }, tokenB), 403, 'OPERATION_NOT_TRUSTED');
    // Anonymous callers have no organisation: its id is unknown to them too.
    expectRefused(await send({ documentId: OWN_INTEGRATION_ID }), 400, 'PERSISTED_QUERY_NOT_FOUND');
  });

  it('answers an anonymous query of the public directory', async () => {
    const answer = await send({ query: '{ gemeenten { code } postcodeSearchAvailable __typename }' });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data?.gemeenten).toEqual(expect.arrayContaining([{ code: 'GM0363' }]));
    expect(answer.body.data?.__typename).toBe('Query');
  });

  it('refuses an anonymous query of anything else, also behind a fragment or in a mutation', async () => {
    expectRefused(await send({ query: '{ mySupport { id } }' }), 403, 'OPERATION_NOT_TRUSTED');
    expectRefused(await send({ query: '{ gemeenten { code } referrals(first: 1) { totalCount } }' }), 403, 'OPERATION_NOT_TRUSTED');
    expectRefused(await send({ query: 'query Q { ...Root } fragment Root on Query { gemeenten { code } mySupport { id } }' }), 403, 'OPERATION_NOT_TRUSTED');
    expectRefused(await send({ query: 'query Q { ... on Query { notifications(first: 1) { unreadCount } } }' }), 403, 'OPERATION_NOT_TRUSTED');
    expectRefused(await send({ query: 'mutation { __typename }' }), 403, 'OPERATION_NOT_TRUSTED');
    const answer = await send({ query: '{ mySupport { id } }' });
    expect(answer.body.errors?.[0]?.message).toMatch(/public directory/);
  });

  it('remembers an anonymous verdict for anonymous callers only: the same text with a token is judged again and refused', async () => {
    const query = '{ gemeenten { code name } __typename }';
    for (let i = 0; i < 2; i++) expect((await send({ query })).status).toBe(200);
    expectRefused(await send({ query }, tokenA), 403, 'OPERATION_NOT_TRUSTED');
    const refused = '{ gemeenten { code } mySupport { id } }';
    for (let i = 0; i < 2; i++) expectRefused(await send({ query: refused }), 403, 'OPERATION_NOT_TRUSTED');
  });

  it('lets an anonymous caller run a console document that needs no token by id (the sign-in page does)', async () => {
    const answer = await send({ documentId: manifestId('PostcodeSearchAvailable') });
    expect(answer.status).toBe(200);
    expect(typeof answer.body.data?.postcodeSearchAvailable).toBe('boolean');
  });

  it('holds GET requests to the same rule', async () => {
    const get = (search: URLSearchParams, token?: string) =>
      fetch(`${hub.gatewayUrl}?${search}`, { headers: { 'apollo-require-preflight': 'true', ...(token ? { authorization: `Bearer ${token}` } : {}) } });
    const adHoc = await get(new URLSearchParams({ query: '{ gemeente(code: "GM0363") { name } }' }), tokenA);
    expect(adHoc.status).toBe(403);
    expect(((await adHoc.json()) as Answer['body']).errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_TRUSTED');
    const byId = await get(new URLSearchParams({ documentId: GEMEENTEN_ID }), tokenA);
    expect(byId.status).toBe(200);
    expect(((await byId.json()) as Answer['body']).data?.gemeenten).toEqual(expect.arrayContaining([{ code: 'GM0363', name: 'Amsterdam' }]));
    const anonymous = await get(new URLSearchParams({ query: '{ mySupport { id } }' }));
    expect(anonymous.status).toBe(403);
  });
});

describe('CORS (CORS_ORIGINS)', () => {
  const preflight = (origin: string, path = '/graphql') =>
    fetch(hub.gatewayPath(path), {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });

  it('answers the preflight of a listed origin with that origin, the methods and the headers', async () => {
    const res = await preflight(LISTED_ORIGIN);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(LISTED_ORIGIN);
    expect(res.headers.get('access-control-allow-methods')).toMatch(/\bPOST\b/);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/\bauthorization\b/);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/\bcontent-type\b/);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('vary')).toMatch(/origin/i);
  });

  it('gives the answer itself to a listed origin, never as `*`', async () => {
    const res = await fetch(hub.gatewayUrl, {
      method: 'POST',
      headers: { origin: LISTED_ORIGIN, 'content-type': 'application/json', authorization: `Bearer ${tokenA}` },
      body: JSON.stringify({ documentId: GEMEENTEN_ID }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(LISTED_ORIGIN);
    expect(res.headers.get('access-control-expose-headers')).toMatch(/x-request-id/);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it.each([
    ['an unlisted origin', 'https://evil.example'],
    ['a listed origin with another port', 'https://integratie.example.nl:8443'],
    ['a listed host over another scheme', 'http://integratie.example.nl'],
    ['the literal null origin', 'null'],
    ['a wildcard', '*'],
  ])('gives no CORS headers to %s', async (_label, origin) => {
    const pre = await preflight(origin);
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    expect(pre.headers.get('access-control-allow-methods')).toBeNull();
    const res = await fetch(hub.gatewayUrl, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ gemeenten { code } }' }),
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('gives no CORS headers on the console paths, even to a listed origin', async () => {
    const res = await fetch(hub.gatewayPath('/console-config.json'), { headers: { origin: LISTED_ORIGIN } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});
