import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The direction of every import in the repository. Libraries under packages/ are the bottom layer; the subgraphs
 * and the gateway stand on them and never on each other; the composition root (hub/) and the test harness
 * (testing/) sit above everything. Every workspace names in its own package.json what it imports, so the
 * package files tell the same story as the code. Files read by a path relative to the code
 * (`new URL('../data/x.csv', import.meta.url)`) follow the same direction: a subgraph reads no file of another
 * subgraph, so shared reference data lives in a library.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

type Kind = 'library' | 'subgraph' | 'gateway' | 'peer-engine' | 'console' | 'composition-root' | 'harness' | 'tests' | 'bench' | 'root';

interface Workspace {
  /** Folder relative to the repository root, `/`-separated; '' for the root package. */
  dir: string;
  name: string;
  kind: Kind;
  /** Every package named in dependencies, devDependencies or peerDependencies. */
  declared: ReadonlySet<string>;
}

interface SourceFile {
  /** Path relative to the repository root, `/`-separated. */
  path: string;
  source: string;
}

interface Violation {
  file: string;
  specifier: string;
  rule: string;
}

const BUILTINS = new Set(builtinModules);

function kindOf(dir: string): Kind {
  if (dir === '') return 'root';
  if (dir.startsWith('packages/')) return 'library';
  if (dir.startsWith('subgraphs/')) return 'subgraph';
  switch (dir) {
    case 'gateway':
      return 'gateway';
    case 'hive':
      return 'peer-engine';
    case 'console':
      return 'console';
    case 'hub':
      return 'composition-root';
    case 'testing':
      return 'harness';
    case 'tests':
      return 'tests';
    case 'bench':
      return 'bench';
    default:
      throw new Error(`Workspace ${dir} has no place in the import rules; add it to kindOf in tests/unit/architecture.test.ts.`);
  }
}

/** The kinds of workspace each kind may import; test files of any kind but a library may also use the harness. */
const MAY_IMPORT: Record<Kind, readonly Kind[]> = {
  library: ['library'],
  subgraph: ['library'],
  gateway: ['library'],
  // Hive Gateway with the hub's policies: the gateway's Apollo-free entry (@hub/gateway/policies) and the libraries.
  'peer-engine': ['library', 'gateway'],
  // The web console talks to the hub over HTTP only; it may take types (and, in its tests, values) from libraries.
  console: ['library'],
  'composition-root': ['library', 'subgraph', 'gateway'],
  harness: ['library', 'subgraph', 'gateway', 'composition-root'],
  tests: ['library', 'subgraph', 'gateway', 'console', 'composition-root', 'harness', 'bench'],
  bench: ['library', 'subgraph', 'gateway', 'composition-root'],
  root: ['library', 'subgraph', 'gateway', 'console', 'composition-root', 'harness', 'tests', 'bench'],
};

/**
 * The kinds of workspace whose files each kind may read by a relative path, besides its own: what it may import, and
 * the repository's own documents (the root workspace: docs/, README.md). Only the libraries, the subgraphs and the
 * gateway are held to it; the composition root, the harness, the tests and the benchmark stand above everything and
 * read what they run or test.
 */
const MAY_READ: Partial<Record<Kind, readonly Kind[]>> = {
  library: ['library', 'root'],
  subgraph: ['library', 'root'],
  gateway: ['library', 'root'],
  // It runs the gateway's committed supergraph.
  'peer-engine': ['library', 'gateway', 'root'],
};

const isTestFile = (path: string) => /(^|\/)test\//.test(path) || path.endsWith('.test.ts');

/** `@scope/name/sub/path` -> `@scope/name`; `name/sub` -> `name`. */
function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** The workspace a repository path belongs to: the one with the longest folder that contains it. */
function ownerOf(path: string, workspaces: readonly Workspace[]): Workspace | undefined {
  let best: Workspace | undefined;
  for (const ws of workspaces) {
    const inside = ws.dir === '' || path === ws.dir || path.startsWith(`${ws.dir}/`);
    if (inside && (!best || ws.dir.length > best.dir.length)) best = ws;
  }
  return best;
}

/** Static, type-only, re-exported and dynamic imports alike, as the TypeScript compiler reads them (not text in strings). */
function importSpecifiers(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

/**
 * Paths a source reads relative to itself: the first argument of `new URL(path, import.meta.url)`, a string or the
 * static start of a template (`../data/${name}` gives `../data/`). Only relative paths; anything computed is not seen.
 */
function fileReferences(source: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL') {
      const [path, base] = node.arguments ?? [];
      const isModuleUrl =
        base !== undefined &&
        ts.isPropertyAccessExpression(base) &&
        base.name.text === 'url' &&
        ts.isMetaProperty(base.expression) &&
        base.expression.name.text === 'meta';
      const text = path === undefined ? undefined : ts.isStringLiteralLike(path) ? path.text : ts.isTemplateExpression(path) ? path.head.text : undefined;
      if (isModuleUrl && text?.startsWith('.')) found.push(text);
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile('file.ts', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS));
  return found;
}

