import { randomUUID } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationEventSchema, type ParsedNotificationEvent } from '@hub/contracts';
import { amsterdamDate } from '@hub/domain';
import { createLogger } from '@hub/service-kit';
import {
  buildIndicatie,
  iwlzNotification,
  iwlzTestEnv,
  postIwlzNotification,
  startIndicatieRegister,
  startNotificationIntake,
  startTestHub,
  type TestHub,
  type TestNotificationIntake,
  type TestRegister,
} from '@hub/testing';
import { accessLog, outbox, wlzIndicatieEvent, wlzIndicatieItem } from '../src/db/schema.ts';
import { createNotificationRelay } from '../src/notification-events.ts';
import { buildOrg, dataOf, openTrajectory, recordConsent, registerClient, REVOKE_CONSENT, type TestOrg } from './builders.ts';

/**
 * The notification events the cases subgraph writes to its outbox (consent revoked, break-glass opened, a new worklist
 * item, an overdue worklist item and its escalation), exactly one per change, and their delivery by the relay to a
 * notifications intake that validates every request with the contract's schema.
 */

const SOURCE_TOKEN = `ciz-${randomUUID()}-${randomUUID()}`;
const zorgkantoorId = randomUUID();
let register: TestRegister;
let hub: TestHub;
let intake: TestNotificationIntake;
let owner: TestOrg;
let receiver: TestOrg;
let wijkteam: TestOrg;

beforeAll(async () => {
  register = await startIndicatieRegister();
  hub = await startTestHub({ env: iwlzTestEnv(register, zorgkantoorId, SOURCE_TOKEN) });
  intake = await startNotificationIntake(hub.internalSecret);
  owner = await buildOrg(hub, 'GEMEENTE', { gemeenteCode: 'GM0363' });
  receiver = await buildOrg(hub, 'OCO');
  wijkteam = await buildOrg(hub, 'GEMEENTE', { gemeenteCode: 'GM0363' });
});

afterAll(async () => {
  await hub?.stop();
  await intake?.stop();
  await register?.stop();
});

type Row = ParsedNotificationEvent & { deliveredAt: Date | null };

/** The outbox's events about one item, oldest first, each checked against the contract. */
async function eventsAbout(itemId: string): Promise<Row[]> {
  const rows = await hub.database.db.select().from(outbox).orderBy(asc(outbox.seq));
  return rows.map((r) => ({ ...notificationEventSchema.parse(r.payload), deliveredAt: r.deliveredAt })).filter((e) => e.item.id === itemId);
}

const relayTo = (notifications: string | undefined) =>
  createNotificationRelay({
    db: hub.database.db,
    settings: { relayIntervalMs: 0, retryBaseSeconds: 60, retryMaxSeconds: 3600 },
    peerUrls: notifications ? { notifications } : {},
    internalSecret: hub.internalSecret,
    timeoutMs: 5000,
    logger: createLogger('cases-test-relay', 'silent'),
  });

async function ownedClient() {
  const token = await owner.token(['CLIENTONDERSTEUNER']);
  const c = await registerClient(hub, token);
  await openTrajectory(hub, token, c.id);
  return { ...c, token };
}

