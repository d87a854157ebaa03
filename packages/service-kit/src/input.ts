import type { z } from 'zod';
import { isUuid } from '@hub/domain';
import { badInput } from '@hub/errors';

/** Turns the first zod issue into BAD_USER_INPUT naming the field, e.g. `input.openingHours.0.closesAt`. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, root: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = [root, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.');
  throw badInput(field, `Invalid ${field}: ${issue?.message ?? 'invalid value'}.`);
}

export function requireUuid(value: string, field: string): string {
  if (!isUuid(value)) throw badInput(field, `${field} must be a UUID.`);
  return value.toLowerCase();
}
