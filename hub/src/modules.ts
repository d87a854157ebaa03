import type { SubgraphModule } from '@hub/service-kit';
import { casesModule } from '@hub/cases';
import { notificationsModule } from '@hub/notifications';
import { referralsModule } from '@hub/referrals';
import { signalsModule } from '@hub/signals';
import { socialeKaartModule } from '@hub/sociale-kaart';

/**
 * Every subgraph the hub runs, in the order of SUBGRAPHS (@hub/config), which start-up checks. A module comes from the
 * subgraph's `defineSubgraph` (src/server.ts); start-up, tests, the migrate job and composition follow from this list.
 */
export const SUBGRAPH_MODULES: SubgraphModule[] = [socialeKaartModule, casesModule, referralsModule, signalsModule, notificationsModule];
