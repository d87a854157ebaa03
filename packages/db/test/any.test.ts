import { pgTable, text, uuid, PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { anyText, anyUuid } from '../src/index.ts';

const item = pgTable('item', { id: uuid('id').primaryKey(), code: text('code').notNull() });
const render = (expression: Parameters<PgDialect['sqlToQuery']>[0]) => new PgDialect().sqlToQuery(expression);

describe('anyUuid / anyText', () => {
  it('compare a column with one array parameter, however many keys', () => {
    const ids = Array.from({ length: 70_000 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const query = render(anyUuid(item.id, ids));
    expect(query.sql).toBe('"item"."id" = any($1::uuid[])');
    expect(query.params).toEqual([ids]);
  });

  it('cast text keys as text[]', () => {
    const query = render(anyText(item.code, ['GM0363', 'GM0599']));
    expect(query.sql).toBe('"item"."code" = any($1::text[])');
    expect(query.params).toEqual([['GM0363', 'GM0599']]);
  });

  it('copy the keys: changing the array afterwards does not change the statement', () => {
    const codes = ['GM0363'];
    const query = render(anyText(item.code, codes));
    codes.push('GM0599');
    expect(query.params).toEqual([['GM0363']]);
  });
});
