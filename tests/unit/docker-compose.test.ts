import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { loadConfig, SUBGRAPH_NAMES } from '@hub/config';
import { REPOSITORY_ROOT } from '@hub/hub';
import { ENTRIES } from '@hub/hub/build';

/**
 * Docker does not run on the development machine, so this reads docker-compose.yml and checks that
 * everything it names exists: build contexts, commands, variables, dependencies, one service per
 * subgraph, and that the environment it gives each hub service satisfies production configuration.
 */

const root = REPOSITORY_ROOT;
const composeText = readFileSync(join(root, 'docker-compose.yml'), 'utf8');

const stringList = z.union([z.string(), z.array(z.string())]);
const serviceSchema = z.object({
  build: z.union([z.string(), z.object({ context: z.string(), dockerfile: z.string().optional() })]).optional(),
  image: z.string().optional(),
  command: stringList.optional(),
  environment: z.union([z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])), z.array(z.string())]).optional(),
  env_file: z.union([z.string(), z.array(z.union([z.string(), z.object({ path: z.string() })]))]).optional(),
  depends_on: z.union([z.array(z.string()), z.record(z.string(), z.object({ condition: z.string() }))]).optional(),
  ports: z.array(z.union([z.string(), z.number()])).optional(),
  expose: z.array(z.union([z.string(), z.number()])).optional(),
  healthcheck: z.object({ test: stringList }).optional(),
});
type Service = z.infer<typeof serviceSchema>;
// YAML merge keys (<<) carry the shared build and environment blocks.
const compose = z.object({ services: z.record(z.string(), serviceSchema) }).parse(parse(composeText, { merge: true }));
const services = Object.entries(compose.services);
const service = (name: string): Service => {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
};

const envExampleNames = new Set([...readFileSync(join(root, '.env.example'), 'utf8').matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1] ?? ''));

const envKey = (name: string) => name.toUpperCase().replace(/-/g, '_');
const commandOf = (s: Service): string[] => (Array.isArray(s.command) ? s.command : (s.command?.split(/\s+/) ?? []));
const dependencies = (s: Service): Record<string, string> =>
  Array.isArray(s.depends_on)
    ? Object.fromEntries(s.depends_on.map((d) => [d, 'service_started']))
    : Object.fromEntries(Object.entries(s.depends_on ?? {}).map(([d, v]) => [d, v.condition]));
const healthTest = (s: Service): string => [s.healthcheck?.test ?? []].flat().join(' ');

/** Values for ${VAR} references as an operator's .env would give them; every required one present. */
const operatorEnv: Record<string, string> = {
  AUTH_ISSUERS: JSON.stringify([{ issuer: 'https://login.example/issuer', jwksUrl: 'https://login.example/jwks.json' }]),
  BSN_ENCRYPTION_KEY: 'ab'.repeat(32),
  BSN_HASH_KEY: 'cd'.repeat(32),
};
function interpolate(value: string): string {
  return value.replace(/\$\{([A-Z_][A-Z0-9_]*)(?::?([-?])([^}]*))?\}/g, (_all, name: string, kind: string | undefined, rest: string | undefined) => {
    if (operatorEnv[name] !== undefined) return operatorEnv[name];
    if (kind === '-') return rest ?? '';
    return `secret-for-${name.toLowerCase()}-${'x'.repeat(24)}`;
  });
}
function environmentOf(s: Service): Record<string, string> {
  const env = s.environment ?? {};
  const entries = Array.isArray(env)
    ? env.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])
    : Object.entries(env).map(([k, v]) => [k, v === null ? '' : String(v)]);
  return Object.fromEntries(entries.map(([k, v]) => [k, interpolate(v ?? '')]));
}

const hubServices = services.filter(([, s]) => s.build !== undefined);

