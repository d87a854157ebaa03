import { lazyArea } from '../lazy.ts';
import type { PageDefinition } from '../registry.ts';

const area = lazyArea(() => import('./pages.ts'));

export const MELDINGEN_PAGES = (access: PageDefinition['access']): readonly PageDefinition[] => [
  { path: '/meldingen', title: 'Meldingen', component: area.page('NotificationsPage'), preload: area.preload, access },
  { path: '/meldingen/instellingen', title: 'Instellingen voor meldingen', component: area.page('NotificationSettingsPage'), preload: area.preload, access },
];
