import { badInput, forbidden } from '@hub/errors';
import { hasRole } from '@hub/identity';
import { isUuid } from '@hub/domain';
import { requireUser } from '@hub/service-kit';
import { clientView, clientVisible, DEFAULT_PURPOSE, discloseTrajectory, openingConsents, ownsClient, requireCareRole } from '../consent/access.ts';
import { CONSENT_PURPOSES, type ConsentPurpose } from '../consent/decide.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { listAccessLog } from '../db/queries.ts';
import type { ContactDetails } from '../db/schema.ts';
import { pageSize } from '../validation.ts';
import { consentView } from './Consent.ts';
import type { AccessLogEntryResolvers, ClientResolvers } from '../generated/resolvers-types.ts';

export const contactOut = (c: ContactDetails | null | undefined) => ({ phone: c?.phone ?? null, email: c?.email ?? null, address: c?.address ?? null });

/** A purpose from an entity representation; a reference by id alone means the default purpose. */
export function purposeOf(value: unknown): ConsentPurpose | null {
  if (value === undefined || value === null) return DEFAULT_PURPOSE;
  return CONSENT_PURPOSES.find((p) => p === value) ?? null;
}

export const Client: ClientResolvers = {
  /** Unknown, malformed and invisible ids all resolve to null alike: the entity path leaks no existence either. */
  async __resolveReference(ref, ctx) {
    const caller = requireUser(ctx);
    const purpose = purposeOf('purpose' in ref ? ref.purpose : undefined);
    if (!purpose || typeof ref.id !== 'string' || !isUuid(ref.id)) return null;
    const row = await ctx.loaders.client.load(ref.id.toLowerCase());
    if (!row || !(await clientVisible(ctx, caller, row.id, purpose))) return null;
    return clientView(row, purpose);
  },
  id: (v) => v.row.id,
  purpose: (v) => v.purpose,
  version: (v) => v.row.version,
  bsn: (v, _, ctx) => (v.row.bsnEncrypted ? ctx.services.bsn.decrypt(v.row.bsnEncrypted) : null),
  name: (v) => ({ givenName: v.row.givenName, namePrefix: v.row.namePrefix, familyName: v.row.familyName }),
  dateOfBirth: (v) => v.row.dateOfBirth,
  gemeente: (v) => ({ code: v.row.gemeenteCode }),
  contact: (v) => contactOut(v.row.contact),
  preferredContactChannel: (v) => v.row.preferredContactChannel,
  network: (v) => v.row.network.map((m) => ({ ...m, contact: contactOut(m.contact) })),
  async trajectories(v, _, ctx) {
    const p = requireCareRole(ctx);
    const all = await ctx.loaders.trajectoriesByClient.load(v.row.id);
    const views = await Promise.all(all.map((t) => discloseTrajectory(ctx, p, t, v.purpose, 'Client.trajectories')));
    return views.filter((t) => t !== null);
  },
  /**
   * The consents the caller's organisation recorded (it holds the data they share), and those that are active for it
   * under this purpose. Consents between other organisations are theirs. The read is logged (category CONSENT).
   */
  async consents(v, _, ctx) {
    const p = requireCareRole(ctx);
    const all = await ctx.loaders.consentsByClient.load(v.row.id);
    const opening = new Set((await openingConsents(ctx, p, v.row.id, v.purpose)).map((c) => c.id));
    const recorded = all.filter((c) => c.recordedByOrganizationId === p.organizationId);
    const received = all.filter((c) => opening.has(c.id));
    const logRead = (ground: 'OWN_ORGANIZATION' | 'CONSENT', consentId?: string) =>
      ctx.accessLog.record({
        field: 'Client.consents',
        clientId: v.row.id,
        action: 'READ',
        outcome: 'GRANTED',
        categories: ['CONSENT'],
        ground,
        ...(consentId ? { consentId } : {}),
      });
    if (recorded.length) logRead('OWN_ORGANIZATION');
    for (const c of received) logRead('CONSENT', c.id);
    return all.filter((c) => opening.has(c.id) || c.recordedByOrganizationId === p.organizationId).map((row) => consentView(row, v.purpose));
  },
  /** The NEN 7513 overview: for a PRIVACY_OFFICER of an owning organisation only. */
  async accessLog(v, args, ctx) {
    const p = requireUser(ctx);
    if (!hasRole(p, 'PRIVACY_OFFICER') || !(await ownsClient(ctx, p.organizationId, v.row.id))) {
      throw forbidden("Only a PRIVACY_OFFICER of an organisation that owns one of the client's trajectories may read the access log.");
    }
    if (args.to.getTime() <= args.from.getTime()) throw badInput('to', 'to must lie after from.');
    const limit = pageSize(args.first, 50);
    const after = args.after ? decodeCursor(args.after) : null;
    const rows = await listAccessLog(ctx.db, {
      clientId: v.row.id,
      from: args.from,
      to: args.to,
      limit: limit + 1,
      after: after ? { occurredAt: after.at, eventId: after.id } : null,
    });
    const page = rows.slice(0, limit);
    const edges = page.map((row) => ({ cursor: encodeCursor(row.occurredAt, row.eventId), node: row }));
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > limit,
        hasPreviousPage: Boolean(after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
    };
  },
};

export const AccessLogEntry: AccessLogEntryResolvers = {
  organization: (row) => ({ id: row.organizationId }),
};
