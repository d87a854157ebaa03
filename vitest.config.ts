import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'subgraphs/*/test/**/*.test.ts', 'gateway/test/**/*.test.ts', 'hub/test/**/*.test.ts', 'testing/test/**/*.test.ts', 'tests/**/*.test.ts'],
    // Each file boots its own database (PGlite in-process, or a fresh database on the server);
    // two workers keep memory and the 2-core machine comfortable.
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
