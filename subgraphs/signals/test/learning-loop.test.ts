import { randomUUID } from 'node:crypto';
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationEventSchema } from '@hub/contracts';
import { startTestHub, type TestHub } from '@hub/testing';
import { outbox, overlegtafelMember } from '../src/db/schema.ts';
import { periodOfDate, shiftPeriod } from '../src/periods.ts';
import { overlegtafelIdOf, readGemeenteRegions } from '../src/reference-data.ts';
import { addDays, today } from '../src/validation.ts';
import { chair, dataOf, errorCodes, gapEvent, insertSignals, party, postGapEvents, type Party } from './builders.ts';

/**
 * The learning loop of a knelpunt: its theme, follow-up signals after its first action, the before/after view, the
 * resolution note and the automatic reopening when its signals come back, and the hand-over to zorginkoop.
 */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.stop();
});

const REGION = 'ZK24';
const OTHER_REGION = 'ZK25';
const gemeentenOf = (region: string) =>
  readGemeenteRegions()
    .filter((g) => g.zorgkantoorregioCode === region)
    .map((g) => g.gemeenteCode);
const [GEMEENTE = ''] = gemeentenOf(REGION);
const [OTHER_GEMEENTE = ''] = gemeentenOf(OTHER_REGION);

const KNELPUNT = /* GraphQL */ `
  fragment K on Knelpunt {
    id status version reopenThreshold
    theme { categories targetGroups legalDomains }
    resolution { note resolvedOn }
    zorginkoop { status question askedOn outcome decidedOn }
  }
`;
interface K {
  id: string;
  status: string;
  version: number;
  reopenThreshold: number;
  theme: { categories: string[]; targetGroups: string[]; legalDomains: string[] };
  resolution: { note: string; resolvedOn: string } | null;
  zorginkoop: { status: string; question: string; askedOn: string; outcome: string | null; decidedOn: string | null } | null;
}

let table: Party;
let member: Party;
let reporter: Party;
let outsider: Party;

beforeAll(async () => {
  table = await chair(hub, REGION);
  member = await party(hub, { organizationType: 'GEMEENTE', roles: ['OVERLEGTAFEL'], gemeenteCode: GEMEENTE });
  await hub.database.db.insert(overlegtafelMember).values({ overlegtafelId: overlegtafelIdOf(REGION), organizationId: member.organizationId });
  reporter = await party(hub, { organizationType: 'OCO', roles: ['CLIENTONDERSTEUNER'] });
  outsider = await party(hub, { organizationType: 'OCO', roles: ['OVERLEGTAFEL', 'CLIENTONDERSTEUNER'] });
});

const report = async (who: Party, input: Record<string, unknown>) =>
  dataOf(
    await hub.graphql<{ reportSignal: { signal: { id: string } } }>(
      `mutation($input: ReportSignalInput!) { reportSignal(input: $input) { signal { id } } }`,
      { input: { category: 'NO_CAPACITY', targetGroup: 'OUDEREN', gemeenteCode: GEMEENTE, observedOn: today(), ...input } },
      { token: who.token },
    ),
  ).reportSignal.signal.id;

type Mutations =
  | 'createKnelpunt'
  | 'addSignalsToKnelpunt'
  | 'transitionKnelpunt'
  | 'updateKnelpuntTheme'
  | 'setKnelpuntReopenThreshold'
  | 'handKnelpuntToZorginkoop'
  | 'recordZorginkoopOutcome';

const mutate = (name: Mutations, inputType: string, input: Record<string, unknown>, who: Party = table) =>
  hub.graphql<Record<Mutations, { knelpunt: K }>>(
    `mutation($input: ${inputType}!) { ${name}(input: $input) { knelpunt { ...K } } } ${KNELPUNT}`,
    { input },
    {
      token: who.token,
    },
  );

const read = async (id: string, who: Party = table) =>
  dataOf(await hub.graphql<{ knelpunt: K | null }>(`query($id: ID!) { knelpunt(id: $id) { ...K } } ${KNELPUNT}`, { id }, { token: who.token })).knelpunt;

