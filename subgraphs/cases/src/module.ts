import { fileURLToPath } from 'node:url';
import { requireBsnKeys } from '@hub/config';
import { migrateSchema } from '@hub/db';
import type { SubgraphModule } from '@hub/service-kit';
import { createBsnCipher } from './bsn-crypto.ts';
import { loadDemoData } from './demo-data.ts';
import { createServer, schemaPath } from './server.ts';

export const casesModule: SubgraphModule = {
  name: 'cases',
  schemaPath,
  migrate: (database) => migrateSchema(database, { folder: fileURLToPath(new URL('../migrations', import.meta.url)), schema: 'cases' }),
  async seed(database, options) {
    if (!options.demo) return;
    // Demo BSNs are encrypted under the configured keys; without a configuration the demo clients get no BSN.
    if (options.config) requireBsnKeys(options.config);
    const cipher = options.config ? createBsnCipher(options.config.bsnEncryptionKey, options.config.bsnHashKey) : null;
    await loadDemoData(database.db, options.scale, cipher);
  },
  createServer,
};
