import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CARE_ROLES, LEGAL_DOMAINS, LIFE_DOMAINS, TARGET_GROUPS, workingDaysBetween } from '@hub/domain';
import { badInput, conflict, ErrorCode, forbidden, hubError, notFound } from '@hub/errors';
import { hasRole, type Principal } from '@hub/identity';
import { connectionFromRows, decodeTimestampCursor, encodeCursor, pageSize, requireRole, requireVersion } from '@hub/service-kit';
import { CONSULTABLE_ORGANIZATION_TYPES, CONSULTATION_MOVES, type ConsultationMove, type ConsultationStatus } from './consultation-states.ts';
import type { Context } from './context.ts';
import {
  findConsultationFigures,
  findConsultationPage,
  insertConsultation,
  moveConsultation,
  type ConsultationBox,
  type ConsultationRow,
} from './db/consultations.ts';
import { parsePeriod } from './periods.ts';
import { guardText, parseInput, requireUuid, shortText } from './validation.ts';

/**
 * Consultation without handover (collegiale consultatie). The parties are organisations: the asking organisation's
 * professionals (care roles) and the addressee's cliëntondersteuners. Anyone else learns nothing, not even that a
 * consultation exists: a read gives null and a change NOT_FOUND, exactly as for an id that does not exist.
 */

const ASKER_ROLES = CARE_ROLES;
const ASKER_REFUSAL = 'Only professionals (TOEGANG, CLIENTONDERSTEUNER, ZORGBEMIDDELAAR) take part in consultations.';
const ADDRESSEE_ROLE = 'CLIENTONDERSTEUNER' as const;
/** What the privacy guard's message asks the writer to describe instead. */
const GUARD_SUBJECT = 'the situation';
/** A count of 1–4 is withheld, like the hub's other reports. */
const THRESHOLD = 5;

type Party = 'ASKER' | 'ADDRESSEE';

/** The caller's side of a consultation, or null when it is not a party to it. */
function partyOf(p: Principal, c: ConsultationRow): Party | null {
  if (p.organizationId === c.fromOrganizationId && hasRole(p, ...ASKER_ROLES)) return 'ASKER';
  if (p.organizationId === c.toOrganizationId && hasRole(p, ADDRESSEE_ROLE)) return 'ADDRESSEE';
  return null;
}

const requireProfessional = (ctx: Context) => requireRole(ctx, ASKER_ROLES, ASKER_REFUSAL);

export async function readConsultation(ctx: Context, id: string): Promise<ConsultationRow | null> {
  const p = requireProfessional(ctx);
  const c = await ctx.loaders.consultation.load(requireUuid(id, 'id'));
  return c && partyOf(p, c) ? c : null;
}

export async function consultationPage(
  ctx: Context,
  box: ConsultationBox,
  args: { status?: ConsultationStatus | string | null; first?: number | null; after?: string | null },
) {
  const p =
    box === 'INBOX'
      ? requireRole(ctx, [ADDRESSEE_ROLE], 'Only cliëntondersteuners (CLIENTONDERSTEUNER) read the consultations addressed to their organisation.')
      : requireProfessional(ctx);
  const first = pageSize(args.first);
  const after = args.after ? decodeTimestampCursor(args.after) : null;
  const status = parseInput(z.enum(['OPEN', 'ANSWERED', 'CLOSED', 'WITHDRAWN']).nullish(), args.status, 'status') ?? null;
  const { rows, totalCount } = await findConsultationPage(ctx.db, { box, organizationId: p.organizationId, status, after, limit: first + 1 });
  const keys = new Map(rows.map((r) => [r.consultation.id, r.key]));
  for (const r of rows) ctx.loaders.consultation.prime(r.consultation.id, r.consultation);
  const page = connectionFromRows(
    rows.map((r) => r.consultation),
    first,
    (c) => encodeCursor(keys.get(c.id) ?? '', c.id),
    after !== null,
  );
  return { ...page, totalCount };
}

/** A question describes a situation in a few words: a code, an id or a single word is not one. */
const MIN_QUESTION_LENGTH = 20;
const MIN_QUESTION_WORDS = 3;

const optionalCode = <T extends readonly [string, ...string[]]>(list: T) =>
  z
    .enum(list)
    .nullish()
    .transform((v) => v ?? null);

const askSchema = z.object({
  toOrganizationId: z.string(),
  question: z
    .string()
    .trim()
    .min(MIN_QUESTION_LENGTH, `at least ${MIN_QUESTION_LENGTH} characters`)
    .max(4000, 'at most 4000 characters')
    .refine((q) => q.split(/\s+/).length >= MIN_QUESTION_WORDS, `at least ${MIN_QUESTION_WORDS} words`),
  lifeDomains: z
    .array(z.enum(LIFE_DOMAINS))
    .max(LIFE_DOMAINS.length, `at most ${LIFE_DOMAINS.length}`)
    .nullish()
    .transform((v) => [...new Set(v ?? [])]),
  targetGroup: optionalCode(TARGET_GROUPS),
  legalDomain: optionalCode(LEGAL_DOMAINS),
});

