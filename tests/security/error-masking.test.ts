import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, readSupergraph } from '@hub/gateway';
import { createTokenVerifier } from '@hub/identity';
import { createLogger } from '@hub/service-kit';
import { startTestHub, type LogLine, type TestHub } from '@hub/testing';

/**
 * A resolver that fails with a raw error (here: a database error, because the table it reads was moved away)
 * must not show the client its message, which names tables and may quote data. The client gets
 * INTERNAL_SERVER_ERROR with the request id; the log line with that request id has the cause.
 * Registry errors and GraphQL validation errors pass as they are.
 */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ captureLogs: true });
});
afterAll(async () => {
  await hub?.stop();
});

// The list of gemeenten is read from the database on every request (one gemeente by code is answered from the
// sociale kaart's directory in memory, which a renamed table does not reach).
const GEMEENTEN = '{ gemeenten { code name } }';
const GEMEENTE = 'query Gemeente($code: String!) { gemeente(code: $code) { code name } }';

/** Runs `fn` while the sociale kaart's gemeente table is renamed, so every read of it fails in the database. */
async function withGemeenteTableMissing<T>(fn: () => Promise<T>): Promise<T> {
  await hub.database.db.execute(sql`alter table sociale_kaart.gemeente rename to gemeente_moved_away`);
  try {
    return await fn();
  } finally {
    await hub.database.db.execute(sql`alter table sociale_kaart.gemeente_moved_away rename to gemeente`);
  }
}

const linesWith = (requestId: string): LogLine[] => hub.logs.filter((l) => l.reqId === requestId);

describe('internal errors', () => {
  it('through the gateway: only INTERNAL_SERVER_ERROR and the request id reach the client; the log has the cause', async () => {
    const result = await withGemeenteTableMissing(() => hub.graphql(GEMEENTEN));
    const requestId = result.headers.get('x-request-id') ?? '';
    expect(requestId).not.toBe('');
    const text = JSON.stringify(result.body);
    expect(result.body.errors?.length).toBeGreaterThan(0);
    for (const error of result.body.errors ?? []) {
      expect(error.message).toBe('Internal server error.');
      expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId });
    }
    expect(text).not.toMatch(/gemeente_moved_away|sociale_kaart|relation|select|Failed query/i);
    // The sociale kaart logged the database's own words under the same request id.
    const cause = linesWith(requestId).find((l) => l.service === 'sociale-kaart' && l.msg === 'operation failed');
    expect(JSON.stringify(cause)).toMatch(/does not exist/);
  });

  it('straight at the subgraph: the same mask, and the request id the subgraph logged under', async () => {
    const result = await withGemeenteTableMissing(() =>
      hub.directSubgraphRequest('sociale-kaart', GEMEENTEN, { secret: hub.subgraphSecrets['sociale-kaart'] }),
    );
    const requestId = result.headers.get('x-request-id') ?? '';
    expect(requestId).not.toBe('');
    expect(result.body.errors).toEqual([
      expect.objectContaining({ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }),
    ]);
    expect(JSON.stringify(result.body)).not.toMatch(/gemeente_moved_away|relation|Failed query/i);
    expect(linesWith(requestId).some((l) => l.msg === 'operation failed' && /does not exist/.test(JSON.stringify(l)))).toBe(true);
  });

  it.each([
    ['without a code', {}],
    ['with INTERNAL_SERVER_ERROR', { code: 'INTERNAL_SERVER_ERROR' }],
    ['with a code outside the registry', { code: 'ECONNREFUSED' }],
  ])('the gateway masks a subgraph error %s and logs it', async (_label, extensions) => {
    // A stand-in sociale kaart whose error quotes internals and a BSN, as a subgraph with a bug might.
    const raw = 'connect ECONNREFUSED 10.1.2.3:5432 while reading client 123456782';
    const standIn = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { gemeente: null }, errors: [{ message: raw, path: ['gemeente'], extensions }] }));
    });
    await new Promise<void>((resolve) => standIn.listen(0, '127.0.0.1', resolve));
    const lines: string[] = [];
    const issuer = hub.issuer;
    const gateway = await createGateway({
      config: hub.config,
      logger: createLogger('gateway', 'info', { write: (line: string) => void lines.push(line) }),
      verifyToken: await createTokenVerifier([issuer.config], hub.config.audience),
      subgraphs: Object.entries(hub.subgraphUrls).map(([name, url]) => ({
        name,
        url: name === 'sociale-kaart' ? `http://127.0.0.1:${(standIn.address() as AddressInfo).port}/graphql` : url,
        secret: hub.subgraphSecrets[name] ?? '',
      })),
      supergraphSdl: readSupergraph(),
    });
    const running = await gateway.start(0, '127.0.0.1');
    try {
      const res = await fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: GEMEENTE, variables: { code: 'GM0014' } }),
      });
      const text = await res.text();
      const requestId = res.headers.get('x-request-id') ?? '';
      expect(text).not.toMatch(/ECONNREFUSED|10\.1\.2\.3|123456782/);
      expect(JSON.parse(text)).toMatchObject({ errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }] });
      const logged = lines.find((l) => l.includes('"operation failed"') && l.includes(requestId)) ?? '';
      expect(logged).toContain('ECONNREFUSED 10.1.2.3:5432');
      expect(logged).not.toContain('123456782');
    } finally {
      await gateway.stop();
      await new Promise<void>((resolve) => standIn.close(() => resolve()));
    }
  });

  it('registry errors and validation errors pass unchanged', async () => {
    const notFound = await hub.graphql(GEMEENTE, { code: 'GM9999' });
    expect(notFound.body.errors ?? []).not.toContainEqual(expect.objectContaining({ extensions: expect.objectContaining({ code: 'INTERNAL_SERVER_ERROR' }) }));
    const unauthenticated = await hub.graphql('{ mySignals { nodes { id } } }');
    expect(unauthenticated.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(unauthenticated.body.errors?.[0]?.message).not.toBe('Internal server error.');
    const invalid = await hub.graphql('{ gemeente(code: "GM0014") { noSuchField } }');
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(invalid.body.errors?.[0]?.message).toContain('noSuchField');
  });
});
