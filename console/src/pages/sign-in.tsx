import { Alert, Button, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { type DevIdentity, loadSignInMethod, type SignInMethod, signOutEverywhere } from '../auth/methods.ts';
import { takeReturnPath } from '../auth/return-path.ts';
import { useSession } from '../auth/session.ts';
import { label, ORGANIZATION_TYPE_LABELS, ROLE_LABELS } from '../labels.ts';
import { navigate } from '../router.tsx';

/**
 * Signing in. In development: the demo identities, one click each (a token signed by the hub's development issuer).
 * In production: one button to the organisation's OpenID provider (auth/oidc.ts); it comes back on /inloggen/terug.
 */
export function SignInPage() {
  const session = useSession();
  const [method, setMethod] = useState<SignInMethod | undefined>(undefined);
  const [identities, setIdentities] = useState<DevIdentity[] | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState<string | undefined>(undefined);

  useEffect(() => {
    let current = true;
    loadSignInMethod()
      .then(async (m) => {
        if (!current) return;
        setMethod(m);
        if (m.mode === 'development') {
          const list = await m.identities();
          if (current) setIdentities(list);
        }
      })
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
    };
  }, []);

  async function signInAtProvider() {
    if (method?.mode !== 'oidc') return;
    setBusy('oidc');
    setFailed(false);
    try {
      // The browser leaves for the provider; busy stays on until it has.
      await method.begin(takeReturnPath());
    } catch {
      setFailed(true);
      setBusy(undefined);
    }
  }

  async function signInAs(identity: DevIdentity) {
    if (method?.mode !== 'development') return;
    setBusy(identity.subject);
    setFailed(false);
    try {
      await method.signIn(identity.subject);
      navigate(takeReturnPath() ?? (identity.roles.includes('CLIENT') ? '/mijn' : '/sociale-kaart'));
    } catch {
      setFailed(true);
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <>
      <Heading1 tabIndex={-1}>Inloggen</Heading1>
      {session && (
        <Paragraph>
          U bent ingelogd als {session.user.name ?? session.user.subject}.{' '}
          <Button appearance="subtle-button" onClick={() => signOutEverywhere()}>
            Uitloggen
          </Button>
        </Paragraph>
      )}
      {failed && (
        <Alert type="error" role="alert">
          <Paragraph>Inloggen is niet gelukt. Probeer het opnieuw.</Paragraph>
        </Alert>
      )}
      {method === undefined && !failed && <Paragraph aria-live="polite">Even geduld…</Paragraph>}
      {method?.mode === 'none' && (
        <Alert type="info">
          <Paragraph>Inloggen is op deze omgeving nog niet mogelijk. De sociale kaart kunt u zonder inloggen gebruiken.</Paragraph>
        </Alert>
      )}
      {method?.mode === 'unavailable' && (
        <Alert type="warning">
          <Paragraph>Inloggen lukt nu niet: de inlogdienst van uw organisatie antwoordt niet. Probeer het over een paar minuten opnieuw.</Paragraph>
        </Alert>
      )}
      {method?.mode === 'oidc' && !session && (
        <>
          <Paragraph>U logt in bij de inlogdienst van uw organisatie. Daarna komt u terug in de console.</Paragraph>
          <Paragraph>
            <Button appearance="primary-action-button" busy={busy === 'oidc'} disabled={busy !== undefined} onClick={() => void signInAtProvider()}>
              Inloggen bij uw organisatie
            </Button>
          </Paragraph>
          <Paragraph appearance="small">
            Uw inlog blijft alleen in dit tabblad. Als u de pagina opnieuw laadt of sluit, bent u uitgelogd. Na een tijd verloopt uw sessie en logt u opnieuw
            in.
          </Paragraph>
        </>
      )}
      {method?.mode === 'development' && (
        <>
          <Alert type="warning">
            <Paragraph>
              Dit is een testomgeving. U logt in als een van de voorbeeldgebruikers hieronder. Alle gegevens zijn verzonnen. Uw inlog blijft alleen in dit
              tabblad: als u de pagina opnieuw laadt of sluit, bent u uitgelogd.
            </Paragraph>
          </Alert>
          <Heading2>Kies een voorbeeldgebruiker</Heading2>
          <ul className="hub-identities">
            {(identities ?? []).map((identity) => (
              <li key={identity.subject} className="hub-identity">
                <Button
                  appearance="primary-action-button"
                  busy={busy === identity.subject}
                  disabled={busy !== undefined}
                  onClick={() => void signInAs(identity)}
                  aria-describedby={`identity-${identity.subject}`}
                >
                  Inloggen als {identity.name}
                </Button>
                <div id={`identity-${identity.subject}`} className="hub-identity__about">
                  <Paragraph>
                    <strong>{identity.roles.map((r) => ROLE_LABELS[r]?.name ?? r).join(' en ')}</strong> ({identity.label}
                    {identity.organizationType ? `, ${label(ORGANIZATION_TYPE_LABELS, identity.organizationType)}` : ''})
                  </Paragraph>
                  {identity.roles.map((r) => (
                    <Paragraph key={r} appearance="small">
                      {ROLE_LABELS[r]?.explanation ?? ''}
                    </Paragraph>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
