import type { SubgraphContext } from '@hub/service-kit';
import type { RecipientRow } from './db/queries.ts';
import type { LightLinkDeps } from './light-links/deps.ts';
import type { RecipientRegistry } from './recipients.ts';

export interface Context extends SubgraphContext {
  /**
   * The signed-in professional's recipient row, recorded (or refreshed) when the request began; null for a client token
   * or an anonymous caller. Every notification field reads the caller through it.
   */
  me: () => Promise<RecipientRow | null>;
  /** What single-use links need: their settings and the peers they ask. */
  lightLinks: LightLinkDeps;
}

export function createContext(base: SubgraphContext, registry: RecipientRegistry, lightLinks: LightLinkDeps): Context {
  const { caller, db } = base;
  let recorded: Promise<RecipientRow | null> = Promise.resolve(null);
  if (caller.kind === 'user') {
    recorded = registry.recipientOf(db, caller, new Date());
    // Awaited by the resolvers that need it; a failure is reported there, not as an unhandled rejection.
    recorded.catch(() => undefined);
  }
  return { ...base, me: () => recorded, lightLinks };
}
