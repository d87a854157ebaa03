import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationEventsContract, type NotificationEvent } from '@hub/contracts';
import { rowsOf, sql } from '@hub/db';
import type { Role } from '@hub/domain';
import { dataOf, errorCodes, startTestHub, type TestHub } from '@hub/testing';

/**
 * Notifications are personal to the professional they were made for: nobody reads or marks another's, not through the
 * gateway and not straight at the subgraph with the gateway's secret and their own token. Producers alone deliver
 * events (the internal secret); a client token gets nothing; a BEHEERDER acts on their own organisation only.
 */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ env: { NOTIFY_MAIL_INTERVAL_MS: '0', REFERRAL_RELAY_INTERVAL_MS: '0' } });
});
afterAll(async () => {
  await hub?.stop();
});

interface Person {
  subject: string;
  token: string;
}

async function signedIn(organizationId: string, roles: Role[]): Promise<Person> {
  const subject = `sec-${randomUUID()}`;
  const token = await hub.tokenFor({ subject, organizationId, organizationType: 'GEMEENTE', roles, email: `${subject}@mail.hub.test` });
  dataOf(await hub.graphql('{ myNotificationSettings { email } }', {}, { token }));
  return { subject, token };
}

async function deliver(events: NotificationEvent[], headers: Record<string, string>) {
  const res = await fetch(new URL(notificationEventsContract.path, hub.subgraphUrls.notifications), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ events }),
  });
  return res.status;
}

const event = (organizationId: string): NotificationEvent => ({
  eventId: randomUUID(),
  occurredAt: new Date().toISOString(),
  kind: 'HANDOVER_RECEIVED',
  item: { type: 'REFERRAL', id: randomUUID() },
  audience: { organizationIds: [organizationId] },
});

const LIST = '{ notifications(first: 100) { totalCount unreadCount nodes { id itemId } } }';
const MARK = 'mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { marked unreadCount } }';
type ListData = { notifications: { totalCount: number; unreadCount: number; nodes: { id: string; itemId: string }[] } };

async function recipientId(subject: string): Promise<string> {
  const [row] = rowsOf<{ id: string }>(await hub.database.db.execute(sql`select id from notifications.recipient where subject = ${subject}`));
  if (!row) throw new Error('no recipient');
  return row.id;
}

describe('notifications: one professional cannot reach another', () => {
  let anna: Person;
  let bert: Person;
  let annaIds: string[];
  const orgA = randomUUID();
  const orgB = randomUUID();

  beforeAll(async () => {
    anna = await signedIn(orgA, ['TOEGANG']);
    bert = await signedIn(orgB, ['TOEGANG']);
    expect(await deliver([event(orgA), event(orgA)], { 'x-hub-internal-secret': hub.internalSecret })).toBe(200);
    annaIds = dataOf<ListData>(await hub.graphql(LIST, {}, { token: anna.token })).notifications.nodes.map((n) => n.id);
    expect(annaIds).toHaveLength(2);
  });

  it("through the gateway: Bert sees none of Anna's and marks none of them read", async () => {
    expect(dataOf<ListData>(await hub.graphql(LIST, {}, { token: bert.token })).notifications).toEqual({ totalCount: 0, unreadCount: 0, nodes: [] });
    const marked = dataOf<{ markNotificationsRead: { marked: number } }>(await hub.graphql(MARK, { input: { ids: annaIds } }, { token: bert.token }));
    expect(marked.markNotificationsRead.marked).toBe(0);
    dataOf(await hub.graphql(MARK, { input: { all: true } }, { token: bert.token }));
    expect(dataOf<ListData>(await hub.graphql(LIST, {}, { token: anna.token })).notifications.unreadCount).toBe(2);
  });

  it("straight at the subgraph with the gateway's secret and Bert's token: the same", async () => {
    const secret = hub.subgraphSecrets.notifications;
    const list = await hub.directSubgraphRequest<ListData>('notifications', LIST, { secret, token: bert.token });
    expect(list.body.data?.notifications.totalCount).toBe(0);
    const mark = await hub.directSubgraphRequest<{ markNotificationsRead: { marked: number } }>('notifications', MARK, {
      secret,
      token: bert.token,
      variables: { input: { ids: annaIds } },
    });
    expect(mark.body.data?.markNotificationsRead.marked).toBe(0);
    // Without the secret the subgraph answers nobody, Anna's own token included.
    const bare = await hub.directSubgraphRequest<ListData>('notifications', LIST, { token: anna.token });
    expect(bare.body.data?.notifications).toBeUndefined();
    expect(dataOf<ListData>(await hub.graphql(LIST, {}, { token: anna.token })).notifications.unreadCount).toBe(2);
  });

  it('a client token and an anonymous caller get UNAUTHENTICATED on every notification field, and are never recorded', async () => {
    const client = await hub.clientTokenFor({ bsn: '999990019' });
    const before = rowsOf<{ n: number }>(await hub.database.db.execute(sql`select count(*)::int as n from notifications.recipient`))[0]?.n;
    const operations: [string, Record<string, unknown>?][] = [
      [LIST],
      ['{ myNotificationSettings { email } }'],
      ['{ organizationNotificationSettings { organizationId } }'],
      ['{ notificationRecipients { totalCount } }'],
      [MARK, { input: { ids: annaIds } }],
      ['mutation { updateMyNotificationPreferences(input: { preferences: [{ kind: HANDOVER_RECEIVED, email: OFF }] }) { settings { email } } }'],
      ['mutation { updateOrganizationNotificationDefaults(input: { defaults: [{ kind: HANDOVER_RECEIVED, email: OFF }] }) { settings { organizationId } } }'],
      [`mutation { setNotificationCoordinator(input: { recipientId: "${await recipientId(anna.subject)}", coordinator: true }) { recipient { id } } }`],
    ];
    for (const [query, variables] of operations) {
      for (const token of [client, undefined]) {
        const answer = await hub.graphql(query, variables, { token });
        expect(errorCodes(answer), query).toEqual(['UNAUTHENTICATED']);
        expect(answer.body.data ?? null).toBeNull();
      }
    }
    const after = rowsOf<{ n: number }>(await hub.database.db.execute(sql`select count(*)::int as n from notifications.recipient`))[0]?.n;
    expect(after).toBe(before);
    expect(dataOf<ListData>(await hub.graphql(LIST, {}, { token: anna.token })).notifications.unreadCount).toBe(2);
  });
});

