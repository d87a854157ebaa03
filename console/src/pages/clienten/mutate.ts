import { describeError, type DutchError } from '../../errors.ts';
import type { TypedDocumentString } from '../../generated/graphql.ts';
import { execute, HubRequestError } from '../../graphql/client.ts';

export interface MutationResult<TData> {
  data: TData | null;
  /** The first error in Dutch, or null when it worked. */
  error: DutchError | null;
  /** The input fields the hub named as wrong (BAD_USER_INPUT `extensions.fields[].path`), e.g. `input.dateOfBirth`. */
  badFields: string[];
}

/** Runs a mutation; every failure comes back as a Dutch error instead of a throw. */
export async function mutate<TData, TVariables>(document: TypedDocumentString<TData, TVariables>, variables: TVariables): Promise<MutationResult<TData>> {
  try {
    const result = await execute(document, variables);
    const first = result.errors[0];
    if (!first) return { data: result.data, error: null, badFields: [] };
    return { data: result.data, error: describeError(first), badFields: badFieldsOf(first.extensions) };
  } catch (error) {
    if (error instanceof HubRequestError) {
      return { data: null, error: error.dutch, badFields: error.errors.flatMap((e) => badFieldsOf(e.extensions)) };
    }
    return { data: null, error: describeError({ code: 'INTERNAL_SERVER_ERROR', extensions: {} }), badFields: [] };
  }
}

function badFieldsOf(extensions: Record<string, unknown>): string[] {
  const fields = extensions.fields;
  if (!Array.isArray(fields)) return typeof extensions.field === 'string' ? [extensions.field] : [];
  return fields.flatMap((f: unknown) => (f && typeof f === 'object' && 'path' in f && typeof f.path === 'string' ? [f.path] : []));
}

/** A short message for the next page (e.g. "Toestemming vastgelegd."), in memory only. */
let flash: string | undefined;
export const setFlash = (message: string) => {
  flash = message;
};
export const takeFlash = (): string | undefined => {
  const message = flash;
  flash = undefined;
  return message;
};
