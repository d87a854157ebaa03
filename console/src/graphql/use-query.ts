import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../auth/session.ts';
import type { DutchError, HubError } from '../errors.ts';
import { describeError } from '../errors.ts';
import type { TypedDocumentString } from '../generated/graphql.ts';
import { execute, HubRequestError, type HubResult } from './client.ts';

export interface QueryState<TData> {
  data: TData | null;
  /** Errors on fields of a partial answer (e.g. a refused field), in Dutch. */
  fieldErrors: DutchError[];
  /** The same errors as the hub sent them: code, extensions and the path of the field. */
  fieldErrorsRaw: HubResult<TData>['errors'];
  /** Why there is no data at all, in Dutch. */
  error: DutchError | null;
  /** The same as the hub sent it (code and extensions), e.g. to show a BAD_USER_INPUT next to its field. */
  errorRaw: HubError[];
  loading: boolean;
  /** Milliseconds from sending to the answer, for the speed check. */
  ms: number | undefined;
  /** Asks again with the same variables (after a change), keeping the current data on screen meanwhile. */
  reload: () => void;
}

/**
 * Runs a query whenever its variables (or the signed-in user) change; an older request still in flight is
 * aborted, so a slow answer never replaces a newer one.
 */
export function useQuery<TData, TVariables>(
  document: TypedDocumentString<TData, TVariables>,
  variables: TVariables,
  options: { skip?: boolean } = {},
): QueryState<TData> {
  const session = useSession();
  const key = JSON.stringify(variables);
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  const [state, setState] = useState<Omit<QueryState<TData>, 'reload'>>({
    data: null,
    fieldErrors: [],
    fieldErrorsRaw: [],
    error: null,
    errorRaw: [],
    loading: !options.skip,
    ms: undefined,
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the variables; a new session or `reload` asks again.
  useEffect(() => {
    if (options.skip) return;
    const controller = new AbortController();
    const started = performance.now();
    setState((s) => ({ ...s, loading: true }));
    execute(document, JSON.parse(key) as TVariables, { signal: controller.signal }).then(
      (result: HubResult<TData>) => {
        setState({
          data: result.data,
          fieldErrors: result.errors.map(describeError),
          fieldErrorsRaw: result.errors,
          error: null,
          errorRaw: [],
          loading: false,
          ms: performance.now() - started,
        });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const dutch = error instanceof HubRequestError ? error.dutch : describeError({ code: 'INTERNAL_SERVER_ERROR', extensions: {} });
        const raw = error instanceof HubRequestError ? error.errors : [];
        setState({ data: null, fieldErrors: [], fieldErrorsRaw: [], error: dutch, errorRaw: raw, loading: false, ms: undefined });
      },
    );
    return () => controller.abort();
  }, [document, key, options.skip, session?.token, round]);

  return { ...state, reload };
}
