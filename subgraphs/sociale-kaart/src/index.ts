import { runStandaloneSubgraph } from '@hub/service-kit';
import { socialeKaartModule } from './module.ts';

// The only file with side effects: run this subgraph as its own process (docker-compose, production).
await runStandaloneSubgraph(socialeKaartModule);
