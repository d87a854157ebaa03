import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ErrorCode, errorCodeTable, withErrorCodeTable } from '@hub/errors';

/** The README's error table is generated from the registry; it must not drift from it. */
describe('README error-code table', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

  it('is what `npm run docs:errors` writes from packages/errors', () => {
    expect(withErrorCodeTable(readme), 'README.md is stale: run `npm run docs:errors`').toBe(readme);
  });

  it('lists every code of the registry, and no other', () => {
    const listed = [...errorCodeTable().matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(listed).toEqual(Object.values(ErrorCode));
  });
});
