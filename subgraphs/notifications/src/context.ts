import type { SubgraphContext } from '@hub/service-kit';

/** The per-request context: the kit's part (caller, ids, logger, database, configuration). */
export type Context = SubgraphContext;

export const createContext = (base: SubgraphContext): Context => base;
