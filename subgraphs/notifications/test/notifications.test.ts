import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS, type NotificationKind } from '@hub/contracts';
import { rowsOf, sql } from '@hub/db';
import { dataOf, errorCodes, startTestSmtpServer, type TestHub, type TestSmtpServer } from '@hub/testing';
import { digestMail, immediateMail, KIND_WORDS } from '../src/email-text.ts';
import { consolePathOf } from '../src/paths.ts';
import {
  CONSOLE_URL,
  dayAfterTomorrowAt,
  deliver,
  mailWorkerFor,
  messagesOf,
  notificationEvent,
  notificationsOfEvent,
  people,
  person,
  signIn,
  startNotificationsHub,
} from './helpers.ts';

let hub: TestHub;
let smtp: TestSmtpServer;
beforeAll(async () => {
  hub = await startNotificationsHub();
  smtp = await startTestSmtpServer();
});
afterAll(async () => {
  await hub?.stop();
  await smtp?.close();
});

const NOTIFICATIONS = /* GraphQL */ `
  query Notifications($first: Int, $after: String, $unreadOnly: Boolean) {
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      totalCount
      unreadCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id kind itemType itemId path dueDate readAt occurredAt } }
    }
  }
`;
interface NotificationsData {
  notifications: {
    totalCount: number;
    unreadCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      cursor: string;
      node: { id: string; kind: string; itemType: string; itemId: string; path: string; dueDate: string | null; readAt: string | null };
    }[];
  };
}
const MARK = /* GraphQL */ `
  mutation Mark($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input) { marked unreadCount }
  }
`;
const PREFERENCES = /* GraphQL */ `
  mutation Prefs($input: UpdateMyNotificationPreferencesInput!) {
    updateMyNotificationPreferences(input: $input) { settings { preferences { kind email inherited } } }
  }
`;
const DEFAULTS = /* GraphQL */ `
  mutation Defaults($input: UpdateOrganizationNotificationDefaultsInput!) {
    updateOrganizationNotificationDefaults(input: $input) { settings { organizationId defaults { kind email inherited } } }
  }
`;
const RECIPIENTS = /* GraphQL */ `
  query Recipients($first: Int, $after: String) {
    notificationRecipients(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id name coordinator lastSeenAt } }
  }
`;
const SET_COORDINATOR = /* GraphQL */ `
  mutation Coordinator($input: SetNotificationCoordinatorInput!) {
    setNotificationCoordinator(input: $input) { recipient { id coordinator } }
  }
`;

const notificationsOf = async (token: string, variables: Record<string, unknown> = {}) =>
  dataOf<NotificationsData>(await hub.graphql(NOTIFICATIONS, variables, { token })).notifications;

