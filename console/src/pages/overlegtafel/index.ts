import { lazyArea } from '../lazy.ts';
import type { PageDefinition } from '../registry.ts';

const area = lazyArea(() => import('./pages.ts'));

export const OVERLEGTAFEL_PAGES = (access: PageDefinition['access']): readonly PageDefinition[] => [
  { path: '/overlegtafel', title: 'Overlegtafel', component: area.page('OverlegtafelPage'), preload: area.preload, access },
  { path: '/overlegtafel/signalen', title: 'Signalen van de regio', component: area.page('SignalsPage'), preload: area.preload, access },
  { path: '/overlegtafel/signaal-melden', title: 'Signaal melden', component: area.page('ReportSignalPage'), preload: area.preload, access },
  { path: '/overlegtafel/knelpunten/:id', title: 'Knelpunt', component: area.page('KnelpuntPage'), preload: area.preload, access },
];
