import { randomUUID } from 'node:crypto';
import type { Party, TestHub } from '@hub/testing';
import type { NewSignal } from '../src/db/queries.ts';
import { action, decision, feedback, knelpunt, knelpuntSignal, knelpuntTransition, meeting, signal } from '../src/db/schema.ts';
import { overlegtafelIdOf } from '../src/reference-data.ts';

export { dataOf, errorCodes, type Party } from '@hub/testing';

/** Small builders for the signals tests; every test makes its own data, usually in a region of its own. */

export async function party(hub: TestHub, claims: Parameters<TestHub['tokenFor']>[0] & { organizationId?: string }): Promise<Party> {
  const organizationId = claims.organizationId ?? randomUUID();
  return { organizationId, token: await hub.tokenFor({ ...claims, organizationId }) };
}

/** The region's zorgkantoor acting as overlegtafel member (it always takes part). */
export const chair = (hub: TestHub, region: string) =>
  party(hub, { organizationType: 'ZORGKANTOOR', roles: ['OVERLEGTAFEL', 'ZORGBEMIDDELAAR'], zorgkantoorregio: region });

export const professional = (hub: TestHub, type: 'OCO' | 'GEMEENTE' = 'OCO', gemeenteCode?: string) =>
  party(hub, { organizationType: type, roles: ['CLIENTONDERSTEUNER'], ...(gemeenteCode ? { gemeenteCode } : {}) });

/** Inserts signals straight into this subgraph's table: the quickest way to a known aggregate. */
export async function insertSignals(hub: TestHub, rows: Partial<NewSignal>[]): Promise<string[]> {
  const full: NewSignal[] = rows.map((r) => ({
    id: randomUUID(),
    source: 'REPORTED',
    category: 'NO_CAPACITY',
    observedOn: '2025-08-15',
    clientCount: 1,
    ...r,
  }));
  if (full.length > 0) await hub.database.db.insert(signal).values(full);
  return full.map((r) => r.id);
}

/**
 * Inserts a knelpunt of the region with `n` signals, decisions, actions, feedback messages and changes of state,
 * straight into this subgraph's tables; each list's texts (`<title> decision 03`, …) and times are numbered in the
 * order the API lists them, so a test can check a page by its texts.
 */
export async function insertKnelpunt(
  hub: TestHub,
  region: string,
  options: { title: string; n: number; createdAt?: Date; status?: 'NEW' | 'ON_AGENDA' | 'ACTION' | 'RESOLVED' | 'NOT_RESOLVABLE'; gemeenteCode?: string },
): Promise<{ id: string; signalIds: string[] }> {
  const { title, n } = options;
  const db = hub.database.db;
  const id = randomUUID();
  const by = randomUUID();
  const label = (what: string, i: number) => `${title} ${what} ${String(i).padStart(2, '0')}`;
  const at = (i: number) => new Date(Date.UTC(2025, 8, 1, 9, 0, i));
  await db.insert(knelpunt).values({
    id,
    overlegtafelId: overlegtafelIdOf(region),
    title,
    status: options.status ?? 'ACTION',
    createdByOrganizationId: by,
    ...(options.createdAt ? { createdAt: options.createdAt } : {}),
  });
  // Newest observed first: signal 0 is observed last.
  const signalIds = await insertSignals(
    hub,
    Array.from({ length: n }, (_, i) => ({
      zorgkantoorregioCode: region,
      gemeenteCode: options.gemeenteCode,
      observedOn: new Date(Date.UTC(2025, 7, 28 - i)).toISOString().slice(0, 10),
    })),
  );
  if (n === 0) return { id, signalIds };
  const numbers = Array.from({ length: n }, (_, i) => i);
  await db.insert(knelpuntSignal).values(signalIds.map((signalId) => ({ signalId, knelpuntId: id })));
  await db
    .insert(decision)
    .values(
      numbers.map((i) => ({ id: randomUUID(), knelpuntId: id, text: label('decision', i), decidedOn: '2025-09-01', byOrganizationId: by, createdAt: at(i) })),
    );
  await db.insert(action).values(
    numbers.map((i) => ({
      id: randomUUID(),
      knelpuntId: id,
      description: label('action', i),
      ownerOrganizationId: by,
      dueOn: new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10),
    })),
  );
  await db
    .insert(feedback)
    .values(numbers.map((i) => ({ id: randomUUID(), knelpuntId: id, text: label('feedback', i), byOrganizationId: by, createdAt: at(i) })));
  await db.insert(knelpuntTransition).values(
    numbers.map((i) => ({
      id: randomUUID(),
      knelpuntId: id,
      fromStatus: 'ON_AGENDA' as const,
      toStatus: 'ACTION' as const,
      byOrganizationId: by,
      at: at(i),
    })),
  );
  return { id, signalIds };
}

/** `n` meetings of the region's overlegtafel, titled `<title> 00`…, held on consecutive days (the last one newest). */
export async function insertMeetings(hub: TestHub, region: string, title: string, n: number): Promise<void> {
  await hub.database.db.insert(meeting).values(
    Array.from({ length: n }, (_, i) => ({
      id: randomUUID(),
      overlegtafelId: overlegtafelIdOf(region),
      heldOn: new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10),
      title: `${title} ${String(i).padStart(2, '0')}`,
    })),
  );
}

/** `n` copies of one signal shape. */
export const times = (n: number, row: Partial<NewSignal>): Partial<NewSignal>[] => Array.from({ length: n }, () => ({ ...row }));

/**
 * SQL statements each subgraph ran for one gateway request, from the per-request log lines (the hub shares one
 * database, and background work such as the referrals relay also counts on the global counter).
 */
export async function statementsPerSubgraph(hub: TestHub, requestId: string): Promise<Record<string, number>> {
  const deadline = Date.now() + 2000;
  for (;;) {
    const lines = hub.logs.filter((l) => l.reqId === requestId && l.msg === 'request' && l.service !== 'gateway');
    if (lines.length > 0 || Date.now() > deadline) {
      const out: Record<string, number> = {};
      for (const l of lines) out[String(l.service)] = (out[String(l.service)] ?? 0) + Number(l.statements ?? 0);
      return out;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** POSTs to this subgraph's internal endpoint, as the referrals subgraph does. */
export async function postGapEvents(hub: TestHub, body: unknown, secret: string | null = hub.internalSecret) {
  const url = new URL('/internal/gap-events', hub.subgraphUrls.signals);
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret ? { 'x-hub-internal-secret': secret } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export function gapEvent(overrides: Record<string, unknown> = {}) {
  return {
    eventId: randomUUID(),
    occurredAt: '2025-08-20T10:00:00.000Z',
    kind: 'REJECTED',
    reason: 'NO_CAPACITY',
    zorgkantoorregioCode: null,
    gemeenteCode: 'GM0153',
    legalDomain: 'WLZ',
    wlzSector: 'VV',
    targetGroup: 'OUDEREN',
    lifeDomain: 'WONEN',
    serviceId: randomUUID(),
    organizationId: randomUUID(),
    waitDays: 42,
    ...overrides,
  };
}
