import { readFileSync, writeFileSync } from 'node:fs';
import { withErrorCodeTable } from '@hub/errors';

/**
 * npm run docs:errors    writes the README's error-code table from the registry in packages/errors (its codes,
 * descriptions and HTTP statuses), between the error-codes markers. tests/docs-errors.test.ts fails when it is stale.
 */
const path = new URL('../README.md', import.meta.url);
const before = readFileSync(path, 'utf8');
const after = withErrorCodeTable(before);
if (after === before) console.log('README.md: the error-code table is up to date.');
else {
  writeFileSync(path, after);
  console.log('Wrote the error-code table of README.md.');
}
