import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { REPOSITORY_ROOT } from '@hub/hub';

/**
 * publiccode.yml (standard 0.4) holds the keys catalogues require, within the standard's lengths, and agrees with the
 * repository: the version of package.json and the licence of LICENSE and every package.json.
 */
const read = (path: string) => readFileSync(join(REPOSITORY_ROOT, path), 'utf8');

const description = z.object({
  shortDescription: z.string().max(150),
  longDescription: z.string().min(150).max(10_000),
  features: z.array(z.string().min(1).max(100)).min(1),
});
const publiccode = z.object({
  publiccodeYmlVersion: z.literal('0.4'),
  name: z.string().min(1),
  url: z.url(),
  softwareVersion: z.string(),
  releaseDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  platforms: z.array(z.string()).min(1),
  categories: z.array(z.string().regex(/^[a-z-]+$/)).min(1),
  developmentStatus: z.enum(['concept', 'development', 'beta', 'stable', 'obsolete']),
  softwareType: z.enum([
    'standalone/mobile',
    'standalone/iot',
    'standalone/desktop',
    'standalone/web',
    'standalone/backend',
    'standalone/other',
    'addon',
    'library',
    'configurationFiles',
  ]),
  description: z.object({ nl: description, en: description }),
  legal: z.object({ license: z.string(), mainCopyrightOwner: z.string().min(1) }),
  maintenance: z.object({ type: z.literal('internal'), contacts: z.array(z.object({ name: z.string().min(1), email: z.string().optional() })).min(1) }),
  localisation: z.object({ localisationReady: z.boolean(), availableLanguages: z.array(z.string()) }),
  dependsOn: z.object({ open: z.array(z.object({ name: z.string(), versionMin: z.string().optional(), optional: z.boolean().optional() })) }),
});

describe('publiccode.yml', () => {
  const parsed = publiccode.parse(parse(read('publiccode.yml')));

  it('names the version of package.json and the EUPL-1.2 of LICENSE', () => {
    expect(parsed.softwareVersion).toBe((JSON.parse(read('package.json')) as { version: string }).version);
    expect(parsed.legal.license).toBe('EUPL-1.2');
    expect(read('LICENSE')).toMatch(/^EUROPEAN UNION PUBLIC LICENCE v\. 1\.2\n/);
    expect((JSON.parse(read('package.json')) as { license: string }).license).toBe('EUPL-1.2');
  });

  it('is localised in Dutch and English and depends on PostgreSQL, with Redis optional', () => {
    expect(parsed.localisation.availableLanguages).toEqual(['nl', 'en']);
    const dependencies = Object.fromEntries(parsed.dependsOn.open.map((d) => [d.name, d.optional]));
    expect(dependencies.PostgreSQL).toBe(false);
    expect(dependencies.Redis).toBe(true);
  });
});
