export { DEFAULT_IMPORT_MAX_BYTES, ImportInputError, importHsds, importHsdsRecords, parseHsdsInput, type ImportReport } from './importer.ts';
export { createHsdsRoutes, HSDS_PREFIX } from './routes.ts';
export { listTaxonomies, termByCode, termId, taxonomyId } from './taxonomies.ts';
