import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, loadEnvFile, requireBsnKeys, type HubConfig } from '@hub/config';
import { bsnRotationProgress, createBsnCipher, rotateBsnKeys } from '@hub/cases/keys';
import { openHubDatabase, withDevBsnKeys } from '@hub/hub';
import { createLogger, describeError } from '@hub/service-kit';

/**
 * `npm run keys:rotate`: moves every stored BSN ciphertext and look-up hash to the current keys
 * (BSN_ENCRYPTION_KEY_CURRENT / BSN_HASH_KEY_CURRENT, or the last listed), in batches, and ends with the count of
 * rows still on old keys; at 0 the old keys can be removed from the configuration. Safe while the hub serves requests
 * and beside other runs (rows are taken with FOR UPDATE SKIP LOCKED); stopped, it resumes where the rows say.
 *   --status          only count the rows on old keys
 *   --batch-size N    rows per transaction (default BSN_ROTATION_BATCH_SIZE, 500)
 *   --max-batches N   stop after N batches
 * Exit code 0 when no row is left on old keys, 2 when some are, 1 on failure. Logs counts and key ids only. With PGlite,
 * stop `npm start` first (an embedded database has one process at a time), or set BSN_ROTATION_INTERVAL_MS instead.
 */

const { values } = parseArgs({
  options: { status: { type: 'boolean' }, 'batch-size': { type: 'string' }, 'max-batches': { type: 'string' } },
  strict: true,
});
const positiveInt = (name: string, raw: string | undefined): number | undefined => {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) {
    process.stderr.write(`--${name} takes a whole number from 1 to 100000\n`);
    process.exit(1);
  }
  return n;
};
const batchSizeArg = positiveInt('batch-size', values['batch-size']);
const maxBatches = positiveInt('max-batches', values['max-batches']);

let config: HubConfig;
try {
  // Settings from .env when run by hand; the real environment wins over the file.
  loadEnvFile();
  config = loadConfig();
  requireBsnKeys(config);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  createLogger('keys-rotate', 'info').fatal({ err: { type: error.name, message: error.message } }, 'configuration refused');
  process.exit(1);
}
// In development without keys in the environment, the keys are the ones `npm start` keeps in the data folder.
config = withDevBsnKeys(config, true);
const logger = createLogger('keys-rotate', config.logLevel === 'silent' ? 'info' : config.logLevel);
const cipher = createBsnCipher(config.bsnEncryptionKeys, config.bsnHashKeys);
const database = await openHubDatabase(config);
try {
  const keys = { encryptionKeyId: cipher.currentEncryptionKeyId, hashKeyId: cipher.currentHashKeyId };
  if (values.status) {
    const progress = await bsnRotationProgress(database.db, cipher);
    logger.info({ ...keys, ...progress }, `${progress.onOldKeys} rows on old keys`);
    process.exitCode = progress.onOldKeys === 0 ? 0 : 2;
  } else {
    const result = await rotateBsnKeys(database.db, cipher, {
      batchSize: batchSizeArg ?? config.bsnRotation.batchSize,
      ...(maxBatches ? { maxBatches } : {}),
      logger,
    });
    process.exitCode = result.onOldKeys === 0 ? 0 : 2;
  }
} catch (error) {
  // Described without the statement or its values (a failed batch's would hold ciphertexts).
  logger.fatal({ err: describeError(error) }, 'BSN key rotation failed');
  process.exitCode = 1;
} finally {
  await database.close();
}