async function create(signalIds: string[], title = `Knelpunt ${randomUUID().slice(0, 6)}`): Promise<K> {
  return dataOf(await mutate('createKnelpunt', 'CreateKnelpuntInput', { zorgkantoorregioCode: REGION, title, signalIds })).createKnelpunt.knelpunt;
}

const transition = (k: { id: string }, to: string, expectedVersion: number, extra: Record<string, unknown> = {}, who: Party = table) =>
  mutate('transitionKnelpunt', 'TransitionKnelpuntInput', { knelpuntId: k.id, to, expectedVersion, ...extra }, who);

async function addAction(id: string) {
  dataOf(
    await hub.graphql(
      `mutation($input: AddActionInput!) { addKnelpuntAction(input: $input) { action { id } } }`,
      { input: { knelpuntId: id, description: 'Extra plekken inkopen', ownerOrganizationId: table.organizationId, dueOn: addDays(today(), 30) } },
      { token: table.token },
    ),
  );
}

async function decide(id: string, decidedOn: string) {
  dataOf(
    await hub.graphql(
      `mutation($input: RecordDecisionInput!) { recordKnelpuntDecision(input: $input) { decision { id } } }`,
      { input: { knelpuntId: id, text: 'Het zorgkantoor koopt extra plekken in.', decidedOn } },
      { token: table.token },
    ),
  );
}

/** A knelpunt on NO_CAPACITY × OUDEREN in ACTION: one grouped signal, a decision and an action. */
async function knelpuntInAction(): Promise<K> {
  const grouped = await insertSignals(hub, [{ zorgkantoorregioCode: REGION, gemeenteCode: GEMEENTE, targetGroup: 'OUDEREN', observedOn: today() }]);
  const k = await create(grouped);
  await decide(k.id, today());
  await addAction(k.id);
  dataOf(await transition(k, 'ON_AGENDA', 1));
  return dataOf(await transition(k, 'ACTION', 2)).transitionKnelpunt.knelpunt;
}

const resolve = async (k: K, note = 'Twintig extra plekken ingekocht.') =>
  dataOf(await transition(k, 'RESOLVED', k.version, { resolutionNote: note })).transitionKnelpunt.knelpunt;

async function followUpIds(id: string, who: Party = table): Promise<string[]> {
  const data = dataOf(
    await hub.graphql<{ knelpunt: { followUpSignals: { totalCount: number; nodes: { id: string }[] } } }>(
      `query($id: ID!) { knelpunt(id: $id) { followUpSignals(first: 100) { totalCount nodes { id } } } }`,
      { id },
      { token: who.token },
    ),
  );
  expect(data.knelpunt.followUpSignals.totalCount).toBe(data.knelpunt.followUpSignals.nodes.length);
  return data.knelpunt.followUpSignals.nodes.map((n) => n.id).sort();
}

async function outboxAbout(knelpuntId: string) {
  const rows = await hub.database.db.select().from(outbox).orderBy(asc(outbox.seq));
  return rows.map((r) => notificationEventSchema.parse(r.payload)).filter((e) => e.item.id === knelpuntId);
}

