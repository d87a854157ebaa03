import { randomUUID } from 'node:crypto';
import { notificationEventsContract, type NotificationKind, type ParsedNotificationEvent } from '@hub/contracts';
import type { Db } from '@hub/db';
import { internalRoute, internalRoutes, type RouteHandler } from '@hub/service-kit';
import {
  findDefaultsOf,
  findPreferencesOf,
  findRecipientsOfOrganizations,
  insertEmailMessages,
  insertNewEvents,
  insertNotifications,
  markEventsFannedOut,
  type EmailMode,
  type NewEmailMessage,
  type NewNotification,
  type RecipientRow,
} from './db/queries.ts';
import { createLightLinksFor } from './light-links/create.ts';

/**
 * Producers (referrals, cases, signals) deliver notification events at least once, in any order. Each event is stored
 * once (idempotent on eventId) and fanned out in the same transaction: one notification per recipient (unique on event
 * and recipient) and, for those who want it at once and have an address, one e-mail. A redelivery changes nothing.
 */

/** The people of the audience among the recipients known to the notifications (who signed in at least once). */
export function audienceOf(event: ParsedNotificationEvent, candidates: readonly RecipientRow[]): RecipientRow[] {
  const { organizationIds, roles, subjects, coordinators } = event.audience;
  const orgs = new Set(organizationIds);
  const subjectSet = subjects ? new Set(subjects) : undefined;
  let chosen = candidates.filter((r) => orgs.has(r.organizationId) && (!subjectSet || subjectSet.has(r.subject)));
  if (coordinators) {
    // Escalations go to the organisation's coordinators; one that named none has its BEHEERDERs receive them.
    chosen = [...orgs].flatMap((org) => {
      const ofOrg = chosen.filter((r) => r.organizationId === org);
      const named = ofOrg.filter((r) => r.coordinator);
      return named.length > 0 ? named : ofOrg.filter((r) => r.roles.includes('BEHEERDER'));
    });
  } else if (roles && roles.length > 0) {
    const roleSet = new Set<string>(roles);
    chosen = chosen.filter((r) => r.roles.some((role) => roleSet.has(role)));
  }
  return chosen;
}

export interface IntakeResult {
  accepted: number;
  duplicates: number;
  notifications: number;
  emails: number;
}

/** `linkTtlHours`: how long the single-use links made for organisations without accounts work (LIGHT_LINK_TTL_HOURS). */
export async function acceptNotificationEvents(db: Db, events: ParsedNotificationEvent[], now: Date, linkTtlHours: number): Promise<IntakeResult> {
  const unique = [...new Map(events.map((e) => [e.eventId, e])).values()];
  return db.transaction(async (tx) => {
    const storedIds = await insertNewEvents(
      tx,
      unique.map((e) => ({
        id: e.eventId,
        kind: e.kind,
        itemType: e.item.type,
        itemId: e.item.id,
        audience: e.audience,
        actorOrganizationId: e.actorOrganizationId ?? null,
        dueDate: e.dueDate ?? null,
        occurredAt: new Date(e.occurredAt),
        receivedAt: now,
      })),
    );
    const stored = unique.filter((e) => storedIds.has(e.eventId));
    const orgIds = [...new Set(stored.flatMap((e) => e.audience.organizationIds))];
    const candidates = await findRecipientsOfOrganizations(tx, orgIds);
    const recipients = new Map(candidates.map((r) => [r.id, r]));
    const preferences = await findPreferencesOf(
      tx,
      candidates.map((r) => r.id),
    );
    const defaults = await findDefaultsOf(tx, orgIds);
    const personal = new Map(preferences.map((p) => [`${p.recipientId}:${p.kind}`, p.email]));
    const ofOrganization = new Map(defaults.map((d) => [`${d.organizationId}:${d.kind}`, d.email]));
    const modeOf = (r: RecipientRow, kind: NotificationKind): EmailMode =>
      personal.get(`${r.id}:${kind}`) ?? ofOrganization.get(`${r.organizationId}:${kind}`) ?? 'IMMEDIATE';

    const rows: NewNotification[] = stored.flatMap((e) =>
      audienceOf(e, candidates).map((r) => ({
        id: randomUUID(),
        eventId: e.eventId,
        recipientId: r.id,
        kind: e.kind,
        occurredAt: new Date(e.occurredAt),
        createdAt: now,
        emailMode: modeOf(r, e.kind),
      })),
    );
    const made = await insertNotifications(tx, rows);
    const emails: NewEmailMessage[] = made
      .filter((n) => n.emailMode === 'IMMEDIATE' && recipients.get(n.recipientId)?.email)
      .map((n) => ({
        id: randomUUID(),
        type: 'IMMEDIATE',
        recipientId: n.recipientId,
        notificationId: n.id,
        status: 'PENDING',
        attempts: 0,
        nextAttemptAt: now,
        createdAt: now,
      }));
    const emailed = await insertEmailMessages(tx, emails);
    await markEventsFannedOut(
      tx,
      stored.map((e) => e.eventId),
      now,
    );
    await createLightLinksFor(tx, stored, now, linkTtlHours);
    return { accepted: stored.length, duplicates: events.length - stored.length, notifications: made.length, emails: emailed };
  });
}

export function notificationEventRoutes(db: Db, maxBodyBytes: number, linkTtlHours: number, onAccepted: () => void): RouteHandler {
  return internalRoutes(maxBodyBytes, [
    internalRoute(notificationEventsContract, async ({ events }, scope) => {
      const { accepted, duplicates, notifications, emails } = await acceptNotificationEvents(db, events, new Date(), linkTtlHours);
      scope.logger.info({ events: events.length, accepted, duplicates, notifications, emails }, 'notification events received');
      if (accepted > 0) onAccepted();
      return { accepted, duplicates };
    }),
  ]);
}
