import type { ApolloServerPlugin } from '@apollo/server';
import { buildAccessLogLine, type AccessAction, type AccessActor, type AccessLogCategory, type AccessOutcome, type ParsedAccessLogLine } from '@hub/contracts';
import type { SignedIn } from '@hub/identity';
import type { RequestMeta } from '@hub/service-kit';
import { appendAccessLog, type NewAccessLogRow } from './db/queries.ts';
import type { Context } from './context.ts';

export interface AccessRecord {
  /** The GraphQL coordinate (`Type.field`) whose resolver read or changed the data; it goes into the access point. */
  field: string;
  clientId: string;
  action: AccessAction;
  outcome: AccessOutcome;
  categories: readonly AccessLogCategory[];
  /** OWN_ORGANIZATION, CONSENT or a stated ground; for a refusal the decision reason goes in `reason`. */
  ground?: string | undefined;
  consentId?: string | null | undefined;
  reason?: string | undefined;
  /**
   * For a line the client (or their representative) causes: the organisation whose data the action concerns, which the
   * line names as its organisation, since a client belongs to none. Ignored for a professional (their own organisation).
   */
  dataOrganizationId?: string | undefined;
}

interface PendingLine {
  clientId: string;
  dataOrganizationId: string | undefined;
  action: AccessAction;
  outcome: AccessOutcome;
  occurredAt: Date;
  fields: Set<string>;
  categories: Set<AccessLogCategory>;
  grounds: Set<string>;
  consentIds: Set<string>;
  reasons: Set<string>;
}

/** Who acted, as a line records it; a representative's line says on whose behalf, under which machtiging. */
interface LogActor extends AccessActor {
  onBehalfOf: string | null;
}

/**
 * A client belongs to no organisation: a line the client (or representative) causes names the organisation whose data
 * the action concerns (the consent's holder, the organisation asked to correct, the registering organisation for a read
 * or a download of the whole record), so every line resolves to a real organisation and that organisation's privacy
 * officer sees the client's own actions on its data too. Role CLIENT and the user id say who really acted.
 */
export function actorOf(caller: SignedIn, dataOrganizationId: string | undefined): LogActor {
  if (caller.kind === 'user') return { ...caller, onBehalfOf: null };
  if (!dataOrganizationId) throw new Error('a line caused by a client needs the organisation whose data it concerns');
  return {
    subject: caller.subject,
    name: caller.name,
    organizationId: dataOrganizationId,
    roles: caller.roles,
    onBehalfOf: caller.machtiging ? `CLIENT:MACHTIGING:${caller.machtiging.scope.join(',')}` : null,
  };
}

function buildLine(
  caller: SignedIn,
  dataOrganizationId: string | undefined,
  meta: RequestMeta,
  facts: Parameters<typeof buildAccessLogLine>[2],
): ParsedAccessLogLine {
  const actor = actorOf(caller, dataOrganizationId);
  return { ...buildAccessLogLine(actor, meta, facts), onBehalfOf: actor.onBehalfOf };
}

/** Authorisation ground as stored: OWN_ORGANIZATION, CONSENT:<id> (one per consent used), or a stated ground. */
function groundText(line: PendingLine): string {
  const grounds = [...line.grounds].filter((g) => g !== 'CONSENT');
  for (const id of line.consentIds) grounds.push(`CONSENT:${id}`);
  if (line.grounds.has('CONSENT') && line.consentIds.size === 0) grounds.push('CONSENT');
  return grounds.length ? grounds.join(',') : 'NONE';
}

/** The row for a line, whether cases built it or another subgraph sent it (`external`). */
export function accessLogRowOf(line: ParsedAccessLogLine, external: boolean): NewAccessLogRow {
  return { ...line, occurredAt: new Date(line.occurredAt), external };
}

/**
 * Collects the reads of one request and writes them as one line per client, action and outcome (with the union of
 * the data categories and of the fields read), in one INSERT when the response is about to leave. Changes do not
 * wait: a mutation writes its own line inside its transaction with `lineFor`.
 */
export class AccessLogBuffer {
  private readonly lines = new Map<string, PendingLine>();

  record(entry: AccessRecord): void {
    const key = `${entry.clientId}|${entry.action}|${entry.outcome}|${entry.dataOrganizationId ?? ''}`;
    let line = this.lines.get(key);
    if (!line) {
      line = {
        clientId: entry.clientId,
        dataOrganizationId: entry.dataOrganizationId,
        action: entry.action,
        outcome: entry.outcome,
        occurredAt: new Date(),
        fields: new Set(),
        categories: new Set(),
        grounds: new Set(),
        consentIds: new Set(),
        reasons: new Set(),
      };
      this.lines.set(key, line);
    }
    line.fields.add(entry.field);
    for (const c of entry.categories) line.categories.add(c);
    if (entry.ground) line.grounds.add(entry.ground);
    if (entry.consentId) line.consentIds.add(entry.consentId);
    if (entry.reason) line.reasons.add(entry.reason);
  }

  /** Takes the collected lines (and empties the buffer). */
  drain(caller: SignedIn, meta: RequestMeta): NewAccessLogRow[] {
    const rows = [...this.lines.values()].map((line) =>
      accessLogRowOf(
        buildLine(caller, line.dataOrganizationId, meta, {
          subgraph: 'cases',
          fields: [...line.fields],
          action: line.action,
          outcome: line.outcome,
          outcomeReason: line.reasons.size ? [...line.reasons].sort().join(',') : null,
          clientId: line.clientId,
          dataCategories: [...line.categories],
          authorizationGround: groundText(line),
          consentId: line.consentIds.size === 1 ? ([...line.consentIds][0] ?? null) : null,
          at: line.occurredAt,
        }),
        false,
      ),
    );
    this.lines.clear();
    return rows;
  }
}

/** One line for a change, written by the mutation in its own transaction. */
export function lineFor(ctx: Context, caller: SignedIn, entry: AccessRecord): NewAccessLogRow {
  return accessLogRowOf(
    buildLine(caller, entry.dataOrganizationId, ctx.meta, {
      subgraph: 'cases',
      fields: [entry.field],
      action: entry.action,
      outcome: entry.outcome,
      outcomeReason: entry.reason,
      clientId: entry.clientId,
      dataCategories: entry.categories,
      authorizationGround: entry.ground ?? 'NONE',
      consentId: entry.consentId,
      at: new Date(),
    }),
    false,
  );
}

/**
 * Writes the request's read lines before the response leaves. When that fails the data does not leave either:
 * a read that cannot be logged is not served (NEN 7513).
 */
export const accessLogPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        const { caller } = contextValue;
        if (caller.kind === 'anonymous') return;
        const rows = contextValue.accessLog.drain(caller, contextValue.meta);
        if (rows.length === 0) return;
        try {
          await appendAccessLog(contextValue.db, rows);
        } catch (error) {
          contextValue.logger.error({ err: error instanceof Error ? { type: error.name } : 'unknown' }, 'access log write failed');
          response.body = {
            kind: 'single',
            singleResult: {
              errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: contextValue.meta.requestId } }],
            },
          };
        }
      },
    };
  },
};
