/**
 * The structure of HSDS 3.0 objects as the importer checks it: field kinds, formats, enums and required
 * fields, mirroring the compiled schemas of openreferral/specification (branch 3.0, commit 279fd2e;
 * test/hsds-shape.test.ts compares the two), plus the HSDS 3.1 `capacities` (service_capacity, unit) that
 * the HSDS-NL profile uses. The compiled schemas are megabytes and live outside the repository; this is
 * what the importer needs of them at run time.
 */

type FieldShape =
  | { kind: 'string'; format?: 'uuid' | 'uri' | 'email' | 'date-time' | undefined; enum?: readonly string[] | undefined }
  | { kind: 'number' }
  | { kind: 'list'; of: ObjectName }
  | { kind: 'one'; of: ObjectName };

interface ObjectShape {
  required: readonly string[];
  fields: Record<string, FieldShape>;
}

type Format = 'uuid' | 'uri' | 'email' | 'date-time';
const string = (format?: Format, values?: readonly string[]): FieldShape => ({ kind: 'string', format, enum: values });
const number = (): FieldShape => ({ kind: 'number' });
const list = (of: ObjectName): FieldShape => ({ kind: 'list', of });
const one = (of: ObjectName): FieldShape => ({ kind: 'one', of });
const shape = (required: readonly string[], fields: Record<string, FieldShape>): ObjectShape => ({ required, fields });

export type ObjectName =
  | 'service'
  | 'phone'
  | 'language'
  | 'attribute'
  | 'taxonomy_term'
  | 'taxonomy'
  | 'metadata'
  | 'schedule'
  | 'service_area'
  | 'service_at_location'
  | 'contact'
  | 'location'
  | 'address'
  | 'accessibility'
  | 'organization'
  | 'funding'
  | 'program'
  | 'organization_identifier'
  | 'cost_option'
  | 'required_document'
  | 'service_capacity'
  | 'unit';

