import type { PageDefinition } from '../registry.ts';
import { HandoverDetailPage } from './detail.tsx';
import { HandoverListPage } from './list.tsx';
import { NewHandoverPage } from './new.tsx';

export const HANDOVER_PAGES = (access: PageDefinition['access']): readonly PageDefinition[] => [
  { path: '/warme-overdracht', title: 'Warme overdracht', component: HandoverListPage, access },
  { path: '/warme-overdracht/nieuw', title: 'Cliënt warm overdragen', component: NewHandoverPage, access },
  { path: '/warme-overdracht/:id', title: 'Overdracht', component: HandoverDetailPage, access },
];
