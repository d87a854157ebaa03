import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedNotificationEvent } from '@hub/contracts';
import { rowsOf, sql } from '@hub/db';
import { buildOrganization, dataOf, errorCodes, startTestHub, type GraphQLResult, type Party, type TestHub } from '@hub/testing';
import { serviceInput } from '../../subgraphs/sociale-kaart/test/builders.ts';
import {
  callInternalEndpoint,
  CREATE_REFERRAL,
  makeClientWithTrajectory,
  recordHandoverConsent,
  REFERRAL_TEST_ENV,
  referralInput,
  relayFor,
} from '../../subgraphs/referrals/test/helpers.ts';
import { createLightLinksFor } from '../../subgraphs/notifications/src/light-links/create.ts';
import { lightLinkDepsOf } from '../../subgraphs/notifications/test/helpers.ts';
import { useLink } from '../../subgraphs/notifications/src/light-links/links.ts';
import { renderLinkMessage } from '../../subgraphs/notifications/src/light-links/messages.ts';

/**
 * Single-use links for organisations without accounts (docs/notifications.md, "Lichte deelname"). An attacker holding
 * a used, expired, revoked or altered link, a link for another item, or nothing but guesses, gets the same null or
 * NOT_FOUND and changes nothing, through the gateway and straight at the subgraph; only the sender revokes; only a
 * gemeente's BEHEERDER sends a capacity link, and only to an organisation without accounts. No token is ever kept in
 * plain text: not in a table, not in a log line.
 */

let hub: TestHub;
const CONSOLE_URL = 'https://hub.example.nl';
/** Every token any test saw, to look for afterwards in the tables and logs. */
const tokensSeen: string[] = [];

const VIEW = `query View($token: String!) {
  lightLink(token: $token) { action expiresAt handover { fromOrganizationName serviceName respondBy } service { name organizationName } }
}`;
const ANSWER = `mutation Answer($input: AnswerHandoverByLinkInput!) { answerHandoverByLink(input: $input) { done } }`;
const CAPACITY = `mutation Capacity($input: UpdateCapacityByLinkInput!) { updateCapacityByLink(input: $input) { done } }`;
const LINKS = `query Links($referralId: ID!) { lightLinks(referralId: $referralId) { id action itemId recipientOrganizationId status createdAt expiresAt } }`;
const REVOKE = `mutation Revoke($input: RevokeLightLinkInput!) { revokeLightLink(input: $input) { link { id status } } }`;
const SEND_CAPACITY = `mutation SendCapacity($input: SendCapacityLinkInput!) { sendCapacityLink(input: $input) { link { id action itemId recipientOrganizationId status } } }`;

interface View {
  lightLink: {
    action: string;
    expiresAt: string;
    handover: { fromOrganizationName: string; serviceName: string | null; respondBy: string | null } | null;
    service: { name: string; organizationName: string } | null;
  } | null;
}

let sender: Party & { name: string };
let senderBeheerder: Party;
let receiver: { id: string; name: string; email: string };
/** The test clients' family names (makeClientWithTrajectory): `Cliënt` and six hex digits. */
const CLIENT_NAME = /Cliënt [0-9a-f]{6}/;

async function professional(organizationId: string, organizationType: 'GEMEENTE' | 'ZORGAANBIEDER' | 'OCO', roles: ('CLIENTONDERSTEUNER' | 'BEHEERDER')[]) {
  return hub.tokenFor({
    organizationId,
    organizationType,
    roles,
    name: 'Test professional',
    ...(organizationType === 'GEMEENTE' ? { gemeenteCode: 'GM0363' } : {}),
  });
}

/** A provider in the sociale kaart with a registered address and no accounts (no professional of it ever signed in). */
async function providerWithoutAccounts() {
  const email = `aanmelding-${randomUUID().slice(0, 8)}@zorgaanbieder.example`;
  const org = await buildOrganization(hub, { type: 'ZORGAANBIEDER', email });
  return { id: org.id, name: org.name, email };
}

