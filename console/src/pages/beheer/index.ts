import { lazyArea } from '../lazy.ts';
import type { PageDefinition } from '../registry.ts';

const area = lazyArea(() => import('./pages.ts'));

export const BEHEER_PAGES = (access: PageDefinition['access']): readonly PageDefinition[] => [
  { path: '/beheer', title: 'Beheer', component: area.page('BeheerPage'), preload: area.preload, access },
  { path: '/beheer/meldingen', title: 'Meldingen voor uw organisatie', component: area.page('NotificationDefaultsPage'), preload: area.preload, access },
];
