import { readFile, stat } from 'node:fs/promises';
import { loadConfig, loadEnvFile } from '@hub/config';
import { prepareDatabase } from '@hub/db';
import { openHubDatabase } from '@hub/hub';
import { ImportInputError, importHsds } from '@hub/sociale-kaart/hsds';
import { socialeKaartModule } from '@hub/sociale-kaart';

/**
 * `npm run hsds:import -- <file-or-url>`: imports Open Referral HSDS 3.0 services (one service, an array,
 * a page with `contents`, or NDJSON) into the sociale kaart of the configured database, and prints the
 * report as JSON. Exit code 0 when every record was imported, 2 when some were rejected, 1 when nothing
 * could be read. With PGlite, stop `npm start` first: an embedded database has one process at a time.
 */

const source = process.argv[2];
if (!source || process.argv.length > 3) {
  process.stderr.write('Usage: npm run hsds:import -- <file-or-url>\n');
  process.exit(1);
}
// Settings from .env (DATABASE_URL, ...); the real environment wins over the file.
loadEnvFile();
const config = loadConfig();
const limit = config.hsdsImportMaxBytes;

/** Reads at most `limit` bytes; a larger source is refused before anything is parsed or written. */
async function readSource(from: string): Promise<string> {
  const tooLarge = (size: number | string) =>
    new ImportInputError(`${from} is ${size} bytes; the import limit is ${limit} bytes (HSDS_IMPORT_MAX_BYTES). Nothing was imported.`);
  if (/^https?:\/\//i.test(from)) {
    const res = await fetch(from, { headers: { accept: 'application/json, application/x-ndjson' }, signal: AbortSignal.timeout(120_000) });
    if (!res.ok || !res.body) throw new ImportInputError(`${from} answered HTTP ${res.status}.`);
    const declared = Number(res.headers.get('content-length') ?? 0);
    if (declared > limit) throw tooLarge(declared);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      size += chunk.length;
      if (size > limit) throw tooLarge(`more than ${limit}`);
      chunks.push(Buffer.from(chunk));
    }
    return Buffer.concat(chunks).toString('utf8');
  }
  const info = await stat(from).catch(() => undefined);
  if (!info?.isFile()) throw new ImportInputError(`${from} is not a readable file.`);
  if (info.size > limit) throw tooLarge(info.size);
  return readFile(from, 'utf8');
}

let text: string;
try {
  text = await readSource(source);
} catch (error) {
  process.stderr.write(`hsds:import: ${error instanceof Error ? error.message : 'cannot read the input'}\n`);
  process.exit(1);
}

const database = await openHubDatabase(config);
try {
  // Idempotent: a fresh data directory gets the sociale kaart's tables and reference data first.
  await prepareDatabase(database);
  await socialeKaartModule.migrate(database);
  await socialeKaartModule.seed(database, { demo: false, scale: 1 });
  const report = await importHsds(database.db, text, { verifiedBy: 'hsds-import', maxBytes: limit });
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  process.exitCode = report.rejected.length ? 2 : 0;
} catch (error) {
  if (!(error instanceof ImportInputError)) throw error;
  process.stderr.write(`hsds:import: ${error.message}\n`);
  process.exitCode = 1;
} finally {
  await database.close();
}