/** A sent handover from the sender to `toOrganizationId`, through the real cases and referrals subgraphs. */
async function handoverTo(toOrganizationId: string): Promise<{ id: string; clientId: string }> {
  const c = await makeClientWithTrajectory(hub, sender);
  await recordHandoverConsent(hub, sender, c.clientId, toOrganizationId);
  const created = dataOf<{ createReferral: { referral: { id: string; status: string } } }>(
    await hub.graphql(CREATE_REFERRAL, { input: referralInput({ ...c, toOrganizationId }) }, { token: sender.token }),
  );
  expect(created.createReferral.referral.status).toBe('REQUESTED');
  return { id: created.createReferral.referral.id, clientId: c.clientId };
}

const handoverEvent = (referralId: string, toOrganizationId: string): ParsedNotificationEvent => ({
  eventId: randomUUID(),
  occurredAt: new Date().toISOString(),
  kind: 'HANDOVER_RECEIVED',
  item: { type: 'REFERRAL', id: referralId },
  audience: { organizationIds: [toOrganizationId], roles: ['CLIENTONDERSTEUNER'] },
  actorOrganizationId: sender.organizationId,
  dueDate: null,
});

/** What the intake does for a HANDOVER_RECEIVED: the link and its LINK e-mail, in one transaction. */
async function linksFor(events: ParsedNotificationEvent[]): Promise<number> {
  return hub.database.db.transaction((tx) => createLightLinksFor(tx, events, new Date(), hub.config.lightLinks.ttlHours));
}

const linkIdOfEvent = async (eventId: string) =>
  rowsOf<{ id: string }>(await hub.database.db.execute(sql`select id from notifications.light_link where event_id = ${eventId}::uuid`))[0]?.id;

/** What the e-mail worker does for a LINK message: render it (which mints the token); the token from its link. */
async function mailOf(linkId: string) {
  const message = await renderLinkMessage(hub.database.db, linkId, new Date(), lightLinkDepsOf(hub));
  if (!message) throw new Error('no message rendered');
  const token = new RegExp(`${CONSOLE_URL.replace(/\./g, '\\.')}/link#([A-Za-z0-9_-]{43})\\b`).exec(message.text)?.[1];
  if (!token) throw new Error('no link in the message');
  tokensSeen.push(token);
  return { message, token };
}

/** A handover to a provider without accounts, its answer link, and the token e-mailed to the provider. */
async function answerLink(to = receiver) {
  const referral = await handoverTo(to.id);
  const event = handoverEvent(referral.id, to.id);
  expect(await linksFor([event])).toBe(1);
  const linkId = await linkIdOfEvent(event.eventId);
  if (!linkId) throw new Error('no link made');
  const { message, token } = await mailOf(linkId);
  return { referral, linkId, token, message };
}

const referralState = async (id: string) =>
  rowsOf<{ status: string; version: number }>(await hub.database.db.execute(sql`select status, version from referrals.referral where id = ${id}::uuid`))[0];

const linkRow = async (id: string) =>
  rowsOf<{ used_at: string | null; revoked_at: string | null; token_hash: string }>(
    await hub.database.db.execute(sql`select used_at, revoked_at, token_hash from notifications.light_link where id = ${id}::uuid`),
  )[0];

const anonymous = (query: string, variables: Record<string, unknown>) => hub.graphql(query, variables);
/** Straight at the notifications subgraph with the gateway's secret but no token: what a stolen secret would give. */
const direct = (query: string, variables: Record<string, unknown>) =>
  hub.directSubgraphRequest('notifications', query, { variables, secret: hub.subgraphSecrets.notifications });

/** The one answer every unusable link gets from the use mutations. */
function expectLinkNotFound(res: GraphQLResult<unknown>) {
  expect(errorCodes(res)).toEqual(['NOT_FOUND']);
  expect(res.body.errors?.[0]?.message).toBe('Link not found.');
  expect(res.body.data ?? null).toBeNull();
}

