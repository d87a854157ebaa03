import { amsterdamDate, workingDaysBetween } from '@hub/domain';
import { childPeriods, previousReportPeriod, supportOverviewScopeOfId, type OverviewScope, type ReportPeriod } from '@hub/service-kit';
import { and, asc, gte, isNotNull, lt, or, sql } from 'drizzle-orm';
import { anyText, anyUuid, type Db } from '@hub/db';
import type { Context } from './context.ts';
import { referral, referralEvent } from './db/schema.ts';
import { FIGURE_THRESHOLD, type FigureCount } from './figures.ts';

/**
 * The handovers of the combined view of a gemeente or zorgkantoorregio (SupportOverview; docs/referrals.md). Counts
 * follow the figures' rule (figures.ts: 0 or at least 5, and the period minus its published sub-periods too), over sets
 * of referrals rather than monthly sums, because a region's figure has two kinds of parts: its sub-periods and its
 * gemeenten. Each gemeente is decided on its own referrals (the same whether the gemeente or the region is asked for);
 * the region's remainder after its published gemeenten and sub-periods is 0 or at least 5. And a count is withheld
 * when all but 1–4 of its referrals involve one organisation (as sender or receiver): that organisation would learn
 * the few of the others.
 */

const WITHHELD = 'withheld';
const isSafe = (n: number) => n === 0 || n >= FIGURE_THRESHOLD;

/** One referral counted by a series: when it counts, who was involved. */
export interface CountedReferral {
  id: string;
  at: Date;
  organizations: readonly string[];
}

interface Decision {
  units: ReadonlySet<string>;
  covered: ReadonlySet<string>;
  published: boolean;
}

/** Whether one organisation is involved in all but 1–4 of `ids`. */
export function dominatedBy(ids: readonly string[], orgsOf: ReadonlyMap<string, readonly string[]>): boolean {
  const orgs = new Set(ids.flatMap((id) => orgsOf.get(id) ?? []));
  for (const org of orgs) if (!isSafe(ids.filter((id) => !(orgsOf.get(id) ?? []).includes(org)).length)) return true;
  return false;
}

/** A count over the grid and over an area's gemeenten (`subAreas`, decided first), with the dominance rule. */
export class AreaCount {
  private readonly decisions = new Map<string, Decision>();
  private readonly orgsOf: Map<string, readonly string[]>;

  constructor(
    private readonly referrals: readonly CountedReferral[],
    private readonly subAreas: readonly AreaCount[] = [],
  ) {
    this.orgsOf = new Map(referrals.map((r) => [r.id, r.organizations]));
  }

  decide(p: ReportPeriod): Decision {
    const known = this.decisions.get(p.key);
    if (known) return known;
    const covered = new Set<string>();
    for (const child of [...childPeriods(p).map((c) => this.decide(c)), ...this.subAreas.map((s) => s.decide(p))]) {
      for (const id of child.published ? child.units : child.covered) covered.add(id);
    }
    const units = new Set(this.referrals.filter((r) => r.at.getTime() >= p.from.getTime() && r.at.getTime() < p.to.getTime()).map((r) => r.id));
    const remainder = [...units].filter((id) => !covered.has(id));
    const published = isSafe(units.size) && isSafe(remainder.length) && !dominatedBy([...units], this.orgsOf) && !dominatedBy(remainder, this.orgsOf);
    const decision = { units, covered, published };
    this.decisions.set(p.key, decision);
    return decision;
  }

  count(p: ReportPeriod): FigureCount {
    const d = this.decide(p);
    return d.published ? { value: d.units.size, suppressed: false, display: String(d.units.size) } : { value: null, suppressed: true, display: WITHHELD };
  }

  /** The referrals counted in `p` when their count is published and at least 5; null otherwise. */
  publishedUnits(p: ReportPeriod): ReadonlySet<string> | null {
    const d = this.decide(p);
    return d.published && d.units.size >= FIGURE_THRESHOLD ? d.units : null;
  }
}

/** A referral of the area with its answer and start (from the timeline), for the overview. */
export interface OverviewReferral {
  id: string;
  fromOrganizationId: string;
  toOrganizationId: string;
  gemeenteCode: string | null;
  sentAt: Date;
  acceptedAt: Date | null;
  rejectedAt: Date | null;
  startedAt: Date | null;
}

