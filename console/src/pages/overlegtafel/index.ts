import { lazyArea } from '../lazy.ts';
import type { PageDefinition } from '../registry.ts';

const area = lazyArea(() => import('./pages.ts'));

/** `reportAccess`: reporting a signal is open to the care roles as well, who see the gaps first. */
export const OVERLEGTAFEL_PAGES = (access: PageDefinition['access'], reportAccess: PageDefinition['access']): readonly PageDefinition[] => [
  { path: '/overlegtafel', title: 'Overlegtafel', component: area.page('OverlegtafelPage'), preload: area.preload, access },
  { path: '/overlegtafel/signalen', title: 'Signalen van de regio', component: area.page('SignalsPage'), preload: area.preload, access },
  { path: '/signaal-melden', title: 'Signaal melden', component: area.page('ReportSignalPage'), preload: area.preload, access: reportAccess },
  { path: '/overlegtafel/knelpunten/:id', title: 'Knelpunt', component: area.page('KnelpuntPage'), preload: area.preload, access },
];
