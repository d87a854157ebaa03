import { readFile, stat } from 'node:fs/promises';
import { loadConfig, loadEnvFile } from '@hub/config';
import { prepareDatabase } from '@hub/db';
import { openHubDatabase } from '@hub/hub';
import { socialeKaartModule } from '@hub/sociale-kaart';
import { importPostcodeCsv, PostcodeImportError } from '@hub/sociale-kaart/postcodes';

/**
 * `npm run postcodes:import -- <file.csv>`: loads the centroids of the 4-digit postcode areas (PC4) into the sociale
 * kaart of the configured database, for a distance search from a postcode. The CSV has the header
 * `postcode;latitude;longitude[;gemeentecode]` (`;` or `,`, UTF-8 with or without BOM); docs/sociale-kaart.md says
 * how to make it from the CBS "Postcode 4-cijferig" data. Every row is checked first; one bad row refuses the whole
 * file with its line number and nothing is written. A good file replaces the whole table in one transaction (running
 * it twice is the same as once). Prints the report as JSON. Exit code 0 when imported, 1 when nothing was imported.
 * With PGlite, stop `npm start` first: an embedded database has one process at a time.
 */

/** A PC4 file of the whole country is about 4,100 rows (~150 kB); anything far larger is not such a file. */
const MAX_BYTES = 20_000_000;

const source = process.argv[2];
if (!source || process.argv.length > 3) {
  process.stderr.write('Usage: npm run postcodes:import -- <file.csv>\n');
  process.exit(1);
}

let text: string;
try {
  const info = await stat(source).catch(() => undefined);
  if (!info?.isFile()) throw new PostcodeImportError(`${source} is not a readable file.`);
  if (info.size > MAX_BYTES) throw new PostcodeImportError(`${source} is ${info.size} bytes; a PC4 file is far smaller (limit ${MAX_BYTES}).`);
  text = await readFile(source, 'utf8');
} catch (error) {
  process.stderr.write(`postcodes:import: ${error instanceof Error ? error.message : 'cannot read the input'}\n`);
  process.exit(1);
}

// Settings from .env (DATABASE_URL, ...); the real environment wins over the file.
loadEnvFile();
const database = await openHubDatabase(loadConfig());
try {
  // Idempotent: a fresh data directory gets the sociale kaart's tables and reference data first.
  await prepareDatabase(database);
  await socialeKaartModule.migrate(database);
  await socialeKaartModule.seed(database, { demo: false, scale: 1 });
  const report = await importPostcodeCsv(database.db, text);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} catch (error) {
  if (!(error instanceof PostcodeImportError)) throw error;
  process.stderr.write(`postcodes:import: ${error.message}\n`);
  process.exitCode = 1;
} finally {
  await database.close();
}
