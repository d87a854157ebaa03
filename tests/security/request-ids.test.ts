import { randomBytes, randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, sql } from '@hub/db';
import { INTERNAL_SECRET_HEADER } from '@hub/service-kit';
import { startTestHub, type GraphQLResult, type LogLine, type TestHub } from '@hub/testing';
import { buildOrg, referralsAccessLogLine, registerClient } from '../../subgraphs/cases/test/builders.ts';

/**
 * The request id and trace id in a NEN 7513 access-log line say which request read a client's data. A caller must not
 * choose them (to blend its reads into someone else's request, or to break the log): the gateway makes its own for every
 * request, keeps a well-formed x-request-id / traceparent of the caller only as callerRequestId / callerTraceId in its
 * log line, and a subgraph takes ids over only from a request bearing a hub secret.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TRACE = /^[0-9a-f]{32}$/;

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ captureLogs: true });
});
afterAll(async () => {
  await hub?.stop();
});

interface AccessRow {
  request_id: string;
  trace_id: string;
  action: string;
}
async function accessRows(clientId: string): Promise<AccessRow[]> {
  return rowsOf<AccessRow>(
    await hub.database.db.execute(sql`select request_id, trace_id, action from cases.access_log where client_id = ${clientId} order by occurred_at`),
  );
}

const READ_CLIENT = 'query Read($id: ID!) { client(id: $id) { name { familyName } } }';
const gatewayLines = (reqId: string): LogLine[] => hub.logs.filter((l) => l.service === 'gateway' && l.msg === 'request' && l.reqId === reqId);

/** A client of a fresh organisation, and that organisation's token. */
async function ownClient() {
  const org = await buildOrg(hub);
  const token = await org.token();
  const client = await registerClient(hub, token);
  return { token, clientId: client.id };
}

function hubIds(result: GraphQLResult): string {
  expect(result.status).toBe(200);
  expect(result.body.errors).toBeUndefined();
  const requestId = result.headers.get('x-request-id') ?? '';
  expect(requestId).toMatch(UUID);
  return requestId;
}

describe('request id and trace id in access-log lines', () => {
  it("writes the hub's request id and trace id, not the ones the caller sent", async () => {
    const { token, clientId } = await ownClient();
    const callerRequestId = `chosen-by-caller-${randomUUID()}`;
    const callerTraceId = randomBytes(16).toString('hex');
    const result = await hub.graphql(
      READ_CLIENT,
      { id: clientId },
      {
        token,
        headers: { 'x-request-id': callerRequestId, traceparent: `00-${callerTraceId}-${randomBytes(8).toString('hex')}-01` },
      },
    );
    const requestId = hubIds(result);
    expect(requestId).not.toBe(callerRequestId);
    const reads = (await accessRows(clientId)).filter((r) => r.action === 'READ');
    expect(reads).toHaveLength(1);
    expect(reads[0]?.request_id).toBe(requestId);
    expect(reads[0]?.trace_id).toMatch(TRACE);
    expect(reads[0]?.trace_id).not.toBe(callerTraceId);
    // The caller's ids are kept beside the hub's, clearly labelled, for matching the caller's own logs.
    const [line] = gatewayLines(requestId);
    expect(line).toMatchObject({ callerRequestId, callerTraceId, traceId: reads[0]?.trace_id });
    expect(hub.logs.some((l) => l.reqId === callerRequestId || l.traceId === callerTraceId)).toBe(false);
  });

  it('gives two requests that send the same x-request-id different request ids', async () => {
    const { token, clientId } = await ownClient();
    const headers = { 'x-request-id': `replayed-${randomUUID()}` };
    const first = hubIds(await hub.graphql(READ_CLIENT, { id: clientId }, { token, headers }));
    const second = hubIds(await hub.graphql(READ_CLIENT, { id: clientId }, { token, headers }));
    expect(first).not.toBe(second);
    const reads = (await accessRows(clientId)).filter((r) => r.action === 'READ').map((r) => r.request_id);
    expect(reads.sort()).toEqual([first, second].sort());
  });

  it("logs a 10 kB or control-character x-request-id nowhere, and still writes the hub's ids", async () => {
    const { token, clientId } = await ownClient();
    const long = `huge-${'A'.repeat(10_000)}`;
    const hostile = `evil\t"}{"reqId":"forged-${randomUUID()}`;
    for (const value of [long, hostile]) {
      const requestId = hubIds(await hub.graphql(READ_CLIENT, { id: clientId }, { token, headers: { 'x-request-id': value } }));
      expect(gatewayLines(requestId)).toHaveLength(1);
      expect(gatewayLines(requestId)[0]?.callerRequestId).toBeUndefined();
    }
    const text = hub.logText();
    expect(text).not.toContain('A'.repeat(200));
    expect(text).not.toContain('forged-');
    for (const row of await accessRows(clientId)) expect(row.request_id).toMatch(UUID);
  });

  it('does not log an x-request-id with a line break sent on a raw connection', async () => {
    const marker = `injected-${randomUUID()}`;
    const { port } = new URL(hub.gatewayUrl);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(`GET /health HTTP/1.1\r\nHost: localhost\r\nx-request-id: a\n{"msg":"${marker}"}\r\nConnection: close\r\n\r\n`);
      });
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect(hub.logText()).not.toContain(marker);
  });
});

describe('subgraphs take request ids only from the gateway', () => {
  it('does not log a forged request id as its own when called without the subgraph secret', async () => {
    const forged = `forged-${randomUUID()}`;
    const result = await hub.directSubgraphRequest('cases', '{ __typename }', { headers: { 'x-request-id': forged } });
    expect(result.status).toBe(401);
    expect(result.headers.get('x-request-id')).not.toBe(forged);
    const lines = hub.logs.filter((l) => l.service === 'cases' && l.msg === 'request' && l.callerRequestId === forged);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.reqId).toMatch(UUID);
    expect(hub.logs.some((l) => l.reqId === forged)).toBe(false);
  });

  it("refuses access-log lines on /internal/access-log whose request or trace id is not in the hub's shape", async () => {
    const { clientId } = await ownClient();
    const entry = referralsAccessLogLine(clientId, { accessPoint: 'referrals:-:Referral.contact' });
    const post = async (body: unknown) => {
      const res = await fetch(new URL('/internal/access-log', hub.subgraphUrls.cases), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [INTERNAL_SECRET_HEADER]: hub.internalSecret },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as { errors?: { extensions?: { code?: string } }[] } };
    };
    const before = await accessRows(clientId);
    for (const bad of [{ requestId: 'line\nbreak' }, { requestId: 'x'.repeat(129) }, { traceId: 'not-a-trace-id' }, { traceId: 'A'.repeat(32) }]) {
      const res = await post({ entries: [{ ...entry, eventId: randomUUID(), ...bad }] });
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await accessRows(clientId)).toEqual(before);
    expect((await post({ entries: [entry] })).status).toBe(200);
    expect(await accessRows(clientId)).toHaveLength(before.length + 1);
  });
});
