import { lazyArea } from '../lazy.ts';
import type { PageDefinition } from '../registry.ts';

const area = lazyArea(() => import('./pages.ts'));

/** The client's own area ("Mijn ondersteuning"), for a client signed in with DigiD (role CLIENT). Paths carry no ids. */
export const MIJN_PAGES = (access: PageDefinition['access']): readonly PageDefinition[] => [
  { path: '/mijn', title: 'Mijn ondersteuning', component: area.page('MySupportPage'), preload: area.preload, access },
  { path: '/mijn/toestemmingen', title: 'Mijn toestemmingen', component: area.page('MyConsentsPage'), preload: area.preload, access },
  { path: '/mijn/inzage', title: 'Wie bekeek mijn gegevens', component: area.page('MyAccessLogPage'), preload: area.preload, access },
  { path: '/mijn/gegevens', title: 'Mijn gegevens', component: area.page('MyDataPage'), preload: area.preload, access },
];
