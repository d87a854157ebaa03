import { lazyArea } from '../lazy.ts';
import { type PageDefinition, rolesOf } from '../registry.ts';

const area = lazyArea(() => import('./pages.ts'));

const access = (() => {
  const roles = rolesOf('/clienten');
  return roles === 'everyone' ? 'public' : roles;
})();

/** The client pages, for the roles that see "Cliënten" in the menu. Paths carry ids only, never a name or BSN. */
export const CLIENTEN_PAGES: readonly PageDefinition[] = [
  { path: '/clienten', title: 'Cliënten', component: area.page('CaseloadPage'), preload: area.preload, access },
  { path: '/clienten/nieuw', title: 'Nieuwe cliënt aanmelden', component: area.page('RegisterClientPage'), preload: area.preload, access },
  { path: '/clienten/correctieverzoeken', title: 'Correctieverzoeken', component: area.page('CorrectionRequestsPage'), preload: area.preload, access },
  { path: '/clienten/:id', title: 'Cliënt', component: area.page('ClientPage'), preload: area.preload, access },
  { path: '/clienten/:id/toestemming', title: 'Toestemming vastleggen', component: area.page('RecordConsentPage'), preload: area.preload, access },
  { path: '/clienten/:id/trajecten/:trajectoryId', title: 'Traject', component: area.page('TrajectoryPage'), preload: area.preload, access },
];
