import { randomUUID } from 'node:crypto';
import { encodeRoles } from '@hub/contracts';
import { amsterdamDate, CARE_ROLES, containsBsn, workingDaysBetween as workingDaysBetweenDates } from '@hub/domain';
import { badInput, conflict, ErrorCode, forbidden, hubError, notFound } from '@hub/errors';
import { hasRole, type Principal } from '@hub/identity';
import { connectionFromRows, decodeTimestampCursor, encodeCursor, pageSize, requireRole, requireUser } from '@hub/service-kit';
import { lineFor } from './access-log.ts';
import { ownersOf } from './consent/access.ts';
import { breakGlassOpenedEvent } from './notification-events.ts';
import type { Context } from './context.ts';
import {
  findBreakGlassById,
  findBreakGlassOfUser,
  findOrganizationSetting,
  listBreakGlassOfOrganization,
  type BreakGlassRow,
  type OrganizationSettingRow,
} from './db/queries.ts';
import { insertBreakGlass, reviewBreakGlassIfVersion, upsertOrganizationSetting } from './db/writes.ts';
import type { ConfigureBreakGlassInput, OpenBreakGlassInput, ReviewBreakGlassInput } from './generated/resolvers-types.ts';
import { requireUuid, requireVersion } from './validation.ts';

/**
 * Break-glass: in acute danger a care professional opens a client's data without consent, for a short fixed time,
 * with a written reason. Every opening and every read under it is logged with ground BREAK_GLASS (the client sees it in
 * their access overview at once); the privacy officer of the professional's organisation reviews each opening.
 */

/** The ground an access-log line names for an opening and for every read under it. */
export const BREAK_GLASS_GROUND = 'BREAK_GLASS';
/** No organisation may let one opening last longer than this. */
export const BREAK_GLASS_MAX_HOURS = 24;
/** What an organisation gets before its privacy officer configured anything (break-glass itself stays off). */
export const BREAK_GLASS_DEFAULTS = { enabled: false, hours: 4, dailyLimit: 3 } as const;
/** An opening not reviewed after this many working days (Monday to Friday) is flagged in the review queue. */
export const REVIEW_DUE_WORKING_DAYS = 5;
/** A professional with an opening marked unjustified within this many days may not open another. */
export const UNJUSTIFIED_BLOCK_DAYS = 30;
export const REASON_MIN_LENGTH = 20;
export const REASON_MAX_LENGTH = 1000;

const DAY_MS = 86_400_000;

/** The organisation's break-glass settings, or the defaults (off) when its privacy officer never set them. */
export interface BreakGlassSettingsData {
  organizationId: string;
  enabled: boolean;
  hours: number;
  dailyLimit: number;
}

function settingsOf(organizationId: string, row: OrganizationSettingRow | null): BreakGlassSettingsData {
  if (!row) return { organizationId, ...BREAK_GLASS_DEFAULTS };
  return { organizationId, enabled: row.breakGlassEnabled, hours: row.breakGlassHours, dailyLimit: row.breakGlassDailyLimit };
}

export async function breakGlassSettings(ctx: Context): Promise<BreakGlassSettingsData> {
  const p = requireUser(ctx);
  return settingsOf(p.organizationId, await findOrganizationSetting(ctx.db, p.organizationId));
}

/** The privacy officer turns break-glass on or off for their organisation, with its duration and daily limit. */
export async function configureBreakGlass(ctx: Context, input: ConfigureBreakGlassInput): Promise<BreakGlassSettingsData> {
  const p = requireRole(ctx, ['PRIVACY_OFFICER'], 'Only the PRIVACY_OFFICER of the organisation may configure break-glass.');
  const hours = input.durationHours ?? BREAK_GLASS_DEFAULTS.hours;
  if (!Number.isInteger(hours) || hours < 1 || hours > BREAK_GLASS_MAX_HOURS) {
    throw badInput('input.durationHours', `durationHours must be a whole number of hours from 1 to ${BREAK_GLASS_MAX_HOURS}.`);
  }
  const dailyLimit = input.dailyLimit ?? BREAK_GLASS_DEFAULTS.dailyLimit;
  if (!Number.isInteger(dailyLimit) || dailyLimit < 1 || dailyLimit > 20) throw badInput('input.dailyLimit', 'dailyLimit must be a whole number from 1 to 20.');
  const row = await upsertOrganizationSetting(ctx.db, {
    organizationId: p.organizationId,
    breakGlassEnabled: input.enabled,
    breakGlassHours: hours,
    breakGlassDailyLimit: dailyLimit,
    updatedByUserId: p.subject,
  });
  return settingsOf(p.organizationId, row);
}

function requireReason(raw: string): string {
  const reason = raw.trim().replace(/\s+/g, ' ');
  if (reason.length < REASON_MIN_LENGTH) {
    throw badInput('input.reason', `Describe the acute danger in at least ${REASON_MIN_LENGTH} characters.`);
  }
  if (reason.length > REASON_MAX_LENGTH) throw badInput('input.reason', `The reason may be at most ${REASON_MAX_LENGTH} characters.`);
  if (containsBsn(reason)) throw badInput('input.reason', 'The reason must not contain a BSN.');
  return reason;
}

/** The caller's open (not expired) break-glass opening for this client in their own organisation, if any. */
export async function activeBreakGlass(ctx: Context, p: Principal, clientId: string): Promise<BreakGlassRow | null> {
  if (!hasRole(p, ...CARE_ROLES)) return null;
  const grants = await ctx.loaders.breakGlassByClient.load(clientId);
  const now = ctx.now.getTime();
  return (
    grants.find((g) => g.userId === p.subject && g.organizationId === p.organizationId && g.openedAt.getTime() <= now && g.expiresAt.getTime() > now) ?? null
  );
}

