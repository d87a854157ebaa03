import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { and, eq, sql } from 'drizzle-orm';
import type { IwlzSettings } from '@hub/config';
import {
  buildAccessLogLine,
  iwlzNotificationContract,
  type IwlzNotification,
  type IwlzNotificationReceipt,
  type IwlzPullError,
  wlzIndicatieIdOf,
} from '@hub/contracts';
import type { Db } from '@hub/db';
import { addWorkingDays, amsterdamDate, type WlzSector } from '@hub/domain';
import { HttpError, readInternalBody, sendJson, type BackgroundWork, type Logger, type RequestMeta, type RouteHandler } from '@hub/service-kit';
import { accessLogRowOf } from '../access-log.ts';
import type { BsnCipher } from '../bsn-crypto.ts';
import { appendAccessLog, findClientByBsnHashes, lockBsnHashes } from '../db/queries.ts';
import { client, trajectory, wlzIndicatieItem, wlzNotification } from '../db/schema.ts';
import { pullIndicatie, type PulledIndicatie } from './register.ts';
import { insertNotificationEvents, worklistItemEvent } from '../notification-events.ts';

/**
 * Notify, then pull: a notification of the CIZ names an indicatie; the hub pulls it from the Indicatieregister and
 * stores what it needs in one transaction (client, the zorgkantoor's Wlz trajectory, worklist item, access-log line),
 * or nothing. A register that does not answer leaves the notification PENDING; a loop retries it with backoff, across
 * restarts (the state is in the table).
 */

export type NotificationRow = typeof wlzNotification.$inferSelect;

/** The Wlz sector of a zorgprofiel (COD163): VV 750–759; GGZ 760–772, 860–870, 880–888; the rest GZ (LVG, SGLVG, VG, LG, ZG). */
export function sectorOfZorgprofiel(code: string | null): WlzSector | null {
  const n = code ? Number(code) : Number.NaN;
  if (!Number.isInteger(n)) return null;
  if (n >= 750 && n <= 759) return 'VV';
  if ((n >= 760 && n <= 772) || (n >= 860 && n <= 870) || (n >= 880 && n <= 888)) return 'GGZ';
  if ((n >= 780 && n <= 790) || (n >= 800 && n <= 856)) return 'GZ';
  return null;
}

/** Who an ingest line names: the notifying source, on behalf of the zorgkantoor whose worklist it fills. */
function sourceActor(row: NotificationRow) {
  return { subject: `iwlz:KVK:${row.senderKvk}`, name: 'iWlz-notificatie', organizationId: row.zorgkantoorOrganizationId, roles: ['IWLZ_NOTIFICATION'] };
}

const LEASE_SECONDS = 120;
const BATCH = 20;

export interface IwlzReceiver {
  /** The gateway's door: /internal/iwlz-notification (behind the gateway's secret for cases). */
  gatewayRoutes: RouteHandler;
  /** The retry loop. */
  background: BackgroundWork;
  /** One retry round now; `now` lets tests move past the backoff. */
  retryOnce(now?: Date): Promise<number>;
}

