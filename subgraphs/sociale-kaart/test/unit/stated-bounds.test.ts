import { readFileSync } from 'node:fs';
import { type FieldDefinitionNode, type InputValueDefinitionNode, Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_CODES } from '@hub/domain';
import { MAX_MUTATION_IMPORT_RECORDS, MAX_WARNINGS_PER_RECORD } from '../../src/hsds/importer.ts';
import { MAX_OPENING_HOURS, MAX_ORGANIZATION_PHONES } from '../../src/validation.ts';

/**
 * The plain lists of schema.graphql state their bound as "at most N"; where the bound is kept by a check on write,
 * N must be the number that check uses, or the schema promises what the code does not keep.
 */
const sdl = parse(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));

function description(coordinate: string): string {
  const [typeName, fieldName] = coordinate.split('.');
  for (const d of sdl.definitions) {
    if ((d.kind !== Kind.OBJECT_TYPE_DEFINITION && d.kind !== Kind.INPUT_OBJECT_TYPE_DEFINITION) || d.name.value !== typeName) continue;
    const fields: readonly (FieldDefinitionNode | InputValueDefinitionNode)[] = d.fields ?? [];
    const field = fields.find((f) => f.name.value === fieldName);
    if (field?.description) return field.description.value;
  }
  throw new Error(`${coordinate} has no description in schema.graphql`);
}

describe('bounds stated in schema.graphql', () => {
  it.each([
    ['Organization.phones', MAX_ORGANIZATION_PHONES],
    ['Service.openingHours', MAX_OPENING_HOURS],
    ['ServiceInput.openingHours', MAX_OPENING_HOURS],
    ['Service.languages', LANGUAGE_CODES.length],
    ['ServiceFacets.languages', LANGUAGE_CODES.length],
    ['HsdsImportPayload.rejected', MAX_MUTATION_IMPORT_RECORDS],
    ['HsdsImportPayload.warnings', MAX_MUTATION_IMPORT_RECORDS * MAX_WARNINGS_PER_RECORD],
    ['ImportHsdsInput.data', MAX_MUTATION_IMPORT_RECORDS],
  ])('%s says "at most %i", the number its write check keeps', (coordinate, bound) => {
    expect(description(coordinate)).toMatch(new RegExp(`\\bat most ${bound}\\b`));
  });

  it('accepts each language code once, every one lower case', () => {
    expect(new Set(LANGUAGE_CODES).size).toBe(LANGUAGE_CODES.length);
    for (const code of LANGUAGE_CODES) expect(code).toMatch(/^[a-z]{2,3}$/);
    expect(LANGUAGE_CODES).toEqual(expect.arrayContaining(['nl', 'en', 'tr', 'ar', 'pl', 'uk', 'ti', 'fy', 'pap', 'nds', 'dse']));
  });
});
