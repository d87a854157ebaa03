/**
 * The OpenAPI 3.1 description of this HSDS API (served at /hsds/openapi.json): the HSDS 3.0 API
 * (openreferral/specification, schema/openapi.json) narrowed to what the hub serves, plus the HSDS-NL
 * parameters `gemeente` and `proximity`. Response bodies refer to the official compiled schemas.
 */

const SCHEMA = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema';

const param = (name: string, description: string, schema: Record<string, unknown>) => ({ name, in: 'query', required: false, description, schema });
const common = {
  search: param('search', 'Full-text search (Dutch stemming, accent- and typo-tolerant).', { type: 'string', maxLength: 200 }),
  page: param('page', 'Page number, from 1.', { type: 'integer', minimum: 1 }),
  per_page: param('per_page', 'Results per page, 1 to 100 (default 50).', { type: 'integer', minimum: 1, maximum: 100 }),
  format: param('format', '`json` (paged) or `ndjson` (every result, one per line, no paging).', { type: 'string', enum: ['json', 'ndjson'] }),
  taxonomy_term_id: param('taxonomy_term_id', 'Only services with this HSDS-NL term.', { type: 'string', format: 'uuid' }),
  taxonomy_id: param('taxonomy_id', 'Only services with any term of this HSDS-NL taxonomy.', { type: 'string', format: 'uuid' }),
  organization_id: param('organization_id', 'Only services of this organisation.', { type: 'string', format: 'uuid' }),
  modified_after: param('modified_after', 'Only services changed on or after this date-time.', { type: 'string', format: 'date-time' }),
  full: param('full', 'Fully nested objects.', { type: 'boolean' }),
};

const page = (items: string) => ({
  description: 'A page (HSDS Page object).',
  content: {
    'application/json': {
      schema: { allOf: [{ $ref: '#/components/schemas/Page' }], properties: { contents: { type: 'array', items: { $ref: items } } } },
    },
    'application/x-ndjson': { schema: { $ref: items } },
  },
});
const one = (schema: string) => ({ description: 'The object.', content: { 'application/json': { schema: { $ref: schema } } } });
const errors = {
  '400': {
    description: 'A bad parameter; `parameter` names it.',
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  },
  '404': { description: 'No object with this id.', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
};
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };

export function buildOpenApi(baseUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sociale kaart — HSDS 3.0 (HSDS-NL profile)',
      version: '1.0.0',
      summary: 'The sociale kaart of the cliëntondersteuning hub as Open Referral HSDS 3.0 open data.',
      license: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: `${baseUrl}/hsds` }],
    paths: {
      '/': { get: { operationId: 'getAPIMetaInformation', responses: { '200': { description: 'version, profile, openapi_url' } } } },
      '/services': {
        get: {
          operationId: 'getPaginatedListOfServices',
          parameters: [
            common.search,
            common.page,
            common.per_page,
            common.format,
            common.taxonomy_term_id,
            common.taxonomy_id,
            common.organization_id,
            common.modified_after,
            param('minimal', 'Only id, name, status and last_modified.', { type: 'boolean' }),
            common.full,
          ],
          responses: { '200': page(`${SCHEMA}/compiled/service_list.json`), '400': errors['400'] },
        },
      },
      '/services/{id}': {
        parameters: [idParam],
        get: { operationId: 'getFullyNestedServiceById', responses: { '200': one(`${SCHEMA}/compiled/service.json`), ...errors } },
      },
      '/organizations': {
        get: {
          operationId: 'getPaginatedListOfOrganizations',
          parameters: [common.search, common.full, common.page, common.per_page, common.format],
          responses: { '200': page(`${SCHEMA}/compiled/organization_list.json`), '400': errors['400'] },
        },
      },
      '/organizations/{id}': {
        parameters: [idParam],
        get: {
          operationId: 'getOrganizationById',
          parameters: [param('full_service', 'Fully nested services.', { type: 'boolean' })],
          responses: { '200': one(`${SCHEMA}/compiled/organization.json`), ...errors },
        },
      },
      '/service_at_locations': {
        get: {
          operationId: 'getPaginatedListOfServiceAtLocation',
          parameters: [
            common.search,
            common.taxonomy_term_id,
            common.taxonomy_id,
            common.organization_id,
            common.modified_after,
            common.full,
            common.page,
            common.per_page,
            common.format,
            param('gemeente', 'HSDS-NL: CBS gemeentecode (GM + 4 digits); without proximity, locations in that gemeente.', {
              type: 'string',
              pattern: '^GM\\d{4}$',
            }),
            param('proximity', 'Metres from the centroid of `gemeente` (at most 500000).', { type: 'number', exclusiveMinimum: 0, maximum: 500000 }),
          ],
          responses: { '200': page(`${SCHEMA}/compiled/service_at_location_list.json`), '400': errors['400'] },
        },
      },
      '/service_at_locations/{id}': {
        parameters: [idParam],
        get: {
          operationId: 'getServiceAtLocationWithNestedDataById',
          description: 'The service_at_location with its location and its service fully nested (the service without its other service_at_locations).',
          responses: { '200': one(`${SCHEMA}/compiled/service_at_location.json`), ...errors },
        },
      },
      '/taxonomies': {
        get: {
          operationId: 'getPaginatedListOfTaxonomies',
          parameters: [common.search, common.page, common.per_page],
          responses: { '200': page(`${SCHEMA}/taxonomy.json`) },
        },
      },
      '/taxonomies/{id}': { parameters: [idParam], get: { operationId: 'getTaxonomyById', responses: { '200': one(`${SCHEMA}/taxonomy.json`), ...errors } } },
      '/taxonomy_terms': {
        get: {
          operationId: 'getPaginatedListOfTaxonomyTerms',
          parameters: [common.search, common.page, common.per_page, common.taxonomy_id],
          responses: { '200': page(`${SCHEMA}/taxonomy_term.json`) },
        },
      },
      '/taxonomy_terms/{id}': {
        parameters: [idParam],
        get: { operationId: 'getTaxonomyTermById', responses: { '200': one(`${SCHEMA}/taxonomy_term.json`), ...errors } },
      },
    },
    components: {
      schemas: {
        Page: {
          type: 'object',
          properties: {
            total_items: { type: 'integer' },
            total_pages: { type: 'integer' },
            page_number: { type: 'integer' },
            size: { type: 'integer' },
            first_page: { type: 'boolean' },
            last_page: { type: 'boolean' },
            empty: { type: 'boolean' },
          },
        },
        Problem: {
          type: 'object',
          description: 'RFC 9457 problem details, with the hub error code and the offending parameter.',
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            code: { type: 'string' },
            parameter: { type: 'string' },
          },
        },
      },
    },
  };
}
