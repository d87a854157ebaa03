import { Agent, request } from 'node:http';
import { SUBGRAPH_SECRET_HEADER } from '@hub/service-kit';
import { buildJourneys, type JourneyContext, type JourneyName, type SubgraphCall, type Variant } from './journeys.ts';

/**
 * The load generator: runs in its own process (forked by bench/run.ts) so its CPU is not the gateway's. A closed
 * loop of `concurrency` workers over keep-alive connections, each sending the next variant as soon as its previous
 * answer is in, for `durationMs` after `warmupMs`. An answer counts as an error when its status is not 200 or its
 * body carries GraphQL errors.
 */

export interface LoadTask {
  context: JourneyContext;
  journey: JourneyName;
  /** `direct`: the plan's subgraph requests sent straight to the subgraphs; otherwise the URL of a gateway. */
  target: { kind: 'direct' } | { kind: 'gateway'; url: string };
  concurrency: number;
  durationMs: number;
  warmupMs: number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  /** First few distinct error samples (status and a short, data-free excerpt) for the report. */
  errorSamples: string[];
  seconds: number;
  throughput: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
}

interface HttpAnswer {
  status: number;
  body: string;
}

function post(agent: Agent, url: URL, headers: Record<string, string>, payload: string): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        method: 'POST',
        hostname: url.hostname,
        port: url.port,
        path: url.pathname,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? 0;
}

class GraphQLAnswerError extends Error {}

async function runLoad(task: LoadTask): Promise<LoadResult> {
  const journey = buildJourneys(task.context).find((j) => j.name === task.journey);
  if (!journey) throw new Error(`Unknown journey ${task.journey}`);
  if (journey.variants.length === 0) throw new Error(`Journey ${task.journey} has no variants (is the dataset manifest complete?)`);
  const agent = new Agent({ keepAlive: true, maxSockets: task.concurrency * 4 });

  const subgraphCall: SubgraphCall = async (subgraph, query, variables, token) => {
    const url = task.context.subgraphUrls[subgraph];
    const secret = task.context.subgraphSecrets[subgraph];
    if (!url || !secret) throw new Error(`No URL or secret for subgraph ${subgraph}`);
    const answer = await post(
      agent,
      new URL(url),
      { [SUBGRAPH_SECRET_HEADER]: secret, authorization: `Bearer ${token}` },
      JSON.stringify({ query, variables }),
    );
    const body = JSON.parse(answer.body) as { data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] };
    if (answer.status !== 200 || body.errors?.length) {
      throw new GraphQLAnswerError(`${subgraph} ${answer.status} ${body.errors?.map((e) => e.extensions?.code ?? 'ERROR').join(',') ?? ''}`);
    }
    return body.data ?? {};
  };

  const gatewayUrl = task.target.kind === 'gateway' ? new URL(task.target.url) : undefined;
  const once = async (variant: Variant): Promise<string | undefined> => {
    if (!gatewayUrl) {
      try {
        await journey.direct(subgraphCall, variant);
        return undefined;
      } catch (error) {
        return error instanceof Error ? error.message.slice(0, 120) : 'error';
      }
    }
    const answer = await post(
      agent,
      gatewayUrl,
      { authorization: `Bearer ${variant.token}` },
      JSON.stringify({ query: journey.query, operationName: journey.operationName, variables: variant.variables }),
    );
    if (answer.status === 200 && !answer.body.includes('"errors":')) return undefined;
    const codes = [...answer.body.matchAll(/"code":"([A-Z_]+)"/g)].map((m) => m[1]);
    return `${answer.status} ${[...new Set(codes)].join(',')}`;
  };

  const latencies: number[] = [];
  const samples = new Set<string>();
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const warmupEnds = started + task.warmupMs;
  const ends = warmupEnds + task.durationMs;
  let measuredFrom = 0;

  const worker = async () => {
    for (;;) {
      const now = performance.now();
      if (now >= ends) return;
      const variant = journey.variants[next++ % journey.variants.length] as Variant;
      const t0 = performance.now();
      let failure: string | undefined;
      try {
        failure = await once(variant);
      } catch (error) {
        failure = `transport ${error instanceof Error ? error.message.slice(0, 80) : 'error'}`;
      }
      const t1 = performance.now();
      if (t0 < warmupEnds) continue;
      if (measuredFrom === 0) measuredFrom = t0;
      latencies.push(t1 - t0);
      if (failure) {
        errors++;
        if (samples.size < 5) samples.add(failure);
      }
    }
  };
  await Promise.all(Array.from({ length: task.concurrency }, worker));
  const seconds = (performance.now() - Math.max(warmupEnds, measuredFrom || warmupEnds)) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    requests: latencies.length,
    errors,
    errorSamples: [...samples],
    seconds: round(seconds),
    throughput: round(latencies.length / seconds),
    latencyMs: {
      p50: round(percentile(latencies, 50)),
      p95: round(percentile(latencies, 95)),
      p99: round(percentile(latencies, 99)),
      max: round(latencies[latencies.length - 1] ?? 0),
      mean: round(latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length)),
    },
  };
}

// Forked by bench/run.ts: one task in over IPC, one result out.
if (process.send) {
  process.once('message', (task: LoadTask) => {
    runLoad(task).then(
      (result) => process.send?.({ ok: true, result }, () => process.exit(0)),
      (error: unknown) => process.send?.({ ok: false, error: error instanceof Error ? error.message : String(error) }, () => process.exit(1)),
    );
  });
}
