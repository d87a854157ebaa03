import type { HubConfig } from '@hub/config';
import { type Db, rowsOf, sql } from '@hub/db';
import { termBefore, type RetentionTask } from '@hub/service-kit';

const count = async (db: Db, statement: ReturnType<typeof sql>) => rowsOf(await db.execute(statement)).length;

/**
 * Notifications are signposts to data kept elsewhere: after their term the e-mails that went out (or finally failed),
 * then the notifications no pending e-mail still needs, then events with no notification left are deleted.
 */
export function notificationsRetention(config: HubConfig): RetentionTask[] {
  const before = (asOf: Date) => termBefore(asOf, { days: config.retention.notificationDays }).toISOString();
  return [
    {
      table: 'notifications.email_message',
      effect: 'deleted',
      batch: (db, asOf, batchSize) =>
        count(
          db,
          sql`delete from notifications.email_message where id in (
            select id from notifications.email_message where status in ('SENT', 'FAILED') and created_at < ${before(asOf)}::timestamptz
            limit ${batchSize} for update skip locked) returning 1`,
        ),
    },
    {
      table: 'notifications.notification',
      effect: 'deleted',
      batch: (db, asOf, batchSize) =>
        count(
          db,
          sql`delete from notifications.notification where id in (
            select n.id from notifications.notification n
            where n.created_at < ${before(asOf)}::timestamptz
              and not exists (select 1 from notifications.email_message m where m.notification_id = n.id)
            limit ${batchSize} for update skip locked) returning 1`,
        ),
    },
    {
      table: 'notifications.event',
      effect: 'deleted',
      batch: (db, asOf, batchSize) =>
        count(
          db,
          sql`delete from notifications.event where id in (
            select e.id from notifications.event e
            where e.fanned_out_at is not null and e.received_at < ${before(asOf)}::timestamptz
              and not exists (select 1 from notifications.notification n where n.event_id = e.id)
            limit ${batchSize} for update skip locked) returning 1`,
        ),
    },
  ];
}
