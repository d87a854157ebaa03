import { describe, expect, it } from 'vitest';
import { parseCsv, toExcelCsv } from '../../src/pages/overlegtafel/csv.ts';
import { quarterDays, shiftQuarter } from '../../src/pages/overlegtafel/labels.ts';

describe('CSV for Dutch Excel', () => {
  it('puts a byte order mark in front and a semicolon between the fields', () => {
    const csv = 'scope,period,category,signals,withheld\nZK22,2026-Q3,NO_CAPACITY,17,false\nZK22,2026-Q3,OTHER,,true\n';
    expect(toExcelCsv(csv)).toBe('\uFEFFscope;period;category;signals;withheld\r\nZK22;2026-Q3;NO_CAPACITY;17;false\r\nZK22;2026-Q3;OTHER;;true\r\n');
  });

  it('reads quoted fields and quotes fields that hold a semicolon or a quote', () => {
    expect(parseCsv('a,"b,c","d ""e"""\r\n')).toEqual([['a', 'b,c', 'd "e"']]);
    expect(toExcelCsv('"x;y","say ""hi"""')).toBe('\uFEFF"x;y";"say ""hi"""\r\n');
  });
});

describe('quarters', () => {
  it('go back over the turn of the year and know their days', () => {
    expect(shiftQuarter({ year: 2026, q: 1 }, -1)).toEqual({ year: 2025, q: 4 });
    expect(shiftQuarter({ year: 2025, q: 4 }, 1)).toEqual({ year: 2026, q: 1 });
    expect(quarterDays({ year: 2024, q: 1 })).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(quarterDays({ year: 2026, q: 4 })).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });
});
