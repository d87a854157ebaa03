import { lazyArea } from '../lazy.ts';
import type { PageDefinition } from '../registry.ts';

const area = lazyArea(() => import('./pages.ts'));

/**
 * Consultation without handover. `access`: the care roles ask for advice; the inbox of questions addressed to the
 * organisation is for its cliëntondersteuners only.
 */
export const ADVIES_PAGES = (access: PageDefinition['access']): readonly PageDefinition[] => [
  { path: '/advies', title: 'Advies vragen', component: area.page('AskConsultationPage'), preload: area.preload, access },
  { path: '/advies/ontvangen', title: 'Adviesvragen', component: area.page('ConsultationInboxPage'), preload: area.preload, access: ['CLIENTONDERSTEUNER'] },
];
