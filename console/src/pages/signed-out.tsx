import { Alert, Heading1, Paragraph } from '@utrecht/component-library-react';
import { AppLink } from '../router.tsx';

/** Where the OpenID provider sends the browser after signing out there too. */
export function SignedOutPage() {
  return (
    <>
      <Heading1 tabIndex={-1}>Uitgelogd</Heading1>
      <Alert type="ok" role="status" className="hub-alert">
        <Paragraph>U bent uitgelogd, in de console en bij de inlogdienst van uw organisatie.</Paragraph>
      </Alert>
      <Paragraph>Werkt u op een computer die u met anderen deelt? Sluit dan ook de browser.</Paragraph>
      <Paragraph>
        <AppLink href="/inloggen">Opnieuw inloggen</AppLink>
      </Paragraph>
    </>
  );
}
