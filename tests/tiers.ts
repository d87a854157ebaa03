/**
 * Test tiers you can run alone (`npm test -- --project <name>`); `npm test` runs all of them.
 * - unit: pure functions, no hub, no database, no server; a `unit/` folder under a test folder, and packages/*.
 * - subgraphs: each subgraph's tests against an in-process hub (subgraphs/<name>/test).
 * - journeys: every operation of tests/journeys/*.graphql through the gateway.
 * - security: the attacks of tests/security, each a promise of docs/hardening.md.
 * - hub: the rest across the graph: the gateway, start-up, limits, faults, fuzzing (tests/*.test.ts, gateway/test).
 * - console: the web console in a real browser (Chromium) against a hub started as `npm start` starts it (tests/console).
 * A test file outside every tier would silently never run: tests/unit/tiers.test.ts checks that each belongs to one.
 */
const UNIT = [
  'packages/*/test/**/*.test.ts',
  'subgraphs/*/test/unit/**/*.test.ts',
  'gateway/test/unit/**/*.test.ts',
  'console/test/unit/**/*.test.ts',
  'tests/unit/**/*.test.ts',
];

export interface Tier {
  name: string;
  include: string[];
  exclude: string[];
}

export const TIERS: readonly Tier[] = [
  { name: 'unit', include: UNIT, exclude: [] },
  { name: 'subgraphs', include: ['subgraphs/*/test/**/*.test.ts'], exclude: UNIT },
  { name: 'journeys', include: ['tests/journeys/**/*.test.ts'], exclude: [] },
  { name: 'security', include: ['tests/security/**/*.test.ts'], exclude: [] },
  {
    name: 'hub',
    include: ['tests/**/*.test.ts', 'gateway/test/**/*.test.ts'],
    exclude: [...UNIT, 'tests/journeys/**', 'tests/security/**', 'tests/console/**'],
  },
  { name: 'console', include: ['tests/console/**/*.test.ts'], exclude: [] },
];
