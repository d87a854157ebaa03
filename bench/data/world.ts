import { demoIds, deterministicUuid } from '@hub/domain';
import { readReferenceData, type GemeenteRecord, type RegionRecord } from '../../subgraphs/sociale-kaart/src/reference-data.ts';
import { volumesOf, type BenchScale, type Volumes } from './scale.ts';

/**
 * The fixed frame every generator step reads: the real gemeenten and regions (the sociale kaart's reference data),
 * the client → gemeente allocation in proportion to population, the organisations of the sociale kaart demo data,
 * the professionals who act for them, and the reference date all timestamps are relative to.
 */

export interface Professional {
  userId: string;
  name: string;
}

export interface RegionInfo {
  code: string;
  name: string;
  /** Position in zorgkantoorregios.csv: the sociale kaart demo data numbers OCO and provider organisations by it. */
  index: number;
  gemeenten: GemeenteRecord[];
  /** Cumulative population of `gemeenten`, for drawing a gemeente in proportion to population. */
  cumulativePopulation: number[];
  zorgkantoorOrganizationId: string;
  ocoOrganizationId: string;
}

export interface ReferralDeadlines {
  /** Working days to respond, per referral kind (the referrals subgraph's REFERRAL_RESPOND_DAYS). */
  respondDays: Record<string, number>;
  /** Working days after acceptance to start (REFERRAL_START_DAYS). */
  startDays: number;
}

export interface World {
  scale: BenchScale;
  volumes: Volumes;
  /** YYYY-MM-DD (Europe/Amsterdam); every timestamp lies before `now`. */
  referenceDate: string;
  /** Midnight UTC at the start of the reference date. */
  now: Date;
  gemeenten: GemeenteRecord[];
  regions: RegionInfo[];
  regionByCode: Map<string, RegionInfo>;
  /** clientGemeenteEnd[g] = first client index after gemeente g's block (gemeenten in code order). */
  clientGemeenteEnd: Int32Array;
  deadlines: ReferralDeadlines;
  /** Providers per region in the sociale kaart demo data at the scale used (its own formula, see demo-data.ts). */
  providersPerRegion: number;
}

const FIRST_NAMES = [
  'Anouk',
  'Bas',
  'Carla',
  'Daan',
  'Eline',
  'Fatima',
  'Gijs',
  'Hanneke',
  'Ivo',
  'Joyce',
  'Koen',
  'Latifa',
  'Maarten',
  'Noor',
  'Olaf',
  'Petra',
  'Quinten',
  'Rosa',
  'Stijn',
  'Tamara',
  'Umut',
  'Vera',
  'Willem',
  'Yara',
];
const LAST_NAMES = ['Proefmans', 'de Testhof', 'van Demoorde', 'Fictiefsma', 'Voorbeeldt', 'van der Oefen', 'Schijnveld', 'Bedachtman'];

function professionalName(k: number): string {
  return `${FIRST_NAMES[k % FIRST_NAMES.length] ?? 'Anouk'} ${LAST_NAMES[Math.floor(k / FIRST_NAMES.length) % LAST_NAMES.length] ?? 'Proefmans'}`;
}

/** A few fictional professionals per organisation: user ids the benchmark's tokens can use, names for the records. */
export function professionalsOf(prefix: string, count: number, salt: number): Professional[] {
  return Array.from({ length: count }, (_, k) => ({ userId: `bench-${prefix}-${k + 1}`, name: professionalName(salt * 7 + k * 5) }));
}

/** Largest-remainder allocation of `total` over `weights`: the shares add up exactly. */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, frac: e - Math.floor(e) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    left--;
  }
  return counts;
}

export function buildWorld(scale: BenchScale, referenceDate: string, deadlines: ReferralDeadlines): World {
  const { gemeenten: all, regions: regionRecords } = readReferenceData();
  const gemeenten = [...all].sort((a, b) => a.code.localeCompare(b.code));
  const volumes = volumesOf(scale);
  const counts = allocate(
    volumes.clients,
    gemeenten.map((g) => g.population),
  );
  const clientGemeenteEnd = new Int32Array(gemeenten.length);
  let running = 0;
  counts.forEach((n, g) => {
    running += n;
    clientGemeenteEnd[g] = running;
  });
  const regions = regionRecords.map((r: RegionRecord, index): RegionInfo => {
    const members = gemeenten.filter((g) => g.zorgkantoorregioCode === r.code);
    let cumulative = 0;
    return {
      code: r.code,
      name: r.name,
      index,
      gemeenten: members,
      cumulativePopulation: members.map((g) => (cumulative += g.population)),
      zorgkantoorOrganizationId: demoIds.zorgkantoorOrganization(r.code),
      // The sociale kaart demo data gives every pair of regions one OCO provider (index ⌊regionIndex / 2⌋).
      ocoOrganizationId: demoIds.ocoOrganization(Math.floor(index / 2)),
    };
  });
  return {
    scale,
    volumes,
    referenceDate,
    now: new Date(`${referenceDate}T00:00:00Z`),
    gemeenten,
    regions,
    regionByCode: new Map(regions.map((r) => [r.code, r])),
    clientGemeenteEnd,
    deadlines,
    providersPerRegion: Math.max(1, Math.round(20 * volumes.socialeKaartScale)),
  };
}

/** The gemeente index of client i (binary search over the allocation blocks). */
export function gemeenteIndexOf(world: World, client: number): number {
  const ends = world.clientGemeenteEnd;
  let lo = 0;
  let hi = ends.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ends[mid] ?? 0) > client) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A gemeente of the region drawn in proportion to population, from a random number in [0, 1). */
export function gemeenteInRegion(region: RegionInfo, r: number): GemeenteRecord | undefined {
  const total = region.cumulativePopulation[region.cumulativePopulation.length - 1] ?? 0;
  const target = r * total;
  const at = region.cumulativePopulation.findIndex((c) => c > target);
  return region.gemeenten[at < 0 ? region.gemeenten.length - 1 : at];
}

/** The verblijf service and organisation of a provider in the sociale kaart demo data (NO_CAPACITY signals name them). */
export function demoProvider(regionIndex: number, p: number): { organizationId: string; serviceId: string } {
  const providerIndex = regionIndex * 100000 + p;
  return {
    organizationId: demoIds.providerOrganization(providerIndex),
    serviceId: deterministicUuid('hub-demo-service', `verblijf:${providerIndex}`),
  };
}
