import {
  deterministicUuid,
  demoIds,
  LEVERINGSVORMEN,
  LIFE_DOMAINS,
  seededRandom,
  SUPPORT_FORMS,
  type LifeDomain,
  type SupportForm,
  type TargetGroup,
  type WlzSector,
} from '@hub/domain';
import type { WlzDetails } from '../../subgraphs/cases/src/db/schema.ts';
import { addWorkingDays, amsterdamDate } from '../../subgraphs/referrals/src/deadlines.ts';
import {
  GAP_REASONS,
  MUTATION_OF_ACTION,
  TRANSITION_ACTIONS,
  type ReferralAction,
  type ReferralStatus,
  type RejectionReason,
} from '../../subgraphs/referrals/src/transitions.ts';
import type { GemeenteRecord } from '../../subgraphs/sociale-kaart/src/reference-data.ts';
import { benchBsn } from './bsn.ts';
import { CANCEL_NOTES, FAMILY_NAMES, GIVEN_NAMES, GOALS, MEETING_NOTES, PLANS, REJECTION_NOTES, WLZ_QUESTIONS, WMO_QUESTIONS } from './texts.ts';
import { gemeenteIndexOf, professionalsOf, type Professional, type RegionInfo, type World } from './world.ts';

/**
 * The plan of one client: every fact of the client, trajectories, referrals (with their full timeline), consents,
 * contact moments and access-log lines, drawn from a random sequence seeded by the client's number alone. Each COPY
 * step re-plans the clients and writes only its own table, so the tables can be loaded one after the other (foreign
 * keys hold at every commit) without keeping 500,000 plans in memory.
 *
 * Proportions per client: a Wmo trajectory at the gemeente (all), a Wlz trajectory at the zorgkantoor (26%, after an
 * accepted WMO_TO_WLZ referral; 10% of them after an earlier rejected or cancelled one), a WMO_TO_WLZ referral still
 * open or refused (11% of the others), a TO_OCO referral to the region's OCO provider (15% of the others).
 */

export const NS = 'hub-bench';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Rng = () => number;

const pick = <T>(r: Rng, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
function weighted<T>(r: Rng, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [value, w] of entries) {
    x -= w;
    if (x < 0) return value;
  }
  return (entries[entries.length - 1] as readonly [T, number])[0];
}

