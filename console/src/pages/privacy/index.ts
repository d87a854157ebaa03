import type { PageDefinition } from '../registry.ts';
import { AccessOverviewPage } from './access-overview.tsx';

export const PRIVACY_PAGES = (access: PageDefinition['access']): readonly PageDefinition[] => [
  { path: '/privacy', title: 'Inzageoverzicht', component: AccessOverviewPage, access },
];
