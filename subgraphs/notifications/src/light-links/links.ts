import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '@hub/db';
import { isUuid } from '@hub/domain';
import type { RequestMeta } from '@hub/service-kit';
import { emailMessage, lightLink, recipient } from '../db/schema.ts';
import type { LightLinkPeers } from './peers.ts';
import { linkMessage } from './create.ts';
import { hashToken, mintToken } from './token.ts';

export type LightLinkRow = typeof lightLink.$inferSelect;
export type LightLinkAction = LightLinkRow['action'];
export type LightLinkStatus = 'ACTIVE' | 'USED' | 'REVOKED' | 'EXPIRED';

const HOUR_MS = 3_600_000;
/** At most this many links are listed for one referral (one per handover, more only when resent). */
export const MAX_LINKS_LISTED = 20;

export function statusOf(link: LightLinkRow, now: Date): LightLinkStatus {
  if (link.usedAt) return 'USED';
  if (link.revokedAt) return 'REVOKED';
  return link.expiresAt.getTime() > now.getTime() ? 'ACTIVE' : 'EXPIRED';
}

/** A link as its sender sees it: never the token nor its hash. */
export interface LightLinkSummary {
  id: string;
  action: LightLinkAction;
  itemId: string;
  recipientOrganizationId: string;
  status: LightLinkStatus;
  createdAt: Date;
  expiresAt: Date;
}

export const summaryOf = (link: LightLinkRow, now: Date): LightLinkSummary => ({
  id: link.id,
  action: link.action,
  itemId: link.itemId,
  recipientOrganizationId: link.recipientOrganizationId,
  status: statusOf(link, now),
  createdAt: link.createdAt,
  expiresAt: link.expiresAt,
});

/** Still usable at `now`: not used, not revoked, not expired. */
const usable = (now: Date) => and(isNull(lightLink.usedAt), isNull(lightLink.revokedAt), gt(lightLink.expiresAt, now));

/**
 * The usable link a presented token belongs to, or null. Every token, well-formed or not, costs one hash and one
 * indexed lookup, so an unknown, used, revoked or expired link answers alike and in about the same time.
 */
export async function findUsableLink(db: Db, token: string, now: Date): Promise<LightLinkRow | null> {
  const [link] = await db
    .select()
    .from(lightLink)
    .where(and(eq(lightLink.tokenHash, hashToken(token)), usable(now)))
    .limit(1);
  return link ?? null;
}

export async function findLinkById(db: Db, id: string): Promise<LightLinkRow | null> {
  if (!isUuid(id)) return null;
  const [link] = await db.select().from(lightLink).where(eq(lightLink.id, id)).limit(1);
  return link ?? null;
}

/** Whether any professional of the organisation ever used the hub (then it has accounts and gets no links). */
export async function hasAccounts(db: Db, organizationId: string): Promise<boolean> {
  const [row] = await db.select({ id: recipient.id }).from(recipient).where(eq(recipient.organizationId, organizationId)).limit(1);
  return row !== undefined;
}

/** What a link's page shows: only what its one action needs, never anything about the client. */
export interface LightLinkViewData {
  action: LightLinkAction;
  expiresAt: Date;
  handover: { fromOrganizationName: string; serviceName: string | null; respondBy: string | null } | null;
  service: { name: string; organizationName: string } | null;
}

/** The name shown for an organisation that is not (or no longer) in the sociale kaart. */
export const UNKNOWN_ORGANIZATION = 'Onbekende organisatie';

/**
 * The page of a usable link, or null when the link is not usable or its item no longer waits for this action (the
 * handover was answered otherwise, or the service moved): the caller cannot tell which.
 */
export async function viewOf(link: LightLinkRow, peers: LightLinkPeers, meta?: RequestMeta): Promise<LightLinkViewData | null> {
  if (link.action === 'ANSWER_HANDOVER') {
    const referral = await peers.lightReferral(link.itemId, meta);
    if (referral?.status !== 'REQUESTED' || referral.toOrganizationId !== link.recipientOrganizationId) return null;
    const [[sender], [service]] = await Promise.all([
      peers.organizationContacts([referral.fromOrganizationId], meta),
      referral.serviceId ? peers.serviceSummaries([referral.serviceId], meta) : Promise.resolve([]),
    ]);
    return {
      action: link.action,
      expiresAt: link.expiresAt,
      handover: { fromOrganizationName: sender?.name ?? UNKNOWN_ORGANIZATION, serviceName: service?.name ?? null, respondBy: referral.respondBy },
      service: null,
    };
  }
  const [service] = await peers.serviceSummaries([link.itemId], meta);
  if (!service?.exists || service.organizationId !== link.recipientOrganizationId || !service.name) return null;
  return {
    action: link.action,
    expiresAt: link.expiresAt,
    handover: null,
    service: { name: service.name, organizationName: service.organizationName ?? UNKNOWN_ORGANIZATION },
  };
}

