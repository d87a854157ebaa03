import { Button, Document, NavList, Paragraph, SkipLink } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { signOutEverywhere } from './auth/methods.ts';
import { hasAnyRole, useSession } from './auth/session.ts';
import { SignedInOrganizationDocument } from './generated/graphql.ts';
import { useQuery } from './graphql/use-query.ts';
import { label, ORGANIZATION_TYPE_LABELS, ROLE_LABELS } from './labels.ts';
import { NAVIGATION } from './pages/registry.ts';
import { AppLink, navigate } from './router.tsx';
import { HubLogo, UserIcon } from './ui/icons.tsx';
import { useUnreadCount } from './layout/unread-count.ts';

export const HUB_NAME = 'Cliëntondersteuning hub';

function focusMain(): void {
  document.getElementById('main')?.focus();
}

/** Who is signed in and for which organisation, or a link to sign in. */
function SessionBar() {
  const session = useSession();
  const organization = useQuery(SignedInOrganizationDocument, { id: session?.user.organizationId ?? '' }, { skip: !session?.user.organizationId });
  if (!session) {
    return (
      <div className="hub-session">
        <AppLink href="/inloggen" className="hub-session__sign-in">
          <UserIcon /> Inloggen
        </AppLink>
      </div>
    );
  }
  const { user } = session;
  const orgName = organization.data?.organization?.name ?? label(ORGANIZATION_TYPE_LABELS, user.organizationType);
  return (
    <div className="hub-session">
      <Paragraph className="hub-session__who">
        <UserIcon /> <span className="hub-session__name">{user.name ?? user.subject}</span>
        <span className="hub-session__org">
          {user.organizationId ? `${user.roles.map((r) => ROLE_LABELS[r]?.name ?? r).join(', ')} bij ${orgName}` : 'Ingelogd met DigiD'}
        </span>
      </Paragraph>
      <Button
        appearance="secondary-action-button"
        onClick={() => {
          signOutEverywhere();
          navigate('/');
        }}
      >
        Uitloggen
      </Button>
    </div>
  );
}

/**
 * "Meldingen (3)", read out as "Meldingen, 3 ongelezen meldingen"; a number that changes is not announced (it changes by
 * itself every minute, which would interrupt).
 */
function NotificationsLabel({ unread }: { unread: number | null }) {
  if (!unread) return <>Meldingen</>;
  return (
    <>
      Meldingen<span aria-hidden="true"> ({unread})</span>
      <span className="hub-visually-hidden">, {unread === 1 ? '1 ongelezen melding' : `${unread} ongelezen meldingen`}</span>
    </>
  );
}

function MainNavigation({ pathname }: { pathname: string }) {
  const session = useSession();
  const items = NAVIGATION.filter((item) => item.roles === 'everyone' || hasAnyRole(session, item.roles));
  const unread = useUnreadCount(pathname);
  return (
    <nav aria-label="Hoofdmenu" className="hub-nav">
      <NavList className="hub-nav__list">
        {items.map((item) => {
          const current = pathname === item.path || pathname.startsWith(`${item.path}/`);
          return (
            <li key={item.path} className="utrecht-nav-list__item hub-nav__item">
              <AppLink href={item.path} className="utrecht-nav-list__link" aria-current={current ? 'page' : undefined}>
                {item.path === '/meldingen' ? <NotificationsLabel unread={unread} /> : item.label}
              </AppLink>
            </li>
          );
        })}
      </NavList>
    </nav>
  );
}

export function Layout({ pathname, children, notice }: { pathname: string; children: ReactNode; notice: ReactNode }) {
  return (
    <Document className="hub-page">
      <SkipLink
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          focusMain();
        }}
      >
        Naar de inhoud
      </SkipLink>
      <header className="hub-header">
        <div className="hub-header__inner">
          <AppLink href="/" className="hub-brand">
            <HubLogo />
            <span>{HUB_NAME}</span>
          </AppLink>
          <SessionBar />
        </div>
        <MainNavigation pathname={pathname} />
      </header>
      <main id="main" tabIndex={-1} className="hub-main">
        {notice}
        {children}
      </main>
      <footer className="hub-footer">
        <Paragraph appearance="small">
          {HUB_NAME}: de sociale kaart is open data. Persoonsgegevens ziet u alleen met toestemming van de cliënt, en elke inzage wordt vastgelegd.
        </Paragraph>
      </footer>
    </Document>
  );
}
