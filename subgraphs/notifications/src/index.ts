import { runStandaloneSubgraph } from '@hub/service-kit';
import { notificationsModule } from './server.ts';

// The only file with side effects: run this subgraph as its own process (docker-compose, production).
await runStandaloneSubgraph(notificationsModule);
