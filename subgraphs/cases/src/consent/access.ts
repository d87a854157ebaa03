import { forbidden, hubError, ErrorCode, unauthenticated } from '@hub/errors';
import { hasRole, type Principal } from '@hub/identity';
import type { Role } from '@hub/domain';
import type { Context } from '../context.ts';
import type { ClientRow, TrajectoryRow } from '../db/queries.ts';
import { consentAddresses, decideConsent, type ConsentCategory, type ConsentPurpose, type Decision, type Requester } from './decide.ts';

/** Roles that work with a client's personal data. */
export const CARE_ROLES: Role[] = ['TOEGANG', 'CLIENTONDERSTEUNER', 'ZORGBEMIDDELAAR'];

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

export function requireUser(ctx: Context): Principal {
  if (ctx.caller.kind !== 'user') throw unauthenticated();
  return ctx.caller;
}

export function requireCareRole(ctx: Context): Principal {
  const p = requireUser(ctx);
  if (!hasRole(p, ...CARE_ROLES)) throw forbidden('Only TOEGANG, CLIENTONDERSTEUNER or ZORGBEMIDDELAAR may work with client data.');
  return p;
}

export const requesterOf = (p: Principal): Requester => ({
  organizationId: p.organizationId,
  organizationType: p.organizationType,
  gemeenteCode: p.gemeenteCode,
  zorgkantoorregio: p.zorgkantoorregio,
});

/** An owning organisation registered the client or owns one of the client's trajectories. */
export async function ownsClient(ctx: Context, organizationId: string, clientId: string): Promise<boolean> {
  const [client, trajectories] = await Promise.all([ctx.loaders.client.load(clientId), ctx.loaders.trajectoriesByClient.load(clientId)]);
  if (!client) return false;
  return client.registeredByOrganizationId === organizationId || trajectories.some((t) => t.organizationId === organizationId);
}

/** Any consent (in whatever state) from the client addressed to the caller's organisation. */
async function hasAnyConsentFrom(ctx: Context, p: Principal, clientId: string): Promise<boolean> {
  const consents = await ctx.loaders.consentsByClient.load(clientId);
  const who = requesterOf(p);
  return consents.some((c) => consentAddresses(c, who));
}

/**
 * Whether the caller's organisation may know the client exists: it owns the client, or the client once addressed a
 * consent to it. Without either, the client is reported exactly like an unknown id (no existence leak).
 */
export async function clientVisible(ctx: Context, p: Principal, clientId: string): Promise<boolean> {
  return (await ownsClient(ctx, p.organizationId, clientId)) || (await hasAnyConsentFrom(ctx, p, clientId));
}

/** A trajectory is visible to its owner, and to an organisation the client addressed any consent to. */
export async function trajectoryVisible(ctx: Context, p: Principal, t: TrajectoryRow): Promise<boolean> {
  return t.organizationId === p.organizationId || (await hasAnyConsentFrom(ctx, p, t.clientId));
}

/** The consent decision for one gated read, from this request's loaders (computed now, never cached across requests). */
export async function decide(ctx: Context, p: Principal, subject: GateSubject, category: ConsentCategory): Promise<Decision> {
  const own =
    subject.ownerOrganizationId === null
      ? await ownsClient(ctx, p.organizationId, subject.clientId)
      : subject.ownerOrganizationId === p.organizationId;
  const consents = await ctx.loaders.consentsByClient.load(subject.clientId);
  return decideConsent({ own, consents, requester: requesterOf(p), category, purpose: subject.purpose, now: ctx.now });
}

export const consentRequired = (category: ConsentCategory, purpose: ConsentPurpose, reason: string) =>
  hubError(ErrorCode.CONSENT_REQUIRED, `The client's consent does not cover ${category} for ${purpose} for your organisation.`, {
    details: { category, purpose, reason },
  });
