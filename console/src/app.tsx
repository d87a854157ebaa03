import { Alert, Heading1, Paragraph } from '@utrecht/component-library-react';
import { Suspense, useEffect, useRef } from 'react';
import { rememberReturnPath } from './auth/return-path.ts';
import { clearSessionEnd, hasAnyRole, useSessionState } from './auth/session.ts';
import { HUB_NAME, Layout } from './layout.tsx';
import { PAGES } from './pages/index.ts';
import { NotFoundPage } from './pages/not-found.tsx';
import type { PageDefinition } from './pages/registry.ts';
import { AppLink, matchPath, usePathname } from './router.tsx';
import { PageErrorBoundary } from './ui/error-boundary.tsx';

function findPage(pathname: string): { page: PageDefinition; params: Record<string, string> } | undefined {
  for (const page of PAGES) {
    const params = matchPath(page.path, pathname);
    if (params) return { page, params };
  }
  return undefined;
}

function SignInNeeded({ pathname }: { pathname: string }) {
  return (
    <>
      <Heading1 tabIndex={-1}>Inloggen nodig</Heading1>
      <Paragraph>Voor deze pagina moet u ingelogd zijn.</Paragraph>
      <Paragraph>
        <AppLink href="/inloggen" onClick={() => rememberReturnPath(pathname)}>
          Inloggen
        </AppLink>
      </Paragraph>
    </>
  );
}

function NoAccess({ client }: { client: boolean }) {
  return (
    <>
      <Heading1 tabIndex={-1}>Geen toegang</Heading1>
      {client ? (
        <Paragraph>
          Deze pagina is voor medewerkers van organisaties. Uw eigen gegevens vindt u bij <AppLink href="/mijn">Mijn ondersteuning</AppLink>.
        </Paragraph>
      ) : (
        <Paragraph>
          Met uw rol kunt u deze pagina niet gebruiken. Denkt u dat dit niet klopt? Vraag dan de beheerder van uw organisatie om de juiste rol.
        </Paragraph>
      )}
    </>
  );
}

export function App() {
  const pathname = usePathname();
  const { session, ended } = useSessionState();
  const found = findPage(pathname);
  const firstRender = useRef(true);

  const title = found ? found.page.title : 'Pagina niet gevonden';
  useEffect(() => {
    document.title = `${title} – ${HUB_NAME}`;
  }, [title]);

  // After a navigation, focus moves to the new page's heading, so a screen reader announces it and Tab starts there.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per new path.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    const main = document.getElementById('main');
    const focusHeading = () => {
      const heading = document.querySelector<HTMLElement>('main h1');
      heading?.focus();
      return heading !== null;
    };
    if (focusHeading() || !main) return;
    // A page whose code is still loading has no heading yet: focus the main part now, and the heading when it comes,
    // unless the user has moved the focus elsewhere in the meantime.
    main.focus();
    const observer = new MutationObserver(() => {
      const focusIsFree = document.activeElement === main || document.activeElement === document.body;
      if (!focusIsFree || focusHeading()) stop();
    });
    const timer = window.setTimeout(() => stop(), 10_000);
    const stop = () => {
      observer.disconnect();
      window.clearTimeout(timer);
    };
    observer.observe(main, { childList: true, subtree: true });
    return stop;
  }, [pathname]);

  // After sign-in, fetch the code of the areas this user may open, so the first click on one does not wait for it.
  useEffect(() => {
    if (!session) return;
    const preloads = new Set(PAGES.filter((p) => p.preload && p.access !== 'public' && hasAnyRole(session, p.access)).map((p) => p.preload));
    for (const preload of preloads) preload?.().catch(() => undefined);
  }, [session]);

  let content: React.ReactNode;
  if (!found) content = <NotFoundPage />;
  else if (found.page.access !== 'public' && !session) content = <SignInNeeded pathname={pathname} />;
  else if (found.page.access !== 'public' && !hasAnyRole(session, found.page.access)) content = <NoAccess client={hasAnyRole(session, ['CLIENT'])} />;
  else {
    const Page = found.page.component;
    content = <Page params={found.params} />;
  }

  const notice =
    ended === 'expired' ? (
      <Alert type="warning" role="alert" className="hub-alert">
        <Paragraph>
          <strong>Uw sessie is verlopen.</strong> Log opnieuw in om verder te werken. Wat u niet had opgeslagen, is niet bewaard.
        </Paragraph>
        <Paragraph>
          <AppLink
            href="/inloggen"
            onClick={() => {
              rememberReturnPath(pathname);
              clearSessionEnd();
            }}
          >
            Opnieuw inloggen
          </AppLink>
        </Paragraph>
      </Alert>
    ) : ended === 'signed-out' ? (
      <Alert type="ok" role="status" className="hub-alert">
        <Paragraph>U bent uitgelogd.</Paragraph>
      </Alert>
    ) : null;

  return (
    <Layout pathname={pathname} notice={notice}>
      <PageErrorBoundary key={pathname}>
        <Suspense fallback={<Paragraph aria-live="polite">Even geduld, de pagina wordt geladen…</Paragraph>}>{content}</Suspense>
      </PageErrorBoundary>
    </Layout>
  );
}