describe('consent revoked', () => {
  it('tells the organisation the consent named, once, with the client as item and the revoker as actor', async () => {
    const c = await ownedClient();
    const consent = await recordConsent(hub, c.token, { clientId: c.id, receivingOrganizationId: receiver.id, purpose: 'WARM_HANDOVER' });
    expect(await eventsAbout(c.id)).toEqual([]);
    dataOf(await hub.graphql(REVOKE_CONSENT, { id: consent.id, expectedVersion: consent.version }, { token: c.token }));
    const events = await eventsAbout(c.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'CONSENT_REVOKED',
      item: { type: 'CLIENT', id: c.id },
      audience: { organizationIds: [receiver.id] },
      actorOrganizationId: owner.id,
    });
    // A second revocation is refused and tells nobody again.
    await hub.graphql(REVOKE_CONSENT, { id: consent.id, expectedVersion: consent.version + 1 }, { token: c.token });
    expect(await eventsAbout(c.id)).toHaveLength(1);
  });

  it('revoked by the client: one event, without an actor organisation', async () => {
    const c = await ownedClient();
    const consent = await recordConsent(hub, c.token, { clientId: c.id, receivingOrganizationId: receiver.id, purpose: 'WARM_HANDOVER' });
    const clientToken = await hub.clientTokenFor({ bsn: c.bsn });
    dataOf(
      await hub.graphql(
        `mutation($input: RevokeConsentInput!) { revokeMyConsent(input: $input) { consent { id } } }`,
        { input: { id: consent.id, expectedVersion: consent.version } },
        { token: clientToken },
      ),
    );
    const events = await eventsAbout(c.id);
    expect(events.map((e) => [e.kind, e.audience.organizationIds, e.actorOrganizationId])).toEqual([['CONSENT_REVOKED', [receiver.id], null]]);
  });

  it('a consent addressed by type tells the organisations that read under it, and nobody when none did', async () => {
    const unused = await ownedClient();
    const first = await recordConsent(hub, unused.token, { clientId: unused.id, receivingOrganizationType: 'OCO', receivingRegionCode: 'GM0363' });
    dataOf(await hub.graphql(REVOKE_CONSENT, { id: first.id, expectedVersion: first.version }, { token: unused.token }));
    expect(await eventsAbout(unused.id)).toEqual([]);

    const used = await ownedClient();
    const consent = await recordConsent(hub, used.token, { clientId: used.id, receivingOrganizationType: 'OCO', receivingRegionCode: 'GM0363' });
    // An OCO read the client's data under the consent: its access-log line names the consent.
    await hub.database.db.insert(accessLog).values({
      eventId: randomUUID(),
      occurredAt: new Date(),
      action: 'READ',
      outcome: 'GRANTED',
      userId: 'oco-reader',
      organizationId: receiver.id,
      role: 'CLIENTONDERSTEUNER',
      clientId: used.id,
      dataCategories: ['IDENTITY'],
      authorizationGround: 'CONSENT',
      consentId: consent.id,
      requestId: randomUUID(),
      traceId: randomUUID().replaceAll('-', ''),
      accessPoint: 'cases:-:Client.name',
      sourceSubgraph: 'cases',
    });
    dataOf(await hub.graphql(REVOKE_CONSENT, { id: consent.id, expectedVersion: consent.version }, { token: used.token }));
    const events = await eventsAbout(used.id);
    expect(events.map((e) => [e.kind, e.audience.organizationIds])).toEqual([['CONSENT_REVOKED', [receiver.id]]]);
  });
});

describe('break-glass opened', () => {
  it('tells the privacy officers and beheerders of the owning organisation, once per opening', async () => {
    const c = await ownedClient();
    dataOf(
      await hub.graphql(
        `mutation($input: ConfigureBreakGlassInput!) { configureBreakGlass(input: $input) { settings { enabled } } }`,
        { input: { enabled: true, durationHours: 4, dailyLimit: 3 } },
        { token: await wijkteam.token(['PRIVACY_OFFICER']) },
      ),
    );
    const opened = await hub.graphql(
      `mutation($input: OpenBreakGlassInput!) { openBreakGlass(input: $input) { breakGlass { id } } }`,
      { input: { clientId: c.id, reason: 'Acuut gevaar: de cliënt is niet bereikbaar en de buren melden een val.' } },
      { token: await wijkteam.token(['TOEGANG']) },
    );
    dataOf(opened);
    const events = await eventsAbout(c.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'BREAK_GLASS_OPENED',
      item: { type: 'CLIENT', id: c.id },
      audience: { organizationIds: [owner.id], roles: ['PRIVACY_OFFICER', 'BEHEERDER'] },
      actorOrganizationId: wijkteam.id,
    });
    expect(JSON.stringify(events)).not.toMatch(/Acuut|Testa|Proefpersoon/);
  });
});

