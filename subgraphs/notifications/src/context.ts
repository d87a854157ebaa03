import type { SubgraphContext } from '@hub/service-kit';
import type { LightLinkDeps } from './light-links/deps.ts';

/** The per-request context: the kit's part (caller, ids, logger, database, configuration) and the link peers. */
export interface Context extends SubgraphContext {
  lightLinks: LightLinkDeps;
}

export const createContext = (base: SubgraphContext, lightLinks: LightLinkDeps): Context => ({ ...base, lightLinks });
