import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CARE_ROLES, LEGAL_DOMAINS, TARGET_GROUPS } from '@hub/domain';
import { badInput, conflict, ErrorCode, forbidden, hubError, notFound } from '@hub/errors';
import { hasRole, type Principal } from '@hub/identity';
import { requireRole, requireUser, requireVersion } from '@hub/service-kit';
import { isRegionZorgkantoor, maySeeKnelpunt, regionOfKnelpunt, requireTableMember } from '../access.ts';
import type { Context } from '../context.ts';
import { askConsultation, moveConsultationAs } from '../consultations.ts';
import type { KnelpuntRow, SignalRow } from '../db/queries.ts';
import {
  addMember,
  completeAction,
  handToZorginkoop,
  insertAction,
  insertDecision,
  insertFeedback,
  insertKnelpunt,
  insertMeeting,
  insertSignal,
  linkSignals,
  MAX_OVERLEGTAFEL_MEMBERS,
  noteZorgkantoor,
  recordZorginkoopOutcome,
  removeMember,
  resolveKnelpunt,
  touchKnelpunt,
  updateKnelpuntReopenThreshold,
  updateKnelpuntStatus,
  updateKnelpuntTheme,
} from '../db/writes.ts';
import { isFinal, mayTransition } from '../knelpunt-states.ts';
import { linkFollowUps, themeOf, themeWith } from '../learning-loop.ts';
import { insertNotificationEvents, signalFeedbackEvents } from '../notification-events.ts';
import {
  addDays,
  calendarDate,
  guardText,
  parseInput,
  reportSignalSchema,
  requireRegionCode,
  requireUuid,
  SIGNAL_CATEGORIES,
  shortText,
  today,
} from '../validation.ts';
import type { MutationResolvers } from '../generated/resolvers-types.ts';

const MAX_SIGNALS_PER_CALL = 500;

async function requireOverlegtafel(ctx: Context, region: string) {
  const table = await ctx.loaders.overlegtafelByRegion.load(region);
  if (!table) throw badInput('zorgkantoorregioCode', `Unknown zorgkantoorregio ${region}.`);
  return table;
}

/** Loads a knelpunt the caller acts on as an overlegtafel member of its region. */
async function memberKnelpunt(ctx: Context, id: string, field: string): Promise<{ k: KnelpuntRow; region: string; principal: Principal }> {
  requireUser(ctx);
  const k = await ctx.loaders.knelpunt.load(requireUuid(id, field));
  if (!k) throw notFound('Knelpunt');
  const region = await regionOfKnelpunt(ctx, k);
  const principal = await requireTableMember(ctx, region);
  await noteRegionZorgkantoor(ctx, region, principal);
  return { k, region, principal };
}

/**
 * The region's zorgkantoor takes part without being a stored member: its organisation id is remembered when it acts at
 * the table, so that it is told when a knelpunt reopens (KNELPUNT_REOPENED).
 */
async function noteRegionZorgkantoor(ctx: Context, region: string, p: Principal): Promise<void> {
  if (isRegionZorgkantoor(p, region)) await noteZorgkantoor(ctx.db, region, p.organizationId);
}

const NOTE = (field: string) => (value: unknown) => guardText(parseInput(shortText(4000), value, field), field);

const themeSchema = z.object({
  categories: z
    .array(z.enum(SIGNAL_CATEGORIES))
    .min(1, 'name at least one category')
    .transform((v) => [...new Set(v)].sort()),
  targetGroups: z.array(z.enum(TARGET_GROUPS)).transform((v) => [...new Set(v)].sort()),
  legalDomains: z
    .array(z.enum(LEGAL_DOMAINS))
    .nullish()
    .transform((v) => [...new Set(v ?? [])].sort()),
});

const ZORGINKOOP_ROLES = ['OVERLEGTAFEL', 'ZORGBEMIDDELAAR', 'BELEIDSMEDEWERKER'] as const;

function refuseWhenFinal(k: KnelpuntRow, what: string): void {
  if (isFinal(k.status)) throw hubError(ErrorCode.INVALID_TRANSITION, `A knelpunt in state ${k.status} is closed: ${what} is no longer possible.`);
}

