import { readFileSync } from 'node:fs';
import { parse, type EnumTypeDefinitionNode, Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { findZorgprofiel, LEVERINGSVORM_CODES, LEVERINGSVORM_VALUES, ZORGPROFIELEN } from '@hub/domain';

/**
 * The Wlz code lists live once, in @hub/domain: the Leveringsvorm enum of both subgraphs that use it must be that
 * list, in COD578 order, and the zorgprofielen must be the COD163 codes of the ranges the iWlz list gives per kind
 * of care.
 */

function enumValues(subgraph: string, name: string): string[] {
  const sdl = readFileSync(new URL(`../../subgraphs/${subgraph}/schema.graphql`, import.meta.url), 'utf8');
  const node = parse(sdl).definitions.find((d): d is EnumTypeDefinitionNode => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === name);
  return node?.values?.map((v) => v.name.value) ?? [];
}

describe('Wlz code lists', () => {
  it('the Leveringsvorm enum of cases and sociale-kaart is the COD578 list of @hub/domain, in code order', () => {
    expect(LEVERINGSVORM_CODES.map((l) => `${l.code} ${l.value}`)).toEqual(['2 PGB', '4 VERBLIJF', '5 VPT', '7 MPT', '8 DEELTIJDVERBLIJF', '9 VERKEERDE_BED']);
    expect(enumValues('cases', 'Leveringsvorm')).toEqual([...LEVERINGSVORM_VALUES]);
    expect(enumValues('sociale-kaart', 'Leveringsvorm')).toEqual([...LEVERINGSVORM_VALUES]);
  });

  it('holds each COD163 zorgprofiel once, in code order, in the ranges of its kind of care', () => {
    const codes = ZORGPROFIELEN.map((z) => Number(z.code));
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual([...codes].sort((a, b) => a - b));
    const ranges: [string, string, number, number][] = [
      ['VV', 'VV', 750, 759],
      ['GGZ', 'GGZ-C', 760, 764],
      ['GGZ', 'GGZ-B', 766, 772],
      ['GZ', 'LVG', 780, 784],
      ['GZ', 'SGLVG', 790, 790],
      ['GZ', 'VG', 800, 814],
      ['GZ', 'LG', 820, 832],
      ['GZ', 'ZGvis', 840, 848],
      ['GZ', 'ZGaud', 850, 856],
      ['GGZ', 'GGZ-B', 860, 864],
      ['GGZ', 'GGZ-C', 866, 870],
      ['GGZ', 'GGZ-W', 880, 888],
    ];
    for (const z of ZORGPROFIELEN) {
      const range = ranges.find(([, , from, to]) => Number(z.code) >= from && Number(z.code) <= to);
      expect(range, z.code).toBeDefined();
      expect([z.sector, z.group], z.code).toEqual([range?.[0], range?.[1]]);
    }
    expect(ZORGPROFIELEN).toHaveLength(58);
    expect(findZorgprofiel('754')).toMatchObject({ name: '5VV', label: 'Beschermd wonen met intensieve dementiezorg', expired: false });
    expect(ZORGPROFIELEN.filter((z) => z.expired).map((z) => z.name)).toEqual(['10VV']);
    for (const technical of ['190', '191', '996', '997', '998', '999', 'constructor']) expect(findZorgprofiel(technical), technical).toBeUndefined();
  });
});
