import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '@hub/hub';
import { TIERS, type Tier } from '../tiers.ts';

/**
 * Every test file belongs to exactly one tier of tests/tiers.ts (the projects of vitest.config.ts): a file outside every tier would never run, and a
 * file in two would run twice under `npm test`.
 */

const SKIPPED = new Set(['node_modules', '.git', '.data', 'dist']);

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : testFiles(join(dir, entry.name));
    return entry.name.endsWith('.test.ts') || entry.name.endsWith('.spec.ts') ? [relative(REPOSITORY_ROOT, join(dir, entry.name))] : [];
  });
}

/** The glob forms the tiers use: `**` for any folders (also none), `*` within one name. */
function globToRegExp(glob: string): RegExp {
  const source = glob
    .split(/(\*\*\/|\*\*|\*)/)
    .map((part) => {
      if (part === '**/') return '(?:[^/]+/)*';
      if (part === '**') return '.*';
      if (part === '*') return '[^/]*';
      return part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`);
}

const matches = (globs: readonly string[], file: string) => globs.some((g) => globToRegExp(g).test(file));
const inTier = (tier: Tier, file: string) => matches(tier.include, file) && !matches(tier.exclude, file);
const tiersOf = (file: string) => TIERS.filter((t) => inTier(t, file)).map((t) => t.name);

describe('test tiers', () => {
  it('match globs as vitest does for the forms they use', () => {
    expect(globToRegExp('subgraphs/*/test/**/*.test.ts').test('subgraphs/cases/test/cases.test.ts')).toBe(true);
    expect(globToRegExp('subgraphs/*/test/**/*.test.ts').test('subgraphs/cases/test/unit/report.test.ts')).toBe(true);
    expect(globToRegExp('subgraphs/*/test/**/*.test.ts').test('subgraphs/cases/src/x.test.ts')).toBe(false);
    expect(globToRegExp('tests/security/**').test('tests/security/a.test.ts')).toBe(true);
    expect(tiersOf('somewhere/else.test.ts')).toEqual([]);
  });

  it('hold every test file exactly once, with one suffix (.test.ts) only', () => {
    const files = testFiles(REPOSITORY_ROOT);
    expect(files.length).toBeGreaterThan(40);
    expect(files.filter((f) => f.endsWith('.spec.ts'))).toEqual([]);
    const misplaced = files.map((file) => ({ file, tiers: tiersOf(file) })).filter((f) => f.tiers.length !== 1);
    expect(misplaced).toEqual([]);
  });

  it('put the pure tests in the unit tier and the journeys runner in the journeys tier', () => {
    expect(tiersOf('subgraphs/cases/test/unit/consent-decide.test.ts')).toEqual(['unit']);
    expect(tiersOf('packages/domain/test/bsn.test.ts')).toEqual(['unit']);
    expect(tiersOf('subgraphs/cases/test/cases.test.ts')).toEqual(['subgraphs']);
    expect(tiersOf('tests/journeys/journeys.test.ts')).toEqual(['journeys']);
    expect(tiersOf('tests/security/consent-ownership.test.ts')).toEqual(['security']);
    expect(tiersOf('tests/limits.test.ts')).toEqual(['hub']);
    expect(tiersOf('gateway/test/gateway.test.ts')).toEqual(['hub']);
    expect(tiersOf('tests/console/sociale-kaart.test.ts')).toEqual(['console']);
    expect(tiersOf('console/test/unit/errors.test.ts')).toEqual(['unit']);
  });
});
