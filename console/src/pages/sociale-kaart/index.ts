import type { PageDefinition } from '../registry.ts';
import { SearchPage } from './search.tsx';

export const SOCIALE_KAART_PAGES: readonly PageDefinition[] = [{ path: '/sociale-kaart', title: 'Sociale kaart', component: SearchPage, access: 'public' }];
