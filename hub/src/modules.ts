import type { SubgraphModule } from '@hub/service-kit';
import { casesModule } from '@hub/cases/module';
import { referralsModule } from '@hub/referrals/module';
import { signalsModule } from '@hub/signals/module';
import { socialeKaartModule } from '@hub/sociale-kaart/module';

/**
 * Every subgraph the hub runs, in SUBGRAPH_NAMES order. Adding a subgraph means adding its name to
 * SUBGRAPH_NAMES (@hub/config) and its module here; start-up, tests, the migrate job and composition follow.
 */
export const SUBGRAPH_MODULES: SubgraphModule[] = [socialeKaartModule, casesModule, referralsModule, signalsModule];
