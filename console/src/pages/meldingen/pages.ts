/** The pages of the Meldingen area: one chunk, loaded on first use (see ../lazy.ts). */
export { NotificationsPage } from './list.tsx';
export { NotificationSettingsPage } from './settings.tsx';
