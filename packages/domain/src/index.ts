export * from './codes.ts';
export * from './wlz-codes.ts';
export * from './bsn.ts';
export * from './ids.ts';
export * from './demo.ts';
export * from './random.ts';
export * from './languages.ts';
export * from './working-days.ts';
