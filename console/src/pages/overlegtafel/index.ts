import type { PageDefinition } from '../registry.ts';
import { KnelpuntPage } from './knelpunt.tsx';
import { OverlegtafelPage } from './overview.tsx';
import { ReportSignalPage } from './report.tsx';
import { SignalsPage } from './signals.tsx';

export const OVERLEGTAFEL_PAGES = (access: PageDefinition['access']): readonly PageDefinition[] => [
  { path: '/overlegtafel', title: 'Overlegtafel', component: OverlegtafelPage, access },
  { path: '/overlegtafel/signalen', title: 'Signalen van de regio', component: SignalsPage, access },
  { path: '/overlegtafel/signaal-melden', title: 'Signaal melden', component: ReportSignalPage, access },
  { path: '/overlegtafel/knelpunten/:id', title: 'Knelpunt', component: KnelpuntPage, access },
];