export interface SupportOverviewHandoversData {
  sent: FigureCount;
  sentPrevious: FigureCount;
  accepted: FigureCount;
  rejected: FigureCount;
  medianWorkingDaysToAnswer: number | null;
  started: FigureCount;
  medianWorkingDaysToStart: number | null;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const workingDays = (from: Date, to: Date) => workingDaysBetween(amsterdamDate(from), amsterdamDate(to));

function answeredUnits(accepted: Decision, rejected: Decision): ReadonlySet<string> | null {
  if (!accepted.published || !rejected.published) return null;
  const units = new Set([...accepted.units, ...rejected.units]);
  return units.size >= FIGURE_THRESHOLD ? units : null;
}

/** The handovers of an area; `gemeenten` are decided first as its parts when `asRegion`. */
export function buildSupportOverviewHandovers(
  period: ReportPeriod,
  gemeenten: readonly string[],
  rows: readonly OverviewReferral[],
  asRegion: boolean,
): SupportOverviewHandoversData {
  const orgs = (r: OverviewReferral) => [r.fromOrganizationId, r.toOrganizationId];
  interface Series {
    sent: AreaCount;
    accepted: AreaCount;
    rejected: AreaCount;
    started: AreaCount;
  }
  const seriesOf = (list: readonly OverviewReferral[], subAreas: readonly Series[]): Series => {
    const of = (at: (r: OverviewReferral) => Date | null, pick: (s: Series) => AreaCount) =>
      new AreaCount(
        list.flatMap((r) => {
          const when = at(r);
          return when ? [{ id: r.id, at: when, organizations: orgs(r) }] : [];
        }),
        subAreas.map(pick),
      );
    return {
      sent: of(
        (r) => r.sentAt,
        (x) => x.sent,
      ),
      accepted: of(
        (r) => r.acceptedAt,
        (x) => x.accepted,
      ),
      rejected: of(
        (r) => r.rejectedAt,
        (x) => x.rejected,
      ),
      started: of(
        (r) => r.startedAt,
        (x) => x.started,
      ),
    };
  };
  const subAreas = asRegion
    ? gemeenten.map((g) =>
        seriesOf(
          rows.filter((r) => r.gemeenteCode === g),
          [],
        ),
      )
    : [];
  const s = seriesOf(rows, subAreas);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const medianOver = (units: ReadonlySet<string> | null, end: (r: OverviewReferral) => Date | null) =>
    units
      ? median(
          [...units].flatMap((id) => {
            const r = byId.get(id);
            const e = r ? end(r) : null;
            return r && e ? [workingDays(r.sentAt, e)] : [];
          }),
        )
      : null;
  return {
    sent: s.sent.count(period),
    sentPrevious: s.sent.count(previousReportPeriod(period)),
    accepted: s.accepted.count(period),
    rejected: s.rejected.count(period),
    // Accepted and rejected are the parts of the answered: the median is taken over both only when both are published
    // (a published total beside one withheld part would give the other away).
    medianWorkingDaysToAnswer: medianOver(answeredUnits(s.accepted.decide(period), s.rejected.decide(period)), (r) => r.acceptedAt ?? r.rejectedAt),
    started: s.started.count(period),
    medianWorkingDaysToStart: medianOver(s.started.publishedUnits(period), (r) => r.startedAt),
  };
}

/** Referrals about clients of the area sent before the end of `to` and sent, or changed, from `from` on; with their timeline's answer and start. */
async function findAreaReferrals(db: Db, scope: OverviewScope, from: Date, to: Date): Promise<OverviewReferral[]> {
  const area =
    scope.area.kind === 'REGION'
      ? or(anyText(referral.gemeenteCode, scope.gemeenten), sql`${referral.zorgkantoorregioCode} = ${scope.area.code}`)
      : anyText(referral.gemeenteCode, scope.gemeenten);
  const rows = await db
    .select({
      id: referral.id,
      fromOrganizationId: referral.fromOrganizationId,
      toOrganizationId: referral.toOrganizationId,
      gemeenteCode: referral.gemeenteCode,
      sentAt: referral.sentAt,
    })
    .from(referral)
    .where(and(area, isNotNull(referral.sentAt), lt(referral.sentAt, to), or(gte(referral.sentAt, from), gte(referral.statusChangedAt, from))));
  const ids = rows.map((r) => r.id);
  const events =
    ids.length === 0
      ? []
      : await db
          .select({ referralId: referralEvent.referralId, toStatus: referralEvent.toStatus, occurredAt: referralEvent.occurredAt })
          .from(referralEvent)
          .where(and(anyUuid(referralEvent.referralId, ids), sql`${referralEvent.toStatus} in ('ACCEPTED', 'REJECTED', 'IN_PROGRESS')`))
          .orderBy(asc(referralEvent.occurredAt));
  const first = new Map<string, Date>();
  for (const e of events) {
    const key = `${e.referralId}|${e.toStatus}`;
    if (!first.has(key)) first.set(key, e.occurredAt);
  }
  return rows.flatMap((r) =>
    r.sentAt
      ? [
          {
            ...r,
            sentAt: r.sentAt,
            acceptedAt: first.get(`${r.id}|ACCEPTED`) ?? null,
            rejectedAt: first.get(`${r.id}|REJECTED`) ?? null,
            startedAt: first.get(`${r.id}|IN_PROGRESS`) ?? null,
          },
        ]
      : [],
  );
}

/** What the entity resolver passes on: the checked scope. */
export interface SupportOverviewParent {
  id: string;
  scope: OverviewScope;
}

/** `_entities` for SupportOverview: the caller must be allowed to read the area (FORBIDDEN); a malformed id gives null. */
export function resolveSupportOverview(ctx: Context, id: string): SupportOverviewParent | null {
  const scope = supportOverviewScopeOfId(ctx, id, ctx.now);
  return scope ? { id: scope.id, scope } : null;
}

export async function supportOverviewHandovers(ctx: Context, parent: SupportOverviewParent): Promise<SupportOverviewHandoversData> {
  const { scope } = parent;
  const previous = previousReportPeriod(scope.period);
  const rows = await findAreaReferrals(ctx.db, scope, previous.from, scope.period.to);
  return buildSupportOverviewHandovers(scope.period, scope.gemeenten, rows, scope.area.kind === 'REGION');
}
