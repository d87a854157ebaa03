import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, amsterdamDate } from '@hub/domain';
import {
  buildIndicatie,
  buildOrganization,
  dataOf,
  errorCodes,
  iwlzNotification,
  iwlzTestEnv,
  postIwlzNotification,
  startIndicatieRegister,
  startTestHub,
  type TestHub,
  type TestRegister,
} from '@hub/testing';
import { accessLog, wlzIndicatieEvent, wlzIndicatieItem, wlzNotification } from '../src/db/schema.ts';

/**
 * The CIZ notifies, the hub pulls: notifications through the gateway's /iwlz/notificaties, the indicatie pulled from a
 * register this file starts (its schema the Indicatieregister 1.6.5 subset the hub queries), the worklist "nieuwe
 * indicaties" and the keuzevrijheid mutations.
 */

const SOURCE_TOKEN = `ciz-${randomUUID()}-${randomUUID()}`;
const zorgkantoorId = randomUUID();
let register: TestRegister;
let hub: TestHub;
let klantadviseur: string;

const WORKLIST = `query Worklist($status: WlzWorklistStatus, $overdue: Boolean, $first: Int, $after: String) {
  wlzIndicatieWorklist(status: $status, overdue: $overdue, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id version wlzIndicatieId besluitnummer afgiftedatum ingangsdatum einddatum zorgprofiel sector leveringsvorm
      receivedAt contactBy contactedAt overdue status
      client { id name { givenName namePrefix familyName } dateOfBirth }
      trajectory { id legalDomain }
      choice { choice recordedBy ocoOrganization { id } consent { id } }
      handover { id }
    }
  }
}`;

const NOTIFICATIONS = `query Notifications($status: WlzNotificationStatus) {
  wlzNotifications(status: $status, first: 100) { nodes { id wlzIndicatieId status attempts errorCode item { id } } }
}`;

const CONTACT = `mutation Contact($input: RecordIndicatieContactInput!) {
  recordIndicatieContact(input: $input) { item { id version contactedAt overdue status } }
}`;

const CHOICE = `mutation Choice($input: RecordIndicatieChoiceInput!) {
  recordIndicatieChoice(input: $input) { item { id version status choice { choice ocoOrganization { id } consent { id purpose } } trajectory { id } client { id } } }
}`;

interface Item {
  id: string;
  version: number;
  wlzIndicatieId: string;
  besluitnummer: number;
  zorgprofiel: string | null;
  sector: string | null;
  leveringsvorm: string | null;
  contactBy: string;
  overdue: boolean;
  status: string;
  client: { id: string; name: { givenName: string; namePrefix: string | null; familyName: string } | null; dateOfBirth: string | null };
  trajectory: { id: string; legalDomain: string | null };
  choice: { choice: string; recordedBy: string; ocoOrganization: { id: string } | null; consent: { id: string } | null } | null;
  handover: { id: string } | null;
}

