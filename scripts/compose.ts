import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { SUPERGRAPH_PATH } from '@hub/gateway';
import { composeSupergraph } from '@hub/hub';

/**
 * npm run compose          writes gateway/supergraph.graphql from subgraphs/<name>/schema.graphql
 * npm run compose:check    exits 1 when composition fails or the committed file is stale (CI)
 */
const check = process.argv.includes('--check');
const shown = relative(process.cwd(), SUPERGRAPH_PATH);
const { supergraphSdl, errors, hints } = composeSupergraph();

for (const hint of hints) console.error(`hint: ${hint}`);
if (!supergraphSdl) {
  console.error(`Composition failed with ${errors.length} error(s):`);
  for (const error of errors) console.error(`  - ${error}`);
  process.exit(1);
}

if (check) {
  const committed = existsSync(SUPERGRAPH_PATH) ? readFileSync(SUPERGRAPH_PATH, 'utf8') : '';
  if (committed !== supergraphSdl) {
    console.error(`${shown} is stale: the subgraph schemas compose to something else. Run \`npm run compose\` and commit the result.`);
    process.exit(1);
  }
  console.log(`${shown} is up to date.`);
} else {
  writeFileSync(SUPERGRAPH_PATH, supergraphSdl);
  console.log(`Wrote ${shown}.`);
}
