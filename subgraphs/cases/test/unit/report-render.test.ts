import { describe, expect, it } from 'vitest';
import { makeReportPeriod, previousReportPeriod } from '@hub/service-kit';
import type { TrajectoryRow } from '../../src/db/queries.ts';
import { buildSupportReport } from '../../src/report.ts';
import { type ReportDocument, reportCsv, reportPdf } from '../../src/reports/render.ts';

const ORG = '20000000-0000-4000-8000-000000000000';
const H1 = makeReportPeriod('HALF_YEAR', 2025, 1);
let serial = 0;

function closed(month: number, shape: Partial<TrajectoryRow> & { satisfaction?: number; ownNetworkUsed?: boolean } = {}): TrajectoryRow {
  serial++;
  const openedAt = new Date(Date.UTC(2025, month - 1, 5 + (serial % 20), 12));
  const closedAt = new Date(openedAt.getTime() + 3_600_000);
  const { satisfaction = 8, ownNetworkUsed = true, ...rest } = shape;
  return {
    id: `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`,
    clientId: `10000000-0000-4000-8000-${String(serial).padStart(12, '0')}`,
    organizationId: ORG,
    counsellor: { userId: null, name: 'Ondersteuner', formality: 'FORMAL' },
    legalDomain: 'WMO_MAATWERKVOORZIENING',
    journeyPhase: 'BEFORE_INDICATION',
    hulpvraag: 'Hulpvraag',
    lifeDomains: ['WONEN'],
    targetGroups: ['OUDEREN'],
    supportForms: ['INFORMATIE_EN_ADVIES'],
    goals: [],
    plan: null,
    wlz: null,
    wijsplicht: null,
    status: 'CLOSED',
    openedAt,
    closedAt,
    closeReason: null,
    outcomes: { selfReliance: [{ lifeDomain: 'WONEN', start: 2, end: 3 + (serial % 2) }], ownNetworkUsed, satisfaction },
    version: 1,
    createdAt: openedAt,
    updatedAt: closedAt,
    ...rest,
  } as TrajectoryRow;
}

// Twelve clients in the half year, one of them in the Wlz: the Wlz key is withheld (and with it the Wmo key).
const rows = [...Array.from({ length: 11 }, (_, i) => closed(1 + (i % 6), { satisfaction: 7 + (i % 2) })), closed(3, { legalDomain: 'WLZ' })];
const figures = buildSupportReport(ORG, H1, previousReportPeriod(H1), rows);

const doc: ReportDocument = {
  reportId: '30000000-0000-4000-8000-000000000001',
  providerName: 'MEE; "Twente" & Co',
  period: H1,
  status: 'SUBMITTED',
  submittedAt: new Date('2025-07-03T08:00:00Z'),
  total: figures,
  parts: [
    { gemeenteCode: 'GM0153', gemeenteName: 'Enschede', figures },
    { gemeenteCode: null, gemeenteName: null, figures },
  ],
  narrative: { observations: '=HYPERLINK("http://x.example")', signalled: 'Twee regels:\nwonen en geld', outlook: '+31 meer vragen; -minder wachten' },
  satisfaction: { lastDoneOn: '2025-03-12', lastMethod: '@enquête', lastRespondents: 40, dueOn: '2026-03-12', overdue: false },
};

