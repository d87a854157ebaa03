import { DataBadge, StatusBadge } from '@utrecht/component-library-react';
import { useState } from 'react';
import { describeError, type DutchError } from '../../errors.ts';
import type { TypedDocumentString } from '../../generated/graphql.ts';
import { execute, HubRequestError } from '../../graphql/client.ts';
import { label } from '../../labels.ts';
import { type DeadlineBadge as Badge, REFERRAL_STATUS_LABELS } from './labels.ts';

export const clientName = (name: { givenName: string; namePrefix: string | null; familyName: string } | null | undefined): string =>
  name ? [name.givenName, name.namePrefix, name.familyName].filter(Boolean).join(' ') : 'Naam niet zichtbaar';

const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Amsterdam',
});
export const formatDateTime = (iso: string): string => dateTimeFormat.format(new Date(iso));

export function ReferralStatusBadge({ status }: { status: string }) {
  return (
    <StatusBadge status={status.toLowerCase()} className={`hub-handover-status hub-handover-status--${status.toLowerCase()}`}>
      {label(REFERRAL_STATUS_LABELS, status)}
    </StatusBadge>
  );
}

export function DeadlineBadge({ badge }: { badge: Badge }) {
  if (!badge) return null;
  return <DataBadge className={`hub-deadline hub-deadline--${badge.kind}`}>{badge.text}</DataBadge>;
}

/** Runs one mutation: the data, or the error in Dutch (also for an error on a field of a partial answer). */
export function useMutation<TData, TVariables>(document: TypedDocumentString<TData, TVariables>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DutchError | null>(null);
  async function run(variables: TVariables): Promise<TData | null> {
    setBusy(true);
    setError(null);
    try {
      const result = await execute(document, variables);
      const first = result.errors[0];
      if (first) {
        setError(describeError(first));
        return null;
      }
      return result.data;
    } catch (e) {
      setError(e instanceof HubRequestError ? e.dutch : describeError({ code: 'INTERNAL_SERVER_ERROR', extensions: {} }));
      return null;
    } finally {
      setBusy(false);
    }
  }
  return { run, busy, error, clearError: () => setError(null) };
}
