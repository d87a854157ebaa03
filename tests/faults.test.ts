import { randomUUID } from 'node:crypto';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, sql } from '@hub/db';
import { createGateway, readSupergraph } from '@hub/gateway';
import { createTokenVerifier } from '@hub/identity';
import { createLogger } from '@hub/service-kit';
import { startTestHub, type GraphQLErrorBody, type TestHub } from '@hub/testing';

/**
 * Faults under a run of requests: a subgraph that stops and comes back, and (on the server PostgreSQL) every
 * database connection killed at once.
 */

const REPORT = /* GraphQL */ `
  mutation Report($input: ReportSignalInput!) {
    reportSignal(input: $input) { signal { id } }
  }
`;
const signalInput = (n: number) => ({
  category: 'NO_FITTING_OFFER',
  gemeenteCode: 'GM0014',
  observedOn: new Date().toISOString().slice(0, 10),
  clientCount: 1 + (n % 5),
  description: `wachttijd ${n} weken`,
});

let hub: TestHub;
let token: string;
beforeAll(async () => {
  hub = await startTestHub();
  token = await hub.tokenFor({ name: 'Fault Tester', organizationType: 'OCO', roles: ['CLIENTONDERSTEUNER'] });
});
afterAll(async () => {
  await hub?.stop();
});

type Mixed = { gemeente: { code: string; name: string } | null; signal: { id: string } | null };

describe('a subgraph that stops in the middle of a run of requests', () => {
  it('answers with the data of the others plus an error for the missing part, and recovers when it returns', async () => {
    const reported = await hub.graphql<{ reportSignal: { signal: { id: string } } }>(REPORT, { input: signalInput(1) }, { token });
    const id = reported.body.data?.reportSignal.signal.id;
    expect(id).toBeTruthy();
    // One operation over two subgraphs: the gemeente from the sociale kaart, the signal from signals.
    const mixed = 'query Mixed($id: ID!) { gemeente(code: "GM0014") { code name } signal(id: $id) { id } }';

    const answers: { phase: 'up' | 'down' | 'back'; status: number; data: Mixed | null | undefined; errors: GraphQLErrorBody[] }[] = [];
    for (let n = 0; n < 30; n += 1) {
      if (n === 10) await hub.stopSubgraph('signals');
      if (n === 20) await hub.startSubgraph('signals');
      const phase = n < 10 ? 'up' : n < 20 ? 'down' : 'back';
      const result = await hub.graphql<Mixed>(mixed, { id }, { token });
      answers.push({ phase, status: result.status, data: result.body.data, errors: result.body.errors ?? [] });
    }

    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.data?.gemeente).toMatchObject({ code: 'GM0014', name: expect.any(String) });
    }
    for (const answer of answers.filter((a) => a.phase !== 'down')) {
      expect(answer.data?.signal).toEqual({ id });
      expect(answer.errors).toEqual([]);
    }
    for (const answer of answers.filter((a) => a.phase === 'down')) {
      expect(answer.data?.signal).toBeNull();
      // One error for the fetch that got no answer (no path: a fetch may carry several fields), naming the subgraph.
      expect(answer.errors).toEqual([
        {
          message: 'The signals service did not answer; its part of the answer is missing.',
          extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'signals', reason: 'UNREACHABLE' },
        },
      ]);
    }
    const ready = await fetch(hub.gatewayPath('/ready'));
    expect(ready.status).toBe(200);
  });

  it('names a subgraph that stalls past SUBGRAPH_TIMEOUT_MS with reason TIMEOUT, and still answers the rest', async () => {
    // A second gateway over this hub's subgraphs with a short timeout, where signals is a server that accepts
    // connections and never answers: the timeout fires every time, and only the stalled part waits for it.
    const timeoutMs = 1_500;
    const held: Socket[] = [];
    const stalled = createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
    const stalledUrl = `http://127.0.0.1:${(stalled.address() as AddressInfo).port}/graphql`;
    const issuer = hub.issuer;
    if (!issuer) throw new Error('the test hub holds its issuer');
    const gateway = await createGateway({
      config: { ...hub.config, subgraphTimeoutMs: timeoutMs },
      logger: createLogger('gateway', 'silent'),
      verifyToken: await createTokenVerifier([issuer.config], hub.config.audience),
      subgraphs: Object.entries(hub.subgraphUrls).map(([name, url]) => ({
        name,
        url: name === 'signals' ? stalledUrl : url,
        secret: hub.subgraphSecrets[name] ?? '',
      })),
      supergraphSdl: readSupergraph(),
    });
    const running = await gateway.start(0, '127.0.0.1');
    try {
      const started = performance.now();
      const res = await fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: `{ gemeente(code: "GM0014") { code } signal(id: "${randomUUID()}") { id } }` }),
      });
      const elapsed = performance.now() - started;
      const text = await res.text();
      expect(res.status).toBe(200);
      expect(elapsed).toBeGreaterThanOrEqual(timeoutMs - 50);
      expect(JSON.parse(text)).toEqual({
        data: { gemeente: { code: 'GM0014' }, signal: null },
        errors: [
          {
            message: 'The signals service did not answer in time; its part of the answer is missing.',
            extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'signals', reason: 'TIMEOUT' },
          },
        ],
      });
      expect(text).not.toContain('127.0.0.1');
    } finally {
      await gateway.stop();
      for (const socket of held) socket.destroy();
      await new Promise<void>((resolve) => stalled.close(() => resolve()));
    }
  });

  it('reports the stopped subgraph as not ready, and ready again once it is back', async () => {
    await hub.stopSubgraph('referrals');
    const down = await fetch(hub.gatewayPath('/ready'));
    expect(down.status).toBe(503);
    expect(((await down.json()) as { subgraphs: Record<string, string> }).subgraphs.referrals).toBe('unreachable');
    await hub.startSubgraph('referrals');
    expect((await fetch(hub.gatewayPath('/ready'))).status).toBe(200);
  });
});