/** An unusable token: the page is null, both uses NOT_FOUND, through the gateway and straight at the subgraph. */
async function expectUnusable(token: string) {
  for (const send of [anonymous, direct]) {
    const view = await send(VIEW, { token });
    expect(view.body.errors).toBeUndefined();
    expect((view.body.data as unknown as View).lightLink).toBeNull();
    expectLinkNotFound(await send(ANSWER, { input: { token, accept: true } }));
    expectLinkNotFound(await send(ANSWER, { input: { token, accept: false, reason: 'NO_CAPACITY' } }));
    expectLinkNotFound(await send(CAPACITY, { input: { token, status: 'HAS_CAPACITY' } }));
  }
}

beforeAll(async () => {
  // The gateway's response cache on (as in production): a page seen once must not outlive the link's use.
  hub = await startTestHub({ env: { ...REFERRAL_TEST_ENV, CONSOLE_PUBLIC_URL: CONSOLE_URL, DIRECTORY_CACHE_SECONDS: '30' }, captureLogs: true });
  const senderOrg = await buildOrganization(hub, { type: 'GEMEENTE' });
  sender = { organizationId: senderOrg.id, name: senderOrg.name, token: await professional(senderOrg.id, 'GEMEENTE', ['CLIENTONDERSTEUNER']) };
  senderBeheerder = { organizationId: senderOrg.id, token: await professional(senderOrg.id, 'GEMEENTE', ['BEHEERDER']) };
  receiver = await providerWithoutAccounts();
});
afterAll(async () => {
  await hub?.stop();
});

