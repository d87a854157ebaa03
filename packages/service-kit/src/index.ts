export * from './http.ts';
export * from './logger.ts';
export * from './subgraph-host.ts';
export * from './module.ts';
export * from './internal-client.ts';
