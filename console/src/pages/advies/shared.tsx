import { StatusBadge } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { ConsultableOrganizationsDocument } from '../../generated/graphql.ts';
import { execute } from '../../graphql/client.ts';
import { label } from '../../labels.ts';
import { type ConsultableType, CONSULTATION_STATUS_LABELS } from './labels.ts';

export { refusedField, useMutation } from '../overlegtafel/shared.tsx';

export function ConsultationStatusBadge({ status }: { status: string }) {
  return (
    <StatusBadge status={status.toLowerCase()} className="hub-consultation-status">
      {label(CONSULTATION_STATUS_LABELS, status)}
    </StatusBadge>
  );
}

/** At most this many pages of 100: every gemeente of the country fits. */
const MAX_PAGES = 5;

/**
 * The organisations of one type in the sociale kaart, sorted by name, for the "to whom" select: every page of the
 * list, so the select is complete.
 */
export function useConsultableOrganizations(type: ConsultableType) {
  const [state, setState] = useState<{ type: ConsultableType; organizations: { id: string; name: string }[]; failed: boolean } | null>(null);
  useEffect(() => {
    let stopped = false;
    (async () => {
      const organizations: { id: string; name: string }[] = [];
      let after: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const result = await execute(ConsultableOrganizationsDocument, { type, ...(after ? { after } : {}) });
        if (!result.data) throw new Error('no organisations');
        organizations.push(...result.data.organizations.nodes);
        const info = result.data.organizations.pageInfo;
        if (!info.hasNextPage || !info.endCursor) break;
        after = info.endCursor;
      }
      if (!stopped) setState({ type, organizations, failed: false });
    })().catch(() => {
      if (!stopped) setState({ type, organizations: [], failed: true });
    });
    return () => {
      stopped = true;
    };
  }, [type]);
  const current = state?.type === type ? state : null;
  return { organizations: current?.organizations ?? [], loading: current === null, failed: current?.failed ?? false };
}