async function worklist(variables: Record<string, unknown> = {}, token = klantadviseur) {
  return dataOf<{ wlzIndicatieWorklist: { totalCount: number; nodes: Item[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(
    await hub.graphql(WORKLIST, { first: 100, ...variables }, { token }),
  ).wlzIndicatieWorklist;
}

async function itemFor(wlzIndicatieId: string): Promise<Item | undefined> {
  return (await worklist()).nodes.find((i) => i.wlzIndicatieId === wlzIndicatieId);
}

/** A new indicatie in the register, notified and stored. */
async function storedIndicatie(overrides: Parameters<typeof buildIndicatie>[1] = {}) {
  const indicatie = buildIndicatie('5151', overrides);
  register.indicaties.push(indicatie);
  const answer = await postIwlzNotification(hub, iwlzNotification(indicatie.wlzindicatieID), SOURCE_TOKEN);
  expect(answer.status).toBe(201);
  const item = await itemFor(indicatie.wlzindicatieID);
  if (!item) throw new Error('stored indicatie not on the worklist');
  return { indicatie, item, itemId: String(answer.body.itemId) };
}

const itemsOfIndicatie = async (wlzIndicatieId: string) =>
  (await hub.database.db.select({ n: sql<number>`count(*)::int` }).from(wlzIndicatieItem).where(eq(wlzIndicatieItem.wlzIndicatieId, wlzIndicatieId)))[0]?.n;

beforeAll(async () => {
  register = await startIndicatieRegister();
  hub = await startTestHub({
    captureLogs: true,
    env: iwlzTestEnv(register, zorgkantoorId, SOURCE_TOKEN, { IWLZ_RETRY_INTERVAL_MS: '100', IWLZ_RETRY_BASE_SECONDS: '0' }),
  });
  klantadviseur = await hub.tokenFor({ organizationId: zorgkantoorId, organizationType: 'ZORGKANTOOR', roles: ['ZORGBEMIDDELAAR'], zorgkantoorregio: 'ZK02' });
});

afterAll(async () => {
  await hub?.stop();
  await register?.stop();
});

describe('a CIZ notification', () => {
  it('pulls the indicatie with the QIR-0001-ZKi filter and puts it on the worklist with a deadline in working days', async () => {
    const before = register.requests.length;
    const indicatie = buildIndicatie('5151');
    register.indicaties.push(indicatie);
    const answer = await postIwlzNotification(hub, iwlzNotification(indicatie.wlzindicatieID), SOURCE_TOKEN);
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ status: 'STORED', errorCode: null });

    // One query, valid against the register's schema, naming the indicatie and the hub's own UZOVI code.
    const sent = register.requests.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.authorized).toBe(true);
    expect(sent[0]?.variables).toEqual({ wlzIndicatieID: indicatie.wlzindicatieID, initieelVerantwoordelijkZorgkantoor: '5151' });
    expect(sent[0]?.query).toMatch(/initieelVerantwoordelijkZorgkantoor:\s*\{\s*eq:\s*\$initieelVerantwoordelijkZorgkantoor/);

    const item = await itemFor(indicatie.wlzindicatieID);
    expect(item).toMatchObject({
      id: answer.body.itemId,
      besluitnummer: indicatie.besluitnummer,
      zorgprofiel: '754',
      sector: 'VV',
      leveringsvorm: 'VPT',
      overdue: false,
      status: 'OPEN',
      choice: null,
      handover: null,
      client: { name: { givenName: 'Mien', namePrefix: 'de', familyName: 'Registerman' }, dateOfBirth: '1941-03-14' },
      trajectory: { legalDomain: 'WLZ' },
    });
    expect(item?.contactBy).toBe(addWorkingDays(amsterdamDate(new Date()), 5));

    // The client is found by the BSN of the indicatie (encrypted and hashed like every client).
    const found = dataOf<{ findClientByBsn: { id: string } | null }>(
      await hub.graphql(
        'query ($bsn: String!) { findClientByBsn(bsn: $bsn, purpose: CARE_MEDIATION) { id } }',
        { bsn: indicatie.bsn },
        { token: klantadviseur },
      ),
    );
    expect(found.findClientByBsn?.id).toBe(item?.client.id);

    // Stored with its access-log line (the ingest), and the worklist read logged too.
    const lines = await hub.database.db
      .select()
      .from(accessLog)
      .where(eq(accessLog.clientId, item?.client.id ?? ''));
    expect(lines.find((l) => l.authorizationGround === 'WLZ_INDICATIE')).toMatchObject({
      action: 'CREATE',
      organizationId: zorgkantoorId,
      role: 'IWLZ_NOTIFICATION',
    });
    expect(lines.some((l) => l.action === 'READ' && l.accessPoint.includes('Query.wlzIndicatieWorklist'))).toBe(true);
    // The BSN and the name travelled from the register into the database only: never into a log line.
    expect(hub.logText()).not.toContain(indicatie.bsn);
    expect(hub.logText()).not.toContain('Registerman');
  });

  it('is idempotent: the same notification again is "already known", with one item', async () => {
    const { indicatie, itemId } = await storedIndicatie();
    const again = await postIwlzNotification(hub, iwlzNotification(indicatie.wlzindicatieID), SOURCE_TOKEN);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'ALREADY_KNOWN', itemId });
    expect(await itemsOfIndicatie(indicatie.wlzindicatieID)).toBe(1);
  });

  it('links a second indicatie of a known client to that client', async () => {
    const first = await storedIndicatie();
    const second = await storedIndicatie({ bsn: first.indicatie.bsn, client: { ...first.indicatie.client, clientID: randomUUID() } });
    expect(second.item.client.id).toBe(first.item.client.id);
    expect(second.item.trajectory.id).toBe(first.item.trajectory.id);
  });

  it('stays pending while the register is down, and the retry loop delivers once it is up', async () => {
    const indicatie = buildIndicatie('5151');
    register.indicaties.push(indicatie);
    register.mode = 'down';
    try {
      const answer = await postIwlzNotification(hub, iwlzNotification(indicatie.wlzindicatieID), SOURCE_TOKEN);
      expect(answer.status).toBe(202);
      expect(answer.body).toMatchObject({ status: 'PENDING', errorCode: 'REGISTER_UNAVAILABLE', itemId: null });
      expect(await itemFor(indicatie.wlzindicatieID)).toBeUndefined();
      const pending = dataOf<{ wlzNotifications: { nodes: { wlzIndicatieId: string; status: string; errorCode: string | null }[] } }>(
        await hub.graphql(NOTIFICATIONS, { status: 'PENDING' }, { token: klantadviseur }),
      );
      expect(pending.wlzNotifications.nodes.find((n) => n.wlzIndicatieId === indicatie.wlzindicatieID)).toMatchObject({ errorCode: 'REGISTER_UNAVAILABLE' });
      // A repeat while pending answers pending, without a second row.
      const repeat = await postIwlzNotification(hub, iwlzNotification(indicatie.wlzindicatieID), SOURCE_TOKEN);
      expect(repeat.body).toMatchObject({ status: 'PENDING', notificationId: answer.body.notificationId });
    } finally {
      register.mode = 'up';
    }
    let item: Item | undefined;
    for (let i = 0; i < 100 && !item; i++) {
      await new Promise((r) => setTimeout(r, 100));
      item = await itemFor(indicatie.wlzindicatieID);
    }
    expect(item?.zorgprofiel).toBe('754');
    const [row] = await hub.database.db.select().from(wlzNotification).where(eq(wlzNotification.wlzIndicatieId, indicatie.wlzindicatieID));
    expect(row).toMatchObject({ status: 'STORED', itemId: item?.id, lastError: null });
    expect(row?.attempts).toBeGreaterThanOrEqual(1);
  });

  const refusals: [string, string, (i: ReturnType<typeof buildIndicatie>) => unknown][] = [
    ['an answer outside the schema', 'MALFORMED_ANSWER', () => ({ data: { wlzIndicatie: [{ wlzindicatieID: 'x' }] } })],
    ['another indicatie than asked', 'WRONG_INDICATIE', (i) => ({ data: { wlzIndicatie: [{ ...i, wlzindicatieID: randomUUID() }] } })],
    [
      'an indicatie of another zorgkantoor',
      'ZORGKANTOOR_MISMATCH',
      (i) => ({ data: { wlzIndicatie: [{ ...i, initieelVerantwoordelijkZorgkantoor: '5152' }] } }),
    ],
    ['a BSN failing the elfproef', 'INVALID_BSN', (i) => ({ data: { wlzIndicatie: [{ ...i, bsn: '123456789', client: { ...i.client, bsn: '123456789' } }] } })],
    ['no indicatie at all', 'INDICATIE_NOT_FOUND', () => ({ data: { wlzIndicatie: [] } })],
  ];
  it.each(refusals)('refuses %s with %s and stores nothing', async (_, code, answerWith) => {
    const indicatie = buildIndicatie('5151');
    register.mode = () => answerWith(indicatie);
    let answer: Awaited<ReturnType<typeof postIwlzNotification>>;
    try {
      answer = await postIwlzNotification(hub, iwlzNotification(indicatie.wlzindicatieID), SOURCE_TOKEN);
    } finally {
      register.mode = 'up';
    }
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ status: 'FAILED', errorCode: code, itemId: null });
    expect(await itemsOfIndicatie(indicatie.wlzindicatieID)).toBe(0);
    const found = dataOf<{ findClientByBsn: { id: string } | null }>(
      await hub.graphql(
        'query ($bsn: String!) { findClientByBsn(bsn: $bsn, purpose: CARE_MEDIATION) { id } }',
        { bsn: indicatie.bsn },
        { token: klantadviseur },
      ),
    );
    expect(found.findClientByBsn).toBeNull();
  });

  it('is refused without the source token, or with a wrong one (401), and nothing reaches the register', async () => {
    const indicatie = buildIndicatie('5151');
    register.indicaties.push(indicatie);
    const before = register.requests.length;
    for (const token of [undefined, `${SOURCE_TOKEN}x`, 'short']) {
      const answer = await postIwlzNotification(hub, iwlzNotification(indicatie.wlzindicatieID), token);
      expect(answer.status).toBe(401);
    }
    expect(register.requests.length).toBe(before);
    const rows = await hub.database.db.select().from(wlzNotification).where(eq(wlzNotification.wlzIndicatieId, indicatie.wlzindicatieID));
    expect(rows).toEqual([]);
  });

  it('refuses an unknown UZOVI code, another event type and a malformed subject, before pulling', async () => {
    const before = register.requests.length;
    const id = randomUUID();
    const unknown = await postIwlzNotification(hub, iwlzNotification(id, { ontvangerID: '9999' }), SOURCE_TOKEN);
    expect(unknown.status).toBe(422);
    expect(JSON.stringify(unknown.body)).toContain('ontvangerID');
    const other = await postIwlzNotification(hub, iwlzNotification(id, { eventType: 'GEWIJZIGDE_INDICATIE' }), SOURCE_TOKEN);
    expect(other.status).toBe(400);
    expect(other.body).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'eventType' } }] });
    const subject = await postIwlzNotification(
      hub,
      iwlzNotification(id, { subjectList: [{ subject: 'Bemiddeling/abc', recordID: 'Bemiddeling/abc' }] }),
      SOURCE_TOKEN,
    );
    expect(subject.status).toBe(400);
    expect(register.requests.length).toBe(before);
    expect(await hub.database.db.select().from(wlzNotification).where(eq(wlzNotification.wlzIndicatieId, id))).toEqual([]);
  });
});

