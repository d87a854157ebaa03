import { ADVIES_PAGES } from './advies/index.ts';
import { BEHEER_PAGES } from './beheer/index.ts';
import { HomePage } from './home.tsx';
import { LINK_PAGES } from './link/index.ts';
import { MELDINGEN_PAGES } from './meldingen/index.ts';
import { MIJN_PAGES } from './mijn/index.ts';
import { CLIENTEN_PAGES } from './clienten/index.ts';
import { OVERLEGTAFEL_PAGES } from './overlegtafel/index.ts';
import { PRIVACY_PAGES } from './privacy/index.ts';
import { OVERZICHT_PAGE } from './rapportages/overzicht-route.ts';
import { RAPPORTAGES_PAGES } from './rapportages/index.ts';
import { type PageDefinition, rolesOf } from './registry.ts';
import { SignInPage } from './sign-in.tsx';
import { SignInCallbackPage } from './sign-in-callback.tsx';
import { SignedOutPage } from './signed-out.tsx';
import { SOCIALE_KAART_PAGES } from './sociale-kaart/index.ts';
import { HANDOVER_PAGES } from './warme-overdracht/index.ts';
import { WLZ_PAGES } from './wlz/index.ts';

/** Pages of a menu area are open to the roles that see the area in the menu. */
const accessOf = (path: string): PageDefinition['access'] => {
  const roles = rolesOf(path);
  return roles === 'everyone' ? 'public' : roles;
};

/** Every page, matched in order. */
export const PAGES: readonly PageDefinition[] = [
  { path: '/', title: 'Start', component: HomePage, access: 'public' },
  { path: '/inloggen', title: 'Inloggen', component: SignInPage, access: 'public' },
  { path: '/inloggen/terug', title: 'Inloggen', component: SignInCallbackPage, access: 'public' },
  { path: '/uitgelogd', title: 'Uitgelogd', component: SignedOutPage, access: 'public' },
  ...MIJN_PAGES(accessOf('/mijn')),
  ...SOCIALE_KAART_PAGES,
  ...CLIENTEN_PAGES,
  ...HANDOVER_PAGES(accessOf('/warme-overdracht')),
  ...WLZ_PAGES(accessOf('/nieuwe-indicaties')),
  ...OVERLEGTAFEL_PAGES(accessOf('/overlegtafel'), accessOf('/signaal-melden')),
  ...ADVIES_PAGES(accessOf('/advies')),
  ...PRIVACY_PAGES(accessOf('/privacy')),
  ...BEHEER_PAGES(accessOf('/beheer')),
  ...MELDINGEN_PAGES(accessOf('/meldingen')),
  OVERZICHT_PAGE,
  ...LINK_PAGES,
  // Last: its `/rapportages/:id` must not catch another `/rapportages/…` page.
  ...RAPPORTAGES_PAGES(accessOf('/rapportages')),
];
