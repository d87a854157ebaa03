import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '@hub/testing';
import { buildOrg, clientInput, dataOf, newBsn } from '../subgraphs/cases/test/builders.ts';

/**
 * Metrics and traces of a running hub, against real parts: an OTLP/HTTP receiver in this test takes the spans the hub
 * exports (JSON), and the gateway's /metrics is scraped with its token. One journey (register a client with a known BSN
 * and name, read it back as a cliëntondersteuner) must show up as one trace from the gateway to the SQL statements, and
 * neither the spans nor the metrics may hold the BSN, the name or the token.
 */

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string | number;
  endTimeUnixNano: string | number;
  attributes?: { key: string; value: OtlpValue }[];
}
interface ReceivedSpan extends OtlpSpan {
  service: string;
}

const METRICS_TOKEN = 'metrics-token-for-the-observability-test-0123456789';
const REGISTER = 'mutation RegisterClient($input: RegisterClientInput!) { registerClient(input: $input) { client { id } } }';
const READ_BACK = 'query ConsentClient($id: ID!) { client(id: $id) { id name { familyName givenName namePrefix } network { id mayActForClient name role } } }';

let receiver: Server;
const bodies: string[] = [];
const spans: ReceivedSpan[] = [];
let hub: TestHub;

function startReceiver(): Promise<string> {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (req.method !== 'POST' || req.url !== '/v1/traces') {
        res.writeHead(404).end();
        return;
      }
      bodies.push(text);
      const payload = JSON.parse(text) as {
        resourceSpans?: { resource?: { attributes?: { key: string; value: OtlpValue }[] }; scopeSpans?: { spans?: OtlpSpan[] }[] }[];
      };
      for (const rs of payload.resourceSpans ?? []) {
        const service = rs.resource?.attributes?.find((a) => a.key === 'service.name')?.value.stringValue ?? '?';
        for (const ss of rs.scopeSpans ?? []) for (const s of ss.spans ?? []) spans.push({ ...s, service });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) => receiver.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}`)));
}

const attribute = (s: OtlpSpan, key: string) => s.attributes?.find((a) => a.key === key)?.value.stringValue;
const ms = (s: OtlpSpan) => (Number(BigInt(s.endTimeUnixNano) - BigInt(s.startTimeUnixNano)) / 1e6).toFixed(1);

async function scrape(bearer: string | null = METRICS_TOKEN): Promise<Response> {
  return fetch(hub.gatewayPath('/metrics'), bearer ? { headers: { authorization: `Bearer ${bearer}` } } : {});
}

/** The value of one series in the exposition text, or undefined when it is not there. */
function seriesValue(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const inner = line.slice(name.length + 1, line.indexOf('}'));
    if (Object.entries(labels).every(([k, v]) => inner.includes(`${k}="${v}"`))) return Number(line.slice(line.indexOf('}') + 1).trim());
  }
  return undefined;
}

/** Waits until the receiver holds a span matching `match` (the batch processor exports on flush). */
async function spanWhere(match: (s: ReceivedSpan) => boolean): Promise<ReceivedSpan> {
  for (let i = 0; i < 50; i++) {
    await hub.flushTraces();
    const found = spans.find(match);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no such span arrived at the OTLP receiver');
}

function printTrace(traceId: string): string {
  const inTrace = spans.filter((s) => s.traceId === traceId).sort((a, b) => Number(BigInt(a.startTimeUnixNano) - BigInt(b.startTimeUnixNano)));
  const ids = new Set(inTrace.map((s) => s.spanId));
  const lines: string[] = [];
  const walk = (parent: string | undefined, depth: number) => {
    for (const s of inTrace.filter((x) => (parent ? x.parentSpanId === parent : !x.parentSpanId || !ids.has(x.parentSpanId)))) {
      const detail = attribute(s, 'db.statement') ?? attribute(s, 'graphql.operation.name') ?? attribute(s, 'service') ?? '';
      lines.push(`${'  '.repeat(depth)}${s.name} [${s.service}] ${ms(s)} ms${detail ? `  ${detail.slice(0, 70)}` : ''}`);
      walk(s.spanId, depth + 1);
    }
  };
  walk(undefined, 0);
  return lines.join('\n');
}

const bsn = newBsn();
const givenName = 'Zwanetje';
const familyName = 'Obsvolder-Spoorzoeker';
let token: string;
let clientId: string;

beforeAll(async () => {
  const endpoint = await startReceiver();
  hub = await startTestHub({
    env: {
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      METRICS_TOKEN,
      // A small bucket that barely refills: the burst test below runs into it, the journey (another organisation) not.
      RATE_LIMIT_BURST: '12',
      RATE_LIMIT_PER_SECOND: '0.01',
    },
  });
  const org = await buildOrg(hub, 'GEMEENTE');
  token = await org.token(['CLIENTONDERSTEUNER']);
  const registered = dataOf<{ registerClient: { client: { id: string } } }>(
    await hub.graphql(REGISTER, { input: clientInput({ bsn, name: { givenName, familyName } }) }, { token, operationName: 'RegisterClient' }),
  );
  clientId = registered.registerClient.client.id;
  const read = dataOf<{ client: { name: { givenName: string } } }>(await hub.graphql(READ_BACK, { id: clientId }, { token, operationName: 'ConsentClient' }));
  expect(read.client.name.givenName).toBe(givenName);
}, 120_000);

afterAll(async () => {
  await hub?.stop();
  await new Promise((r) => receiver?.close(r));
});

describe('traces', () => {
  it('links the gateway spans, the subgraph request span and its SQL spans in one trace', async () => {
    const request = await spanWhere((s) => s.name === 'gateway.request' && attribute(s, 'graphql.operation.name') === 'ConsentClient');
    const sql = await spanWhere((s) => s.traceId === request.traceId && s.service === 'cases' && attribute(s, 'db.statement') !== undefined);
    const trace = spans.filter((s) => s.traceId === request.traceId);
    const byId = new Map(trace.map((s) => [s.spanId, s]));
    // Up from the SQL statement: the cases request span, then a gateway.fetch, then the gateway's request and HTTP spans.
    const chain: ReceivedSpan[] = [];
    for (let s: ReceivedSpan | undefined = sql; s; s = s.parentSpanId ? byId.get(s.parentSpanId) : undefined) chain.push(s);
    const names = chain.map((s) => `${s.service}:${s.name}`);
    expect(names[0]).toMatch(/^cases:db\.select$/);
    expect(names).toContain('cases:POST /graphql');
    expect(names).toContain('gateway:gateway.fetch');
    expect(names).toContain('gateway:gateway.request');
    expect(names.at(-1)).toBe('gateway:POST /graphql');
    // The root is the gateway's own: it has no parent at all.
    expect(chain.at(-1)?.parentSpanId ?? '').toBe('');
    const server = chain.find((s) => s.service === 'cases' && s.name === 'POST /graphql');
    expect(server?.kind).toBe(2);
    expect(trace.some((s) => s.name === 'gateway.plan')).toBe(true);
    console.info(`The trace of the ConsentClient read (${trace.length} spans):\n${printTrace(request.traceId)}`);
  });

  it('does not let a caller hang the hub trace under its own traceparent', async () => {
    const outside = `00-${'ab'.repeat(16)}-${'cd'.repeat(8)}-01`;
    await hub.graphql(READ_BACK, { id: clientId }, { token, operationName: 'ConsentClient', headers: { traceparent: outside } });
    await hub.flushTraces();
    await spanWhere((s) => s.name === 'gateway.request' && s.traceId !== spans.find((x) => x.name === 'gateway.request')?.traceId);
    expect(spans.some((s) => s.traceId === 'ab'.repeat(16))).toBe(false);
  });
});

describe('metrics', () => {
  it('refuses the metrics without the token, or with a wrong or a user token', async () => {
    expect((await scrape(null)).status).toBe(401);
    expect((await scrape(`${METRICS_TOKEN}x`)).status).toBe(401);
    expect((await scrape(token)).status).toBe(401);
    const ok = await scrape();
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/plain');
  });

  it('counts operations per service and known name, error codes and 429s', async () => {
    // An error code: a field that does not exist, under a known operation name.
    const invalid = await hub.graphql('query ConsentClient { noSuchField }', undefined, { token, operationName: 'ConsentClient' });
    expect(invalid.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // A made-up name is counted as `other`: a caller cannot add label values.
    await hub.graphql('query MadeUpName12345 { __typename }', undefined, { token, operationName: 'MadeUpName12345' });
    // Another organisation runs into the rate limit (burst 12).
    const noisy = await (await buildOrg(hub, 'GEMEENTE')).token(['CLIENTONDERSTEUNER']);
    const statuses: number[] = [];
    for (let i = 0; i < 16; i++) statuses.push((await hub.graphql('query Noisy { __typename }', undefined, { token: noisy })).status);
    expect(statuses).toContain(429);

    const text = await (await scrape()).text();
    expect(seriesValue(text, 'hub_graphql_operations_total', { service: 'gateway', operation: 'ConsentClient' })).toBeGreaterThanOrEqual(2);
    expect(seriesValue(text, 'hub_graphql_operations_total', { service: 'cases', operation: 'ConsentClient' })).toBeGreaterThanOrEqual(1);
    expect(seriesValue(text, 'hub_graphql_operations_total', { service: 'cases', operation: 'RegisterClient' })).toBe(1);
    expect(seriesValue(text, 'hub_graphql_operation_duration_seconds_count', { service: 'gateway', operation: 'RegisterClient' })).toBe(1);
    expect(seriesValue(text, 'hub_graphql_errors_total', { service: 'gateway', operation: 'ConsentClient', code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(seriesValue(text, 'hub_graphql_operations_total', { service: 'gateway', operation: 'other' })).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain('MadeUpName12345');
    expect(seriesValue(text, 'hub_rate_limited_total', { service: 'gateway', route: '/graphql' })).toBe(statuses.filter((s) => s === 429).length);
    expect(seriesValue(text, 'hub_http_responses_total', { service: 'gateway', route: '/graphql', status: '429' })).toBeGreaterThanOrEqual(1);
    for (const service of ['cases', 'referrals', 'signals']) {
      expect(seriesValue(text, 'hub_outbox_pending', { service })).toBeGreaterThanOrEqual(0);
      expect(seriesValue(text, 'hub_outbox_oldest_pending_age_seconds', { service })).toBeGreaterThanOrEqual(0);
    }
    // Sociale kaart and notifications have no outbox table: no series rather than a made-up zero.
    expect(seriesValue(text, 'hub_outbox_pending', { service: 'sociale-kaart' })).toBeUndefined();
    expect(seriesValue(text, 'hub_db_pool_size', { service: 'hub' })).toBeGreaterThanOrEqual(1);
    expect(seriesValue(text, 'hub_db_statements_total', { service: 'hub', outcome: 'all' })).toBeGreaterThan(0);
    expect(seriesValue(text, 'process_resident_memory_bytes', { service: 'hub' })).toBeGreaterThan(0);
  });

  it('counts SUBGRAPH_UNAVAILABLE by subgraph when a subgraph does not answer', async () => {
    await hub.stopSubgraph('signals');
    try {
      const answer = await hub.graphql('query SignalProbe($id: ID!) { signal(id: $id) { id } }', { id: clientId }, { token });
      expect(answer.body.errors?.map((e) => e.extensions?.code)).toContain('SUBGRAPH_UNAVAILABLE');
    } finally {
      await hub.startSubgraph('signals');
    }
    const text = await (await scrape()).text();
    expect(seriesValue(text, 'hub_subgraph_unavailable_total', { service: 'gateway', subgraph: 'signals', reason: 'UNREACHABLE' })).toBe(1);
    expect(seriesValue(text, 'hub_graphql_errors_total', { service: 'gateway', operation: 'other', code: 'SUBGRAPH_UNAVAILABLE' })).toBeGreaterThanOrEqual(1);
  });
});

describe('no personal data', () => {
  it('has no BSN, name or token in any exported span or in the metrics', async () => {
    await hub.flushTraces();
    const metricsText = await (await scrape()).text();
    const exported = bodies.join('\n');
    expect(exported.length).toBeGreaterThan(0);
    expect(exported).toContain('db.statement');
    for (const secret of [bsn, givenName, familyName, token, clientId, METRICS_TOKEN]) {
      expect(exported).not.toContain(secret);
      expect(metricsText).not.toContain(secret);
    }
  });
});
