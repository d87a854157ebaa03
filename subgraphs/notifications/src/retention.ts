import type { HubConfig } from '@hub/config';
import { sql } from '@hub/db';
import { deleteExpired, termBefore, type RetentionTask } from '@hub/service-kit';

/**
 * Notifications are signposts to data kept elsewhere: after their term the e-mails that went out (or finally failed),
 * then the notifications no pending e-mail still needs, then events with no notification left are deleted.
 */
export function notificationsRetention(config: HubConfig): RetentionTask[] {
  const before = (asOf: Date) => termBefore(asOf, { days: config.retention.notificationDays }).toISOString();
  return [
    deleteExpired(
      'notifications.email_message',
      (asOf) => sql`select id from notifications.email_message where status in ('SENT', 'FAILED') and created_at < ${before(asOf)}::timestamptz`,
    ),
    deleteExpired(
      'notifications.notification',
      (asOf) => sql`select n.id from notifications.notification n
        where n.created_at < ${before(asOf)}::timestamptz
          and not exists (select 1 from notifications.email_message m where m.notification_id = n.id)`,
    ),
    deleteExpired(
      'notifications.event',
      (asOf) => sql`select e.id from notifications.event e
        where e.fanned_out_at is not null and e.received_at < ${before(asOf)}::timestamptz
          and not exists (select 1 from notifications.notification n where n.event_id = e.id)`,
    ),
  ];
}
