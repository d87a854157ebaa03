import { describe, expect, it } from 'vitest';
import { isLanguageCode } from '@hub/domain';
import { generateDemoData } from '../../src/demo-data.ts';
import { readReferenceData } from '../../src/reference-data.ts';
import { MAX_OPENING_HOURS, MAX_ORGANIZATION_PHONES } from '../../src/validation.ts';

describe('demo data', () => {
  const data = generateDemoData(1, new Date('2026-11-01T00:00:00Z'));
  const { gemeenten, regions } = readReferenceData();

  it("uses the real reference data: 342 gemeenten in 31 zorgkantoorregio's", () => {
    expect(gemeenten).toHaveLength(342);
    expect(regions).toHaveLength(31);
    expect(new Set(gemeenten.map((g) => g.zorgkantoorregioCode)).size).toBe(31);
  });

  it('has at least 5,000 services nationally at scale 1, and grows with the scale', () => {
    expect(data.services.length).toBeGreaterThanOrEqual(5000);
    expect(generateDemoData(15).services.length).toBeGreaterThanOrEqual(30_000);
  });

  it('gives every gemeente a wijkteam and Wmo cliëntondersteuning, and every region a zorgkantoor with Wlz cliëntondersteuning', () => {
    const names = new Set(data.services.map((s) => s.name));
    for (const g of gemeenten) {
      expect(names.has(`Wijkteam ${g.name}`), g.code).toBe(true);
      expect(names.has(`Cliëntondersteuning ${g.name}`), g.code).toBe(true);
    }
    for (const r of regions) expect(names.has(`Wlz-cliëntondersteuning zorgkantoor ${r.name}`), r.code).toBe(true);
  });

  it('only serves gemeenten that exist, and links services to locations of their own organisation', () => {
    const codes = new Set(gemeenten.map((g) => g.code));
    for (const s of data.services) for (const code of s.servedGemeenten ?? []) expect(codes.has(code)).toBe(true);
    const locationOrg = new Map(data.locations.map((l) => [l.id, l.organizationId]));
    const serviceOrg = new Map(data.services.map((s) => [s.id, s.organizationId]));
    for (const link of data.links) expect(locationOrg.get(link.locationId)).toBe(serviceOrg.get(link.serviceId));
  });

  it('stays within the bounds every write keeps: phones, opening hours, accepted language codes', () => {
    for (const o of data.organizations) expect((o.phones ?? []).length).toBeLessThanOrEqual(MAX_ORGANIZATION_PHONES);
    for (const s of data.services) {
      expect((s.openingHours ?? []).length).toBeLessThanOrEqual(MAX_OPENING_HOURS);
      expect((s.languages ?? []).filter((code) => !isLanguageCode(code))).toEqual([]);
    }
  });

  it('is deterministic: ids and names are the same on every run', () => {
    const again = generateDemoData(1, new Date('2026-11-01T00:00:00Z'));
    expect(again.services.map((s) => [s.id, s.name])).toEqual(data.services.map((s) => [s.id, s.name]));
    expect(new Set(data.services.map((s) => s.id)).size).toBe(data.services.length);
  });
});
