import type { ComponentType } from 'react';
import type { Role } from '../auth/session.ts';

/**
 * Every page of the console, in one list (pages/index.ts). A new journey adds its page file(s) and a line there, and
 * its menu item in NAVIGATION below: the layout, router, sign-in and access checks need no change.
 */
export interface PageProps {
  /** The path parameters (e.g. `id` of `/sociale-kaart/diensten/:id`). */
  params: Record<string, string>;
}

export interface PageDefinition {
  /** Path pattern; `:name` matches one segment. Ids only: never a BSN, a name or search text. */
  path: string;
  /** The document title (before " – Cliëntondersteuning hub"). */
  title: string;
  component: ComponentType<PageProps>;
  /** Who may open the page: everyone, or signed-in users with one of these roles. */
  access: 'public' | readonly Role[];
  /** For a page loaded on first use: fetches its code ahead of time (after sign-in, for the user's areas). */
  preload?: () => Promise<unknown>;
}

export interface NavigationItem {
  label: string;
  path: string;
  /** Shown to everyone, or to signed-in users with one of these roles. */
  roles: 'everyone' | readonly Role[];
}

const CASEWORK: readonly Role[] = ['TOEGANG', 'CLIENTONDERSTEUNER', 'ZORGBEMIDDELAAR'];

/** The main menu, per role. Areas not built yet lead to a short "komt binnenkort" page. */
export const NAVIGATION: readonly NavigationItem[] = [
  { label: 'Mijn ondersteuning', path: '/mijn', roles: ['CLIENT'] },
  { label: 'Sociale kaart', path: '/sociale-kaart', roles: 'everyone' },
  { label: 'Cliënten', path: '/clienten', roles: CASEWORK },
  { label: 'Warme overdracht', path: '/warme-overdracht', roles: CASEWORK },
  // The klantadviseurs of a zorgkantoor: new Wlz indicaties from the CIZ.
  { label: 'Nieuwe indicaties', path: '/nieuwe-indicaties', roles: ['ZORGBEMIDDELAAR'] },
  { label: 'Signaal melden', path: '/signaal-melden', roles: [...CASEWORK, 'OVERLEGTAFEL'] },
  { label: 'Advies', path: '/advies', roles: CASEWORK },
  { label: 'Overlegtafel', path: '/overlegtafel', roles: ['OVERLEGTAFEL'] },
  { label: 'Privacy', path: '/privacy', roles: ['PRIVACY_OFFICER'] },
  { label: 'Beheer', path: '/beheer', roles: ['BEHEERDER'] },
  // Half-year reports: the provider writes them, the opdrachtgever (gemeente, zorgkantoor) reads them.
  { label: 'Rapportages', path: '/rapportages', roles: ['BELEIDSMEDEWERKER', 'BEHEERDER'] },
  // Every professional: the menu item also shows the number of unread notifications (layout.tsx).
  {
    label: 'Meldingen',
    path: '/meldingen',
    roles: ['TOEGANG', 'CLIENTONDERSTEUNER', 'ZORGBEMIDDELAAR', 'OVERLEGTAFEL', 'BEHEERDER', 'PRIVACY_OFFICER', 'BELEIDSMEDEWERKER'],
  },
];

export const rolesOf = (path: string): 'everyone' | readonly Role[] => NAVIGATION.find((item) => item.path === path)?.roles ?? 'everyone';