describe('notifications: the intake endpoint', () => {
  it('refuses a delivery without the internal secret, or with the gateway secret instead, and stores nothing', async () => {
    const org = randomUUID();
    const person = await signedIn(org, ['TOEGANG']);
    const forged = event(org);
    expect(await deliver([forged], {})).toBeGreaterThanOrEqual(401);
    expect(await deliver([forged], { 'x-hub-internal-secret': 'x'.repeat(43) })).toBeGreaterThanOrEqual(401);
    expect(await deliver([forged], { 'x-hub-subgraph-secret': hub.subgraphSecrets.notifications ?? '' })).toBeGreaterThanOrEqual(401);
    const stored = rowsOf<{ n: number }>(
      await hub.database.db.execute(sql`select count(*)::int as n from notifications.event where id = ${forged.eventId}::uuid`),
    );
    expect(stored[0]?.n).toBe(0);
    expect(dataOf<ListData>(await hub.graphql(LIST, {}, { token: person.token })).notifications.totalCount).toBe(0);
    // Through the gateway there is no such route at all.
    const viaGateway = await fetch(hub.gatewayPath(notificationEventsContract.path), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-internal-secret': hub.internalSecret },
      body: JSON.stringify({ events: [forged] }),
    });
    expect(viaGateway.status).toBeGreaterThanOrEqual(400);
    expect(
      rowsOf<{ n: number }>(await hub.database.db.execute(sql`select count(*)::int as n from notifications.event where id = ${forged.eventId}::uuid`))[0]?.n,
    ).toBe(0);
  });
});

describe("notifications: a BEHEERDER acts on their own organisation's settings only", () => {
  it("cannot name a coordinator of another organisation, and their defaults do not touch another organisation's", async () => {
    const orgA = randomUUID();
    const orgB = randomUUID();
    const beheerderA = await signedIn(orgA, ['BEHEERDER']);
    const beheerderB = await signedIn(orgB, ['BEHEERDER']);
    const workerB = await signedIn(orgB, ['TOEGANG']);
    const workerBId = await recipientId(workerB.subject);
    const set = 'mutation($input: SetNotificationCoordinatorInput!) { setNotificationCoordinator(input: $input) { recipient { id coordinator } } }';
    expect(errorCodes(await hub.graphql(set, { input: { recipientId: workerBId, coordinator: true } }, { token: beheerderA.token }))).toEqual(['NOT_FOUND']);
    const direct = await hub.directSubgraphRequest('notifications', set, {
      secret: hub.subgraphSecrets.notifications,
      token: beheerderA.token,
      variables: { input: { recipientId: workerBId, coordinator: true } },
    });
    expect(errorCodes(direct)).toEqual(['NOT_FOUND']);
    const [row] = rowsOf<{ coordinator: boolean }>(
      await hub.database.db.execute(sql`select coordinator from notifications.recipient where id = ${workerBId}::uuid`),
    );
    expect(row?.coordinator).toBe(false);

    // A's defaults change A's settings only; B's list of recipients is B's alone.
    const defaults = await hub.graphql(
      'mutation { updateOrganizationNotificationDefaults(input: { defaults: [{ kind: HANDOVER_RECEIVED, email: OFF }] }) { settings { organizationId } } }',
      {},
      { token: beheerderA.token },
    );
    expect(
      dataOf<{ updateOrganizationNotificationDefaults: { settings: { organizationId: string } } }>(defaults).updateOrganizationNotificationDefaults.settings
        .organizationId,
    ).toBe(orgA);
    const ofB = dataOf<{ organizationNotificationSettings: { defaults: { kind: string; email: string }[] } }>(
      await hub.graphql('{ organizationNotificationSettings { defaults { kind email } } }', {}, { token: beheerderB.token }),
    );
    expect(ofB.organizationNotificationSettings.defaults.find((d) => d.kind === 'HANDOVER_RECEIVED')?.email).toBe('IMMEDIATE');
    const listA = dataOf<{ notificationRecipients: { nodes: { id: string }[] } }>(
      await hub.graphql('{ notificationRecipients(first: 100) { nodes { id } } }', {}, { token: beheerderA.token }),
    );
    expect(listA.notificationRecipients.nodes.map((n) => n.id)).not.toContain(workerBId);
    // A professional without BEHEERDER may not read or change the organisation's settings.
    expect(errorCodes(await hub.graphql('{ organizationNotificationSettings { organizationId } }', {}, { token: workerB.token }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await hub.graphql('{ notificationRecipients { totalCount } }', {}, { token: workerB.token }))).toEqual(['FORBIDDEN']);
  });
});