describe('the theme of a knelpunt', () => {
  it('comes from the grouped signals, grows when signals are added, and members may change it', async () => {
    const [a, b, c] = await insertSignals(hub, [
      { zorgkantoorregioCode: REGION, gemeenteCode: GEMEENTE, category: 'NO_CAPACITY', targetGroup: 'OUDEREN' },
      { zorgkantoorregioCode: REGION, gemeenteCode: GEMEENTE, category: 'WAITING_TIME', targetGroup: null },
      { zorgkantoorregioCode: REGION, gemeenteCode: GEMEENTE, category: 'NO_CAPACITY', targetGroup: 'PSYCHISCHE_KWETSBAARHEID' },
    ]);
    const k = await create([a ?? '', b ?? '']);
    expect(k.theme).toEqual({ categories: ['NO_CAPACITY', 'WAITING_TIME'], targetGroups: ['OUDEREN'], legalDomains: [] });
    const added = dataOf(await mutate('addSignalsToKnelpunt', 'AddSignalsToKnelpuntInput', { knelpuntId: k.id, signalIds: [c] })).addSignalsToKnelpunt.knelpunt;
    expect(added.theme.targetGroups).toEqual(['OUDEREN', 'PSYCHISCHE_KWETSBAARHEID']);
    const updated = dataOf(
      await mutate(
        'updateKnelpuntTheme',
        'UpdateKnelpuntThemeInput',
        { knelpuntId: k.id, categories: ['NO_CAPACITY', 'NO_CAPACITY'], targetGroups: ['OUDEREN'], legalDomains: ['WLZ'] },
        member,
      ),
    ).updateKnelpuntTheme.knelpunt;
    expect(updated.theme).toEqual({ categories: ['NO_CAPACITY'], targetGroups: ['OUDEREN'], legalDomains: ['WLZ'] });
    expect(updated.version).toBe(k.version);
  });

  it('needs a category, is for members only, and a refusal changes nothing', async () => {
    const [a] = await insertSignals(hub, [{ zorgkantoorregioCode: REGION, gemeenteCode: GEMEENTE, targetGroup: 'OUDEREN' }]);
    const k = await create([a ?? '']);
    const empty = await mutate('updateKnelpuntTheme', 'UpdateKnelpuntThemeInput', { knelpuntId: k.id, categories: [], targetGroups: [] });
    expect(errorCodes(empty)).toEqual(['BAD_USER_INPUT']);
    expect(empty.body.errors?.[0]?.extensions?.field).toBe('input.categories');
    const foreign = await mutate('updateKnelpuntTheme', 'UpdateKnelpuntThemeInput', { knelpuntId: k.id, categories: ['QUALITY'], targetGroups: [] }, outsider);
    expect(errorCodes(foreign)).toEqual(['FORBIDDEN']);
    expect((await read(k.id))?.theme).toEqual(k.theme);
  });
});