describe('the worklist "nieuwe indicaties"', () => {
  it('is for ZORGBEMIDDELAAR and CLIENTONDERSTEUNER of a zorgkantoor only, and shows only its own items', async () => {
    const { item } = await storedIndicatie();
    const toegang = await hub.tokenFor({ organizationType: 'GEMEENTE', roles: ['TOEGANG'], gemeenteCode: 'GM0363' });
    expect(errorCodes(await hub.graphql(WORKLIST, {}, { token: toegang }))).toEqual(['FORBIDDEN']);
    const privacy = await hub.tokenFor({ organizationId: zorgkantoorId, organizationType: 'ZORGKANTOOR', roles: ['PRIVACY_OFFICER'] });
    expect(errorCodes(await hub.graphql(WORKLIST, {}, { token: privacy }))).toEqual(['FORBIDDEN']);
    const colleague = await hub.tokenFor({
      organizationId: zorgkantoorId,
      organizationType: 'ZORGKANTOOR',
      roles: ['CLIENTONDERSTEUNER'],
      zorgkantoorregio: 'ZK02',
    });
    expect((await worklist({}, colleague)).nodes.some((i) => i.id === item.id)).toBe(true);
    const otherZk = await hub.tokenFor({ organizationType: 'ZORGKANTOOR', roles: ['ZORGBEMIDDELAAR'], zorgkantoorregio: 'ZK22' });
    expect((await worklist({}, otherZk)).totalCount).toBe(0);
    const direct = await hub.graphql('query ($id: ID!) { wlzIndicatieItem(id: $id) { id zorgprofiel } }', { id: item.id }, { token: otherZk });
    expect(errorCodes(direct)).toEqual(['NOT_FOUND']);
  });

  it('sorts by deadline, pages by cursor, flags and filters overdue items, and closes the deadline on contact', async () => {
    const a = await storedIndicatie();
    const b = await storedIndicatie();
    // b's deadline lies in the past: overdue until contact is recorded.
    await hub.database.db.update(wlzIndicatieItem).set({ contactBy: '2026-01-05' }).where(eq(wlzIndicatieItem.id, b.item.id));
    const all = await worklist();
    expect(all.nodes[0]?.id).toBe(b.item.id);
    expect(all.nodes.map((i) => i.contactBy)).toEqual([...all.nodes.map((i) => i.contactBy)].sort());
    const overdue = await worklist({ overdue: true });
    expect(overdue.nodes.map((i) => i.id)).toEqual([b.item.id]);
    expect(overdue.nodes[0]?.overdue).toBe(true);
    expect((await worklist({ overdue: false })).nodes.some((i) => i.id === b.item.id)).toBe(false);

    const page1 = await worklist({ first: 1 });
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = await worklist({ first: 1, after: page1.pageInfo.endCursor });
    expect(page2.nodes[0]?.id).not.toBe(page1.nodes[0]?.id);
    expect(errorCodes(await hub.graphql(WORKLIST, { after: 'nonsense' }, { token: klantadviseur }))).toEqual(['BAD_USER_INPUT']);

    const stale = await hub.graphql(CONTACT, { input: { id: b.item.id, expectedVersion: b.item.version + 5 } }, { token: klantadviseur });
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    const contacted = dataOf<{ recordIndicatieContact: { item: { overdue: boolean; status: string; version: number; contactedAt: string } } }>(
      await hub.graphql(CONTACT, { input: { id: b.item.id, expectedVersion: b.item.version } }, { token: klantadviseur }),
    ).recordIndicatieContact.item;
    expect(contacted).toMatchObject({ overdue: false, status: 'OPEN', version: b.item.version + 1 });
    expect((await worklist({ overdue: true })).nodes).toEqual([]);
    const again = await hub.graphql(CONTACT, { input: { id: b.item.id, expectedVersion: contacted.version } }, { token: klantadviseur });
    expect(errorCodes(again)).toEqual(['INVALID_TRANSITION']);
    expect(a.item.status).toBe('OPEN');
  });
});

