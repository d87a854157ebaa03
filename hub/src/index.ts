export { startHub, withDevBsnKeys, type RunningHub, type StartHubOptions } from './start-hub.ts';
export { migrateAndSeed, openHubDatabase, roleSpecsOf } from './database.ts';
export { composeSupergraph, REPOSITORY_ROOT, schemaPathOf, type SupergraphComposition } from './compose.ts';
export { SUBGRAPH_MODULES } from './modules.ts';
export { startMailCatcher, type MailCatcher } from './mail-catcher.ts';
