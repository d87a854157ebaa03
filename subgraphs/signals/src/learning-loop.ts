import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { SignalsSettings } from '@hub/config';
import type { NotificationEvent } from '@hub/contracts';
import { anyUuid, rowsOf, type Db } from '@hub/db';
import { amsterdamDate } from '@hub/domain';
import type { KnelpuntRow, SignalRow } from './db/queries.ts';
import { knelpunt, knelpuntFollowUp, knelpuntTransition, overlegtafel, overlegtafelMember } from './db/schema.ts';
import { insertNotificationEvents } from './notification-events.ts';
import { periodOfDate, shiftPeriod, type Period } from './periods.ts';

/**
 * The learning loop of a knelpunt (docs/signals.md): its theme, the follow-up signals that arrive after its first
 * action, the before/after view, and the automatic reopening of a RESOLVED knelpunt whose signals come back.
 */

export interface Theme {
  categories: string[];
  targetGroups: string[];
  legalDomains: string[];
}

/** Why the hub moved a knelpunt by itself (KnelpuntTransition.reason). */
export const REOPEN_REASON = 'SIGNALS_RECURRED';
const MAX_AUDIENCE = 50;

// Not from validation.ts: gap-events.ts imports this module, and validation.ts imports gap-events.ts.
const today = () => amsterdamDate(new Date());
function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The theme grouped signals give: their categories and (known) target groups, merged into what the knelpunt has. */
export function themeWith(current: Theme, signals: readonly Pick<SignalRow, 'category' | 'targetGroup'>[]): Theme {
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
  return {
    categories: sorted([...current.categories, ...signals.map((s) => s.category)]),
    targetGroups: sorted([...current.targetGroups, ...signals.flatMap((s) => (s.targetGroup ? [s.targetGroup] : []))]),
    legalDomains: current.legalDomains,
  };
}

export const themeOf = (k: KnelpuntRow): Theme => ({ categories: k.themeCategories, targetGroups: k.themeTargetGroups, legalDomains: k.themeLegalDomains });

/** SQL condition: the signal `s` fits the theme (a category of it; a target group and legal domain of it, or any when empty). */
function fitsTheme(theme: { categories: unknown; targetGroups: unknown; legalDomains: unknown }) {
  return sql`s.category = any(${theme.categories})
    and (cardinality(${theme.targetGroups}) = 0 or s.target_group = any(${theme.targetGroups}))
    and (cardinality(${theme.legalDomains}) = 0 or s.legal_domain = any(${theme.legalDomains}))`;
}

/**
 * Links new signals as follow-ups of every knelpunt of their region in ACTION or RESOLVED whose theme they fit and
 * whose first action was created before them, then reopens RESOLVED knelpunten whose follow-ups after the resolution
 * reach the threshold. Call it with the transaction that stores the signals.
 */
export async function linkFollowUps(tx: Db, signalIds: readonly string[], settings: SignalsSettings): Promise<void> {
  if (signalIds.length === 0) return;
  const linked = rowsOf<{ knelpunt_id: string }>(
    await tx.execute(sql`
      insert into ${knelpuntFollowUp} (signal_id, knelpunt_id)
      select s.id, k.id
      from signals.signal s
      join signals.overlegtafel o on o.zorgkantoorregio_code = s.zorgkantoorregio_code
      join signals.knelpunt k on k.overlegtafel_id = o.id
      where ${anyUuid(sql`s.id`, signalIds)}
        and k.status in ('ACTION', 'RESOLVED')
        and ${fitsTheme({ categories: sql`k.theme_categories`, targetGroups: sql`k.theme_target_groups`, legalDomains: sql`k.theme_legal_domains` })}
        and not exists (select 1 from signals.knelpunt_signal ks where ks.signal_id = s.id and ks.knelpunt_id = k.id)
        and s.created_at >= (select min(a.created_at) from signals.action a where a.knelpunt_id = k.id)
      on conflict do nothing
      returning knelpunt_id`),
  );
  const ids = [...new Set(linked.map((r) => r.knelpunt_id))];
  if (ids.length === 0) return;
  // Locked, so that of two concurrent signals the second counts the first's follow-up (and only one reopens it).
  // FOR NO KEY UPDATE, not FOR UPDATE: each transaction's follow-up insert already holds a KEY SHARE lock on the
  // knelpunt (the foreign key), which FOR UPDATE waits for, so two concurrent signals deadlocked on the server.
  const resolved = await tx
    .select()
    .from(knelpunt)
    .where(sql`${anyUuid(knelpunt.id, ids)} and ${knelpunt.status} = 'RESOLVED'`)
    .orderBy(knelpunt.id)
    .for('no key update');
  for (const k of resolved) {
    if (!k.resolvedAt) continue;
    const since = amsterdamDate(k.resolvedAt);
    const windowStart = addDays(today(), -settings.reopenWindowDays + 1);
    const [row] = rowsOf<{ n: number }>(
      await tx.execute(sql`
        select count(*)::int as n
        from signals.knelpunt_follow_up f join signals.signal s on s.id = f.signal_id
        where f.knelpunt_id = ${k.id} and f.added_at >= ${k.resolvedAt.toISOString()}::timestamptz
          and s.observed_on >= ${since}::date and s.observed_on >= ${windowStart}::date`),
    );
    if (Number(row?.n ?? 0) >= (k.reopenThreshold ?? settings.reopenThreshold)) await reopen(tx, k);
  }
}

