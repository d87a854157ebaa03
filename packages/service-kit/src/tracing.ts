import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, NodeTracerProvider, type ReadableSpan, type SpanExporter } from '@opentelemetry/sdk-trace-node';
import type { TracingSettings } from '@hub/config';
import { STATEMENT_TRACER } from '@hub/db';
import type { OperationLabel } from './metrics.ts';

/**
 * OpenTelemetry traces, on when OTEL_EXPORTER_OTLP_ENDPOINT is set and off (no provider, no spans, no work) otherwise.
 *
 * Each service has a tracer provider of its own, so its spans carry its `service.name` (gateway, cases, ...) also when
 * the whole hub runs in one process. The first service to start tracing in a process (the gateway in the in-process
 * hub, the service itself when it runs alone) is registered globally: Apollo Gateway makes its spans (gateway.request,
 * gateway.plan, gateway.fetch, ...) with the global tracer, and the global context manager carries the active span
 * through async calls. Spans leave over OTLP/HTTP (JSON) in batches.
 *
 * Before export every span goes through an allow-list: only the attributes below stay, an operation name becomes its
 * metrics label (a known name, else `other`), and status messages and events (which could quote an error message)
 * are dropped. Parameters of SQL statements are never recorded in the first place.
 */

const ALLOWED_ATTRIBUTES = new Set([
  'db.system',
  'db.statement',
  'graphql.operation.type',
  'http.request.method',
  'http.route',
  'http.response.status_code',
  'service',
  'hub.subgraph',
]);
const OPERATION_NAME_ATTRIBUTES = new Set(['graphql.operation.name', 'operationName']);

interface TracingState {
  endpoint: string;
  operationLabel: OperationLabel;
  providers: Map<string, BasicTracerProvider>;
}

let state: TracingState | undefined;

/** A service's tracer (OpenTelemetry's Tracer), named here so callers need no import of the API. */
export type ServiceTracer = Tracer;

/** A copy of the span with only what may leave the hub. */
export function redactSpan(span: ReadableSpan, operationLabel: OperationLabel): ReadableSpan {
  const attributes: Attributes = {};
  for (const [key, value] of Object.entries(span.attributes)) {
    if (OPERATION_NAME_ATTRIBUTES.has(key)) attributes[key] = operationLabel(typeof value === 'string' ? value : undefined);
    else if (ALLOWED_ATTRIBUTES.has(key)) attributes[key] = value;
  }
  return {
    name: span.name,
    kind: span.kind,
    spanContext: () => span.spanContext(),
    ...(span.parentSpanContext ? { parentSpanContext: span.parentSpanContext } : {}),
    startTime: span.startTime,
    endTime: span.endTime,
    status: { code: span.status.code },
    attributes,
    links: [],
    events: [],
    duration: span.duration,
    ended: span.ended,
    resource: span.resource,
    instrumentationScope: span.instrumentationScope,
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
  };
}

class RedactingExporter implements SpanExporter {
  constructor(
    private readonly inner: SpanExporter,
    private readonly operationLabel: OperationLabel,
  ) {}
  export(spans: ReadableSpan[], done: Parameters<SpanExporter['export']>[1]): void {
    this.inner.export(
      spans.map((s) => redactSpan(s, this.operationLabel)),
      done,
    );
  }
  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }
  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}

function providerFor(current: TracingState, service: string): BasicTracerProvider {
  const existing = current.providers.get(service);
  if (existing) return existing;
  const options = {
    resource: resourceFromAttributes({ 'service.name': service, 'service.namespace': 'clientondersteuning-hub' }),
    spanProcessors: [new BatchSpanProcessor(new RedactingExporter(new OTLPTraceExporter({ url: `${current.endpoint}/v1/traces` }), current.operationLabel))],
  };
  let provider: BasicTracerProvider;
  if (current.providers.size === 0) {
    const node = new NodeTracerProvider(options);
    node.register();
    provider = node;
  } else {
    provider = new BasicTracerProvider(options);
  }
  current.providers.set(service, provider);
  return provider;
}

/**
 * Starts tracing in this process for `service` (and, later, the other services of an in-process hub). Nothing
 * happens without an endpoint. The first configuration of a process holds: one process exports to one collector.
 */
export function startTracing(settings: TracingSettings, service: string, operationLabel: OperationLabel): void {
  if (!settings.otlpEndpoint) return;
  state ??= { endpoint: settings.otlpEndpoint, operationLabel, providers: new Map() };
  providerFor(state, service);
}

/** The service's tracer while tracing is on; undefined when it is off (callers then do no tracing work at all). */
export function serviceTracer(service: string): ServiceTracer | undefined {
  return state ? providerFor(state, service).getTracer('@hub/service-kit') : undefined;
}

/** Sends every finished span now (tests, and before a process exits). */
export async function flushTraces(): Promise<void> {
  if (!state) return;
  await Promise.all([...state.providers.values()].map((p) => p.forceFlush()));
}

/** The span's own traceparent: what a request inside it hands on, and the trace id its log lines carry. */
export function traceparentOf(span: Span): string {
  const { traceId, spanId, traceFlags } = span.spanContext();
  return `00-${traceId}-${spanId}-${traceFlags.toString(16).padStart(2, '0')}`;
}

/** A W3C traceparent as a remote parent context; ROOT_CONTEXT when absent or malformed. */
export function contextFromTraceparent(traceparent: string | undefined): Context {
  if (!traceparent) return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, { traceparent });
}

/** The traceparent of the active span, for a call to another service; undefined outside a span. */
export function activeTraceparent(): string | undefined {
  if (!trace.getActiveSpan()) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/**
 * Runs a service's HTTP request inside a SERVER span continuing `parent` (the gateway's trace); statements run inside
 * it get SQL spans of the same service. Without a tracer, `work` just runs.
 */
export async function inServerSpan<T>(
  tracer: ServiceTracer | undefined,
  method: string,
  route: string,
  /** The remote parent; undefined: the span starts a trace of its own (the gateway: callers' traceparents are not followed). */
  parent: Context | undefined,
  work: (span: Span | undefined) => Promise<T>,
): Promise<T> {
  if (!tracer) return work(undefined);
  const from = parent ?? ROOT_CONTEXT;
  const span = tracer.startSpan(`${method} ${route}`, { kind: SpanKind.SERVER, attributes: { 'http.request.method': method, 'http.route': route } }, from);
  const active = trace.setSpan(from, span).setValue(STATEMENT_TRACER, tracer);
  try {
    return await context.with(active, () => work(span));
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}
