import { randomUUID } from 'node:crypto';
import type { Party, TestHub } from '@hub/testing';
import type { NewSignal } from '../src/db/queries.ts';
import { signal } from '../src/db/schema.ts';

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
