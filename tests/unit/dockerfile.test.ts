import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { REPOSITORY_ROOT } from '@hub/hub';
import { ENTRIES, RUNTIME_FILES } from '@hub/hub/build';

/**
 * Docker does not run on the development machine, so this reads the Dockerfile and checks the promises of the image:
 * the dependency layer is built from the manifests alone (every workspace's package.json, so npm ci works and the
 * layer stays cached across source changes), and the runtime stage is a supported Node LTS with production
 * dependencies only, the compiled services and no tsx, tests or benchmark code, running as an unprivileged user.
 * tests/dist-start.test.ts starts the hub from the same staged files.
 */

const root = REPOSITORY_ROOT;
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
const rootPackage = z.object({ workspaces: z.array(z.string()) }).parse(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')));

/** Each stage's instructions (continuation lines joined), by stage name. */
function stages(): Map<string, string[]> {
  const result = new Map<string, string[]>();
  let current: string[] | undefined;
  const lines = dockerfile.replace(/\\\n\s*/g, ' ').split('\n');
  for (const line of lines.map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))) {
    const from = /^FROM\s+\S+\s+AS\s+(\S+)$/i.exec(line);
    if (from?.[1]) {
      current = [line];
      result.set(from[1], current);
    } else current?.push(line);
  }
  return result;
}
const stageOf = (name: string): string[] => {
  const found = stages().get(name);
  if (!found) throw new Error(`The Dockerfile has no stage ${name}`);
  return found;
};

/** Workspace folders from the root package.json globs (one level: `packages/*`). */
function workspaceDirs(): string[] {
  return rootPackage.workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern];
    const parent = pattern.slice(0, -2);
    return readdirSync(join(root, parent))
      .map((name) => `${parent}/${name}`)
      .filter((dir) => existsSync(join(root, dir, 'package.json')));
  });
}

describe('Dockerfile', () => {
  it('installs dependencies from the manifests alone, one COPY per workspace package.json, before any source', () => {
    const manifests = stageOf('manifests');
    const copied = manifests.filter((l) => l.startsWith('COPY ')).map((l) => l.split(/\s+/)[1]);
    expect(copied).toContain('package.json');
    expect(manifests.some((l) => /^COPY package\.json package-lock\.json/.test(l))).toBe(true);
    const dirs = workspaceDirs();
    expect(dirs.length).toBeGreaterThan(10);
    for (const dir of dirs) expect(copied, `${dir}/package.json is not copied before npm ci`).toContain(`${dir}/package.json`);
    expect(
      manifests.some((l) => /^COPY \.\s/.test(l)),
      'no sources in the manifests stage',
    ).toBe(false);
    expect(stageOf('deps').join('\n')).toMatch(/RUN npm ci\b/);
    expect(stageOf('prod-deps').join('\n')).toMatch(/RUN npm ci --omit=dev\b/);
  });

  it('installs the production dependencies of the service workspaces only: no console, tests, benchmark or Hive Gateway', () => {
    const install = stageOf('prod-deps').find((l) => l.startsWith('RUN npm ci')) ?? '';
    const selected = [...install.matchAll(/-w (\S+)/g)].map((m) => m[1]);
    expect(install).toMatch(/--include-workspace-root/);
    const serviceWorkspaces = workspaceDirs().filter((dir) => !['console', 'tests', 'testing', 'bench', 'hive'].includes(dir));
    expect(selected.sort()).toEqual(serviceWorkspaces.sort());
  });

  it('builds dist/ and the console in the build stage, and stages the runtime files', () => {
    const build = stageOf('build').join('\n');
    expect(build).toMatch(/^FROM deps AS build/);
    expect(build).toMatch(/npm run console:build/);
    expect(build).toMatch(/npm run build -- --stage \/runtime/);
  });

  it('runs on a supported Node LTS (22 or newer), production dependencies only, no tsx, as the node user', () => {
    const image = /^ARG NODE_IMAGE=node:(\d+)-slim$/m.exec(dockerfile);
    expect(Number(image?.[1])).toBeGreaterThanOrEqual(22);
    const runtime = stageOf('runtime');
    const text = runtime.join('\n');
    expect(runtime[0]).toMatch(/^FROM \$\{NODE_IMAGE\} AS runtime$/);
    // Only the production install and the staged files come in: no `COPY .`, nothing from the full install.
    const copies = runtime.filter((l) => l.startsWith('COPY '));
    expect(copies).toEqual(['COPY --from=prod-deps /app ./', 'COPY --from=build /runtime ./']);
    expect(text).not.toMatch(/\btsx\b/);
    expect(text).toMatch(/^USER node$/m);
    expect(text).toMatch(/^HEALTHCHECK .*CMD \["node", "-e", ".*\/health/m);
    expect(text).toMatch(/^CMD \["node", "dist\/gateway\.js"\]$/m);
    expect(text).toMatch(/NODE_ENV=production/);
  });

  it('bounds the heap of every service by default (NODE_OPTIONS), so each process stays under 300 MB RSS under load', () => {
    // docs/operations.md, "Memory"; npm run bench starts the services with the same NODE_OPTIONS and fails without them.
    const text = stageOf('runtime').join('\n');
    const limit = /NODE_OPTIONS=\S*--max-old-space-size=(\d+)/.exec(text);
    expect(Number(limit?.[1])).toBeGreaterThan(0);
    expect(Number(limit?.[1])).toBeLessThanOrEqual(512);
  });

  it('stages compiled code and data files only: no TypeScript sources, tests or benchmark code', () => {
    expect(RUNTIME_FILES).toContain('dist');
    expect(RUNTIME_FILES).toContain('console/dist');
    // The console's codegen writes its operations manifest beside its source: a generated data file, which the gateway
    // enforces as the trusted documents in production.
    const generatedData = new Set(['console/src/generated/persisted-documents.json']);
    expect(RUNTIME_FILES).toContain('console/src/generated/persisted-documents.json');
    for (const path of RUNTIME_FILES.filter((p) => !generatedData.has(p))) {
      expect(path, path).not.toMatch(/(^|\/)(src|test|tests|bench)(\/|$)|\.ts$/);
    }
    for (const [name, source] of Object.entries(ENTRIES)) expect(existsSync(join(root, source)), `${name}: ${source}`).toBe(true);
  });

  it('keeps local state, secrets and build output out of the build context', () => {
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['node_modules', '**/node_modules', '.env', '.data', '.git', 'dist', 'console/dist']) expect(ignored).toContain(entry);
  });
});