/** Signals to group: they exist, lie in the region, and the list has no duplicates. */
async function requireRegionSignals(ctx: Context, ids: readonly string[], region: string, field: string): Promise<string[]> {
  if (ids.length === 0) throw badInput(field, `${field} must name at least one signal.`);
  if (ids.length > MAX_SIGNALS_PER_CALL) throw badInput(field, `At most ${MAX_SIGNALS_PER_CALL} signals at once.`);
  const unique = [...new Set(ids.map((id, i) => requireUuid(id, `${field}.${i}`)))];
  const rows = await ctx.loaders.signal.loadMany(unique);
  rows.forEach((row, i) => {
    if (row instanceof Error) throw row;
    if (!row || row.zorgkantoorregioCode !== region) throw badInput(`${field}.${i}`, `No signal with this id in ${region}.`);
  });
  return unique;
}

/** Signals already loaded (and checked) by requireRegionSignals. */
async function loadedSignals(ctx: Context, ids: readonly string[]): Promise<SignalRow[]> {
  return (await ctx.loaders.signal.loadMany(ids)).filter((r): r is SignalRow => r !== null && !(r instanceof Error));
}

const createKnelpuntSchema = z.object({
  zorgkantoorregioCode: z.string(),
  title: shortText(200),
  description: z
    .string()
    .trim()
    .max(4000, 'at most 4000 characters')
    .nullish()
    .transform((v) => v ?? ''),
  signalIds: z.array(z.string()),
});

