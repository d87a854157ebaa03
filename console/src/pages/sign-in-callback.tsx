import { Alert, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { loadSignInMethod } from '../auth/methods.ts';
import { OidcSignInError, type SignInFailure } from '../auth/oidc.ts';
import { describeError } from '../errors.ts';
import { AppLink, navigate } from '../router.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';

/**
 * /inloggen/terug: where the OpenID provider sends the browser back with `code` and `state`. The query leaves the
 * address bar at once (no code in history); then the state is checked and the hub exchanges the code for the token.
 */

/** The callback's query, read once when the console starts on this page (before the page removes it). */
const initialQuery = window.location.pathname === '/inloggen/terug' ? window.location.search : '';

function failureOf(error: unknown): SignInFailure {
  return error instanceof OidcSignInError ? error.failure : { kind: 'hub', code: 'INTERNAL_SERVER_ERROR', extensions: {} };
}

function FailureMessage({ failure }: { failure: SignInFailure }) {
  if (failure.kind === 'hub') return <ErrorAlert error={describeError({ code: failure.code, extensions: failure.extensions })} />;
  return (
    <Alert type="error" role="alert" className="hub-alert">
      <Paragraph>
        {failure.kind === 'provider' && failure.cancelled
          ? 'U heeft het inloggen afgebroken.'
          : failure.kind === 'provider'
            ? 'De inlogdienst van uw organisatie heeft het inloggen geweigerd.'
            : 'Deze inlog is niet gestart in dit tabblad, of duurde te lang. Voor uw veiligheid gaan we niet verder.'}
      </Paragraph>
      <Paragraph>Probeer het opnieuw.</Paragraph>
    </Alert>
  );
}

export function SignInCallbackPage() {
  const [failure, setFailure] = useState<SignInFailure | undefined>(undefined);

  useEffect(() => {
    let current = true;
    if (window.location.search) window.history.replaceState(null, '', '/inloggen/terug');
    loadSignInMethod()
      .then((method) => {
        if (method.mode !== 'oidc') throw new OidcSignInError({ kind: 'state' });
        return method.complete(initialQuery);
      })
      .then(({ returnPath }) => {
        if (current) navigate(returnPath ?? '/', { replace: true });
      })
      .catch((error: unknown) => {
        if (current) setFailure(failureOf(error));
      });
    return () => {
      current = false;
    };
  }, []);

  return (
    <>
      <Heading1 tabIndex={-1}>Inloggen</Heading1>
      {failure ? (
        <>
          <FailureMessage failure={failure} />
          <Paragraph>
            <AppLink href="/inloggen">Opnieuw inloggen</AppLink>
          </Paragraph>
        </>
      ) : (
        <Paragraph aria-live="polite">Even geduld, u wordt ingelogd…</Paragraph>
      )}
    </>
  );
}
