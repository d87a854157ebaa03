import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The peer engine (hive/) is the operator's way to a fully open-source gateway: Apollo Gateway, the composition
 * library and the query planner are under the Elastic License 2.0 (README "Licences"). So what the Hive process
 * loads must hold no Elastic-licensed package: it runs the gateway's policies from their Apollo-Gateway-free entry
 * (@hub/gateway/policies) and the committed supergraph, never composition. (Apollo Server and, from 2.15,
 * @apollo/subgraph are MIT; @apollo/subgraph up to 2.14 pulled in @apollo/federation-internals, Elastic-2.0.)
 * Each import is loaded in a fresh Node process that then lists the CommonJS modules it holds (Apollo's packages
 * are CommonJS); loading the hub's own gateway shows the check can see them.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The package folders under node_modules that one `import(specifier)` loads. */
function packagesLoadedBy(specifier: string): string[] {
  const script = `
    import { createRequire } from 'node:module';
    await import(${JSON.stringify(specifier)});
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    process.stdout.write(JSON.stringify(loaded));
  `;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  const names = (JSON.parse(out) as string[]).map((path) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1]).filter((n): n is string => !!n);
  return [...new Set(names)].sort();
}

const licenceOf = (name: string): string =>
  (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { license?: string }).license ?? '';
const elastic = (names: string[]) => names.filter((n) => /elastic/i.test(licenceOf(n)));

describe('the peer engine runs no Elastic-licensed package', () => {
  it('sees @apollo/gateway and its Elastic-licensed libraries when the hub gateway is loaded (the check can fail)', () => {
    const found = elastic(packagesLoadedBy('@hub/gateway'));
    expect(found).toContain('@apollo/gateway');
    expect(found).toContain('@apollo/query-planner');
    expect(found).toContain('@apollo/federation-internals');
  });

  it('loads none for the gateway policies entry', () => {
    expect(elastic(packagesLoadedBy('@hub/gateway/policies'))).toEqual([]);
  });

  it('loads none for the Hive Gateway server, which loads Hive', () => {
    const loaded = packagesLoadedBy('./hive/src/server.ts');
    expect(elastic(loaded)).toEqual([]);
    expect(loaded.some((n) => n.startsWith('@graphql-mesh/'))).toBe(true);
  });

  it('loads none for a subgraph host (@apollo/subgraph 2.15 is MIT throughout)', () => {
    expect(elastic(packagesLoadedBy('@hub/service-kit'))).toEqual([]);
  });
});
