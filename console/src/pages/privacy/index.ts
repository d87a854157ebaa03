import { lazyArea } from '../lazy.ts';
import type { PageDefinition } from '../registry.ts';

const area = lazyArea(() => import('./pages.ts'));

export const PRIVACY_PAGES = (access: PageDefinition['access']): readonly PageDefinition[] => [
  { path: '/privacy', title: 'Inzageoverzicht', component: area.page('AccessOverviewPage'), preload: area.preload, access },
  { path: '/privacy/correctieverzoeken', title: 'Correctieverzoeken', component: area.page('CorrectionRequestsPage'), preload: area.preload, access },
  { path: '/privacy/noodtoegang', title: 'Noodtoegang beoordelen', component: area.page('BreakGlassReviewPage'), preload: area.preload, access },
];
