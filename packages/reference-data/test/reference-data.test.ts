import { describe, expect, it } from 'vitest';
import { readGemeenten, readZorgkantoorregios } from '../src/index.ts';

describe('CBS reference data 2025', () => {
  it('holds 342 gemeenten in 31 zorgkantoorregio’s, each gemeente in a known region, every region with gemeenten', () => {
    const gemeenten = readGemeenten();
    const regions = readZorgkantoorregios();
    expect(gemeenten).toHaveLength(342);
    expect(regions).toHaveLength(31);
    expect(new Set(gemeenten.map((g) => g.code)).size).toBe(342);
    expect(regions.map((r) => r.code)).not.toContain('ZK05');
    expect(regions.map((r) => r.code)).not.toContain('ZK15');
    expect(new Set(gemeenten.map((g) => g.zorgkantoorregioCode))).toEqual(new Set(regions.map((r) => r.code)));
  });

  it('reads names as CBS writes them, quoted fields included, and the documented totals', () => {
    const byCode = new Map(readGemeenten().map((g) => [g.code, g]));
    expect(byCode.get('GM0363')).toMatchObject({ name: 'Amsterdam', zorgkantoorregioCode: 'ZK02' });
    expect(byCode.get('GM0820')?.name).toBe('Nuenen, Gerwen en Nederwetten');
    expect(byCode.get('GM0034')?.zorgkantoorregioCode).toBe('ZK21');
    expect(readGemeenten().reduce((sum, g) => sum + g.population, 0)).toBe(18_130_231);
    for (const g of readGemeenten()) {
      expect(g.latitude).toBeGreaterThan(50.7);
      expect(g.latitude).toBeLessThan(53.6);
      expect(g.longitude).toBeGreaterThan(3.3);
      expect(g.longitude).toBeLessThan(7.3);
    }
  });
});
