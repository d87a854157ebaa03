import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * postgres.js 3.4.9 writes small messages from a timer; when the server closed the connection in between, that timer
 * wrote to a socket that was gone and the TypeError ended the whole process (porsager/postgres#1208; it failed the
 * PostgreSQL-restart test once). patches/postgres+3.4.9.patch, applied by `npm install`'s postinstall, makes such a
 * write settle the waiting query with CONNECTION_CLOSED instead. This test ends a reserved connection's backend, which
 * crashed the unpatched driver on the first query after it; it needs a server, so it runs against DATABASE_URL only.
 */
const url = process.env.DATABASE_URL;

describe.skipIf(!url)('postgres.js on a connection the server closed', () => {
  const pool = postgres(url ?? '', { max: 1, onnotice: () => {} });
  const admin = postgres(url ?? '', { max: 1, onnotice: () => {} });
  afterAll(async () => {
    await pool.end({ timeout: 1 });
    await admin.end({ timeout: 1 });
  });

  it('rejects the next queries with a catchable error instead of ending the process', async () => {
    const uncaught: unknown[] = [];
    const record = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', record);
    try {
      const reserved = await pool.reserve();
      const [row] = await reserved<{ pid: number }[]>`select pg_backend_pid() as pid`;
      await admin`select pg_terminate_backend(${row?.pid ?? 0})`;
      const outcomes: string[] = [];
      for (let n = 0; n < 3; n += 1) {
        try {
          await reserved`select 1`;
          outcomes.push('answered');
        } catch (error) {
          outcomes.push((error as { code?: string }).code ?? 'unknown');
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      // Give a stray timer the chance to fire before looking.
      await new Promise((r) => setTimeout(r, 100));
      expect(uncaught).toEqual([]);
      expect(outcomes.every((o) => o === 'ECONNRESET' || o === 'CONNECTION_CLOSED')).toBe(true);
      // The server is still there for everyone else.
      const [fresh] = await admin<{ one: number }[]>`select 1 as one`;
      expect(fresh?.one).toBe(1);
    } finally {
      process.off('uncaughtException', record);
    }
  }, 15_000);
});