/** RESOLVED → ON_AGENDA by the hub, in the history with its reason, and KNELPUNT_REOPENED to the table. */
async function reopen(tx: Db, k: KnelpuntRow): Promise<void> {
  const [moved] = await tx
    .update(knelpunt)
    .set({ status: 'ON_AGENDA', version: sql`${knelpunt.version} + 1`, updatedAt: sql`now()` })
    .where(sql`${knelpunt.id} = ${k.id} and ${knelpunt.status} = 'RESOLVED'`)
    .returning();
  if (!moved) return;
  await tx
    .insert(knelpuntTransition)
    .values({ id: randomUUID(), knelpuntId: k.id, fromStatus: 'RESOLVED', toStatus: 'ON_AGENDA', byOrganizationId: null, reason: REOPEN_REASON });
  await insertNotificationEvents(tx, await reopenedEvents(tx, k, moved.updatedAt));
}

/**
 * KNELPUNT_REOPENED for the overlegtafel: its member organisations and the region's zorgkantoor (once it has acted at
 * the table), narrowed to role OVERLEGTAFEL; at most 50 organisations an event, so a full table takes several.
 */
export async function reopenedEvents(db: Db, k: KnelpuntRow, at: Date): Promise<NotificationEvent[]> {
  const members = await db
    .select({ organizationId: overlegtafelMember.organizationId })
    .from(overlegtafelMember)
    .where(sql`${overlegtafelMember.overlegtafelId} = ${k.overlegtafelId}`)
    .orderBy(overlegtafelMember.organizationId);
  const [table] = await db
    .select({ zorgkantoor: overlegtafel.zorgkantoorOrganizationId })
    .from(overlegtafel)
    .where(sql`${overlegtafel.id} = ${k.overlegtafelId}`);
  const organizations = [...new Set([...(table?.zorgkantoor ? [table.zorgkantoor] : []), ...members.map((m) => m.organizationId)])];
  const events: NotificationEvent[] = [];
  for (let i = 0; i < organizations.length; i += MAX_AUDIENCE) {
    events.push({
      eventId: randomUUID(),
      occurredAt: at.toISOString(),
      kind: 'KNELPUNT_REOPENED',
      item: { type: 'KNELPUNT', id: k.id },
      audience: { organizationIds: organizations.slice(i, i + MAX_AUDIENCE), roles: ['OVERLEGTAFEL'] },
      actorOrganizationId: null,
      dueDate: null,
    });
  }
  return events;
}

export interface TrendQuarter {
  period: Period;
  side: 'BEFORE' | 'AFTER';
  signals: number;
  clients: number;
  followUpSignals: number;
}

/**
 * The before/after view: the region's signals fitting the theme per quarter, the `before` quarters before the one
 * holding the reference date and, from that quarter on, up to `after` quarters (not past the current quarter). One
 * statement.
 */
export async function trendOf(
  db: Db,
  params: { knelpuntId: string; region: string; theme: Theme; referenceDate: string; before: number; after: number },
): Promise<TrendQuarter[]> {
  const reference = periodOfDate('QUARTER', params.referenceDate);
  const current = periodOfDate('QUARTER', today());
  const quarters: TrendQuarter[] = [];
  for (let i = -params.before; i < params.after; i++) {
    const period = shiftPeriod(reference, i);
    if (period.startsOn > current.startsOn) break;
    quarters.push({ period, side: i < 0 ? 'BEFORE' : 'AFTER', signals: 0, clients: 0, followUpSignals: 0 });
  }
  const first = quarters[0];
  const last = quarters.at(-1);
  if (!first || !last) return quarters;
  const text = (values: string[]) => sql`${sql.param(values)}::text[]`;
  const rows = rowsOf<{ quarter: string; signals: number; clients: number; follow_ups: number }>(
    await db.execute(sql`
      select to_char(s.observed_on, 'YYYY') || '-Q' || extract(quarter from s.observed_on)::int as quarter,
             count(*)::int as signals, coalesce(sum(s.client_count), 0)::int as clients, count(f.signal_id)::int as follow_ups
      from signals.signal s
      left join signals.knelpunt_follow_up f on f.signal_id = s.id and f.knelpunt_id = ${params.knelpuntId}
      where s.zorgkantoorregio_code = ${params.region}
        and s.observed_on >= ${first.period.startsOn}::date and s.observed_on < ${last.period.endsBefore}::date
        and ${fitsTheme({ categories: text(params.theme.categories), targetGroups: text(params.theme.targetGroups), legalDomains: text(params.theme.legalDomains) })}
      group by 1`),
  );
  const byKey = new Map(rows.map((r) => [r.quarter, r]));
  for (const q of quarters) {
    const r = byKey.get(q.period.key);
    if (r) Object.assign(q, { signals: Number(r.signals), clients: Number(r.clients), followUpSignals: Number(r.follow_ups) });
  }
  return quarters;
}
