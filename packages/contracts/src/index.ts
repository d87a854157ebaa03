export * from './common.ts';
export * from './consent.ts';
export * from './directory.ts';
export * from './facts.ts';
export * from './gap-events.ts';
export * from './access-log.ts';
export * from './iwlz.ts';
export * from './notifications.ts';