describe('an answer link (happy path)', () => {
  it('e-mails the registered address in plain Dutch: who asks, by when, the link, once, expiry; no client data', async () => {
    const { referral, message, token } = await answerLink();
    expect(message.to).toBe(receiver.email);
    expect(message.subject).toContain(sender.name);
    expect(message.text).toContain(`${CONSOLE_URL}/link#${token}`);
    expect(message.text).toContain('maar één keer');
    expect(message.text).toMatch(/De link werkt tot \d{1,2} \w+ \d{4}/);
    expect(message.text).toMatch(/uiterlijk op \d{1,2} \w+ \d{4}/);
    const all = `${message.subject}\n${message.text}`;
    expect(all).not.toMatch(CLIENT_NAME);
    expect(all).not.toContain(referral.clientId);
    expect(all).not.toContain(referral.id);
  });

  it('shows the page (sender, respond-by) without any client identity, and accepts once as the receiving organisation', async () => {
    const { referral, linkId, token } = await answerLink();
    const view = dataOf<View>(await anonymous(VIEW, { token }));
    expect(view.lightLink?.action).toBe('ANSWER_HANDOVER');
    expect(view.lightLink?.handover?.fromOrganizationName).toBe(sender.name);
    expect(view.lightLink?.handover?.respondBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(view.lightLink?.service).toBeNull();
    const page = JSON.stringify(view);
    expect(page).not.toMatch(CLIENT_NAME);
    expect(page).not.toContain(referral.clientId);

    expect(dataOf<{ answerHandoverByLink: { done: boolean } }>(await anonymous(ANSWER, { input: { token, accept: true } })).answerHandoverByLink.done).toBe(
      true,
    );
    expect((await referralState(referral.id))?.status).toBe('ACCEPTED');
    const timeline = rowsOf<{ action: string; actor_user_id: string; actor_organization_id: string }>(
      await hub.database.db.execute(
        sql`select action, actor_user_id, actor_organization_id from referrals.referral_event where referral_id = ${referral.id}::uuid order by occurred_at, version`,
      ),
    );
    expect(timeline.at(-1)).toEqual({ action: 'ACCEPT', actor_user_id: `light-link:${linkId}`, actor_organization_id: receiver.id });

    // The NEN 7513 line names the link, delivered to the one access log by the relay.
    await relayFor(hub).runOnce();
    const lines = rowsOf<{ action: string; outcome: string; user_id: string; organization_id: string; access_point: string; role: string }>(
      await hub.database.db.execute(
        sql`select action, outcome, user_id, organization_id, access_point, role from cases.access_log where client_id = ${referral.clientId}::uuid and user_id = ${`light-link:${linkId}`}`,
      ),
    );
    expect(lines).toEqual([
      {
        action: 'UPDATE',
        outcome: 'GRANTED',
        user_id: `light-link:${linkId}`,
        organization_id: receiver.id,
        access_point: 'referrals:-:Mutation.answerHandoverByLink',
        role: 'NONE',
      },
    ]);

    // Used once: the second use is refused like any unknown link, and the sender sees it USED.
    await expectUnusable(token);
    const listed = dataOf<{ lightLinks: { id: string; status: string; recipientOrganizationId: string }[] }>(
      await hub.graphql(LINKS, { referralId: referral.id }, { token: sender.token }),
    );
    expect(listed.lightLinks.find((l) => l.id === linkId)).toEqual(expect.objectContaining({ status: 'USED', recipientOrganizationId: receiver.id }));
    // The relay above delivered the referral's own HANDOVER_RECEIVED after the answer, which made a second link: the
    // e-mail worker does not send it (the handover no longer waits) and revokes it.
    const late = listed.lightLinks.filter((l) => l.id !== linkId);
    expect(late).toHaveLength(1);
    expect(await renderLinkMessage(hub.database.db, late[0]?.id ?? '', new Date(), lightLinkDepsOf(hub))).toBeNull();
    expect((await linkRow(late[0]?.id ?? ''))?.revoked_at).not.toBeNull();
  });

  it('rejects with a reason: the same transition as rejectReferral, with its gap event', async () => {
    const { referral, token } = await answerLink();
    const missing = await anonymous(ANSWER, { input: { token, accept: false } });
    expect(errorCodes(missing)).toEqual(['BAD_USER_INPUT']);
    expect(
      dataOf<{ answerHandoverByLink: { done: boolean } }>(await anonymous(ANSWER, { input: { token, accept: false, reason: 'NO_CAPACITY' } }))
        .answerHandoverByLink.done,
    ).toBe(true);
    const row = rowsOf<{ status: string; rejection_reason: string }>(
      await hub.database.db.execute(sql`select status, rejection_reason from referrals.referral where id = ${referral.id}::uuid`),
    )[0];
    expect(row).toEqual({ status: 'REJECTED', rejection_reason: 'NO_CAPACITY' });
    const gaps = rowsOf<{ n: number }>(
      await hub.database.db.execute(sql`select count(*)::int as n from referrals.outbox where topic = 'GAP' and payload->>'organizationId' = ${receiver.id}`),
    );
    expect(gaps[0]?.n).toBeGreaterThanOrEqual(1);
  });

  it('a resent e-mail carries a fresh token: the earlier one stops working', async () => {
    const { referral, linkId, token: first } = await answerLink();
    const { token: second } = await mailOf(linkId);
    expect(second).not.toBe(first);
    await expectUnusable(first);
    expect(dataOf<View>(await anonymous(VIEW, { token: second })).lightLink?.action).toBe('ANSWER_HANDOVER');
    expect((await referralState(referral.id))?.status).toBe('REQUESTED');
  });

  it('gives no link to an organisation with accounts, and one link per event however often the intake runs', async () => {
    const withAccounts = await providerWithoutAccounts();
    await hub.database.db.execute(
      sql`insert into notifications.recipient (id, organization_id, subject, roles, first_seen_at, last_seen_at)
          values (${randomUUID()}::uuid, ${withAccounts.id}::uuid, 'someone', '{CLIENTONDERSTEUNER}'::text[], now(), now())`,
    );
    const toKnown = await handoverTo(withAccounts.id);
    expect(await linksFor([handoverEvent(toKnown.id, withAccounts.id)])).toBe(0);

    const referral = await handoverTo(receiver.id);
    const event = handoverEvent(referral.id, receiver.id);
    expect(await linksFor([event])).toBe(1);
    expect(await linksFor([event])).toBe(0);
    const counts = rowsOf<{ links: number; mails: number }>(
      await hub.database.db.execute(sql`select
        (select count(*)::int from notifications.light_link where item_id = ${referral.id}::uuid) as links,
        (select count(*)::int from notifications.email_message m join notifications.light_link l on l.id = m.light_link_id
          where l.item_id = ${referral.id}::uuid and m.type = 'LINK' and m.organization_id = ${receiver.id}::uuid) as mails`),
    )[0];
    expect(counts).toEqual({ links: 1, mails: 1 });
    // LIGHT_LINK_TTL_HOURS: 72 by default.
    const ttl = rowsOf<{ hours: number }>(
      await hub.database.db.execute(
        sql`select (extract(epoch from expires_at - created_at) / 3600)::int as hours from notifications.light_link where item_id = ${referral.id}::uuid`,
      ),
    );
    expect(ttl).toEqual([{ hours: 72 }]);
  });

  it('renders no e-mail for an organisation without a registered address (the message fails; no address is stored)', async () => {
    const org = await buildOrganization(hub, { type: 'ZORGAANBIEDER' });
    const referral = await handoverTo(org.id);
    const event = handoverEvent(referral.id, org.id);
    expect(await linksFor([event])).toBe(1);
    const linkId = await linkIdOfEvent(event.eventId);
    expect(linkId).toBeDefined();
    expect(await renderLinkMessage(hub.database.db, linkId ?? '', new Date(), lightLinkDepsOf(hub))).toBeNull();
  });
});

describe('a capacity link', () => {
  async function providerService() {
    const provider = await providerWithoutAccounts();
    // The directory's own rows (its builder), as the sociale kaart's import would make them.
    const serviceId = randomUUID();
    const input = serviceInput();
    await hub.database.db.execute(
      sql`insert into sociale_kaart.service (id, organization_id, name, description) values (${serviceId}::uuid, ${provider.id}::uuid, ${input.name as string}, 'Dagbesteding')`,
    );
    return { provider, serviceId, serviceName: input.name as string };
  }

  it("a gemeente's BEHEERDER sends it to the provider's registered address; the provider reports capacity once", async () => {
    const { provider, serviceId, serviceName } = await providerService();
    const sent = dataOf<{ sendCapacityLink: { link: { id: string; action: string; itemId: string; recipientOrganizationId: string; status: string } } }>(
      await hub.graphql(SEND_CAPACITY, { input: { serviceId } }, { token: senderBeheerder.token }),
    ).sendCapacityLink.link;
    expect(sent).toEqual({ id: sent.id, action: 'UPDATE_CAPACITY', itemId: serviceId, recipientOrganizationId: provider.id, status: 'ACTIVE' });
    const { message, token } = await mailOf(sent.id);
    expect(message.to).toBe(provider.email);
    expect(message.text).toContain(serviceName);

    const view = dataOf<View>(await anonymous(VIEW, { token }));
    expect(view.lightLink).toEqual({
      action: 'UPDATE_CAPACITY',
      expiresAt: expect.any(String),
      handover: null,
      service: { name: serviceName, organizationName: provider.name },
    });
    // An answer link's mutation does not take a capacity link.
    expectLinkNotFound(await anonymous(ANSWER, { input: { token, accept: true } }));
    expect(
      dataOf<{ updateCapacityByLink: { done: boolean } }>(await anonymous(CAPACITY, { input: { token, status: 'WAITLIST', expectedWaitDays: 21 } }))
        .updateCapacityByLink.done,
    ).toBe(true);
    const row = rowsOf<{ capacity_status: string; capacity_wait_days: number; capacity_reported_by: string }>(
      await hub.database.db.execute(
        sql`select capacity_status, capacity_wait_days, capacity_reported_by from sociale_kaart.service where id = ${serviceId}::uuid`,
      ),
    )[0];
    expect(row).toEqual({ capacity_status: 'WAITLIST', capacity_wait_days: 21, capacity_reported_by: `light-link:${sent.id}` });
    await expectUnusable(token);
  });

  it('is refused to a non-BEHEERDER, to a BEHEERDER outside a gemeente, and for an organisation with accounts; nothing is made', async () => {
    const { provider, serviceId } = await providerService();
    const before = rowsOf<{ n: number }>(
      await hub.database.db.execute(sql`select count(*)::int as n from notifications.light_link where item_id = ${serviceId}::uuid`),
    )[0]?.n;
    expect(errorCodes(await hub.graphql(SEND_CAPACITY, { input: { serviceId } }, { token: sender.token }))).toEqual(['FORBIDDEN']);
    const oco = randomUUID();
    expect(errorCodes(await hub.graphql(SEND_CAPACITY, { input: { serviceId } }, { token: await professional(oco, 'OCO', ['BEHEERDER']) }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await hub.graphql(SEND_CAPACITY, { input: { serviceId } }))).toEqual(['UNAUTHENTICATED']);
    await hub.database.db.execute(
      sql`insert into notifications.recipient (id, organization_id, subject, roles, first_seen_at, last_seen_at)
          values (${randomUUID()}::uuid, ${provider.id}::uuid, 'provider-user', '{BEHEERDER}'::text[], now(), now())`,
    );
    const withAccounts = await hub.graphql(SEND_CAPACITY, { input: { serviceId } }, { token: senderBeheerder.token });
    expect(errorCodes(withAccounts)).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await hub.graphql(SEND_CAPACITY, { input: { serviceId: randomUUID() } }, { token: senderBeheerder.token }))).toEqual(['BAD_USER_INPUT']);
    const after = rowsOf<{ n: number }>(
      await hub.database.db.execute(sql`select count(*)::int as n from notifications.light_link where item_id = ${serviceId}::uuid`),
    )[0]?.n;
    expect(after).toBe(before);
  });
});

