import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AccessLogCategory } from '@hub/contracts';
import { badInput, conflict, ErrorCode, forbidden, hubError, notFound, unauthenticated } from '@hub/errors';
import { hasRole, type Principal } from '@hub/identity';
import { connectionFromRows, decodeTimestampCursor, encodeCursor, pageSize } from '@hub/service-kit';
import { lineFor } from './access-log.ts';
import type { Context } from './context.ts';
import { CARE_ROLES } from '@hub/domain';
import { requireUser } from '@hub/service-kit';
import { clientView, clientVisible, type ClientView, ownsClient, requireCareRole } from './consent/access.ts';
import type { ConsentPurpose } from './consent/decide.ts';
import { findClientByBsnHashes, listAccessLog, type ClientRow } from './db/queries.ts';
import type { NetworkMember } from './db/schema.ts';
import { insertClient, updateClientIfVersion } from './db/writes.ts';
import type { ClientAccessLogArgs, ClientAccessLogExportArgs, RegisterClientInput, UpdateClientInput } from './generated/resolvers-types.ts';
import { type networkMemberSchema, parseInput, registerClientSchema, requireBsn, requireUuid, requireVersion, updateClientSchema } from './validation.ts';

/**
 * Clients: who may look one up, register one or change one. Every change writes its access-log line in its own
 * transaction; a lookup that answers with client data records its line in the request's buffer.
 */

/** Reading a client: the care roles, and a PRIVACY_OFFICER (for the access overview). */
function requireClientReader(ctx: Context): Principal {
  const p = requireUser(ctx);
  if (!hasRole(p, ...CARE_ROLES, 'PRIVACY_OFFICER')) throw forbidden('Your role may not look up clients.');
  return p;
}

/** The client as the caller may see it under this purpose; NOT_FOUND when it may not know the client exists. */
export async function readClient(ctx: Context, rawId: string, purpose: ConsentPurpose): Promise<ClientView> {
  const p = requireClientReader(ctx);
  const id = requireUuid(rawId, 'id');
  const row = await ctx.loaders.clientRecord.load(id);
  if (!row || !(await clientVisible(ctx, p, row.id, purpose))) throw notFound('Client');
  return clientView(row, purpose);
}

/**
 * Exact lookup through the keyed hash. The stated purpose goes into the SEARCH line of the access log; the client's
 * data itself stays gated as everywhere. A miss touches no client and is not logged.
 */
export async function findClientByBsn(ctx: Context, rawBsn: string, purpose: ConsentPurpose): Promise<ClientView | null> {
  requireClientReader(ctx);
  const bsn = requireBsn(rawBsn, 'bsn');
  const row = await findClientByBsnHashes(ctx.db, ctx.services.bsn.hashes(bsn));
  if (!row) return null;
  ctx.accessLog.record({
    field: 'Query.findClientByBsn',
    clientId: row.id,
    action: 'SEARCH',
    outcome: 'GRANTED',
    categories: ['IDENTITY'],
    ground: `STATED_PURPOSE:${purpose}`,
  });
  return clientView(row, purpose);
}

/** Only a PRIVACY_OFFICER of an organisation that owns one of the client's trajectories reads its access log. */
async function requireAccessLogReader(ctx: Context, clientId: string): Promise<Principal> {
  if (ctx.caller.kind !== 'user') throw unauthenticated();
  const p = ctx.caller;
  if (!hasRole(p, 'PRIVACY_OFFICER') || !(await ownsClient(ctx, p.organizationId, clientId))) {
    throw forbidden("Only a PRIVACY_OFFICER of an organisation that owns one of the client's trajectories may read the access log.");
  }
  return p;
}

/** The period and the optional organisation of an overview, checked. */
function overviewFilter(args: { from: Date; to: Date; organization?: string | null | undefined }): { from: Date; to: Date; organizationId: string | null } {
  if (args.to.getTime() <= args.from.getTime()) throw badInput('to', 'to must lie after from.');
  const organizationId = args.organization == null ? null : requireUuid(args.organization, 'organization');
  return { from: args.from, to: args.to, organizationId };
}