export function createIwlzReceiver(deps: {
  db: Db;
  settings: IwlzSettings;
  /** UZOVI code to the zorgkantoor's organisation id. */
  receivers: Record<string, string>;
  bsn: BsnCipher;
  logger: Logger;
  maxBodyBytes: number;
}): IwlzReceiver {
  const { db, settings, receivers, bsn, logger } = deps;
  const register = { url: settings.registerUrl, token: settings.registerToken, timeoutMs: settings.registerTimeoutMs };
  const retryDelaySeconds = (failed: number) => Math.min(settings.retryMaxSeconds, settings.retryBaseSeconds * 2 ** Math.max(0, failed - 1));
  const addSeconds = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000);

  /** Stores the pulled indicatie with everything it brings, in one transaction; the existing item for a repeat. */
  async function store(row: NotificationRow, indicatie: PulledIndicatie, meta: RequestMeta, now: Date): Promise<{ itemId: string; created: boolean }> {
    return db.transaction(async (tx) => {
      const [existingItem] = await tx
        .select({ id: wlzIndicatieItem.id })
        .from(wlzIndicatieItem)
        .where(and(eq(wlzIndicatieItem.wlzIndicatieId, row.wlzIndicatieId), eq(wlzIndicatieItem.zorgkantoorOrganizationId, row.zorgkantoorOrganizationId)))
        .limit(1);
      if (existingItem) {
        await tx
          .update(wlzNotification)
          .set({ status: 'STORED', itemId: existingItem.id, lastError: null, updatedAt: now })
          .where(eq(wlzNotification.id, row.id));
        return { itemId: existingItem.id, created: false };
      }
      // The same client whichever configured hash key its row is on; concurrent registrations of the BSN wait here.
      const hashes = bsn.hashes(indicatie.bsn);
      await lockBsnHashes(tx, hashes);
      const known = await findClientByBsnHashes(tx, hashes);
      const clientId = known?.id ?? randomUUID();
      if (!known) {
        await tx.insert(client).values({
          id: clientId,
          bsnEncrypted: bsn.encrypt(indicatie.bsn),
          bsnHash: bsn.hash(indicatie.bsn),
          givenName: indicatie.client.givenName,
          namePrefix: indicatie.client.namePrefix,
          familyName: indicatie.client.familyName,
          dateOfBirth: indicatie.client.dateOfBirth,
          gemeenteCode: null,
          registeredByOrganizationId: row.zorgkantoorOrganizationId,
        });
      }
      const wlz = {
        sector: sectorOfZorgprofiel(indicatie.zorgprofiel),
        zorgprofiel: indicatie.zorgprofiel,
        leveringsvorm: indicatie.leveringsvorm,
        wachtstatus: null,
      };
      const [openTrajectory] = await tx
        .select({ id: trajectory.id })
        .from(trajectory)
        .where(
          and(
            eq(trajectory.clientId, clientId),
            eq(trajectory.organizationId, row.zorgkantoorOrganizationId),
            eq(trajectory.legalDomain, 'WLZ'),
            eq(trajectory.status, 'OPEN'),
          ),
        )
        .limit(1);
      const trajectoryId = openTrajectory?.id ?? randomUUID();
      if (!openTrajectory) {
        await tx.insert(trajectory).values({
          id: trajectoryId,
          clientId,
          organizationId: row.zorgkantoorOrganizationId,
          counsellor: { userId: null, name: 'Zorgkantoor', formality: 'FORMAL' },
          legalDomain: 'WLZ',
          journeyPhase: 'AFTER_INDICATION',
          hulpvraag: 'Nieuwe Wlz-indicatie: cliëntondersteuning aanbieden.',
          supportForms: [],
          wlz,
        });
      }
      const itemId = randomUUID();
      const contactBy = addWorkingDays(amsterdamDate(row.receivedAt), settings.contactDays);
      await tx.insert(wlzIndicatieItem).values({
        id: itemId,
        wlzIndicatieId: row.wlzIndicatieId,
        zorgkantoorOrganizationId: row.zorgkantoorOrganizationId,
        clientId,
        trajectoryId,
        besluitnummer: indicatie.besluitnummer,
        afgiftedatum: indicatie.afgiftedatum,
        ingangsdatum: indicatie.ingangsdatum,
        einddatum: indicatie.einddatum,
        zorgprofiel: indicatie.zorgprofiel,
        leveringsvorm: indicatie.leveringsvorm,
        receivedAt: row.receivedAt,
        contactBy,
      });
      await insertNotificationEvents(tx, [worklistItemEvent({ id: itemId, zorgkantoorOrganizationId: row.zorgkantoorOrganizationId, contactBy }, now)]);
      await tx.update(wlzNotification).set({ status: 'STORED', itemId, lastError: null, updatedAt: now }).where(eq(wlzNotification.id, row.id));
      await appendAccessLog(tx, [
        accessLogRowOf(
          buildAccessLogLine(sourceActor(row), meta, {
            subgraph: 'cases',
            fields: ['WlzNotification.pull'],
            action: known ? 'UPDATE' : 'CREATE',
            outcome: 'GRANTED',
            clientId,
            dataCategories: openTrajectory ? ['IDENTITY'] : ['IDENTITY', 'HANDOVER'],
            authorizationGround: 'WLZ_INDICATIE',
            at: now,
          }),
          false,
        ),
      ]);
      return { itemId, created: true };
    });
  }

  /** One pull of a claimed notification and what follows from it: stored, pending again, or failed. */
  async function attempt(row: NotificationRow, meta: RequestMeta, now: Date): Promise<IwlzNotificationReceipt> {
    const result = await pullIndicatie(register, row.wlzIndicatieId, row.uzovi, amsterdamDate(now));
    if (result.ok) {
      try {
        const stored = await store(row, result.indicatie, meta, now);
        return {
          notificationId: row.id,
          status: stored.created ? 'STORED' : 'ALREADY_KNOWN',
          itemId: stored.itemId,
          errorCode: null,
          message: stored.created ? 'The indicatie is on the worklist.' : 'The indicatie was already known.',
        };
      } catch (error) {
        // E.g. a race with another notification registering the same new client: the next round will find it.
        logger.warn({ notificationId: row.id, err: error instanceof Error ? error.name : 'unknown' }, 'storing a pulled indicatie failed');
        return defer(row, 'REGISTER_UNAVAILABLE', now);
      }
    }
    if (result.retry) return defer(row, result.error, now);
    await db
      .update(wlzNotification)
      .set({ status: 'FAILED', lastError: result.error, attempts: row.attempts + 1, updatedAt: now })
      .where(eq(wlzNotification.id, row.id));
    logger.warn({ notificationId: row.id, error: result.error }, 'iwlz indicatie refused');
    return { notificationId: row.id, status: 'FAILED', itemId: null, errorCode: result.error, message: failureMessage(result.error) };
  }

  async function defer(row: NotificationRow, error: IwlzPullError, now: Date): Promise<IwlzNotificationReceipt> {
    const attempts = row.attempts + 1;
    const giveUp = attempts >= settings.maxAttempts;
    await db
      .update(wlzNotification)
      .set({
        status: giveUp ? 'FAILED' : 'PENDING',
        attempts,
        lastError: error,
        nextAttemptAt: addSeconds(now, retryDelaySeconds(attempts)),
        updatedAt: now,
      })
      .where(eq(wlzNotification.id, row.id));
    logger.warn({ notificationId: row.id, error, attempts, giveUp }, 'iwlz pull deferred');
    return {
      notificationId: row.id,
      status: giveUp ? 'FAILED' : 'PENDING',
      itemId: null,
      errorCode: error,
      message: giveUp ? failureMessage(error) : 'The register did not answer; the hub retries the pull.',
    };
  }

  async function receive(n: IwlzNotification, meta: RequestMeta): Promise<{ status: number; receipt: IwlzNotificationReceipt }> {
    const wlzIndicatieId = wlzIndicatieIdOf(n.subjectList[0]?.subject ?? '');
    if (!wlzIndicatieId) throw new HttpError(400, 'BAD_USER_INPUT', 'Invalid subjectList.0.subject: must be WlzIndicatie/<uuid>.');
    const organizationId = receivers[n.ontvangerID];
    if (!organizationId) throw new HttpError(422, 'BAD_USER_INPUT', 'Invalid ontvangerID: no zorgkantoor with this UZOVI code receives through this hub.');
    const now = new Date();
    const [inserted] = await db
      .insert(wlzNotification)
      .values({
        id: randomUUID(),
        wlzIndicatieId,
        uzovi: n.ontvangerID,
        zorgkantoorOrganizationId: organizationId,
        senderKvk: n.afzenderID,
        notifiedAt: new Date(n.timestamp),
        receivedAt: now,
        status: 'PENDING',
        // Leased to this request while it pulls, so the retry loop leaves it alone.
        nextAttemptAt: addSeconds(now, LEASE_SECONDS),
      })
      .onConflictDoNothing()
      .returning();
    if (!inserted) {
      const [earlier] = await db
        .select()
        .from(wlzNotification)
        .where(and(eq(wlzNotification.wlzIndicatieId, wlzIndicatieId), eq(wlzNotification.zorgkantoorOrganizationId, organizationId)))
        .limit(1);
      if (!earlier) throw new HttpError(503, 'SUBGRAPH_UNAVAILABLE', 'Send the notification again.');
      return { status: 200, receipt: repeatReceipt(earlier) };
    }
    const receipt = await attempt(inserted, meta, now);
    return { status: statusOf(receipt), receipt };
  }

  async function retryOnce(now: Date = new Date()): Promise<number> {
    const claimed = await db
      .update(wlzNotification)
      .set({ nextAttemptAt: addSeconds(now, LEASE_SECONDS) })
      .where(
        sql`${wlzNotification.id} in (select id from ${wlzNotification} where ${wlzNotification.status} = 'PENDING'
          and ${wlzNotification.nextAttemptAt} <= ${now.toISOString()}::timestamptz order by ${wlzNotification.nextAttemptAt} limit ${BATCH} for update skip locked)`,
      )
      .returning();
    let stored = 0;
    for (const row of claimed) {
      const meta = retryMeta();
      const receipt = await attempt(row, meta, now);
      if (receipt.status === 'STORED') stored++;
    }
    return stored;
  }

  let chain: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  const runRound = (now?: Date) => {
    // Rounds never overlap: PGlite has one session.
    const next = chain.then(() => retryOnce(now));
    chain = next.catch(() => undefined);
    return next;
  };
  const schedule = () => {
    if (!running) return;
    timer = setTimeout(() => {
      runRound()
        .catch((error: unknown) => logger.error({ err: error instanceof Error ? error.name : 'unknown' }, 'iwlz retry round failed'))
        .finally(schedule);
    }, settings.retryIntervalMs);
    timer.unref();
  };

  return {
    retryOnce: runRound,
    background: {
      start() {
        if (running || settings.retryIntervalMs === 0) return;
        running = true;
        schedule();
      },
      async stop() {
        running = false;
        if (timer) clearTimeout(timer);
        timer = undefined;
        await chain;
      },
    },
    gatewayRoutes: async (req: IncomingMessage, res, url, scope) => {
      if (url.pathname !== iwlzNotificationContract.path) return false;
      if (req.method !== 'POST') throw new HttpError(405, 'BAD_REQUEST', 'Use POST.');
      const body = await readInternalBody(req, iwlzNotificationContract.request, deps.maxBodyBytes);
      const { status, receipt } = await receive(body, scope.meta);
      sendJson(res, status, receipt);
      return true;
    },
  };
}

