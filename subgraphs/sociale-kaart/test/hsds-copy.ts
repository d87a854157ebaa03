import { randomBytes } from 'node:crypto';
import { prepareDatabase, type Database } from '@hub/db';
import type { HubConfig } from '@hub/config';
import { createTestDatabase } from '@hub/testing';
import { createLogger } from '@hub/service-kit';
import { socialeKaartModule } from '../src/server.ts';

/** A sociale kaart of its own on a fresh, empty database (reference data only): the target of an import in a round trip. */
export async function startEmptySocialeKaart(config: HubConfig): Promise<{ database: Database; origin: string; stop(): Promise<void> }> {
  const database = await createTestDatabase();
  await prepareDatabase(database);
  await socialeKaartModule.migrate(database);
  await socialeKaartModule.seed(database, { demo: false, scale: 1 });
  const host = await socialeKaartModule.createServer({
    database,
    config,
    logger: createLogger('sociale-kaart-copy', 'silent'),
    verifyToken: () => Promise.reject(new Error('no tokens in this test')),
    secret: randomBytes(32).toString('hex'),
    internalSecret: randomBytes(32).toString('hex'),
    peerUrls: {},
  });
  const running = await host.start(0, '127.0.0.1');
  return {
    database,
    origin: new URL(running.url).origin,
    async stop() {
      await host.stop();
      await database.close();
    },
  };
}
