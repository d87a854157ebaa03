import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '@hub/testing';

/**
 * Values a caller sends must not come back in error messages or go into logs or URLs: a BSN sent as a number
 * (wrong type) is refused without repeating it, a hostile operationName is not logged as given, and an operation
 * with variables is refused over GET (a URL ends up in access logs, proxies and browser history).
 */

const BSN = '123456782';
const FIND = 'query Find($bsn: String!) { findClientByBsn(bsn: $bsn, purpose: INTEGRATED_SUPPORT) { id } }';
const REGISTER = 'mutation Register($input: RegisterClientInput!) { registerClient(input: $input) { client { id } } }';
const registerInput = { bsn: Number(BSN), name: { givenName: 'Jan', familyName: 'Jansen' }, dateOfBirth: '1950-01-01', gemeenteCode: 'GM0014' };

let hub: TestHub;
let token: string;
beforeAll(async () => {
  hub = await startTestHub({ captureLogs: true });
  token = await hub.tokenFor({ organizationType: 'GEMEENTE', roles: ['TOEGANG'], name: 'Test Toegang', gemeenteCode: 'GM0014' });
});
afterAll(async () => {
  await hub?.stop();
});

const errorCodes = (body: { errors?: { extensions?: { code?: string } }[] }) => (body.errors ?? []).map((e) => e.extensions?.code);

describe('coercion errors', () => {
  it('a BSN sent as a number to findClientByBsn is refused without repeating it (gateway)', async () => {
    const result = await hub.graphql(FIND, { bsn: Number(BSN) }, { token });
    expect(result.status).toBe(400);
    expect(errorCodes(result.body)).toEqual(['BAD_USER_INPUT']);
    expect(result.body.errors?.[0]?.message).toBe('Variable "$bsn" got an invalid value; expected type "String!".');
    expect(JSON.stringify(result.body)).not.toContain(BSN);
    expect(hub.logText()).not.toContain(BSN);
  });

  it('a BSN sent as a number inside registerClient input is refused naming the field only (gateway)', async () => {
    const result = await hub.graphql(REGISTER, { input: registerInput }, { token });
    expect(result.status).toBe(400);
    expect(errorCodes(result.body)).toEqual(['BAD_USER_INPUT']);
    expect(result.body.errors?.[0]?.message).toBe('Variable "$input" got an invalid value at "input.bsn"; expected type "RegisterClientInput!".');
    expect(result.body.errors?.[0]?.extensions?.field).toBe('input.bsn');
    expect(JSON.stringify(result.body)).not.toMatch(new RegExp(`${BSN}|Jansen`));
    expect(hub.logText()).not.toMatch(new RegExp(`${BSN}|Jansen`));
  });

  it('names the path of a wrongly typed nested field, without its value', async () => {
    const result = await hub.graphql(REGISTER, { input: { ...registerInput, bsn: BSN, name: { givenName: 'Jan', familyName: 19500101 } } }, { token });
    expect(result.status).toBe(400);
    expect(result.body.errors?.[0]?.message).toBe('Variable "$input" got an invalid value at "input.name.familyName"; expected type "RegisterClientInput!".');
    expect(JSON.stringify(result.body)).not.toMatch(/19500101|123456782/);
  });

  it('a BSN written as a number literal in the document is not repeated either', async () => {
    const result = await hub.graphql(`{ findClientByBsn(bsn: ${BSN}, purpose: INTEGRATED_SUPPORT) { id } }`, undefined, { token });
    expect(result.status).toBe(400);
    expect(errorCodes(result.body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(result.body.errors?.[0]?.message).toBe('String cannot represent the value given.');
    expect(JSON.stringify(result.body)).not.toContain(BSN);
  });

  it.each([
    ['findClientByBsn', FIND, { bsn: Number(BSN) }],
    ['registerClient', REGISTER, { input: registerInput }],
  ])('straight at the cases subgraph, %s does not repeat the BSN either', async (_label, query, variables) => {
    const result = await hub.directSubgraphRequest('cases', query, { secret: hub.subgraphSecrets.cases, token, variables });
    expect(result.status).toBe(400);
    expect(errorCodes(result.body)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(result.body)).not.toContain(BSN);
    expect(hub.logText()).not.toContain(BSN);
  });
});

describe('operation names in logs', () => {
  const requestLines = (requestId: string) => hub.logs.filter((l) => l.reqId === requestId && l.msg === 'request' && l.service === 'gateway');

  it.each([
    ['with a newline', 'Legit\n{"level":60,"msg":"forged"}'],
    ['of 10 kB', `Q${'x'.repeat(10_000)}`],
    ['that is a BSN', BSN],
  ])('an operationName %s is not logged as given', async (_label, operationName) => {
    const result = await hub.graphql('query Legit { __typename }', undefined, { operationName });
    const requestId = result.headers.get('x-request-id') ?? '';
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.body)).not.toContain(operationName.slice(0, 50));
    const lines = requestLines(requestId);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.operationName).toBe('[not logged]');
    expect(hub.logText()).not.toContain(JSON.stringify(operationName).slice(1, 60));
  });

  it('a long operation name that is in the document is not logged whole either', async () => {
    const name = `Q${'x'.repeat(5_000)}`;
    const result = await hub.graphql(`query ${name} { __typename }`, undefined, { operationName: name });
    const requestId = result.headers.get('x-request-id') ?? '';
    expect(result.status).toBe(200);
    expect(requestLines(requestId)[0]?.operationName).toBe('[not logged]');
    expect(hub.logText()).not.toContain(name.slice(0, 101));
  });

  it('a plain operation name is logged', async () => {
    const result = await hub.graphql('query Plain_Name1 { __typename }');
    const requestId = result.headers.get('x-request-id') ?? '';
    expect(requestLines(requestId)[0]?.operationName).toBe('Plain_Name1');
  });
});

describe('GET', () => {
  const get = (params: Record<string, string>, path = hub.gatewayPath('/graphql')) => {
    const url = new URL(path);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    // The preflight header passes Apollo's CSRF check, so what refuses the request is the rule under test.
    return fetch(url, { headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${token}` } });
  };

  it('refuses an operation with variables over GET without running it', async () => {
    const res = await get({ query: FIND, variables: JSON.stringify({ bsn: BSN }) });
    const text = await res.text();
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(JSON.parse(text)).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    expect(text).not.toContain(BSN);
    expect(text).not.toContain('findClientByBsn');
  });

  it('refuses variables over GET straight at a subgraph too', async () => {
    const url = new URL(hub.subgraphUrls.cases ?? '');
    url.searchParams.set('query', FIND);
    url.searchParams.set('variables', JSON.stringify({ bsn: BSN }));
    const res = await fetch(url, {
      headers: { 'apollo-require-preflight': 'true', 'x-hub-subgraph-secret': hub.subgraphSecrets.cases ?? '', authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(405);
    expect(await res.text()).not.toContain(BSN);
  });

  it('still refuses a mutation over GET', async () => {
    const res = await get({ query: 'mutation { __typename }' });
    expect(res.status).toBe(405);
  });

  it('serves a query without variables over GET', async () => {
    const res = await get({ query: '{ __typename }' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
