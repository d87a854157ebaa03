import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type postgres from 'postgres';
import { demoIds } from '@hub/domain';
import { periodOfDate, shiftPeriod } from '../../subgraphs/signals/src/periods.ts';
import { BENCH_TMP } from '../src/secrets.ts';

/**
 * The dataset manifest the load driver reads: what was loaded, how long it took, and sample ids for the benchmark's
 * queries, each chosen by SQL over the loaded rows so it holds by construction of the data, not by assumption.
 */

export const MANIFEST_PATH = join(BENCH_TMP, 'dataset.json');

const SAMPLE_GEMEENTE = 'GM0363';
const SAMPLE_REGION = 'ZK02';
const SAMPLE_SIGNALS_REGION = 'ZK22';
const SAMPLE_CLIENTS = 200;

export interface DatasetManifest {
  scale: string;
  generatedAt: string;
  /** The day the dataset is relative to (Europe/Amsterdam); every timestamp lies before its start in UTC. */
  referenceDate: string;
  seconds: Record<string, number> & { total: number };
  counts: Record<string, number>;
  samples: {
    clientView: { organizationId: string; gemeenteCode: string; clientIds: string[] };
    inbox: { organizationId: string; regionCode: string; received: number; requested: number };
    quarter: { regionCode: string; quarter: string };
  };
}

/** The last quarter that ended before the reference date, as signalSummary(granularity: QUARTER, from:) takes it. */
function lastCompleteQuarter(referenceDate: string): string {
  return shiftPeriod(periodOfDate('QUARTER', referenceDate), -1).key;
}

/**
 * Clients of the sample gemeente whose Wlz trajectory at the region's zorgkantoor the gemeente may read through an
 * active consent (HANDOVER for INTEGRATED_SUPPORT, the default purpose of a read) and who have a referral.
 */
async function findClientViewSample(sql: postgres.Sql, limit = SAMPLE_CLIENTS): Promise<string[]> {
  const gemeenteOrg = demoIds.gemeenteOrganization(SAMPLE_GEMEENTE);
  const zorgkantoorOrg = demoIds.zorgkantoorOrganization(SAMPLE_REGION);
  const rows = await sql<{ id: string }[]>`
    select c.id from cases.client c
    where c.registered_by_organization_id = ${gemeenteOrg} and c.gemeente_code = ${SAMPLE_GEMEENTE}
      and exists (select 1 from cases.trajectory t where t.client_id = c.id and t.organization_id = ${zorgkantoorOrg} and t.legal_domain = 'WLZ')
      and exists (select 1 from cases.consent k where k.client_id = c.id and k.receiving_organization_id = ${gemeenteOrg}
        and 'HANDOVER' = any(k.categories) and k.purpose = 'INTEGRATED_SUPPORT' and k.revoked_at is null
        and k.valid_from <= now() and (k.valid_until is null or k.valid_until > now()))
      and exists (select 1 from referrals.referral r where r.client_id = c.id)
    order by c.id limit ${limit}`;
  return rows.map((r) => r.id);
}

export async function buildSamples(sql: postgres.Sql, referenceDate: string): Promise<DatasetManifest['samples']> {
  const zorgkantoorOrg = demoIds.zorgkantoorOrganization(SAMPLE_REGION);
  const [inbox] = await sql<{ received: number; requested: number }[]>`
    select count(*) filter (where status <> 'DRAFT')::int as received, count(*) filter (where status = 'REQUESTED')::int as requested
    from referrals.referral where to_organization_id = ${zorgkantoorOrg}`;
  return {
    clientView: { organizationId: demoIds.gemeenteOrganization(SAMPLE_GEMEENTE), gemeenteCode: SAMPLE_GEMEENTE, clientIds: await findClientViewSample(sql) },
    inbox: { organizationId: zorgkantoorOrg, regionCode: SAMPLE_REGION, received: inbox?.received ?? 0, requested: inbox?.requested ?? 0 },
    quarter: { regionCode: SAMPLE_SIGNALS_REGION, quarter: lastCompleteQuarter(referenceDate) },
  };
}

export function writeManifest(manifest: DatasetManifest, path = MANIFEST_PATH): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
  return path;
}

export function readManifest(path = MANIFEST_PATH): DatasetManifest {
  return JSON.parse(readFileSync(path, 'utf8')) as DatasetManifest;
}
