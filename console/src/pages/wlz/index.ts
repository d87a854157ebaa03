import { lazyArea } from '../lazy.ts';
import type { PageDefinition } from '../registry.ts';

const area = lazyArea(() => import('./pages.ts'));

/** The worklist "nieuwe indicaties" of the zorgkantoor, for the roles that see it in the menu. Paths carry ids only. */
export const WLZ_PAGES = (access: PageDefinition['access']): readonly PageDefinition[] => [
  { path: '/nieuwe-indicaties', title: 'Nieuwe indicaties', component: area.page('WorklistPage'), preload: area.preload, access },
  { path: '/nieuwe-indicaties/:id', title: 'Nieuwe indicatie', component: area.page('WorklistItemPage'), preload: area.preload, access },
];