/** Every import that breaks the direction of the layers or is not declared by the importing workspace. */
function findViolations(workspaces: readonly Workspace[], files: readonly SourceFile[]): Violation[] {
  const byName = new Map(workspaces.map((ws) => [ws.name, ws]));
  const violations: Violation[] = [];
  for (const file of files) {
    const from = ownerOf(file.path, workspaces);
    if (!from) throw new Error(`${file.path} belongs to no workspace`);
    for (const specifier of importSpecifiers(file.source)) {
      if (specifier.startsWith('node:') || BUILTINS.has(specifier)) continue;
      let target: Workspace | undefined;
      if (specifier.startsWith('.')) {
        // A relative path into another workspace is a dependency on it all the same.
        const resolved = join(dirname(file.path), specifier).split(sep).join('/');
        if (resolved.startsWith('..')) {
          violations.push({ file: file.path, specifier, rule: 'imports a file outside the repository' });
          continue;
        }
        target = ownerOf(resolved, workspaces);
      } else {
        const name = packageNameOf(specifier);
        target = byName.get(name);
        if (!target) {
          if (!from.declared.has(name))
            violations.push({ file: file.path, specifier, rule: `uses npm package ${name}, which ${from.name}'s package.json does not declare` });
          continue;
        }
      }
      if (!target || target === from) continue;
      const allowed = MAY_IMPORT[from.kind].includes(target.kind) || (target.kind === 'harness' && isTestFile(file.path) && from.kind !== 'library');
      if (!allowed) violations.push({ file: file.path, specifier, rule: `a ${from.kind} (${from.name}) may not import a ${target.kind} (${target.name})` });
      if (from.kind !== 'root' && !from.declared.has(target.name)) {
        violations.push({ file: file.path, specifier, rule: `imports ${target.name}, which ${from.name}'s package.json does not declare` });
      }
    }
    const readable = MAY_READ[from.kind];
    if (!readable) continue;
    for (const path of fileReferences(file.source)) {
      const resolved = join(dirname(file.path), path).split(sep).join('/');
      if (resolved.startsWith('..')) {
        violations.push({ file: file.path, specifier: path, rule: 'reads a file outside the repository' });
        continue;
      }
      const target = ownerOf(resolved, workspaces);
      if (target && target !== from && !readable.includes(target.kind)) {
        violations.push({ file: file.path, specifier: path, rule: `a ${from.kind} (${from.name}) may not read a file of a ${target.kind} (${target.name})` });
      }
    }
  }
  return violations;
}

interface PackageJson {
  name?: string;
  workspaces?: string[];
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const readPackage = (dir: string) => JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as PackageJson;
const declaredIn = (pkg: PackageJson) =>
  new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);

function loadWorkspaces(): Workspace[] {
  const root = readPackage('');
  const dirs = (root.workspaces ?? []).flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern];
    const parent = pattern.slice(0, -2);
    return readdirSync(join(ROOT, parent), { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(ROOT, parent, d.name, 'package.json')))
      .map((d) => `${parent}/${d.name}`);
  });
  const workspaces = dirs.map((dir): Workspace => {
    const pkg = readPackage(dir);
    if (!pkg.name) throw new Error(`${dir}/package.json has no name`);
    return { dir, name: pkg.name, kind: kindOf(dir), declared: declaredIn(pkg) };
  });
  // The root package's own files (scripts/, vitest.config.ts) may use every workspace the root lists.
  const rootDeclared = new Set([...declaredIn(root), ...workspaces.map((ws) => ws.name)]);
  return [{ dir: '', name: root.name ?? 'root', kind: 'root', declared: rootDeclared }, ...workspaces];
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.data', '.tmp', 'coverage', 'dist']);

function loadSourceFiles(dir = ''): SourceFile[] {
  const files: SourceFile[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) files.push(...loadSourceFiles(path));
    } else if (/\.(m|c)?tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      files.push({ path, source: readFileSync(join(ROOT, path), 'utf8') });
    }
  }
  return files;
}

