import { fileURLToPath } from 'node:url';
import { migrateSchema } from '@hub/db';
import type { SubgraphModule } from '@hub/service-kit';
import { createServer, schemaPath } from './server.ts';

/** Referrals has no reference data, and no demo data: a demo referral needs a demo client of the cases subgraph. */
export const referralsModule: SubgraphModule = {
  name: 'referrals',
  schemaPath,
  migrate: (database) => migrateSchema(database, { folder: fileURLToPath(new URL('../migrations', import.meta.url)), schema: 'referrals' }),
  async seed() {},
  createServer,
};
