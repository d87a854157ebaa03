import { requireBsnKeys } from '@hub/config';
import { demoIds } from '@hub/domain';
import { allBackground, defineSubgraph, type SubgraphContext } from '@hub/service-kit';
import { accessLogPlugin } from './access-log.ts';
import { createBsnCipher } from './bsn-crypto.ts';
import { createBsnRotationLoop } from './bsn-key-rotation.ts';
import { casesConsentGate } from './consent/gate.ts';
import { createContext } from './context.ts';
import { loadDemoData } from './demo-data.ts';
import { createReportDownloadRoute } from './half-year-reports/download-route.ts';
import { remindSatisfactionMeasurements } from './half-year-reports/service.ts';
import { createInternalRoutes } from './internal-routes.ts';
import { createIwlzReceiver } from './iwlz/notifications.ts';
import { createNotificationRelay } from './notification-events.ts';
import { resolvers } from './resolvers/index.ts';
import { casesRetention } from './retention.ts';

/** Clients, trajectories, consents and the access log; the other subgraphs ask it about consent on /internal/*. */
export const casesModule = defineSubgraph({
  name: 'cases',
  folder: new URL('../', import.meta.url),
  resolvers,
  consentGate: casesConsentGate,
  // NEN 7513: the runtime role may read and append to the access log, nothing else (docs/operations.md).
  appendOnlyTables: ['access_log'],
  retention: casesRetention,
  async seed(database, options) {
    if (!options.demo) return;
    // Demo BSNs are encrypted under the configured keys; without a configuration the demo clients get no BSN.
    if (options.config) requireBsnKeys(options.config);
    const cipher = options.config ? createBsnCipher(options.config.bsnEncryptionKeys, options.config.bsnHashKeys) : null;
    await loadDemoData(database.db, options.scale, cipher);
  },
  setup(deps) {
    requireBsnKeys(deps.config);
    const services = {
      bsn: createBsnCipher(deps.config.bsnEncryptionKeys, deps.config.bsnHashKeys),
      internalSecret: deps.internalSecret,
      peerUrls: deps.peerUrls,
    };
    const { iwlz } = deps.config;
    // Outside production without configured zorgkantoren, UZOVI 5151 stands for the demo zorgkantoor Amsterdam (ZK02).
    const receivers = Object.keys(iwlz.receivers).length > 0 || deps.config.production ? iwlz.receivers : { '5151': demoIds.zorgkantoorOrganization('ZK02') };
    const iwlzReceiver = createIwlzReceiver({
      db: deps.database.db,
      settings: iwlz,
      receivers,
      bsn: services.bsn,
      logger: deps.logger.child({ component: 'iwlz' }),
      maxBodyBytes: deps.config.maxRequestBodyBytes,
    });
    const relay = createNotificationRelay({
      db: deps.database.db,
      settings: deps.config.outbox,
      peerUrls: deps.peerUrls,
      internalSecret: deps.internalSecret,
      timeoutMs: deps.config.subgraphTimeoutMs,
      logger: deps.logger.child({ component: 'outbox-relay' }),
      remindSatisfaction: (now) => remindSatisfactionMeasurements(deps.database.db, now),
    });
    // Off unless BSN_ROTATION_INTERVAL_MS asks for it: moves stored BSNs to the current keys a batch per round.
    const bsnRotation = createBsnRotationLoop({
      db: deps.database.db,
      cipher: services.bsn,
      intervalMs: deps.config.bsnRotation.intervalMs,
      batchSize: deps.config.bsnRotation.batchSize,
      logger: deps.logger.child({ component: 'bsn-key-rotation' }),
    });
    const context = (base: SubgraphContext) => createContext(base, services);
    return {
      context,
      // The downloads of half-year reports: the route checks the gateway secret and the bearer token itself.
      publicRoutes: createReportDownloadRoute({
        secret: deps.secret,
        verifyToken: deps.verifyToken,
        context: (scope) => context({ ...scope, db: deps.database.db, config: deps.config }),
      }),
      internalRoutes: createInternalRoutes(deps.database.db, deps.config.maxRequestBodyBytes),
      gatewayRoutes: iwlzReceiver.gatewayRoutes,
      // Retries the pulls of notifications whose register did not answer; relays notification events (and sweeps the
      // worklist for items past their contact deadline); moves stored BSNs to the current keys when asked to.
      background: allBackground(iwlzReceiver.background, relay, bsnRotation),
      // Writes the request's buffered access-log lines in one statement before the response leaves.
      plugins: [accessLogPlugin],
    };
  },
});
