import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The committed supergraph (written by `npm run compose`); the gateway never composes at run time. */
export const SUPERGRAPH_PATH = fileURLToPath(new URL('../supergraph.graphql', import.meta.url));

export function readSupergraph(path = SUPERGRAPH_PATH): string {
  return readFileSync(path, 'utf8');
}