describe('an attacker with a link that should not work', () => {
  it('a used link: null and NOT_FOUND, nothing changes', async () => {
    const { referral, token } = await answerLink();
    dataOf(await anonymous(ANSWER, { input: { token, accept: true } }));
    const after = await referralState(referral.id);
    await expectUnusable(token);
    expect(await referralState(referral.id)).toEqual(after);
  });

  it('an expired link (expiresAt passed): null and NOT_FOUND, the handover stays REQUESTED', async () => {
    const { referral, linkId, token } = await answerLink();
    await hub.database.db.execute(sql`update notifications.light_link set expires_at = now() - interval '1 second' where id = ${linkId}::uuid`);
    const before = await referralState(referral.id);
    await expectUnusable(token);
    expect(await referralState(referral.id)).toEqual(before);
    expect(before?.status).toBe('REQUESTED');
    expect((await linkRow(linkId))?.used_at).toBeNull();
    // And the sender sees it EXPIRED.
    const listed = dataOf<{ lightLinks: { status: string }[] }>(await hub.graphql(LINKS, { referralId: referral.id }, { token: sender.token }));
    expect(listed.lightLinks.map((l) => l.status)).toEqual(['EXPIRED']);
  });

  it('a revoked link: null and NOT_FOUND; only the sending organisation revokes', async () => {
    // A provider of its own: its professional's request below makes it an organisation with accounts.
    const provider = await providerWithoutAccounts();
    const { referral, linkId, token } = await answerLink(provider);
    const stranger = await professional(randomUUID(), 'OCO', ['CLIENTONDERSTEUNER']);
    expectLinkNotFound(await hub.graphql(REVOKE, { input: { id: linkId } }, { token: stranger }));
    // The receiver of the handover is not its sender either.
    expectLinkNotFound(
      await hub.graphql(REVOKE, { input: { id: linkId } }, { token: await professional(provider.id, 'ZORGAANBIEDER', ['CLIENTONDERSTEUNER']) }),
    );
    expect(errorCodes(await hub.graphql(REVOKE, { input: { id: linkId } }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await hub.graphql(LINKS, { referralId: referral.id }, { token: stranger }))).toEqual(['NOT_FOUND']);
    expect((await linkRow(linkId))?.revoked_at).toBeNull();
    expect(dataOf<View>(await anonymous(VIEW, { token })).lightLink?.action).toBe('ANSWER_HANDOVER');

    const revoked = dataOf<{ revokeLightLink: { link: { id: string; status: string } } }>(
      await hub.graphql(REVOKE, { input: { id: linkId } }, { token: sender.token }),
    );
    expect(revoked.revokeLightLink.link).toEqual({ id: linkId, status: 'REVOKED' });
    await expectUnusable(token);
    expect((await referralState(referral.id))?.status).toBe('REQUESTED');
    // A revoked link is not e-mailed again.
    expect(await renderLinkMessage(hub.database.db, linkId, new Date(), lightLinkDepsOf(hub))).toBeNull();
  });

  it('an altered token (one character changed) and random guesses: null and NOT_FOUND, nothing changes', async () => {
    const { referral, token } = await answerLink();
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    const altered = [`${token.slice(0, -1)}${last}`, `${token.slice(0, 10)}${token[10] === 'x' ? 'y' : 'x'}${token.slice(11)}`];
    const guesses = [randomBytes(32).toString('base64url'), randomBytes(32).toString('base64url'), '', 'x', 'a'.repeat(43), 'a'.repeat(5000), "' or 1=1 --"];
    const before = await referralState(referral.id);
    for (const t of [...altered, ...guesses]) await expectUnusable(t);
    expect(await referralState(referral.id)).toEqual(before);
    // The real token still works: the guesses did not use it up.
    expect(dataOf<View>(await anonymous(VIEW, { token })).lightLink?.action).toBe('ANSWER_HANDOVER');
  });

  it('a link is bound to its referral: the answer lands on A only, and A’s link cannot answer B', async () => {
    const a = await answerLink();
    const b = await handoverTo(receiver.id);
    const bBefore = await referralState(b.id);
    dataOf(await anonymous(ANSWER, { input: { token: a.token, accept: false, reason: 'OTHER' } }));
    expect((await referralState(a.referral.id))?.status).toBe('REJECTED');
    expect(await referralState(b.id)).toEqual(bBefore);

    // Straight at referrals with the internal secret: a link of the receiver cannot answer a referral addressed elsewhere.
    const elsewhere = await providerWithoutAccounts();
    const c = await handoverTo(elsewhere.id);
    const cBefore = await referralState(c.id);
    const refused = await callInternalEndpoint<{ outcome: string }>(hub, 'referrals', '/internal/light-answer', {
      linkId: a.linkId,
      referralId: c.id,
      organizationId: receiver.id,
      accept: true,
    });
    expect(refused).toEqual({ status: 200, body: { outcome: 'REFUSED' } });
    expect(await referralState(c.id)).toEqual(cBefore);
  });

  it('a link whose handover was answered otherwise shows nothing, and a refused use leaves the link unused', async () => {
    const { referral, linkId, token } = await answerLink();
    const state = await referralState(referral.id);
    dataOf(
      await hub.graphql(
        `mutation($input: ReferralTransitionInput!) { cancelReferral(input: $input) { referral { status } } }`,
        { input: { id: referral.id, expectedVersion: state?.version } },
        { token: sender.token },
      ),
    );
    await expectUnusable(token);
    expect((await linkRow(linkId))?.used_at).toBeNull();
  });

  it('a use whose action fails leaves the link usable', async () => {
    const { referral, linkId, token } = await answerLink();
    const failing = useLink(hub.database.db, token, 'ANSWER_HANDOVER', new Date(), async () => {
      throw new Error('referrals did not answer');
    });
    await expect(failing).rejects.toThrow('referrals did not answer');
    expect((await linkRow(linkId))?.used_at).toBeNull();
    expect((await referralState(referral.id))?.status).toBe('REQUESTED');
    expect(dataOf<{ answerHandoverByLink: { done: boolean } }>(await anonymous(ANSWER, { input: { token, accept: true } })).answerHandoverByLink.done).toBe(
      true,
    );
    expect((await referralState(referral.id))?.status).toBe('ACCEPTED');
  });

  it('two uses at the same moment: exactly one wins', async () => {
    const { referral, token } = await answerLink();
    const results = await Promise.all([
      anonymous(ANSWER, { input: { token, accept: true } }),
      anonymous(ANSWER, { input: { token, accept: false, reason: 'NO_FUNDS' } }),
      direct(ANSWER, { input: { token, accept: true } }),
    ]);
    const done = results.filter((r) => (r.body.data as { answerHandoverByLink?: { done: boolean } } | null)?.answerHandoverByLink?.done === true);
    expect(done).toHaveLength(1);
    for (const r of results.filter((x) => !done.includes(x))) expectLinkNotFound(r);
    const timeline = rowsOf<{ n: number }>(
      await hub.database.db.execute(
        sql`select count(*)::int as n from referrals.referral_event where referral_id = ${referral.id}::uuid and action in ('ACCEPT', 'REJECT')`,
      ),
    );
    expect(timeline[0]?.n).toBe(1);
  });

  it('the subgraph refuses a request without the gateway secret, token or not', async () => {
    const { token } = await answerLink();
    const res = await hub.directSubgraphRequest('notifications', VIEW, { variables: { token } });
    expect(res.status).toBe(401);
  });
});

describe('the token is never kept', () => {
  it('appears in no table of any subgraph, and in no log line, in plain text', async () => {
    expect(tokensSeen.length).toBeGreaterThan(5);
    const tables = rowsOf<{ table_schema: string; table_name: string }>(
      await hub.database.db.execute(
        sql`select table_schema, table_name from information_schema.tables
            where table_schema in ('notifications', 'referrals', 'cases', 'sociale_kaart', 'signals') and table_type = 'BASE TABLE'`,
      ),
    );
    expect(tables.length).toBeGreaterThan(10);
    let scanned = 0;
    for (const t of tables) {
      const rows = rowsOf<{ r: string }>(
        await hub.database.db.execute(sql.raw(`select row_to_json(t)::text as r from "${t.table_schema}"."${t.table_name}" t`)),
      );
      for (const { r } of rows) {
        scanned += 1;
        for (const token of tokensSeen) expect(r.includes(token), `${t.table_schema}.${t.table_name}`).toBe(false);
      }
    }
    expect(scanned).toBeGreaterThan(0);
    const logs = hub.logText();
    expect(logs.length).toBeGreaterThan(0);
    for (const token of tokensSeen) expect(logs.includes(token)).toBe(false);
  });
});

describe('guessing is throttled per address', () => {
  let small: TestHub;
  beforeAll(async () => {
    small = await startTestHub({ env: { RATE_LIMIT_PER_SECOND: '0.01', RATE_LIMIT_BURST: '5' } });
  });
  afterAll(async () => {
    await small?.stop();
  });

  it('anonymous link guesses share one bucket per client address: the sixth gets 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await small.graphql(VIEW, { token: randomBytes(32).toString('base64url') })).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses[5]).toBe(429);
  });
});
