import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, sql } from '@hub/db';
import { buildOrganization, dataOf, startTestSmtpServer, type Party, type TestHub, type TestSmtpServer } from '@hub/testing';
import { CREATE_REFERRAL, makeClientWithTrajectory, recordHandoverConsent, referralInput, relayFor } from '../../subgraphs/referrals/test/helpers.ts';
import type { Relay } from '../../subgraphs/referrals/src/relay.ts';
import { CONSOLE_URL, mailWorkerFor, startNotificationsHub } from '../../subgraphs/notifications/test/helpers.ts';
import type { MailWorker } from '../../subgraphs/notifications/src/mail-worker.ts';

/**
 * The whole chain with nothing stood in: a change in referrals writes its event in its outbox, the referrals relay
 * delivers it to the notifications intake, the notification centre shows it to the right person once, and the e-mail
 * worker sends it to a real SMTP server once; an organisation without accounts answers through the e-mailed link.
 */

const NOTIFICATIONS = `query { notifications(first: 10) { totalCount unreadCount nodes { id kind itemType itemId path readAt } } }`;
const MARK = `mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { marked unreadCount } }`;
const ANSWER = `mutation($input: AnswerHandoverByLinkInput!) { answerHandoverByLink(input: $input) { done } }`;

interface Page {
  notifications: {
    totalCount: number;
    unreadCount: number;
    nodes: { id: string; kind: string; itemType: string; itemId: string; path: string; readAt: string | null }[];
  };
}

let hub: TestHub;
let smtp: TestSmtpServer;
let relay: Relay;
let mail: MailWorker;
let sender: Party & { email: string };
let receiver: Party & { email: string };

const mailTo = (address: string) => smtp.messagesTo(address);
const pageOf = async (token: string) => dataOf<Page>(await hub.graphql(NOTIFICATIONS, {}, { token })).notifications;

async function professional(organizationId: string, organizationType: 'GEMEENTE' | 'ZORGAANBIEDER', roles: ('CLIENTONDERSTEUNER' | 'BEHEERDER')[]) {
  const email = `${randomUUID().slice(0, 8)}@${organizationType.toLowerCase()}.hub.test`;
  const token = await hub.tokenFor({
    organizationId,
    organizationType,
    roles,
    email,
    ...(organizationType === 'GEMEENTE' ? { gemeenteCode: 'GM0363' } : {}),
  });
  return { organizationId, token, email };
}

async function handoverTo(toOrganizationId: string) {
  const c = await makeClientWithTrajectory(hub, sender);
  await recordHandoverConsent(hub, sender, c.clientId, toOrganizationId);
  return dataOf<{ createReferral: { referral: { id: string; version: number } } }>(
    await hub.graphql(CREATE_REFERRAL, { input: referralInput({ ...c, toOrganizationId }) }, { token: sender.token }),
  ).createReferral.referral;
}

beforeAll(async () => {
  hub = await startNotificationsHub();
  smtp = await startTestSmtpServer();
  relay = relayFor(hub);
  mail = mailWorkerFor(hub, smtp.url);
  const senderOrg = await buildOrganization(hub, { type: 'GEMEENTE' });
  const receiverOrg = await buildOrganization(hub, { type: 'ZORGAANBIEDER' });
  sender = await professional(senderOrg.id, 'GEMEENTE', ['CLIENTONDERSTEUNER']);
  receiver = await professional(receiverOrg.id, 'ZORGAANBIEDER', ['CLIENTONDERSTEUNER']);
  // Both have used the hub once, so the notifications know them (and their organisations have accounts).
  for (const p of [sender, receiver]) expect((await pageOf(p.token)).totalCount).toBe(0);
});
afterAll(async () => {
  await hub?.stop();
  await smtp?.close();
});