/** A small RFC 4180 reader with ; as separator, as Excel reads the file. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) throw new Error('the file must end with CRLF');
  return rows;
}

describe('report CSV for Dutch Excel', () => {
  const csv = reportCsv(doc);
  const body = csv.slice(1);
  const table = parseCsv(body);

  it('is UTF-8 with a BOM, semicolons and CRLF, five columns on every line, with Dutch headings', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(body).toContain('\r\n');
    // No bare LF outside quoted fields.
    expect(/[^\r]\n/.test(body.replace(/"(?:[^"]|"")*"/g, ''))).toBe(false);
    expect(table[0]).toEqual(['onderdeel', 'gemeente', 'omschrijving', 'deze periode', 'vorige periode']);
    for (const line of table) expect(line).toHaveLength(5);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('has one block per part with name and code, then the whole, mapped to the criteria a–e', () => {
    const people = table.filter((l) => l[2] === 'Mensen ondersteund');
    expect(people.map((l) => l[1])).toEqual(['Enschede (GM0153)', 'Gemeente onbekend', 'Hele organisatie']);
    expect(people[0]?.slice(3)).toEqual(['12', '0']);
    expect(people[0]?.[0]).toBe('a. Aantal mensen');
    const criteria = new Set(table.map((l) => l[0]));
    for (const c of ['a. Aantal mensen', 'b. Levensdomeinen (vergeleken met vorig halfjaar)', 'c. Zelfredzaamheid', 'd. Eigen netwerk', 'e. Doelgroepen']) {
      expect(criteria.has(c), c).toBe(true);
    }
    expect(table.find((l) => l[0] === 'e. Doelgroepen')?.slice(2, 4)).toEqual(['Ouderen', '12']);
    expect(table.find((l) => l[0] === 'b. Levensdomeinen (vergeleken met vorig halfjaar)')?.slice(2, 4)).toEqual(['Wonen', '12']);
  });

  it('writes a withheld figure as "afgeschermd" and averages with a decimal comma', () => {
    const wlz = table.find((l) => l[2] === 'Wettelijk kader: Wlz (langdurige zorg)');
    expect(wlz?.[3]).toBe('afgeschermd');
    expect(table.filter((l) => l.includes('withheld'))).toEqual([]);
    const average = table.find((l) => l[2] === 'Gemiddeld rapportcijfer')?.[3] ?? '';
    expect(average).toMatch(/^\d+,\d+$/);
    expect(Number(average.replace(',', '.'))).toBeCloseTo(figures.averageSatisfaction.value ?? 0, 2);
    expect(table.at(-1)?.[2]).toBe('afgeschermd: minder dan 5 personen, of terug te rekenen uit andere cijfers');
  });

  it('quotes ; " and line breaks and guards texts that Excel would run as a formula', () => {
    expect(table.find((l) => l[2] === 'Aanbieder')?.[3]).toBe('MEE; "Twente" & Co');
    expect(csv).toContain('"MEE; ""Twente"" & Co"');
    expect(table.find((l) => l[2] === 'Wat hebben we gesignaleerd')?.[3]).toBe('Twee regels:\nwonen en geld');
    expect(table.find((l) => l[2] === 'Wat viel op')?.[3]).toBe(`'=HYPERLINK("http://x.example")`);
    expect(table.find((l) => l[2] === 'Wat verwachten we')?.[3]).toBe("'+31 meer vragen; -minder wachten");
    expect(table.find((l) => l[2] === 'Manier van meten')?.[3]).toBe("'@enquête");
    // No cell starts with a formula character, except numbers we wrote (a negative change).
    for (const line of table) for (const cell of line) if (/^[=+\-@]/.test(cell)) expect(cell).toMatch(/^-\d+$/);
  });
});

/** The text a PDF shows: the strings of its (uncompressed) text operators, hex or literal, decoded as WinAnsi. */
function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const out: string[] = [];
  for (const m of source.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
    let line = '';
    for (const s of (m[1] ?? '').matchAll(/<([0-9a-fA-F]+)>|\(((?:[^()\\]|\\.)*)\)/g)) {
      if (s[1]) line += Buffer.from(s[1], 'hex').toString('latin1');
      else line += (s[2] ?? '').replace(/\\(.)/g, '$1');
    }
    out.push(line);
  }
  return out.join('\n');
}

describe('report PDF', () => {
  it('is an A4 PDF whose text holds the title, the provider, the parts, the figures and the explanation', async () => {
    const pdf = await reportPdf(doc, { compress: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    const text = pdfText(pdf);
    for (const expected of [
      'Halfjaarrapportage cliëntondersteuning eerste halfjaar 2025',
      'Aanbieder: MEE; "Twente" & Co',
      'Status: Ingediend',
      'Ingediend op: 3 juli 2025',
      'Enschede (GM0153)',
      'Gemeente onbekend',
      'Hele organisatie',
      'a. Aantal mensen',
      'e. Doelgroepen',
      'Deze periode',
      'Vorige periode',
      'Mensen ondersteund',
      'afgeschermd',
      'Toelichting',
      'Tevredenheidsmeting',
      'afgeschermd: minder dan 5 personen, of terug te rekenen uit andere cijfers',
    ]) {
      expect(text, expected).toContain(expected);
    }
  });

  it('gives the same bytes for the same document', async () => {
    expect((await reportPdf(doc)).equals(await reportPdf(doc))).toBe(true);
    expect((await reportPdf(doc)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
