import postgres from 'postgres';
import { type Database, openDatabase } from './index.ts';

/**
 * Least privilege on the PostgreSQL server. Every subgraph gets two roles, named from a prefix (roles are
 * cluster-wide, so several hubs or test databases on one server each use their own prefix):
 *
 * - the owner `<prefix>_<schema>`: NOLOGIN; owns the subgraph's schema and every object in it, plus its migration
 *   bookkeeping table `drizzle.<schema>_migrations`. Migrations and seeding run as this role (the migrate job connects as
 *   the administrator and does `SET ROLE`). Nobody can log in as it.
 * - the runtime role `<prefix>_<schema>_app`: LOGIN; what the subgraph's process connects as. USAGE on its own schema,
 *   SELECT/INSERT/UPDATE/DELETE on its tables, SELECT and INSERT only on its append-only tables (no UPDATE, DELETE or
 *   TRUNCATE, on top of their triggers), USAGE on its sequences. It owns nothing, so it cannot ALTER, DROP or TRUNCATE,
 *   create triggers or disable them; it has no rights on another subgraph's schema or on `drizzle`.
 *
 * Shared besides: the `pg_trgm` extension's functions and operators in `public` (created by the administrator, used
 * by the sociale kaart's search; EXECUTE is PUBLIC's by default, and `public` grants USAGE only).
 */

/** A subgraph as provisioning sees it. */
export interface SubgraphRoleSpec {
  /** Its Postgres schema, e.g. `cases`. */
  schema: string;
  /** Tables (in its schema) the runtime role may only read and append to. */
  appendOnlyTables: readonly string[];
  /** The runtime role's password; without one the role can log in only where pg_hba.conf trusts it. */
  password?: string | undefined;
}

export interface RoleNames {
  owner: string;
  runtime: string;
}

const IDENTIFIER = /^[a-z][a-z0-9_]{0,49}$/;

/** `<prefix>_<schema>` owns, `<prefix>_<schema>_app` logs in. */
export function roleNamesOf(prefix: string, schema: string): RoleNames {
  const owner = `${prefix}_${schema}`;
  if (!IDENTIFIER.test(owner)) throw new Error(`Role name ${owner} is not a lower-case identifier of at most 50 characters`);
  return { owner, runtime: `${owner}_app` };
}

/** Names come from the prefix (checked by the configuration) and the schema list in code; quoted all the same. */
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

type Sql = postgres.Sql;

/** One connection as the administrator: SET ROLE must hold for every statement of a step, so no pool. */
function adminConnection(url: string): Sql {
  return postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
}

/** Serialises provisioning of one database when several migrate jobs start at once. */
const PROVISION_LOCK = 7_513_001;

/**
 * Creates the roles (idempotent) and hands every existing object of each schema to its owner: on a fresh database
 * this only creates roles; on a database migrated before roles existed (everything owned by the administrator) it
 * moves ownership so later migrations, run as the owner, can alter those objects. Run as the administrator.
 */
