import type { PageDefinition } from '../registry.ts';
import { ClientSupportPage } from './client-support.tsx';
import { ServiceDetailPage } from './detail.tsx';
import { SearchPage } from './search.tsx';
import { ServiceSheetPage } from './sheet.tsx';

/** The sociale kaart: open to everyone; signed-in professionals also see confidential addresses. */
export const SOCIALE_KAART_PAGES: readonly PageDefinition[] = [
  { path: '/sociale-kaart', title: 'Sociale kaart', component: SearchPage, access: 'public' },
  { path: '/sociale-kaart/clientondersteuning', title: 'Cliëntondersteuning in een gemeente', component: ClientSupportPage, access: 'public' },
  { path: '/sociale-kaart/diensten/:id', title: 'Dienst', component: ServiceDetailPage, access: 'public' },
  { path: '/sociale-kaart/diensten/:id/afdrukken', title: 'Informatieblad', component: ServiceSheetPage, access: 'public' },
];
