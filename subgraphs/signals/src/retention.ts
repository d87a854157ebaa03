import type { HubConfig } from '@hub/config';
import { rowsOf, sql } from '@hub/db';
import { termBefore, type RetentionTask } from '@hub/service-kit';

/**
 * A signal's free text (the reporter's own words, which may name a person or a situation) is cleared after its term;
 * the row and its coded fields stay, so counts per period, category and region (the knelpunt figures) do not change.
 */
export function signalsRetention(config: HubConfig): RetentionTask[] {
  return [
    {
      table: 'signals.signal',
      effect: 'cleared',
      batch: async (db, asOf, batchSize) => {
        const before = termBefore(asOf, { months: config.retention.signalTextMonths }).toISOString();
        const result = await db.execute(sql`update signals.signal set description = null where id in (
          select id from signals.signal where description is not null and created_at < ${before}::timestamptz
          limit ${batchSize} for update skip locked) returning 1`);
        return rowsOf(result).length;
      },
    },
  ];
}
