import { lazyArea } from '../lazy.ts';
import type { PageDefinition } from '../registry.ts';

const area = lazyArea(() => import('./pages.ts'));

/** Open to anyone holding a link from an e-mail: the token in the URL's fragment is the only credential. */
export const LINK_PAGES: readonly PageDefinition[] = [{ path: '/link', title: 'Link uit een e-mail', component: area.page('LightLinkPage'), access: 'public' }];
