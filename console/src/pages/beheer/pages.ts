/** The pages of the Beheer area: one chunk, loaded on first use (see ../lazy.ts). */
export { NotificationDefaultsPage } from './notifications.tsx';
export { BeheerPage } from './services.tsx';
