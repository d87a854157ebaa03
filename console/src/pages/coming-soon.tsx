import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { AppLink } from '../router.tsx';

/** A placeholder for an area of the console that is not built yet. */
function ComingSoon({ name, description }: { name: string; description: string }) {
  return (
    <>
      <Heading1 tabIndex={-1}>{name}</Heading1>
      <Paragraph>{description}</Paragraph>
      <Paragraph>Dit deel van de console komt binnenkort.</Paragraph>
      <Paragraph>
        <AppLink href="/sociale-kaart">Naar de sociale kaart</AppLink>
      </Paragraph>
    </>
  );
}

export const OverlegtafelPage = () => (
  <ComingSoon name="Overlegtafel" description="Hier bespreekt de regionale overlegtafel straks signalen en knelpunten in het aanbod." />
);