/**
 * The NEN 7513 overview of a client's access log, oldest first: for a PRIVACY_OFFICER of an owning organisation only,
 * optionally only the lines of one organisation's users. Reading it is not itself logged (it shows no client data
 * beyond the id); an export is (accessLogExportOf).
 */
export async function accessLogOf(ctx: Context, clientId: string, args: ClientAccessLogArgs) {
  await requireAccessLogReader(ctx, clientId);
  const filter = overviewFilter(args);
  const first = pageSize(args.first, { fallback: 50 });
  const after = args.after ? decodeTimestampCursor(args.after) : null;
  const rows = await listAccessLog(ctx.db, { clientId, ...filter, limit: first + 1, after });
  return connectionFromRows(rows, first, (row) => encodeCursor(row.cursorKey, row.eventId), after !== null);
}

/** The most lines one export holds; a longer period is refused rather than cut off. */
export const ACCESS_LOG_EXPORT_MAX = 10_000;

/**
 * The whole overview of a period at once, for an export. The export takes the client's access history out of the
 * hub, so it is itself an access: it gets an EXPORT line in the client's log (written before the answer leaves).
 */
export async function accessLogExportOf(ctx: Context, clientId: string, args: ClientAccessLogExportArgs) {
  await requireAccessLogReader(ctx, clientId);
  const filter = overviewFilter(args);
  const rows = await listAccessLog(ctx.db, { clientId, ...filter, limit: ACCESS_LOG_EXPORT_MAX + 1, after: null });
  if (rows.length > ACCESS_LOG_EXPORT_MAX) {
    throw badInput('to', `The period holds more than ${ACCESS_LOG_EXPORT_MAX} lines; choose a shorter period.`);
  }
  ctx.accessLog.record({
    field: 'Client.accessLogExport',
    clientId,
    action: 'EXPORT',
    outcome: 'GRANTED',
    categories: [],
    ground: 'OWN_ORGANIZATION',
  });
  return { exportedAt: new Date(), lines: rows };
}

/**
 * The client, when the caller's organisation owns it; NOT_FOUND when it may not know it exists, FORBIDDEN when an
 * active consent of the client addresses it (it may read, not change).
 */
export async function ownedClient(ctx: Context, p: Principal, id: string): Promise<ClientRow> {
  const row = await ctx.loaders.client.load(id);
  if (!row || !(await clientVisible(ctx, p, row.id, null))) throw notFound('Client');
  if (!(await ownsClient(ctx, p.organizationId, row.id))) throw forbidden('Only an organisation that supports the client may change this.');
  return row;
}

