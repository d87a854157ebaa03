import postgres from 'postgres';
import { postgresSchemaOf, SUBGRAPH_NAMES } from '@hub/config';
import { BenchDataError } from './errors.ts';

/** The Postgres schemas the hub's subgraphs own; the benchmark dataset fills them. */
export const HUB_SCHEMAS: readonly string[] = SUBGRAPH_NAMES.map(postgresSchemaOf);

/** Tables the hub's own start-up seeds on an empty database (reference data): rows there do not count as data. */
const REFERENCE_TABLES = new Set(['sociale_kaart.gemeente', 'sociale_kaart.zorgkantoorregio', 'signals.gemeente_region', 'signals.overlegtafel']);

function databaseNameOf(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!name) throw new BenchDataError('DATABASE_URL must name a database, e.g. postgres://postgres@127.0.0.1:5432/hub_bench');
  return name;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

/** Creates the database named in the URL when it does not exist yet (from the server's `postgres` database). */
export async function ensureDatabase(url: string): Promise<{ created: boolean }> {
  const name = databaseNameOf(url);
  const admin = postgres(withDatabase(url, 'postgres'), { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    const [row] = await admin<{ exists: boolean }[]>`select exists(select 1 from pg_database where datname = ${name}) as exists`;
    if (row?.exists) return { created: false };
    await admin.unsafe(`create database "${name.replace(/"/g, '""')}"`);
    return { created: true };
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/** Tables of the hub schemas that hold at least one row, reference data left out. */
export async function tablesWithData(sql: postgres.Sql): Promise<string[]> {
  const tables = await sql<{ name: string }[]>`
    select table_schema || '.' || table_name as name from information_schema.tables
    where table_schema in ${sql(HUB_SCHEMAS)} and table_type = 'BASE TABLE' order by 1`;
  const filled: string[] = [];
  for (const { name } of tables) {
    if (REFERENCE_TABLES.has(name)) continue;
    const [schema, table] = name.split('.');
    const [row] = await sql<{ filled: boolean }[]>`select exists(select 1 from ${sql(schema ?? '')}.${sql(table ?? '')}) as filled`;
    if (row?.filled) filled.push(name);
  }
  return filled;
}

/**
 * Drops the hub schemas and their migration bookkeeping (drizzle.<schema>_migrations), so the migrations run again
 * from the start. DROP SCHEMA removes the append-only tables as a whole, which their triggers (row-level UPDATE and
 * DELETE, TRUNCATE) do not refuse.
 */
export async function dropHubSchemas(sql: postgres.Sql): Promise<void> {
  for (const schema of HUB_SCHEMAS) {
    await sql.unsafe(`drop schema if exists "${schema}" cascade`);
    await sql.unsafe(`drop table if exists "drizzle"."${schema}_migrations"`);
  }
}
