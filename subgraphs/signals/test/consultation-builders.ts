import { randomUUID } from 'node:crypto';
import { rowsOf, sql } from '@hub/db';
import { buildOrganization, dataOf, type Party, type TestHub } from '@hub/testing';
import { consultation } from '../src/db/schema.ts';
import { party } from './builders.ts';

/** Builders for the consultation tests: organisations in the sociale kaart, their professionals, consultations. */

export const CONSULTATION_FIELDS = `id status version askedByYou question lifeDomains targetGroup legalDomain askedAt answer answeredAt endedAt
  fromOrganization { id } toOrganization { id }`;

export const ASK = `mutation Ask($input: AskConsultationInput!) { askConsultation(input: $input) { consultation { ${CONSULTATION_FIELDS} } } }`;
export const ANSWER = `mutation Answer($input: AnswerConsultationInput!) { answerConsultation(input: $input) { consultation { ${CONSULTATION_FIELDS} } } }`;
export const CLOSE = `mutation Close($input: ConsultationVersionInput!) { closeConsultation(input: $input) { consultation { ${CONSULTATION_FIELDS} } } }`;
export const WITHDRAW = `mutation Withdraw($input: ConsultationVersionInput!) { withdrawConsultation(input: $input) { consultation { ${CONSULTATION_FIELDS} } } }`;
export const READ = `query Read($id: ID!) { consultation(id: $id) { ${CONSULTATION_FIELDS} } }`;
export const INBOX = `query Inbox($status: ConsultationStatus, $first: Int, $after: String) {
  consultationInbox(status: $status, first: $first, after: $after) {
    totalCount edges { cursor } nodes { ${CONSULTATION_FIELDS} } pageInfo { hasNextPage endCursor }
  }
}`;
export const OUTBOX = INBOX.replace('Inbox(', 'Outbox(').replace('consultationInbox', 'consultationOutbox');

export interface ConsultationData {
  id: string;
  status: string;
  version: number;
  askedByYou: boolean;
  question: string;
  lifeDomains: string[];
  targetGroup: string | null;
  legalDomain: string | null;
  askedAt: string;
  answer: string | null;
  answeredAt: string | null;
  endedAt: string | null;
  fromOrganization: { id: string };
  toOrganization: { id: string };
}
export interface PageData {
  totalCount: number;
  edges: { cursor: string }[];
  nodes: ConsultationData[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export const QUESTION = 'Hoe regelt u bij u logeeropvang voor een jongere met een licht verstandelijke beperking als de ouders overbelast raken?';

/**
 * An asking gemeente (a toegang professional) and an addressed OCO (a cliëntondersteuner), both in the sociale kaart.
 */
export async function consultationParties(hub: TestHub, addresseeType: 'OCO' | 'GEMEENTE' | 'ZORGKANTOOR' = 'OCO') {
  const askingOrganization = await buildOrganization(hub, { type: 'GEMEENTE' });
  const addressedOrganization = await buildOrganization(hub, { type: addresseeType });
  const asker = await party(hub, { organizationId: askingOrganization.id, organizationType: 'GEMEENTE', roles: ['TOEGANG'], gemeenteCode: 'GM0363' });
  const adviser = await party(hub, { organizationId: addressedOrganization.id, organizationType: addresseeType, roles: ['CLIENTONDERSTEUNER'] });
  return { asker, adviser };
}

/** Asks through the gateway and returns the consultation. */
export async function ask(hub: TestHub, asker: Party, toOrganizationId: string, input: Record<string, unknown> = {}): Promise<ConsultationData> {
  const r = await hub.graphql<{ askConsultation: { consultation: ConsultationData } }>(
    ASK,
    { input: { toOrganizationId, question: QUESTION, ...input } },
    { token: asker.token },
  );
  return dataOf(r).askConsultation.consultation;
}

/** How many consultations are stored, optionally only those of one organisation (either side). */
export async function countConsultations(hub: TestHub, organizationId?: string): Promise<number> {
  const where = organizationId ? sql`where from_organization_id = ${organizationId}::uuid or to_organization_id = ${organizationId}::uuid` : sql``;
  const [row] = rowsOf<{ n: number }>(await hub.database.db.execute(sql`select count(*)::int as n from signals.consultation ${where}`));
  return Number(row?.n ?? -1);
}

/**
 * Inserts consultations straight into the table, the quickest way to a long list or to known dates: `n` questions
 * numbered `<label> 00`… asked a minute apart from `start` (the last one newest).
 */
export async function insertConsultations(
  hub: TestHub,
  params: {
    from: string;
    to: string;
    n: number;
    label: string;
    start?: Date;
    status?: 'OPEN' | 'ANSWERED' | 'CLOSED' | 'WITHDRAWN';
    answeredAfterMs?: number;
  },
): Promise<string[]> {
  const start = params.start ?? new Date(Date.UTC(2026, 0, 5, 9));
  const rows = Array.from({ length: params.n }, (_, i) => {
    const askedAt = new Date(start.getTime() + i * 60_000);
    const answered = params.answeredAfterMs !== undefined;
    return {
      id: randomUUID(),
      fromOrganizationId: params.from,
      askerSubject: 'test',
      toOrganizationId: params.to,
      toOrganizationType: 'OCO',
      question: `${params.label} ${String(i).padStart(2, '0')}`,
      status: params.status ?? (answered ? 'ANSWERED' : 'OPEN'),
      askedAt,
      ...(answered ? { answer: 'Advies', answeredAt: new Date(askedAt.getTime() + (params.answeredAfterMs ?? 0)) } : {}),
    } as const;
  });
  if (rows.length > 0) await hub.database.db.insert(consultation).values(rows);
  return rows.map((r) => r.id);
}
