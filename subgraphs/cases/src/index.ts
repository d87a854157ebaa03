import { runStandaloneSubgraph } from '@hub/service-kit';
import { casesModule } from './server.ts';

// The only file with side effects: run this subgraph as its own process (docker-compose, production).
await runStandaloneSubgraph(casesModule);
