import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { getTableColumns, type Column } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type postgres from 'postgres';

/**
 * Bulk loading with PostgreSQL `COPY … FROM STDIN` in text format. Rows are the drizzle insert type of the target
 * table, so a generator that misnames a column or gives it the wrong type fails to compile; the column list and
 * each value's text form come from the same drizzle column metadata the subgraphs use.
 */

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPE_ALL = /[\\\t\n\r]/g;

/** A value as COPY text: backslash, tab, newline and carriage return escaped (the only bytes text format treats specially). */
function copyEscape(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPE_ALL, (c) => ESCAPES[c] ?? c) : text;
}

const ARRAY_ELEMENT_NEEDS_QUOTES = /[{}",\\\s]/;

/** A Postgres array literal such as {a,b}; elements with braces, commas, quotes, backslashes or spaces are quoted. */
function arrayLiteral(values: readonly (string | null)[]): string {
  const parts = values.map((v) => {
    if (v === null) return 'NULL';
    if (v === '' || v.toUpperCase() === 'NULL' || ARRAY_ELEMENT_NEEDS_QUOTES.test(v)) return `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`;
    return v;
  });
  return `{${parts.join(',')}}`;
}

type Encoder = (value: unknown) => string;

const NULL = '\\N';

function encoderFor(column: Column): Encoder {
  switch (column.columnType) {
    case 'PgArray':
      return (v) => (v == null ? NULL : copyEscape(arrayLiteral(v as (string | null)[])));
    case 'PgJsonb':
    case 'PgJson':
      return (v) => (v === undefined || v === null ? NULL : copyEscape(JSON.stringify(v)));
    case 'PgTimestamp':
    case 'PgTimestampString':
      return (v) => (v == null ? NULL : v instanceof Date ? v.toISOString() : copyEscape(String(v)));
    case 'PgDate':
      return (v) => (v == null ? NULL : v instanceof Date ? v.toISOString().slice(0, 10) : copyEscape(String(v)));
    case 'PgBoolean':
      return (v) => (v == null ? NULL : v ? 't' : 'f');
    default:
      return (v) => (v == null ? NULL : copyEscape(String(v)));
  }
}

/** What one COPY of a table needs: its qualified name, the column list of the rows given, and one encoder per column. */
interface CopyPlan {
  statement: string;
  keys: string[];
  encoders: Encoder[];
}

function planCopy(table: PgTable, sample: Record<string, unknown>): CopyPlan {
  const { name, schema } = getTableConfig(table);
  // Only the columns the rows set: the rest keep their database default (generated columns cannot be copied at all).
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => sample[key] !== undefined);
  const quoted = columns.map(([, c]) => `"${c.name}"`).join(', ');
  return {
    statement: `copy "${schema ?? 'public'}"."${name}" (${quoted}) from stdin`,
    keys: columns.map(([key]) => key),
    encoders: columns.map(([, c]) => encoderFor(c)),
  };
}

function encodeRows(plan: CopyPlan, rows: readonly Record<string, unknown>[]): string {
  const lines: string[] = new Array<string>(rows.length);
  const { keys, encoders } = plan;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? {};
    let line = '';
    for (let c = 0; c < keys.length; c++) {
      const encode = encoders[c];
      if (!encode) continue;
      if (c > 0) line += '\t';
      line += encode(row[keys[c] ?? '']);
    }
    lines[r] = line;
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Starts `COPY … FROM STDIN` and returns its stream. postgres.js resolves the query with the stream as soon as the
 * server accepts the COPY; a server error that arrives after the stream has ended (a bad row in the last chunk) then
 * reaches only the query's own reject, and the stream would never finish. The reject is wrapped so such an error
 * destroys the stream (the CopyFail this sends is dropped by the server, which has left COPY mode already).
 */
async function openCopy(sql: postgres.Sql, statement: string, onError: (error: unknown) => void): Promise<Writable> {
  const query = sql.unsafe(statement);
  const internals = query as unknown as { reject?: (error: unknown) => void };
  const reject = internals.reject;
  if (typeof reject !== 'function') throw new Error('this postgres.js version does not expose COPY errors; refusing to load blind');
  let stream: Writable | undefined;
  internals.reject = (error: unknown) => {
    onError(error);
    if (stream && !stream.destroyed) stream.destroy(error instanceof Error ? error : new Error(String(error)));
    reject(error);
  };
  stream = await query.writable();
  stream.on('error', onError);
  return stream;
}

/** One table of a COPY pass. */
export interface CopyTarget {
  name: string;
  table: PgTable;
}

interface OpenCopy {
  plan: CopyPlan;
  stream: Writable;
  rows: number;
}

/**
 * Streams batches into several tables at once, one COPY statement (and one connection, one transaction) per table,
 * so one pass over the generated data feeds all of them while the server works on each in its own backend. Batch
 * `k`'s element `i` holds the rows for `targets[i]`. The column list of a table comes from its first row (rows of a
 * table are built by one function, so they share it). Backpressure comes from the sockets: the next batch is built
 * only when every stream has taken the previous one. Returns the rows written per target name.
 */
export async function copyMany(sql: postgres.Sql, targets: readonly CopyTarget[], batches: Iterable<readonly unknown[][]>): Promise<Record<string, number>> {
  const open: (OpenCopy | undefined)[] = targets.map(() => undefined);
  let failure: unknown;
  const fail = (error: unknown) => {
    failure ??= error;
  };
  try {
    for (const batch of batches) {
      for (let i = 0; i < targets.length; i++) {
        const rows = batch[i] as Record<string, unknown>[] | undefined;
        const target = targets[i];
        if (!rows?.length || !target) continue;
        let copy = open[i];
        if (!copy) {
          const plan = planCopy(target.table, rows[0] ?? {});
          const stream = await openCopy(sql, plan.statement, fail);
          copy = { plan, stream, rows: 0 };
          open[i] = copy;
        }
        copy.rows += rows.length;
        if (!copy.stream.write(encodeRows(copy.plan, rows)) && failure === undefined) await once(copy.stream, 'drain');
        if (failure !== undefined) throw failure;
      }
    }
    await Promise.all(
      open.map(async (copy) => {
        if (!copy) return;
        copy.stream.end();
        await finished(copy.stream);
      }),
    );
    if (failure !== undefined) throw failure;
  } catch (error) {
    // A failed COPY rolls back on its own; the ones still open are aborted (CopyFail) rather than committed half-way.
    for (const copy of open) if (copy && !copy.stream.destroyed) copy.stream.destroy(error instanceof Error ? error : new Error('copy aborted'));
    throw error;
  }
  return Object.fromEntries(targets.map((t, i) => [t.name, open[i]?.rows ?? 0]));
}

/** One table from a sequence of row chunks. */
export async function copyInto<T extends PgTable>(sql: postgres.Sql, table: T, chunks: Iterable<T['$inferInsert'][]>): Promise<number> {
  const counts = await copyMany(
    sql,
    [{ name: 'table', table }],
    (function* () {
      for (const chunk of chunks) yield [chunk];
    })(),
  );
  return counts.table ?? 0;
}

/** Groups a row stream into chunks of `size` rows. */
export function* chunked<T>(rows: Iterable<T>, size: number): Generator<T[]> {
  let chunk: T[] = [];
  for (const row of rows) {
    chunk.push(row);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length) yield chunk;
}
