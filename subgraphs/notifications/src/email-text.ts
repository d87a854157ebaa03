import type { NotificationKind } from '@hub/contracts';
import { NOTIFICATION_CENTRE_PATH } from './paths.ts';

/**
 * The words of the e-mails (Dutch, B1). An e-mail says only what kind of thing happened and links into the console,
 * where sign-in, role and consent decide what the reader sees: no client, no name, no free text ever goes in one.
 */

/** A short name of each kind (subject line and digest list), and one sentence saying what happened. */
export const KIND_WORDS: Record<NotificationKind, { label: string; sentence: string }> = {
  HANDOVER_RECEIVED: { label: 'Nieuwe overdracht', sentence: 'Uw organisatie heeft een nieuwe overdracht gekregen.' },
  HANDOVER_DUE_SOON: { label: 'Overdracht bijna te laat', sentence: 'Een overdracht moet snel een antwoord krijgen.' },
  HANDOVER_OVERDUE: { label: 'Overdracht te laat', sentence: 'Een overdracht is over de datum.' },
  HANDOVER_ESCALATED: { label: 'Overdracht te laat: escalatie', sentence: 'Een overdracht is over de datum. U krijgt dit bericht als coördinator.' },
  HANDOVER_ACCEPTED: { label: 'Overdracht geaccepteerd', sentence: 'Uw overdracht is geaccepteerd.' },
  HANDOVER_REJECTED: { label: 'Overdracht afgewezen', sentence: 'Uw overdracht is afgewezen.' },
  CONSENT_REVOKED: { label: 'Toestemming ingetrokken', sentence: 'Een cliënt heeft een toestemming ingetrokken. U ziet nu minder.' },
  SIGNAL_FEEDBACK: { label: 'Reactie op uw signaal', sentence: 'De overlegtafel heeft gereageerd op een knelpunt met uw signaal.' },
  BREAK_GLASS_OPENED: { label: 'Dossier geopend zonder toestemming', sentence: 'Iemand heeft een dossier van uw organisatie geopend zonder toestemming.' },
  WORKLIST_ITEM: { label: 'Nieuwe indicatie', sentence: 'Er staat een nieuwe Wlz-indicatie op de werklijst.' },
  WORKLIST_OVERDUE: { label: 'Indicatie te laat', sentence: 'Een indicatie op de werklijst is over de contactdatum.' },
  WORKLIST_ESCALATED: {
    label: 'Indicatie te laat: escalatie',
    sentence: 'Een indicatie op de werklijst is over de contactdatum. U krijgt dit bericht als coördinator.',
  },
  REPORT_SUBMITTED: { label: 'Halfjaarrapportage ingediend', sentence: 'Een aanbieder van cliëntondersteuning heeft een halfjaarrapportage ingediend.' },
  REPORT_ACKNOWLEDGED: { label: 'Halfjaarrapportage ontvangen', sentence: 'Een opdrachtgever heeft uw halfjaarrapportage ontvangen.' },
  SATISFACTION_MEASUREMENT_DUE: {
    label: 'Tevredenheid meten',
    sentence: 'Het is bijna twee jaar geleden dat uw organisatie de tevredenheid van cliënten heeft gemeten. Plan een nieuwe meting.',
  },
  KNELPUNT_REOPENED: { label: 'Knelpunt weer open', sentence: 'Een opgelost knelpunt is weer open, omdat er weer signalen over komen.' },
  ZORGINKOOP_OUTCOME: { label: 'Besluit zorginkoop', sentence: 'Het zorgkantoor heeft besloten over een knelpunt met uw signaal.' },
};

const FOOTER = 'U krijgt deze e-mail omdat meldingen per e-mail aan staan. U kunt dit veranderen bij Meldingen in de hub.';

export interface MailContent {
  subject: string;
  text: string;
}

/** One notification, at once: its kind and the link to the item. */
export function immediateMail(kind: NotificationKind, consoleUrl: string, path: string): MailContent {
  const words = KIND_WORDS[kind];
  return {
    subject: `Melding: ${words.label}`,
    text: `Hallo,\n\n${words.sentence}\n\nBekijk het in de hub:\n${consoleUrl}${path}\n\n${FOOTER}\n`,
  };
}

/** The daily digest: how many notifications of each kind, in the order of the kinds, and the link to the centre. */
export function digestMail(counts: ReadonlyMap<NotificationKind, number>, consoleUrl: string): MailContent {
  const lines = (Object.keys(KIND_WORDS) as NotificationKind[])
    .filter((kind) => (counts.get(kind) ?? 0) > 0)
    .map((kind) => `- ${KIND_WORDS[kind].label}: ${counts.get(kind)}`);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return {
    subject: `Uw meldingen van vandaag (${total})`,
    text: `Hallo,\n\nU heeft nieuwe meldingen:\n${lines.join('\n')}\n\nBekijk ze in de hub:\n${consoleUrl}${NOTIFICATION_CENTRE_PATH}\n\n${FOOTER}\n`,
  };
}