/*
 * Only on the server PostgreSQL: PGlite runs inside this process, so there is no server connection to lose.
 * pg_terminate_backend on every connection of the test database is what a PostgreSQL restart does to the services.
 */
if (process.env.DATABASE_URL) {
  describe('every database connection terminated in the middle of a run of writes', () => {
    it('reconnects without a restart and loses no acknowledged write', async () => {
      const database = rowsOf<{ name: string }>(await hub.database.db.execute(sql`select current_database() as name`))[0]?.name ?? '';
      const admin = postgres(process.env.DATABASE_URL ?? '', { max: 1, onnotice: () => undefined });
      const acknowledged: string[] = [];
      let refused = 0;
      try {
        for (let n = 0; n < 60; n += 1) {
          if (n === 20 || n === 40) {
            const killed =
              await admin`select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = ${database} and pid <> pg_backend_pid()`;
            expect(killed[0]?.n).toBeGreaterThan(0);
          }
          const result = await hub.graphql<{ reportSignal: { signal: { id: string } } | null }>(REPORT, { input: signalInput(n) }, { token });
          expect(result.status).toBeLessThan(500);
          const id = result.body.data?.reportSignal?.signal?.id;
          if (id) acknowledged.push(id);
          else refused += 1;
        }
      } finally {
        await admin.end();
      }
      // A request on a connection killed under it may fail (it was not acknowledged); the pool reconnects for the next.
      expect(refused).toBeLessThanOrEqual(10);
      expect(acknowledged.length).toBeGreaterThanOrEqual(50);
      const stored = rowsOf<{ n: number }>(
        await hub.database.db.execute(sql`select count(*)::int as n from signals.signal where id = any(${sql.param(acknowledged)}::uuid[])`),
      )[0]?.n;
      expect(stored).toBe(acknowledged.length);
      const after = await hub.graphql<{ reportSignal: { signal: { id: string } } }>(REPORT, { input: signalInput(99) }, { token });
      expect(after.body.data?.reportSignal.signal.id).toBeTruthy();
    });
  });
}
