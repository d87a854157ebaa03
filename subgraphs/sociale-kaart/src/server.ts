import { defineSubgraph } from '@hub/service-kit';
import { directoryCacheHints } from './cache-hints.ts';
import { createContext } from './context.ts';
import { directoryModel } from './directory/model.ts';
import { loadDemoData } from './demo-data.ts';
import { createHsdsRoutes } from './hsds/routes.ts';
import { internalRoutes } from './internal-routes.ts';
import { loadReferenceData } from './reference-data.ts';
import { resolvers } from './resolvers/index.ts';
import { socialeKaartRetention } from './retention.ts';

/** The sociale kaart: the directory with its reference data, and the public HSDS feed beside GraphQL. */
export const socialeKaartModule = defineSubgraph({
  name: 'sociale-kaart',
  folder: new URL('../', import.meta.url),
  resolvers,
  // Written by triggers only; each process reads it to keep its in-memory directory exact (src/directory/model.ts).
  appendOnlyTables: ['directory_change'],
  retention: socialeKaartRetention,
  async seed(database, options) {
    await loadReferenceData(database.db);
    if (options.demo) await loadDemoData(database.db, options.scale);
  },
  setup: (deps) => {
    // The in-memory directory is loaded as the process starts, so the first caller does not wait for it (a failure
    // here is repeated, and reported, by the first request).
    directoryModel(deps.database.db)
      .ensureFresh()
      .catch(() => undefined);
    return {
      context: createContext,
      // The HSDS open-data feed (/hsds/*): anonymous, public data only, confidential locations left out.
      publicRoutes: createHsdsRoutes(deps.database.db, { capacityStaleDays: deps.config.capacityStaleDays }),
      internalRoutes: internalRoutes(deps.database.db, deps.config.maxRequestBodyBytes),
      plugins: [directoryCacheHints(deps.config.directoryCacheSeconds)],
    };
  },
});