/**
 * Opens a client's data to the caller for the organisation's fixed duration. Refused (FORBIDDEN) for a role without
 * care, when the organisation has break-glass off, beyond the daily limit, and while the caller has an opening marked
 * unjustified in the last UNJUSTIFIED_BLOCK_DAYS days. Each refusal for an existing client is logged too.
 */
export async function openBreakGlass(ctx: Context, input: OpenBreakGlassInput): Promise<BreakGlassRow> {
  const p = requireUser(ctx);
  const clientId = requireUuid(input.clientId, 'input.clientId');
  const reason = requireReason(input.reason);
  const client = await ctx.loaders.client.load(clientId);
  if (!client) throw notFound('Client');
  const refuse = (code: string, message: string): never => {
    ctx.accessLog.record({
      field: 'Mutation.openBreakGlass',
      clientId: client.id,
      action: 'READ',
      outcome: 'REFUSED',
      categories: ['IDENTITY'],
      ground: BREAK_GLASS_GROUND,
      reason: `BREAK_GLASS_${code}`,
    });
    throw forbidden(message);
  };
  if (!hasRole(p, ...CARE_ROLES)) return refuse('ROLE', 'Only TOEGANG, CLIENTONDERSTEUNER or ZORGBEMIDDELAAR may use break-glass.');
  const settings = settingsOf(p.organizationId, await findOrganizationSetting(ctx.db, p.organizationId));
  if (!settings.enabled) return refuse('DISABLED', 'Break-glass is not enabled for your organisation.');
  const recent = await findBreakGlassOfUser(ctx.db, p.organizationId, p.subject, new Date(ctx.now.getTime() - UNJUSTIFIED_BLOCK_DAYS * DAY_MS));
  if (recent.some((g) => g.justified === false)) {
    return refuse('UNJUSTIFIED', 'You have a break-glass opening that was judged unjustified; ask your privacy officer.');
  }
  const today = recent.filter((g) => g.openedAt.getTime() > ctx.now.getTime() - DAY_MS);
  if (today.length >= settings.dailyLimit) return refuse('DAILY_LIMIT', `You reached the limit of ${settings.dailyLimit} break-glass openings in 24 hours.`);
  const openedAt = ctx.now;
  const owners = await ownersOf(ctx, client.id);
  return insertBreakGlass(
    ctx.db,
    {
      id: randomUUID(),
      clientId: client.id,
      organizationId: p.organizationId,
      userId: p.subject,
      userName: p.name ?? null,
      role: encodeRoles(p.roles),
      reason,
      openedAt,
      expiresAt: new Date(openedAt.getTime() + settings.hours * 3_600_000),
    },
    lineFor(ctx, p, {
      field: 'Mutation.openBreakGlass',
      clientId: client.id,
      action: 'READ',
      outcome: 'GRANTED',
      categories: ['IDENTITY'],
      ground: BREAK_GLASS_GROUND,
      reason: 'BREAK_GLASS_OPENED',
    }),
    breakGlassOpenedEvent(client.id, owners, p.organizationId, openedAt),
  );
}

/** Working days (Monday to Friday, not on Dutch public holidays) from the Amsterdam day of `from` to that of `to`. */
export const workingDaysBetween = (from: Date, to: Date): number => workingDaysBetweenDates(amsterdamDate(from), amsterdamDate(to));

/** Whether an opening is still unreviewed after REVIEW_DUE_WORKING_DAYS working days. */
export const reviewOverdue = (g: BreakGlassRow, now: Date): boolean => g.reviewedAt === null && workingDaysBetween(g.openedAt, now) > REVIEW_DUE_WORKING_DAYS;

function requirePrivacyOfficer(ctx: Context): Principal {
  return requireRole(ctx, ['PRIVACY_OFFICER'], 'Only the PRIVACY_OFFICER of the organisation may review its break-glass openings.');
}

/** The review queue of the privacy officer's own organisation, newest first. */
export async function breakGlassReviews(ctx: Context, args: { unreviewedOnly?: boolean | null; first?: number | null; after?: string | null }) {
  const p = requirePrivacyOfficer(ctx);
  const first = pageSize(args.first, { fallback: 20 });
  const after = args.after ? decodeTimestampCursor(args.after) : null;
  const rows = await listBreakGlassOfOrganization(ctx.db, {
    organizationId: p.organizationId,
    unreviewedOnly: args.unreviewedOnly ?? false,
    limit: first + 1,
    after,
  });
  return connectionFromRows(rows, first, (row) => encodeCursor(row.cursorKey, row.id), after !== null);
}

/** The privacy officer marks an opening of their own organisation justified or not, with a note; once. */
export async function reviewBreakGlass(ctx: Context, input: ReviewBreakGlassInput): Promise<BreakGlassRow> {
  const p = requirePrivacyOfficer(ctx);
  const id = requireUuid(input.id, 'input.id');
  const expectedVersion = requireVersion(input.expectedVersion);
  const note = input.note.trim();
  if (note.length < 1 || note.length > 2000) throw badInput('input.note', 'Write a note of 1 to 2000 characters.');
  if (containsBsn(note)) throw badInput('input.note', 'The note must not contain a BSN.');
  const current = await findBreakGlassById(ctx.db, id);
  if (!current || current.organizationId !== p.organizationId) throw notFound('BreakGlass');
  if (current.reviewedAt) throw hubError(ErrorCode.INVALID_TRANSITION, 'This opening was reviewed already.');
  const row = await reviewBreakGlassIfVersion(ctx.db, id, expectedVersion, { at: ctx.now, byUserId: p.subject, justified: input.justified, note });
  if (!row) throw conflict('BreakGlass');
  return row;
}
