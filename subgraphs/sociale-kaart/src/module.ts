import { fileURLToPath } from 'node:url';
import { migrateSchema } from '@hub/db';
import type { SubgraphModule } from '@hub/service-kit';
import { loadDemoData } from './demo-data.ts';
import { loadReferenceData } from './reference-data.ts';
import { createServer, schemaPath } from './server.ts';

export const socialeKaartModule: SubgraphModule = {
  name: 'sociale-kaart',
  schemaPath,
  migrate: (database) => migrateSchema(database, { folder: fileURLToPath(new URL('../migrations', import.meta.url)), schema: 'sociale_kaart' }),
  async seed(database, options) {
    await loadReferenceData(database.db);
    if (options.demo) await loadDemoData(database.db, options.scale);
  },
  createServer,
};