describe('resolving a knelpunt', () => {
  it('needs a resolution note without personal data; the note goes with RESOLVED only', async () => {
    const k = await knelpuntInAction();
    const without = await transition(k, 'RESOLVED', k.version);
    expect(errorCodes(without)).toEqual(['BAD_USER_INPUT']);
    expect(without.body.errors?.[0]?.extensions?.field).toBe('input.resolutionNote');
    const empty = await transition(k, 'RESOLVED', k.version, { resolutionNote: '  ' });
    expect(empty.body.errors?.[0]?.extensions?.field).toBe('input.resolutionNote');
    const tooLong = await transition(k, 'RESOLVED', k.version, { resolutionNote: 'x'.repeat(4001) });
    expect(tooLong.body.errors?.[0]?.extensions?.field).toBe('input.resolutionNote');
    const personal = await transition(k, 'RESOLVED', k.version, { resolutionNote: 'Bel 06-12345678 voor de plek.' });
    expect(personal.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.resolutionNote', personalData: 'PHONE' });
    const elsewhere = await transition(k, 'ON_AGENDA', k.version, { resolutionNote: 'Opgelost.' });
    expect(elsewhere.body.errors?.[0]?.extensions?.field).toBe('input.resolutionNote');
    expect(await read(k.id)).toMatchObject({ status: 'ACTION', version: k.version, resolution: null });
    const resolved = await resolve(k);
    expect(resolved).toMatchObject({
      status: 'RESOLVED',
      version: k.version + 1,
      resolution: { note: 'Twintig extra plekken ingekocht.', resolvedOn: today() },
    });
  });

  it('cannot be undone by hand: members get INVALID_TRANSITION for RESOLVED → ON_AGENDA', async () => {
    const k = await resolve(await knelpuntInAction());
    expect(errorCodes(await transition(k, 'ON_AGENDA', k.version))).toEqual(['INVALID_TRANSITION']);
  });
});

describe('follow-up signals', () => {
  it('are the fitting signals of the region that arrive after the first action, while in ACTION or RESOLVED', async () => {
    const grouped = await insertSignals(hub, [
      { zorgkantoorregioCode: REGION, gemeenteCode: GEMEENTE, targetGroup: 'PSYCHISCHE_KWETSBAARHEID', category: 'QUALITY' },
    ]);
    const k = await create(grouped);
    const beforeAction = await report(reporter, { category: 'QUALITY', targetGroup: 'PSYCHISCHE_KWETSBAARHEID' });
    await addAction(k.id);
    // In NEW (not yet ACTION): not linked.
    const whileNew = await report(reporter, { category: 'QUALITY', targetGroup: 'PSYCHISCHE_KWETSBAARHEID' });
    dataOf(await transition(k, 'ON_AGENDA', 1));
    const inAction = dataOf(await transition(k, 'ACTION', 2)).transitionKnelpunt.knelpunt;
    const fits = await report(reporter, { category: 'QUALITY', targetGroup: 'PSYCHISCHE_KWETSBAARHEID' });
    await report(reporter, { category: 'QUALITY', targetGroup: 'OUDEREN' });
    await report(reporter, { category: 'INFORMATION', targetGroup: 'PSYCHISCHE_KWETSBAARHEID' });
    await report(reporter, { category: 'QUALITY', targetGroup: 'PSYCHISCHE_KWETSBAARHEID', gemeenteCode: OTHER_GEMEENTE });
    const gap = gapEvent({ reason: 'NO_CAPACITY', gemeenteCode: GEMEENTE, targetGroup: 'PSYCHISCHE_KWETSBAARHEID', occurredAt: new Date().toISOString() });
    // A gap event fitting the theme once it includes NO_CAPACITY.
    dataOf(
      await mutate('updateKnelpuntTheme', 'UpdateKnelpuntThemeInput', {
        knelpuntId: k.id,
        categories: ['NO_CAPACITY', 'QUALITY'],
        targetGroups: ['PSYCHISCHE_KWETSBAARHEID'],
      }),
    );
    expect((await postGapEvents(hub, { events: [gap] })).body).toEqual({ accepted: 1, duplicates: 0 });
    const ids = await followUpIds(k.id);
    expect(ids).toHaveLength(2);
    expect(ids).toContain(fits);
    expect(ids).not.toContain(beforeAction);
    expect(ids).not.toContain(whileNew);
    expect(ids).not.toContain(grouped[0]);
    // A follow-up does not make its reporter a reader of the knelpunt (only grouped signals do).
    expect(await read(k.id, reporter)).toBeNull();
    // Still RESOLVED: linked too.
    const resolved = await resolve(await read(k.id).then((x) => x ?? inAction));
    const later = await report(reporter, { category: 'QUALITY', targetGroup: 'PSYCHISCHE_KWETSBAARHEID' });
    expect(await followUpIds(resolved.id)).toContain(later);
  });
});

describe('reopening', () => {
  it('a RESOLVED knelpunt reopens when follow-ups after the resolution reach its threshold, once, with history and notification', async () => {
    const k = await knelpuntInAction();
    const threshold = await mutate('setKnelpuntReopenThreshold', 'SetKnelpuntReopenThresholdInput', { knelpuntId: k.id, threshold: 3 });
    expect(dataOf(threshold).setKnelpuntReopenThreshold.knelpunt.reopenThreshold).toBe(3);
    // A follow-up while in ACTION does not count towards reopening.
    await report(reporter, {});
    const resolved = await resolve(k);
    // Observed before the resolution: linked, but not a recurrence.
    await report(reporter, { observedOn: addDays(today(), -40) });
    await report(reporter, {});
    await report(reporter, {});
    expect((await read(k.id))?.status).toBe('RESOLVED');
    await report(reporter, {});
    const reopened = await read(k.id);
    expect(reopened).toMatchObject({ status: 'ON_AGENDA', version: resolved.version + 1, resolution: { note: 'Twintig extra plekken ingekocht.' } });
    const history = dataOf(
      await hub.graphql<{
        knelpunt: { history: { nodes: { from: string; to: string; by: { id: string } | null; automatic: boolean; reason: string | null }[] } };
      }>(
        `query($id: ID!) { knelpunt(id: $id) { history(first: 100) { nodes { from to by { id } automatic reason } } } }`,
        { id: k.id },
        { token: table.token },
      ),
    ).knelpunt.history.nodes;
    expect(history.at(-2)).toEqual({ from: 'ACTION', to: 'RESOLVED', by: { id: table.organizationId }, automatic: false, reason: null });
    expect(history.at(-1)).toEqual({ from: 'RESOLVED', to: 'ON_AGENDA', by: null, automatic: true, reason: 'SIGNALS_RECURRED' });
    const events = (await outboxAbout(k.id)).filter((e) => e.kind === 'KNELPUNT_REOPENED');
    expect(events).toHaveLength(1);
    expect(events[0]?.item).toEqual({ type: 'KNELPUNT', id: k.id });
    expect(events[0]?.audience.roles).toEqual(['OVERLEGTAFEL']);
    expect([...(events[0]?.audience.organizationIds ?? [])].sort()).toEqual([table.organizationId, member.organizationId].sort());
    expect(JSON.stringify(events[0])).not.toContain('Twintig');
    // More signals: no second reopening (it is no longer RESOLVED).
    await report(reporter, {});
    expect((await outboxAbout(k.id)).filter((e) => e.kind === 'KNELPUNT_REOPENED')).toHaveLength(1);
  });

  it('a gap event can reopen too; the default threshold is 5', async () => {
    const k = await knelpuntInAction();
    expect(k.reopenThreshold).toBe(5);
    await resolve(k);
    const events = Array.from({ length: 4 }, () => gapEvent({ gemeenteCode: GEMEENTE, targetGroup: 'OUDEREN', occurredAt: new Date().toISOString() }));
    await postGapEvents(hub, { events });
    expect((await read(k.id))?.status).toBe('RESOLVED');
    await postGapEvents(hub, { events: [gapEvent({ gemeenteCode: GEMEENTE, targetGroup: 'OUDEREN', occurredAt: new Date().toISOString() })] });
    expect((await read(k.id))?.status).toBe('ON_AGENDA');
  });

  it('the threshold is 1–1000 or null (the default), set by members only', async () => {
    const k = await knelpuntInAction();
    for (const bad of [0, 1001]) {
      const res = await mutate('setKnelpuntReopenThreshold', 'SetKnelpuntReopenThresholdInput', { knelpuntId: k.id, threshold: bad });
      expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.threshold' });
    }
    expect(errorCodes(await mutate('setKnelpuntReopenThreshold', 'SetKnelpuntReopenThresholdInput', { knelpuntId: k.id, threshold: 2 }, reporter))).toEqual([
      'FORBIDDEN',
    ]);
    dataOf(await mutate('setKnelpuntReopenThreshold', 'SetKnelpuntReopenThresholdInput', { knelpuntId: k.id, threshold: 2 }));
    const reset = dataOf(await mutate('setKnelpuntReopenThreshold', 'SetKnelpuntReopenThresholdInput', { knelpuntId: k.id, threshold: null }));
    expect(reset.setKnelpuntReopenThreshold.knelpunt.reopenThreshold).toBe(5);
  });

  it('of concurrent signals reaching the threshold together, the knelpunt reopens once', async () => {
    const k = await knelpuntInAction();
    dataOf(await mutate('setKnelpuntReopenThreshold', 'SetKnelpuntReopenThresholdInput', { knelpuntId: k.id, threshold: 2 }));
    await resolve(k);
    await Promise.all(Array.from({ length: 4 }, () => report(reporter, {})));
    expect((await read(k.id))?.status).toBe('ON_AGENDA');
    expect((await outboxAbout(k.id)).filter((e) => e.kind === 'KNELPUNT_REOPENED')).toHaveLength(1);
  });
});

describe('the before/after view', () => {
  const TREND = /* GraphQL */ `
    query($id: ID!, $before: Int, $after: Int) {
      knelpunt(id: $id) {
        id
        trend(quartersBefore: $before, quartersAfter: $after) {
          referenceDate
          quarters { quarter side startsOn endsOn signals clients followUpSignals }
        }
      }
    }
  `;
  interface Trend {
    referenceDate: string | null;
    quarters: { quarter: string; side: string; startsOn: string; endsOn: string; signals: number; clients: number; followUpSignals: number }[];
  }
  const trend = (id: string, who: Party, before?: number, after?: number) =>
    hub.graphql<{ knelpunt: { id: string; trend: Trend | null } | null }>(TREND, { id, before, after }, { token: who.token });

  it('counts the fitting signals of the region per quarter before and after the first decision, with the follow-ups', async () => {
    const current = periodOfDate('QUARTER', today());
    const q = (i: number) => shiftPeriod(current, i);
    // Three quarters back, two back, one back; and other categories, target groups and regions that do not count.
    await insertSignals(hub, [
      {
        zorgkantoorregioCode: REGION,
        gemeenteCode: GEMEENTE,
        category: 'NOT_ELIGIBLE',
        targetGroup: 'JEUGD_EN_GEZIN',
        observedOn: q(-3).startsOn,
        clientCount: 2,
      },
      { zorgkantoorregioCode: REGION, gemeenteCode: GEMEENTE, category: 'NOT_ELIGIBLE', targetGroup: 'JEUGD_EN_GEZIN', observedOn: q(-3).endsOn },
      {
        zorgkantoorregioCode: REGION,
        gemeenteCode: GEMEENTE,
        category: 'NOT_ELIGIBLE',
        targetGroup: 'JEUGD_EN_GEZIN',
        observedOn: q(-1).startsOn,
        clientCount: 4,
      },
      { zorgkantoorregioCode: REGION, gemeenteCode: GEMEENTE, category: 'NOT_ELIGIBLE', targetGroup: 'OUDEREN', observedOn: q(-1).startsOn },
      { zorgkantoorregioCode: REGION, gemeenteCode: GEMEENTE, category: 'QUALITY', targetGroup: 'JEUGD_EN_GEZIN', observedOn: q(-1).startsOn },
      { zorgkantoorregioCode: OTHER_REGION, gemeenteCode: OTHER_GEMEENTE, category: 'NOT_ELIGIBLE', targetGroup: 'JEUGD_EN_GEZIN', observedOn: q(-1).startsOn },
    ]);
    const grouped = await insertSignals(hub, [
      { zorgkantoorregioCode: REGION, gemeenteCode: GEMEENTE, category: 'NOT_ELIGIBLE', targetGroup: 'JEUGD_EN_GEZIN', observedOn: q(-2).startsOn },
    ]);
    const k = await create(grouped);
    // No decision and no action yet: no reference date.
    expect(dataOf(await trend(k.id, table)).knelpunt?.trend).toEqual({ referenceDate: null, quarters: [] });
    await addAction(k.id);
    const byAction = dataOf(await trend(k.id, table, 1, 1)).knelpunt?.trend;
    expect(byAction?.referenceDate).toBe(today());
    await decide(k.id, q(-1).startsOn);
    dataOf(await transition(k, 'ON_AGENDA', 1));
    dataOf(await transition(k, 'ACTION', 2));
    await report(reporter, { category: 'NOT_ELIGIBLE', targetGroup: 'JEUGD_EN_GEZIN', clientCount: 3 });
    const data = dataOf(await trend(k.id, member, 3, 4)).knelpunt?.trend;
    expect(data?.referenceDate).toBe(q(-1).startsOn);
    // The quarter of the decision and the current one are AFTER; the future is left out.
    expect(data?.quarters).toEqual([
      { quarter: q(-4).key, side: 'BEFORE', startsOn: q(-4).startsOn, endsOn: q(-4).endsOn, signals: 0, clients: 0, followUpSignals: 0 },
      { quarter: q(-3).key, side: 'BEFORE', startsOn: q(-3).startsOn, endsOn: q(-3).endsOn, signals: 2, clients: 3, followUpSignals: 0 },
      { quarter: q(-2).key, side: 'BEFORE', startsOn: q(-2).startsOn, endsOn: q(-2).endsOn, signals: 1, clients: 1, followUpSignals: 0 },
      { quarter: q(-1).key, side: 'AFTER', startsOn: q(-1).startsOn, endsOn: q(-1).endsOn, signals: 1, clients: 4, followUpSignals: 0 },
      { quarter: q(0).key, side: 'AFTER', startsOn: q(0).startsOn, endsOn: q(0).endsOn, signals: 1, clients: 3, followUpSignals: 1 },
    ]);
  });

  it('is for members only: others get null with FORBIDDEN; the quarters asked for are 0–12', async () => {
    const k = await knelpuntInAction();
    const own = await report(reporter, {});
    dataOf(await mutate('addSignalsToKnelpunt', 'AddSignalsToKnelpuntInput', { knelpuntId: k.id, signalIds: [own] }));
    const asReporter = await trend(k.id, reporter);
    expect(asReporter.body.data?.knelpunt).toMatchObject({ id: k.id, trend: null });
    expect(asReporter.body.errors?.map((e) => [e.extensions?.code, e.path?.join('.')])).toEqual([['FORBIDDEN', 'knelpunt.trend']]);
    for (const [before, after, field] of [
      [13, 4, 'quartersBefore'],
      [4, -1, 'quartersAfter'],
    ] as const) {
      const res = await trend(k.id, table, before, after);
      expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});

describe('zorginkoop', () => {
  const outcome = (k: { id: string }, who: Party, input: Record<string, unknown> = {}) =>
    mutate(
      'recordZorginkoopOutcome',
      'RecordZorginkoopOutcomeInput',
      { knelpuntId: k.id, outcome: 'AGREEMENT', text: 'Tien extra plekken ingekocht.', ...input },
      who,
    );

  it('members hand it over; the region zorgkantoor records the outcome; reporters see it and are told', async () => {
    const ownSignal = await report(reporter, { category: 'ACCESSIBILITY' });
    const k = await create([ownSignal]);
    const handed = dataOf(
      await mutate(
        'handKnelpuntToZorginkoop',
        'HandKnelpuntToZorginkoopInput',
        { knelpuntId: k.id, question: 'Kunnen er meer plekken worden ingekocht?' },
        member,
      ),
    ).handKnelpuntToZorginkoop.knelpunt;
    expect(handed.zorginkoop).toEqual({
      status: 'ASKED',
      question: 'Kunnen er meer plekken worden ingekocht?',
      askedOn: today(),
      outcome: null,
      decidedOn: null,
    });
    const again = await mutate('handKnelpuntToZorginkoop', 'HandKnelpuntToZorginkoopInput', { knelpuntId: k.id, question: 'Nog een vraag' });
    expect(errorCodes(again)).toEqual(['INVALID_TRANSITION']);
    // A member that is not the zorgkantoor, a zorgkantoor of another region, a reporter: not them.
    expect(errorCodes(await outcome(k, member))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await outcome(k, reporter))).toEqual(['FORBIDDEN']);
    const otherZk = await party(hub, { organizationType: 'ZORGKANTOOR', roles: ['ZORGBEMIDDELAAR', 'OVERLEGTAFEL'], zorgkantoorregio: OTHER_REGION });
    expect(errorCodes(await outcome(k, otherZk))).toEqual(['NOT_FOUND']);
    // The zorgkantoor without one of the roles.
    const clerk = await party(hub, {
      organizationType: 'ZORGKANTOOR',
      roles: ['CLIENTONDERSTEUNER'],
      zorgkantoorregio: REGION,
      organizationId: table.organizationId,
    });
    expect(errorCodes(await outcome(k, clerk))).toEqual(['FORBIDDEN']);
    const buyer = await party(hub, {
      organizationType: 'ZORGKANTOOR',
      roles: ['ZORGBEMIDDELAAR'],
      zorgkantoorregio: REGION,
      organizationId: table.organizationId,
    });
    for (const [input, field] of [
      [{ text: '' }, 'input.text'],
      [{ text: 'Mail naar inkoop@zorgkantoor.nl' }, 'input.text'],
      [{ decidedOn: addDays(today(), 1) }, 'input.decidedOn'],
      [{ decidedOn: addDays(today(), -1) }, 'input.decidedOn'],
    ] as const) {
      const res = await outcome(k, buyer, input);
      expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await read(k.id))?.zorginkoop?.status).toBe('ASKED');
    const agreed = dataOf(await outcome(k, buyer, { outcome: 'REFUSAL', text: 'Het budget is op.' })).recordZorginkoopOutcome.knelpunt;
    expect(agreed.zorginkoop).toMatchObject({ status: 'REFUSED', outcome: 'Het budget is op.', decidedOn: today() });
    expect(errorCodes(await outcome(k, buyer))).toEqual(['INVALID_TRANSITION']);
    // The reporter reads it through its own signal.
    const mine = dataOf(
      await hub.graphql<{ mySignals: { nodes: { id: string; knelpunt: { zorginkoop: { status: string; outcome: string } | null } | null }[] } }>(
        `{ mySignals(first: 100) { nodes { id knelpunt { zorginkoop { status outcome } } } } }`,
        {},
        { token: reporter.token },
      ),
    );
    expect(mine.mySignals.nodes.find((n) => n.id === ownSignal)?.knelpunt?.zorginkoop).toEqual({ status: 'REFUSED', outcome: 'Het budget is op.' });
    const events = (await outboxAbout(k.id)).filter((e) => e.kind === 'ZORGINKOOP_OUTCOME');
    expect(events).toHaveLength(1);
    expect(events[0]?.audience.organizationIds).toEqual([reporter.organizationId]);
    expect(events[0]?.audience.subjects).toHaveLength(1);
    expect(JSON.stringify(events[0])).not.toContain('budget');
    // Asked again after a decision: a new question.
    const reasked = dataOf(await mutate('handKnelpuntToZorginkoop', 'HandKnelpuntToZorginkoopInput', { knelpuntId: k.id, question: 'Volgend jaar opnieuw?' }));
    expect(reasked.handKnelpuntToZorginkoop.knelpunt.zorginkoop).toMatchObject({ status: 'ASKED', outcome: null });
  });

  it('is not for final knelpunten, needs a question without personal data, and is for members only', async () => {
    const k = await knelpuntInAction();
    const hand = (input: Record<string, unknown>, who: Party = table) =>
      mutate('handKnelpuntToZorginkoop', 'HandKnelpuntToZorginkoopInput', { knelpuntId: k.id, question: 'Meer plekken?', ...input }, who);
    expect((await hand({ question: '' })).body.errors?.[0]?.extensions?.field).toBe('input.question');
    expect((await hand({ question: 'BSN 123456782' })).body.errors?.[0]?.extensions).toMatchObject({ field: 'input.question', personalData: 'BSN' });
    expect(errorCodes(await hand({}, reporter))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await outcome(k, table))).toEqual(['INVALID_TRANSITION']);
    await resolve(k);
    expect(errorCodes(await hand({}))).toEqual(['INVALID_TRANSITION']);
    expect((await read(k.id))?.zorginkoop).toBeNull();
  });

  it('of two concurrent outcomes exactly one is recorded', async () => {
    const k = await knelpuntInAction();
    dataOf(await mutate('handKnelpuntToZorginkoop', 'HandKnelpuntToZorginkoopInput', { knelpuntId: k.id, question: 'Meer plekken?' }));
    const results = await Promise.all([outcome(k, table), outcome(k, table, { outcome: 'REFUSAL', text: 'Nee.' })]);
    const codes = results.map((r) => (r.body.errors ? r.body.errors[0]?.extensions?.code : 'OK')).sort();
    expect(codes[1]).toBe('OK');
    expect(['CONFLICT', 'INVALID_TRANSITION']).toContain(codes[0]);
  });
});
