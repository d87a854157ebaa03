import { type Db, rowsOf, sql } from '@hub/db';
import { type BackgroundWork, createOutboxRelay, type Logger } from '@hub/service-kit';
import { type BsnCipher, BsnCipherError } from './bsn-crypto.ts';

/**
 * Moves every stored BSN (cases.client: the ciphertext and the look-up hash; no other table holds either) to the
 * current keys, in batches of rows locked with FOR UPDATE SKIP LOCKED, one transaction per batch. The work left is
 * what the rows say (a ciphertext or hash not under the current key id), so a stopped run resumes where it was, and
 * several processes can run it at once without taking the same row. Logs and results hold counts and key ids only.
 */

export interface RotationProgress {
  /** Rows whose ciphertext or hash is not under the current key ids. */
  onOldKeys: number;
  /** Of those, rows that cannot be moved: a hash without a ciphertext to recompute it from. */
  withoutCiphertext: number;
}

export interface BatchResult {
  /** Rows moved to the current keys. */
  moved: number;
  /** Rows left where they were because their ciphertext could not be read, by reason (UNKNOWN_KEY_ID, ...). */
  unreadable: Record<string, number>;
  /** The last row id the batch looked at; the next batch of the same run starts after it. */
  lastId: string | null;
}

export interface RotationResult extends RotationProgress {
  moved: number;
  batches: number;
  unreadable: Record<string, number>;
  ms: number;
}

/**
 * A row is on the current keys when its ciphertext is `v2:<current id>:…` and its hash is under the current hash id
 * (`<id>:…`, or bare for id 0). Compared with left(), not LIKE, so nothing in a key id is a pattern.
 */
function notOnCurrentKeys(cipher: BsnCipher) {
  const encPrefix = `v2:${cipher.currentEncryptionKeyId}:`;
  const hashOnCurrent =
    cipher.currentHashKeyId === '0'
      ? sql`strpos(bsn_hash, ':') = 0`
      : sql`left(bsn_hash, ${`${cipher.currentHashKeyId}:`.length}) = ${`${cipher.currentHashKeyId}:`}`;
  return sql`(bsn_encrypted is not null and (left(bsn_encrypted, ${encPrefix.length}) <> ${encPrefix} or bsn_hash is null or not (${hashOnCurrent})))
    or (bsn_encrypted is null and bsn_hash is not null and not (${hashOnCurrent}))`;
}

/** How many rows are not yet on the current keys: 0 means the old keys can be removed from the configuration. */
export async function bsnRotationProgress(db: Db, cipher: BsnCipher): Promise<RotationProgress> {
  const [row] = rowsOf<{ old: number; without: number }>(
    await db.execute(sql`select count(*)::int as old, (count(*) filter (where bsn_encrypted is null))::int as without
      from cases.client where ${notOnCurrentKeys(cipher)}`),
  );
  return { onOldKeys: row?.old ?? 0, withoutCiphertext: row?.without ?? 0 };
}

/** One batch in one transaction: locks up to `batchSize` rows on old keys after `after` (rows others hold are skipped). */
export async function rotateBsnBatch(db: Db, cipher: BsnCipher, options: { batchSize: number; after?: string | null }): Promise<BatchResult> {
  return db.transaction(async (tx) => {
    const after = options.after ?? '00000000-0000-0000-0000-000000000000';
    const rows = rowsOf<{ id: string; bsn_encrypted: string }>(
      await tx.execute(sql`select id::text as id, bsn_encrypted from cases.client
        where id > ${after}::uuid and bsn_encrypted is not null and (${notOnCurrentKeys(cipher)})
        order by id limit ${options.batchSize} for update skip locked`),
    );
    const unreadable: Record<string, number> = {};
    const ids: string[] = [];
    const ciphertexts: string[] = [];
    const hashes: string[] = [];
    for (const row of rows) {
      let bsn: string;
      try {
        bsn = cipher.decrypt(row.bsn_encrypted);
      } catch (error) {
        if (!(error instanceof BsnCipherError)) throw error;
        unreadable[error.code] = (unreadable[error.code] ?? 0) + 1;
        continue;
      }
      ids.push(row.id);
      ciphertexts.push(cipher.encrypt(bsn));
      hashes.push(cipher.hash(bsn));
    }
    if (ids.length > 0) {
      // The row's content does not change, so neither do its version and updatedAt (no edit of anyone's is refused).
      await tx.execute(sql`update cases.client as c set bsn_encrypted = v.enc, bsn_hash = v.hash
        from (select unnest(${sql.param(ids)}::uuid[]) as id, unnest(${sql.param(ciphertexts)}::text[]) as enc, unnest(${sql.param(hashes)}::text[]) as hash) as v
        where c.id = v.id`);
    }
    return { moved: ids.length, unreadable, lastId: rows.at(-1)?.id ?? null };
  });
}