export async function provisionRoles(url: string, prefix: string, subgraphs: readonly SubgraphRoleSpec[]): Promise<void> {
  const sql = adminConnection(url);
  try {
    await sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(${PROVISION_LOCK})`;
      const [me] = await tx<{ superuser: boolean; database: string }[]>`
        select rolsuper as superuser, current_database() as database from pg_roles where rolname = current_user`;
      const database = me?.database ?? '';
      // Migration bookkeeping: one table per subgraph, created by (and owned by) that subgraph's owner.
      await tx.unsafe('create schema if not exists drizzle');
      for (const spec of subgraphs) {
        const { owner, runtime } = roleNamesOf(prefix, spec.schema);
        const exists = async (role: string) => (await tx`select 1 from pg_roles where rolname = ${role}`).length > 0;
        if (!(await exists(owner))) await tx.unsafe(`create role ${ident(owner)} nologin`);
        else await tx.unsafe(`alter role ${ident(owner)} nologin`);
        if (!(await exists(runtime))) await tx.unsafe(`create role ${ident(runtime)} login`);
        else await tx.unsafe(`alter role ${ident(runtime)} login nosuperuser nocreatedb nocreaterole noreplication nobypassrls`);
        if (spec.password) await tx.unsafe(`alter role ${ident(runtime)} password ${literal(spec.password)}`);
        // An administrator that is not a superuser (a managed server) must be a member to SET ROLE to the owner.
        if (!me?.superuser) await tx.unsafe(`grant ${ident(owner)} to current_user`);
        // The owner's first migration creates its schema (CREATE SCHEMA needs CREATE on the database); it cannot log in.
        await tx.unsafe(`grant connect, create on database ${ident(database)} to ${ident(owner)}`);
        await tx.unsafe(`grant connect on database ${ident(database)} to ${ident(runtime)}`);
        await tx.unsafe(`grant usage, create on schema drizzle to ${ident(owner)}`);
        await adoptSchema(tx, spec.schema, owner);
      }
    });
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Gives the schema, its tables, sequences, views, functions and types, and its bookkeeping table to the owner. */
async function adoptSchema(tx: postgres.TransactionSql, schema: string, owner: string): Promise<void> {
  const [found] = await tx<{ owner: string }[]>`select nspowner::regrole::text as owner from pg_namespace where nspname = ${schema}`;
  if (found) {
    if (found.owner !== ident(owner) && found.owner !== owner) await tx.unsafe(`alter schema ${ident(schema)} owner to ${ident(owner)}`);
    // Sequences owned by a column follow their table; indexes follow too.
    const relations = await tx<{ name: string; kind: string }[]>`
      select c.relname as name, c.relkind as kind from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = ${schema} and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
        and c.relowner <> ${owner}::regrole
        and not (c.relkind = 'S' and exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i')))`;
    for (const r of relations) {
      const what = r.kind === 'S' ? 'sequence' : r.kind === 'v' ? 'view' : r.kind === 'm' ? 'materialized view' : r.kind === 'f' ? 'foreign table' : 'table';
      await tx.unsafe(`alter ${what} ${ident(schema)}.${ident(r.name)} owner to ${ident(owner)}`);
    }
    const functions = await tx<{ signature: string }[]>`
      select p.oid::regprocedure::text as signature from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = ${schema} and p.proowner <> ${owner}::regrole`;
    for (const f of functions) await tx.unsafe(`alter routine ${f.signature} owner to ${ident(owner)}`);
    const types = await tx<{ name: string }[]>`
      select t.typname as name from pg_type t join pg_namespace n on n.oid = t.typnamespace
      where n.nspname = ${schema} and t.typtype in ('e', 'd', 'c') and t.typowner <> ${owner}::regrole
        and (t.typrelid = 0 or (select relkind from pg_class where oid = t.typrelid) = 'c')`;
    for (const t of types) await tx.unsafe(`alter type ${ident(schema)}.${ident(t.name)} owner to ${ident(owner)}`);
  }
  const [bookkeeping] = await tx<{ owner: string }[]>`
    select c.relowner::regrole::text as owner from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'drizzle' and c.relname = ${`${schema}_migrations`}`;
  if (bookkeeping && bookkeeping.owner !== owner && bookkeeping.owner !== ident(owner)) {
    await tx.unsafe(`alter table drizzle.${ident(`${schema}_migrations`)} owner to ${ident(owner)}`);
  }
}

/**
 * Runs `fn` with a database handle whose connection acts as the owner (the `role` setting at connection start): what migrations and seeding
 * create is the owner's, and they can reach nothing the owner cannot.
 */
export async function asOwner<T>(url: string, prefix: string, schema: string, fn: (database: Database) => Promise<T>): Promise<T> {
  const { owner } = roleNamesOf(prefix, schema);
  const database = await openDatabase({ url, poolSize: 1, role: owner });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

/**
 * The runtime role's rights on the subgraph's schema as they stand after the migrations: re-granted from scratch on
 * every migrate (a table a new migration added is covered, a right granted by hand is taken away). Run as the
 * owner, who holds the grant rights.
 */
export async function grantRuntimeRole(url: string, prefix: string, spec: SubgraphRoleSpec): Promise<void> {
  const { owner, runtime } = roleNamesOf(prefix, spec.schema);
  const schema = ident(spec.schema);
  const app = ident(runtime);
  const sql = adminConnection(url);
  try {
    await sql.begin(async (tx) => {
      await tx.unsafe(`set local role ${ident(owner)}`);
      await tx.unsafe(`revoke all on schema ${schema} from public`);
      await tx.unsafe(`grant usage on schema ${schema} to ${app}`);
      await tx.unsafe(`revoke all on all tables in schema ${schema} from ${app}`);
      await tx.unsafe(`revoke all on all sequences in schema ${schema} from ${app}`);
      await tx.unsafe(`grant select, insert, update, delete on all tables in schema ${schema} to ${app}`);
      for (const table of spec.appendOnlyTables) {
        await tx.unsafe(`revoke update, delete, truncate on ${schema}.${ident(table)} from ${app}`);
      }
      await tx.unsafe(`grant usage, select on all sequences in schema ${schema} to ${app}`);
      // Trigger functions, and the owner's purge functions (SECURITY DEFINER) that do what the runtime role may not.
      await tx.unsafe(`grant execute on all functions in schema ${schema} to ${app}`);
    });
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Removes a prefix's roles (tests, or taking a hub off a shared server): what they own in the database at `url` is
 * dropped and their rights revoked first. Roles that own objects in another database stay, and the error says so.
 */
export async function dropRoles(url: string, prefix: string, schemas: readonly string[]): Promise<void> {
  const sql = adminConnection(url);
  try {
    for (const schema of schemas) {
      const { owner, runtime } = roleNamesOf(prefix, schema);
      for (const role of [runtime, owner]) {
        if ((await sql`select 1 from pg_roles where rolname = ${role}`).length === 0) continue;
        await sql.unsafe(`drop owned by ${ident(role)} cascade`);
        await sql.unsafe(`drop role ${ident(role)}`);
      }
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}