describe('a handover, from the referrals outbox to a person and their mailbox', () => {
  it('the receiver sees HANDOVER_RECEIVED once, however often the relay runs, and gets one e-mail without client data', async () => {
    const referral = await handoverTo(receiver.organizationId);
    for (let i = 0; i < 3; i++) await relay.runOnce();
    const page = await pageOf(receiver.token);
    expect(page.nodes.filter((n) => n.itemId === referral.id)).toEqual([
      { id: expect.any(String), kind: 'HANDOVER_RECEIVED', itemType: 'REFERRAL', itemId: referral.id, path: `/warme-overdracht/${referral.id}`, readAt: null },
    ]);
    expect(page.unreadCount).toBe(1);
    expect((await pageOf(sender.token)).totalCount).toBe(0);

    for (let i = 0; i < 3; i++) await mail.runOnce();
    const mails = mailTo(receiver.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain(`${CONSOLE_URL}/warme-overdracht/${referral.id}`);
    // The test clients are called "Cliënt <hex>": no name, and nothing of the referral's text, reaches the e-mail.
    expect(`${mails[0]?.subject} ${mails[0]?.text}`).not.toMatch(/Cliënt [0-9a-f]{6}|Test/);

    const marked = dataOf<{ markNotificationsRead: { marked: number; unreadCount: number } }>(
      await hub.graphql(MARK, { input: { all: true } }, { token: receiver.token }),
    );
    expect(marked.markNotificationsRead).toEqual({ marked: 1, unreadCount: 0 });
  });

  it('accepting tells the person who sent it, once, in the centre and by e-mail', async () => {
    const referral = await handoverTo(receiver.organizationId);
    await relay.runOnce();
    dataOf(
      await hub.graphql(
        `mutation($input: AcceptReferralInput!) { acceptReferral(input: $input) { referral { id } } }`,
        { input: { id: referral.id, expectedVersion: referral.version } },
        { token: receiver.token },
      ),
    );
    for (let i = 0; i < 3; i++) await relay.runOnce();
    const accepted = (await pageOf(sender.token)).nodes.filter((n) => n.itemId === referral.id);
    expect(accepted.map((n) => n.kind)).toEqual(['HANDOVER_ACCEPTED']);
    const before = mailTo(sender.email).length;
    await mail.runOnce();
    await mail.runOnce();
    expect(mailTo(sender.email).length - before).toBe(1);
  });
});

describe('an organisation without accounts', () => {
  it('gets the handover as a single-use link at its registered address, and its answer reaches the sender', async () => {
    const address = `aanmelding-${randomUUID().slice(0, 8)}@klein.example`;
    const small = await buildOrganization(hub, { type: 'ZORGAANBIEDER', email: address });
    const referral = await handoverTo(small.id);
    for (let i = 0; i < 2; i++) await relay.runOnce();
    for (let i = 0; i < 2; i++) await mail.runOnce();
    const mails = mailTo(address);
    expect(mails).toHaveLength(1);
    const token = new RegExp(`${CONSOLE_URL.replace(/\./g, '\\.')}/link#([A-Za-z0-9_-]{43})\\b`).exec(mails[0]?.text ?? '')?.[1];
    expect(token).toBeDefined();
    // Only the hash is kept.
    const stored = rowsOf<{ n: number }>(
      await hub.database.db.execute(sql`select count(*)::int as n from notifications.light_link where token_hash = ${token ?? ''}`),
    );
    expect(stored[0]?.n).toBe(0);

    expect(dataOf<{ answerHandoverByLink: { done: boolean } }>(await hub.graphql(ANSWER, { input: { token, accept: true } })).answerHandoverByLink.done).toBe(
      true,
    );
    const status = rowsOf<{ status: string }>(await hub.database.db.execute(sql`select status from referrals.referral where id = ${referral.id}::uuid`));
    expect(status[0]?.status).toBe('ACCEPTED');
    // Used once: a second use is refused.
    expect((await hub.graphql(ANSWER, { input: { token, accept: true } })).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    for (let i = 0; i < 2; i++) await relay.runOnce();
    expect((await pageOf(sender.token)).nodes.filter((n) => n.itemId === referral.id).map((n) => n.kind)).toEqual(['HANDOVER_ACCEPTED']);
  });
});
