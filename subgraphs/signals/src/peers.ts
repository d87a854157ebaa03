import { organizationFactsContract, type OrganizationFacts } from '@hub/contracts';
import { subgraphUnavailable } from '@hub/errors';
import { callInternal, type RequestMeta } from '@hub/service-kit';

/**
 * The cross-subgraph contracts this subgraph calls: the organisation facts of the sociale kaart, declared once in
 * @hub/contracts. Bodies carry ids only. The call fails closed: an unreachable sociale kaart, or an answer outside
 * the contract, means no consultation is stored (SUBGRAPH_UNAVAILABLE naming the sociale kaart).
 */
export interface PeerClient {
  organizationFacts(organizationIds: readonly string[], meta?: RequestMeta): Promise<OrganizationFacts[]>;
}

export function createPeerClient(peerUrls: Record<string, string>, secret: string, timeoutMs: number): PeerClient {
  return {
    async organizationFacts(organizationIds, meta) {
      const base = peerUrls['sociale-kaart'];
      if (!base) throw subgraphUnavailable('sociale-kaart', 'UNREACHABLE');
      try {
        const res = await callInternal(base, organizationFactsContract, { organizationIds: [...organizationIds] }, { secret, meta, timeoutMs });
        return res.facts;
      } catch {
        throw subgraphUnavailable('sociale-kaart', 'UNREACHABLE');
      }
    },
  };
}