/** A retry round is no request of anyone: it gets ids of its own for its log lines. */
function retryMeta(): RequestMeta {
  const traceId = randomUUID().replace(/-/g, '');
  return { requestId: `iwlz-retry-${randomUUID()}`, traceId, traceparent: `00-${traceId}-${traceId.slice(0, 16)}-01` };
}

function statusOf(receipt: IwlzNotificationReceipt): number {
  switch (receipt.status) {
    case 'STORED':
      return 201;
    case 'ALREADY_KNOWN':
      return 200;
    case 'PENDING':
      return 202;
    case 'FAILED':
      return 422;
  }
}

/** The answer to a notification that arrived before, from its row. */
function repeatReceipt(row: NotificationRow): IwlzNotificationReceipt {
  const errorCode = (row.lastError as IwlzPullError | null) ?? null;
  if (row.status === 'STORED') {
    return { notificationId: row.id, status: 'ALREADY_KNOWN', itemId: row.itemId, errorCode: null, message: 'The indicatie was already known.' };
  }
  if (row.status === 'PENDING') {
    return { notificationId: row.id, status: 'PENDING', itemId: null, errorCode, message: 'Already received; the hub is still pulling the indicatie.' };
  }
  return { notificationId: row.id, status: 'FAILED', itemId: null, errorCode, message: errorCode ? failureMessage(errorCode) : 'The indicatie was refused.' };
}

function failureMessage(error: IwlzPullError): string {
  switch (error) {
    case 'REGISTER_UNAVAILABLE':
    case 'REGISTER_NOT_CONFIGURED':
      return 'The register did not answer after every retry; nothing was stored.';
    case 'MALFORMED_ANSWER':
      return "The register's answer does not fit Indicatieregister 1.6.5; nothing was stored.";
    case 'INDICATIE_NOT_FOUND':
      return 'The register does not know this indicatie for this zorgkantoor; nothing was stored.';
    case 'WRONG_INDICATIE':
      return 'The register answered with another indicatie; nothing was stored.';
    case 'ZORGKANTOOR_MISMATCH':
      return 'The indicatie belongs to another zorgkantoor; nothing was stored.';
    case 'INVALID_BSN':
      return "The indicatie's BSN fails the elfproef; nothing was stored.";
  }
}
