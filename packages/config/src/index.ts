export * from './config.ts';
export * from './address-ranges.ts';