/** A duplicate key from a race between two registrations of the same BSN. */
function isUniqueViolation(error: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (e && typeof e === 'object' && !seen.has(e)) {
    seen.add(e);
    if ((e as { code?: unknown }).code === '23505') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * CONFLICT for a BSN that is already registered. The answer tells the caller that this BSN belongs to a client, so it is
 * a read of that client's identity and gets its SEARCH line, like findClientByBsn.
 */
function bsnTaken(ctx: Context, existingClientId: string | null) {
  if (existingClientId) {
    ctx.accessLog.record({
      field: 'Mutation.registerClient',
      clientId: existingClientId,
      action: 'SEARCH',
      outcome: 'GRANTED',
      categories: ['IDENTITY'],
      ground: 'BSN_REGISTRATION_CHECK',
    });
  }
  return hubError(ErrorCode.CONFLICT, 'A client with this BSN is already registered; find it with findClientByBsn.');
}

/** Keeps the ids of existing members stable; a given id must be one of the client's members. */
function networkWithIds(input: z.infer<typeof networkMemberSchema>[], existing: NetworkMember[], field: string): NetworkMember[] {
  return input.map((m, i) => {
    if (m.id && !existing.some((e) => e.id === m.id)) throw badInput(`${field}.${i}.id`, `${field}.${i}.id is not a member of this client's network.`);
    return {
      id: m.id ?? randomUUID(),
      name: m.name,
      role: m.role,
      contact: m.contact ?? { phone: null, email: null, address: null },
      mayActForClient: m.mayActForClient,
    };
  });
}

/** Registers a client; the caller's organisation becomes an owning organisation. CONFLICT for a known BSN. */
export async function registerClient(ctx: Context, input: RegisterClientInput): Promise<ClientRow> {
  const p = requireCareRole(ctx);
  const v = parseInput(registerClientSchema, input, 'input');
  let bsnColumns: { bsnEncrypted: string | null; bsnHash: string | null } = { bsnEncrypted: null, bsnHash: null };
  // The BSN's look-up hash under every configured hash key: a client on an older key is the same client.
  let bsnHashes: string[] = [];
  if (v.bsn) {
    const bsn = requireBsn(v.bsn, 'input.bsn');
    bsnHashes = ctx.services.bsn.hashes(bsn);
    const existing = await findClientByBsnHashes(ctx.db, bsnHashes);
    if (existing) throw bsnTaken(ctx, existing.id);
    bsnColumns = { bsnEncrypted: ctx.services.bsn.encrypt(bsn), bsnHash: ctx.services.bsn.hash(bsn) };
  }
  const id = randomUUID();
  const network = networkWithIds(v.network ?? [], [], 'input.network');
  const categories: AccessLogCategory[] = ['IDENTITY'];
  if (v.contact || v.preferredContactChannel) categories.push('CONTACT');
  if (network.length) categories.push('NETWORK');
  let inserted: Awaited<ReturnType<typeof insertClient>>;
  try {
    inserted = await insertClient(
      ctx.db,
      {
        id,
        ...bsnColumns,
        givenName: v.name.givenName,
        namePrefix: v.name.namePrefix,
        familyName: v.name.familyName,
        dateOfBirth: v.dateOfBirth,
        gemeenteCode: v.gemeenteCode,
        contact: v.contact ?? {},
        preferredContactChannel: v.preferredContactChannel ?? null,
        network,
        registeredByOrganizationId: p.organizationId,
      },
      lineFor(ctx, p, { clientId: id, action: 'CREATE', outcome: 'GRANTED', categories, ground: 'OWN_ORGANIZATION', field: 'Mutation.registerClient' }),
      bsnHashes,
    );
  } catch (error) {
    if (isUniqueViolation(error)) {
      const winner = bsnHashes.length > 0 ? await findClientByBsnHashes(ctx.db, bsnHashes) : null;
      throw bsnTaken(ctx, winner?.id ?? null);
    }
    throw error;
  }
  // Another registration of the same BSN committed between the look-up above and the insert's lock.
  if (!inserted.created) throw bsnTaken(ctx, inserted.existingId);
  return inserted.created;
}

/** Changes a client (an owning organisation only); the line names the categories the change touched. */
export async function updateClient(ctx: Context, input: UpdateClientInput): Promise<ClientRow> {
  const p = requireCareRole(ctx);
  const { id: rawId, expectedVersion: version, ...edits } = input;
  const id = requireUuid(rawId, 'input.id');
  const expectedVersion = requireVersion(version);
  const v = parseInput(updateClientSchema, edits, 'input');
  const current = await ownedClient(ctx, p, id);
  const changes: Partial<ClientRow> = {};
  const categories = new Set<AccessLogCategory>();
  if (v.name) {
    Object.assign(changes, { givenName: v.name.givenName, namePrefix: v.name.namePrefix, familyName: v.name.familyName });
    categories.add('IDENTITY');
  }
  if (v.dateOfBirth) {
    changes.dateOfBirth = v.dateOfBirth;
    categories.add('IDENTITY');
  }
  if (v.gemeenteCode) {
    changes.gemeenteCode = v.gemeenteCode;
    categories.add('IDENTITY');
  }
  if (v.contact) {
    changes.contact = v.contact;
    categories.add('CONTACT');
  }
  if (v.preferredContactChannel) {
    changes.preferredContactChannel = v.preferredContactChannel;
    categories.add('CONTACT');
  }
  if (v.network) {
    changes.network = networkWithIds(v.network, current.network, 'input.network');
    categories.add('NETWORK');
  }
  const row = await updateClientIfVersion(
    ctx.db,
    id,
    expectedVersion,
    changes,
    lineFor(ctx, p, {
      clientId: id,
      action: 'UPDATE',
      outcome: 'GRANTED',
      categories: [...categories],
      ground: 'OWN_ORGANIZATION',
      field: 'Mutation.updateClient',
    }),
  );
  if (!row) throw conflict('Client');
  return row;
}
