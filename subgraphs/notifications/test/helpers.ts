import { randomUUID } from 'node:crypto';
import type { NotificationSettings } from '@hub/config';
import { notificationEventsContract, type NotificationEvent, type NotificationKind } from '@hub/contracts';
import { rowsOf, sql } from '@hub/db';
import type { Role } from '@hub/domain';
import { createLogger } from '@hub/service-kit';
import { dataOf, startTestHub, type TestHub } from '@hub/testing';
import type { LightLinkDeps } from '../src/light-links/deps.ts';
import { createLightLinkPeers } from '../src/light-links/peers.ts';
import { createMailWorker, type MailWorker } from '../src/mail-worker.ts';

/** The console origin the test hubs put in e-mail links. */
export const CONSOLE_URL = 'https://console.hub.test';

/** A hub whose background loops do not run: tests drive the e-mail worker with runOnce and their own clock. */
export function startNotificationsHub(): Promise<TestHub> {
  return startTestHub({ env: { NOTIFY_MAIL_INTERVAL_MS: '0', REFERRAL_RELAY_INTERVAL_MS: '0', CONSOLE_PUBLIC_URL: CONSOLE_URL } });
}

/** An e-mail worker on the hub's database, sending to `smtpUrl` (none: e-mail off), as another process would run it. */
export function mailWorkerFor(hub: TestHub, smtpUrl: string | undefined, settings: Partial<NotificationSettings> = {}, leaseSeconds?: number): MailWorker {
  return createMailWorker({
    db: hub.database.db,
    settings: { ...hub.config.notifications, smtpUrl, retryBaseSeconds: 60, retryMaxSeconds: 3600, maxAttempts: 5, ...settings },
    lightLinks: lightLinkDepsOf(hub),
    logger: createLogger('notifications-test-mail', 'silent'),
    leaseSeconds,
  });
}

/** What single-use links need, as the hub's notifications server builds it: its settings and peers. */
export function lightLinkDepsOf(hub: TestHub): LightLinkDeps {
  const peerUrls = Object.fromEntries(Object.entries(hub.subgraphUrls).map(([name, url]) => [name, new URL(url).origin]));
  return { settings: hub.config.lightLinks, peers: createLightLinkPeers(peerUrls, hub.internalSecret, hub.config.subgraphTimeoutMs) };
}

export interface Person {
  subject: string;
  organizationId: string;
  email: string | undefined;
  token: string;
}

/** A professional with a fresh subject and (unless `email: null`) an e-mail address; not yet known to the notifications. */
export async function person(hub: TestHub, organizationId: string, roles: Role[], options: { email?: string | null; name?: string } = {}): Promise<Person> {
  const subject = `person-${randomUUID()}`;
  const email = options.email === null ? undefined : (options.email ?? `${subject}@mail.hub.test`);
  const token = await hub.tokenFor({
    subject,
    organizationId,
    organizationType: 'GEMEENTE',
    roles,
    name: options.name ?? 'Test Persoon',
    ...(email ? { email } : {}),
  });
  return { subject, organizationId, email, token };
}

const SETTINGS = /* GraphQL */ `
  query Settings {
    myNotificationSettings {
      email
      coordinator
      preferences { kind email inherited }
    }
  }
`;

/** Uses the hub once as this person, so the notifications know them (as the console does on every page). */
export async function signIn(hub: TestHub, who: Person) {
  return dataOf<{ myNotificationSettings: { email: string | null; coordinator: boolean; preferences: { kind: string; email: string; inherited: boolean }[] } }>(
    await hub.graphql(SETTINGS, {}, { token: who.token }),
  ).myNotificationSettings;
}

/** People of one organisation, signed in. */
export async function people(hub: TestHub, organizationId: string, roles: Role[], n: number): Promise<Person[]> {
  const made = await Promise.all(Array.from({ length: n }, () => person(hub, organizationId, roles)));
  for (const p of made) await signIn(hub, p);
  return made;
}

/** An event for the audience, with a fresh id and item. */
export function notificationEvent(
  kind: NotificationKind,
  audience: NotificationEvent['audience'],
  overrides: Partial<NotificationEvent> = {},
): NotificationEvent {
  return {
    eventId: randomUUID(),
    occurredAt: new Date().toISOString(),
    kind,
    item: { type: 'REFERRAL', id: randomUUID() },
    audience,
    ...overrides,
  };
}

/** Delivers events as a producer does: POST to the intake endpoint with the internal secret. */
export async function deliver(hub: TestHub, events: NotificationEvent[], secret: string | undefined = hub.internalSecret) {
  const base = hub.subgraphUrls.notifications;
  if (!base) throw new Error('no notifications subgraph');
  const res = await fetch(new URL(notificationEventsContract.path, base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret ? { 'x-hub-internal-secret': secret } : {}) },
    body: JSON.stringify({ events }),
  });
  return { status: res.status, body: (await res.json()) as { accepted?: number; duplicates?: number; error?: unknown } };
}

/** The notifications stored for one event, by recipient subject, with their e-mail mode. */
export async function notificationsOfEvent(hub: TestHub, eventId: string) {
  return rowsOf<{ subject: string; email_mode: string; digest_message_id: string | null }>(
    await hub.database.db.execute(sql`select r.subject, n.email_mode, n.digest_message_id from notifications.notification n
      join notifications.recipient r on r.id = n.recipient_id where n.event_id = ${eventId}::uuid order by r.subject`),
  );
}

/** The e-mail messages of one recipient (by subject). */
export async function messagesOf(hub: TestHub, subject: string) {
  return rowsOf<{ id: string; type: string; status: string; attempts: number; last_error: string | null; digest_date: string | null }>(
    await hub.database.db.execute(sql`select m.id, m.type, m.status, m.attempts, m.last_error, m.digest_date::text from notifications.email_message m
      join notifications.recipient r on r.id = m.recipient_id where r.subject = ${subject} order by m.created_at, m.id`),
  );
}

/** An instant on the day after tomorrow (UTC), at this UTC hour: later than anything the test made with the real clock. */
export function dayAfterTomorrowAt(utcHour: number, plusDays = 0): Date {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 2 + plusDays);
  d.setUTCHours(utcHour, 0, 0, 0);
  return d;
}