export async function askConsultation(ctx: Context, raw: unknown): Promise<ConsultationRow> {
  const p = requireProfessional(ctx);
  const input = parseInput(askSchema, raw, 'input');
  const toOrganizationId = requireUuid(input.toOrganizationId, 'input.toOrganizationId');
  guardText(input.question, 'input.question', GUARD_SUBJECT);
  if (toOrganizationId === p.organizationId) throw badInput('input.toOrganizationId', 'Ask another organisation than your own.');
  // The sociale kaart knows which organisations give cliëntondersteuning; an unknown id and one of another type get
  // the same answer.
  const [facts] = await ctx.peers.organizationFacts([toOrganizationId], ctx.meta);
  const type = facts?.exists ? facts.type : null;
  if (!type || !(CONSULTABLE_ORGANIZATION_TYPES as readonly string[]).includes(type)) {
    throw badInput('input.toOrganizationId', 'No organisation giving cliëntondersteuning (OCO, gemeente or zorgkantoor) with this id in the sociale kaart.');
  }
  return insertConsultation(ctx.db, {
    id: randomUUID(),
    fromOrganizationId: p.organizationId,
    askerSubject: p.subject,
    toOrganizationId,
    toOrganizationType: type,
    question: input.question,
    lifeDomains: input.lifeDomains,
    targetGroup: input.targetGroup,
    legalDomain: input.legalDomain,
  });
}

/** Who may make each move: the addressee answers, the asker closes and withdraws. */
const MOVER: Record<ConsultationMove, Party> = { answer: 'ADDRESSEE', close: 'ASKER', withdraw: 'ASKER' };

/**
 * One move of the life cycle. Input is checked first (a bad id, version or answer changes nothing and says nothing
 * about any consultation), then the caller's part: no party gets NOT_FOUND, the other party FORBIDDEN.
 */
export async function moveConsultationAs(
  ctx: Context,
  move: ConsultationMove,
  input: { id: string; expectedVersion: number; answer?: string | null | undefined },
): Promise<ConsultationRow> {
  const p = requireProfessional(ctx);
  const id = requireUuid(input.id, 'input.id');
  const expectedVersion = requireVersion(input.expectedVersion);
  const answer = move === 'answer' ? guardText(parseInput(shortText(4000), input.answer, 'input.answer'), 'input.answer', GUARD_SUBJECT) : undefined;
  const c = await ctx.loaders.consultation.load(id);
  const party = c ? partyOf(p, c) : null;
  if (!c || !party) throw notFound('Consultation');
  if (party !== MOVER[move]) {
    throw forbidden(
      move === 'answer' ? 'Only the organisation asked for advice answers a consultation.' : `Only the organisation that asked may ${move} a consultation.`,
    );
  }
  if (c.version !== expectedVersion) throw conflict('Consultation');
  const { from, to } = CONSULTATION_MOVES[move];
  if (c.status !== from) {
    throw hubError(ErrorCode.INVALID_TRANSITION, `A consultation in state ${c.status} cannot move to ${to}.`, { details: { from: c.status, to } });
  }
  const moved = await moveConsultation(ctx.db, {
    id,
    from,
    to,
    expectedVersion,
    answer: answer === undefined ? undefined : { text: answer, bySubject: p.subject },
  });
  if (!moved) throw conflict('Consultation');
  ctx.loaders.consultation.clear(id).prime(id, moved);
  return moved;
}

const withheld = (n: number) => n > 0 && n < THRESHOLD;
const count = (n: number) => (withheld(n) ? { value: null, withheld: true, display: 'withheld' } : { value: n, withheld: false, display: String(n) });

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m = sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return Math.round(m * 10) / 10;
}

/**
 * The caller's organisation's figures for a month or quarter. They count consultations the organisation can list in
 * its own inbox and outbox, so withholding 1–4 follows the hub's reports rather than hiding anything from the caller:
 * the figures can be passed on (to a gemeente, in a report) without singling out one professional's question.
 */
export async function consultationFigures(ctx: Context, periodText: string) {
  const p = requireProfessional(ctx);
  const period = parsePeriod('MONTH', periodText) ?? parsePeriod('QUARTER', periodText);
  if (!period) throw badInput('period', 'period must be a month (2026-11) or a quarter (2026-Q4).');
  const f = await findConsultationFigures(ctx.db, { organizationId: p.organizationId, from: period.startsOn, before: period.endsBefore });
  const answered = f.answered.length;
  return {
    period: period.key,
    startsOn: period.startsOn,
    endsOn: period.endsOn,
    asked: count(f.asked),
    received: count(f.received),
    answered: count(answered),
    medianWorkingDaysToAnswer: answered >= THRESHOLD ? median(f.answered.map((a) => workingDaysBetween(a.askedOn, a.answeredOn))) : null,
  };
}
