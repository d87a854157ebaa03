import { Paragraph } from '@utrecht/component-library-react';
import { AppLink } from '../../router.tsx';

/** The four parts of "Mijn ondersteuning", as links under each page's heading (the current one is marked). */
const PARTS = [
  { path: '/mijn', label: 'Mijn ondersteuning' },
  { path: '/mijn/toestemmingen', label: 'Mijn toestemmingen' },
  { path: '/mijn/inzage', label: 'Wie bekeek mijn gegevens' },
  { path: '/mijn/gegevens', label: 'Mijn gegevens' },
] as const;

export function MijnParts({ current }: { current: (typeof PARTS)[number]['path'] }) {
  return (
    <nav aria-label="Mijn ondersteuning" className="hub-no-print hub-mijn-parts">
      <ul>
        {PARTS.map((part) => (
          <li key={part.path}>
            <AppLink href={part.path} aria-current={part.path === current ? 'page' : undefined}>
              {part.label}
            </AppLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Shown when the hub holds nothing about the signed-in person (mySupport is null). */
export function NothingKnown() {
  return (
    <Paragraph>
      Er staan in de hub geen gegevens over u. Dat betekent dat geen van de aangesloten organisaties u nu ondersteunt. Hebt u een vraag? Zoek dan
      cliëntondersteuning in uw gemeente in de <AppLink href="/sociale-kaart">sociale kaart</AppLink>.
    </Paragraph>
  );
}

/** How the hub names who looked: the role codes of a line, in plain words for a client. */
export const PERSON_ROLE_LABELS: Record<string, string> = {
  TOEGANG: 'medewerker toegangsteam (gemeente)',
  CLIENTONDERSTEUNER: 'cliëntondersteuner',
  ZORGBEMIDDELAAR: 'klantadviseur zorgkantoor',
  PRIVACY_OFFICER: 'privacy officer',
  OVERLEGTAFEL: 'lid overlegtafel',
  BEHEERDER: 'beheerder',
  CLIENT: 'uzelf',
};

export const personRoles = (encoded: string): string =>
  encoded
    .split(',')
    .map((role) => PERSON_ROLE_LABELS[role] ?? role)
    .filter((text, i, all) => all.indexOf(text) === i)
    .join(' en ');

/** The data categories in the client's own words ("uw …"). */
export const MY_CATEGORY_LABELS: Record<string, string> = {
  IDENTITY: 'wie u bent (naam, geboortedatum, woonplaats)',
  CONTACT: 'uw contactgegevens',
  QUESTION: 'uw hulpvraag',
  PLAN: 'uw plan en doelen',
  NETWORK: 'uw netwerk (mantelzorgers, familie)',
  CONTACT_MOMENTS: 'uw contactmomenten',
  HANDOVER: 'gegevens voor een overdracht',
  CONSENT: 'uw toestemmingen',
  TRAJECTORY: 'dat u ondersteuning krijgt',
};

export const myCategories = (categories: readonly string[]): string => categories.map((c) => MY_CATEGORY_LABELS[c] ?? c).join(', ');
