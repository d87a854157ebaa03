import type { SubgraphEndpoint } from './data-source.ts';
import { answerJson, type RouteHandler } from './exchange.ts';

type SubgraphReadiness = 'ready' | 'unavailable' | 'unreachable';

/** Asks every subgraph's own `/ready` at once; a subgraph that does not answer within `timeoutMs` is unreachable. */
async function subgraphReadiness(subgraphs: readonly SubgraphEndpoint[], timeoutMs: number): Promise<Record<string, SubgraphReadiness>> {
  const entries = await Promise.all(
    subgraphs.map(async (s): Promise<[string, SubgraphReadiness]> => {
      try {
        const res = await fetch(new URL('/ready', s.url), { signal: AbortSignal.timeout(timeoutMs) });
        await res.arrayBuffer();
        return [s.name, res.status === 200 ? 'ready' : 'unavailable'];
      } catch {
        return [s.name, 'unreachable'];
      }
    }),
  );
  return Object.fromEntries(entries);
}

/**
 * `/health` answers while the process runs. `/ready` answers 200 only when every subgraph is ready, and 503 once the
 * gateway is stopping, so that a load balancer sends it no new work while requests in flight finish.
 */
export function healthRoutes(options: { subgraphs: readonly SubgraphEndpoint[]; timeoutMs: number; stopping: () => boolean }): {
  health: RouteHandler;
  ready: RouteHandler;
} {
  const { subgraphs, timeoutMs, stopping } = options;
  return {
    health: async ({ res }) => answerJson(res, 200, { status: 'ok' }),
    ready: async ({ res }) => {
      if (stopping()) return answerJson(res, 503, { status: 'stopping' });
      const readiness = await subgraphReadiness(subgraphs, timeoutMs);
      const ready = Object.values(readiness).every((r) => r === 'ready');
      return answerJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable', subgraphs: readiness });
    },
  };
}
