import {
  Alert,
  Button,
  Heading1,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import {
  NotificationRecipientsDocument,
  OrganizationNotificationDefaultsDocument,
  type OrganizationNotificationDefaultsQuery,
  SetNotificationCoordinatorDocument,
  UpdateOrganizationNotificationDefaultsDocument,
} from '../../generated/graphql.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { AppLink } from '../../router.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Pager, useCursorPages } from '../../ui/pager.tsx';
import { PreferencesForm } from '../meldingen/preferences.tsx';
import { formatDateTime, useMutation } from '../warme-overdracht/shared.tsx';

const PAGE_SIZE = 20;

type Defaults = OrganizationNotificationDefaultsQuery['organizationNotificationSettings'];

/** The organisation's e-mail defaults per kind of notification. */
function Defaults() {
  const result = useQuery(OrganizationNotificationDefaultsDocument, {});
  const update = useMutation(UpdateOrganizationNotificationDefaultsDocument);
  const [after, setAfter] = useState<Defaults | null>(null);
  const settings = after ?? result.data?.organizationNotificationSettings ?? null;
  return (
    <section aria-labelledby="defaults-heading">
      <Heading2 id="defaults-heading">Standaard voor e-mail</Heading2>
      <Paragraph>
        Wat krijgen de medewerkers van uw organisatie per e-mail, zolang ze zelf niets kiezen? Iedereen kan dit voor zichzelf veranderen bij Meldingen,
        Instellingen.
      </Paragraph>
      {result.error && <ErrorAlert error={result.error} headingLevel={3} />}
      {result.loading && !settings && <Paragraph aria-live="polite">Even geduld, de standaard wordt geladen…</Paragraph>}
      {settings && (
        <PreferencesForm
          preferences={settings.defaults}
          inheritedText="Nog niet gekozen (standaard: Direct)."
          saveLabel="Standaard opslaan"
          busy={update.busy}
          error={update.error}
          onSave={async (changed) => {
            const data = await update.run({ input: { defaults: changed } });
            if (!data) return false;
            setAfter(data.updateOrganizationNotificationDefaults.settings);
            return true;
          }}
        />
      )}
    </section>
  );
}

/** Who receives the organisation's escalations (overdue handovers and worklist items). */
function Coordinators() {
  const pages = useCursorPages();
  const result = useQuery(NotificationRecipientsDocument, { first: PAGE_SIZE, ...(pages.after ? { after: pages.after } : {}) });
  const set = useMutation(SetNotificationCoordinatorDocument);
  const [changed, setChanged] = useState<Record<string, boolean>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const message = useRef<HTMLDivElement>(null);
  const list = result.data?.notificationRecipients;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page from the hub replaces the local changes.
  useEffect(() => setChanged({}), [list]);
  useEffect(() => {
    if (saved) message.current?.focus();
  }, [saved]);

  async function toggle(id: string, name: string, coordinator: boolean) {
    setSaved(null);
    const data = await set.run({ input: { recipientId: id, coordinator } });
    if (!data) return;
    const after = data.setNotificationCoordinator.recipient.coordinator;
    setChanged((c) => ({ ...c, [id]: after }));
    setSaved(after ? `${name} is nu coördinator.` : `${name} is geen coördinator meer.`);
  }

  return (
    <section aria-labelledby="coordinators-heading">
      <Heading2 id="coordinators-heading">Coördinatoren</Heading2>
      <Paragraph>
        Is een overdracht of een indicatie te laat? Dan krijgen de coördinatoren van uw organisatie één keer een melding, zodat iemand het oppakt. Heeft u
        niemand gekozen, dan krijgt de beheerder die melding. U ziet hier de medewerkers die de hub al eens hebben gebruikt.
      </Paragraph>
      {result.error && <ErrorAlert error={result.error} headingLevel={3} />}
      {set.error && <ErrorAlert error={set.error} headingLevel={3} />}
      <div ref={message} tabIndex={-1} aria-live="polite">
        {saved && (
          <Alert type="ok" className="hub-alert">
            <Paragraph>{saved}</Paragraph>
          </Alert>
        )}
        {result.loading && !list && <Paragraph>Even geduld, de medewerkers worden geladen…</Paragraph>}
        {list && list.nodes.length === 0 && <Paragraph className="hub-empty">Nog niemand van uw organisatie heeft de hub gebruikt.</Paragraph>}
      </div>
      {list && list.nodes.length > 0 && (
        <div className="hub-table-scroll hub-stack-table">
          <Table>
            <TableCaption>
              Medewerkers, pagina {pages.pageNumber} ({list.totalCount} in totaal)
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Naam</TableHeaderCell>
                <TableHeaderCell scope="col">Laatst in de hub</TableHeaderCell>
                <TableHeaderCell scope="col">Coördinator</TableHeaderCell>
                <TableHeaderCell scope="col">Veranderen</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.nodes.map((r) => {
                const coordinator = changed[r.id] ?? r.coordinator;
                const name = r.name ?? 'Naam onbekend';
                return (
                  <TableRow key={r.id}>
                    <TableCell data-label="Naam">{name}</TableCell>
                    <TableCell data-label="Laatst in de hub">{formatDateTime(r.lastSeenAt)}</TableCell>
                    <TableCell data-label="Coördinator">{coordinator ? 'Ja' : 'Nee'}</TableCell>
                    <TableCell data-label="Veranderen">
                      <Button appearance="secondary-action-button" disabled={set.busy} onClick={() => void toggle(r.id, name, !coordinator)}>
                        {coordinator ? 'Geen coördinator meer' : 'Maak coördinator'}
                        <span className="hub-visually-hidden">: {name}</span>
                      </Button>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
      <nav aria-label="Pagina's van de medewerkers">
        <Pager pages={pages} endCursor={list?.pageInfo.endCursor} hasNextPage={list?.pageInfo.hasNextPage} />
      </nav>
    </section>
  );
}

/** Beheer, Meldingen: the organisation's e-mail defaults and its coordinators. */
export function NotificationDefaultsPage() {
  return (
    <div className="hub-flow">
      <Paragraph>
        <AppLink href="/beheer">Terug naar beheer</AppLink>
      </Paragraph>
      <Heading1 tabIndex={-1}>Meldingen voor uw organisatie</Heading1>
      <Paragraph appearance="lead">
        Medewerkers zien hun meldingen altijd in de hub. Hier kiest u wat ze standaard ook per e-mail krijgen, en wie de meldingen krijgt als iets te laat is.
      </Paragraph>
      <Defaults />
      <Coordinators />
    </div>
  );
}