describe('docker-compose.yml', () => {
  it('builds every hub service from a context and Dockerfile that exist', () => {
    expect(hubServices.length).toBeGreaterThan(SUBGRAPH_NAMES.length);
    for (const [name, s] of services) {
      if (s.build === undefined) {
        expect(s.image, `${name} needs an image or a build`).toMatch(/\S/);
        continue;
      }
      const context = typeof s.build === 'string' ? s.build : s.build.context;
      const dockerfile = typeof s.build === 'string' ? 'Dockerfile' : (s.build.dockerfile ?? 'Dockerfile');
      expect(existsSync(join(root, context)), `${name}: build context ${context}`).toBe(true);
      expect(existsSync(join(root, context, dockerfile)), `${name}: ${dockerfile}`).toBe(true);
    }
  });

  it('runs compiled services with node: each command is a dist/ entry that npm run build produces from a source that exists', () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    for (const [name, s] of hubServices) {
      const [program, ...args] = commandOf(s);
      expect(program, `${name} runs node, not a TypeScript loader`).toBe('node');
      const files = args.filter((a) => !a.startsWith('-'));
      expect(files.length, `${name} names one file`).toBe(1);
      const entry = /^dist\/([a-z-]+)\.js$/.exec(files[0] ?? '')?.[1];
      expect(entry, `${name}: ${files[0]} is not dist/<entry>.js`).toBeDefined();
      const source = ENTRIES[entry ?? ''];
      expect(source, `${name}: hub/src/build.ts has no entry ${entry}`).toBeDefined();
      expect(existsSync(join(root, source ?? '')), `${name}: ${source}`).toBe(true);
    }
    expect(commandOf(service('gateway'))).toEqual(['node', 'dist/gateway.js']);
    expect(commandOf(service('migrate'))).toEqual(['node', 'dist/migrate.js']);
    // The image's default command is a compiled service too (the runtime stage is checked in dockerfile.test.ts).
    expect(dockerfile).toMatch(/^CMD \["node", "dist\/gateway\.js"\]$/m);
  });

  it('uses only variables that .env.example lists', () => {
    const used = [...composeText.matchAll(/\$\{([A-Z_][A-Z0-9_]*)/g)].map((m) => m[1] ?? '');
    expect(used.length).toBeGreaterThan(0);
    for (const name of new Set(used)) expect(envExampleNames.has(name), `${name} is missing from .env.example`).toBe(true);
  });

  it('depends only on services that exist, with conditions they can meet', () => {
    for (const [name, s] of services) {
      for (const [target, condition] of Object.entries(dependencies(s))) {
        const dependency = compose.services[target];
        expect(dependency, `${name} depends on unknown service ${target}`).toBeDefined();
        if (condition === 'service_healthy') expect(dependency?.healthcheck, `${target} needs a healthcheck`).toBeDefined();
        if (condition === 'service_completed_successfully') expect(target).toBe('migrate');
      }
    }
    expect(dependencies(service('migrate'))).toEqual({ postgres: 'service_healthy' });
  });

  it('publishes a port for the gateway only', () => {
    const published = services.filter(([, s]) => (s.ports ?? []).length > 0).map(([name]) => name);
    expect(published).toEqual(['gateway']);
  });

  it.each(SUBGRAPH_NAMES)('runs subgraph %s after the migrate job, with a health check the gateway waits for', (name) => {
    const s = service(name);
    expect(commandOf(s)).toEqual(['node', `dist/${name}.js`]);
    expect(ENTRIES[name]).toBe(`subgraphs/${name}/src/index.ts`);
    expect(existsSync(join(root, 'subgraphs', name, 'src', 'index.ts'))).toBe(true);
    expect(dependencies(s)).toEqual({ migrate: 'service_completed_successfully' });
    const env = environmentOf(s);
    const port = env[`${envKey(name)}_PORT`];
    expect(port, `${envKey(name)}_PORT`).toMatch(/^\d+$/);
    expect(healthTest(s)).toContain(`http://127.0.0.1:${port}/health`);
    expect((s.expose ?? []).map(String)).toContain(port);
    expect(environmentOf(service('gateway'))[`${envKey(name)}_URL`]).toBe(`http://${name}:${port}/graphql`);
    expect(dependencies(service('gateway'))[name]).toBe('service_healthy');
  });

  it('has no subgraph services beyond SUBGRAPH_NAMES', () => {
    const others = hubServices.map(([name]) => name).filter((name) => !['migrate', 'gateway'].includes(name));
    expect(others.sort()).toEqual([...SUBGRAPH_NAMES].sort());
  });

  it.each(hubServices.map(([name]) => name))('gives %s an environment that production configuration accepts', (name) => {
    const env = environmentOf(service(name));
    expect(env.NODE_ENV).toBe('production');
    expect(env.HOST).toBe('0.0.0.0');
    const config = loadConfig(env);
    expect(config.production).toBe(true);
    // Each subgraph purges past-term data daily in production (docs/operations.md, "Retention").
    expect(config.retention.purgeIntervalHours).toBe(24);
    if (name === 'migrate') {
      // Only the migrate job holds the administrator's URL; it provisions the roles.
      expect(config.databaseUrl).toMatch(/^postgres:\/\/hub:.+@postgres:5432\/hub$/);
      expect(config.databaseRoles.provision).toBe(true);
    } else {
      expect(config.databaseUrl).toBeUndefined();
      expect(JSON.stringify(service(name).environment)).not.toContain('POSTGRES_PASSWORD');
    }
    const subgraph = SUBGRAPH_NAMES.find((s) => s === name);
    if (subgraph) {
      // Each subgraph connects as its own runtime role and holds only that role's password.
      const schema = subgraph.replace(/-/g, '_');
      const own = new URL(config.subgraphs[subgraph].databaseUrl ?? '');
      expect(own.username).toBe(`hub_${schema}_app`);
      expect(`${own.host}${own.pathname}`).toBe('postgres:5432/hub');
      const databaseUrls = Object.keys(env).filter((k) => /^[A-Z_]+_DATABASE_URL$/.test(k));
      expect(databaseUrls).toEqual([`${envKey(subgraph)}_DATABASE_URL`]);
      expect(JSON.stringify(service(name).environment)).not.toMatch(new RegExp(`DB_PASSWORD_(?!${envKey(subgraph)}\\b)`));
    }
    for (const subgraph of SUBGRAPH_NAMES) expect(new URL(config.subgraphs[subgraph].url).hostname).toBe(subgraph);
  });

  it("gives each service only the secrets it needs: a subgraph never holds another subgraph's secret", () => {
    const secretsOf = (name: string) =>
      Object.keys(environmentOf(service(name)))
        .filter((k) => k.startsWith('SUBGRAPH_SECRET_'))
        .sort();
    const key = (name: string) => `SUBGRAPH_SECRET_${name.toUpperCase().replace(/-/g, '_')}`;
    expect(secretsOf('gateway')).toEqual(SUBGRAPH_NAMES.map(key).sort());
    for (const name of SUBGRAPH_NAMES) expect(secretsOf(name), name).toEqual([key(name)]);
    expect(secretsOf('migrate')).toEqual([]);
    expect(Object.keys(environmentOf(service('gateway')))).not.toContain('BSN_ENCRYPTION_KEY');
    expect(Object.keys(environmentOf(service('cases')))).toContain('BSN_ENCRYPTION_KEY');
    expect(Object.keys(environmentOf(service('sociale-kaart')))).not.toContain('BSN_ENCRYPTION_KEY');
  });

  it('never loads demo data: migrate sets SEED_DEMO=false, and production refuses SEED_DEMO=true from hub.env', () => {
    const env = environmentOf(service('migrate'));
    expect(env.SEED_DEMO).toBe('false');
    expect(loadConfig(env).seedDemo).toBe(false);
    const withoutSetting = Object.fromEntries(Object.entries(env).filter(([name]) => name !== 'SEED_DEMO'));
    expect(loadConfig(withoutSetting).seedDemo).toBe(false);
    expect(() => loadConfig({ ...env, SEED_DEMO: 'true' })).toThrow(/SEED_DEMO=true is refused in production/);
  });

  it('keeps PostgreSQL behind a health check and its data in a volume', () => {
    const postgres = service('postgres');
    expect(postgres.image).toMatch(/^postgres:(1[6-9]|[2-9]\d)/);
    expect(healthTest(postgres)).toContain('pg_isready');
    expect(postgres.ports).toBeUndefined();
  });
});
