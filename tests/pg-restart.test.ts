import { execSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, sql } from '@hub/db';
import { startTestHub, type TestHub } from '@hub/testing';

/**
 * The PostgreSQL server restarted under a running hub. It needs a server it may restart, so it runs only when
 * PG_RESTART_COMMAND says how (.ci/run sets it and runs this file on its own, after the suites, so no other test
 * file loses its connections); with PGlite there is no server to restart.
 */
const restartCommand = process.env.PG_RESTART_COMMAND;

const REPORT = /* GraphQL */ `
  mutation Report($input: ReportSignalInput!) {
    reportSignal(input: $input) { signal { id } }
  }
`;

describe.skipIf(!restartCommand || !process.env.DATABASE_URL)('PostgreSQL restarted under a running hub', () => {
  let hub: TestHub;
  let token: string;
  beforeAll(async () => {
    hub = await startTestHub();
    token = await hub.tokenFor({ name: 'Restart Tester', organizationType: 'OCO', roles: ['CLIENTONDERSTEUNER'] });
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('reconnects without a restart of the services and loses no acknowledged write', async () => {
    const acknowledged: string[] = [];
    let refused = 0;
    let restartedAt = -1;
    for (let n = 0; n < 80; n += 1) {
      if (n === 20) {
        execSync(restartCommand ?? '', { stdio: 'ignore', timeout: 60_000 });
        restartedAt = n;
      }
      const result = await hub.graphql<{ reportSignal: { signal: { id: string } } | null }>(
        REPORT,
        {
          input: {
            category: 'WAITING_TIME',
            gemeenteCode: 'GM0153',
            observedOn: new Date().toISOString().slice(0, 10),
            clientCount: 1 + (n % 4),
            description: `wachtlijst ronde ${n}`,
          },
        },
        { token },
      );
      expect(result.status).toBeLessThan(500);
      const id = result.body.data?.reportSignal?.signal?.id;
      if (id) acknowledged.push(id);
      else {
        refused += 1;
        // Give the server a moment to come back, as a client retrying would.
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    expect(restartedAt).toBe(20);
    // Requests in flight or sent while the server was down may fail; they were never acknowledged.
    expect(refused).toBeLessThanOrEqual(30);
    expect(acknowledged.length).toBeGreaterThanOrEqual(50);
    const stored = rowsOf<{ n: number }>(
      await hub.database.db.execute(sql`select count(*)::int as n from signals.signal where id = any(${sql.param(acknowledged)}::uuid[])`),
    )[0]?.n;
    expect(stored).toBe(acknowledged.length);
    // Readiness comes back on its own: every subgraph's pool drops the connections the restart closed and opens new
    // ones. A load balancer polls /ready; so does this test, for at most 15 s (on a loaded machine a subgraph's first
    // ping after the restart may still meet a closed connection).
    let ready = 0;
    for (const deadline = Date.now() + 15_000; ready !== 200 && Date.now() < deadline; ) {
      ready = (await fetch(hub.gatewayPath('/ready'))).status;
      if (ready !== 200) await new Promise((r) => setTimeout(r, 500));
    }
    expect(ready).toBe(200);
  });
});