describe('architecture: the direction of imports', () => {
  const workspaces = loadWorkspaces();
  const files = loadSourceFiles();

  it('finds every workspace and its source files, so the rules below have something to hold', () => {
    const kinds = new Set(workspaces.map((ws) => ws.kind));
    expect([...kinds].sort()).toEqual(['bench', 'composition-root', 'console', 'gateway', 'harness', 'library', 'peer-engine', 'root', 'subgraph', 'tests']);
    expect(workspaces.find((ws) => ws.name === '@hub/hub')?.dir).toBe('hub');
    expect(workspaces.find((ws) => ws.name === '@hub/testing')?.dir).toBe('testing');
    for (const ws of workspaces.filter((w) => w.kind !== 'root')) {
      expect(
        files.some((f) => ownerOf(f.path, workspaces) === ws),
        `${ws.dir} has TypeScript files`,
      ).toBe(true);
    }
    const specifiers = files.flatMap((f) => importSpecifiers(f.source));
    expect(specifiers.filter((s) => s.startsWith('@hub/')).length).toBeGreaterThan(100);
  });

  it('libraries, subgraphs and the gateway import only downwards; every workspace declares what it imports', () => {
    expect(findViolations(workspaces, files)).toEqual([]);
  });

  it('sees the files the code reads by a relative path, so the rule on reading has something to hold', () => {
    const reads = files.flatMap((f) => fileReferences(f.source).map((path) => `${f.path} ${path}`));
    expect(reads).toContain('packages/reference-data/src/index.ts ../data/');
    expect(reads.filter((r) => r.startsWith('subgraphs/')).length).toBeGreaterThan(4);
  });
});