describe('recipients', () => {
  it('records a professional once per few minutes (unless the claims change), and never a client token', async () => {
    const org = randomUUID();
    const p = await person(hub, org, ['TOEGANG'], { name: 'Eerste Naam' });
    await signIn(hub, p);
    const seen = async () =>
      rowsOf<{ last_seen_at: string; name: string; email: string | null; roles: string[] }>(
        await hub.database.db.execute(
          sql`select last_seen_at::text, name, email, roles from notifications.recipient where subject = ${p.subject} and organization_id = ${org}::uuid`,
        ),
      );
    const [first] = await seen();
    expect(first).toMatchObject({ name: 'Eerste Naam', email: p.email, roles: ['TOEGANG'] });
    await signIn(hub, p);
    expect((await seen())[0]?.last_seen_at).toBe(first?.last_seen_at);
    // New claims (another name) are written at once.
    const renamed = await hub.tokenFor({ subject: p.subject, organizationId: org, organizationType: 'GEMEENTE', roles: ['TOEGANG'], name: 'Andere Naam' });
    await hub.graphql('{ myNotificationSettings { email } }', {}, { token: renamed });
    const [after] = await seen();
    expect(after).toMatchObject({ name: 'Andere Naam', email: null });
    expect(after?.last_seen_at).not.toBe(first?.last_seen_at);

    const before = rowsOf<{ n: number }>(await hub.database.db.execute(sql`select count(*)::int as n from notifications.recipient`))[0]?.n;
    const client = await hub.clientTokenFor({ bsn: '999990019' });
    expect(errorCodes(await hub.graphql(NOTIFICATIONS, {}, { token: client }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await hub.graphql(NOTIFICATIONS, {}))).toEqual(['UNAUTHENTICATED']);
    const now = rowsOf<{ n: number }>(await hub.database.db.execute(sql`select count(*)::int as n from notifications.recipient`))[0]?.n;
    expect(now).toBe(before);
  });
});

describe('intake and fan-out', () => {
  it('gives every kind one notification per recipient, and a second delivery of the same event changes nothing', async () => {
    const org = randomUUID();
    const staff = await people(hub, org, ['TOEGANG', 'BEHEERDER', 'PRIVACY_OFFICER', 'ZORGBEMIDDELAAR', 'CLIENTONDERSTEUNER'], 2);
    const events = NOTIFICATION_KINDS.map((kind) => notificationEvent(kind, { organizationIds: [org] }));
    const first = await deliver(hub, events);
    expect(first).toMatchObject({ status: 200, body: { accepted: NOTIFICATION_KINDS.length, duplicates: 0 } });
    const again = await deliver(hub, events);
    expect(again).toMatchObject({ status: 200, body: { accepted: 0, duplicates: NOTIFICATION_KINDS.length } });
    for (const e of events) {
      expect((await notificationsOfEvent(hub, e.eventId)).map((n) => n.subject)).toEqual(staff.map((s) => s.subject).sort());
    }
    for (const s of staff) {
      const page = await notificationsOf(s.token, { first: 100 });
      expect(page.totalCount).toBe(NOTIFICATION_KINDS.length);
      expect(page.unreadCount).toBe(NOTIFICATION_KINDS.length);
      expect(new Set(page.edges.map((e) => e.node.kind))).toEqual(new Set(NOTIFICATION_KINDS));
      expect((await messagesOf(hub, s.subject)).filter((m) => m.type === 'IMMEDIATE')).toHaveLength(NOTIFICATION_KINDS.length);
    }
    // Delivered once more after sending: still one e-mail each.
    const worker = mailWorkerFor(hub, smtp.url);
    await worker.runOnce();
    await deliver(hub, events);
    await worker.runOnce();
    for (const s of staff) expect(smtp.messagesTo(s.email ?? '')).toHaveLength(NOTIFICATION_KINDS.length);
  });

  it('narrows the audience by role and by subject', async () => {
    const org = randomUUID();
    const [toegang] = await people(hub, org, ['TOEGANG'], 1);
    const [beheerder] = await people(hub, org, ['BEHEERDER'], 1);
    const [both] = await people(hub, org, ['TOEGANG', 'PRIVACY_OFFICER'], 1);
    const otherOrg = await people(hub, randomUUID(), ['TOEGANG'], 1);
    const byRole = notificationEvent('HANDOVER_RECEIVED', { organizationIds: [org], roles: ['TOEGANG'] });
    const bySubject = notificationEvent('SIGNAL_FEEDBACK', { organizationIds: [org], subjects: [beheerder?.subject ?? ''] });
    const byBoth = notificationEvent('BREAK_GLASS_OPENED', { organizationIds: [org], roles: ['PRIVACY_OFFICER', 'BEHEERDER'] });
    await deliver(hub, [byRole, bySubject, byBoth]);
    const subjects = async (id: string) => (await notificationsOfEvent(hub, id)).map((n) => n.subject);
    expect(await subjects(byRole.eventId)).toEqual([toegang?.subject, both?.subject].sort());
    expect(await subjects(bySubject.eventId)).toEqual([beheerder?.subject]);
    expect(await subjects(byBoth.eventId)).toEqual([beheerder?.subject, both?.subject].sort());
    expect((await notificationsOf(otherOrg[0]?.token ?? '')).totalCount).toBe(0);
  });

  it("sends escalations to the organisation's coordinators, or to its BEHEERDERs while it named none", async () => {
    const org = randomUUID();
    const [beheerder] = await people(hub, org, ['BEHEERDER'], 1);
    const [worker, other] = await people(hub, org, ['TOEGANG'], 2);
    const first = notificationEvent('HANDOVER_ESCALATED', { organizationIds: [org], coordinators: true });
    await deliver(hub, [first]);
    expect((await notificationsOfEvent(hub, first.eventId)).map((n) => n.subject)).toEqual([beheerder?.subject]);

    const listed = dataOf<{ notificationRecipients: { totalCount: number; nodes: { id: string; name: string }[] } }>(
      await hub.graphql(RECIPIENTS, { first: 2 }, { token: beheerder?.token }),
    ).notificationRecipients;
    expect(listed.totalCount).toBe(3);
    const page2 = dataOf<{ notificationRecipients: { nodes: { id: string }[] } }>(
      await hub.graphql(
        RECIPIENTS,
        {
          first: 2,
          after: (await hub.graphql<{ notificationRecipients: { pageInfo: { endCursor: string } } }>(RECIPIENTS, { first: 2 }, { token: beheerder?.token }))
            .body.data?.notificationRecipients.pageInfo.endCursor,
        },
        { token: beheerder?.token },
      ),
    ).notificationRecipients;
    expect(listed.nodes.length + page2.nodes.length).toBe(3);
    const workerRow = rowsOf<{ id: string }>(await hub.database.db.execute(sql`select id from notifications.recipient where subject = ${worker?.subject}`))[0];
    const set = await hub.graphql(SET_COORDINATOR, { input: { recipientId: workerRow?.id, coordinator: true } }, { token: beheerder?.token });
    expect(dataOf<{ setNotificationCoordinator: { recipient: { coordinator: boolean } } }>(set).setNotificationCoordinator.recipient.coordinator).toBe(true);
    expect((await signIn(hub, worker as NonNullable<typeof worker>)).coordinator).toBe(true);

    const second = notificationEvent('WORKLIST_ESCALATED', { organizationIds: [org], coordinators: true });
    await deliver(hub, [second]);
    expect((await notificationsOfEvent(hub, second.eventId)).map((n) => n.subject)).toEqual([worker?.subject]);
    expect((await notificationsOf(other?.token ?? '')).totalCount).toBe(0);
    // A TOEGANG professional may not name coordinators.
    expect(errorCodes(await hub.graphql(SET_COORDINATOR, { input: { recipientId: workerRow?.id, coordinator: false } }, { token: other?.token }))).toEqual([
      'FORBIDDEN',
    ]);
  });

  it('fans a large delivery out in full (more rows than one insert statement takes)', async () => {
    const org = randomUUID();
    // Without addresses, so no e-mail is queued: this is about the notifications.
    const staff = await Promise.all(Array.from({ length: 6 }, () => person(hub, org, ['TOEGANG'], { email: null })));
    for (const p of staff) await signIn(hub, p);
    const events = Array.from({ length: 400 }, () => notificationEvent('HANDOVER_DUE_SOON', { organizationIds: [org] }));
    expect(await deliver(hub, events)).toMatchObject({ status: 200, body: { accepted: 400, duplicates: 0 } });
    const [row] = rowsOf<{ n: number }>(
      await hub.database.db.execute(sql`select count(*)::int as n from notifications.notification n
        join notifications.recipient r on r.id = n.recipient_id where r.organization_id = ${org}::uuid`),
    );
    expect(row?.n).toBe(2400);
    expect((await notificationsOf(staff[0]?.token ?? '')).totalCount).toBe(400);
  });

  it('refuses an event outside the contract and stores nothing', async () => {
    const bad = { ...notificationEvent('HANDOVER_RECEIVED', { organizationIds: [randomUUID()] }), clientName: 'Jan Jansen' };
    const answer = await deliver(hub, [bad as unknown as ReturnType<typeof notificationEvent>]);
    expect(answer.status).toBe(400);
    const stored = rowsOf<{ n: number }>(
      await hub.database.db.execute(sql`select count(*)::int as n from notifications.event where id = ${bad.eventId}::uuid`),
    );
    expect(stored[0]?.n).toBe(0);
  });
});

describe('the notification centre', () => {
  it('pages newest first, counts unread, filters unread, links to the console and marks read', async () => {
    const org = randomUUID();
    const [me] = await people(hub, org, ['TOEGANG'], 1);
    const token = me?.token ?? '';
    const t0 = Date.now() - 60 * 60_000;
    const events = Array.from({ length: 5 }, (_v, i) =>
      notificationEvent('HANDOVER_RECEIVED', { organizationIds: [org] }, { occurredAt: new Date(t0 + i * 60_000).toISOString(), dueDate: '2026-12-24' }),
    );
    const knelpunt = notificationEvent('SIGNAL_FEEDBACK', { organizationIds: [org] }, { item: { type: 'KNELPUNT', id: randomUUID() } });
    await deliver(hub, [...events, knelpunt]);
    const page1 = await notificationsOf(token, { first: 4 });
    expect(page1.totalCount).toBe(6);
    expect(page1.unreadCount).toBe(6);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(page1.edges[0]?.node).toMatchObject({ kind: 'SIGNAL_FEEDBACK', itemType: 'KNELPUNT', path: `/overlegtafel/knelpunten/${knelpunt.item.id}` });
    expect(page1.edges[1]?.node).toMatchObject({
      itemId: events[4]?.item.id,
      path: `/warme-overdracht/${events[4]?.item.id}`,
      dueDate: '2026-12-24',
      readAt: null,
    });
    const page2 = await notificationsOf(token, { first: 4, after: page1.pageInfo.endCursor });
    expect(page2.edges.map((e) => e.node.itemId)).toEqual([events[1]?.item.id, events[0]?.item.id]);
    expect(page2.pageInfo.hasNextPage).toBe(false);

    const ids = page1.edges.slice(0, 2).map((e) => e.node.id);
    const marked = dataOf<{ markNotificationsRead: { marked: number; unreadCount: number } }>(await hub.graphql(MARK, { input: { ids } }, { token }));
    expect(marked.markNotificationsRead).toEqual({ marked: 2, unreadCount: 4 });
    // Again: nothing changes from unread to read.
    expect(dataOf<{ markNotificationsRead: { marked: number } }>(await hub.graphql(MARK, { input: { ids } }, { token })).markNotificationsRead.marked).toBe(0);
    const unread = await notificationsOf(token, { unreadOnly: true });
    expect(unread.totalCount).toBe(4);
    expect(unread.edges.map((e) => e.node.id)).not.toContain(ids[0]);
    expect(
      dataOf<{ markNotificationsRead: { marked: number; unreadCount: number } }>(await hub.graphql(MARK, { input: { all: true } }, { token }))
        .markNotificationsRead,
    ).toEqual({
      marked: 4,
      unreadCount: 0,
    });
    expect(errorCodes(await hub.graphql(MARK, { input: { ids: ['not-an-id'] } }, { token }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await hub.graphql(MARK, { input: {} }, { token }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await hub.graphql(NOTIFICATIONS, { first: 0 }, { token }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await hub.graphql(NOTIFICATIONS, { after: 'garbage' }, { token }))).toEqual(['BAD_USER_INPUT']);
  });

  it('answers a page in the same number of statements whatever its length (no statement per notification)', async () => {
    const org = randomUUID();
    const [me] = await people(hub, org, ['TOEGANG'], 1);
    await deliver(
      hub,
      Array.from({ length: 30 }, () => notificationEvent('HANDOVER_RECEIVED', { organizationIds: [org] })),
    );
    const statementsFor = async (first: number) => {
      const before = hub.database.stats.statements;
      const page = await notificationsOf(me?.token ?? '', { first });
      expect(page.edges).toHaveLength(first);
      return hub.database.stats.statements - before;
    };
    await statementsFor(1);
    const few = await statementsFor(2);
    const many = await statementsFor(30);
    expect(many).toBe(few);
    expect(few).toBeLessThanOrEqual(3);
  });

  it('gives each item type the closest console page', () => {
    const id = randomUUID();
    expect(consolePathOf('REFERRAL', id)).toBe(`/warme-overdracht/${id}`);
    expect(consolePathOf('CLIENT', id)).toBe(`/clienten/${id}`);
    expect(consolePathOf('WLZ_INDICATIE', id)).toBe(`/nieuwe-indicaties/${id}`);
    expect(consolePathOf('KNELPUNT', id)).toBe(`/overlegtafel/knelpunten/${id}`);
    expect(consolePathOf('SIGNAL', id)).toBe('/overlegtafel/signalen');
    expect(consolePathOf('TRAJECTORY', id)).toBe('/clienten');
  });
});

describe('preferences and organisation defaults', () => {
  it('decides the e-mail from the person, else the organisation, else IMMEDIATE', async () => {
    const org = randomUUID();
    const [beheerder] = await people(hub, org, ['BEHEERDER'], 1);
    const [a, b] = await people(hub, org, ['TOEGANG'], 2);
    const defaults = await hub.graphql(
      DEFAULTS,
      {
        input: {
          defaults: [
            { kind: 'HANDOVER_ACCEPTED', email: 'DAILY_DIGEST' },
            { kind: 'CONSENT_REVOKED', email: 'OFF' },
          ],
        },
      },
      { token: beheerder?.token },
    );
    const orgDefaults = dataOf<{ updateOrganizationNotificationDefaults: { settings: { defaults: { kind: string; email: string; inherited: boolean }[] } } }>(
      defaults,
    ).updateOrganizationNotificationDefaults.settings.defaults;
    expect(orgDefaults).toHaveLength(NOTIFICATION_KINDS.length);
    expect(orgDefaults.find((d) => d.kind === 'HANDOVER_ACCEPTED')).toEqual({ kind: 'HANDOVER_ACCEPTED', email: 'DAILY_DIGEST', inherited: false });
    expect(orgDefaults.find((d) => d.kind === 'HANDOVER_RECEIVED')).toEqual({ kind: 'HANDOVER_RECEIVED', email: 'IMMEDIATE', inherited: true });

    const prefs = await hub.graphql(
      PREFERENCES,
      {
        input: {
          preferences: [
            { kind: 'HANDOVER_ACCEPTED', email: 'IMMEDIATE' },
            { kind: 'HANDOVER_RECEIVED', email: 'OFF' },
          ],
        },
      },
      { token: a?.token },
    );
    const mine = dataOf<{ updateMyNotificationPreferences: { settings: { preferences: { kind: string; email: string; inherited: boolean }[] } } }>(prefs)
      .updateMyNotificationPreferences.settings.preferences;
    expect(mine.find((p) => p.kind === 'HANDOVER_ACCEPTED')).toEqual({ kind: 'HANDOVER_ACCEPTED', email: 'IMMEDIATE', inherited: false });
    expect(mine.find((p) => p.kind === 'CONSENT_REVOKED')).toEqual({ kind: 'CONSENT_REVOKED', email: 'OFF', inherited: true });
    expect(
      errorCodes(
        await hub.graphql(
          PREFERENCES,
          { input: { preferences: [{ kind: 'HANDOVER_ACCEPTED', email: 'OFF' }, { kind: 'HANDOVER_ACCEPTED' }] } },
          { token: a?.token },
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await hub.graphql(DEFAULTS, { input: { defaults: [] } }, { token: a?.token }))).toEqual(['FORBIDDEN']);

    const accepted = notificationEvent('HANDOVER_ACCEPTED', { organizationIds: [org], roles: ['TOEGANG'] });
    const received = notificationEvent('HANDOVER_RECEIVED', { organizationIds: [org], roles: ['TOEGANG'] });
    const revoked = notificationEvent('CONSENT_REVOKED', { organizationIds: [org], roles: ['TOEGANG'] });
    await deliver(hub, [accepted, received, revoked]);
    const modes = async (id: string) => Object.fromEntries((await notificationsOfEvent(hub, id)).map((n) => [n.subject, n.email_mode]));
    expect(await modes(accepted.eventId)).toEqual({ [a?.subject ?? '']: 'IMMEDIATE', [b?.subject ?? '']: 'DAILY_DIGEST' });
    expect(await modes(received.eventId)).toEqual({ [a?.subject ?? '']: 'OFF', [b?.subject ?? '']: 'IMMEDIATE' });
    expect(await modes(revoked.eventId)).toEqual({ [a?.subject ?? '']: 'OFF', [b?.subject ?? '']: 'OFF' });
    expect((await messagesOf(hub, a?.subject ?? '')).map((m) => m.type)).toEqual(['IMMEDIATE']);
    expect((await messagesOf(hub, b?.subject ?? '')).map((m) => m.type)).toEqual(['IMMEDIATE']);

    // Back to the organisation's default; the notification centre shows every kind regardless of e-mail.
    const reset = await hub.graphql(PREFERENCES, { input: { preferences: [{ kind: 'HANDOVER_RECEIVED', email: null }] } }, { token: a?.token });
    const back = dataOf<{ updateMyNotificationPreferences: { settings: { preferences: { kind: string; email: string; inherited: boolean }[] } } }>(reset);
    expect(back.updateMyNotificationPreferences.settings.preferences.find((p) => p.kind === 'HANDOVER_RECEIVED')).toEqual({
      kind: 'HANDOVER_RECEIVED',
      email: 'IMMEDIATE',
      inherited: true,
    });
    expect((await notificationsOf(a?.token ?? '')).totalCount).toBe(3);
  });

  it('writes no e-mail for a person whose sign-in carries no address', async () => {
    const org = randomUUID();
    const silent = await person(hub, org, ['TOEGANG'], { email: null });
    expect((await signIn(hub, silent)).email).toBeNull();
    const e = notificationEvent('HANDOVER_RECEIVED', { organizationIds: [org] });
    await deliver(hub, [e]);
    expect(await notificationsOfEvent(hub, e.eventId)).toHaveLength(1);
    expect(await messagesOf(hub, silent.subject)).toHaveLength(0);
  });
});

describe('e-mail', () => {
  it('says only the kind and a link: no client, no name, nothing else', async () => {
    const org = randomUUID();
    const [p] = await people(hub, org, ['TOEGANG'], 1);
    const events = NOTIFICATION_KINDS.map((kind) =>
      notificationEvent(kind, { organizationIds: [org] }, { item: { type: kind.startsWith('WORKLIST') ? 'WLZ_INDICATIE' : 'REFERRAL', id: randomUUID() } }),
    );
    await deliver(hub, events);
    await mailWorkerFor(hub, smtp.url).runOnce();
    const received = smtp.messagesTo(p?.email ?? '');
    expect(received).toHaveLength(NOTIFICATION_KINDS.length);
    for (const e of events) {
      const path = consolePathOf(e.item.type, e.item.id);
      const expected = immediateMail(e.kind, CONSOLE_URL, path);
      const mail = received.find((m) => m.text.includes(`${CONSOLE_URL}${path}`));
      expect(mail?.subject).toBe(expected.subject);
      expect(mail?.text.trim()).toBe(expected.text.trim());
      // The only variable parts: the kind's words and the link.
      const rest = mail?.text.replace(KIND_WORDS[e.kind].sentence, '').replace(`${CONSOLE_URL}${path}`, '') ?? '';
      expect(rest).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
      expect(rest).not.toContain('Test Persoon');
      expect(mail?.messageId).toMatch(/^<[0-9a-f-]{36}@[^>]+>$/);
    }
    const statuses = await messagesOf(hub, p?.subject ?? '');
    expect(statuses.every((m) => m.status === 'SENT' && m.attempts === 1)).toBe(true);
  });

  it('sends one digest per recipient per day, counting the day by kind, and nothing twice', async () => {
    const org = randomUUID();
    const [beheerder] = await people(hub, org, ['BEHEERDER'], 1);
    const [a, b] = await people(hub, org, ['TOEGANG'], 2);
    const digestAll = NOTIFICATION_KINDS.map((kind) => ({ kind, email: 'DAILY_DIGEST' }));
    dataOf(await hub.graphql(DEFAULTS, { input: { defaults: digestAll } }, { token: beheerder?.token }));
    const kinds: NotificationKind[] = ['HANDOVER_RECEIVED', 'HANDOVER_RECEIVED', 'HANDOVER_ACCEPTED', 'HANDOVER_DUE_SOON'];
    await deliver(
      hub,
      kinds.map((kind) => notificationEvent(kind, { organizationIds: [org], roles: ['TOEGANG'] })),
    );
    const worker = mailWorkerFor(hub, smtp.url);
    // Before the digest hour (NOTIFY_DIGEST_HOUR, 8 in Amsterdam): nothing yet.
    expect((await worker.runOnce({ now: dayAfterTomorrowAt(4) })).digests).toBe(0);
    expect(smtp.messagesTo(a?.email ?? '')).toHaveLength(0);
    const day1 = dayAfterTomorrowAt(9);
    expect((await worker.runOnce({ now: day1 })).digests).toBeGreaterThanOrEqual(2);
    for (const p of [a, b]) {
      const mails = smtp.messagesTo(p?.email ?? '');
      expect(mails).toHaveLength(1);
      const counts = new Map<NotificationKind, number>([
        ['HANDOVER_RECEIVED', 2],
        ['HANDOVER_DUE_SOON', 1],
        ['HANDOVER_ACCEPTED', 1],
      ]);
      expect(mails[0]?.text.trim()).toBe(digestMail(counts, CONSOLE_URL).text.trim());
      expect(mails[0]?.text).toContain(`${CONSOLE_URL}/meldingen`);
    }
    // Later the same day: the day's digest exists, nothing is sent twice; a new notification waits for the next day.
    await deliver(hub, [notificationEvent('HANDOVER_REJECTED', { organizationIds: [org], roles: ['TOEGANG'] })]);
    await worker.runOnce({ now: new Date(day1.getTime() + 3600_000) });
    expect(smtp.messagesTo(a?.email ?? '')).toHaveLength(1);
    expect((await messagesOf(hub, a?.subject ?? '')).filter((m) => m.type === 'DIGEST')).toHaveLength(1);
    await worker.runOnce({ now: dayAfterTomorrowAt(9, 1) });
    const next = smtp.messagesTo(a?.email ?? '');
    expect(next).toHaveLength(2);
    expect(next[1]?.text.trim()).toBe(digestMail(new Map([['HANDOVER_REJECTED', 1]]), CONSOLE_URL).text.trim());
    await worker.runOnce({ now: dayAfterTomorrowAt(12, 1) });
    expect(smtp.messagesTo(a?.email ?? '')).toHaveLength(2);
    // Every counted notification names its digest.
    const uncounted = rowsOf<{ n: number }>(
      await hub.database.db.execute(sql`select count(*)::int as n from notifications.notification n join notifications.recipient r on r.id = n.recipient_id
        where r.subject = ${a?.subject} and n.digest_message_id is null`),
    );
    expect(uncounted[0]?.n).toBe(0);
  });

  it('retries while the SMTP server refuses, delivers everything once when it accepts, and one refused mailbox blocks no other', async () => {
    const server = await startTestSmtpServer();
    try {
      const org = randomUUID();
      const staff = await people(hub, org, ['TOEGANG'], 3);
      await deliver(hub, [
        notificationEvent('HANDOVER_RECEIVED', { organizationIds: [org] }),
        notificationEvent('HANDOVER_OVERDUE', { organizationIds: [org] }),
      ]);
      const worker = mailWorkerFor(hub, server.url);
      const t0 = Date.now() + 1000;
      server.setMode('REFUSE');
      await worker.runOnce({ now: new Date(t0) });
      expect(server.messages).toHaveLength(0);
      const pending = await messagesOf(hub, staff[0]?.subject ?? '');
      expect(pending.map((m) => [m.status, m.attempts])).toEqual([
        ['PENDING', 1],
        ['PENDING', 1],
      ]);
      // Only the class of the error is kept: never the server's words or an address.
      expect(pending[0]?.last_error).toMatch(/^[A-Z_]+ 451$/);
      // Within the backoff (60 s after the first failure): no new attempt.
      await worker.runOnce({ now: new Date(t0 + 30_000) });
      expect((await messagesOf(hub, staff[0]?.subject ?? ''))[0]?.attempts).toBe(1);
      server.setMode('CLOSE');
      await worker.runOnce({ now: new Date(t0 + 61_000) });
      expect((await messagesOf(hub, staff[0]?.subject ?? '')).map((m) => [m.status, m.attempts])).toEqual([
        ['PENDING', 2],
        ['PENDING', 2],
      ]);
      expect(server.messages).toHaveLength(0);

      // Up again, with one mailbox unreachable for now: the others are delivered.
      server.setMode('ACCEPT');
      server.refuseAddress(staff[0]?.email ?? '');
      await worker.runOnce({ now: new Date(t0 + 200_000) });
      for (const s of staff.slice(1)) expect(server.messagesTo(s.email ?? '')).toHaveLength(2);
      expect(server.messagesTo(staff[0]?.email ?? '')).toHaveLength(0);
      server.refuseAddress(staff[0]?.email ?? '', false);
      await worker.runOnce({ now: new Date(t0 + 10_000_000) });
      await worker.runOnce({ now: new Date(t0 + 20_000_000) });
      for (const s of staff) expect(server.messagesTo(s.email ?? '')).toHaveLength(2);
      const ids = server.messages.map((m) => m.messageId);
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      await server.close();
    }
  });

  it('gives a message up (FAILED) after the configured attempts', async () => {
    const server = await startTestSmtpServer();
    try {
      const org = randomUUID();
      const [p] = await people(hub, org, ['TOEGANG'], 1);
      await deliver(hub, [notificationEvent('HANDOVER_RECEIVED', { organizationIds: [org] })]);
      server.setMode('REFUSE');
      const worker = mailWorkerFor(hub, server.url, { maxAttempts: 2, retryBaseSeconds: 1, retryMaxSeconds: 1 });
      const t0 = Date.now() + 1000;
      await worker.runOnce({ now: new Date(t0) });
      await worker.runOnce({ now: new Date(t0 + 5000) });
      expect((await messagesOf(hub, p?.subject ?? ''))[0]).toMatchObject({ status: 'FAILED', attempts: 2 });
      server.setMode('ACCEPT');
      await worker.runOnce({ now: new Date(t0 + 60_000) });
      expect(server.messagesTo(p?.email ?? '')).toHaveLength(0);
      expect((await messagesOf(hub, p?.subject ?? ''))[0]).toMatchObject({ status: 'FAILED', attempts: 2 });
    } finally {
      await server.close();
    }
  });

  it('delivers after a restart what was pending before it', async () => {
    const server = await startTestSmtpServer();
    try {
      const org = randomUUID();
      const [p] = await people(hub, org, ['CLIENTONDERSTEUNER'], 1);
      await deliver(hub, [notificationEvent('HANDOVER_ACCEPTED', { organizationIds: [org] })]);
      // The first process has no mail server, and one claims a message and dies before sending it.
      expect((await mailWorkerFor(hub, undefined).runOnce()).attempted).toBe(0);
      await deliver(hub, [notificationEvent('HANDOVER_REJECTED', { organizationIds: [org] })]);
      const leaseHolder = rowsOf<{ id: string }>(
        await hub.database.db.execute(sql`update notifications.email_message m set next_attempt_at = now() + interval '120 seconds'
          from notifications.recipient r where r.id = m.recipient_id and r.subject = ${p?.subject} and m.id = (
            select m2.id from notifications.email_message m2 where m2.recipient_id = r.id order by m2.created_at desc limit 1) returning m.id`),
      );
      expect(leaseHolder).toHaveLength(1);

      await hub.stopSubgraph('notifications');
      await hub.startSubgraph('notifications');
      const fresh = mailWorkerFor(hub, server.url);
      await fresh.runOnce();
      expect(server.messagesTo(p?.email ?? '')).toHaveLength(1);
      await fresh.runOnce({ now: new Date(Date.now() + 121_000) });
      expect(server.messagesTo(p?.email ?? '')).toHaveLength(2);
      await fresh.runOnce({ now: new Date(Date.now() + 600_000) });
      expect(server.messagesTo(p?.email ?? '')).toHaveLength(2);
      // The restarted server still takes events and answers.
      await deliver(hub, [notificationEvent('HANDOVER_OVERDUE', { organizationIds: [org] })]);
      expect((await notificationsOf(p?.token ?? '')).totalCount).toBe(3);
    } finally {
      await server.close();
    }
  });

  it('starts no send once half its lease is gone, so a process that claims the rest after the lease sends each message once', async () => {
    const server = await startTestSmtpServer();
    try {
      const org = randomUUID();
      const [p] = await people(hub, org, ['TOEGANG'], 1);
      const address = p?.email ?? '';
      await deliver(
        hub,
        Array.from({ length: 60 }, () => notificationEvent('HANDOVER_RECEIVED', { organizationIds: [org] })),
      );
      // A slow server (1 s per message, 8 at a time) and a lease of 3 s: the first batch of 50 would take 7 s.
      server.setDelay(1000);
      const slow = mailWorkerFor(hub, server.url, {}, 3);
      const first = slow.runOnce();
      // Another process, from just after the slow one's lease: it may claim what the slow one claimed but did not send.
      await new Promise((resolve) => setTimeout(resolve, 3200));
      const other = mailWorkerFor(hub, server.url);
      for (let round = 0; round < 10 && server.messagesTo(address).length < 60; round++) await other.runOnce();
      const firstRound = await first;
      // The slow one stopped halfway through its lease (1.5 s: two groups of 8), leaving the rest to the other.
      expect(firstRound.sent).toBeGreaterThan(0);
      expect(firstRound.sent).toBeLessThan(50);
      const received = server.messagesTo(address);
      expect(received).toHaveLength(60);
      expect(new Set(received.map((m) => m.messageId)).size).toBe(60);
      const rows = await messagesOf(hub, p?.subject ?? '');
      expect(rows.filter((m) => m.status === 'SENT' && m.attempts === 1)).toHaveLength(60);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('marks a LINK message it cannot render FAILED as link unavailable', async () => {
    const id = randomUUID();
    await hub.database.db.execute(sql`insert into notifications.email_message (id, type, organization_id, light_link_id, status, attempts, next_attempt_at, created_at)
      values (${id}::uuid, 'LINK', ${randomUUID()}::uuid, ${randomUUID()}::uuid, 'PENDING', 0, now(), now())`);
    await mailWorkerFor(hub, smtp.url).runOnce({ now: new Date(Date.now() + 1000) });
    const [row] = rowsOf<{ status: string; last_error: string }>(
      await hub.database.db.execute(sql`select status, last_error from notifications.email_message where id = ${id}::uuid`),
    );
    expect(row).toEqual({ status: 'FAILED', last_error: 'link unavailable' });
  });
});
