import type { NotificationItemType } from '@hub/contracts';

/**
 * The console page of a notification's item (console/src/pages): the handover, the client, the worklist item or the
 * knelpunt itself; a trajectory's page needs its client, and a signal has no page of its own, so those open the list.
 */
export function consolePathOf(itemType: NotificationItemType | string, itemId: string): string {
  switch (itemType) {
    case 'REFERRAL':
      return `/warme-overdracht/${itemId}`;
    case 'CLIENT':
      return `/clienten/${itemId}`;
    case 'TRAJECTORY':
      return '/clienten';
    case 'WLZ_INDICATIE':
      return `/nieuwe-indicaties/${itemId}`;
    case 'KNELPUNT':
      return `/overlegtafel/knelpunten/${itemId}`;
    case 'SIGNAL':
      return '/overlegtafel/signalen';
    case 'HALF_YEAR_REPORT':
      return `/rapportages/${itemId}`;
    default:
      return NOTIFICATION_CENTRE_PATH;
  }
}

/** The console's notification centre, where the digest e-mail points. */
export const NOTIFICATION_CENTRE_PATH = '/meldingen';
