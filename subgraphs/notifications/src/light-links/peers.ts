import {
  lightAnswerContract,
  lightCapacityContract,
  lightReferralContract,
  organizationContactsContract,
  serviceSummariesContract,
  type LightReferral,
  type OrganizationContact,
  type ServiceSummary,
} from '@hub/contracts';
import { callInternal, type InternalContract, type RequestMeta } from '@hub/service-kit';
import type { z } from 'zod';

/**
 * What single-use links ask of other subgraphs: names and registered addresses (sociale kaart), what a handover's page
 * needs and the answer itself (referrals), a capacity report (sociale kaart). Every call fails closed: an unreachable
 * peer means no page, no e-mail and no change.
 */
export interface LightLinkPeers {
  organizationContacts(organizationIds: readonly string[], meta?: RequestMeta): Promise<OrganizationContact[]>;
  serviceSummaries(serviceIds: readonly string[], meta?: RequestMeta): Promise<ServiceSummary[]>;
  lightReferral(referralId: string, meta?: RequestMeta): Promise<LightReferral | null>;
  answer(body: z.input<typeof lightAnswerContract.request>, meta?: RequestMeta): Promise<'DONE' | 'REFUSED'>;
  reportCapacity(body: z.input<typeof lightCapacityContract.request>, meta?: RequestMeta): Promise<'DONE' | 'REFUSED'>;
}

export function createLightLinkPeers(peerUrls: Record<string, string>, secret: string, timeoutMs: number): LightLinkPeers {
  const call = async <TRequest extends z.ZodType, TResponse extends z.ZodType>(
    peer: string,
    contract: InternalContract<TRequest, TResponse>,
    body: z.input<TRequest>,
    meta?: RequestMeta,
  ): Promise<z.output<TResponse>> => {
    const base = peerUrls[peer];
    if (!base) throw new Error(`The ${peer} subgraph is not configured.`);
    return callInternal(base, contract, body, { secret, meta, timeoutMs });
  };
  return {
    async organizationContacts(organizationIds, meta) {
      if (organizationIds.length === 0) return [];
      return (await call('sociale-kaart', organizationContactsContract, { organizationIds: [...organizationIds] }, meta)).contacts;
    },
    async serviceSummaries(serviceIds, meta) {
      if (serviceIds.length === 0) return [];
      return (await call('sociale-kaart', serviceSummariesContract, { serviceIds: [...serviceIds] }, meta)).services;
    },
    async lightReferral(referralId, meta) {
      return (await call('referrals', lightReferralContract, { referralId }, meta)).referral;
    },
    async answer(body, meta) {
      return (await call('referrals', lightAnswerContract, body, meta)).outcome;
    },
    async reportCapacity(body, meta) {
      return (await call('sociale-kaart', lightCapacityContract, body, meta)).outcome;
    },
  };
}