/** A 32-bit mix of the client number, so neighbouring clients get unrelated random sequences. */
function seedOf(index: number, salt: number): number {
  let h = Math.imul((index + 1) ^ salt, 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A flat copy of a string. deterministicUuid joins slices of a hex string, which V8 keeps as a tree of pieces
 * (several hundred bytes per id); a million cached ids held that way cost half a gigabyte.
 */
const flat = (s: string) => Buffer.from(s, 'latin1').toString('latin1');

/** The entry at i, made and kept on first use. */
function cachedAt(list: (string | undefined)[], i: number, make: () => string): string {
  const kept = list[i];
  if (kept !== undefined) return kept;
  const made = make();
  list[i] = made;
  return made;
}

/** Ids every step derives the same way; the two per client that every pass needs are computed once. */
export class BenchIds {
  private readonly clients: (string | undefined)[];
  private readonly wmo: (string | undefined)[];
  constructor(size: number) {
    this.clients = new Array<string | undefined>(size);
    this.wmo = new Array<string | undefined>(size);
  }
  client(i: number): string {
    return cachedAt(this.clients, i, () => flat(deterministicUuid(NS, `client:${i}`)));
  }
  wmoTrajectory(i: number): string {
    return cachedAt(this.wmo, i, () => flat(deterministicUuid(NS, `trajectory:wmo:${i}`)));
  }
  wlzTrajectory(i: number): string {
    return deterministicUuid(NS, `trajectory:wlz:${i}`);
  }
}

interface TimelineStep {
  action: ReferralAction;
  from: ReferralStatus | null;
  to: ReferralStatus;
  at: number;
  /** Who acted; SYSTEM is the relay's overdue sweep. */
  by: 'SENDER' | 'RECEIVER' | 'SYSTEM';
  reasonCode: string | null;
  note: string | null;
  version: number;
}

export interface GapRecord {
  kind: 'REJECTED' | 'OVERDUE';
  reason: (typeof GAP_REASONS)[number] | 'OVERDUE';
  at: number;
  waitDays: number | null;
  /** Position of the step in the timeline, for a stable gap event id. */
  step: number;
}

export interface ReferralPlan {
  ordinal: number;
  id: string;
  kind: 'WMO_TO_WLZ' | 'TO_OCO';
  status: ReferralStatus;
  urgency: 'ROUTINE' | 'URGENT' | 'ASAP';
  receiver: 'ZORGKANTOOR' | 'OCO';
  toOrganizationId: string;
  receiverProfessional: Professional;
  receiverRole: string;
  steps: TimelineStep[];
  createdAt: number;
  updatedAt: number;
  statusChangedAt: number;
  sentAt: number | null;
  acceptedAt: number | null;
  respondBy: string | null;
  startBy: string | null;
  respondOverdueAt: number | null;
  startOverdueAt: number | null;
  releasedAt: number | null;
  rejectionReason: RejectionReason | null;
  rejectionNote: string | null;
  expectedWaitDays: number | null;
  meeting: { plannedAt: number; participants: string[]; heldAt: number | null; outcome: string | null; notes: string | null } | null;
  regiehouder: 'SENDER' | 'RECEIVER';
  completedAt: number | null;
  gaps: GapRecord[];
  summaryVariant: number;
  consentKey: string;
}

export interface TrajectoryPlan {
  kind: 'WMO' | 'WLZ';
  id: string;
  organizationId: string;
  counsellor: Professional;
  formality: 'FORMAL' | 'INFORMAL';
  legalDomain: string;
  journeyPhase: string;
  hulpvraag: string;
  lifeDomains: LifeDomain[];
  targetGroups: TargetGroup[];
  supportForms: SupportForm[];
  goals: { description: string; status: string }[];
  plan: string | null;
  wlz: WlzDetails | null;
  openedAt: number;
  closedAt: number | null;
  closeReason: string | null;
  outcomes: { satisfaction: number; ownNetworkUsed: boolean; scores: [number, number][] } | null;
  moments: number[];
}

interface ConsentPlan {
  key: string;
  id: string;
  receivingOrganizationId: string | null;
  receivingOrganizationType: string | null;
  receivingRegionCode: string | null;
  categories: string[];
  purpose: 'WARM_HANDOVER' | 'INTEGRATED_SUPPORT';
  validFrom: number;
  validUntil: number | null;
  givenBy: 'CLIENT' | 'REPRESENTATIVE';
  recordedHow: 'WRITTEN' | 'VERBAL' | 'DIGITAL';
  recordedBy: Professional;
  recordedByOrganizationId: string;
  revokedAt: number | null;
  revokedBy: Professional | null;
}

interface AccessLinePlan {
  at: number;
  action: 'CREATE' | 'READ' | 'UPDATE';
  user: Professional;
  organizationId: string;
  role: string;
  categories: string[];
  ground: string;
  consentId: string | null;
  accessPoint: string;
  source: 'cases' | 'referrals';
}

export interface ClientPlan {
  index: number;
  id: string;
  bsn: string;
  gemeente: GemeenteRecord;
  region: RegionInfo;
  gemeenteOrganizationId: string;
  givenName: string;
  namePrefix: string | null;
  familyName: string;
  dateOfBirth: string;
  contactChannel: string;
  network: { id: string; name: string; role: string; mayActForClient: boolean } | null;
  registeredAt: number;
  wmo: TrajectoryPlan;
  wlz: TrajectoryPlan | null;
  referrals: ReferralPlan[];
  consents: ConsentPlan[];
  access: AccessLinePlan[];
}

// -- code lists of the cases subgraph that @hub/domain does not hold (they mirror its GraphQL enums) --

/** Wachtstatus (the cases subgraph's Wachtstatus enum), weighted as zorgkantoren report their waiting lists. */
const WACHTSTATUS_WEIGHTS: readonly (readonly [string, number])[] = [
  ['ACTIEF_PLAATSEN', 45],
  ['WACHT_OP_VOORKEUR', 35],
  ['URGENT_PLAATSEN', 10],
  ['WACHT_UIT_VOORZORG', 10],
];
const LEVERINGSVORM_WEIGHTS: readonly (readonly [string, number])[] = [
  [LEVERINGSVORMEN['4'], 45],
  [LEVERINGSVORMEN['7'], 20],
  [LEVERINGSVORMEN['5'], 15],
  [LEVERINGSVORMEN['2'], 12],
  [LEVERINGSVORMEN['8'], 5],
  [LEVERINGSVORMEN['9'], 3],
];

/** Zorgprofielen (COD163) per sector with the target group they stand for. */
const ZORGPROFIELEN: Record<WlzSector, readonly (readonly [string, TargetGroup])[]> = {
  VV: [
    ['752', 'OUDEREN'],
    ['753', 'OUDEREN'],
    ['754', 'OUDEREN'],
    ['755', 'OUDEREN'],
    ['756', 'OUDEREN'],
    ['757', 'OUDEREN'],
    ['758', 'OUDEREN'],
  ],
  GZ: [
    ['803', 'VERSTANDELIJKE_BEPERKING'],
    ['805', 'VERSTANDELIJKE_BEPERKING'],
    ['807', 'VERSTANDELIJKE_BEPERKING'],
    ['782', 'LICHTE_VERSTANDELIJKE_BEPERKING'],
    ['824', 'LICHAMELIJKE_BEPERKING'],
    ['826', 'LICHAMELIJKE_BEPERKING'],
    ['843', 'ZINTUIGLIJKE_BEPERKING'],
    ['853', 'ZINTUIGLIJKE_BEPERKING'],
  ],
  GGZ: [
    ['863', 'PSYCHISCHE_KWETSBAARHEID'],
    ['865', 'PSYCHISCHE_KWETSBAARHEID'],
    ['882', 'PSYCHISCHE_KWETSBAARHEID'],
    ['764', 'PSYCHISCHE_KWETSBAARHEID'],
  ],
};

const WMO_SUPPORT_FORMS: readonly SupportForm[] = ['INFORMATIE_EN_ADVIES', 'PERSOONLIJK_PLAN', 'KLACHTEN_BEZWAAR_BEROEP', 'BEMIDDELING'];
const WLZ_SUPPORT_FORMS: readonly SupportForm[] = SUPPORT_FORMS.filter((f) => f !== 'INFORMATIE_EN_ADVIES');

const REJECTION_WEIGHTS: readonly (readonly [RejectionReason, number])[] = [
  ['NO_CAPACITY', 20],
  ['WAITLIST', 20],
  ['NOT_ELIGIBLE', 20],
  ['OUT_OF_AREA', 5],
  ['NO_FITTING_OFFER', 10],
  ['MISSING_INFORMATION', 8],
  ['CLIENT_DECLINED', 8],
  ['COULD_NOT_CONTACT', 5],
  ['OTHER', 4],
];

const WLZ_MAIN_STATUS: readonly (readonly [ReferralStatus, number])[] = [
  ['ACCEPTED', 8],
  ['IN_PROGRESS', 32],
  ['ON_HOLD', 5],
  ['COMPLETED', 50],
  ['FAILED', 5],
];
const EARLIER_ATTEMPT_STATUS: readonly (readonly [ReferralStatus, number])[] = [
  ['REJECTED', 60],
  ['CANCELLED', 40],
];
const WMO_TO_WLZ_OPEN_STATUS: readonly (readonly [ReferralStatus, number])[] = [
  ['REQUESTED', 35],
  ['REJECTED', 33],
  ['CANCELLED', 14],
  ['DRAFT', 12],
  ['ENTERED_IN_ERROR', 6],
];
const TO_OCO_STATUS: readonly (readonly [ReferralStatus, number])[] = [
  ['REQUESTED', 10],
  ['ACCEPTED', 7],
  ['IN_PROGRESS', 24],
  ['ON_HOLD', 4],
  ['COMPLETED', 35],
  ['FAILED', 3],
  ['REJECTED', 9],
  ['CANCELLED', 6],
  ['DRAFT', 2],
];

const FINAL: ReadonlySet<ReferralStatus> = new Set(['REJECTED', 'CANCELLED', 'COMPLETED', 'FAILED', 'ENTERED_IN_ERROR']);

/** Per-organisation professionals, built once per run. */
export class Staff {
  private readonly cache = new Map<string, Professional[]>();
  private get(key: string, count: number, salt: number): Professional[] {
    let list = this.cache.get(key);
    if (!list) {
      list = professionalsOf(key, count, salt);
      this.cache.set(key, list);
    }
    return list;
  }
  gemeente(g: GemeenteRecord): Professional[] {
    return this.get(`${g.code.toLowerCase()}-co`, Math.min(12, 3 + Math.floor(g.population / 75_000)), Number(g.code.slice(2)));
  }
  zorgkantoor(region: RegionInfo): Professional[] {
    return this.get(`${region.code.toLowerCase()}-kb`, 6, region.index + 400);
  }
  oco(region: RegionInfo): Professional[] {
    return this.get(`oco${Math.floor(region.index / 2)}-co`, 5, Math.floor(region.index / 2) + 700);
  }
}

// -- referral timelines --

interface Intent {
  action: ReferralAction;
  to: ReferralStatus;
  by: 'SENDER' | 'RECEIVER';
  /** Whole days after the previous step; 0 = the same day, minutes later. */
  gap: number;
  reasonCode?: string;
  /** A step after the anchor that is dropped when it would lie in the future. */
  optional?: boolean;
}

function atWorkingHour(r: Rng, day: number): number {
  return day * DAY + (480 + Math.floor(r() * 510)) * MINUTE;
}

function nextTime(r: Rng, previous: number, gap: number): number {
  return gap <= 0 ? previous + (5 + Math.floor(r() * 85)) * MINUTE : atWorkingHour(r, Math.floor(previous / DAY) + gap);
}

/** Created and sent: straight away, or first as a draft (30%). */
function pushSend(r: Rng, intents: Intent[], draftFirst: boolean): void {
  if (draftFirst) {
    intents.push({ action: 'CREATE', to: 'DRAFT', by: 'SENDER', gap: 0 });
    intents.push({ action: 'SEND', to: 'REQUESTED', by: 'SENDER', gap: int(r, 0, 3) });
  } else {
    intents.push({ action: 'CREATE', to: 'REQUESTED', by: 'SENDER', gap: 0 });
  }
}

/** Most receivers answer within the five working days; some take longer (and are flagged overdue). */
function responseGap(r: Rng): number {
  return r() < 0.88 ? int(r, 0, 3) : int(r, 4, 10);
}

function pushAccepted(r: Rng, intents: Intent[], draftFirst: boolean): void {
  pushSend(r, intents, draftFirst);
  intents.push({ action: 'ACCEPT', to: 'ACCEPTED', by: 'RECEIVER', gap: responseGap(r) });
}

/** A joint meeting (warm handover at the kitchen table) for 30% of accepted referrals. */
function pushMeeting(r: Rng, intents: Intent[]): boolean {
  if (r() >= 0.3) return false;
  intents.push({ action: 'PLAN_JOINT_MEETING', to: 'ACCEPTED', by: r() < 0.5 ? 'SENDER' : 'RECEIVER', gap: int(r, 0, 2) });
  intents.push({ action: 'RECORD_JOINT_MEETING_OUTCOME', to: 'ACCEPTED', by: 'RECEIVER', gap: 0 });
  return true;
}

function pathTo(r: Rng, status: ReferralStatus): { intents: Intent[]; anchor: number } {
  const intents: Intent[] = [];
  const draftFirst = status === 'DRAFT' || r() < 0.3;
  switch (status) {
    case 'DRAFT':
      intents.push({ action: 'CREATE', to: 'DRAFT', by: 'SENDER', gap: 0 });
      break;
    case 'REQUESTED': {
      pushSend(r, intents, draftFirst);
      const anchor = intents.length - 1;
      if (r() < 0.06) intents.push({ action: 'RELEASE', to: 'REQUESTED', by: 'SENDER', gap: int(r, 0, 2), optional: true });
      return { intents, anchor };
    }
    case 'REJECTED':
      pushSend(r, intents, draftFirst);
      intents.push({ action: 'REJECT', to: 'REJECTED', by: 'RECEIVER', gap: responseGap(r) });
      break;
    case 'CANCELLED': {
      const mode = r();
      if (mode < 0.35) {
        intents.push({ action: 'CREATE', to: 'DRAFT', by: 'SENDER', gap: 0 });
        intents.push({ action: 'CANCEL', to: 'CANCELLED', by: 'SENDER', gap: int(r, 0, 10) });
      } else {
        pushSend(r, intents, draftFirst);
        intents.push({ action: 'CANCEL', to: 'CANCELLED', by: mode < 0.8 ? 'SENDER' : 'RECEIVER', gap: mode < 0.8 ? int(r, 1, 6) : responseGap(r) });
      }
      break;
    }
    case 'ENTERED_IN_ERROR':
      if (r() < 0.5) intents.push({ action: 'CREATE', to: 'DRAFT', by: 'SENDER', gap: 0 });
      else pushSend(r, intents, draftFirst);
      intents.push({ action: 'MARK_ENTERED_IN_ERROR', to: 'ENTERED_IN_ERROR', by: 'SENDER', gap: int(r, 0, 5) });
      break;
    case 'ACCEPTED': {
      pushAccepted(r, intents, draftFirst);
      const anchor = intents.length - 1;
      if (r() < 0.3) intents.push({ action: 'PLAN_JOINT_MEETING', to: 'ACCEPTED', by: 'RECEIVER', gap: int(r, 0, 3), optional: true });
      return { intents, anchor };
    }
    default: {
      pushAccepted(r, intents, draftFirst);
      const met = pushMeeting(r, intents);
      // Start soon after acceptance (or after the joint meeting), mostly within the start-by deadline.
      intents.push({ action: 'START', to: 'IN_PROGRESS', by: 'RECEIVER', gap: met ? int(r, 1, 4) : r() < 0.92 ? int(r, 1, 9) : int(r, 10, 20) });
      const hold = status === 'ON_HOLD' || (status === 'FAILED' ? r() < 0.3 : r() < 0.1);
      if (hold) intents.push({ action: 'HOLD', to: 'ON_HOLD', by: 'RECEIVER', gap: int(r, 10, 60) });
      if (hold && status !== 'ON_HOLD' && status !== 'FAILED') intents.push({ action: 'RESUME', to: 'IN_PROGRESS', by: 'RECEIVER', gap: int(r, 5, 40) });
      if (status === 'COMPLETED') intents.push({ action: 'COMPLETE', to: 'COMPLETED', by: 'RECEIVER', gap: int(r, 20, 150) });
      if (status === 'FAILED') intents.push({ action: 'FAIL', to: 'FAILED', by: 'RECEIVER', gap: int(r, 10, 90) });
    }
  }
  return { intents, anchor: intents.length - 1 };
}

/** How many days before the reference date the anchor step (the one that set the current state) happened. */
function anchorDaysAgo(r: Rng, status: ReferralStatus): number {
  switch (status) {
    case 'DRAFT':
      return int(r, 1, 30);
    case 'REQUESTED':
      return int(r, 1, 10);
    case 'ACCEPTED':
      return int(r, 1, 20);
    case 'IN_PROGRESS':
    case 'ON_HOLD':
      return int(r, 1, 240);
    default:
      // Finished within the last 13 months, so their history (and its gap events) falls in the last eight quarters.
      return int(r, 1, 400);
  }
}

const dateCache = new Map<number, string>();
/** The Amsterdam calendar date of an instant; cached per hour, since Intl formatting dominates otherwise. */
function dateOf(ms: number): string {
  const hour = Math.floor(ms / HOUR);
  let date = dateCache.get(hour);
  if (date === undefined) {
    date = amsterdamDate(new Date(hour * HOUR));
    dateCache.set(hour, date);
  }
  return date;
}
const workingDayCache = new Map<string, string>();
function deadlineAfter(date: string, days: number): string {
  const key = `${date}+${days}`;
  let deadline = workingDayCache.get(key);
  if (deadline === undefined) {
    deadline = addWorkingDays(date, days);
    workingDayCache.set(key, deadline);
  }
  return deadline;
}
const deadlineAfterDays = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** The instant the calendar day `isoDate` starts in Europe/Amsterdam (22:00 or 23:00 UTC the day before). */
function amsterdamMidnight(isoDate: string): number {
  const utcMidnight = Date.parse(`${isoDate}T00:00:00Z`);
  for (const hoursBefore of [2, 1]) {
    if (dateOf(utcMidnight - hoursBefore * HOUR) === isoDate) return utcMidnight - hoursBefore * HOUR;
  }
  return utcMidnight;
}
const daysBetweenDates = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);

/**
 * Inserts the overdue sweep's OVERDUE step when the referral stayed in `state` past its deadline (left it on a later
 * day, or is still in it on the reference date), as the relay flags it once just after midnight. Returns the flag time.
 */
function flagOverdue(
  r: Rng,
  world: World,
  steps: TimelineStep[],
  state: ReferralStatus,
  deadline: string | null,
  reason: 'RESPOND_BY' | 'START_BY',
): number | null {
  if (deadline === null) return null;
  const enter = steps.findIndex((s) => s.to === state && s.from !== state);
  if (enter < 0) return null;
  let leave = -1;
  for (let k = enter + 1; k < steps.length; k++) {
    if (steps[k]?.to !== state) {
      leave = k;
      break;
    }
  }
  const leftOn = leave < 0 ? null : dateOf(steps[leave]?.at ?? 0);
  const late = leftOn === null ? world.referenceDate > deadline : leftOn > deadline;
  if (!late) return null;
  // The sweep flags it just after midnight in Amsterdam, when the deadline day is over.
  const at = amsterdamMidnight(deadlineAfterDays(deadline, 1)) + int(r, 1, 20) * MINUTE;
  if (at >= world.now.getTime()) return null;
  steps.splice(leave < 0 ? steps.length : leave, 0, {
    action: 'OVERDUE',
    from: state,
    to: state,
    at,
    by: 'SYSTEM',
    reasonCode: reason,
    note: null,
    version: 0,
  });
  return at;
}

interface ReferralInput {
  ordinal: number;
  clientIndex: number;
  kind: 'WMO_TO_WLZ' | 'TO_OCO';
  status: ReferralStatus;
  receiver: 'ZORGKANTOOR' | 'OCO';
  toOrganizationId: string;
  receiverProfessional: Professional;
  /** For an earlier attempt: the last step lies before this time; otherwise the anchor step is drawn by status. */
  lastBefore: number | null;
}

function planReferral(r: Rng, world: World, input: ReferralInput): ReferralPlan {
  const { status } = input;
  const { intents, anchor } = pathTo(r, status);
  const nowMs = world.now.getTime();
  const limit = nowMs - 30 * MINUTE;

  // Times relative to day 0, then shifted by whole days so the anchor step lands on its day.
  const times: number[] = [];
  let meetingPlannedAt: number | null = null;
  let previous = atWorkingHour(r, 0);
  for (const [k, intent] of intents.entries()) {
    if (k === 0) {
      times.push(previous);
      continue;
    }
    let at = nextTime(r, previous, intent.gap);
    if (intent.action === 'PLAN_JOINT_MEETING') meetingPlannedAt = atWorkingHour(r, Math.floor(at / DAY) + int(r, 2, 6));
    // The outcome is recorded shortly after the planned meeting.
    if (intent.action === 'RECORD_JOINT_MEETING_OUTCOME' && meetingPlannedAt !== null) at = meetingPlannedAt + int(r, 60, 240) * MINUTE;
    times.push(at);
    previous = at;
  }
  const anchorAt = times[anchor] ?? 0;
  let shiftDays: number;
  if (input.lastBefore !== null) {
    const last = times[times.length - 1] ?? 0;
    shiftDays = Math.floor(input.lastBefore / DAY) - Math.floor(last / DAY) - 1;
  } else {
    const day = Math.floor(nowMs / DAY) - anchorDaysAgo(r, status);
    shiftDays = day - Math.floor(anchorAt / DAY);
  }
  const shift = shiftDays * DAY;
  if (meetingPlannedAt !== null) meetingPlannedAt += shift;

  const steps: TimelineStep[] = [];
  let current: ReferralStatus | null = null;
  intents.forEach((intent, k) => {
    const at = (times[k] ?? 0) + shift;
    if (intent.optional && at >= limit) return;
    steps.push({ action: intent.action, from: current, to: intent.to, at, by: intent.by, reasonCode: null, note: null, version: 0 });
    current = intent.to;
  });

  // Fields the steps set, in the order the referrals subgraph would set them.
  let sentAt: number | null = null;
  let acceptedAt: number | null = null;
  let releasedAt: number | null = null;
  let completedAt: number | null = null;
  let rejectionReason: RejectionReason | null = null;
  let rejectionNote: string | null = null;
  let expectedWaitDays: number | null = null;
  let regiehouder: 'SENDER' | 'RECEIVER' = 'SENDER';
  let meeting: ReferralPlan['meeting'] = null;
  const gaps: GapRecord[] = [];
  for (const step of steps) {
    if (step.to === 'REQUESTED' && step.from !== 'REQUESTED') sentAt = step.at;
    switch (step.action) {
      case 'ACCEPT':
        acceptedAt = step.at;
        break;
      case 'REJECT': {
        rejectionReason = weighted(r, REJECTION_WEIGHTS);
        rejectionNote = r() < 0.6 ? pick(r, REJECTION_NOTES) : null;
        expectedWaitDays = rejectionReason === 'WAITLIST' ? int(r, 30, 300) : null;
        step.reasonCode = rejectionReason;
        step.note = rejectionNote;
        break;
      }
      case 'CANCEL':
        step.note = r() < 0.5 ? pick(r, CANCEL_NOTES) : null;
        break;
      case 'RELEASE':
        releasedAt = step.at;
        break;
      case 'PLAN_JOINT_MEETING':
        meeting = {
          plannedAt: meetingPlannedAt ?? step.at + 5 * DAY,
          participants: r() < 0.4 ? ['CLIENT', 'NETWORK_MEMBER', 'SENDER', 'RECEIVER'] : ['CLIENT', 'SENDER', 'RECEIVER'],
          heldAt: null,
          outcome: null,
          notes: null,
        };
        break;
      case 'RECORD_JOINT_MEETING_OUTCOME': {
        const outcome = weighted(r, [
          ['HANDOVER_AGREED', 70],
          ['FOLLOW_UP_NEEDED', 20],
          ['CLIENT_DECLINED', 5],
          ['NOT_HELD', 5],
        ] as const);
        step.reasonCode = outcome;
        if (meeting) {
          meeting.heldAt = meeting.plannedAt;
          meeting.outcome = outcome;
          meeting.notes = r() < 0.5 ? pick(r, MEETING_NOTES) : null;
        }
        break;
      }
      case 'COMPLETE':
        regiehouder = 'RECEIVER';
        completedAt = step.at;
        break;
      default:
        break;
    }
  }

  // The overdue sweep: a referral still REQUESTED after its respond-by day (or ACCEPTED after its start-by day) got
  // a flag, an OVERDUE timeline entry and a gap event, exactly once; the benchmark's relay then finds nothing to do.
  const respondBy = sentAt !== null ? deadlineAfter(dateOf(sentAt), world.deadlines.respondDays[input.kind] ?? 5) : null;
  const startBy = acceptedAt !== null ? deadlineAfter(dateOf(acceptedAt), world.deadlines.startDays) : null;
  const respondOverdueAt = flagOverdue(r, world, steps, 'REQUESTED', respondBy, 'RESPOND_BY');
  const startOverdueAt = flagOverdue(r, world, steps, 'ACCEPTED', startBy, 'START_BY');
  // Optional steps (a release) may fall after a flag: keep the timeline in time order.
  steps.sort((a, b) => a.at - b.at);

  let version = 0;
  let updatedAt = steps[0]?.at ?? 0;
  let statusChangedAt = updatedAt;
  steps.forEach((step, k) => {
    if (step.action !== 'OVERDUE') {
      version++;
      updatedAt = step.at;
    }
    if (step.action === 'CREATE' || step.from !== step.to) statusChangedAt = step.at;
    step.version = version;
    if (step.action === 'OVERDUE' && sentAt !== null) {
      gaps.push({ kind: 'OVERDUE', reason: 'OVERDUE', at: step.at, waitDays: daysBetweenDates(dateOf(sentAt), dateOf(step.at)), step: k });
    }
    if (step.action === 'REJECT' && rejectionReason && (GAP_REASONS as readonly string[]).includes(rejectionReason)) {
      const waited = sentAt !== null ? daysBetweenDates(dateOf(sentAt), dateOf(step.at)) : null;
      gaps.push({ kind: 'REJECTED', reason: rejectionReason as GapRecord['reason'], at: step.at, waitDays: expectedWaitDays ?? waited, step: k });
    }
  });

  return {
    ordinal: input.ordinal,
    id: deterministicUuid(NS, `referral:${input.clientIndex}:${input.ordinal}`),
    kind: input.kind,
    status,
    urgency: weighted(r, [
      ['ROUTINE', 80],
      ['URGENT', 15],
      ['ASAP', 5],
    ] as const),
    receiver: input.receiver,
    toOrganizationId: input.toOrganizationId,
    receiverProfessional: input.receiverProfessional,
    receiverRole: input.receiver === 'ZORGKANTOOR' ? 'ZORGBEMIDDELAAR' : 'CLIENTONDERSTEUNER',
    steps,
    createdAt: steps[0]?.at ?? 0,
    updatedAt,
    statusChangedAt,
    sentAt,
    acceptedAt,
    respondBy,
    startBy,
    respondOverdueAt,
    startOverdueAt,
    releasedAt,
    rejectionReason,
    rejectionNote,
    expectedWaitDays,
    meeting,
    regiehouder,
    completedAt,
    gaps,
    summaryVariant: int(r, 0, 11),
    consentKey: `handover:${input.receiver}`,
  };
}

// -- the client --

function toZorgkantoor(
  r: Rng,
  world: World,
  index: number,
  region: RegionInfo,
  staff: Professional[],
  ordinal: number,
  status: ReferralStatus,
  lastBefore: number | null,
): ReferralPlan {
  return planReferral(r, world, {
    ordinal,
    clientIndex: index,
    kind: 'WMO_TO_WLZ',
    status,
    receiver: 'ZORGKANTOOR',
    toOrganizationId: region.zorgkantoorOrganizationId,
    receiverProfessional: pick(r, staff),
    lastBefore,
  });
}

const RECORDED_HOW = [
  ['WRITTEN', 50],
  ['VERBAL', 30],
  ['DIGITAL', 20],
] as const;

/** A representative gives consent for half the clients who have one who may act for them. */
function givenByOf(r: Rng, canRepresent: boolean): 'CLIENT' | 'REPRESENTATIVE' {
  return canRepresent && r() < 0.5 ? 'REPRESENTATIVE' : 'CLIENT';
}

function ageBandBirthYear(r: Rng, referenceYear: number, lo: number, hi: number): number {
  return referenceYear - int(r, lo, hi);
}

function distinct<T>(r: Rng, list: readonly T[], count: number): T[] {
  const out: T[] = [];
  for (let guard = 0; out.length < count && guard < count * 6; guard++) {
    const v = pick(r, list);
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

export function planClient(world: World, ids: BenchIds, staff: Staff, index: number): ClientPlan {
  const r = seededRandom(seedOf(index, 0x5eed_b3c4));
  const nowMs = world.now.getTime();
  const limit = nowMs - HOUR;
  const gemeente = world.gemeenten[gemeenteIndexOf(world, index)] as GemeenteRecord;
  const region = world.regionByCode.get(gemeente.zorgkantoorregioCode) as RegionInfo;
  const gemeenteOrganizationId = demoIds.gemeenteOrganization(gemeente.code);
  const counsellors = staff.gemeente(gemeente);
  const counsellor = pick(r, counsellors);
  const referenceYear = Number(world.referenceDate.slice(0, 4));

  const hasWlz = r() < 0.26;
  const sector: WlzSector = weighted(r, [
    ['VV', 55],
    ['GZ', 30],
    ['GGZ', 15],
  ] as const);
  const birthYear = hasWlz
    ? sector === 'VV'
      ? ageBandBirthYear(r, referenceYear, 70, 99)
      : sector === 'GZ'
        ? ageBandBirthYear(r, referenceYear, 18, 70)
        : ageBandBirthYear(r, referenceYear, 25, 75)
    : ageBandBirthYear(r, referenceYear, 17, 95);
  const age = referenceYear - birthYear;
  const dateOfBirth = `${birthYear}-${String(int(r, 1, 12)).padStart(2, '0')}-${String(int(r, 1, 28)).padStart(2, '0')}`;
  const [namePrefix, familyName] = pick(r, FAMILY_NAMES);
  const givenName = pick(r, GIVEN_NAMES);
  const hasNetwork = r() < 0.6;
  const network = hasNetwork
    ? {
        id: deterministicUuid(NS, `network:${index}`),
        name: `${pick(r, GIVEN_NAMES)} ${familyName}`,
        role: weighted(r, [
          ['MANTELZORGER', 60],
          ['WETTELIJK_VERTEGENWOORDIGER', 15],
          ['FAMILY', 20],
          ['OTHER', 5],
        ] as const),
        mayActForClient: false,
      }
    : null;
  if (network) network.mayActForClient = network.role === 'WETTELIJK_VERTEGENWOORDIGER' || r() < 0.2;
  const contactChannel = weighted(r, [
    ['PHONE', 40],
    ['IN_PERSON', 30],
    ['EMAIL', 15],
    ['POST', 5],
    ['DO_NOT_CONTACT', 10],
  ] as const);

  // Referrals first: the trajectories' dates follow from them.
  const referrals: ReferralPlan[] = [];
  const zkStaff = staff.zorgkantoor(region);
  const ocoStaff = staff.oco(region);
  if (hasWlz) {
    const main = toZorgkantoor(r, world, index, region, zkStaff, 0, weighted(r, WLZ_MAIN_STATUS), null);
    referrals.push(main);
    if (r() < 0.1)
      referrals.unshift(toZorgkantoor(r, world, index, region, zkStaff, 1, weighted(r, EARLIER_ATTEMPT_STATUS), main.createdAt - int(r, 3, 60) * DAY));
  } else {
    if (r() < 0.11) referrals.push(toZorgkantoor(r, world, index, region, zkStaff, 0, weighted(r, WMO_TO_WLZ_OPEN_STATUS), null));
    if (r() < 0.15) {
      referrals.push(
        planReferral(r, world, {
          ordinal: 2,
          clientIndex: index,
          kind: 'TO_OCO',
          status: weighted(r, TO_OCO_STATUS),
          receiver: 'OCO',
          toOrganizationId: region.ocoOrganizationId,
          receiverProfessional: pick(r, ocoStaff),
          lastBefore: null,
        }),
      );
    }
  }

  // The Wmo trajectory at the gemeente: opened before any referral, closed only when nothing is pending.
  const firstReferral = referrals.reduce((min, ref) => Math.min(min, ref.createdAt), Number.POSITIVE_INFINITY);
  const wmoOpened =
    firstReferral === Number.POSITIVE_INFINITY
      ? atWorkingHour(r, Math.floor(nowMs / DAY) - int(r, 2, 730))
      : firstReferral - int(r, 7, 120) * DAY - int(r, 0, 300) * MINUTE;
  const lastEvent = referrals.reduce((max, ref) => Math.max(max, ref.steps[ref.steps.length - 1]?.at ?? 0), wmoOpened);
  const pending = referrals.some((ref) => !FINAL.has(ref.status));
  let wmoClosed: number | null = null;
  let wmoCloseReason: string | null = null;
  if (!pending && r() < 0.35) {
    const at = Math.max(wmoOpened + int(r, 30, 300) * DAY, lastEvent + int(r, 1, 30) * DAY);
    if (at < limit) {
      wmoClosed = at;
      wmoCloseReason = referrals.some((ref) => ref.status === 'COMPLETED')
        ? 'HANDED_OVER'
        : weighted(r, [
            ['GOALS_REACHED', 60],
            ['CLIENT_WITHDREW', 15],
            ['MOVED', 10],
            ['DECEASED', 5],
            ['OTHER', 10],
          ] as const);
    }
  }
  const wmoTargets: readonly TargetGroup[] =
    age >= 75
      ? ['ALLEENSTAANDE_OUDEREN', 'OUDEREN', 'WEINIG_SOCIAAL_NETWERK', 'MANTELZORGERS']
      : age <= 23
        ? ['JEUGD_RONDOM_18', 'LICHTE_VERSTANDELIJKE_BEPERKING', 'JEUGD_EN_GEZIN']
        : [
            'PSYCHISCHE_KWETSBAARHEID',
            'LICHTE_VERSTANDELIJKE_BEPERKING',
            'WEINIG_SOCIAAL_NETWERK',
            'LICHAMELIJKE_BEPERKING',
            'MAATSCHAPPELIJKE_OPVANG',
            'MANTELZORGERS',
          ];
  const wmoClosedOutcomes = wmoClosed !== null;
  const lifeDomains = distinct(r, LIFE_DOMAINS, int(r, 1, 3));
  const wmo: TrajectoryPlan = {
    kind: 'WMO',
    id: ids.wmoTrajectory(index),
    organizationId: gemeenteOrganizationId,
    counsellor,
    formality: r() < 0.9 ? 'FORMAL' : 'INFORMAL',
    legalDomain: r() < 0.55 ? 'WMO_MAATWERKVOORZIENING' : 'WMO_ALGEMENE_VOORZIENING',
    journeyPhase: 'BEFORE_INDICATION',
    hulpvraag: pick(r, WMO_QUESTIONS),
    lifeDomains,
    targetGroups: distinct(r, wmoTargets, int(r, 1, 2)),
    supportForms: distinct(r, WMO_SUPPORT_FORMS, int(r, 1, 3)),
    goals: distinct(r, GOALS, int(r, 1, 2)).map((description) => ({
      description,
      status: wmoClosedOutcomes ? pick(r, ['ACHIEVED', 'ACHIEVED', 'DROPPED']) : pick(r, ['OPEN', 'IN_PROGRESS', 'IN_PROGRESS']),
    })),
    plan: r() < 0.7 ? pick(r, PLANS) : null,
    wlz: null,
    openedAt: wmoOpened,
    closedAt: wmoClosed,
    closeReason: wmoCloseReason,
    outcomes: wmoClosedOutcomes
      ? { satisfaction: int(r, 5, 10), ownNetworkUsed: r() < 0.5, scores: lifeDomains.map(() => [int(r, 1, 3), int(r, 2, 5)] as [number, number]) }
      : null,
    moments: [],
  };
  wmo.moments = momentsOf(r, wmo.openedAt, wmo.closedAt ?? limit, 1 + (r() < 0.5 ? 1 : 0));

  // The Wlz trajectory at the zorgkantoor, opened once the handover was accepted.
  let wlz: TrajectoryPlan | null = null;
  const main = referrals.find((ref) => ref.kind === 'WMO_TO_WLZ' && ref.acceptedAt !== null);
  if (hasWlz && main && main.acceptedAt !== null) {
    const opened = Math.min(main.acceptedAt + int(r, 10, 2880) * MINUTE, limit);
    const [zorgprofiel, target] = pick(r, ZORGPROFIELEN[sector]);
    let closedAt: number | null = null;
    let closeReason: string | null = null;
    if (main.status === 'COMPLETED' && main.completedAt !== null && r() < 0.15) {
      const at = main.completedAt + int(r, 10, 200) * DAY;
      if (at < limit) {
        closedAt = at;
        closeReason = weighted(r, [
          ['DECEASED', 60],
          ['MOVED', 20],
          ['OTHER', 20],
        ] as const);
      }
    }
    const phase = closedAt !== null ? 'AFTER_CARE' : main.status === 'COMPLETED' ? 'IN_CARE' : 'AFTER_INDICATION';
    wlz = {
      kind: 'WLZ',
      id: ids.wlzTrajectory(index),
      organizationId: region.zorgkantoorOrganizationId,
      counsellor: main.receiverProfessional,
      formality: 'FORMAL',
      legalDomain: 'WLZ',
      journeyPhase: phase,
      hulpvraag: pick(r, WLZ_QUESTIONS),
      lifeDomains: ['ZORG_EN_ONDERSTEUNING', ...(r() < 0.6 ? (['WONEN'] as const) : [])],
      targetGroups: [target],
      supportForms: distinct(r, WLZ_SUPPORT_FORMS, int(r, 1, 3)),
      goals: [],
      plan: null,
      wlz: {
        sector,
        zorgprofiel,
        leveringsvorm: weighted(r, LEVERINGSVORM_WEIGHTS),
        // Waiting statuses belong to clients still waiting for care.
        wachtstatus: phase === 'AFTER_INDICATION' ? weighted(r, WACHTSTATUS_WEIGHTS) : null,
      },
      openedAt: opened,
      closedAt,
      closeReason,
      outcomes: null,
      moments: [],
    };
    wlz.moments = momentsOf(r, wlz.openedAt, wlz.closedAt ?? limit, r() < 0.6 ? 1 : r() < 0.5 ? 2 : 0);
  }

  // Consents: one WARM_HANDOVER consent per receiving organisation of a referral (recorded before the first one),
  // and for Wlz clients the consents that let the gemeente and the zorgkantoor see each other's trajectory.
  const consents: ConsentPlan[] = [];
  const canRepresent = network?.mayActForClient === true;
  for (const receiver of ['ZORGKANTOOR', 'OCO'] as const) {
    const toReceiver = referrals.filter((ref) => ref.receiver === receiver);
    const first = toReceiver[0];
    if (!first) continue;
    const validFrom = Math.min(...toReceiver.map((ref) => ref.createdAt)) - int(r, 30, 4320) * MINUTE;
    const allFinal = toReceiver.every((ref) => FINAL.has(ref.status));
    consents.push({
      key: `handover:${receiver}`,
      id: deterministicUuid(NS, `consent:handover:${index}:${receiver}`),
      receivingOrganizationId: first.toOrganizationId,
      receivingOrganizationType: null,
      receivingRegionCode: null,
      categories: ['IDENTITY', 'CONTACT', 'QUESTION', 'HANDOVER'],
      purpose: 'WARM_HANDOVER',
      validFrom,
      // Some finished handovers had a consent for a year; those have expired by now.
      validUntil: allFinal && r() < 0.3 ? validFrom + 365 * DAY : null,
      givenBy: givenByOf(r, canRepresent),
      recordedHow: weighted(r, RECORDED_HOW),
      recordedBy: counsellor,
      recordedByOrganizationId: gemeenteOrganizationId,
      revokedAt: null,
      revokedBy: null,
    });
  }
  if (wlz) {
    if (r() < 0.55) {
      const validFrom = Math.min(wlz.openedAt + int(r, 60, 7200) * MINUTE, limit);
      const revoked = r() < 0.08 ? validFrom + int(r, 10, 200) * DAY : null;
      consents.push({
        key: 'gemeente-view',
        id: deterministicUuid(NS, `consent:gemeente:${index}`),
        receivingOrganizationId: gemeenteOrganizationId,
        receivingOrganizationType: null,
        receivingRegionCode: null,
        categories: ['HANDOVER', 'QUESTION'],
        purpose: 'INTEGRATED_SUPPORT',
        validFrom,
        validUntil: null,
        givenBy: givenByOf(r, canRepresent),
        recordedHow: weighted(r, RECORDED_HOW),
        recordedBy: wlz.counsellor,
        recordedByOrganizationId: wlz.organizationId,
        revokedAt: revoked !== null && revoked < limit ? revoked : null,
        revokedBy: revoked !== null && revoked < limit ? wlz.counsellor : null,
      });
    }
    if (r() < 0.25) {
      consents.push({
        key: 'zorgkantoor-view',
        id: deterministicUuid(NS, `consent:zorgkantoor:${index}`),
        receivingOrganizationId: wlz.organizationId,
        receivingOrganizationType: null,
        receivingRegionCode: null,
        categories: ['IDENTITY', 'CONTACT', 'QUESTION', 'PLAN', 'HANDOVER', 'CONTACT_MOMENTS'],
        purpose: 'INTEGRATED_SUPPORT',
        validFrom: Math.min(wlz.openedAt + int(r, 60, 2880) * MINUTE, limit),
        validUntil: null,
        givenBy: givenByOf(r, canRepresent),
        recordedHow: weighted(r, RECORDED_HOW),
        recordedBy: counsellor,
        recordedByOrganizationId: gemeenteOrganizationId,
        revokedAt: null,
        revokedBy: null,
      });
    }
  }
  if (r() < 0.03) {
    // A consent for any OCO provider in the client's region (organisation type × region, not one organisation).
    const validFrom = Math.min(wmo.openedAt + int(r, 60, 14400) * MINUTE, limit);
    consents.push({
      key: 'oco-region',
      id: deterministicUuid(NS, `consent:oco-region:${index}`),
      receivingOrganizationId: null,
      receivingOrganizationType: 'OCO',
      receivingRegionCode: region.code,
      categories: ['IDENTITY', 'QUESTION'],
      purpose: 'INTEGRATED_SUPPORT',
      validFrom,
      validUntil: validFrom + 180 * DAY,
      givenBy: givenByOf(r, canRepresent),
      recordedHow: weighted(r, RECORDED_HOW),
      recordedBy: counsellor,
      recordedByOrganizationId: gemeenteOrganizationId,
      revokedAt: null,
      revokedBy: null,
    });
  }

  // NEN 7513 lines: registration, each referral created, each receiver's answer, and some later reads.
  const registeredAt = wmo.openedAt - int(r, 5, 60) * MINUTE;
  const access: AccessLinePlan[] = [];
  const gemeenteRole = 'CLIENTONDERSTEUNER';
  access.push({
    at: registeredAt,
    action: 'CREATE',
    user: counsellor,
    organizationId: gemeenteOrganizationId,
    role: gemeenteRole,
    categories: ['IDENTITY', 'CONTACT', ...(network ? ['NETWORK'] : [])],
    ground: 'OWN_ORGANIZATION',
    consentId: null,
    accessPoint: 'cases:-:Mutation.registerClient',
    source: 'cases',
  });
  for (const ref of referrals) {
    access.push({
      at: ref.createdAt,
      action: 'CREATE',
      user: counsellor,
      organizationId: gemeenteOrganizationId,
      role: gemeenteRole,
      categories: ['HANDOVER', 'QUESTION'],
      ground: 'OWN_ORGANIZATION',
      consentId: null,
      accessPoint: 'referrals:-:Mutation.createReferral',
      source: 'referrals',
    });
    const answer = ref.steps.find((s) => s.by === 'RECEIVER');
    const consent = consents.find((c) => c.key === ref.consentKey);
    if (answer && consent) {
      access.push({
        at: answer.at,
        action: 'UPDATE',
        user: ref.receiverProfessional,
        organizationId: ref.toOrganizationId,
        role: ref.receiverRole,
        categories: ['HANDOVER'],
        ground: 'CONSENT',
        consentId: consent.id,
        accessPoint: `referrals:-:${mutationOf(answer.action)}`,
        source: 'referrals',
      });
    }
  }
  if (r() < 0.2) {
    access.push({
      at: Math.min(wmo.openedAt + int(r, 1, 90) * DAY, limit),
      action: 'READ',
      user: counsellor,
      organizationId: gemeenteOrganizationId,
      role: gemeenteRole,
      categories: ['HANDOVER', 'IDENTITY', 'QUESTION'],
      ground: 'OWN_ORGANIZATION',
      consentId: null,
      accessPoint: 'cases:ClientView:Client.name',
      source: 'cases',
    });
  }
  const gemeenteView = consents.find((c) => c.key === 'gemeente-view');
  if (wlz && gemeenteView && r() < 0.5) {
    access.push({
      at: Math.min(Math.max(gemeenteView.validFrom + int(r, 1, 30) * DAY, gemeenteView.validFrom + HOUR), gemeenteView.revokedAt ?? limit, limit),
      action: 'READ',
      user: counsellor,
      organizationId: gemeenteOrganizationId,
      role: gemeenteRole,
      categories: ['HANDOVER', 'QUESTION'],
      ground: `CONSENT:${gemeenteView.id}`,
      consentId: gemeenteView.id,
      accessPoint: 'cases:ClientView:Client.name',
      source: 'cases',
    });
  }
  access.sort((a, b) => a.at - b.at);

  return {
    index,
    id: ids.client(index),
    bsn: benchBsn(index),
    gemeente,
    region,
    gemeenteOrganizationId,
    givenName,
    namePrefix,
    familyName,
    dateOfBirth,
    contactChannel,
    network,
    registeredAt,
    wmo,
    wlz,
    referrals,
    consents,
    access,
  };
}

function momentsOf(r: Rng, from: number, until: number, count: number): number[] {
  const out: number[] = [];
  let at = from;
  for (let k = 0; k < count; k++) {
    at = atWorkingHour(r, Math.floor(at / DAY) + int(r, 2, 40));
    if (at >= until) break;
    out.push(at);
  }
  return out;
}

/** The access point's field for a referral step, as the referrals subgraph writes it (`Mutation.acceptReferral`, …). */
function mutationOf(action: ReferralAction): string {
  const transition = TRANSITION_ACTIONS.find((a) => a === action);
  return transition ? `Mutation.${MUTATION_OF_ACTION[transition]}` : '-';
}
