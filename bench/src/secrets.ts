import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SUBGRAPH_NAMES, subgraphEnvKey } from '@hub/config';
import { ensureDevIssuer, type DevIssuer } from '@hub/identity';

/** Everything the benchmark writes that is not a result: generated keys, logs, the dataset manifest (ignored by git). */
export const BENCH_TMP = join(dirname(fileURLToPath(import.meta.url)), '..', '.tmp');

const BENCH_ISSUER = 'http://localhost/bench-issuer';
const BENCH_AUDIENCE = 'clientondersteuning-hub';

/**
 * The production-mode secrets of a benchmark run: generated once into bench/.tmp (never committed) and reused, so the
 * BSNs the data generator encrypts can be read by the cases subgraph that the benchmark starts later.
 */
export interface BenchSecrets {
  /** Hex, 32 bytes each. */
  bsnEncryptionKey: string;
  bsnHashKey: string;
  internalSecret: string;
  subgraphSecrets: Record<string, string>;
}

export function loadBenchSecrets(dir = BENCH_TMP): BenchSecrets {
  const path = join(dir, 'secrets.json');
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as BenchSecrets;
  const secrets: BenchSecrets = {
    bsnEncryptionKey: randomBytes(32).toString('hex'),
    bsnHashKey: randomBytes(32).toString('hex'),
    internalSecret: randomBytes(32).toString('base64url'),
    subgraphSecrets: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, randomBytes(32).toString('base64url')])),
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(path, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/** The issuer whose tokens the benchmark's hub trusts (a key pair in bench/.tmp/keys). */
export function loadBenchIssuer(dir = BENCH_TMP): Promise<DevIssuer> {
  return ensureDevIssuer(join(dir, 'keys'), BENCH_ISSUER, BENCH_AUDIENCE);
}

/** The environment a production-mode hub process of the benchmark runs with (plus its own ports and URLs). */
export async function benchEnvironment(databaseUrl: string, dir = BENCH_TMP): Promise<Record<string, string>> {
  const secrets = loadBenchSecrets(dir);
  const issuer = await loadBenchIssuer(dir);
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    AUTH_ISSUERS: JSON.stringify([issuer.config]),
    AUTH_AUDIENCE: BENCH_AUDIENCE,
    BSN_ENCRYPTION_KEY: secrets.bsnEncryptionKey,
    BSN_HASH_KEY: secrets.bsnHashKey,
    INTERNAL_API_SECRET: secrets.internalSecret,
    SEED_DEMO: 'false',
    // The benchmark's operations (bench/src/journeys.ts) are documents of its own, in no manifest.
    TRUSTED_DOCUMENTS: 'off',
  };
  for (const name of SUBGRAPH_NAMES) {
    env[`SUBGRAPH_SECRET_${subgraphEnvKey(name)}`] = secrets.subgraphSecrets[name] ?? '';
  }
  return env;
}
