import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { loadConfig, SUBGRAPH_NAMES } from '@hub/config';
import { SUBGRAPH_SECRET_HEADER } from '@hub/service-kit';

/**
 * Hive Gateway as a peer engine for the benchmark only: the same committed supergraph.graphql, the same subgraphs,
 * the same per-subgraph secret and forwarded bearer token as our gateway sends. Not part of the hub.
 * Reads the hub's configuration (subgraph URLs and secrets) and HIVE_GATEWAY_PORT.
 */
const config = loadConfig();
const port = Number(process.env.HIVE_GATEWAY_PORT ?? 4110);

// The supergraph names subgraphs "sociale-kaart" (join__graph name) or SOCIALE_KAART (enum value) depending on the
// code path; accept both.
const byAnyName = new Map<string, { url: string; secret: string }>();
const transportEntries: Record<string, { location: string }> = {};
for (const name of SUBGRAPH_NAMES) {
  const { url, secret } = config.subgraphs[name];
  if (!secret) throw new Error(`SUBGRAPH_SECRET for ${name} must be set.`);
  for (const alias of [name, name.toUpperCase().replace(/-/g, '_')]) {
    byAnyName.set(alias, { url, secret });
    transportEntries[alias] = { location: url };
  }
}

const gateway = createGatewayRuntime({
  supergraph: readFileSync(new URL('../../gateway/supergraph.graphql', import.meta.url), 'utf8'),
  transportEntries,
  logging: 'error',
  landingPage: false,
  graphqlEndpoint: '/graphql',
  propagateHeaders: {
    fromClientToSubgraphs({ request, subgraphName }) {
      const subgraph = byAnyName.get(subgraphName);
      if (!subgraph) throw new Error(`No secret for subgraph ${subgraphName}`);
      const authorization = request.headers.get('authorization');
      return { [SUBGRAPH_SECRET_HEADER]: subgraph.secret, ...(authorization ? { authorization } : {}) };
    },
  },
});

const server = createServer(gateway);
server.keepAliveTimeout = 65_000;
server.listen(port, config.host, () => {
  process.stdout.write(`${JSON.stringify({ msg: 'hive gateway listening', url: `http://${config.host}:${port}/graphql` })}\n`);
});
const shutdown = () => server.close(() => process.exit(0));
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
