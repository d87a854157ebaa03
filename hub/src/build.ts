import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { SUBGRAPH_NAMES } from '@hub/config';
import { REPOSITORY_ROOT } from './compose.ts';

/**
 * `npm run build` (scripts/build.ts): compiles every service entry to plain JavaScript in dist/, so production runs `node dist/<name>.js`
 * with no TypeScript loader (tsx stays a development tool). The hub's own workspace packages (@hub/*) are bundled in;
 * every other package stays an import resolved from node_modules at run time, so the image needs exactly the
 * production dependencies of the workspaces' package.json files (npm ci --omit=dev).
 *
 * Files read at run time (each subgraph's schema.graphql and migrations/, gateway/supergraph.graphql, the reference
 * data CSVs, docs/hsds-nl-profile.md, console/dist) stay where they are in the repository: `import.meta.url` in a
 * bundled source file is rewritten to that file's own location relative to the output, so `new URL('../schema.graphql',
 * import.meta.url)` finds the same file it finds under tsx. The image therefore copies those files to the same paths.
 */

export const DIST = join(REPOSITORY_ROOT, 'dist');

/** Output name (dist/<name>.js) → source entry. Everything docker-compose runs, and the one-process hub. */
export const ENTRIES: Record<string, string> = {
  gateway: 'gateway/src/index.ts',
  ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, `subgraphs/${name}/src/index.ts`])),
  migrate: 'scripts/migrate.ts',
  start: 'scripts/start.ts',
  token: 'scripts/token.ts',
  'hsds-import': 'scripts/hsds-import.ts',
  'postcodes-import': 'scripts/postcodes-import.ts',
  'keys-rotate': 'scripts/keys-rotate.ts',
};

/**
 * Packages bundled although they come from npm: the OpenTelemetry SDK (not its API). @hub/service-kit uses SDK 2.x,
 * which npm installs in packages/service-kit/node_modules because @apollo/gateway holds 1.x at the top; dist/ resolves
 * external packages from the top only, so an external import would load 1.x. Bundling takes the same files tsx loads.
 * `@opentelemetry/api` stays external: it must be one instance per process (the gateway's spans and ours).
 */
const bundledPackage = (path: string): boolean => path.startsWith('@hub/') || (path.startsWith('@opentelemetry/') && !path.startsWith('@opentelemetry/api'));

/** Bundle @hub/*, the OpenTelemetry SDK and relative imports; leave every other bare specifier (npm packages, node: built-ins) external. */
const externalPackages: Plugin = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (bundledPackage(args.path)) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/** `import.meta.url` in a repository source file means that file's location, as it does when tsx runs it. */
const sourceLocation: Plugin = {
  name: 'source-location',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (args.path.includes('/node_modules/') || !text.includes('import.meta.url')) return undefined;
      const fromDist = relative(DIST, args.path).split('\\').join('/');
      const location = `new URL(${JSON.stringify(fromDist)}, import.meta.url).href`;
      return { contents: text.replaceAll('import.meta.url', location), loader: 'ts', resolveDir: dirname(args.path) };
    });
  },
};

export async function buildDist(): Promise<{ files: string[]; ms: number }> {
  const started = performance.now();
  rmSync(DIST, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: REPOSITORY_ROOT,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES)),
    outdir: DIST,
    outExtension: { '.js': '.js' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    sourcemap: true,
    // Shared code between entries would otherwise be copied into each; one file per entry keeps `node dist/x.js` simple.
    splitting: false,
    plugins: [externalPackages, sourceLocation],
    // Bundled CommonJS (the OpenTelemetry SDK) calls require() for node: built-ins; an ES module has none of its own.
    banner: { js: "import { createRequire as __hubCreateRequire } from 'node:module'; const require = __hubCreateRequire(import.meta.url);" },
    logLevel: 'warning',
    metafile: true,
  });
  const files = Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js'));
  return { files, ms: Math.round(performance.now() - started) };
}

/**
 * What the services read at run time besides node_modules, as paths from the repository root; the runtime image holds
 * exactly these (and the package.json files npm ci needs). console/dist comes from `npm run console:build`.
 */
export const RUNTIME_FILES: readonly string[] = [
  'dist',
  'console/dist',
  'gateway/supergraph.graphql',
  // The console's operations: the trusted documents the gateway enforces in production (TRUSTED_DOCUMENTS_MANIFEST),
  // and the operation names its metrics label (METRICS_OPERATION_MANIFEST).
  'console/src/generated/persisted-documents.json',
  ...SUBGRAPH_NAMES.flatMap((name) => [`subgraphs/${name}/schema.graphql`, `subgraphs/${name}/migrations`]),
  'packages/reference-data/data',
  // Served at /hsds/profile.
  'docs/hsds-nl-profile.md',
  // Not read, but every copy of the Work carries its licence (EUPL-1.2 art. 5).
  'LICENSE',
];

/** Copies {@link RUNTIME_FILES} into `target` at the same relative paths (the runtime image's layout). */
export function stageRuntimeFiles(target: string): void {
  for (const path of RUNTIME_FILES) {
    const from = join(REPOSITORY_ROOT, path);
    if (!existsSync(from)) throw new Error(`${path} is missing: run npm run build and npm run console:build first.`);
    cpSync(from, join(target, path), { recursive: true });
  }
}
