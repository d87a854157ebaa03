import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@hub/config';
import { deliverOutboxTopic, createLogger } from '@hub/service-kit';
import { openDatabase, rowsOf, sql, type Database } from '@hub/db';
import { startTestHub, startTestSmtpServer, type TestHub } from '@hub/testing';
import { createMailWorker } from '../subgraphs/notifications/src/mail-worker.ts';
import { deliver, lightLinkDepsOf, notificationEvent, people } from '../subgraphs/notifications/test/helpers.ts';
import { outbox } from '../subgraphs/referrals/src/db/schema.ts';
import { createPeerClient } from '../subgraphs/referrals/src/peers.ts';
import { createRelay } from '../subgraphs/referrals/src/relay.ts';

/**
 * The relays are safe with several replicas of a subgraph over one database: two relays, each on its own connection
 * pool (as two processes would be), run their rounds at the same time over the same rows, and every event reaches its
 * receiver exactly once. Rows are claimed with FOR UPDATE SKIP LOCKED and a lease (@hub/db claimOutboxRows, the
 * referrals' claimDueDeliveries, the notifications' claimDueMessages), polling positions are handed out under an
 * advisory lock.
 *
 * Only on the server PostgreSQL: PGlite is one process with one session, so two replicas cannot share it.
 */

const onServer = Boolean(loadConfig().databaseUrl);
const N = 250;