export const Mutation: MutationResolvers = {
  reportSignal: async (_, args, ctx) => {
    const p = requireRole(
      ctx,
      [...CARE_ROLES, 'OVERLEGTAFEL'],
      'Only professionals (CLIENTONDERSTEUNER, TOEGANG, ZORGBEMIDDELAAR, OVERLEGTAFEL) report signals.',
    );
    const input = parseInput(reportSignalSchema, args.input, 'input');
    if (input.description) guardText(input.description, 'input.description');
    let region = input.zorgkantoorregioCode;
    if (input.gemeenteCode) {
      const ofGemeente = await ctx.loaders.regionOfGemeente.load(input.gemeenteCode);
      if (!ofGemeente) throw badInput('input.gemeenteCode', 'Unknown gemeente.');
      if (region && region !== ofGemeente) throw badInput('input.zorgkantoorregioCode', `The gemeente lies in ${ofGemeente}, not in ${region}.`);
      region = ofGemeente;
    } else if (region) {
      await requireOverlegtafel(ctx, region);
    }
    // The follow-up links of the signal (and a reopening they cause) are stored in the signal's transaction.
    const signal = await ctx.db.transaction(async (tx) => {
      const stored = await insertSignal(tx, {
        id: randomUUID(),
        source: 'REPORTED',
        reporterOrganizationId: p.organizationId,
        reporterSubject: p.subject,
        category: input.category,
        targetGroup: input.targetGroup,
        ageBand: input.ageBand,
        legalDomain: input.legalDomain,
        wlzSector: input.wlzSector,
        lifeDomain: input.lifeDomain,
        serviceId: input.serviceId,
        organizationId: input.organizationId,
        gemeenteCode: input.gemeenteCode,
        zorgkantoorregioCode: region,
        observedOn: input.observedOn,
        waitDays: input.waitDays,
        clientCount: input.clientCount,
        description: input.description,
      });
      await linkFollowUps(tx, [stored.id], ctx.settings);
      return stored;
    });
    return { signal };
  },

  addOverlegtafelMember: async (_, args, ctx) => {
    const table = await chairOf(ctx, args.input.zorgkantoorregioCode);
    if ((await addMember(ctx.db, table.id, requireUuid(args.input.organizationId, 'input.organizationId'))) === 'FULL') {
      throw badInput('input.organizationId', `An overlegtafel has at most ${MAX_OVERLEGTAFEL_MEMBERS} members; remove one first.`);
    }
    return { overlegtafel: table };
  },

  removeOverlegtafelMember: async (_, args, ctx) => {
    const table = await chairOf(ctx, args.input.zorgkantoorregioCode);
    await removeMember(ctx.db, table.id, requireUuid(args.input.organizationId, 'input.organizationId'));
    return { overlegtafel: table };
  },

  scheduleOverlegtafelMeeting: async (_, args, ctx) => {
    const region = requireRegionCode(args.input.zorgkantoorregioCode, 'input.zorgkantoorregioCode');
    await requireTableMember(ctx, region);
    const table = await requireOverlegtafel(ctx, region);
    const heldOn = parseInput(calendarDate, args.input.heldOn, 'input.heldOn');
    const title = guardText(parseInput(shortText(200), args.input.title, 'input.title'), 'input.title');
    return { meeting: await insertMeeting(ctx.db, { overlegtafelId: table.id, heldOn, title }) };
  },

  createKnelpunt: async (_, args, ctx) => {
    const input = parseInput(createKnelpuntSchema, args.input, 'input');
    const region = requireRegionCode(input.zorgkantoorregioCode, 'input.zorgkantoorregioCode');
    const principal = await requireTableMember(ctx, region);
    const table = await requireOverlegtafel(ctx, region);
    guardText(input.title, 'input.title');
    if (input.description) guardText(input.description, 'input.description');
    const signalIds = await requireRegionSignals(ctx, input.signalIds, region, 'input.signalIds');
    const grouped = await loadedSignals(ctx, signalIds);
    const theme = themeWith({ categories: [], targetGroups: [], legalDomains: [] }, grouped);
    await noteRegionZorgkantoor(ctx, region, principal);
    const knelpunt = await ctx.db.transaction(async (tx) => {
      const k = await insertKnelpunt(tx, {
        overlegtafelId: table.id,
        title: input.title,
        description: input.description,
        createdByOrganizationId: principal.organizationId,
        themeCategories: theme.categories,
        themeTargetGroups: theme.targetGroups,
        themeLegalDomains: theme.legalDomains,
      });
      // Throwing rolls the knelpunt back too: a signal belongs to at most one knelpunt.
      if ((await linkSignals(tx, k.id, signalIds)) !== signalIds.length) {
        throw badInput('input.signalIds', 'Some of these signals are already grouped into another knelpunt.');
      }
      return k;
    });
    return { knelpunt };
  },

  addSignalsToKnelpunt: async (_, args, ctx) => {
    const { k, region } = await memberKnelpunt(ctx, args.input.knelpuntId, 'input.knelpuntId');
    refuseWhenFinal(k, 'adding signals');
    const signalIds = await requireRegionSignals(ctx, args.input.signalIds, region, 'input.signalIds');
    // Read before the transaction: a statement outside it would wait for it on a single-connection database.
    const already = new Set((await ctx.loaders.signalsOfKnelpunt.load(k.id)).map((s) => s.id));
    const fresh = signalIds.filter((id) => !already.has(id));
    // The theme grows with the categories and target groups of the signals added.
    const theme = themeWith(themeOf(k), await loadedSignals(ctx, fresh));
    const knelpunt = await ctx.db.transaction(async (tx) => {
      if ((await linkSignals(tx, k.id, fresh)) !== fresh.length) {
        throw badInput('input.signalIds', 'Some of these signals are already grouped into another knelpunt.');
      }
      return (await updateKnelpuntTheme(tx, k.id, theme)) ?? k;
    });
    ctx.loaders.signalsOfKnelpunt.clear(k.id);
    return { knelpunt };
  },

  transitionKnelpunt: async (_, args, ctx) => {
    const { input } = args;
    const { k, principal } = await memberKnelpunt(ctx, input.knelpuntId, 'input.knelpuntId');
    if (k.version !== requireVersion(input.expectedVersion)) throw conflict('Knelpunt');
    if (!mayTransition(k.status, input.to)) {
      throw hubError(ErrorCode.INVALID_TRANSITION, `A knelpunt cannot move from ${k.status} to ${input.to}.`, {
        details: { from: k.status, to: input.to },
      });
    }
    if (input.to === 'ACTION' && (await ctx.loaders.actionsOf.load(k.id)).length === 0) {
      throw hubError(ErrorCode.INVALID_TRANSITION, 'Record at least one action (owner and due date) before moving to ACTION.', {
        details: { from: k.status, to: input.to },
      });
    }
    let resolutionNote: string | null = null;
    if (input.to === 'RESOLVED') {
      if (input.resolutionNote === null || input.resolutionNote === undefined) {
        throw badInput('input.resolutionNote', 'Say what solved the knelpunt: a resolution note is required for RESOLVED.');
      }
      resolutionNote = NOTE('input.resolutionNote')(input.resolutionNote);
    } else if (input.resolutionNote !== null && input.resolutionNote !== undefined) {
      throw badInput('input.resolutionNote', 'A resolution note goes only with the move to RESOLVED.');
    }
    let meetingId: string | null = null;
    if (input.meetingId) {
      const meeting = await ctx.loaders.meeting.load(requireUuid(input.meetingId, 'input.meetingId'));
      if (!meeting || meeting.overlegtafelId !== k.overlegtafelId) throw badInput('input.meetingId', 'No meeting with this id at this overlegtafel.');
      meetingId = meeting.id;
    }
    const updated = await ctx.db.transaction(async (tx) => {
      const moved = await updateKnelpuntStatus(tx, {
        id: k.id,
        from: k.status,
        to: input.to,
        expectedVersion: input.expectedVersion,
        meetingId,
        byOrganizationId: principal.organizationId,
      });
      return moved && resolutionNote !== null ? resolveKnelpunt(tx, k.id, resolutionNote) : moved;
    });
    if (!updated) throw conflict('Knelpunt');
    return { knelpunt: updated };
  },

  recordKnelpuntDecision: async (_, args, ctx) => {
    const { input } = args;
    const { k, principal } = await memberKnelpunt(ctx, input.knelpuntId, 'input.knelpuntId');
    const text = guardText(parseInput(shortText(4000), input.text, 'input.text'), 'input.text');
    const decidedOn = input.decidedOn ? parseInput(calendarDate, input.decidedOn, 'input.decidedOn') : today();
    let meetingId: string | null = null;
    if (input.meetingId) {
      const meeting = await ctx.loaders.meeting.load(requireUuid(input.meetingId, 'input.meetingId'));
      if (!meeting || meeting.overlegtafelId !== k.overlegtafelId) throw badInput('input.meetingId', 'No meeting with this id at this overlegtafel.');
      meetingId = meeting.id;
    }
    const decision = await ctx.db.transaction(async (tx) => {
      const d = await insertDecision(tx, { knelpuntId: k.id, text, decidedOn, meetingId, byOrganizationId: principal.organizationId });
      await touchKnelpunt(tx, k.id);
      return d;
    });
    return { decision };
  },

  addKnelpuntAction: async (_, args, ctx) => {
    const { input } = args;
    const { k } = await memberKnelpunt(ctx, input.knelpuntId, 'input.knelpuntId');
    refuseWhenFinal(k, 'adding an action');
    const description = guardText(parseInput(shortText(2000), input.description, 'input.description'), 'input.description');
    const ownerOrganizationId = requireUuid(input.ownerOrganizationId, 'input.ownerOrganizationId');
    const dueOn = parseInput(
      calendarDate.refine((d) => d >= today(), 'must not be in the past').refine((d) => d <= addDays(today(), 3 * 366), 'at most three years ahead'),
      input.dueOn,
      'input.dueOn',
    );
    const action = await ctx.db.transaction(async (tx) => {
      const a = await insertAction(tx, { knelpuntId: k.id, description, ownerOrganizationId, dueOn });
      await touchKnelpunt(tx, k.id);
      return a;
    });
    return { action };
  },

  completeKnelpuntAction: async (_, args, ctx) => {
    const p = requireUser(ctx);
    const a = await ctx.loaders.action.load(requireUuid(args.input.actionId, 'input.actionId'));
    if (!a) throw notFound('Action');
    if (a.ownerOrganizationId !== p.organizationId) {
      const k = await ctx.loaders.knelpunt.load(a.knelpuntId);
      if (!k) throw notFound('Action');
      await requireTableMember(ctx, await regionOfKnelpunt(ctx, k));
    }
    const done = await completeAction(ctx.db, a.id);
    if (!done) throw notFound('Action');
    return { action: done };
  },

  addKnelpuntFeedback: async (_, args, ctx) => {
    const { k, principal } = await memberKnelpunt(ctx, args.input.knelpuntId, 'input.knelpuntId');
    const text = guardText(parseInput(shortText(4000), args.input.text, 'input.text'), 'input.text');
    const feedback = await ctx.db.transaction(async (tx) => {
      const f = await insertFeedback(tx, { knelpuntId: k.id, text, byOrganizationId: principal.organizationId });
      await touchKnelpunt(tx, k.id);
      await insertNotificationEvents(tx, await signalFeedbackEvents(tx, k.id, principal.organizationId, f.createdAt));
      return f;
    });
    return { feedback };
  },

  updateKnelpuntTheme: async (_, args, ctx) => {
    const { k } = await memberKnelpunt(ctx, args.input.knelpuntId, 'input.knelpuntId');
    const theme = parseInput(themeSchema, args.input, 'input');
    return { knelpunt: (await updateKnelpuntTheme(ctx.db, k.id, theme)) ?? k };
  },

  setKnelpuntReopenThreshold: async (_, args, ctx) => {
    const { k } = await memberKnelpunt(ctx, args.input.knelpuntId, 'input.knelpuntId');
    const threshold = parseInput(z.number().int().min(1, 'at least 1').max(1000, 'at most 1000').nullish(), args.input.threshold, 'input.threshold');
    return { knelpunt: (await updateKnelpuntReopenThreshold(ctx.db, k.id, threshold ?? null)) ?? k };
  },

  handKnelpuntToZorginkoop: async (_, args, ctx) => {
    const { k, principal } = await memberKnelpunt(ctx, args.input.knelpuntId, 'input.knelpuntId');
    const question = NOTE('input.question')(args.input.question);
    refuseWhenFinal(k, 'handing it to zorginkoop');
    if (k.zorginkoopStatus === 'ASKED') {
      throw hubError(ErrorCode.INVALID_TRANSITION, 'This knelpunt waits for the outcome of zorginkoop already.', { details: { zorginkoop: 'ASKED' } });
    }
    const updated = await handToZorginkoop(ctx.db, { id: k.id, question, askedOn: today(), byOrganizationId: principal.organizationId });
    if (!updated) throw conflict('Knelpunt');
    return { knelpunt: updated };
  },

  recordZorginkoopOutcome: async (_, args, ctx) => {
    const p = requireUser(ctx);
    const { input } = args;
    const k = await ctx.loaders.knelpunt.load(requireUuid(input.knelpuntId, 'input.knelpuntId'));
    if (!k || !(await maySeeKnelpunt(ctx, k))) throw notFound('Knelpunt');
    const region = await regionOfKnelpunt(ctx, k);
    if (!isRegionZorgkantoor(p, region) || !ZORGINKOOP_ROLES.some((r) => hasRole(p, r))) {
      throw forbidden(`Only the zorgkantoor of ${region} (roles OVERLEGTAFEL, ZORGBEMIDDELAAR or BELEIDSMEDEWERKER) records the outcome of zorginkoop.`);
    }
    const text = NOTE('input.text')(input.text);
    const decidedOn = input.decidedOn
      ? parseInput(
          calendarDate.refine((d) => d <= today(), 'must not be in the future'),
          input.decidedOn,
          'input.decidedOn',
        )
      : today();
    if (k.zorginkoopStatus !== 'ASKED' || !k.zorginkoopAskedOn) {
      throw hubError(ErrorCode.INVALID_TRANSITION, 'This knelpunt does not wait for an outcome of zorginkoop.', {
        details: { zorginkoop: k.zorginkoopStatus },
      });
    }
    if (decidedOn < k.zorginkoopAskedOn) throw badInput('input.decidedOn', 'input.decidedOn must not be before the question was asked.');
    await noteZorgkantoor(ctx.db, region, p.organizationId);
    const updated = await ctx.db.transaction(async (tx) => {
      const done = await recordZorginkoopOutcome(tx, {
        id: k.id,
        status: input.outcome === 'AGREEMENT' ? 'AGREED' : 'REFUSED',
        outcome: text,
        decidedOn,
        byOrganizationId: p.organizationId,
      });
      if (done) await insertNotificationEvents(tx, await signalFeedbackEvents(tx, k.id, p.organizationId, done.updatedAt, 'ZORGINKOOP_OUTCOME'));
      return done;
    });
    // Of two concurrent outcomes exactly one is recorded.
    if (!updated) throw conflict('Knelpunt');
    return { knelpunt: updated };
  },

  askConsultation: async (_, args, ctx) => ({ consultation: await askConsultation(ctx, args.input) }),
  answerConsultation: async (_, args, ctx) => ({ consultation: await moveConsultationAs(ctx, 'answer', args.input) }),
  closeConsultation: async (_, args, ctx) => ({ consultation: await moveConsultationAs(ctx, 'close', args.input) }),
  withdrawConsultation: async (_, args, ctx) => ({ consultation: await moveConsultationAs(ctx, 'withdraw', args.input) }),
};

/** Membership is managed by the region's zorgkantoor, acting with the OVERLEGTAFEL role (it chairs the table). */
async function chairOf(ctx: Context, code: string) {
  const p = requireUser(ctx);
  const region = requireRegionCode(code, 'input.zorgkantoorregioCode');
  if (!isRegionZorgkantoor(p, region) || !hasRole(p, 'OVERLEGTAFEL')) {
    throw forbidden(`Only the zorgkantoor of ${region} (role OVERLEGTAFEL) manages its overlegtafel.`);
  }
  const table = await requireOverlegtafel(ctx, region);
  await noteZorgkantoor(ctx.db, region, p.organizationId);
  return table;
}
