import { CARE_ROLES } from '@hub/domain';
import type { Principal } from '@hub/identity';
import { requireRole } from '@hub/service-kit';
import { activeBreakGlass, BREAK_GLASS_GROUND } from '../break-glass.ts';
import type { Context } from '../context.ts';
import type { ClientRow, ConsentRow, TrajectoryRow } from '../db/queries.ts';
import { consentOpens, decideConsent, type ConsentCategory, type ConsentPurpose, type Decision, type Requester } from './decide.ts';

export const DEFAULT_PURPOSE: ConsentPurpose = 'INTEGRATED_SUPPORT';

/** What a gated field belongs to: the client, the organisation owning the trajectory (null for client data), the purpose. */
export interface GateSubject {
  clientId: string;
  ownerOrganizationId: string | null;
  purpose: ConsentPurpose;
}

export interface ClientView {
  row: ClientRow;
  purpose: ConsentPurpose;
  subject: GateSubject;
}

export interface TrajectoryView {
  row: TrajectoryRow;
  purpose: ConsentPurpose;
  subject: GateSubject;
}

export interface ConsentView {
  row: ConsentRow;
  purpose: ConsentPurpose;
  /** The representative is client data (NETWORK): the consent gate judges it like the client's own network. */
  subject: GateSubject;
}

export const clientView = (row: ClientRow, purpose: ConsentPurpose): ClientView => ({
  row,
  purpose,
  subject: { clientId: row.id, ownerOrganizationId: null, purpose },
});

export const trajectoryView = (row: TrajectoryRow, purpose: ConsentPurpose): TrajectoryView => ({
  row,
  purpose,
  subject: { clientId: row.clientId, ownerOrganizationId: row.organizationId, purpose },
});

export const consentView = (row: ConsentRow, purpose: ConsentPurpose): ConsentView => ({
  row,
  purpose,
  subject: { clientId: row.clientId, ownerOrganizationId: null, purpose },
});

export const requireCareRole = (ctx: Context): Principal =>
  requireRole(ctx, CARE_ROLES, 'Only TOEGANG, CLIENTONDERSTEUNER or ZORGBEMIDDELAAR may work with client data.');

export const requesterOf = (p: Principal): Requester => ({
  organizationId: p.organizationId,
  organizationType: p.organizationType,
  gemeenteCode: p.gemeenteCode,
  zorgkantoorregio: p.zorgkantoorregio,
});

/**
 * An owning organisation registered the client or owns one of the client's trajectories. Only registerClient and
 * openTrajectory (with proof by BSN, or as the receiver of an accepted warm handover) make an organisation an owner;
 * a consent never does.
 */
export async function ownsClient(ctx: Context, organizationId: string, clientId: string): Promise<boolean> {
  return (await ownersOf(ctx, clientId)).includes(organizationId);
}

/** The owning organisations of a client (they all hold the client record); empty for an unknown client. */
export async function ownersOf(ctx: Context, clientId: string): Promise<string[]> {
  const [client, trajectories] = await Promise.all([ctx.loaders.client.load(clientId), ctx.loaders.trajectoriesByClient.load(clientId)]);
  if (!client) return [];
  return [...new Set([client.registeredByOrganizationId, ...trajectories.map((t) => t.organizationId)])];
}

/** The consents of the client that open something to the caller for this purpose now (see consentOpens). */
export async function openingConsents(ctx: Context, p: Principal, clientId: string, purpose: ConsentPurpose | null): Promise<ConsentRow[]> {
  const consents = await ctx.loaders.consentsByClient.load(clientId);
  const who = requesterOf(p);
  return consents.filter((c) => consentOpens(c, who, purpose ?? c.purpose, ctx.now));
}

/**
 * Whether the caller's organisation may know the client exists under this purpose: it owns the client, or an active
 * consent of the client for this purpose addresses it. Without either the client is reported exactly like an unknown
 * id (no existence leak). `purpose` null (a mutation, which states none) accepts an active consent of any purpose.
 */
