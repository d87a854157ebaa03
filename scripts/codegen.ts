import { existsSync, readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import config from '../codegen.ts';

/**
 * npm run codegen          writes subgraphs/<name>/src/generated/resolvers-types.ts from each schema.graphql
 * npm run codegen:check    exits 1 when a committed file differs from what the schemas generate (CI)
 */
const check = process.argv.includes('--check');
// What each generated file holds; `generate` also writes them unless checking.
const outputs: { filename: string; content: string }[] = await generate({ ...config, silent: true }, !check);

if (check) {
  const stale = outputs.filter((o) => !existsSync(o.filename) || readFileSync(o.filename, 'utf8') !== o.content);
  for (const o of stale) console.error(`${o.filename} is stale: schema.graphql generates something else.`);
  if (stale.length > 0) {
    console.error('Run `npm run codegen` and commit the result.');
    process.exit(1);
  }
  console.log(`${outputs.length} generated files (resolver types, console operation types) are up to date.`);
} else {
  for (const o of outputs) console.log(`Wrote ${o.filename}.`);
}
