import { requireUser } from '@hub/service-kit';
import { isUuid } from '@hub/domain';
import * as clients from '../client-service.ts';
import * as consents from '../consent-service.ts';
import { clientView, clientVisible, DEFAULT_PURPOSE } from '../consent/access.ts';
import { CONSENT_PURPOSES, type ConsentPurpose } from '../consent/decide.ts';
import type { ContactDetails } from '../db/schema.ts';
import * as trajectories from '../trajectory-service.ts';
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
    const row = await ctx.loaders.clientRecord.load(ref.id.toLowerCase());
    if (!row || !(await clientVisible(ctx, caller, row.id, purpose))) return null;
    return clientView(row, purpose);
  },
  id: (v) => v.row.id,
  purpose: (v) => v.purpose,
  version: (v) => v.row.version,
  bsn: (v, _, ctx) => (v.row.bsnEncrypted ? ctx.services.bsn.decrypt(v.row.bsnEncrypted) : null),
  name: (v) => ({ givenName: v.row.givenName, namePrefix: v.row.namePrefix, familyName: v.row.familyName }),
  dateOfBirth: (v) => v.row.dateOfBirth,
  gemeente: (v) => (v.row.gemeenteCode ? { code: v.row.gemeenteCode } : null),
  contact: (v) => contactOut(v.row.contact),
  preferredContactChannel: (v) => v.row.preferredContactChannel,
  network: (v) => v.row.network.map((m) => ({ ...m, contact: contactOut(m.contact) })),
  trajectories: (v, args, ctx) => trajectories.trajectoriesOfClient(ctx, v.row.id, v.purpose, args),
  consents: (v, args, ctx) => consents.consentsOfClient(ctx, v.row.id, v.purpose, args),
  /** The NEN 7513 overview: for a PRIVACY_OFFICER of an owning organisation only. */
  accessLog: (v, args, ctx) => clients.accessLogOf(ctx, v.row.id, args),
  /** The same overview complete, for an export; logged as EXPORT. */
  accessLogExport: (v, args, ctx) => clients.accessLogExportOf(ctx, v.row.id, args),
};

export const AccessLogEntry: AccessLogEntryResolvers = {
  organization: (row) => ({ id: row.organizationId }),
};
