import type { LightLinkSettings } from '@hub/config';
import type { LightLinkPeers } from './peers.ts';

/** What single-use links need besides the database: their settings and the peers they ask. */
export interface LightLinkDeps {
  settings: LightLinkSettings;
  peers: LightLinkPeers;
}

let installed: LightLinkDeps | undefined;

/**
 * The notifications server installs its dependencies here when it is built, so that createLightLinksFor and
 * renderLinkMessage keep the signatures the intake and the e-mail worker call (database handle, ids, clock).
 */
export function installLightLinkDeps(deps: LightLinkDeps): void {
  installed = deps;
}

export function lightLinkDeps(): LightLinkDeps {
  if (!installed) throw new Error('Single-use links are used before the notifications server was built.');
  return installed;
}

/** The settings when installed; the documented defaults before (a unit test of the intake builds no server). */
export const lightLinkTtlHours = (): number => installed?.settings.ttlHours ?? 72;
