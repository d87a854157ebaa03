import { clientView } from '../consent/access.ts';
import { consentState } from '../consent/decide.ts';
import { contactOut } from './Client.ts';
import type { ConsentResolvers } from '../generated/resolvers-types.ts';

export const Consent: ConsentResolvers = {
  id: (v) => v.row.id,
  version: (v) => v.row.version,
  categories: (v) => v.row.categories,
  purpose: (v) => v.row.purpose,
  validFrom: (v) => v.row.validFrom,
  validUntil: (v) => v.row.validUntil,
  givenBy: (v) => v.row.givenBy,
  recordedHow: (v) => v.row.recordedHow,
  recordedByUserId: (v) => v.row.recordedByUserId,
  revokedAt: (v) => v.row.revokedAt,
  receivingOrganizationType: (v) => v.row.receivingOrganizationType,
  receivingRegionCode: (v) => v.row.receivingRegionCode,
  receivingOrganization: (v) => (v.row.receivingOrganizationId ? { id: v.row.receivingOrganizationId } : null),
  recordedByOrganization: (v) => ({ id: v.row.recordedByOrganizationId }),
  status: (v, _, ctx) => consentState(v.row, ctx.now),
  async client(v, _, ctx) {
    const row = await ctx.loaders.client.load(v.row.clientId);
    if (!row) throw new Error('consent without client');
    return clientView(row, v.purpose);
  },
  /** Gated as NETWORK in the SDL: the gate decides and writes the access-log line. */
  async representative(v, _, ctx) {
    if (!v.row.representativeId) return null;
    const row = await ctx.loaders.client.load(v.row.clientId);
    const member = row?.network.find((m) => m.id === v.row.representativeId);
    return member ? { ...member, contact: contactOut(member.contact) } : null;
  },
};
