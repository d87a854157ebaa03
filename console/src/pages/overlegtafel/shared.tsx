import { Paragraph, StatusBadge } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useSession } from '../../auth/session.ts';
import { describeError, type DutchError, type HubError } from '../../errors.ts';
import type { TypedDocumentString } from '../../generated/graphql.ts';
import { execute, HubRequestError } from '../../graphql/client.ts';
import { label } from '../../labels.ts';
import { KNELPUNT_STATUS_LABELS } from './labels.ts';

/**
 * Runs one mutation: the data, or the error in Dutch, and the error as the hub sent it (code and extensions), so a
 * form can put a refused field's message next to that field.
 */
export function useMutation<TData, TVariables>(document: TypedDocumentString<TData, TVariables>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DutchError | null>(null);
  const [rawError, setRawError] = useState<HubError | null>(null);
  async function run(variables: TVariables): Promise<TData | null> {
    setBusy(true);
    setError(null);
    setRawError(null);
    try {
      const result = await execute(document, variables);
      const first = result.errors[0];
      if (first) {
        setError(describeError(first));
        setRawError(first);
        return null;
      }
      return result.data;
    } catch (e) {
      const first = e instanceof HubRequestError ? e.errors[0] : undefined;
      setError(e instanceof HubRequestError ? e.dutch : describeError({ code: 'INTERNAL_SERVER_ERROR', extensions: {} }));
      setRawError(first ?? null);
      return null;
    } finally {
      setBusy(false);
    }
  }
  return { run, busy, error, rawError };
}

/** The privacy guard's refusal of one field (`extensions.personalData`, the kind found), if that is the error. */
export function refusedField(error: HubError | null): { field: string; kind: string } | null {
  if (error?.code !== 'BAD_USER_INPUT' || typeof error.extensions.personalData !== 'string') return null;
  return { field: String(error.extensions.field ?? ''), kind: error.extensions.personalData };
}

/** The zorgkantoorregio of the signed-in member (the token's claim), or undefined. */
export function useRegion(): string | undefined {
  return useSession()?.user.zorgkantoorregio;
}

export function NoRegion() {
  return (
    <Paragraph>
      Bij uw inlog hoort geen zorgkantoorregio. Daarom kunnen we niet laten zien bij welke overlegtafel u hoort. Vraag de beheerder van uw organisatie om dit
      aan te passen.
    </Paragraph>
  );
}

export function KnelpuntStatusBadge({ status }: { status: string }) {
  return (
    <StatusBadge status={status.toLowerCase()} className={`hub-knelpunt-status hub-knelpunt-status--${status.toLowerCase()}`}>
      {label(KNELPUNT_STATUS_LABELS, status)}
    </StatusBadge>
  );
}
