import { createServer, request, Agent, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, sql } from '@hub/db';
import { createGateway, readSupergraph } from '@hub/gateway';
import { createTokenVerifier } from '@hub/identity';
import { createLogger } from '@hub/service-kit';
import { startTestHub, type TestHub } from '@hub/testing';

/**
 * Stopping (SIGTERM in a standalone process calls the same stop()) must not drop requests in flight: new
 * connections are refused at once, idle keep-alive connections are closed, /ready answers 503, and every request
 * already accepted gets its whole answer. The requests are held in flight by a lock on the table they read.
 */

const IN_FLIGHT = 24;
// The list of gemeenten is read from the gemeente table on every request, so the lock below holds the request (one
// gemeente by code alone is answered from the sociale kaart's directory in memory and would not wait).
const QUERY = 'query Gemeente($code: String!) { gemeente(code: $code) { code name } gemeenten { code } }';

interface Answer {
  status: number;
  body: string;
}

function post(url: URL, payload: unknown, agent: Agent): { sent: Promise<void>; answer: Promise<Answer> } {
  const body = JSON.stringify(payload);
  let sent!: () => void;
  const sentPromise = new Promise<void>((resolve) => (sent = resolve));
  const answer = new Promise<Answer>((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.on('finish', () => sent());
    req.end(body);
  });
  return { sent: sentPromise, answer };
}

let hub: TestHub;
beforeAll(async () => {
  // Longer than this test holds its requests, so the drain time is not what ends them.
  hub = await startTestHub({ env: { SHUTDOWN_DRAIN_MS: '60000' } });
});
afterAll(async () => {
  await hub?.stop();
});

describe('graceful shutdown', () => {
  it(`lets ${IN_FLIGHT} requests in flight finish, refuses new connections and closes idle ones`, async () => {
    const codes = rowsOf<{ code: string }>(await hub.database.db.execute(sql`select code from sociale_kaart.gemeente order by code limit ${IN_FLIGHT}`)).map(
      (r) => r.code,
    );
    expect(codes).toHaveLength(IN_FLIGHT);
    const url = new URL(hub.gatewayUrl);

    // An idle keep-alive connection: one answered request, then nothing.
    const idleAgent = new Agent({ keepAlive: true, maxSockets: 1 });
    let idleSocket: Socket | undefined;
    const first = post(url, { query: '{ __typename }' }, idleAgent);
    expect((await first.answer).status).toBe(200);
    idleAgent.once('free', (socket: Socket) => (idleSocket = socket));
    await new Promise((resolve) => setImmediate(resolve));
    const idleClosed = new Promise<void>((resolve) => {
      if (!idleSocket || idleSocket.destroyed) return resolve();
      idleSocket.once('close', () => resolve());
    });

    // Hold every read of the gemeente table until released (PGlite: the transaction holds the one session).
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const holder = hub.database.db.transaction(async (tx) => {
      await tx.execute(sql`lock table sociale_kaart.gemeente in access exclusive mode`);
      locked();
      await released;
    });
    await lockTaken;

    const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
    const requests = codes.map((code) => post(url, { query: QUERY, variables: { code } }, agent));
    await Promise.all(requests.map((r) => r.sent));
    // Let the gateway take them in and pass them on; they then wait for the lock.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    let finishedEarly = 0;
    for (const r of requests)
      void r.answer.then(
        () => finishedEarly++,
        () => finishedEarly++,
      );
    await new Promise((resolve) => setImmediate(resolve));
    expect(finishedEarly).toBe(0);

    const stopping = hub.stop();
    // New connections are refused at once, while the old requests are still waiting.
    const refused = await fetch(hub.gatewayPath('/health')).then(
      () => 'answered',
      (error: unknown) => (error instanceof Error && error.cause instanceof Error && 'code' in error.cause ? String(error.cause.code) : 'failed'),
    );
    expect(refused).toBe('ECONNREFUSED');
    await idleClosed;
    expect(idleSocket?.destroyed ?? true).toBe(true);
    expect(finishedEarly).toBe(0);

    release();
    await holder;
    const answers = await Promise.all(requests.map((r) => r.answer));
    await stopping;
    agent.destroy();
    idleAgent.destroy();
    answers.forEach((answer, i) => {
      expect(answer.status).toBe(200);
      const body = JSON.parse(answer.body) as { data: { gemeente: unknown; gemeenten: unknown[] } };
      expect(body.data.gemeente).toEqual({ code: codes[i], name: expect.any(String) });
      expect(body.data.gemeenten).toHaveLength(342);
    });
    await expect(fetch(hub.gatewayPath('/health'))).rejects.toThrow();
  });
});

describe('readiness while stopping', () => {
  it('the gateway answers /ready with 503 once stop() began', async () => {
    const other = await startTestHub();
    try {
      const gateway = await createGateway({
        config: other.config,
        logger: createLogger('gateway', 'silent'),
        verifyToken: await createTokenVerifier([other.issuer.config], other.config.audience),
        subgraphs: Object.entries(other.subgraphUrls).map(([name, url]) => ({ name, url, secret: other.subgraphSecrets[name] ?? '' })),
        supergraphSdl: readSupergraph(),
      });
      // A second door to the same handler stays open after the gateway's own listener closed.
      const door = createServer(gateway.handle);
      await new Promise<void>((resolve) => door.listen(0, '127.0.0.1', resolve));
      const readyUrl = `http://127.0.0.1:${(door.address() as AddressInfo).port}/ready`;
      try {
        expect((await fetch(readyUrl)).status).toBe(200);
        await gateway.stop();
        const res = await fetch(readyUrl);
        expect(res.status).toBe(503);
        expect(await res.json()).toEqual({ status: 'stopping' });
      } finally {
        door.closeAllConnections();
        await new Promise<void>((resolve) => door.close(() => resolve()));
      }
    } finally {
      await other.stop();
    }
  });
});
