import { Heading1, Heading2, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { hasAnyRole, useSession } from '../auth/session.ts';
import { AppLink } from '../router.tsx';
import { NAVIGATION } from './registry.ts';

export function HomePage() {
  const session = useSession();
  const areas = NAVIGATION.filter((item) => item.roles === 'everyone' || hasAnyRole(session, item.roles));
  return (
    <>
      <Heading1 tabIndex={-1}>Cliëntondersteuning hub</Heading1>
      <Paragraph appearance="lead">
        Vind hulp voor inwoners in de sociale kaart. Met de hub werken gemeenten, zorgkantoren en cliëntondersteuners samen rond één cliënt.
      </Paragraph>
      <Heading2>Waar wilt u naartoe?</Heading2>
      <UnorderedList>
        {areas.map((item) => (
          <UnorderedListItem key={item.path}>
            <AppLink href={item.path}>{item.label}</AppLink>
          </UnorderedListItem>
        ))}
        <UnorderedListItem>
          <AppLink href="/sociale-kaart/clientondersteuning">Onafhankelijke cliëntondersteuning in een gemeente</AppLink>
        </UnorderedListItem>
      </UnorderedList>
      {!session && (
        <Paragraph>
          Werkt u bij een gemeente, zorgkantoor of cliëntondersteuning? <AppLink href="/inloggen">Log dan in</AppLink> om meer te zien, zoals vertrouwelijke
          adressen.
        </Paragraph>
      )}
    </>
  );
}