describe('the Wlz worklist', () => {
  async function storedItem() {
    const indicatie = buildIndicatie('5151');
    register.indicaties.push(indicatie);
    const answer = await postIwlzNotification(hub, iwlzNotification(indicatie.wlzindicatieID), SOURCE_TOKEN);
    expect(answer.status).toBe(201);
    return { indicatie, itemId: String(answer.body.itemId) };
  }
  const itemRow = async (id: string) => (await hub.database.db.select().from(wlzIndicatieItem).where(eq(wlzIndicatieItem.id, id)))[0];
  const logOf = async (id: string) =>
    (await hub.database.db.select().from(wlzIndicatieEvent).where(eq(wlzIndicatieEvent.itemId, id))).map((e) => e.action).sort();

  it('a new indicatie: one WORKLIST_ITEM for the zorgkantoor’s zorgbemiddelaars with the contact deadline; a repeat adds none', async () => {
    const { indicatie, itemId } = await storedItem();
    const events = await eventsAbout(itemId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'WORKLIST_ITEM',
      item: { type: 'WLZ_INDICATIE', id: itemId },
      audience: { organizationIds: [zorgkantoorId], roles: ['ZORGBEMIDDELAAR'] },
      dueDate: (await itemRow(itemId))?.contactBy,
    });
    const repeat = await postIwlzNotification(hub, iwlzNotification(indicatie.wlzindicatieID), SOURCE_TOKEN);
    expect(repeat.status).toBeLessThan(300);
    expect(await eventsAbout(itemId)).toHaveLength(1);
  });

  it('past its contact deadline uncontacted: WORKLIST_OVERDUE and one escalation, in the event log, however many rounds run', async () => {
    const late = await storedItem();
    const contacted = await storedItem();
    const past = new Date(Date.parse(`${amsterdamDate(new Date())}T12:00:00Z`) - 2 * 86_400_000).toISOString().slice(0, 10);
    await hub.database.db.execute(
      sql`update cases.wlz_indicatie_item set contact_by = ${past}::date where id in (${late.itemId}::uuid, ${contacted.itemId}::uuid)`,
    );
    await hub.database.db.execute(sql`update cases.wlz_indicatie_item set contacted_at = now() where id = ${contacted.itemId}::uuid`);
    const relay = relayTo(undefined);
    for (let i = 0; i < 5; i++) await relay.runOnce();
    const events = await eventsAbout(late.itemId);
    expect(events.map((e) => e.kind)).toEqual(['WORKLIST_ITEM', 'WORKLIST_OVERDUE', 'WORKLIST_ESCALATED']);
    expect(events[1]).toMatchObject({ audience: { organizationIds: [zorgkantoorId], roles: ['ZORGBEMIDDELAAR'] }, dueDate: past });
    expect(events[2]).toMatchObject({ audience: { organizationIds: [zorgkantoorId], coordinators: true }, dueDate: past });
    expect(await logOf(late.itemId)).toEqual(['ESCALATED', 'OVERDUE']);
    expect((await eventsAbout(contacted.itemId)).map((e) => e.kind)).toEqual(['WORKLIST_ITEM']);
    expect(await logOf(contacted.itemId)).toEqual([]);
  });
});

describe('the relay', () => {
  it('delivers every event to the notifications intake at least once, retrying with backoff after a failure', async () => {
    const c = await ownedClient();
    const consent = await recordConsent(hub, c.token, { clientId: c.id, receivingOrganizationId: receiver.id, purpose: 'WARM_HANDOVER' });
    dataOf(await hub.graphql(REVOKE_CONSENT, { id: consent.id, expectedVersion: consent.version }, { token: c.token }));
    const relay = relayTo(intake.url);
    const t0 = Date.now() + 1000;
    intake.failures = 1;
    await relay.runOnce({ now: new Date(t0) });
    expect(intake.requests.at(-1)?.status).toBe(503);
    expect((await eventsAbout(c.id))[0]?.deliveredAt).toBeNull();
    const before = intake.requests.length;
    await relay.runOnce({ now: new Date(t0 + 30_000) });
    expect(intake.requests.length).toBe(before);
    await relay.runOnce({ now: new Date(t0 + 61_000) });
    expect(intake.requests.at(-1)).toMatchObject({ status: 200, accepted: true });
    const all = await hub.database.db.select().from(outbox);
    expect(all.length).toBeGreaterThan(3);
    expect(all.every((r) => r.deliveredAt !== null)).toBe(true);
    expect(new Set(intake.events.map((e) => e.eventId))).toEqual(new Set(all.map((r) => r.id)));
    expect(intake.requests.filter((r) => r.status === 400)).toEqual([]);
    // Delivered once is enough: further rounds send nothing.
    const after = intake.requests.length;
    await relay.runOnce({ now: new Date(t0 + 3_600_000) });
    expect(intake.requests.length).toBe(after);
  });
});
