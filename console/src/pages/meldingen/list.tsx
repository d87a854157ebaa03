import { Button, ButtonGroup, Checkbox, DataBadge, FormField, FormLabel, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { MarkNotificationsReadDocument, NotificationListDocument, type NotificationListQuery } from '../../generated/graphql.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { formatDate, label, NOTIFICATION_KIND_LABELS } from '../../labels.ts';
import { setUnreadCount } from '../../layout/unread-count.ts';
import { AppLink } from '../../router.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Pager, useCursorPages } from '../../ui/pager.tsx';
import { formatDateTime, useMutation } from '../warme-overdracht/shared.tsx';
import { consolePath } from './path.ts';

const PAGE_SIZE = 20;

type Notification = NotificationListQuery['notifications']['nodes'][number];

/** "Only unread" is remembered while the tab lives, so coming back from an item shows the same list. In memory only. */
let lastUnreadOnly = false;

/** What the date of a notification means, per kind. */
const dueText = (n: Notification): string | null => {
  if (!n.dueDate) return null;
  if (n.kind.startsWith('WORKLIST')) return `Contact vóór ${formatDate(n.dueDate)}`;
  return `Antwoord uiterlijk ${formatDate(n.dueDate)}`;
};

export function NotificationsPage() {
  const [unreadOnly, setUnreadOnly] = useState(lastUnreadOnly);
  const pages = useCursorPages();
  const result = useQuery(NotificationListDocument, { unreadOnly, first: PAGE_SIZE, ...(pages.after ? { after: pages.after } : {}) });
  const mark = useMutation(MarkNotificationsReadDocument);
  const [message, setMessage] = useState<string | null>(null);
  const list = result.data?.notifications;
  const nodes = list?.nodes ?? [];

  // The menu shows the same number as this page.
  useEffect(() => {
    if (list) setUnreadCount(list.unreadCount);
  }, [list]);

  async function markRead(ids: string[] | 'all') {
    setMessage(null);
    const data = await mark.run({ input: ids === 'all' ? { all: true } : { ids } });
    if (!data) return;
    setUnreadCount(data.markNotificationsRead.unreadCount);
    if (ids === 'all') {
      setMessage(
        data.markNotificationsRead.marked === 1
          ? '1 melding is gemarkeerd als gelezen.'
          : `${data.markNotificationsRead.marked} meldingen zijn gemarkeerd als gelezen.`,
      );
    } else setMessage('De melding is gemarkeerd als gelezen.');
    // The button pressed is gone: the focus goes to the list's heading, above the message.
    document.getElementById('notifications-heading')?.focus();
    result.reload();
  }

  return (
    <div className="hub-flow">
      <Heading1 tabIndex={-1}>Meldingen</Heading1>
      <Paragraph appearance="lead">
        Hier ziet u wat er is gebeurd dat u aangaat, het nieuwste eerst. Een melding noemt geen cliënt: open de melding om te zien wat u mag zien.
      </Paragraph>
      <Paragraph>
        <AppLink href="/meldingen/instellingen">Instellingen voor e-mail over meldingen</AppLink>
      </Paragraph>
      <div className="hub-notifications__filters">
        <FormField
          type="checkbox"
          label={
            <FormLabel htmlFor="notifications-unread" type="checkbox">
              Alleen ongelezen meldingen
            </FormLabel>
          }
          input={
            <Checkbox
              id="notifications-unread"
              checked={unreadOnly}
              onChange={(e) => {
                lastUnreadOnly = e.target.checked;
                setUnreadOnly(e.target.checked);
                setMessage(null);
                pages.reset();
              }}
            />
          }
        />
        {list && list.unreadCount > 0 && (
          <Button appearance="secondary-action-button" busy={mark.busy} disabled={mark.busy} onClick={() => void markRead('all')}>
            Alles gelezen
          </Button>
        )}
      </div>

      <Heading2 id="notifications-heading" tabIndex={-1}>
        {unreadOnly ? 'Ongelezen meldingen' : 'Alle meldingen'}
      </Heading2>
      {result.error && <ErrorAlert error={result.error} headingLevel={3} />}
      {mark.error && <ErrorAlert error={mark.error} headingLevel={3} />}
      <div aria-live="polite" aria-busy={result.loading}>
        {message && <Paragraph className="hub-notifications__message">{message}</Paragraph>}
        {result.loading && !result.data && <Paragraph>Even geduld, de meldingen worden geladen…</Paragraph>}
        {list && (
          <Paragraph>
            {list.unreadCount === 0
              ? 'U heeft geen ongelezen meldingen.'
              : list.unreadCount === 1
                ? 'U heeft 1 ongelezen melding.'
                : `U heeft ${list.unreadCount} ongelezen meldingen.`}
          </Paragraph>
        )}
        {list && nodes.length === 0 && (
          <Paragraph className="hub-empty">{unreadOnly ? 'Er zijn geen ongelezen meldingen.' : 'Er zijn nog geen meldingen.'}</Paragraph>
        )}
      </div>
      {nodes.length > 0 && (
        <ul className="hub-notifications" aria-labelledby="notifications-heading">
          {nodes.map((n) => {
            const kind = label(NOTIFICATION_KIND_LABELS, n.kind);
            const href = consolePath(n.path);
            const due = dueText(n);
            return (
              <li key={n.id} className={`hub-notification${n.readAt ? '' : ' hub-notification--unread'}`}>
                <Paragraph className="hub-notification__what">
                  {!n.readAt && <DataBadge className="hub-notification__badge">Nieuw</DataBadge>}{' '}
                  {href ? (
                    <AppLink
                      href={href}
                      onClick={(event) => {
                        // Opening a notification reads it: mark it, without waiting for the answer.
                        if (!n.readAt && !event.defaultPrevented) {
                          void mark.run({ input: { ids: [n.id] } }).then((data) => data && setUnreadCount(data.markNotificationsRead.unreadCount));
                        }
                      }}
                    >
                      {kind}
                    </AppLink>
                  ) : (
                    <strong>{kind}</strong>
                  )}
                </Paragraph>
                <Paragraph appearance="small" className="hub-notification__when">
                  {formatDateTime(n.occurredAt)}
                  {due ? `. ${due}` : ''}
                  {n.readAt ? '. Gelezen' : ''}
                </Paragraph>
                {!n.readAt && (
                  <ButtonGroup>
                    <Button appearance="secondary-action-button" disabled={mark.busy} onClick={() => void markRead([n.id])}>
                      Markeer als gelezen
                      <span className="hub-visually-hidden">
                        : {kind}, {formatDateTime(n.occurredAt)}
                      </span>
                    </Button>
                  </ButtonGroup>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <nav aria-label="Pagina's">
        <Pager pages={pages} endCursor={list?.pageInfo.endCursor} hasNextPage={list?.pageInfo.hasNextPage} />
      </nav>
    </div>
  );
}