/**
 * Uses a link once. It is claimed first (one conditional update: of two uses at the same moment one wins), then the
 * action runs in the subgraph that owns the item; when the action is refused or fails, the claim is released and the
 * link stays usable. Null when there is no usable link of this action for the token.
 */
export async function useLink(
  db: Db,
  token: string,
  action: LightLinkAction,
  now: Date,
  perform: (link: LightLinkRow) => Promise<'DONE' | 'REFUSED'>,
): Promise<'DONE' | 'REFUSED' | null> {
  const [claimed] = await db
    .update(lightLink)
    .set({ usedAt: now })
    .where(and(eq(lightLink.tokenHash, hashToken(token)), eq(lightLink.action, action), usable(now)))
    .returning();
  if (!claimed) return null;
  const release = () =>
    db
      .update(lightLink)
      .set({ usedAt: null })
      .where(and(eq(lightLink.id, claimed.id), eq(lightLink.usedAt, now)));
  let outcome: 'DONE' | 'REFUSED';
  try {
    outcome = await perform(claimed);
  } catch (error) {
    await release();
    throw error;
  }
  if (outcome !== 'DONE') {
    await release();
    return outcome;
  }
  // The item no longer waits for this action: any other link for it (an earlier or later e-mail) stops working.
  await db
    .update(lightLink)
    .set({ revokedAt: now })
    .where(and(eq(lightLink.itemId, claimed.itemId), eq(lightLink.action, action), isNull(lightLink.usedAt), isNull(lightLink.revokedAt)));
  return outcome;
}

/** Stops an unused link that can no longer serve its action (its item no longer waits for it). */
export async function revokeUnusedLink(db: Db, id: string, now: Date): Promise<void> {
  await db
    .update(lightLink)
    .set({ revokedAt: now })
    .where(and(eq(lightLink.id, id), isNull(lightLink.usedAt), isNull(lightLink.revokedAt)));
}

/** Revokes an unused link of the issuing organisation; null when there is no such link of that organisation. */
export async function revokeLink(db: Db, id: string, issuerOrganizationId: string, now: Date): Promise<LightLinkRow | 'USED' | null> {
  const link = await findLinkById(db, id);
  if (!link || link.issuerOrganizationId !== issuerOrganizationId) return null;
  if (link.usedAt) return 'USED';
  if (link.revokedAt) return link;
  const [revoked] = await db
    .update(lightLink)
    .set({ revokedAt: now })
    .where(and(eq(lightLink.id, link.id), isNull(lightLink.usedAt), isNull(lightLink.revokedAt)))
    .returning();
  // Lost a race: it was used (or revoked) in between; read what it is now.
  if (!revoked) {
    const now2 = await findLinkById(db, id);
    return now2?.usedAt ? 'USED' : (now2 ?? null);
  }
  return revoked;
}

/** The answer links the issuing organisation sent for one referral, newest first. */
export function linksOfReferral(db: Db, referralId: string, issuerOrganizationId: string): Promise<LightLinkRow[]> {
  return db
    .select()
    .from(lightLink)
    .where(and(eq(lightLink.itemId, referralId), eq(lightLink.action, 'ANSWER_HANDOVER'), eq(lightLink.issuerOrganizationId, issuerOrganizationId)))
    .orderBy(desc(lightLink.createdAt), desc(lightLink.id))
    .limit(MAX_LINKS_LISTED);
}

/** A capacity link for a service of an organisation without accounts, and its LINK e-mail, in one transaction. */
export async function createCapacityLink(
  db: Db,
  args: { serviceId: string; recipientOrganizationId: string; issuerOrganizationId: string; ttlHours: number; now: Date },
): Promise<LightLinkRow> {
  return db.transaction(async (tx) => {
    const [link] = await tx
      .insert(lightLink)
      .values({
        id: randomUUID(),
        tokenHash: hashToken(mintToken()),
        action: 'UPDATE_CAPACITY',
        itemId: args.serviceId,
        recipientOrganizationId: args.recipientOrganizationId,
        issuerOrganizationId: args.issuerOrganizationId,
        eventId: null,
        createdAt: args.now,
        expiresAt: new Date(args.now.getTime() + args.ttlHours * HOUR_MS),
      })
      .returning();
    if (!link) throw new Error('insert returned no light link');
    await tx.insert(emailMessage).values(linkMessage(link.id, link.recipientOrganizationId, args.now));
    return link;
  });
}

/**
 * Gives a usable link a fresh token (the one about to be e-mailed) and returns it; the previous token stops working.
 * Null when the link is not usable any more.
 */
export async function refreshToken(db: Db, id: string, now: Date): Promise<string | null> {
  const token = mintToken();
  const [updated] = await db
    .update(lightLink)
    .set({ tokenHash: hashToken(token) })
    .where(and(eq(lightLink.id, id), usable(now)))
    .returning({ id: lightLink.id });
  return updated ? token : null;
}
