import type { Context } from '../context.ts';
import { clientView, type GateSubject } from '../consent/access.ts';
import { consentState, type ConsentPurpose } from '../consent/decide.ts';
import type { ConsentRow } from '../db/queries.ts';
import { contactOut } from './Client.ts';

export interface ConsentView {
  row: ConsentRow;
  purpose: ConsentPurpose;
  /** The representative is client data (NETWORK): the consent gate judges it like the client's own network. */
  subject: GateSubject;
}

export const consentView = (row: ConsentRow, purpose: ConsentPurpose): ConsentView => ({
  row,
  purpose,
  subject: { clientId: row.clientId, ownerOrganizationId: null, purpose },
});

export const Consent = {
  id: (v: ConsentView) => v.row.id,
  version: (v: ConsentView) => v.row.version,
  categories: (v: ConsentView) => v.row.categories,
  purpose: (v: ConsentView) => v.row.purpose,
  validFrom: (v: ConsentView) => v.row.validFrom,
  validUntil: (v: ConsentView) => v.row.validUntil,
  givenBy: (v: ConsentView) => v.row.givenBy,
  recordedHow: (v: ConsentView) => v.row.recordedHow,
  recordedByUserId: (v: ConsentView) => v.row.recordedByUserId,
  revokedAt: (v: ConsentView) => v.row.revokedAt,
  receivingOrganizationType: (v: ConsentView) => v.row.receivingOrganizationType,
  receivingRegionCode: (v: ConsentView) => v.row.receivingRegionCode,
  receivingOrganization: (v: ConsentView) => (v.row.receivingOrganizationId ? { id: v.row.receivingOrganizationId } : null),
  recordedByOrganization: (v: ConsentView) => ({ id: v.row.recordedByOrganizationId }),
  status: (v: ConsentView, _: unknown, ctx: Context) => consentState(v.row, ctx.now),
  async client(v: ConsentView, _: unknown, ctx: Context) {
    const row = await ctx.loaders.client.load(v.row.clientId);
    if (!row) throw new Error('consent without client');
    return clientView(row, v.purpose);
  },
  /** Gated as NETWORK in the SDL: the gate decides and writes the access-log line. */
  async representative(v: ConsentView, _: unknown, ctx: Context) {
    if (!v.row.representativeId) return null;
    const row = await ctx.loaders.client.load(v.row.clientId);
    const member = row?.network.find((m) => m.id === v.row.representativeId);
    return member ? { ...member, contact: contactOut(member.contact) } : null;
  },
};
