/**
 * The registry of the hub's subgraphs, in composition order. Each lives in `subgraphs/<name>/`, owns the Postgres
 * schema named by `postgresSchemaOf`, and listens on its default port unless `<NAME>_PORT` says otherwise
 * (`<NAME>` is `subgraphEnvKey`). Configuration, start-up and the migrate job (through the hub's module list, which
 * must follow this order), composition, code generation, the benchmark and the checks of docker-compose.yml and
 * .env.example all read this list: adding a subgraph starts with one line here.
 */
export const SUBGRAPHS = [
  { name: 'sociale-kaart', defaultPort: 4001 },
  { name: 'cases', defaultPort: 4002 },
  { name: 'referrals', defaultPort: 4003 },
  { name: 'signals', defaultPort: 4004 },
  { name: 'notifications', defaultPort: 4005 },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

/** The names of SUBGRAPHS, in the same order. */
export const SUBGRAPH_NAMES: readonly SubgraphName[] = SUBGRAPHS.map((s) => s.name);

export const isSubgraphName = (name: string): name is SubgraphName => (SUBGRAPH_NAMES as readonly string[]).includes(name);

/** The name in environment variables: `sociale-kaart` → `SOCIALE_KAART` (SOCIALE_KAART_PORT, SUBGRAPH_SECRET_SOCIALE_KAART). */
export const subgraphEnvKey = (name: SubgraphName): string => name.toUpperCase().replace(/-/g, '_');

/** The Postgres schema a subgraph's tables and migrations live in: `sociale-kaart` → `sociale_kaart`. */
export const postgresSchemaOf = (name: SubgraphName): string => name.replace(/-/g, '_');
