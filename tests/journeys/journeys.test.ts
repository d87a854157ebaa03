import { readdirSync, readFileSync } from 'node:fs';
import { parse, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationEventSchema } from '@hub/contracts';
import { amsterdamDate, DEMO_CLIENT, demoIds } from '@hub/domain';
import {
  buildIndicatie,
  dataOf,
  demoParty,
  iwlzNotification,
  iwlzTestEnv,
  postIwlzNotification,
  startIndicatieRegister,
  startTestHub,
  TEST_UZOVI,
  type GraphQLResult,
  type Party,
  type TestHub,
  type TestRegister,
} from '@hub/testing';
import { outbox as casesOutbox } from '../../subgraphs/cases/src/db/schema.ts';
import { buildOrg, clientInput, openTrajectory, registerClient } from '../../subgraphs/cases/test/builders.ts';
import { clientsIn, PAST_YEAR } from '../../subgraphs/cases/test/report-builders.ts';
import { findOutboxByTopic } from '../../subgraphs/referrals/src/db/outbox.ts';
import type { Relay } from '../../subgraphs/referrals/src/relay.ts';
import {
  makeClientWithTrajectory,
  recordHandoverConsent,
  REFERRAL_TEST_ENV,
  referralInput,
  relayFor,
  SUMMARY,
} from '../../subgraphs/referrals/test/helpers.ts';
import { periodOfDate, shiftPeriod } from '../../subgraphs/signals/src/periods.ts';
import { addDays, today } from '../../subgraphs/signals/src/validation.ts';
import { outbox as signalsOutbox } from '../../subgraphs/signals/src/db/schema.ts';
import { party } from '../../subgraphs/signals/test/builders.ts';

/**
 * The one runner of tests/journeys/*.graphql: each journey file has a scenario below that executes its operations
 * through the gateway, in the order the file describes, with fitting variables and tokens, and asserts no errors
 * (or the errors the file's header documents) plus what the journey is for. After its scenario, a journey whose
 * operations did not all run fails, and a journey file without a scenario fails: a new file or operation cannot be
 * added without being executed here.
 */

const FOLDER = new URL('./', import.meta.url);
const JOURNEY_FILES = readdirSync(FOLDER)
  .filter((name) => name.endsWith('.graphql'))
  .map((name) => name.slice(0, -'.graphql'.length))
  .sort();

const documentOf = (name: string) => readFileSync(new URL(`${name}.graphql`, FOLDER), 'utf8');
const operationsOf = (name: string) =>
  parse(documentOf(name))
    .definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')
    .map((d) => d.name?.value ?? '(anonymous)');

