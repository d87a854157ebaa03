import type { LightLinkSettings } from '@hub/config';
import type { LightLinkPeers } from './peers.ts';

/** What single-use links need besides the database: their settings and the peers they ask. */
export interface LightLinkDeps {
  settings: LightLinkSettings;
  peers: LightLinkPeers;
}
