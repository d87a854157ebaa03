import { randomUUID } from 'node:crypto';
import type { ParsedNotificationEvent } from '@hub/contracts';
import { anyUuid, type Db } from '@hub/db';
import { emailMessage, lightLink, recipient } from '../db/schema.ts';
import { hashToken, mintToken } from './token.ts';

const HOUR_MS = 3_600_000;

/**
 * Called by the intake, inside its transaction after fan-out: for each HANDOVER_RECEIVED, every audience organisation
 * without accounts (no professional of it ever used the hub, so no recipient row) gets one answer link bound to the
 * referral, revocable by the sender (the event's actor), and one LINK e-mail to its registered address. The address
 * is fetched when the e-mail is rendered (renderLinkMessage): nothing outside this transaction is asked here. The
 * token made now is never shown: rendering mints the one that is sent. Idempotent on the event (one link per event).
 * Returns how many links were made.
 */
export async function createLightLinksFor(tx: Db, events: ParsedNotificationEvent[], now: Date, ttlHours: number): Promise<number> {
  const wanted = events.filter((e) => e.kind === 'HANDOVER_RECEIVED' && e.item.type === 'REFERRAL' && e.actorOrganizationId);
  if (wanted.length === 0) return 0;
  const organizationIds = [...new Set(wanted.flatMap((e) => e.audience.organizationIds))];
  const known = await tx.selectDistinct({ organizationId: recipient.organizationId }).from(recipient).where(anyUuid(recipient.organizationId, organizationIds));
  const withAccounts = new Set(known.map((r) => r.organizationId));
  const expiresAt = new Date(now.getTime() + ttlHours * HOUR_MS);
  let made = 0;
  for (const event of wanted) {
    const issuer = event.actorOrganizationId;
    if (!issuer) continue;
    // One link per event (light_link_event_uq): the first organisation without accounts other than the sender.
    const target = event.audience.organizationIds.find((id) => !withAccounts.has(id) && id !== issuer);
    if (!target) continue;
    const [link] = await tx
      .insert(lightLink)
      .values({
        id: randomUUID(),
        tokenHash: hashToken(mintToken()),
        action: 'ANSWER_HANDOVER',
        itemId: event.item.id,
        recipientOrganizationId: target,
        issuerOrganizationId: issuer,
        eventId: event.eventId,
        createdAt: now,
        expiresAt,
      })
      .onConflictDoNothing()
      .returning({ id: lightLink.id });
    if (!link) continue;
    await tx.insert(emailMessage).values(linkMessage(link.id, target, now));
    made += 1;
  }
  return made;
}

/** The LINK e-mail of a link: to the organisation's registered address, looked up when it is sent. */
export function linkMessage(lightLinkId: string, organizationId: string, now: Date): typeof emailMessage.$inferInsert {
  return {
    id: randomUUID(),
    type: 'LINK',
    organizationId,
    lightLinkId,
    status: 'PENDING',
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
  };
}