const HSDS_SHAPES: Record<ObjectName, ObjectShape> = {
  service: shape(['id', 'name', 'status'], {
    id: string('uuid'),
    organization_id: string('uuid'),
    program_id: string('uuid'),
    name: string(),
    alternate_name: string(),
    description: string(),
    url: string('uri'),
    email: string('email'),
    status: string(undefined, ['active', 'inactive', 'defunct', 'temporarily closed']),
    interpretation_services: string(),
    application_process: string(),
    fees_description: string(),
    wait_time: string(),
    fees: string(),
    accreditations: string(),
    eligibility_description: string(),
    minimum_age: number(),
    maximum_age: number(),
    assured_date: string(),
    assurer_email: string('email'),
    licenses: string(),
    alert: string(),
    last_modified: string('date-time'),
    phones: list('phone'),
    schedules: list('schedule'),
    service_areas: list('service_area'),
    service_at_locations: list('service_at_location'),
    languages: list('language'),
    organization: one('organization'),
    funding: list('funding'),
    cost_options: list('cost_option'),
    program: one('program'),
    required_documents: list('required_document'),
    contacts: list('contact'),
    attributes: list('attribute'),
    metadata: list('metadata'),
    capacities: list('service_capacity'),
  }),
  phone: shape(['id', 'number'], {
    id: string('uuid'),
    location_id: string('uuid'),
    service_id: string('uuid'),
    organization_id: string('uuid'),
    contact_id: string('uuid'),
    service_at_location_id: string('uuid'),
    number: string(),
    extension: number(),
    type: string(),
    description: string(),
    languages: list('language'),
    attributes: list('attribute'),
    metadata: list('metadata'),
  }),
  language: shape(['id'], {
    id: string('uuid'),
    service_id: string('uuid'),
    location_id: string('uuid'),
    phone_id: string('uuid'),
    name: string(),
    code: string(),
    note: string(),
    attributes: list('attribute'),
    metadata: list('metadata'),
  }),
  attribute: shape(['id'], {
    id: string('uuid'),
    link_id: string('uuid'),
    taxonomy_term_id: string('uuid'),
    link_type: string(),
    link_entity: string(),
    value: string(),
    taxonomy_term: one('taxonomy_term'),
    metadata: list('metadata'),
  }),
  taxonomy_term: shape(['id', 'name', 'description'], {
    id: string('uuid'),
    code: string(),
    name: string(),
    description: string(),
    parent_id: string('uuid'),
    taxonomy: string(),
    taxonomy_detail: one('taxonomy'),
    language: string(),
    taxonomy_id: string('uuid'),
    term_uri: string('uri'),
    metadata: list('metadata'),
  }),
  taxonomy: shape(['id', 'name', 'description'], {
    id: string('uuid'),
    name: string(),
    description: string(),
    uri: string('uri'),
    version: string(),
    metadata: list('metadata'),
  }),
  metadata: shape(['id', 'last_action_date', 'last_action_type', 'field_name', 'previous_value', 'replacement_value', 'updated_by'], {
    id: string('uuid'),
    resource_id: string('uuid'),
    resource_type: string(),
    last_action_date: string(),
    last_action_type: string(),
    field_name: string(),
    previous_value: string(),
    replacement_value: string(),
    updated_by: string(),
  }),
  schedule: shape(['id'], {
    id: string('uuid'),
    service_id: string('uuid'),
    location_id: string('uuid'),
    service_at_location_id: string('uuid'),
    valid_from: string(),
    valid_to: string(),
    dtstart: string(),
    timezone: number(),
    until: string(),
    count: number(),
    wkst: string(undefined, ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']),
    freq: string(undefined, ['WEEKLY', 'MONTHLY']),
    interval: number(),
    byday: string(),
    byweekno: string(),
    bymonthday: string(),
    byyearday: string(),
    description: string(),
    opens_at: string(),
    closes_at: string(),
    schedule_link: string('uri'),
    attending_type: string(),
    notes: string(),
    attributes: list('attribute'),
    metadata: list('metadata'),
  }),
  service_area: shape(['id'], {
    id: string('uuid'),
    service_id: string('uuid'),
    name: string(),
    description: string(),
    extent: string(),
    extent_type: string(),
    uri: string(),
    attributes: list('attribute'),
    metadata: list('metadata'),
  }),
  service_at_location: shape(['id'], {
    id: string('uuid'),
    service_id: string('uuid'),
    location_id: string('uuid'),
    description: string(),
    contacts: list('contact'),
    phones: list('phone'),
    schedules: list('schedule'),
    location: one('location'),
    attributes: list('attribute'),
    metadata: list('metadata'),
  }),
  contact: shape(['id'], {
    id: string('uuid'),
    organization_id: string('uuid'),
    service_id: string('uuid'),
    service_at_location_id: string('uuid'),
    location_id: string('uuid'),
    name: string(),
    title: string(),
    department: string(),
    email: string('email'),
    phones: list('phone'),
    attributes: list('attribute'),
    metadata: list('metadata'),
  }),
  location: shape(['id', 'location_type'], {
    id: string('uuid'),
    location_type: string(undefined, ['physical', 'postal', 'virtual']),
    url: string('uri'),
    organization_id: string('uuid'),
    name: string(),
    alternate_name: string(),
    description: string(),
    transportation: string(),
    latitude: number(),
    longitude: number(),
    external_identifier: string(),
    external_identifier_type: string(),
    languages: list('language'),
    addresses: list('address'),
    contacts: list('contact'),
    accessibility: list('accessibility'),
    phones: list('phone'),
    schedules: list('schedule'),
    attributes: list('attribute'),
    metadata: list('metadata'),
  }),
  address: shape(['id', 'address_1', 'city', 'state_province', 'postal_code', 'country', 'address_type'], {
    id: string('uuid'),
    location_id: string('uuid'),
    attention: string(),
    address_1: string(),
    address_2: string(),
    city: string(),
    region: string(),
    state_province: string(),
    postal_code: string(),
    country: string(),
    address_type: string(undefined, ['physical', 'postal', 'virtual']),
    attributes: list('attribute'),
    metadata: list('metadata'),
  }),
  accessibility: shape(['id'], {
    id: string('uuid'),
    location_id: string('uuid'),
    description: string(),
    details: string(),
    url: string('uri'),
    attributes: list('attribute'),
    metadata: list('metadata'),
  }),
  organization: shape(['id', 'name', 'description'], {
    id: string('uuid'),
    name: string(),
    alternate_name: string(),
    description: string(),
    email: string('email'),
    website: string('uri'),
    tax_status: string(),
    tax_id: string(),
    year_incorporated: number(),
    legal_status: string(),
    logo: string(),
    uri: string('uri'),
    parent_organization_id: string('uuid'),
    funding: list('funding'),
    contacts: list('contact'),
    phones: list('phone'),
    locations: list('location'),
    programs: list('program'),
    organization_identifiers: list('organization_identifier'),
    attributes: list('attribute'),
    metadata: list('metadata'),
  }),
  funding: shape(['id'], {
    id: string('uuid'),
    organization_id: string('uuid'),
    service_id: string('uuid'),
    source: string(),
    attributes: list('attribute'),
    metadata: list('metadata'),
  }),
  program: shape(['id', 'name', 'description'], {
    id: string('uuid'),
    organization_id: string('uuid'),
    name: string(),
    alternate_name: string(),
    description: string(),
    attributes: list('attribute'),
    metadata: list('metadata'),
  }),
  organization_identifier: shape(['id', 'identifier_type', 'identifier'], {
    id: string('uuid'),
    organization_id: string('uuid'),
    identifier_scheme: string(),
    identifier_type: string(),
    identifier: string(),
    attributes: list('attribute'),
    metadata: list('metadata'),
  }),
  cost_option: shape(['id'], {
    id: string('uuid'),
    service_id: string('uuid'),
    valid_from: string(),
    valid_to: string(),
    option: string(),
    currency: string(),
    amount: number(),
    amount_description: string(),
    attributes: list('attribute'),
    metadata: list('metadata'),
  }),
  required_document: shape(['id'], {
    id: string('uuid'),
    service_id: string('uuid'),
    document: string(),
    uri: string('uri'),
    attributes: list('attribute'),
    metadata: list('metadata'),
  }),
  service_capacity: shape(['id', 'unit', 'available', 'updated'], {
    id: string('uuid'),
    service_id: string('uuid'),
    unit: one('unit'),
    unit_id: string('uuid'),
    available: number(),
    maximum: number(),
    description: string(),
    updated: string('date-time'),
  }),
  unit: shape(['id', 'name'], {
    id: string('uuid'),
    name: string(),
    scheme: string(),
    identifier: string(),
    uri: string('uri'),
  }),
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const URI = /^[a-z][a-z0-9+.-]*:[^\s]+$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

function formatOk(format: Format, value: string): boolean {
  switch (format) {
    case 'uuid':
      return UUID.test(value);
    case 'uri':
      return URI.test(value);
    case 'email':
      return EMAIL.test(value);
    case 'date-time':
      return DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
  }
}

const describe = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : typeof value);

/**
 * Checks a value against an HSDS object shape; returns problems as `path: message`, at most `limit`.
 * Fields outside the shape are allowed (HSDS schemas are open) and kept as they are.
 */
export function checkShape(value: unknown, name: ObjectName, path: string, problems: string[] = [], limit = 10): string[] {
  if (problems.length >= limit) return problems;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(`${path}: must be an object (${name}), got ${describe(value)}`);
    return problems;
  }
  const o = value as Record<string, unknown>;
  const s = HSDS_SHAPES[name];
  for (const r of s.required) if (o[r] === undefined) problems.push(`${path}.${r}: required field is missing`);
  for (const [key, field] of Object.entries(s.fields)) {
    if (problems.length >= limit) break;
    const v = o[key];
    if (v === undefined) continue;
    const at = `${path}.${key}`;
    if (field.kind === 'string') {
      if (typeof v !== 'string') problems.push(`${at}: must be a string, got ${describe(v)}`);
      else if (field.format && !formatOk(field.format, v)) problems.push(`${at}: must be a valid ${field.format}`);
      else if (field.enum && !field.enum.includes(v)) problems.push(`${at}: must be one of ${field.enum.join(', ')}`);
    } else if (field.kind === 'number') {
      if (typeof v !== 'number' || !Number.isFinite(v)) problems.push(`${at}: must be a number, got ${describe(v)}`);
    } else if (field.kind === 'one') {
      checkShape(v, field.of, at, problems, limit);
    } else if (!Array.isArray(v)) {
      problems.push(`${at}: must be an array, got ${describe(v)}`);
    } else {
      v.forEach((item, i) => {
        checkShape(item, field.of, `${at}[${i}]`, problems, limit);
      });
    }
  }
  return problems;
}
