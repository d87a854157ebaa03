import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Every table of this subgraph lives in its own Postgres schema. */
export const socialeKaart = pgSchema('sociale_kaart');

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * What an HSDS import held that the native columns cannot (or hold differently): the source value of each
 * such field (JSON text, so key order survives jsonb), the fields the source left out, and a fingerprint of the
 * native export of each field at import time. The export shows the source value only while the native value is
 * unchanged, so a later edit in the hub wins. Null for data that never came through an HSDS import.
 */
export interface HsdsResidue {
  fields: [string, string][];
  absent: string[];
  base: Record<string, string>;
}

export const zorgkantoorregio = socialeKaart.table('zorgkantoorregio', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
});

export const gemeente = socialeKaart.table(
  'gemeente',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    province: text('province').notNull(),
    population: integer('population').notNull(),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    zorgkantoorregioCode: text('zorgkantoorregio_code')
      .notNull()
      .references(() => zorgkantoorregio.code),
  },
  (t) => [index('gemeente_region_idx').on(t.zorgkantoorregioCode)],
);

export interface Phone {
  number: string;
  description?: string | undefined;
}

export const organization = socialeKaart.table(
  'organization',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    type: text('type').notNull(),
    kvkNumber: text('kvk_number'),
    agbCode: text('agb_code'),
    website: text('website'),
    email: text('email'),
    phones: jsonb('phones').$type<Phone[]>().notNull().default([]),
    parentId: uuid('parent_id'),
    /** The gemeente (for a GEMEENTE) or region (for a ZORGKANTOOR) the organisation stands for. */
    gemeenteCode: text('gemeente_code'),
    zorgkantoorregioCode: text('zorgkantoorregio_code'),
    hsds: jsonb('hsds').$type<HsdsResidue>(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('organization_parent_idx').on(t.parentId), index('organization_updated_idx').on(t.updatedAt)],
);

export interface OpeningHours {
  /** ISO weekday 1 (Monday) … 7 (Sunday). */
  weekday: number;
  opensAt: string;
  closesAt: string;
}

export interface ContactChannels {
  phone?: string | undefined;
  email?: string | undefined;
  url?: string | undefined;
  walkIn?: boolean | undefined;
}

export const service = socialeKaart.table(
  'service',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organization.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    status: text('status').notNull().default('ACTIVE'),
    legalDomains: text('legal_domains').array().notNull().default(sql`'{}'::text[]`),
    lifeDomains: text('life_domains').array().notNull().default(sql`'{}'::text[]`),
    targetGroups: text('target_groups').array().notNull().default(sql`'{}'::text[]`),
    supportForms: text('support_forms').array().notNull().default(sql`'{}'::text[]`),
    wlzSectors: text('wlz_sectors').array().notNull().default(sql`'{}'::text[]`),
    /** Wlz leveringsvormen delivered, as the Leveringsvorm enum values (PGB, VERBLIJF, VPT, MPT, ...; iWlz COD578). */
    leveringsvormen: text('leveringsvormen').array().notNull().default(sql`'{}'::text[]`),
    /** Wlz zorgprofielen delivered, as iWlz COD163 codes ('754' is 5VV). */
    zorgprofielen: text('zorgprofielen').array().notNull().default(sql`'{}'::text[]`),
    languages: text('languages').array().notNull().default(sql`'{nl}'::text[]`),
    formality: text('formality').notNull().default('FORMAL'),
    independent: boolean('independent').notNull().default(false),
    eligibility: text('eligibility'),
    minimumAge: integer('minimum_age'),
    maximumAge: integer('maximum_age'),
    costType: text('cost_type').notNull().default('FREE'),
    costAmount: numeric('cost_amount', { precision: 10, scale: 2 }),
    costDescription: text('cost_description'),
    applicationProcess: text('application_process'),
    contact: jsonb('contact').$type<ContactChannels>().notNull().default({}),
    openingHours: jsonb('opening_hours').$type<OpeningHours[]>().notNull().default([]),
    /** GEMEENTEN (the listed ones), REGIONAL (whole zorgkantoorregio's) or NATIONAL. */
    areaScope: text('area_scope').notNull().default('GEMEENTEN'),
    /** Every gemeente served, expanded from regions at write time so a filter is one index lookup. */
    servedGemeenten: text('served_gemeenten').array().notNull().default(sql`'{}'::text[]`),
    servedRegions: text('served_regions').array().notNull().default(sql`'{}'::text[]`),
    capacityStatus: text('capacity_status'),
    capacityAvailable: integer('capacity_available'),
    capacityMaximum: integer('capacity_maximum'),
    capacityUnit: text('capacity_unit'),
    capacityWaitDays: integer('capacity_wait_days'),
    capacityUpdatedAt: timestamp('capacity_updated_at', { withTimezone: true }),
    /** Who made the last capacity report: the BEHEERDER's subject, or `light-link:<id>` for a single-use link. */
    capacityReportedBy: text('capacity_reported_by'),
    lastVerifiedAt: timestamp('last_verified_at', { withTimezone: true }),
    verifiedBy: text('verified_by'),
    /** Lower-cased, accent-free name, description and keywords; source of the tsvector and of the search vocabulary. */
    searchText: text('search_text').notNull().default(''),
    searchVector: tsvector('search_vector').generatedAlwaysAs(sql`to_tsvector('dutch'::regconfig, search_text)`),
    hsds: jsonb('hsds').$type<HsdsResidue>(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('service_org_idx').on(t.organizationId),
    index('service_updated_idx').on(t.updatedAt),
    index('service_served_gemeenten_idx').using('gin', t.servedGemeenten),
    // With this, "national or serving the gemeente" is a BitmapOr of two index scans instead of a filter over
    // every text match (the search's most common shape: a toegangsteam searches within its gemeente).
    index('service_national_idx').on(t.id).where(sql`${t.areaScope} = 'NATIONAL'`),
    index('service_served_regions_idx').using('gin', t.servedRegions),
    index('service_legal_domains_idx').using('gin', t.legalDomains),
    // A klantadviseur's search for an indicatie (zorgprofiel + leveringsvorm) is selective nationwide: the arrays
    // are indexed so it stays an index lookup without a gemeente.
    index('service_leveringsvormen_idx').using('gin', t.leveringsvormen),
    index('service_zorgprofielen_idx').using('gin', t.zorgprofielen),
    index('service_search_vector_idx').using('gin', t.searchVector),
  ],
);

