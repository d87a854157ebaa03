import { DEMO_PROFESSIONALS } from '@hub/domain';
import type { GraphQLBody, GraphQLResult, TestHub } from './hub.ts';

/**
 * Small helpers every test folder used to write for itself: the data of a response that must have no errors, the
 * error codes of a response, and a signed-in party (an organisation and a token).
 */

/** The response's data; throws with the errors when there are any, or when there is no data. */
export function dataOf<T>(result: GraphQLResult<T>): T;
/** The same, for a response typed loosely (the caller names the shape it expects). */
export function dataOf<T>(result: GraphQLResult<unknown>): T;
export function dataOf<T>(result: GraphQLResult<unknown>): T {
  if (result.body.errors?.length) throw new Error(`expected no GraphQL errors, got ${JSON.stringify(result.body.errors)}`);
  if (result.body.data === undefined || result.body.data === null) throw new Error('expected data in the GraphQL response, got none');
  return result.body.data as T;
}

/** The `extensions.code` of every error, in order. */
export const errorCodes = (result: { body: GraphQLBody<unknown> }): (string | undefined)[] => (result.body.errors ?? []).map((e) => e.extensions?.code);

/** A signed-in caller: the organisation it acts for and its bearer token. */
export interface Party {
  organizationId: string;
  token: string;
}

/** One of the demo principals (DEMO_PROFESSIONALS, by subject) as a party with a fresh token; needs `seedDemo`. */
export async function demoParty(hub: Pick<TestHub, 'tokenFor'>, subject: string): Promise<Party> {
  const principal = DEMO_PROFESSIONALS.find((d) => d.subject === subject);
  if (!principal) throw new Error(`no demo principal with subject ${subject}`);
  const { label: _label, ...claims } = principal;
  return { organizationId: principal.organizationId, token: await hub.tokenFor(claims) };
}