/** A real HTTP receiver that counts what it was sent, per id. */
async function startReceiver(idOf: (headers: Record<string, string | string[] | undefined>, body: string) => string[]) {
  const counts = new Map<string, number>();
  let requests = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      requests += 1;
      for (const id of idOf(req.headers, body)) counts.set(id, (counts.get(id) ?? 0) + 1);
      // A little latency, so the two relays' batches overlap in time.
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'), 2);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.skipIf(!onServer)('relay replicas over one PostgreSQL database', () => {
  let hub: TestHub;
  let second: Database;

  beforeAll(async () => {
    hub = await startTestHub({ env: { REFERRAL_RELAY_INTERVAL_MS: '0', CONSOLE_PUBLIC_URL: 'https://console.hub.test' } });
    // A second connection pool to the very same database: the other replica.
    const [current] = rowsOf<{ name: string }>(await hub.database.db.execute(sql`select current_database() as name`));
    const url = new URL(loadConfig().databaseUrl ?? '');
    url.pathname = `/${current?.name ?? ''}`;
    second = await openDatabase({ url: url.toString(), poolSize: 5 });
  });
  afterAll(async () => {
    await second?.close();
    await hub?.stop();
  });

  it('two referrals relays deliver every webhook exactly once, with one polling position per event', async () => {
    const receiver = await startReceiver((headers) => [String(headers['x-hub-event-id'])]);
    const organizationId = randomUUID();
    const db = hub.database.db;
    await db.execute(sql`insert into referrals.webhook_endpoint (id, organization_id, url, secret, created_by)
      values (gen_random_uuid(), ${organizationId}::uuid, ${receiver.url}, ${'s'.repeat(40)}, 'relay-replicas-test')`);
    await db.execute(sql`insert into referrals.outbox (id, topic, audience, payload)
      select gen_random_uuid(), 'REFERRAL', array[${organizationId}::uuid], jsonb_build_object('n', g) from generate_series(1, ${N}) g`);

    const peerUrls = Object.fromEntries(Object.entries(hub.subgraphUrls).map(([name, url]) => [name, new URL(url).origin]));
    const relayOn = (database: Database, name: string) =>
      createRelay({
        db: database.db,
        settings: hub.config.referrals,
        peers: createPeerClient(peerUrls, hub.internalSecret, 5000),
        logger: createLogger(name, 'silent'),
      });
    const relays = [relayOn(hub.database, 'relay-a'), relayOn(second, 'relay-b')];
    const delivered = [0, 0];
    const sequenced = [0, 0];
    for (let round = 0; round < 20 && receiver.counts.size < N; round++) {
      const results = await Promise.all(relays.map((r) => r.runOnce()));
      results.forEach((r, i) => {
        delivered[i] = (delivered[i] ?? 0) + r.webhookDelivered;
        sequenced[i] = (sequenced[i] ?? 0) + r.sequenced;
      });
    }
    // One more concurrent round finds nothing left.
    const last = await Promise.all(relays.map((r) => r.runOnce()));
    expect(last.map((r) => r.webhookAttempts)).toEqual([0, 0]);
    await receiver.close();

    expect(receiver.counts.size).toBe(N);
    expect([...receiver.counts.values()].every((c) => c === 1)).toBe(true);
    expect(receiver.requests()).toBe(N);
    expect((delivered[0] ?? 0) + (delivered[1] ?? 0)).toBe(N);
    expect((sequenced[0] ?? 0) + (sequenced[1] ?? 0)).toBe(N);
    // Both replicas did part of the work.
    expect(delivered.every((d) => d > 0)).toBe(true);

    const [positions] = rowsOf<{ distinct: number; min: number; max: number }>(
      await db.execute(sql`select count(distinct position)::int as distinct, min(position)::int as min, max(position)::int as max
        from referrals.outbox where topic = 'REFERRAL' and ${organizationId}::uuid = any(audience)`),
    );
    expect(positions).toEqual({ distinct: N, min: 1, max: N });
    const [attempts] = rowsOf<{ deliveries: number; delivered: number; attempts: number }>(
      await db.execute(sql`select count(*)::int as deliveries, count(*) filter (where d.status = 'DELIVERED')::int as delivered,
          (select count(*)::int from referrals.webhook_attempt a where a.delivery_id in (select id from referrals.webhook_delivery)) as attempts
        from referrals.webhook_delivery d`),
    );
    expect(attempts).toEqual({ deliveries: N, delivered: N, attempts: N });
  });

  it('two relays of the shared outbox (claimOutboxRows) hand every event to the receiver exactly once', async () => {
    const receiver = await startReceiver((_headers, body) => (JSON.parse(body) as { n: number }[]).map((p) => String(p.n)));
    const topic = `REPLICA_TEST_${randomUUID().slice(0, 8)}`;
    await hub.database.db.execute(sql`insert into referrals.outbox (id, topic, payload)
      select gen_random_uuid(), ${topic}, jsonb_build_object('n', g) from generate_series(1, ${N}) g`);
    const logger = createLogger('outbox-test', 'silent');
    /** One replica: rounds of at most 20 rows until its claim comes back empty. */
    const drain = async (database: Database) => {
      let total = 0;
      for (;;) {
        const sent = await deliverOutboxTopic<{ n: number }>({
          db: database.db,
          table: outbox,
          topic,
          now: new Date(),
          batch: 20,
          retry: { baseSeconds: 30, maxSeconds: 3600 },
          logger,
          send: async (payloads) => {
            const res = await fetch(receiver.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payloads) });
            if (!res.ok) throw new Error(`HTTP ${res.status}`);
          },
        });
        if (sent === 0) return total;
        total += sent;
      }
    };
    const totals = await Promise.all([drain(hub.database), drain(second), drain(hub.database), drain(second)]);
    await receiver.close();

    expect(receiver.counts.size).toBe(N);
    expect([...receiver.counts.values()].every((c) => c === 1)).toBe(true);
    expect(totals.reduce((a, b) => a + b, 0)).toBe(N);
    expect(totals.filter((t) => t > 0).length).toBeGreaterThan(1);
    const [rows] = rowsOf<{ undelivered: number; retried: number }>(
      await hub.database.db.execute(sql`select count(*) filter (where delivered_at is null)::int as undelivered,
          count(*) filter (where attempts <> 1)::int as retried from referrals.outbox where topic = ${topic}`),
    );
    expect(rows).toEqual({ undelivered: 0, retried: 0 });
  });

  it('two e-mail workers send every message exactly once', async () => {
    const smtp = await startTestSmtpServer();
    const organizationId = randomUUID();
    const staff = await people(hub, organizationId, ['TOEGANG'], 5);
    const events = Array.from({ length: 30 }, () => notificationEvent('HANDOVER_RECEIVED', { organizationIds: [organizationId] }));
    expect((await deliver(hub, events)).status).toBe(200);
    const [pending] = rowsOf<{ n: number }>(
      await hub.database.db.execute(sql`select count(*)::int as n from notifications.email_message where status = 'PENDING'`),
    );
    expect(pending?.n).toBe(150);

    const workerOn = (database: Database, name: string) =>
      createMailWorker({
        db: database.db,
        settings: { ...hub.config.notifications, smtpUrl: smtp.url },
        lightLinks: lightLinkDepsOf(hub),
        logger: createLogger(name, 'silent'),
      });
    const workers = [workerOn(hub.database, 'mail-a'), workerOn(second, 'mail-b')];
    const sent = [0, 0];
    for (let round = 0; round < 10 && smtp.messages.length < 150; round++) {
      const results = await Promise.all(workers.map((w) => w.runOnce()));
      results.forEach((r, i) => {
        sent[i] = (sent[i] ?? 0) + r.sent;
      });
    }
    await smtp.close();

    const byMessageId = new Map<string, number>();
    for (const m of smtp.messages) byMessageId.set(m.messageId, (byMessageId.get(m.messageId) ?? 0) + 1);
    expect(smtp.messages).toHaveLength(150);
    expect(byMessageId.size).toBe(150);
    for (const p of staff) expect(smtp.messagesTo(p.email ?? '')).toHaveLength(30);
    expect((sent[0] ?? 0) + (sent[1] ?? 0)).toBe(150);
    const [left] = rowsOf<{ n: number }>(
      await hub.database.db.execute(sql`select count(*)::int as n from notifications.email_message where status <> 'SENT' or attempts <> 1`),
    );
    expect(left?.n).toBe(0);
  });
});
