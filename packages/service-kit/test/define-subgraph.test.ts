import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@hub/config';
import type { Database } from '@hub/db';
import { defineSubgraph } from '../src/define-subgraph.ts';
import { createLogger } from '../src/logger.ts';
import type { SubgraphDeps } from '../src/module.ts';

/** A subgraph folder with only a schema.graphql, whose one field is consent-gated. */
const folder = mkdtempSync(join(tmpdir(), 'define-subgraph-'));
writeFileSync(
  join(folder, 'schema.graphql'),
  `directive @consentGated(category: ConsentCategory!) on FIELD_DEFINITION
   enum ConsentCategory { IDENTITY }
   type Query { bsn: String @consentGated(category: IDENTITY) }`,
);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const untouchable = new Proxy({} as Database, {
  get: () => {
    throw new Error('the database was used');
  },
});
const deps: SubgraphDeps = {
  database: untouchable,
  config: loadConfig({}),
  logger: createLogger('test', 'silent'),
  verifyToken: () => Promise.reject(new Error('no tokens here')),
  secret: 's'.repeat(32),
  internalSecret: 'i'.repeat(32),
  peerUrls: {},
};

const definition = {
  name: 'signals' as const,
  folder: pathToFileURL(`${folder}/`),
  resolvers: { Query: { bsn: () => '123456782' } },
};

describe('defineSubgraph', () => {
  it('finds schema.graphql in the folder it is given', () => {
    const module = defineSubgraph({ ...definition, setup: () => ({ context: (base) => base }) });
    expect(module.name).toBe('signals');
    expect(module.schemaPath).toBe(join(folder, 'schema.graphql'));
  });

  it('seeds nothing, and touches no database, without a seed', async () => {
    const module = defineSubgraph({ ...definition, setup: () => ({ context: (base) => base }) });
    await expect(module.seed(untouchable, { demo: true, scale: 1 })).resolves.toBeUndefined();
  });

  it('refuses to build a server whose SDL gates a field when the definition brings no consent gate', async () => {
    let setUp = false;
    const module = defineSubgraph({
      ...definition,
      setup: () => {
        setUp = true;
        return { context: (base) => base };
      },
    });
    await expect(module.createServer(deps)).rejects.toThrow('signals: @consentGated on Query.bsn needs a consentGate');
    expect(setUp).toBe(false);
  });
});