export async function clientVisible(ctx: Context, p: Principal, clientId: string, purpose: ConsentPurpose | null): Promise<boolean> {
  return (
    (await ownsClient(ctx, p.organizationId, clientId)) ||
    (await openingConsents(ctx, p, clientId, purpose)).length > 0 ||
    // A read under break-glass (purpose stated by the read); a change (purpose null) never rests on it.
    (purpose !== null && (await activeBreakGlass(ctx, p, clientId)) !== null)
  );
}

/**
 * The consent through which another organisation's trajectory is visible: an active consent for this purpose,
 * addressed to the caller and recorded by the trajectory's own organisation (a consent opens the recorder's data only).
 * Null for the caller's own trajectory and when it is not visible.
 */
async function trajectoryConsent(ctx: Context, p: Principal, t: TrajectoryRow, purpose: ConsentPurpose): Promise<ConsentRow | null> {
  const opening = await openingConsents(ctx, p, t.clientId, purpose);
  return opening.find((c) => c.recordedByOrganizationId === t.organizationId) ?? null;
}

/**
 * The trajectory as the caller may see it, or null when it may not know it exists. Another organisation's trajectory
 * is disclosed only through its holder's active consent, and that disclosure (that the trajectory exists, its status
 * and dates) is written to the access log as a READ of category TRAJECTORY.
 */
export async function discloseTrajectory(
  ctx: Context,
  p: Principal,
  t: TrajectoryRow,
  purpose: ConsentPurpose,
  /** The GraphQL coordinate that asked, for the access point of the line. */
  field: string,
): Promise<TrajectoryView | null> {
  if (t.organizationId === p.organizationId) return trajectoryView(t, purpose);
  const consent = await trajectoryConsent(ctx, p, t, purpose);
  if (!consent) {
    if (!(await activeBreakGlass(ctx, p, t.clientId))) return null;
    ctx.accessLog.record({ field, clientId: t.clientId, action: 'READ', outcome: 'GRANTED', categories: ['TRAJECTORY'], ground: BREAK_GLASS_GROUND });
    return trajectoryView(t, purpose);
  }
  ctx.accessLog.record({
    field,
    clientId: t.clientId,
    action: 'READ',
    outcome: 'GRANTED',
    categories: ['TRAJECTORY'],
    ground: 'CONSENT',
    consentId: consent.id,
  });
  return trajectoryView(t, purpose);
}

/**
 * Whether the caller may know another organisation's trajectory exists (for a change it may not make: FORBIDDEN rather
 * than NOT_FOUND): an active consent of any purpose, recorded by the trajectory's organisation, addresses it.
 */
export async function trajectoryKnown(ctx: Context, p: Principal, t: TrajectoryRow): Promise<boolean> {
  if (t.organizationId === p.organizationId) return true;
  return (await openingConsents(ctx, p, t.clientId, null)).some((c) => c.recordedByOrganizationId === t.organizationId);
}

/** The consent decision for one gated read, from this request's loaders (computed now, never cached across requests). */
export async function decide(ctx: Context, p: Principal, subject: GateSubject, category: ConsentCategory): Promise<Decision> {
  const owners = await ownersOf(ctx, subject.clientId);
  const holders = subject.ownerOrganizationId === null ? owners : [subject.ownerOrganizationId];
  const own = holders.includes(p.organizationId);
  const consents = await ctx.loaders.consentsByClient.load(subject.clientId);
  const decision = decideConsent({ own, consents, requester: requesterOf(p), category, purpose: subject.purpose, now: ctx.now, holders });
  if (decision.permit) return decision;
  // In acute danger the professional's own break-glass opening opens what consent does not; logged as such.
  if (await activeBreakGlass(ctx, p, subject.clientId)) return { permit: true, consentId: null, reason: BREAK_GLASS_GROUND };
  return decision;
}