/** One journey file as the scenario sees it: run one of its operations through the gateway. */
interface Journey {
  run<T = Record<string, unknown>>(operationName: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResult<T>>;
}

let hub: TestHub;
let relay: Relay;
/** The CIZ Indicatieregister of the Wlz journey, with the source token the CIZ notifies the hub with. */
let register: TestRegister;
const CIZ_TOKEN = `ciz-journey-${'x'.repeat(32)}`;
/** `file#Operation` of every operation executed so far. */
const executed = new Set<string>();

beforeAll(async () => {
  // Demo data for the directory and the quarter of Twente; no background relay, so the rejection journey counts its own gap event.
  register = await startIndicatieRegister();
  hub = await startTestHub({
    env: { ...REFERRAL_TEST_ENV, ...iwlzTestEnv(register, demoIds.zorgkantoorOrganization('ZK02'), CIZ_TOKEN, { IWLZ_RETRY_INTERVAL_MS: '0' }) },
    seedDemo: true,
    demoScale: 0.1,
  });
  relay = relayFor(hub);
});
afterAll(async () => {
  await hub?.stop();
  await register?.stop();
});

function journeyOf(name: string): Journey {
  const document = documentOf(name);
  const operations = new Set(operationsOf(name));
  return {
    run(operationName, variables = {}, token) {
      if (!operations.has(operationName)) throw new Error(`${name}.graphql has no operation ${operationName}`);
      executed.add(`${name}#${operationName}`);
      return hub.graphql(document, variables, { token, operationName });
    },
  };
}

/** Runs one operation as a party and returns its data, failing on any error. */
const asParty =
  (journey: Journey) =>
  async <T>(operationName: string, variables: Record<string, unknown>, who: Party): Promise<T> =>
    dataOf<T>(await journey.run(operationName, variables, who.token));

const SCENARIOS: Record<string, (journey: Journey) => Promise<void>> = {
  'half-year-report-to-gemeenten': async (journey) => {
    const provider = await buildOrg(hub, 'OCO');
    const amsterdam = await buildOrg(hub, 'GEMEENTE', { gemeenteCode: 'GM0363' });
    const diemen = await buildOrg(hub, 'GEMEENTE', { gemeenteCode: 'GM0384' });
    const amstelveen = await buildOrg(hub, 'GEMEENTE', { gemeenteCode: 'GM0362' });
    await clientsIn(hub, provider, 'GM0363', 6);
    await clientsIn(hub, provider, 'GM0384', 5);
    await clientsIn(hub, provider, 'GM0362', 7);
    const providerToken = await provider.token(['BELEIDSMEDEWERKER']);
    const run = async <T>(operationName: string, variables: Record<string, unknown>, token: string) =>
      dataOf<T>(await journey.run<T>(operationName, variables, token));
    const commissioners = [
      { org: amsterdam, code: 'GM0363', token: await amsterdam.token(['BELEIDSMEDEWERKER']) },
      { org: diemen, code: 'GM0384', token: await diemen.token(['BELEIDSMEDEWERKER']) },
    ];
    for (const c of commissioners) {
      const recorded = await run<{ recordCommission: { commission: { gemeenteCodes: string[]; provider: { id: string } } } }>(
        'RecordCommission',
        { input: { providerOrganizationId: provider.id, kind: 'CONTRACT', gemeenteCodes: [c.code], validFrom: `${PAST_YEAR}-01-01` } },
        c.token,
      );
      expect(recorded.recordCommission.commission).toMatchObject({ gemeenteCodes: [c.code], provider: { id: provider.id } });
    }
    type Part = { gemeente: { code: string; name: string } | null; figures: { peopleSupported: { value: number | null } } };
    const started = await run<{ startHalfYearReport: { report: { id: string; version: number; status: string; gemeenteParts: Part[] } } }>(
      'StartHalfYearReport',
      { input: { year: PAST_YEAR, half: 2 } },
      providerToken,
    );
    const draft = started.startHalfYearReport.report;
    expect(draft.status).toBe('DRAFT');
    expect(draft.gemeenteParts.map((p) => [p.gemeente?.code, p.figures.peopleSupported.value])).toEqual([
      ['GM0362', 7],
      ['GM0363', 6],
      ['GM0384', 5],
    ]);
    const written = await run<{ updateHalfYearReportNarrative: { report: { version: number } } }>(
      'WriteNarrative',
      {
        input: {
          reportId: draft.id,
          expectedVersion: draft.version,
          observations: 'Meer vragen over schulden en wonen, vooral van ouderen.',
          signalled: 'Wachttijd voor beschermd wonen gemeld bij de overlegtafel.',
          outlook: 'Meer spreekuren in de wijk.',
        },
      },
      providerToken,
    );
    const measured = await run<{ recordSatisfactionMeasurement: { status: { overdue: boolean; dueOn: string } } }>(
      'RecordSatisfactionMeasurement',
      { input: { doneOn: `${PAST_YEAR}-11-15`, method: 'Vragenlijst na afsluiting', respondents: 38 } },
      providerToken,
    );
    expect(measured.recordSatisfactionMeasurement.status).toMatchObject({ overdue: false, dueOn: `${PAST_YEAR + 2}-11-15` });
    const submitted = await run<{ submitHalfYearReport: { report: { status: string; version: number; satisfactionMeasurement: { lastDoneOn: string } } } }>(
      'SubmitHalfYearReport',
      { input: { reportId: draft.id, expectedVersion: written.updateHalfYearReportNarrative.report.version } },
      providerToken,
    );
    expect(submitted.submitHalfYearReport.report).toMatchObject({ status: 'SUBMITTED', satisfactionMeasurement: { lastDoneOn: `${PAST_YEAR}-11-15` } });
    let version = submitted.submitHalfYearReport.report.version;
    for (const [i, c] of commissioners.entries()) {
      const listed = await run<{ commissionedHalfYearReports: { nodes: { id: string }[] } }>('CommissionedReports', {}, c.token);
      expect(listed.commissionedHalfYearReports.nodes.map((n) => n.id)).toEqual([draft.id]);
      const read = await run<{ halfYearReport: { version: number; total: unknown; gemeenteParts: Part[]; narrative: { observations: string } } }>(
        'ReadHalfYearReport',
        { id: draft.id },
        c.token,
      );
      expect(read.halfYearReport.total).toBeNull();
      expect(read.halfYearReport.gemeenteParts.map((p) => p.gemeente?.code)).toEqual([c.code]);
      expect(read.halfYearReport.narrative.observations).toContain('schulden');
      const acknowledged = await run<{ acknowledgeHalfYearReport: { report: { status: string; version: number } } }>(
        'AcknowledgeHalfYearReport',
        { input: { reportId: draft.id, expectedVersion: read.halfYearReport.version } },
        c.token,
      );
      expect(acknowledged.acknowledgeHalfYearReport.report.status).toBe(i === commissioners.length - 1 ? 'ACKNOWLEDGED' : 'SUBMITTED');
      version = acknowledged.acknowledgeHalfYearReport.report.version;
    }
    const stranger = await run<{ halfYearReport: unknown }>('ReadHalfYearReport', { id: draft.id }, await amstelveen.token(['BELEIDSMEDEWERKER']));
    expect(stranger.halfYearReport).toBeNull();
    const strangerList = await run<{ commissionedHalfYearReports: { nodes: unknown[] } }>(
      'CommissionedReports',
      {},
      await amstelveen.token(['BELEIDSMEDEWERKER']),
    );
    expect(strangerList.commissionedHalfYearReports.nodes).toEqual([]);
    const final = await run<{
      halfYearReport: { status: string; version: number; acknowledgements: unknown[]; total: { peopleSupported: { value: number } } };
    }>('ReadHalfYearReport', { id: draft.id }, providerToken);
    expect(final.halfYearReport).toMatchObject({ status: 'ACKNOWLEDGED', version, total: { peopleSupported: { value: 18 } } });
    expect(final.halfYearReport.acknowledgements).toHaveLength(2);
    // The notifications: one REPORT_SUBMITTED to both gemeenten, one REPORT_ACKNOWLEDGED per acknowledgement, in the cases outbox.
    const events = (await hub.database.db.select().from(casesOutbox))
      .map((r) => notificationEventSchema.parse(r.payload))
      .filter((e) => e.item.id === draft.id);
    const submittedEvents = events.filter((e) => e.kind === 'REPORT_SUBMITTED');
    expect(submittedEvents).toHaveLength(1);
    expect([...(submittedEvents[0]?.audience.organizationIds ?? [])].sort()).toEqual([amsterdam.id, diemen.id].sort());
    expect(events.filter((e) => e.kind === 'REPORT_ACKNOWLEDGED').map((e) => e.actorOrganizationId)).toEqual([amsterdam.id, diemen.id]);
  },
  'open-trajectory-and-consent': async (journey) => {
    const gemeente = await buildOrg(hub, 'GEMEENTE', { gemeenteCode: 'GM0363' });
    const zorgkantoor = await buildOrg(hub, 'ZORGKANTOOR', { zorgkantoorregio: 'ZK02' });
    const token = await gemeente.token(['CLIENTONDERSTEUNER']);
    const run = async <T>(operationName: string, variables: Record<string, unknown>) => dataOf(await journey.run<T>(operationName, variables, token));

    const registered = await run<{ registerClient: { client: { id: string; gemeente: { name: string } } } }>('RegisterClient', { input: clientInput() });
    const clientId = registered.registerClient.client.id;
    expect(registered.registerClient.client.gemeente.name).toBe('Amsterdam');
    const opened = await run<{ openTrajectory: { trajectory: { id: string; version: number; status: string; organization: { id: string } } } }>(
      'OpenTrajectory',
      {
        input: {
          clientId,
          legalDomain: 'WMO_MAATWERKVOORZIENING',
          journeyPhase: 'BEFORE_INDICATION',
          hulpvraag: 'Ik red het thuis niet meer alleen.',
          lifeDomains: ['WONEN'],
        },
      },
    );
    expect(opened.openTrajectory.trajectory).toMatchObject({ status: 'OPEN', organization: { id: gemeente.id } });
    const updated = await run<{
      updateTrajectory: { trajectory: { plan: string; contactMoments: { totalCount: number; nodes: { summary: string }[] } } };
    }>('RecordPlanAndContactMoment', {
      input: {
        id: opened.openTrajectory.trajectory.id,
        expectedVersion: opened.openTrajectory.trajectory.version,
        plan: 'Thuis blijven wonen, met dagbesteding twee dagen per week.',
        goals: [{ description: 'Dagbesteding vinden', status: 'OPEN' }],
        supportForms: ['INFORMATIE_EN_ADVIES', 'PERSOONLIJK_PLAN'],
        addContactMoments: [{ occurredAt: new Date().toISOString(), channel: 'IN_PERSON', summary: 'Huisbezoek, plan opgesteld.' }],
      },
    });
    expect(updated.updateTrajectory.trajectory.contactMoments.nodes.map((m) => m.summary)).toEqual(['Huisbezoek, plan opgesteld.']);
    expect(updated.updateTrajectory.trajectory.contactMoments.totalCount).toBe(1);
    const consent = await run<{ recordConsent: { consent: { id: string; status: string } } }>('RecordConsent', {
      input: {
        clientId,
        receivingOrganizationId: zorgkantoor.id,
        categories: ['HANDOVER', 'QUESTION'],
        purpose: 'INTEGRATED_SUPPORT',
        givenBy: 'CLIENT',
        recordedHow: 'VERBAL',
      },
    });
    expect(consent.recordConsent.consent.status).toBe('ACTIVE');
    const view = await run<{ client: { trajectories: { nodes: unknown[] }; consents: { totalCount: number; nodes: { id: string; status: string }[] } } }>(
      'ClientWithConsents',
      { id: clientId },
    );
    expect(view.client.trajectories.nodes).toHaveLength(1);
    expect(view.client.consents.totalCount).toBe(1);
    expect(view.client.consents.nodes).toEqual([expect.objectContaining({ id: consent.recordConsent.consent.id, status: 'ACTIVE' })]);
    // The zorgkantoor now sees the trajectory's hulpvraag, not its plan.
    const zk = await hub.graphql<{ trajectory: { hulpvraag: string | null; plan: string | null } }>(
      `query { trajectory(id: "${opened.openTrajectory.trajectory.id}") { hulpvraag plan } }`,
      undefined,
      { token: await zorgkantoor.token(['ZORGBEMIDDELAAR']) },
    );
    expect(zk.body.data?.trajectory, `HTTP ${zk.status}: ${JSON.stringify(zk.body.errors)}`).toEqual({
      hulpvraag: 'Ik red het thuis niet meer alleen.',
      plan: null,
    });
    expect(zk.body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['trajectory', 'plan'], 'CONSENT_REQUIRED']]);
  },

  consultation: async (journey) => {
    const run = asParty(journey);
    const toegang = await demoParty(hub, 'demo-toegang-amsterdam');
    const oco = await demoParty(hub, 'demo-co-oco');
    const question =
      'Een moeder met twee kinderen heeft schulden en dreigt haar huis te verliezen. Welke route werkt bij u het snelst: schuldhulp via de gemeente of eerst budgetbeheer?';

    // 1. The gemeente asks the demo OCO; no client is named.
    type Asked = {
      askConsultation: { consultation: { id: string; status: string; version: number; askedByYou: boolean; toOrganization: { id: string; type: string } } };
    };
    const asked = (
      await run<Asked>(
        'AskConsultation',
        { input: { toOrganizationId: demoIds.ocoOrganization(0), question, lifeDomains: ['FINANCIEN_EN_SCHULDEN', 'WONEN'], targetGroup: 'JEUGD_EN_GEZIN' } },
        toegang,
      )
    ).askConsultation.consultation;
    expect(asked).toMatchObject({ status: 'OPEN', version: 1, askedByYou: true, toOrganization: { id: demoIds.ocoOrganization(0), type: 'OCO' } });

    // 2. The OCO's cliëntondersteuner finds it in the inbox, with the asking gemeente resolved through the sociale kaart.
    type Inbox = {
      consultationInbox: { totalCount: number; nodes: { id: string; version: number; question: string; fromOrganization: { id: string; type: string } }[] };
    };
    const inbox = (await run<Inbox>('ConsultationInbox', { first: 20 }, oco)).consultationInbox;
    const received = inbox.nodes.find((n) => n.id === asked.id);
    expect(received).toMatchObject({ question, version: 1, fromOrganization: { id: demoIds.gemeenteOrganization('GM0363'), type: 'GEMEENTE' } });

    // 3. It answers with the version it read.
    const answer = 'Begin met een aanmelding bij de schuldhulp van de gemeente; wij kunnen meegaan naar het eerste gesprek.';
    type Answered = { answerConsultation: { consultation: { status: string; version: number; answer: string } } };
    const answered = (await run<Answered>('AnswerConsultation', { input: { id: asked.id, answer, expectedVersion: received?.version } }, oco))
      .answerConsultation.consultation;
    expect(answered).toMatchObject({ status: 'ANSWERED', version: 2, answer });

    // 4. The asker reads the answer; 5. and closes the consultation.
    type Outbox = { consultationOutbox: { nodes: { id: string; status: string; version: number; answer: string | null; toOrganization: { name: string } }[] } };
    const mine = (await run<Outbox>('ConsultationOutbox', {}, toegang)).consultationOutbox.nodes.find((n) => n.id === asked.id);
    expect(mine).toMatchObject({ status: 'ANSWERED', version: 2, answer });
    expect(mine?.toOrganization.name).toBeTruthy();
    type Closed = { closeConsultation: { consultation: { status: string; endedAt: string | null } } };
    const closed = (await run<Closed>('CloseConsultation', { input: { id: asked.id, expectedVersion: 2 } }, toegang)).closeConsultation.consultation;
    expect(closed.status).toBe('CLOSED');
    expect(closed.endedAt).not.toBeNull();
  },
  'knelpunt-learning-loop': async (journey) => {
    const run = asParty(journey);
    const region = 'ZK18';
    const gemeenteCode = 'GM0361';
    const table = await party(hub, { organizationType: 'ZORGKANTOOR', roles: ['OVERLEGTAFEL'], zorgkantoorregio: region });
    const reporter = await party(hub, { organizationType: 'OCO', roles: ['CLIENTONDERSTEUNER'] });
    const current = periodOfDate('QUARTER', today());
    const previous = shiftPeriod(current, -1);
    type Reported = { reportSignal: { signal: { id: string } } };
    const report = async (observedOn: string) =>
      (
        await run<Reported>(
          'ReportSignal',
          { input: { category: 'NO_FITTING_OFFER', targetGroup: 'MANTELZORGERS', gemeenteCode, observedOn, clientCount: 1 } },
          reporter,
        )
      ).reportSignal.signal.id;
    // 1–2. Two signals in the previous quarter, grouped into a knelpunt.
    const grouped = [await report(previous.startsOn), await report(addDays(previous.startsOn, 1))];
    type K = { id: string; status: string; version: number };
    const created = (
      await run<{ createKnelpunt: { knelpunt: K & { theme: { categories: string[]; targetGroups: string[] } } } }>(
        'GroupIntoKnelpunt',
        { input: { zorgkantoorregioCode: region, title: 'Geen respijtzorg voor mantelzorgers', signalIds: grouped } },
        table,
      )
    ).createKnelpunt.knelpunt;
    expect(created.theme).toMatchObject({ categories: ['NO_FITTING_OFFER'], targetGroups: ['MANTELZORGERS'] });
    // 3–5. Decision (today), action, threshold 3.
    await run('RecordDecision', { input: { knelpuntId: created.id, text: 'Het zorgkantoor koopt respijtzorg in.', decidedOn: today() } }, table);
    await run(
      'AddAction',
      { input: { knelpuntId: created.id, description: 'Respijtzorg inkopen', ownerOrganizationId: table.organizationId, dueOn: addDays(today(), 60) } },
      table,
    );
    await run('SetReopenThreshold', { input: { knelpuntId: created.id, threshold: 3 } }, table);
    // 6. On the agenda, to action, resolved with a note.
    const move = async (to: string, expectedVersion: number, extra: Record<string, unknown> = {}) =>
      (
        await run<{ transitionKnelpunt: { knelpunt: K & { resolution: { note: string } | null } } }>(
          'MoveKnelpunt',
          { input: { knelpuntId: created.id, to, expectedVersion, ...extra } },
          table,
        )
      ).transitionKnelpunt.knelpunt;
    await move('ON_AGENDA', 1);
    await move('ACTION', 2);
    const resolved = await move('RESOLVED', 3, { resolutionNote: 'Respijtzorg ingekocht bij twee aanbieders.' });
    expect(resolved).toMatchObject({ status: 'RESOLVED', resolution: { note: 'Respijtzorg ingekocht bij twee aanbieders.' } });
    // The signals come back: three after the resolution reach the threshold.
    const recurred = [await report(today()), await report(today()), await report(today())];
    // 7. Reopened by the hub, in the history; the follow-ups and the trend show it.
    type Loop = {
      knelpunt: {
        status: string;
        version: number;
        history: { nodes: { from: string; to: string; automatic: boolean; reason: string | null; by: { id: string } | null }[] };
        followUpSignals: { totalCount: number; nodes: { id: string }[] };
        trend: { referenceDate: string; quarters: { quarter: string; side: string; signals: number; clients: number; followUpSignals: number }[] };
      };
    };
    const loop = (await run<Loop>('KnelpuntLearningLoop', { id: created.id }, table)).knelpunt;
    expect(loop.status).toBe('ON_AGENDA');
    expect(loop.version).toBe(resolved.version + 1);
    expect(loop.history.nodes.at(-1)).toEqual({ from: 'RESOLVED', to: 'ON_AGENDA', automatic: true, reason: 'SIGNALS_RECURRED', by: null });
    expect(loop.followUpSignals.nodes.map((n) => n.id).sort()).toEqual([...recurred].sort());
    expect(loop.trend.referenceDate).toBe(today());
    expect(loop.trend.quarters).toEqual([
      { quarter: shiftPeriod(current, -2).key, side: 'BEFORE', signals: 0, clients: 0, followUpSignals: 0 },
      { quarter: previous.key, side: 'BEFORE', signals: 2, clients: 2, followUpSignals: 0 },
      { quarter: current.key, side: 'AFTER', signals: 3, clients: 3, followUpSignals: 3 },
    ]);
    // The table is told: KNELPUNT_REOPENED for the overlegtafel (the zorgkantoor acted at the table), ids only.
    const events = (await hub.database.db.select().from(signalsOutbox))
      .map((r) => notificationEventSchema.parse(r.payload))
      .filter((e) => e.item.id === created.id && e.kind === 'KNELPUNT_REOPENED');
    expect(events).toHaveLength(1);
    expect(events[0]?.audience).toEqual({ organizationIds: [table.organizationId], roles: ['OVERLEGTAFEL'] });
  },
  'overlegtafel-quarter-twente': async (journey) => {
    const run = asParty(journey);
    const member = await demoParty(hub, 'demo-overlegtafel-zk22');
    const oco = await demoParty(hub, 'demo-co-oco');
    const enschede = await party(hub, {
      organizationType: 'GEMEENTE',
      roles: ['CLIENTONDERSTEUNER'],
      gemeenteCode: 'GM0153',
      organizationId: demoIds.gemeenteOrganization('GM0153'),
    });
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
        signalSummary: {
          period: string;
          total: { signals: number; withheld: boolean };
          cells: { category: string; signals: number | null }[];
          medianWaitDays: number | null;
          topNoCapacityOrganizations: { organization: { name: string }; signals: number }[];
        }[];
        openKnelpunten: { totalCount: number; nodes: { id: string }[] };
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
    const meeting = (
      await run<{ scheduleOverlegtafelMeeting: { meeting: { id: string } } }>(
        'ScheduleMeeting',
        { input: { zorgkantoorregioCode: 'ZK22', heldOn: today(), title: `Overlegtafel ${quarter.key}` } },
        member,
      )
    ).scheduleOverlegtafelMeeting.meeting;
    type Created = { createKnelpunt: { knelpunt: { id: string; status: string; version: number; signalCount: number; clientCount: number } } };
    const knelpunt = (
      await run<Created>(
        'GroupIntoKnelpunt',
        {
          input: {
            zorgkantoorregioCode: 'ZK22',
            title: 'Jongeren rond 18 vallen tussen Jeugdwet en Wmo',
            description: 'Wie: jongeren van 18. Wat: begeleid wonen. Waar: Enschede en Hengelo.',
            signalIds: picked,
          },
        },
        member,
      )
    ).createKnelpunt.knelpunt;
    expect(knelpunt).toMatchObject({ status: 'NEW', version: 1, signalCount: 3, clientCount: 3 });

    type Moved = { transitionKnelpunt: { knelpunt: { status: string; version: number; meeting: { title: string } | null } } };
    const onAgenda = (
      await run<Moved>('MoveKnelpunt', { input: { knelpuntId: knelpunt.id, to: 'ON_AGENDA', expectedVersion: 1, meetingId: meeting.id } }, member)
    ).transitionKnelpunt.knelpunt;
    expect(onAgenda).toMatchObject({ status: 'ON_AGENDA', version: 2, meeting: { title: `Overlegtafel ${quarter.key}` } });
    const decision = 'Gemeenten Enschede en Hengelo spreken een overbruggingsregeling af voor jongeren die 18 worden.';
    await run('RecordDecision', { input: { knelpuntId: knelpunt.id, text: decision, meetingId: meeting.id } }, member);
    const dueOn = addDays(today(), 90);
    type Added = { addKnelpuntAction: { action: { owner: { id: string; name: string }; status: string; overdue: boolean } } };
    const added = (
      await run<Added>(
        'AddAction',
        {
          input: {
            knelpuntId: knelpunt.id,
            description: 'Overbruggingsregeling opstellen en in beide gemeenten vaststellen.',
            ownerOrganizationId: demoIds.gemeenteOrganization('GM0153'),
            dueOn,
          },
        },
        member,
      )
    ).addKnelpuntAction.action;
    expect(added).toMatchObject({ owner: { name: 'Gemeente Enschede' }, status: 'OPEN', overdue: false });
    expect(
      (await run<Moved>('MoveKnelpunt', { input: { knelpuntId: knelpunt.id, to: 'ACTION', expectedVersion: 2 } }, member)).transitionKnelpunt.knelpunt.status,
    ).toBe('ACTION');
    const feedback = 'Dank voor jullie signalen: er komt een overbruggingsregeling 18-/18+. We melden het resultaat in het volgende kwartaal.';
    await run('GiveFeedback', { knelpuntId: knelpunt.id, text: feedback }, member);

    // 5. Each reporter sees the knelpunt, the decision, the action and the feedback with its own signals only.
    type Mine = {
      mySignals: {
        nodes: {
          id: string;
          knelpunt: {
            status: string;
            signals: { totalCount: number; nodes: { id: string }[] };
            decisions: { nodes: { text: string }[] };
            actions: { nodes: { dueOn: string }[] };
            feedback: { totalCount: number; nodes: { text: string }[] };
          } | null;
        }[];
      };
    };
    const ocoSignals = (await run<Mine>('MySignalsWithFeedback', {}, oco)).mySignals.nodes.filter((s) => s.id === s1.id || s.id === s2.id);
    expect(ocoSignals).toHaveLength(2);
    for (const s of ocoSignals) {
      expect(s.knelpunt).toMatchObject({
        status: 'ACTION',
        decisions: { nodes: [{ text: decision }] },
        actions: { nodes: [{ dueOn }] },
        feedback: { totalCount: 1, nodes: [{ text: feedback }] },
      });
      // Its own two signals of the three, and a count of those two only.
      expect(s.knelpunt?.signals.totalCount).toBe(2);
      expect(s.knelpunt?.signals.nodes.map((x) => x.id).sort()).toEqual([s1.id, s2.id].sort());
    }
    const gemeenteSignals = (await run<Mine>('MySignalsWithFeedback', {}, enschede)).mySignals.nodes;
    const own = gemeenteSignals.find((s) => s.id === s3.id);
    expect(own?.knelpunt?.feedback.nodes).toEqual([{ text: feedback }]);
    expect(own?.knelpunt?.signals).toEqual({ totalCount: 1, nodes: [{ id: s3.id }] });

    // The knelpunt is among the open ones of Twente now.
    const after = (await run<Review>('ReviewQuarter', { region: 'ZK22', quarter: quarter.key }, member)).zorgkantoorregio;
    expect(after.openKnelpunten.nodes.map((k) => k.id)).toContain(knelpunt.id);
    expect(after.openKnelpunten.totalCount).toBe(review.openKnelpunten.totalCount + 1);
  },

  'reject-no-capacity': async (journey) => {
    const run = asParty(journey);
    const gemeente = await demoParty(hub, 'demo-co-amsterdam');
    const zorgkantoor = await demoParty(hub, 'demo-zorgbemiddelaar-zk02');
    const c = await makeClientWithTrajectory(hub, gemeente, 'WMO_MAATWERKVOORZIENING');
    await recordHandoverConsent(hub, gemeente, c.clientId, zorgkantoor.organizationId);
    const gapsBefore = (await findOutboxByTopic(hub.database.db, 'GAP')).length;
    type Sent = { createReferral: { referral: { id: string; version: number } } };
    const sent = (await run<Sent>('SendReferral', { input: referralInput({ ...c, toOrganizationId: zorgkantoor.organizationId }) }, gemeente)).createReferral
      .referral;
    type Rejected = { rejectReferral: { referral: { status: string; rejectionReason: string; blocksTrajectoryClose: boolean } } };
    const rejected = await run<Rejected>(
      'RejectNoCapacity',
      { input: { id: sent.id, expectedVersion: sent.version, reason: 'NO_CAPACITY', note: 'Geen plek voor nieuwe cliënten deze maand.' } },
      zorgkantoor,
    );
    expect(rejected.rejectReferral.referral).toMatchObject({ status: 'REJECTED', rejectionReason: 'NO_CAPACITY', blocksTrajectoryClose: false });

    type Outbox = {
      referrals: { edges: { node: { id: string; rejectionNote: string; timeline: { nodes: { action: string; reasonCode: string | null }[] } } }[] };
    };
    const outbox = await run<Outbox>('SenderOutboxRejections', {}, gemeente);
    const mine = outbox.referrals.edges.find((e) => e.node.id === sent.id)?.node;
    expect(mine?.rejectionNote).toBe('Geen plek voor nieuwe cliënten deze maand.');
    expect(mine?.timeline.nodes.at(-1)).toMatchObject({ action: 'REJECT', reasonCode: 'NO_CAPACITY' });

    await relay.runOnce();
    const gaps = (await findOutboxByTopic(hub.database.db, 'GAP')).slice(gapsBefore);
    expect(gaps).toHaveLength(1);
    expect(gaps[0]?.payload).toMatchObject({
      kind: 'REJECTED',
      reason: 'NO_CAPACITY',
      gemeenteCode: 'GM0363',
      zorgkantoorregioCode: 'ZK02',
      organizationId: zorgkantoor.organizationId,
    });
    expect(JSON.stringify(gaps[0]?.payload)).not.toContain(c.clientId);
    // The signals subgraph runs in this hub: the relay delivered the event there (contract 6), and again is harmless.
    expect(hub.subgraphUrls.signals).toBeTruthy();
    expect(gaps[0]?.lastError).toBeNull();
    expect(gaps[0]?.deliveredAt).toBeInstanceOf(Date);
  },

  'toegang-search-by-gemeente': async (journey) => {
    // Anonymous, as a resident's own search would be.
    const res = await journey.run('ToegangSearchByGemeente', { gemeenteCode: 'GM0363', first: 100 });
    const data = dataOf<{ searchServices: { totalCount: number; edges: { node: { name: string } }[] } }>(res);
    expect(data.searchServices.totalCount).toBeGreaterThan(10);
    expect(data.searchServices.edges).toHaveLength(Math.min(100, data.searchServices.totalCount));
    expect(data.searchServices.edges.map((e) => e.node.name)).toContain('Wijkteam Amsterdam');
  },

  'toegang-service-detail': async (journey) => {
    const found = dataOf<{ searchServices: { edges: { node: { id: string } }[] } }>(
      await hub.graphql(`{ searchServices(text: "wijkteam", filter: { gemeenteCode: "GM0363" }, first: 1) { edges { node { id } } } }`),
    );
    const id = found.searchServices.edges[0]?.node.id;
    expect(id).toBeTruthy();
    type Detail = { service: { name: string; organization: { type: string }; serviceArea: { gemeenten: { code: string }[] } } };
    const { service } = dataOf<Detail>(await journey.run('ToegangServiceDetail', { id }));
    expect(service.name).toBe('Wijkteam Amsterdam');
    expect(service.organization.type).toBe('GEMEENTE');
    expect(service.serviceArea.gemeenten.map((g) => g.code)).toEqual(['GM0363']);
  },

  'view-wlz-trajectory': async (journey) => {
    const gemeente = await buildOrg(hub, 'GEMEENTE', { gemeenteCode: 'GM0363' });
    const zorgkantoor = await buildOrg(hub, 'ZORGKANTOOR', { zorgkantoorregio: 'ZK02' });
    const toegang = await gemeente.token(['TOEGANG']);
    const zkToken = await zorgkantoor.token(['ZORGBEMIDDELAAR']);
    const c = await registerClient(hub, toegang);
    await openTrajectory(hub, toegang, c.id);
    const wlz = await openTrajectory(hub, zkToken, c.id, {
      bsn: c.bsn,
      legalDomain: 'WLZ',
      journeyPhase: 'AFTER_INDICATION',
      supportForms: ['KEUZE_ZORGAANBIEDER_EN_ZORG'],
      wlz: { sector: 'VV', zorgprofiel: '755', leveringsvorm: 'VERBLIJF', wachtstatus: 'ACTIEF_PLAATSEN' },
    });
    type Across = { client: { trajectories: { totalCount: number; nodes: { id: string; legalDomain: string; organization: { type: string } }[] } } };
    type Wlz = { trajectory: { wlz: { zorgprofiel: string } | null; hulpvraag: string | null; organization: { name: string } } | null };
    const run = <T>(operationName: string, variables: Record<string, unknown>, token = toegang) => journey.run<T>(operationName, variables, token);

    const before = dataOf(await run<Across>('ClientAcrossDomains', { id: c.id }));
    expect(before.client.trajectories.nodes.map((t) => t.legalDomain)).toEqual(['WMO_MAATWERKVOORZIENING']);
    expect(before.client.trajectories.totalCount).toBe(1);
    const hidden = await run<Wlz>('WlzTrajectory', { id: wlz.id });
    expect(hidden.body.data?.trajectory ?? null).toBeNull();
    expect(hidden.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    dataOf(
      await run(
        'ZorgkantoorRecordsConsent',
        {
          input: {
            clientId: c.id,
            receivingOrganizationId: gemeente.id,
            categories: ['HANDOVER'],
            purpose: 'INTEGRATED_SUPPORT',
            givenBy: 'CLIENT',
            recordedHow: 'WRITTEN',
          },
        },
        zkToken,
      ),
    );
    const after = dataOf(await run<Across>('ClientAcrossDomains', { id: c.id }));
    expect(after.client.trajectories.totalCount).toBe(2);
    expect(after.client.trajectories.nodes.map((t) => [t.legalDomain, t.organization.type])).toEqual([
      ['WMO_MAATWERKVOORZIENING', 'GEMEENTE'],
      ['WLZ', 'ZORGKANTOOR'],
    ]);
    const shown = await run<Wlz>('WlzTrajectory', { id: wlz.id });
    expect(shown.body.data?.trajectory?.wlz).toEqual({ sector: 'VV', zorgprofiel: '755', leveringsvorm: 'VERBLIJF', wachtstatus: 'ACTIEF_PLAATSEN' });
    expect(shown.body.data?.trajectory?.organization.name).toBeTruthy();
    expect(shown.body.data?.trajectory?.hulpvraag).toBeNull();
    expect(shown.body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['trajectory', 'hulpvraag'], 'CONSENT_REQUIRED']]);
  },

  'warm-handover-wmo-to-wlz': async (journey) => {
    const run = asParty(journey);
    const gemeente = await demoParty(hub, 'demo-co-amsterdam');
    const zorgkantoor = await demoParty(hub, 'demo-zorgbemiddelaar-zk02');
    expect(gemeente.organizationId).toBe(demoIds.gemeenteOrganization('GM0363'));
    const c = await makeClientWithTrajectory(hub, gemeente);
    await recordHandoverConsent(hub, gemeente, c.clientId, zorgkantoor.organizationId);

    type Sent = {
      createReferral: {
        referral: { id: string; version: number; status: string; overdue: boolean; fromOrganization: { name: string }; toOrganization: { name: string } };
      };
    };
    const sent = (await run<Sent>('SendWarmHandover', { input: referralInput({ ...c, toOrganizationId: zorgkantoor.organizationId }) }, gemeente))
      .createReferral.referral;
    expect(sent).toMatchObject({ status: 'REQUESTED', overdue: false });
    expect(sent.fromOrganization.name).toMatch(/Amsterdam/);
    expect(sent.toOrganization.name).toMatch(/zorgkantoor/i);

    type Inbox = {
      referrals: {
        edges: { node: { id: string; version: number; handoverSummary: typeof SUMMARY; client: { id: string } } }[];
      };
    };
    const inbox = await run<Inbox>('ZorgkantoorInbox', {}, zorgkantoor);
    const received = inbox.referrals.edges.find((e) => e.node.id === sent.id)?.node;
    expect(received?.handoverSummary).toEqual(SUMMARY);
    expect(received?.client).toEqual({ id: c.clientId });

    type Changed = Record<string, { referral: { version: number; status: string } & Record<string, unknown> }>;
    let version = sent.version;
    const step = async (op: string, field: string, input: Record<string, unknown>) => {
      const result = await run<Changed>(op, { input: { id: sent.id, expectedVersion: version, ...input } }, zorgkantoor);
      const referral = result[field]?.referral;
      if (!referral) throw new Error(`${op} returned no referral`);
      version = referral.version;
      return referral;
    };
    expect(await step('AcceptHandover', 'acceptReferral', {})).toMatchObject({ status: 'ACCEPTED', toProfessional: { id: 'demo-zorgbemiddelaar-zk02' } });
    // The accepted handover (with its consent active) is the zorgkantoor's relation with the client: no BSN needed.
    type Opened = { openTrajectory: { trajectory: { status: string; legalDomain: string; organization: { id: string } } } };
    const opened = await run<Opened>(
      'ZorgkantoorOpensTrajectory',
      {
        input: {
          clientId: c.clientId,
          handoverReferralId: sent.id,
          legalDomain: 'WLZ',
          journeyPhase: 'AFTER_INDICATION',
          hulpvraag: 'Keuze van een Wlz-zorgaanbieder.',
        },
      },
      zorgkantoor,
    );
    expect(opened.openTrajectory.trajectory).toMatchObject({ status: 'OPEN', legalDomain: 'WLZ', organization: { id: zorgkantoor.organizationId } });
    expect(
      await step('PlanDriegesprek', 'planJointMeeting', {
        plannedAt: '2026-12-03T10:00:00.000Z',
        participants: ['CLIENT', 'NETWORK_MEMBER', 'SENDER', 'RECEIVER'],
      }),
    ).toMatchObject({
      jointMeeting: { plannedAt: '2026-12-03T10:00:00.000Z', participants: ['CLIENT', 'NETWORK_MEMBER', 'SENDER', 'RECEIVER'] },
    });
    expect(await step('StartSupport', 'startReferral', {})).toMatchObject({ status: 'IN_PROGRESS' });
    expect(
      await step('RecordDriegesprek', 'recordJointMeetingOutcome', { outcome: 'HANDOVER_AGREED', outcomeNotes: 'Dochter sluit aan bij vervolg.' }),
    ).toMatchObject({
      jointMeeting: { outcome: 'HANDOVER_AGREED', outcomeNotes: 'Dochter sluit aan bij vervolg.' },
    });
    const completed = await step('CompleteHandover', 'completeReferral', {});
    expect(completed).toMatchObject({ status: 'COMPLETED', regiehouder: 'RECEIVER', blocksTrajectoryClose: false });
    expect((completed.regiehouderOrganization as { id: string }).id).toBe(zorgkantoor.organizationId);

    type FollowUp = {
      referral: { status: string; timeline: { totalCount: number; nodes: { action: string; toStatus: string; actorOrganization: { name: string } | null }[] } };
    };
    const followUp = await run<FollowUp>('SenderFollowsUp', { id: sent.id }, gemeente);
    expect(followUp.referral.timeline.totalCount).toBe(6);
    expect(followUp.referral.timeline.nodes.map((t) => `${t.action}:${t.toStatus}`)).toEqual([
      'CREATE:REQUESTED',
      'ACCEPT:ACCEPTED',
      'PLAN_JOINT_MEETING:ACCEPTED',
      'START:IN_PROGRESS',
      'RECORD_JOINT_MEETING_OUTCOME:IN_PROGRESS',
      'COMPLETE:COMPLETED',
    ]);
    expect(followUp.referral.timeline.nodes[1]?.actorOrganization?.name).toMatch(/zorgkantoor/i);
  },
  'informal-to-formal': async (journey) => {
    const run = asParty(journey);
    const welzijn = await buildOrg(hub, 'WELZIJN', { gemeenteCode: 'GM0363' });
    const oco = await buildOrg(hub, 'OCO');
    const volunteer: Party = { organizationId: welzijn.id, token: await welzijn.token() };
    const professional: Party = { organizationId: oco.id, token: await oco.token() };
    const c = await makeClientWithTrajectory(hub, volunteer, 'WMO_ALGEMENE_VOORZIENING');
    await recordHandoverConsent(hub, volunteer, c.clientId, oco.id);
    // The light summary: situation, question and the client's wishes; the other parts are left out.
    const light = { situation: SUMMARY.situation, question: SUMMARY.question, clientWishes: SUMMARY.clientWishes };
    type Sent = {
      createReferral: { referral: { id: string; kind: string; status: string; version: number; senderStaysInvolved: boolean; blocksTrajectoryClose: boolean } };
    };
    const sent = (
      await run<Sent>(
        'SendLightHandover',
        { input: referralInput({ ...c, toOrganizationId: oco.id }, { kind: 'INFORMAL_TO_FORMAL', handoverSummary: light }) },
        volunteer,
      )
    ).createReferral.referral;
    expect(sent).toMatchObject({ kind: 'INFORMAL_TO_FORMAL', status: 'REQUESTED', senderStaysInvolved: true, blocksTrajectoryClose: false });

    type Read = { referral: { handoverSummary: Record<string, string> } };
    const read = await run<Read>('ProfessionalReadsLightSummary', { id: sent.id }, professional);
    expect(read.referral.handoverSummary).toEqual({ ...light, whatWasDone: '', agreements: '', openActions: '', network: '', risks: '' });

    let version = sent.version;
    const step = async <T extends { version: number }>(op: string, field: string, input: Record<string, unknown> = {}) => {
      const data = await run<Record<string, { referral: T }>>(op, { input: { id: sent.id, expectedVersion: version, ...input } }, professional);
      const referral = data[field]?.referral;
      if (!referral) throw new Error(`${op} returned no referral`);
      version = referral.version;
      return referral;
    };
    expect(await step('ProfessionalAccepts', 'acceptReferral')).toMatchObject({ status: 'ACCEPTED' });
    expect(await step('ProfessionalStarts', 'startReferral')).toMatchObject({ status: 'IN_PROGRESS', blocksTrajectoryClose: false });

    // The volunteer's own trajectory may close while the professional carries on: the light handover does not block it.
    type Closed = { closeTrajectory: { trajectory: { status: string } } };
    const closed = await run<Closed>(
      'VolunteerClosesOwnTrajectory',
      { input: { id: c.trajectoryId, expectedVersion: c.trajectoryVersion, reason: 'HANDED_OVER', outcomes: { selfReliance: [], ownNetworkUsed: true } } },
      volunteer,
    );
    expect(closed.closeTrajectory.trajectory.status).toBe('CLOSED');

    const completed = await step<{ version: number; status: string; regiehouder: string; regiehouderOrganization: { id: string } }>(
      'ProfessionalCompletes',
      'completeReferral',
    );
    expect(completed).toMatchObject({ status: 'COMPLETED', regiehouder: 'SENDER', regiehouderOrganization: { id: welzijn.id } });

    type Progress = {
      referral: {
        status: string;
        senderStaysInvolved: boolean;
        regiehouder: string;
        timeline: { totalCount: number; nodes: { action: string; toStatus: string; actorOrganization: { id: string } | null }[] };
      };
    };
    const progress = (await run<Progress>('VolunteerFollowsProgress', { id: sent.id }, volunteer)).referral;
    expect(progress).toMatchObject({ status: 'COMPLETED', senderStaysInvolved: true, regiehouder: 'SENDER' });
    expect(progress.timeline.nodes.map((n) => `${n.action}:${n.toStatus}`)).toEqual([
      'CREATE:REQUESTED',
      'ACCEPT:ACCEPTED',
      'START:IN_PROGRESS',
      'COMPLETE:COMPLETED',
    ]);
    expect(progress.timeline.nodes.at(-1)?.actorOrganization?.id).toBe(oco.id);
  },

  'vast-gezicht-handover': async (journey) => {
    const run = asParty(journey);
    const oco = await buildOrg(hub, 'OCO');
    const zk = await buildOrg(hub, 'ZORGKANTOOR', { zorgkantoorregio: 'ZK02' });
    const sender: Party = { organizationId: oco.id, token: await oco.token(['CLIENTONDERSTEUNER'], 'oco-sanne') };
    const receiver: Party = { organizationId: zk.id, token: await zk.token(['ZORGBEMIDDELAAR']) };
    const client = await registerClient(hub, sender.token);
    const t = await openTrajectory(hub, sender.token, client.id);
    const person = {
      userId: 'oco-sanne',
      name: 'Sanne de Vries',
      formality: 'FORMAL',
      workPhone: '020-5551234',
      workEmail: 'sanne.devries@oco.example',
      availability: 'ma, di en do 9–17 uur',
    };
    type Named = { setTrajectoryCounsellor: { trajectory: { version: number; counsellor: Record<string, unknown> } } };
    const named = await run<Named>('NameVastGezicht', { input: { id: t.id, expectedVersion: t.version, counsellor: person } }, sender);
    expect(named.setTrajectoryCounsellor.trajectory.counsellor).toEqual({ ...person, role: 'CLIENTONDERSTEUNER' });
    await recordHandoverConsent(hub, sender, client.id, receiver.organizationId);

    const { formality: _formality, ...carried } = person;
    type Sent = { createReferral: { referral: { id: string; version: number; sameCounsellorContinues: boolean; continuingCounsellor: unknown } } };
    const sent = (
      await run<Sent>(
        'SendHandoverSameCounsellor',
        {
          input: referralInput(
            { clientId: client.id, trajectoryId: t.id, toOrganizationId: receiver.organizationId },
            { kind: 'WMO_TO_WLZ', sameCounsellorContinues: true },
          ),
        },
        sender,
      )
    ).createReferral.referral;
    // The person as the sender's trajectory names them, not as the input could claim.
    expect(sent).toMatchObject({ sameCounsellorContinues: true, continuingCounsellor: carried });

    type Seen = { referral: { version: number; sameCounsellorContinues: boolean; continuingCounsellor: unknown } };
    const seen = await run<Seen>('ZorgkantoorSeesContinuingCounsellor', { id: sent.id }, receiver);
    expect(seen.referral).toMatchObject({ sameCounsellorContinues: true, continuingCounsellor: carried });
    const accepted = await run<{ acceptReferral: { referral: { status: string } } }>(
      'ZorgkantoorAccepts',
      { input: { id: sent.id, expectedVersion: seen.referral.version } },
      receiver,
    );
    expect(accepted.acceptReferral.referral.status).toBe('ACCEPTED');

    type Opened = { openTrajectory: { trajectory: { id: string; legalDomain: string; counsellor: Record<string, unknown> } } };
    const opened = await run<Opened>(
      'ZorgkantoorOpensTrajectoryFromHandover',
      {
        input: {
          clientId: client.id,
          handoverReferralId: sent.id,
          legalDomain: 'WLZ',
          journeyPhase: 'AFTER_INDICATION',
          hulpvraag: 'Keuze van een Wlz-zorgaanbieder, met dezelfde cliëntondersteuner.',
        },
      },
      receiver,
    );
    // The continuing person, not the zorgbemiddelaar who opened it, is the new trajectory's counsellor.
    expect(opened.openTrajectory.trajectory.counsellor).toEqual({ ...carried, role: 'CLIENTONDERSTEUNER' });

    const clientToken = await hub.clientTokenFor({ bsn: client.bsn });
    type Mine = {
      mySupport: { trajectories: { nodes: { id: string; legalDomain: string; contactPerson: Record<string, unknown> & { organization: { id: string } } }[] } };
    };
    const mine = dataOf<Mine>(await journey.run<Mine>('ClientSeesVastGezicht', {}, clientToken));
    const wlz = mine.mySupport.trajectories.nodes.find((n) => n.id === opened.openTrajectory.trajectory.id);
    expect(wlz?.contactPerson).toMatchObject({
      name: person.name,
      role: 'CLIENTONDERSTEUNER',
      workPhone: person.workPhone,
      workEmail: person.workEmail,
      availability: person.availability,
      organization: { id: zk.id },
    });
  },
  'wijsplicht-toegang': async (journey) => {
    const run = asParty(journey);
    const gemeente = await buildOrg(hub, 'GEMEENTE', { gemeenteCode: 'GM0363' });
    const toegang: Party = { organizationId: gemeente.id, token: await gemeente.token(['TOEGANG'], 'toegang-jan') };
    const client = await registerClient(hub, toegang.token);
    type Opened = { openTrajectory: { trajectory: { id: string; version: number; legalDomain: string } } };
    const opened = (
      await run<Opened>(
        'ToegangOpensMelding',
        {
          input: {
            clientId: client.id,
            legalDomain: 'WMO_MAATWERKVOORZIENING',
            journeyPhase: 'BEFORE_INDICATION',
            hulpvraag: 'Melding: hulp in het huishouden nodig.',
          },
        },
        toegang,
      )
    ).openTrajectory.trajectory;
    const today = amsterdamDate(new Date());
    type Recorded = { recordWijsplicht: { trajectory: { version: number; wijsplicht: Record<string, unknown> } } };
    const recorded = await run<Recorded>(
      'RecordWijsplicht',
      { input: { id: opened.id, expectedVersion: opened.version, pointedOn: today, outcome: 'ACCEPTED', note: 'Folder meegegeven.' } },
      toegang,
    );
    expect(recorded.recordWijsplicht.trajectory.version).toBe(opened.version + 1);
    expect(recorded.recordWijsplicht.trajectory.wijsplicht).toMatchObject({
      pointedOn: today,
      pointedByUserId: 'toegang-jan',
      outcome: 'ACCEPTED',
      note: 'Folder meegegeven.',
    });
    const read = await run<{ trajectory: { wijsplicht: unknown } }>('ReadWijsplicht', { id: opened.id }, toegang);
    expect(read.trajectory.wijsplicht).toEqual({ pointedOn: today, pointedByUserId: 'toegang-jan', outcome: 'ACCEPTED', note: 'Folder meegegeven.' });
  },
  'ciz-indicatie-to-oco': async (journey) => {
    const run = asParty(journey);
    const klantadviseur = await demoParty(hub, 'demo-zorgbemiddelaar-zk02');
    const oco = await demoParty(hub, 'demo-co-oco');

    // Before the indicatie: the OCO already supports the client in the Wmo, with Ellen as the vast gezicht.
    const indicatie = buildIndicatie(TEST_UZOVI);
    const ellen = {
      userId: 'demo-co-oco',
      name: 'Ellen Bakker',
      formality: 'FORMAL',
      workPhone: '030-5557788',
      workEmail: 'e.bakker@oco.example',
      availability: 'ma, wo en vr 9–16 uur',
    };
    const known = await registerClient(hub, oco.token, {
      bsn: indicatie.bsn,
      name: { givenName: 'Wilhelmina Johanna', namePrefix: 'de', familyName: 'Registerman' },
    });
    type OpenedWithCounsellor = { openTrajectory: { trajectory: { id: string; legalDomain: string; counsellor: Record<string, unknown> } } };
    const wmo = (
      await run<OpenedWithCounsellor>(
        'OcoOpentWmoTraject',
        {
          input: {
            clientId: known.id,
            legalDomain: 'WMO_MAATWERKVOORZIENING',
            journeyPhase: 'BEFORE_INDICATION',
            hulpvraag: 'Wonen en zorg thuis lukt niet meer; wat past bij mij?',
            counsellor: ellen,
          },
        },
        oco,
      )
    ).openTrajectory.trajectory;
    expect(wmo.counsellor).toMatchObject({ name: 'Ellen Bakker', workPhone: ellen.workPhone });

    // The CIZ notifies (ids only); the hub pulls the indicatie from the register before it answers.
    register.indicaties.push(indicatie);
    const notified = await postIwlzNotification(hub, iwlzNotification(indicatie.wlzindicatieID), CIZ_TOKEN);
    expect(notified, JSON.stringify(notified.body)).toMatchObject({ status: 201, body: { status: 'STORED' } });

    type Worklist = {
      wlzIndicatieWorklist: {
        nodes: {
          id: string;
          version: number;
          wlzIndicatieId: string;
          zorgprofiel: string;
          leveringsvorm: string;
          overdue: boolean;
          client: { id: string; name: { familyName: string } };
          trajectory: { id: string };
        }[];
      };
    };
    const item = (await run<Worklist>('NieuweIndicaties', {}, klantadviseur)).wlzIndicatieWorklist.nodes.find(
      (i) => i.wlzIndicatieId === indicatie.wlzindicatieID,
    );
    expect(item).toMatchObject({ zorgprofiel: '754', leveringsvorm: 'VPT', overdue: false, client: { name: { familyName: 'Registerman' } } });
    if (!item) return;

    const contacted = await run<{ recordIndicatieContact: { item: { version: number; contactedAt: string } } }>(
      'ContactGehad',
      { input: { id: item.id, expectedVersion: item.version } },
      klantadviseur,
    );
    expect(contacted.recordIndicatieContact.item.contactedAt).not.toBeNull();

    type Chosen = {
      recordIndicatieChoice: {
        item: { version: number; status: string; choice: { choice: string; consent: { id: string; status: string; purpose: string } } };
      };
    };
    const chosen = (
      await run<Chosen>(
        'KeuzeOco',
        {
          input: {
            id: item.id,
            expectedVersion: contacted.recordIndicatieContact.item.version,
            choice: 'OCO',
            ocoOrganizationId: oco.organizationId,
            consent: { givenBy: 'CLIENT', recordedHow: 'VERBAL' },
          },
        },
        klantadviseur,
      )
    ).recordIndicatieChoice.item;
    expect(chosen).toMatchObject({ status: 'DONE', choice: { choice: 'OCO', consent: { status: 'ACTIVE', purpose: 'WARM_HANDOVER' } } });

    type Sent = { createReferral: { referral: { id: string; kind: string; status: string; toOrganization: { id: string } } } };
    const sent = (
      await run<Sent>(
        'WarmeOverdrachtNaarOco',
        {
          input: {
            idempotencyKey: `wlz-indicatie-${item.id}`,
            kind: 'TO_OCO',
            clientId: item.client.id,
            sourceTrajectoryId: item.trajectory.id,
            toOrganizationId: oco.organizationId,
            consentId: chosen.choice.consent.id,
            supportFormsRequested: ['KEUZE_ZORGAANBIEDER_EN_ZORG'],
            question: 'De cliënt kiest onafhankelijke cliëntondersteuning na de nieuwe Wlz-indicatie.',
            handoverSummary: SUMMARY,
          },
        },
        klantadviseur,
      )
    ).createReferral.referral;
    expect(sent).toMatchObject({ kind: 'TO_OCO', status: 'REQUESTED', toOrganization: { id: oco.organizationId } });

    const linked = await run<{ linkIndicatieHandover: { item: { handover: { id: string; status: string } } } }>(
      'OverdrachtKoppelen',
      { input: { id: item.id, expectedVersion: chosen.version, referralId: sent.id } },
      klantadviseur,
    );
    expect(linked.linkIndicatieHandover.item.handover).toEqual({ id: sent.id, status: 'REQUESTED' });

    const inbox = await run<{ referrals: { nodes: { id: string; version: number }[] } }>('OcoInbox', {}, oco);
    const received = inbox.referrals.nodes.find((r) => r.id === sent.id);
    expect(received).toBeDefined();
    const accepted = await run<{ acceptReferral: { referral: { status: string } } }>(
      'OcoAccepteert',
      { input: { id: sent.id, expectedVersion: received?.version ?? 0 } },
      oco,
    );
    expect(accepted.acceptReferral.referral.status).toBe('ACCEPTED');

    const after = await run<{ wlzIndicatieItem: { status: string; handover: { status: string; toOrganization: { id: string } } } }>(
      'IndicatieNaOverdracht',
      { id: item.id },
      klantadviseur,
    );
    expect(after.wlzIndicatieItem).toMatchObject({ status: 'DONE', handover: { status: 'ACCEPTED', toOrganization: { id: oco.organizationId } } });

    // The worklist linked the indicatie to the client the OCO already knew, not to a second registration.
    expect(item.client.id).toBe(known.id);
    // The OCO takes the Wlz support on from the handover with the same person: the vast gezicht stays.
    const wlz = (
      await run<OpenedWithCounsellor>(
        'OcoOpentWlzTrajectVanuitOverdracht',
        {
          input: {
            clientId: known.id,
            handoverReferralId: sent.id,
            legalDomain: 'WLZ',
            journeyPhase: 'AFTER_INDICATION',
            hulpvraag: 'Kiezen tussen zorg thuis (vpt) en een plek in een verpleeghuis.',
            counsellor: ellen,
          },
        },
        oco,
      )
    ).openTrajectory.trajectory;
    const { formality: _formality, ...ellenAtWork } = ellen;
    expect(wlz).toMatchObject({ legalDomain: 'WLZ', counsellor: { ...ellenAtWork, role: 'CLIENTONDERSTEUNER' } });

    // The client sees the same person, with her work contacts, on both trajectories at the OCO.
    const clientToken = await hub.clientTokenFor({ bsn: indicatie.bsn });
    type Mine = { mySupport: { trajectories: { nodes: { id: string; contactPerson: Record<string, unknown> & { organization: { id: string } } }[] } } };
    const mine = dataOf<Mine>(await journey.run<Mine>('ClientZietVastGezicht', {}, clientToken));
    for (const id of [wmo.id, wlz.id]) {
      expect(mine.mySupport.trajectories.nodes.find((t) => t.id === id)?.contactPerson, id).toMatchObject({
        name: 'Ellen Bakker',
        workPhone: ellen.workPhone,
        workEmail: ellen.workEmail,
        availability: ellen.availability,
        organization: { id: oco.organizationId },
      });
    }
  },
  'client-my-support': async (journey) => {
    const token = await hub.clientTokenFor({ subject: DEMO_CLIENT.subject, name: DEMO_CLIENT.name, bsn: DEMO_CLIENT.bsn });
    const run = async <T>(operationName: string, variables: Record<string, unknown> = {}) => dataOf<T>(await journey.run<T>(operationName, variables, token));
    type Mine = {
      mySupport: {
        name: { givenName: string };
        actingAs: string;
        trajectories: { totalCount: number; nodes: { legalDomain: string; organization: { id: string }; contactPerson: { name: string } }[] };
        consents: { totalCount: number };
      };
    };
    const mine = await run<Mine>('MySupport');
    expect(mine.mySupport).toMatchObject({ name: { givenName: 'Anna' }, actingAs: 'CLIENT' });
    // Demo client 0 has a Wmo trajectory at the gemeente and a Wlz trajectory at the zorgkantoor.
    expect(mine.mySupport.trajectories.nodes.map((t) => t.organization.id).sort()).toEqual(
      [demoIds.gemeenteOrganization('GM0363'), demoIds.zorgkantoorOrganization('ZK02')].sort(),
    );
    expect(mine.mySupport.trajectories.nodes.find((t) => t.legalDomain === 'WLZ')?.contactPerson.name).toBe('Petra Jansen');
    const given = await run<{ giveConsent: { consent: { id: string; version: number; status: string; givenBy: string; recordedHow: string } } }>(
      'GiveConsent',
      {
        input: {
          sharingOrganizationId: demoIds.gemeenteOrganization('GM0363'),
          receivingOrganizationId: demoIds.ocoOrganization(0),
          categories: ['IDENTITY', 'CONTACT'],
          purpose: 'INTEGRATED_SUPPORT',
        },
      },
    );
    expect(given.giveConsent.consent).toMatchObject({ status: 'ACTIVE', givenBy: 'CLIENT', recordedHow: 'DIGITAL' });
    const revoked = await run<{ revokeMyConsent: { consent: { status: string } } }>('RevokeMyConsent', {
      input: { id: given.giveConsent.consent.id, expectedVersion: given.giveConsent.consent.version },
    });
    expect(revoked.revokeMyConsent.consent.status).toBe('REVOKED');
    const looked = await run<{ mySupport: { accessLog: { nodes: { action: string; role: string; authorizationGround: string }[] } } }>('WhoLookedAtMyData');
    expect(looked.mySupport.accessLog.nodes.some((l) => l.role === 'CLIENT' && l.action === 'CREATE' && l.authorizationGround === 'CLIENT_SELF')).toBe(true);
    const download = await run<{ myDataExport: { fileName: string; json: string } }>('DownloadMyData');
    expect(JSON.parse(download.myDataExport.json)).toMatchObject({ client: { givenName: 'Anna' } });
    expect(download.myDataExport.json).not.toContain(DEMO_CLIENT.bsn);
  },
};

describe('journeys (tests/journeys/*.graphql)', () => {
  it('has a scenario for every journey file, and no scenario without its file', () => {
    expect(JOURNEY_FILES.length).toBeGreaterThanOrEqual(7);
    expect(Object.keys(SCENARIOS).sort()).toEqual(JOURNEY_FILES);
  });

  it.each(JOURNEY_FILES)('%s: every operation runs through the gateway', async (name) => {
    const scenario = SCENARIOS[name];
    if (!scenario) throw new Error(`tests/journeys/${name}.graphql has no scenario in tests/journeys/journeys.test.ts`);
    await scenario(journeyOf(name));
    const notRun = operationsOf(name).filter((operation) => !executed.has(`${name}#${operation}`));
    expect(notRun, `operations of ${name}.graphql the scenario did not run`).toEqual([]);
  });
});
