import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { TIERS } from './tests/tiers.ts';

/** A unit test that reaches for the harness fails at import instead of quietly booting a hub. */
const unitAliases = { '@hub/testing': fileURLToPath(new URL('./tests/unit/no-harness.ts', import.meta.url)) };

export default defineConfig({
  test: {
    // Each file boots its own database (PGlite in-process, or a fresh database on the server);
    // two workers keep memory and the 2-core machine comfortable.
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: TIERS.map(({ name, include, exclude }) => ({
      extends: true,
      test: { name, include, exclude: [...exclude, '**/node_modules/**'] },
      ...(name === 'unit' ? { resolve: { alias: unitAliases } } : {}),
    })),
  },
});
