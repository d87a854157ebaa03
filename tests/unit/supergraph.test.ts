import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig, SUBGRAPH_NAMES } from '@hub/config';
import { readSupergraph, SUPERGRAPH_PATH } from '@hub/gateway';
import { composeSupergraph, schemaPathOf, SUBGRAPH_MODULES } from '@hub/hub';

/** The module list and the committed supergraph, checked without starting anything. */

describe('the subgraph list', () => {
  it('has one module per name in SUBGRAPH_NAMES, in the same order', () => {
    expect(SUBGRAPH_MODULES.map((m) => m.name)).toEqual([...SUBGRAPH_NAMES]);
  });

  it.each(SUBGRAPH_MODULES.map((m) => [m.name, m.schemaPath] as const))('%s serves the schema that is composed', (name, schemaPath) => {
    expect(schemaPath).toBe(schemaPathOf(name));
  });
});

describe('the committed supergraph', () => {
  it('composes without errors and matches gateway/supergraph.graphql (run `npm run compose`)', () => {
    const { supergraphSdl, errors } = composeSupergraph();
    expect(errors).toEqual([]);
    expect(readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(supergraphSdl);
  });

  it('names every subgraph, at its default URL', () => {
    const defaults = loadConfig({});
    const supergraph = readSupergraph();
    for (const name of SUBGRAPH_NAMES) {
      expect(supergraph).toContain(`@join__graph(name: "${name}", url: "${defaults.subgraphs[name].url}")`);
    }
  });
});
