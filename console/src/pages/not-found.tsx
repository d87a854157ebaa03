import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { AppLink } from '../router.tsx';

export function NotFoundPage() {
  return (
    <>
      <Heading1 tabIndex={-1}>Pagina niet gevonden</Heading1>
      <Paragraph>Deze pagina bestaat niet (meer). Misschien is het adres verkeerd overgenomen.</Paragraph>
      <Paragraph>
        <AppLink href="/">Naar de startpagina</AppLink>
      </Paragraph>
    </>
  );
}
