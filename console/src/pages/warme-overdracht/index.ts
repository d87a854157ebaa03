import { lazyArea } from '../lazy.ts';
import type { PageDefinition } from '../registry.ts';

const area = lazyArea(() => import('./pages.ts'));

export const HANDOVER_PAGES = (access: PageDefinition['access']): readonly PageDefinition[] => [
  { path: '/warme-overdracht', title: 'Warme overdracht', component: area.page('HandoverListPage'), preload: area.preload, access },
  { path: '/warme-overdracht/nieuw', title: 'Cliënt warm overdragen', component: area.page('NewHandoverPage'), preload: area.preload, access },
  { path: '/warme-overdracht/:id', title: 'Overdracht', component: area.page('HandoverDetailPage'), preload: area.preload, access },
];