describe('keuzevrijheid', () => {
  it('records the choice ZORGKANTOOR; contact and choice together make the item DONE', async () => {
    const { item } = await storedIndicatie();
    const contacted = dataOf<{ recordIndicatieContact: { item: { version: number } } }>(
      await hub.graphql(CONTACT, { input: { id: item.id, expectedVersion: item.version } }, { token: klantadviseur }),
    ).recordIndicatieContact.item;
    const chosen = dataOf<{ recordIndicatieChoice: { item: { status: string; choice: { choice: string; consent: unknown } } } }>(
      await hub.graphql(CHOICE, { input: { id: item.id, expectedVersion: contacted.version, choice: 'ZORGKANTOOR' } }, { token: klantadviseur }),
    ).recordIndicatieChoice.item;
    expect(chosen).toMatchObject({ status: 'DONE', choice: { choice: 'ZORGKANTOOR', consent: null } });
    expect((await worklist({ status: 'DONE' })).nodes.some((i) => i.id === item.id)).toBe(true);
    // Every change is audited: what, which choice, by whom, at which version.
    const events = await hub.database.db.select().from(wlzIndicatieEvent).where(eq(wlzIndicatieEvent.itemId, item.id)).orderBy(wlzIndicatieEvent.version);
    expect(events.map((e) => [e.action, e.choice, e.version])).toEqual([
      ['CONTACT', null, item.version + 1],
      ['CHOICE', 'ZORGKANTOOR', item.version + 2],
    ]);
    expect(new Set(events.map((e) => e.userId)).size).toBe(1);
  });

  it('refuses the choice to a CLIENTONDERSTEUNER, an OCO choice without an OCO, and an organisation that is no OCO, changing nothing', async () => {
    const { item } = await storedIndicatie();
    const colleague = await hub.tokenFor({ organizationId: zorgkantoorId, organizationType: 'ZORGKANTOOR', roles: ['CLIENTONDERSTEUNER'] });
    expect(
      errorCodes(await hub.graphql(CHOICE, { input: { id: item.id, expectedVersion: item.version, choice: 'NONE_FOR_NOW' } }, { token: colleague })),
    ).toEqual(['FORBIDDEN']);
    const noOco = await hub.graphql(CHOICE, { input: { id: item.id, expectedVersion: item.version, choice: 'OCO' } }, { token: klantadviseur });
    expect(noOco.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.ocoOrganizationId' });
    const gemeente = await buildOrganization(hub, { type: 'GEMEENTE' });
    const wrongType = await hub.graphql(
      CHOICE,
      {
        input: {
          id: item.id,
          expectedVersion: item.version,
          choice: 'OCO',
          ocoOrganizationId: gemeente.id,
          consent: { givenBy: 'CLIENT', recordedHow: 'VERBAL' },
        },
      },
      { token: klantadviseur },
    );
    expect(wrongType.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.ocoOrganizationId' });
    const oco = await buildOrganization(hub, { type: 'OCO' });
    const withoutConsent = await hub.graphql(
      CHOICE,
      { input: { id: item.id, expectedVersion: item.version, choice: 'OCO', ocoOrganizationId: oco.id } },
      { token: klantadviseur },
    );
    expect(withoutConsent.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.consent' });
    expect((await itemFor(item.wlzIndicatieId))?.version).toBe(item.version);
  });

  it('records the choice OCO with the handover consent; the TO_OCO handover sent on it is linked and reaches the OCO', async () => {
    const { item } = await storedIndicatie();
    const oco = await buildOrganization(hub, { type: 'OCO' });
    const chosen = dataOf<{
      recordIndicatieChoice: {
        item: { version: number; choice: { choice: string; ocoOrganization: { id: string }; consent: { id: string; purpose: string } } };
      };
    }>(
      await hub.graphql(
        CHOICE,
        {
          input: {
            id: item.id,
            expectedVersion: item.version,
            choice: 'OCO',
            ocoOrganizationId: oco.id,
            consent: { givenBy: 'CLIENT', recordedHow: 'VERBAL' },
          },
        },
        { token: klantadviseur },
      ),
    ).recordIndicatieChoice.item;
    expect(chosen.choice).toMatchObject({ choice: 'OCO', ocoOrganization: { id: oco.id }, consent: { purpose: 'WARM_HANDOVER' } });

    const created = dataOf<{ createReferral: { referral: { id: string; status: string } } }>(
      await hub.graphql(
        `mutation ($input: CreateReferralInput!) { createReferral(input: $input) { referral { id status } } }`,
        {
          input: {
            idempotencyKey: `wlz-${item.id}`,
            kind: 'TO_OCO',
            clientId: item.client.id,
            sourceTrajectoryId: item.trajectory.id,
            toOrganizationId: oco.id,
            consentId: chosen.choice.consent.id,
            supportFormsRequested: ['KEUZE_ZORGAANBIEDER_EN_ZORG'],
            question: 'Onafhankelijke cliëntondersteuning na een nieuwe Wlz-indicatie.',
            handoverSummary: {
              situation: 'Nieuwe Wlz-indicatie.',
              question: 'Ondersteuning bij de keuze.',
              whatWasDone: 'Contact gehad.',
              agreements: 'Keuze OCO.',
              openActions: 'Kennismaking.',
              network: 'Onbekend.',
              risks: 'Geen bekend.',
              clientWishes: 'Thuis blijven wonen.',
            },
          },
        },
        { token: klantadviseur },
      ),
    );
    const referralId = created.createReferral.referral.id;
    const LINK = `mutation ($input: LinkIndicatieHandoverInput!) { linkIndicatieHandover(input: $input) { item { version handover { id status } } } }`;
    const wrong = await hub.graphql(LINK, { input: { id: item.id, expectedVersion: chosen.version, referralId: randomUUID() } }, { token: klantadviseur });
    expect(wrong.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.referralId' });
    const linked = dataOf<{ linkIndicatieHandover: { item: { handover: { id: string; status: string } } } }>(
      await hub.graphql(LINK, { input: { id: item.id, expectedVersion: chosen.version, referralId } }, { token: klantadviseur }),
    );
    expect(linked.linkIndicatieHandover.item.handover).toEqual({ id: referralId, status: 'REQUESTED' });
    // The choice no longer changes once the handover left.
    const change = await hub.graphql(CHOICE, { input: { id: item.id, expectedVersion: chosen.version + 1, choice: 'NONE_FOR_NOW' } }, { token: klantadviseur });
    expect(errorCodes(change)).toEqual(['INVALID_TRANSITION']);

    const ocoWorker = await hub.tokenFor({ organizationId: oco.id, organizationType: 'OCO', roles: ['CLIENTONDERSTEUNER'] });
    const inbox = dataOf<{ referrals: { nodes: { id: string }[] } }>(
      await hub.graphql('{ referrals(box: INBOX) { nodes { id } } }', undefined, { token: ocoWorker }),
    );
    expect(inbox.referrals.nodes.map((r) => r.id)).toContain(referralId);
  });
});

describe('the worklist as a list', () => {
  it('does not grow the number of SQL statements with the length of the page', async () => {
    while ((await worklist()).totalCount < 12) await storedIndicatie();
    const statementsFor = async (first: number) => {
      // Every field that reads more than the item itself (client, its name, trajectory) is asked of every item, so both
      // pages take the same paths; choice.consent would load only for items with an OCO choice.
      const query = `query ($first: Int) { wlzIndicatieWorklist(first: $first) { totalCount nodes { id overdue client { id name { familyName } }
        trajectory { id legalDomain } choice { choice } handover { id } } } }`;
      const result = await hub.graphql<{ wlzIndicatieWorklist: { nodes: unknown[] } }>(query, { first }, { token: klantadviseur });
      expect(dataOf(result).wlzIndicatieWorklist.nodes).toHaveLength(first);
      const requestId = result.headers.get('x-request-id') ?? '';
      const lines = hub.logs.filter((l) => l.reqId === requestId && l.msg === 'request' && l.service === 'cases');
      expect(lines.length).toBeGreaterThan(0);
      return lines.reduce((sum, l) => sum + (typeof l.statements === 'number' ? l.statements : 0), 0);
    };
    const two = await statementsFor(2);
    const twelve = await statementsFor(12);
    console.info(`statements for wlzIndicatieWorklist: 2 → ${two}, 12 → ${twelve}`);
    expect(twelve).toBe(two);
    expect(two).toBeGreaterThan(0);
  });
});
