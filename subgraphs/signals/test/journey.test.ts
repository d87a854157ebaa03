import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PRINCIPALS, demoIds } from '@hub/domain';
import { startTestHub, type TestHub } from '@hub/testing';
import { periodOfDate, shiftPeriod } from '../src/periods.ts';
import { addDays, today } from '../src/validation.ts';
import { dataOf, party, type Party } from './builders.ts';

const journey = readFileSync(new URL('../../../tests/journeys/overlegtafel-quarter-twente.graphql', import.meta.url), 'utf8');

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ seedDemo: true, demoScale: 0.1 });
});
afterAll(async () => {
  await hub?.stop();
});

async function demoParty(subject: string): Promise<Party> {
  const p = DEMO_PRINCIPALS.find((d) => d.subject === subject);
  if (!p) throw new Error(subject);
  const { label: _label, ...claims } = p;
  return { organizationId: p.organizationId, token: await hub.tokenFor(claims) };
}

const run = async <T>(operationName: string, variables: Record<string, unknown>, who: Party): Promise<T> =>
  dataOf(await hub.graphql<T>(journey, variables, { token: who.token, operationName }));

describe('journey: the overlegtafel of Twente reviews a quarter', () => {
  it('groups three signals into a knelpunt, decides, acts, and the reporters read the feedback', async () => {
    const member = await demoParty('demo-overlegtafel-zk22');
    const oco = await demoParty('demo-co-oco');
    const enschede = await party(hub, { organizationType: 'GEMEENTE', roles: ['CLIENTONDERSTEUNER'], gemeenteCode: 'GM0153', organizationId: demoIds.gemeenteOrganization('GM0153') });
    const quarter = shiftPeriod(periodOfDate('QUARTER', today()), -1);

    // 1. Two cliëntondersteuners report three gaps in the last quarter.
    type Reported = { reportSignal: { signal: { id: string; zorgkantoorregio: { code: string }; gemeente: { name: string } } } };
    const report = (who: Party, gemeenteCode: string, description: string, day: number) =>
      run<Reported>(
        'ReportSignal',
        {
          input: {
            category: 'FALLS_BETWEEN_LAWS',
            targetGroup: 'JEUGD_RONDOM_18',
            ageBand: 'AGE_18_26',
            legalDomain: 'JEUGDWET',
            lifeDomain: 'WONEN',
            gemeenteCode,
            observedOn: addDays(quarter.startsOn, day),
            waitDays: 60,
            clientCount: 1,
            description,
          },
        },
        who,
      );
    const s1 = (await report(oco, 'GM0153', 'Jongere van 18 valt uit de jeugdhulp; begeleid wonen via de Wmo pas na 3 maanden.', 10)).reportSignal.signal;
    const s2 = (await report(oco, 'GM0164', 'Beschermd wonen 18+ heeft een wachtlijst van 26 weken in Hengelo (O.)', 20)).reportSignal.signal;
    const s3 = (await report(enschede, 'GM0153', 'Geen overbruggingszorg tussen Jeugdwet en Wmo voor 2 jongeren.', 30)).reportSignal.signal;
    expect(s1.zorgkantoorregio.code).toBe('ZK22');
    expect(s2.gemeente.name).toMatch(/Hengelo/);

    // 2. The member reviews the quarter: published counts only, with the demo data of Twente behind them.
    type Review = {
      zorgkantoorregio: {
        name: string;
        signalSummary: { period: string; total: { signals: number; withheld: boolean }; cells: { category: string; signals: number | null }[]; medianWaitDays: number | null; topNoCapacityOrganizations: { organization: { name: string }; signals: number }[] }[];
        openKnelpunten: { id: string }[];
      };
    };
    const review = (await run<Review>('ReviewQuarter', { region: 'ZK22', quarter: quarter.key }, member)).zorgkantoorregio;
    expect(review.name).toBe('Twente');
    const [figures] = review.signalSummary;
    expect(figures?.period).toBe(quarter.key);
    expect(figures?.total.signals).toBeGreaterThan(20);
    expect(figures?.cells.find((c) => c.category === 'NO_CAPACITY')?.signals).toBeGreaterThanOrEqual(12);
    expect(figures?.medianWaitDays).not.toBeNull();
    expect(figures?.topNoCapacityOrganizations[0]?.organization.name).toBeTruthy();
    // A row shows a published sum (5 or more), 0 (signals only last quarter) or nothing at all (withheld).
    for (const cell of figures?.cells ?? []) if (cell.signals) expect(cell.signals).toBeGreaterThanOrEqual(5);

    // 3. The ungrouped signals of the quarter include the three new ones.
    type Ungrouped = { overlegtafel: { name: string; signals: { nodes: { id: string; description: string | null }[] } } };
    const ungrouped = (await run<Ungrouped>('UngroupedSignals', { region: 'ZK22', from: quarter.startsOn, to: quarter.endsOn }, member)).overlegtafel;
    expect(ungrouped.name).toBe('Overlegtafel Twente');
    const picked = [s1.id, s2.id, s3.id];
    expect(ungrouped.signals.nodes.map((s) => s.id)).toEqual(expect.arrayContaining(picked));

    // 4. Group, plan, decide, act.
    const meeting = (await run<{ scheduleOverlegtafelMeeting: { meeting: { id: string } } }>('ScheduleMeeting', { input: { zorgkantoorregioCode: 'ZK22', heldOn: today(), title: `Overlegtafel ${quarter.key}` } }, member)).scheduleOverlegtafelMeeting.meeting;
    type Created = { createKnelpunt: { knelpunt: { id: string; status: string; version: number; signalCount: number; clientCount: number } } };
    const knelpunt = (
      await run<Created>(
        'GroupIntoKnelpunt',
        { input: { zorgkantoorregioCode: 'ZK22', title: 'Jongeren rond 18 vallen tussen Jeugdwet en Wmo', description: 'Wie: jongeren van 18. Wat: begeleid wonen. Waar: Enschede en Hengelo.', signalIds: picked } },
        member,
      )
    ).createKnelpunt.knelpunt;
    expect(knelpunt).toMatchObject({ status: 'NEW', version: 1, signalCount: 3, clientCount: 3 });

    type Moved = { transitionKnelpunt: { knelpunt: { status: string; version: number; meeting: { title: string } | null } } };
    const onAgenda = (await run<Moved>('MoveKnelpunt', { input: { knelpuntId: knelpunt.id, to: 'ON_AGENDA', expectedVersion: 1, meetingId: meeting.id } }, member)).transitionKnelpunt.knelpunt;
    expect(onAgenda).toMatchObject({ status: 'ON_AGENDA', version: 2, meeting: { title: `Overlegtafel ${quarter.key}` } });
    const decision = 'Gemeenten Enschede en Hengelo spreken een overbruggingsregeling af voor jongeren die 18 worden.';
    await run('RecordDecision', { input: { knelpuntId: knelpunt.id, text: decision, meetingId: meeting.id } }, member);
    const dueOn = addDays(today(), 90);
    type Added = { addKnelpuntAction: { action: { owner: { id: string; name: string }; status: string; overdue: boolean } } };
    const added = (await run<Added>('AddAction', { input: { knelpuntId: knelpunt.id, description: 'Overbruggingsregeling opstellen en in beide gemeenten vaststellen.', ownerOrganizationId: demoIds.gemeenteOrganization('GM0153'), dueOn } }, member)).addKnelpuntAction.action;
    expect(added).toMatchObject({ owner: { name: 'Gemeente Enschede' }, status: 'OPEN', overdue: false });
    expect((await run<Moved>('MoveKnelpunt', { input: { knelpuntId: knelpunt.id, to: 'ACTION', expectedVersion: 2 } }, member)).transitionKnelpunt.knelpunt.status).toBe('ACTION');
    const feedback = 'Dank voor jullie signalen: er komt een overbruggingsregeling 18-/18+. We melden het resultaat in het volgende kwartaal.';
    await run('GiveFeedback', { knelpuntId: knelpunt.id, text: feedback }, member);

    // 5. Each reporter sees the knelpunt, the decision, the action and the feedback with its own signals only.
    type Mine = { mySignals: { nodes: { id: string; knelpunt: { status: string; signals: { id: string }[]; decisions: { text: string }[]; actions: { dueOn: string }[]; feedback: { text: string }[] } | null }[] } };
    const ocoSignals = (await run<Mine>('MySignalsWithFeedback', {}, oco)).mySignals.nodes.filter((s) => s.id === s1.id || s.id === s2.id);
    expect(ocoSignals).toHaveLength(2);
    for (const s of ocoSignals) {
      expect(s.knelpunt).toMatchObject({ status: 'ACTION', decisions: [{ text: decision }], actions: [{ dueOn }], feedback: [{ text: feedback }] });
      expect(s.knelpunt?.signals.map((x) => x.id).sort()).toEqual([s1.id, s2.id].sort());
    }
    const gemeenteSignals = (await run<Mine>('MySignalsWithFeedback', {}, enschede)).mySignals.nodes;
    const own = gemeenteSignals.find((s) => s.id === s3.id);
    expect(own?.knelpunt?.feedback).toEqual([{ text: feedback }]);
    expect(own?.knelpunt?.signals).toEqual([{ id: s3.id }]);

    // The knelpunt is among the open ones of Twente now.
    const after = (await run<Review>('ReviewQuarter', { region: 'ZK22', quarter: quarter.key }, member)).zorgkantoorregio;
    expect(after.openKnelpunten.map((k) => k.id)).toContain(knelpunt.id);
  });
});