export const location = socialeKaart.table(
  'location',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organization.id),
    name: text('name').notNull(),
    description: text('description'),
    address: text('address'),
    postalCode: text('postal_code'),
    city: text('city'),
    gemeenteCode: text('gemeente_code').references(() => gemeente.code),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    accessibility: text('accessibility'),
    /** Shelters and similar addresses: hidden from anonymous callers and open feeds. */
    confidential: boolean('confidential').notNull().default(false),
    active: boolean('active').notNull().default(true),
    hsds: jsonb('hsds').$type<HsdsResidue>(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('location_org_idx').on(t.organizationId),
    index('location_gemeente_idx').on(t.gemeenteCode),
    index('location_lat_lon_idx').on(t.latitude, t.longitude),
  ],
);

export const serviceLocation = socialeKaart.table(
  'service_location',
  {
    serviceId: uuid('service_id')
      .notNull()
      .references(() => service.id),
    locationId: uuid('location_id')
      .notNull()
      .references(() => location.id),
    /** The HSDS service_at_location id an import brought; null means the export derives one from the pair. */
    hsdsId: uuid('hsds_id'),
    hsds: jsonb('hsds').$type<HsdsResidue>(),
  },
  (t) => [
    primaryKey({ columns: [t.serviceId, t.locationId] }),
    index('service_location_location_idx').on(t.locationId),
    uniqueIndex('service_location_hsds_id_idx').on(t.hsdsId),
  ],
);

/**
 * Taxonomy terms of vocabularies other than HSDS-NL, as an HSDS import brought them, so attributes that cite
 * them by id resolve and /hsds/taxonomy_terms serves them again. The HSDS-NL lists themselves live in code.
 */
export const externalTaxonomyTerm = socialeKaart.table('external_taxonomy_term', {
  id: uuid('id').primaryKey(),
  /** The HSDS taxonomy_term object as imported, as JSON text (key order kept). */
  term: text('term').notNull(),
  taxonomyId: uuid('taxonomy_id'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The vocabulary of the directory (folded words of 4+ letters), for typo tolerance: a query word is
 * widened with its trigram neighbours here, and the service match itself stays a GIN tsvector lookup.
 */
export const searchWord = socialeKaart.table('search_word', { word: text('word').primaryKey() }, (t) => [
  index('search_word_trgm_idx').using('gin', sql`${t.word} gin_trgm_ops`),
]);

/**
 * Centroids of the 4-digit postcode areas (PC4), for a distance search from a resident's postcode. The hub ships
 * without them: `npm run postcodes:import -- <file.csv>` loads the official data (see docs/sociale-kaart.md) and
 * replaces the whole table. The gemeente code is optional and informative only (no reference: a PC4 area can
 * straddle gemeenten, and the file may be of another year than the gemeenten reference data).
 */
export const postcodeArea = socialeKaart.table('postcode_area', {
  /** The 4 digits, 1000–9999. */
  postcode: text('postcode').primaryKey(),
  latitude: doublePrecision('latitude').notNull(),
  longitude: doublePrecision('longitude').notNull(),
  gemeenteCode: text('gemeente_code'),
});

/**
 * Every change to the directory tables, by key, in commit order (migration 0008 adds the triggers that write it and
 * the lock that makes sequence order commit order). Each sociale-kaart process keeps the public directory in memory
 * (src/directory/model.ts) and applies the rows after its own position before it answers a request, so a read sees
 * every write committed before it. Kinds: service, organization, location, link (a service's locations, key = the
 * service id), vocabulary (search_word), reference (gemeenten, regions) and all (a TRUNCATE).
 */
export const directoryChange = socialeKaart.table('directory_change', {
  seq: bigserial('seq', { mode: 'bigint' }).primaryKey(),
  kind: text('kind').notNull(),
  key: text('key').notNull(),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
});
