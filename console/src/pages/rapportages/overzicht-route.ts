import { lazyArea } from '../lazy.ts';
import type { PageDefinition } from '../registry.ts';

const area = lazyArea(() => import('./overzicht-page.ts'));

/** Vraag en aanbod: for beleidsmedewerkers of a gemeente or zorgkantoor, and the overlegtafel of a region. */
export const OVERZICHT_PAGE: PageDefinition = {
  path: '/rapportages/overzicht',
  title: 'Vraag en aanbod',
  component: area.page('VraagEnAanbodPage'),
  preload: area.preload,
  access: ['BELEIDSMEDEWERKER', 'OVERLEGTAFEL'],
};
