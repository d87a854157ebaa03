import type { z } from 'zod';
import { isUuid } from '@hub/domain';
import { badInput, invalidInput, type InvalidField } from '@hub/errors';

/**
 * Turns every zod issue into one BAD_USER_INPUT listing each invalid field (`extensions.fields`, e.g.
 * `input.openingHours.0.closesAt`), so a form can mark them all at once; `extensions.field` is the first. A field
 * with several issues is listed once, with its first.
 */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, root: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const fields: InvalidField[] = [];
  for (const issue of r.error.issues) {
    const path = [root, ...issue.path.map(String)].filter(Boolean).join('.');
    if (fields.some((f) => f.path === path)) continue;
    fields.push({ path, code: issue.code.toUpperCase(), message: `Invalid ${path}: ${issue.message}.` });
  }
  const [first, ...more] = fields;
  throw invalidInput(first ? [first, ...more] : [{ path: root, code: 'INVALID', message: `Invalid ${root}.` }]);
}

export function requireUuid(value: string, field: string): string {
  if (!isUuid(value)) throw badInput(field, `${field} must be a UUID.`);
  return value.toLowerCase();
}
