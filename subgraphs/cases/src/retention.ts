import type { HubConfig } from '@hub/config';
import { sql } from '@hub/db';
import { deleteExpired, purgeByOwnerFunction, termBefore, type RetentionTask } from '@hub/service-kit';

/**
 * What the cases subgraph removes after its term (docs/operations.md, "Retention"), in dependency order: contact
 * moments before their trajectory, trajectories before the consents that covered them, a client only when nothing of
 * theirs is left. Every batch claims its rows with SKIP LOCKED, so replicas running at once never take the same row.
 */
export function casesRetention(config: HubConfig): RetentionTask[] {
  const { accessLogYears, trajectoryYears } = config.retention;
  const closedBefore = (asOf: Date) => termBefore(asOf, { years: trajectoryYears }).toISOString();
  /** A closed trajectory past its term that nothing else points at (a Wlz indicatie item keeps it). */
  const expiredTrajectory = (asOf: Date) => sql`
    t.status = 'CLOSED' and t.closed_at < ${closedBefore(asOf)}::timestamptz
    and not exists (select 1 from cases.wlz_indicatie_item w where w.trajectory_id = t.id)`;
  return [
    // The owner's function decides: never a line younger than five years, whatever `before` says.
    purgeByOwnerFunction('cases.access_log', 'cases.purge_access_log', (asOf) => termBefore(asOf, { years: accessLogYears })),
    deleteExpired(
      'cases.contact_moment',
      (asOf) => sql`select c.id from cases.contact_moment c join cases.trajectory t on t.id = c.trajectory_id where ${expiredTrajectory(asOf)}`,
      { lockOf: 'c' },
    ),
    deleteExpired(
      'cases.trajectory',
      (asOf) => sql`select t.id from cases.trajectory t
        where ${expiredTrajectory(asOf)} and not exists (select 1 from cases.contact_moment c where c.trajectory_id = t.id)`,
    ),
    // An ended consent is the proof for the data it covered: it goes once it ended a term ago and the client has no
    // trajectory left (the data it covered is gone).
    deleteExpired(
      'cases.consent',
      (asOf) => sql`select k.id from cases.consent k
        where coalesce(k.revoked_at, k.valid_until) < ${closedBefore(asOf)}::timestamptz
          and not exists (select 1 from cases.trajectory t where t.client_id = k.client_id)`,
    ),
    // A client registered over a term ago with nothing left: no trajectory, consent, indicatie, break-glass opening or
    // correction request. The access log keeps the client's id (never a name or BSN) for its own term.
    deleteExpired(
      'cases.client',
      (asOf) => sql`select c.id from cases.client c
        where c.updated_at < ${closedBefore(asOf)}::timestamptz
          and not exists (select 1 from cases.trajectory t where t.client_id = c.id)
          and not exists (select 1 from cases.consent k where k.client_id = c.id)
          and not exists (select 1 from cases.wlz_indicatie_item w where w.client_id = c.id)
          and not exists (select 1 from cases.break_glass_grant b where b.client_id = c.id)
          and not exists (select 1 from cases.correction_request r where r.client_id = c.id)`,
    ),
  ];
}
