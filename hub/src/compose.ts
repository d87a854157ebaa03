import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { loadConfig, SUBGRAPH_NAMES, type HubConfig } from '@hub/config';

/** The repository root, for the subgraphs' schema files. */
export const REPOSITORY_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const schemaPathOf = (name: string) => join(REPOSITORY_ROOT, 'subgraphs', name, 'schema.graphql');

export interface SupergraphComposition {
  /** Undefined when composition failed. */
  supergraphSdl: string | undefined;
  errors: string[];
  hints: string[];
}

/**
 * Composes the supergraph from every subgraph's schema.graphql in SUBGRAPH_NAMES order. The URLs written
 * into it are the configuration defaults, so the output is the same on every machine; the gateway replaces
 * them with the configured URLs at run time.
 */
export function composeSupergraph(config: HubConfig = loadConfig({})): SupergraphComposition {
  const services = SUBGRAPH_NAMES.map((name) => ({
    name,
    url: config.subgraphs[name].url,
    typeDefs: parse(readFileSync(schemaPathOf(name), 'utf8')),
  }));
  const result = composeServices(services);
  if (result.errors) return { supergraphSdl: undefined, errors: result.errors.map((e) => e.message), hints: [] };
  return { supergraphSdl: `${result.supergraphSdl.trimEnd()}\n`, errors: [], hints: result.hints.map((h) => h.toString()) };
}
