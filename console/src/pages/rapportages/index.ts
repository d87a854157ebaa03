import { lazyArea } from '../lazy.ts';
import type { PageDefinition } from '../registry.ts';

const area = lazyArea(() => import('./pages.ts'));

/**
 * The half-year reports: a provider writes them, an opdrachtgever (gemeente, zorgkantoor) reads its part. `/:id` comes
 * last and these pages stand at the end of PAGES, so other `/rapportages/…` pages (e.g. `/rapportages/overzicht`)
 * match before it.
 */
export const RAPPORTAGES_PAGES = (access: PageDefinition['access']): readonly PageDefinition[] => [
  { path: '/rapportages', title: 'Rapportages', component: area.page('RapportagesPage'), preload: area.preload, access },
  { path: '/rapportages/opdrachten', title: 'Opdrachten', component: area.page('CommissionsPage'), preload: area.preload, access },
  { path: '/rapportages/:id', title: 'Halfjaarrapportage', component: area.page('HalfYearReportPage'), preload: area.preload, access },
];