/**
 * Batches until no row after the last one is left (or `maxBatches`), then the count still on old keys: rows another
 * process held, rows that could not be read, hashes without a ciphertext. Running it again takes up what is left.
 */
export async function rotateBsnKeys(
  db: Db,
  cipher: BsnCipher,
  options: { batchSize: number; maxBatches?: number; logger?: Logger; onBatch?: (batch: BatchResult) => void },
): Promise<RotationResult> {
  const started = performance.now();
  let moved = 0;
  let batches = 0;
  const unreadable: Record<string, number> = {};
  let after: string | null = null;
  while (options.maxBatches === undefined || batches < options.maxBatches) {
    const batch = await rotateBsnBatch(db, cipher, { batchSize: options.batchSize, after });
    if (batch.lastId === null) break;
    batches++;
    moved += batch.moved;
    for (const [reason, n] of Object.entries(batch.unreadable)) unreadable[reason] = (unreadable[reason] ?? 0) + n;
    after = batch.lastId;
    options.onBatch?.(batch);
    options.logger?.info({ batch: batches, moved: batch.moved, unreadable: batch.unreadable }, 'BSN key rotation batch');
  }
  const progress = await bsnRotationProgress(db, cipher);
  const result = { moved, batches, unreadable, ...progress, ms: Math.round(performance.now() - started) };
  options.logger?.info(
    {
      moved,
      batches,
      unreadable,
      onOldKeys: progress.onOldKeys,
      withoutCiphertext: progress.withoutCiphertext,
      encryptionKeyId: cipher.currentEncryptionKeyId,
      hashKeyId: cipher.currentHashKeyId,
      ms: result.ms,
    },
    `BSN key rotation: ${moved} rows moved in ${batches} batches; ${progress.onOldKeys} rows on old keys`,
  );
  return result;
}

/**
 * The rotation as background work of the cases subgraph (BSN_ROTATION_INTERVAL_MS > 0): one batch per round, the next
 * round starting after the last row seen, from the start again when a pass is through. Quiet once nothing is left.
 */
export function createBsnRotationLoop(deps: { db: Db; cipher: BsnCipher; intervalMs: number; batchSize: number; logger: Logger }): BackgroundWork & {
  runOnce(): Promise<BatchResult>;
} {
  let after: string | null = null;
  let reportedDone = false;
  const loop = createOutboxRelay({
    intervalMs: deps.intervalMs,
    logger: deps.logger,
    round: async () => {
      const batch = await rotateBsnBatch(deps.db, deps.cipher, { batchSize: deps.batchSize, after });
      after = batch.lastId;
      if (batch.lastId !== null) {
        reportedDone = false;
        deps.logger.info({ moved: batch.moved, unreadable: batch.unreadable }, 'BSN key rotation batch');
      } else if (!reportedDone) {
        const progress = await bsnRotationProgress(deps.db, deps.cipher);
        deps.logger.info({ ...progress }, `BSN key rotation pass done; ${progress.onOldKeys} rows on old keys`);
        reportedDone = progress.onOldKeys === 0;
      }
      return batch;
    },
  });
  return { runOnce: () => loop.runOnce(), start: () => loop.start(), stop: () => loop.stop() };
}
