export * from './config.ts';
export * from './subgraphs.ts';
export * from './address-ranges.ts';
export * from './bsn-keys.ts';
export * from './env-file.ts';
