import { type PageDefinition, rolesOf } from '../registry.ts';
import { CaseloadPage } from './caseload.tsx';
import { ClientPage } from './client.tsx';
import { RecordConsentPage } from './consent.tsx';
import { RegisterClientPage } from './register.tsx';
import { TrajectoryPage } from './trajectory.tsx';

const access = (() => {
  const roles = rolesOf('/clienten');
  return roles === 'everyone' ? 'public' : roles;
})();

/** The client pages, for the roles that see "Cliënten" in the menu. Paths carry ids only, never a name or BSN. */
export const CLIENTEN_PAGES: readonly PageDefinition[] = [
  { path: '/clienten', title: 'Cliënten', component: CaseloadPage, access },
  { path: '/clienten/nieuw', title: 'Nieuwe cliënt aanmelden', component: RegisterClientPage, access },
  { path: '/clienten/:id', title: 'Cliënt', component: ClientPage, access },
  { path: '/clienten/:id/toestemming', title: 'Toestemming vastleggen', component: RecordConsentPage, access },
  { path: '/clienten/:id/trajecten/:trajectoryId', title: 'Traject', component: TrajectoryPage, access },
];