describe('architecture: the checker can fail', () => {
  const ws = (dir: string, name: string, declared: string[] = []): Workspace => ({ dir, name, kind: kindOf(dir), declared: new Set(declared) });
  const fake: Workspace[] = [
    ws('', 'root'),
    ws('packages/db', '@hub/db', ['drizzle-orm']),
    ws('packages/errors', '@hub/errors'),
    ws('subgraphs/cases', '@hub/cases', ['@hub/db', '@hub/testing', '@hub/sociale-kaart', 'vitest']),
    ws('subgraphs/sociale-kaart', '@hub/sociale-kaart', ['@hub/db']),
    ws('gateway', '@hub/gateway', ['@hub/cases', '@hub/errors']),
    ws('hub', '@hub/hub', ['@hub/cases', '@hub/gateway']),
    ws('testing', '@hub/testing', ['@hub/hub']),
  ];
  const rules = (files: SourceFile[]) => findViolations(fake, files).map((v) => `${v.file}: ${v.rule}`);

  it('accepts imports that follow the layers and are declared', () => {
    expect(
      rules([
        {
          path: 'packages/db/src/index.ts',
          source: `import { sql } from 'drizzle-orm';\nimport { readFileSync } from 'node:fs';\nimport { join } from 'path';`,
        },
        { path: 'subgraphs/cases/src/server.ts', source: `import type { Db } from '@hub/db';\nimport { x } from './x.ts';` },
        { path: 'subgraphs/cases/test/cases.test.ts', source: `import { startTestHub } from '@hub/testing';\nimport { it } from 'vitest';` },
        { path: 'hub/src/modules.ts', source: `import { casesModule } from '@hub/cases';\nimport '@hub/gateway';` },
        { path: 'scripts/start.ts', source: `import { startHub } from '@hub/hub';` },
      ]),
    ).toEqual([]);
  });

  it('refuses a library that imports a subgraph, the gateway, the composition root or the harness', () => {
    const found = rules([
      { path: 'packages/db/src/a.ts', source: `import { x } from '@hub/cases';` },
      { path: 'packages/db/src/b.ts', source: `import { y } from '../../../gateway/src/server.ts';` },
      { path: 'packages/db/src/c.ts', source: `export { startHub } from '@hub/hub';` },
      { path: 'packages/db/test/d.test.ts', source: `const t = await import('@hub/testing');` },
    ]);
    expect(found).toEqual([
      'packages/db/src/a.ts: a library (@hub/db) may not import a subgraph (@hub/cases)',
      "packages/db/src/a.ts: imports @hub/cases, which @hub/db's package.json does not declare",
      'packages/db/src/b.ts: a library (@hub/db) may not import a gateway (@hub/gateway)',
      "packages/db/src/b.ts: imports @hub/gateway, which @hub/db's package.json does not declare",
      'packages/db/src/c.ts: a library (@hub/db) may not import a composition-root (@hub/hub)',
      "packages/db/src/c.ts: imports @hub/hub, which @hub/db's package.json does not declare",
      'packages/db/test/d.test.ts: a library (@hub/db) may not import a harness (@hub/testing)',
      "packages/db/test/d.test.ts: imports @hub/testing, which @hub/db's package.json does not declare",
    ]);
  });

  it("refuses one subgraph's code (src or test) importing another's, by package or by relative path", () => {
    expect(
      rules([
        { path: 'subgraphs/cases/test/builders.ts', source: `import { buildOrganization } from '../../sociale-kaart/test/builders.ts';` },
        { path: 'subgraphs/cases/src/x.ts', source: `import { organization } from '@hub/sociale-kaart';` },
      ]),
    ).toEqual([
      'subgraphs/cases/test/builders.ts: a subgraph (@hub/cases) may not import a subgraph (@hub/sociale-kaart)',
      'subgraphs/cases/src/x.ts: a subgraph (@hub/cases) may not import a subgraph (@hub/sociale-kaart)',
    ]);
  });

  it('refuses the gateway importing a subgraph, and production code importing the harness', () => {
    expect(
      rules([
        { path: 'gateway/src/server.ts', source: `import { schemaPath } from '@hub/cases';` },
        { path: 'subgraphs/cases/src/server.ts', source: `import { startTestHub } from '@hub/testing';` },
      ]),
    ).toEqual([
      'gateway/src/server.ts: a gateway (@hub/gateway) may not import a subgraph (@hub/cases)',
      'subgraphs/cases/src/server.ts: a subgraph (@hub/cases) may not import a harness (@hub/testing)',
    ]);
  });

  it("refuses a subgraph, the gateway or a library reading another subgraph's files; its own, a library's and the documents pass", () => {
    const gemeenten = `const file = new URL('../../sociale-kaart/data/gemeenten.csv', import.meta.url);`;
    expect(
      rules([
        { path: 'subgraphs/cases/src/reference-data.ts', source: gemeenten },
        { path: 'subgraphs/cases/test/x.test.ts', source: `const f = (name: string) => new URL(\`../../sociale-kaart/data/\${name}\`, import.meta.url);` },
        { path: 'gateway/src/x.ts', source: `readFileSync(fileURLToPath(new URL('../../subgraphs/cases/schema.graphql', import.meta.url)));` },
        { path: 'packages/db/src/x.ts', source: `new URL("../../../subgraphs/cases/migrations", import.meta.url);` },
        { path: 'subgraphs/cases/src/y.ts', source: `new URL('../../../../etc/passwd', import.meta.url);` },
      ]),
    ).toEqual([
      'subgraphs/cases/src/reference-data.ts: a subgraph (@hub/cases) may not read a file of a subgraph (@hub/sociale-kaart)',
      'subgraphs/cases/test/x.test.ts: a subgraph (@hub/cases) may not read a file of a subgraph (@hub/sociale-kaart)',
      'gateway/src/x.ts: a gateway (@hub/gateway) may not read a file of a subgraph (@hub/cases)',
      'packages/db/src/x.ts: a library (@hub/db) may not read a file of a subgraph (@hub/cases)',
      'subgraphs/cases/src/y.ts: reads a file outside the repository',
    ]);
    expect(
      rules([
        { path: 'subgraphs/cases/src/server.ts', source: `new URL('../schema.graphql', import.meta.url); new URL('../../../docs/cases.md', import.meta.url);` },
        { path: 'subgraphs/cases/src/x.ts', source: `new URL('../../../packages/db/data/x.csv', import.meta.url); new URL('../../referrals/x', 'http://a');` },
        { path: 'hub/src/compose.ts', source: `new URL('../../subgraphs/cases/schema.graphql', import.meta.url);` },
      ]),
    ).toEqual([]);
  });

  it('refuses a @hub workspace or npm package the importing package.json does not declare', () => {
    expect(
      rules([
        {
          path: 'subgraphs/sociale-kaart/src/a.ts',
          source: `import { HubError } from '@hub/errors';\nimport { z } from 'zod';\nimport { sql } from 'drizzle-orm/sql';`,
        },
        { path: 'hub/src/b.ts', source: `import { x } from '../../packages/db/src/index.ts';` },
      ]),
    ).toEqual([
      "subgraphs/sociale-kaart/src/a.ts: imports @hub/errors, which @hub/sociale-kaart's package.json does not declare",
      "subgraphs/sociale-kaart/src/a.ts: uses npm package zod, which @hub/sociale-kaart's package.json does not declare",
      "subgraphs/sociale-kaart/src/a.ts: uses npm package drizzle-orm, which @hub/sociale-kaart's package.json does not declare",
      "hub/src/b.ts: imports @hub/db, which @hub/hub's package.json does not declare",
    ]);
  });
});
