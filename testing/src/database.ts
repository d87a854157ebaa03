import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { loadConfig } from '@hub/config';
import { emptyPgliteDataDir, openDatabase, pgliteBuild, type Database } from '@hub/db';

/** The server database to issue CREATE / DROP DATABASE from: the configured one, or `postgres` when that does not exist yet. */
async function withAdminConnection<T>(serverUrl: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const candidates = [serverUrl, withDatabaseName(serverUrl, 'postgres')];
  let lastError: unknown;
  for (const url of candidates) {
    const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
    try {
      return await fn(sql);
    } catch (error) {
      lastError = error;
      // 3D000: the database named in the URL does not exist; any other failure is real.
      if (!(error instanceof Error && 'code' in error && error.code === '3D000')) throw error;
    } finally {
      await sql.end({ timeout: 5 });
    }
  }
  throw lastError;
}

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A database for one test file. Embedded PGlite in memory by default; with DATABASE_URL set, a fresh
 * database created on that server (so test files run in parallel without seeing each other's rows)
 * and dropped when the handle is closed.
 */
export async function createTestDatabase(): Promise<Database> {
  const { databaseUrl } = loadConfig();
  if (!databaseUrl) {
    const database = await openPgliteInMemory();
    // PGlite throws on a second close; tests close in `finally` blocks and in hub teardown alike.
    let closing: Promise<void> | undefined;
    return { ...database, close: () => (closing ??= database.close()) };
  }

  // Random and lower-case hex only, so it is safe to splice into CREATE / DROP DATABASE.
  const name = `hub_test_${randomBytes(8).toString('hex')}`;
  await withAdminConnection(databaseUrl, (sql) => sql.unsafe(`create database ${name}`));
  const database = await openDatabase({ url: withDatabaseName(databaseUrl, name), poolSize: 5 });
  let closing: Promise<void> | undefined;
  const dropDatabase = async () => {
    await database.close();
    // FORCE ends connections a test left behind, so the drop cannot hang.
    await withAdminConnection(databaseUrl, (sql) => sql.unsafe(`drop database if exists ${name} with (force)`));
  };
  return { ...database, close: () => (closing ??= dropDatabase()) };
}

/**
 * PGlite runs initdb for every new instance: 2 to 10 seconds of the start of each test hub on a 2-core machine. The
 * data directory initdb leaves is the same every time for one PGlite build, so it is made once, kept as a tarball in
 * the temporary directory (named after the PGlite build: another version makes its own) and every test database
 * starts from it. A file that cannot be read or loaded is removed and the database starts the slow way.
 */
async function openPgliteInMemory(): Promise<Database> {
  const file = await templateFile();
  let template: Blob | undefined;
  try {
    template = new Blob([await readFile(file)]);
  } catch {
    template = await emptyPgliteDataDir();
    // Written aside and renamed, so a test file starting at the same time reads a whole tarball or none.
    const aside = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    await writeFile(aside, Buffer.from(await template.arrayBuffer()));
    await rename(aside, file);
  }
  try {
    return await openDatabase({ inMemory: true, fromDataDir: template });
  } catch {
    await rm(file, { force: true });
    return openDatabase({ inMemory: true });
  }
}

async function templateFile(): Promise<string> {
  return join(tmpdir(), `hub-test-pglite-${await pgliteBuild()}.tar`);
}
