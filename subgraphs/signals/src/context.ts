import DataLoader from 'dataloader';
import type { SignalsSettings } from '@hub/config';
import type { Db } from '@hub/db';
import { byKey, groupBy, type SubgraphContext } from '@hub/service-kit';
import { findConsultationsByIds, type ConsultationRow } from './db/consultations.ts';
import * as q from './db/queries.ts';
import type { PeerClient } from './peers.ts';
import { computeSummaries, specKey, type Summary, type SummarySpec } from './summaries.ts';

const same = <T>(r: T) => r;

/** Fresh loaders per request: batching within the request, nothing cached across requests. */
function createLoaders(db: Db) {
  const summaryLoaders = new Map<string, DataLoader<string, Summary[]>>();
  const regionOfGemeente = new DataLoader<string, string | null>(async (codes) =>
    byKey(codes, await q.findRegionsOfGemeenten(db, codes), (r) => r.gemeenteCode).map((r) => r?.zorgkantoorregioCode ?? null),
  );
  return {
    signal: new DataLoader<string, q.SignalRow | null>(async (ids) => byKey(ids, await q.findSignalsByIds(db, ids), (r) => r.id)),
    knelpuntIdOfSignal: new DataLoader<string, string | null>(async (ids) =>
      byKey(ids, await q.findKnelpuntLinksBySignalIds(db, ids), (r) => r.signalId).map((r) => r?.knelpuntId ?? null),
    ),
    consultation: new DataLoader<string, ConsultationRow | null>(async (ids) => byKey(ids, await findConsultationsByIds(db, ids), (r) => r.id)),
    knelpunt: new DataLoader<string, q.KnelpuntRow | null>(async (ids) => byKey(ids, await q.findKnelpuntenByIds(db, ids), (r) => r.id)),
    signalsOfKnelpunt: new DataLoader<string, q.SignalRow[]>(async (ids) =>
      groupBy(
        ids,
        await q.findSignalsByKnelpuntIds(db, ids),
        (r) => r.knelpuntId,
        (r) => r.signal,
      ),
    ),
    followUpsOfKnelpunt: new DataLoader<string, q.SignalRow[]>(async (ids) =>
      groupBy(
        ids,
        await q.findFollowUpsByKnelpuntIds(db, ids),
        (r) => r.knelpuntId,
        (r) => r.signal,
      ),
    ),
    overlegtafelByRegion: new DataLoader<string, q.OverlegtafelRow | null>(async (codes) =>
      byKey(codes, await q.findOverlegtafelsByRegions(db, codes), (r) => r.zorgkantoorregioCode),
    ),
    overlegtafel: new DataLoader<string, q.OverlegtafelRow | null>(async (ids) => byKey(ids, await q.findOverlegtafelsByIds(db, ids), (r) => r.id)),
    membersOf: new DataLoader<string, string[]>(async (ids) =>
      groupBy(
        ids,
        await q.findMembersByOverlegtafelIds(db, ids),
        (r) => r.overlegtafelId,
        (r) => r.organizationId,
      ),
    ),
    meetingsOf: new DataLoader<string, q.MeetingRow[]>(async (ids) =>
      groupBy(ids, await q.findMeetingsByOverlegtafelIds(db, ids), (r) => r.overlegtafelId, same),
    ),
    meeting: new DataLoader<string, q.MeetingRow | null>(async (ids) => byKey(ids, await q.findMeetingsByIds(db, ids), (r) => r.id)),
    knelpuntenOf: new DataLoader<string, q.KnelpuntRow[]>(async (ids) =>
      groupBy(ids, await q.findKnelpuntenByOverlegtafelIds(db, ids), (r) => r.overlegtafelId, same),
    ),
    decisionsOf: new DataLoader<string, q.DecisionRow[]>(async (ids) => groupBy(ids, await q.findDecisionsByKnelpuntIds(db, ids), (r) => r.knelpuntId, same)),
    actionsOf: new DataLoader<string, q.ActionRow[]>(async (ids) => groupBy(ids, await q.findActionsByKnelpuntIds(db, ids), (r) => r.knelpuntId, same)),
    action: new DataLoader<string, q.ActionRow | null>(async (ids) => byKey(ids, await q.findActionsByIds(db, ids), (r) => r.id)),
    feedbackOf: new DataLoader<string, q.FeedbackRow[]>(async (ids) => groupBy(ids, await q.findFeedbackByKnelpuntIds(db, ids), (r) => r.knelpuntId, same)),
    transitionsOf: new DataLoader<string, q.TransitionRow[]>(async (ids) =>
      groupBy(ids, await q.findTransitionsByKnelpuntIds(db, ids), (r) => r.knelpuntId, same),
    ),
    regionOfGemeente,
    /** Summaries per scope for one spec; every scope asked for in a request shares one batch of statements. */
    summaries(spec: SummarySpec): DataLoader<string, Summary[]> {
      const key = specKey(spec);
      let loader = summaryLoaders.get(key);
      if (!loader) {
        loader = new DataLoader<string, Summary[]>(async (scopes) => {
          const regionOf = new Map<string, string>();
          if (spec.kind === 'REGION') for (const s of scopes) regionOf.set(s, s);
          else {
            const regions = await regionOfGemeente.loadMany(scopes);
            scopes.forEach((s, i) => {
              const r = regions[i];
              if (typeof r === 'string') regionOf.set(s, r);
            });
          }
          const byScope = await computeSummaries(db, spec, scopes, regionOf);
          return scopes.map((s) => byScope.get(s) ?? []);
        });
        summaryLoaders.set(key, loader);
      }
      return loader;
    },
  };
}
type Loaders = ReturnType<typeof createLoaders>;

export interface Context extends SubgraphContext {
  loaders: Loaders;
  /** The other subgraphs' internal endpoints this one calls (the sociale kaart's organisation facts). */
  peers: PeerClient;
  /** The regions whose overlegtafel lists the caller's organisation; looked up once per request. */
  memberRegions: () => Promise<Set<string>>;
  /** When a resolved knelpunt reopens (SIGNALS_REOPEN_WINDOW_DAYS, SIGNALS_REOPEN_THRESHOLD). */
  settings: SignalsSettings;
}

export function createContext(base: SubgraphContext, peers: PeerClient, settings: SignalsSettings): Context {
  let regions: Promise<Set<string>> | undefined;
  const { caller, db } = base;
  return {
    ...base,
    loaders: createLoaders(db),
    peers,
    settings,
    memberRegions: () =>
      (regions ??= caller.kind === 'user' ? q.findMemberRegions(db, caller.organizationId).then((r) => new Set(r)) : Promise.resolve(new Set())),
  };
}
