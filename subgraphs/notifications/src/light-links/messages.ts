import type { Db } from '@hub/db';
import type { LightLinkDeps } from './deps.ts';
import { findLinkById, refreshToken, revokeUnusedLink, statusOf, UNKNOWN_ORGANIZATION } from './links.ts';

/** The console page that reads the token from the fragment (never sent to a server, so never in a log or Referer). */
export const LINK_PAGE_PATH = '/link';

export const linkUrl = (consoleUrl: string, token: string) => `${consoleUrl}${LINK_PAGE_PATH}#${token}`;

const dateFormat = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** A YYYY-MM-DD date as "5 december 2026" (noon UTC, so the Amsterdam date is the same day). */
const longDate = (isoDate: string) => dateFormat.format(new Date(`${isoDate}T12:00:00Z`));

export interface LinkMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/**
 * The e-mail of a single-use link, for the e-mail worker: to the organisation's registered address (asked of the
 * sociale kaart now, never stored here), in plain Dutch (B1), with who asks, by when, the link, and that it works once
 * and expires. No client data. Each rendering mints a fresh token and stores only its hash, so the link in the latest
 * e-mail is the one that works. Null (the message is marked FAILED) when the link is no longer usable, the
 * organisation has no registered address, or the item no longer waits for the action.
 *
 * It asks the sociale kaart and referrals: call it with the database handle, not inside an open transaction (PGlite
 * has one session, and those subgraphs use it too).
 */
export async function renderLinkMessage(
  db: Db,
  lightLinkId: string,
  now: Date,
  deps: LightLinkDeps,
): Promise<{ to: string; subject: string; text: string; html?: string } | null> {
  const { peers, settings } = deps;
  const link = await findLinkById(db, lightLinkId);
  if (!link || statusOf(link, now) !== 'ACTIVE') return null;
  const [recipientContact, issuerContact] = await peers.organizationContacts([link.recipientOrganizationId, link.issuerOrganizationId]);
  const to = recipientContact?.email;
  if (!to) return null;
  const issuerName = issuerContact?.name ?? UNKNOWN_ORGANIZATION;
  const expires = dateTimeFormat.format(link.expiresAt);

  let subject: string;
  let opening: string[];
  if (link.action === 'ANSWER_HANDOVER') {
    const referral = await peers.lightReferral(link.itemId);
    if (referral?.status !== 'REQUESTED' || referral.toOrganizationId !== link.recipientOrganizationId) {
      // The handover was answered, cancelled or readdressed before this link went out (a late event): it never will.
      await revokeUnusedLink(db, link.id, now);
      return null;
    }
    subject = `${issuerName} vraagt u om een antwoord op een overdracht`;
    opening = [
      `${issuerName} wil een cliënt aan uw organisatie overdragen. Zij vragen u of u de cliënt kunt helpen.`,
      referral.respondBy ? `Geef uw antwoord uiterlijk op ${longDate(referral.respondBy)}.` : 'Geef uw antwoord zo snel mogelijk.',
      'Met de link hieronder kunt u de overdracht aannemen of weigeren. U hoeft niet in te loggen.',
    ];
  } else {
    const [service] = await peers.serviceSummaries([link.itemId]);
    if (!service?.exists || service.organizationId !== link.recipientOrganizationId || !service.name) return null;
    subject = `${issuerName} vraagt u om de plaatsen en wachttijd van ${service.name} door te geven`;
    opening = [
      `${issuerName} vraagt u door te geven of ${service.name} nieuwe cliënten kan aannemen, en hoe lang de wachttijd is.`,
      'Met de link hieronder geeft u dat door. U hoeft niet in te loggen.',
    ];
  }
  const token = await refreshToken(db, link.id, now);
  if (!token) return null;
  const url = linkUrl(settings.consoleUrl, token);
  const text = [
    'Beste lezer,',
    '',
    ...opening,
    '',
    url,
    '',
    'Let op:',
    '- De link werkt maar één keer.',
    `- De link werkt tot ${expires}. Daarna werkt hij niet meer.`,
    '- Iedereen met deze link kan antwoorden namens uw organisatie. Stuur deze e-mail dus niet door.',
    '',
    `In deze e-mail staan geen gegevens van de cliënt. Hebt u vragen? Neem dan contact op met ${issuerName}.`,
    '',
    'Met vriendelijke groet,',
    'De cliëntondersteuning-hub',
  ].join('\n');
  return { to, subject, text };
}
