import PDFDocument from 'pdfkit';
import type { ReportPeriod } from '@hub/service-kit';
import type { ReportCount, SupportReportData } from '../report.ts';
import {
  dutchDate,
  label,
  LEGAL_DOMAIN_LABELS,
  LIFE_DOMAIN_LABELS,
  periodLabel,
  STATUS_LABELS,
  SUPPORT_FORM_LABELS,
  TARGET_GROUP_LABELS,
  WITHHELD_EXPLANATION,
  WITHHELD_NL,
} from './labels.ts';

/**
 * What a download of a half-year report holds: the parts the caller may read (an opdrachtgever: its commissioned
 * gemeenten; the provider: the whole and every part), the narrative part and the satisfaction measurement.
 */
export interface ReportDocument {
  reportId: string;
  providerName: string;
  period: ReportPeriod;
  status: 'DRAFT' | 'SUBMITTED' | 'ACKNOWLEDGED';
  submittedAt: Date | null;
  /** The whole organisation: provider members only. */
  total: SupportReportData | null;
  /** Ordered by gemeente code; gemeenteCode null for clients whose gemeente is not known. */
  parts: { gemeenteCode: string | null; gemeenteName: string | null; figures: SupportReportData }[];
  narrative: { observations: string; signalled: string; outlook: string };
  satisfaction: { lastDoneOn: string | null; lastMethod: string | null; lastRespondents: number | null; dueOn: string | null; overdue: boolean };
}

/** The criteria of the Twente agreement the figures answer (a–e), and the other figures of the report. */
const CRITERIA = {
  a: 'a. Aantal mensen',
  b: 'b. Levensdomeinen (vergeleken met vorig halfjaar)',
  c: 'c. Zelfredzaamheid',
  d: 'd. Eigen netwerk',
  e: 'e. Doelgroepen',
  satisfaction: 'Tevredenheid',
  wijsplicht: 'Wijsplicht',
} as const;

interface FigureRow {
  criterion: string;
  description: string;
  current: string;
  previous: string;
}

const count = (c: ReportCount): string => (c.suppressed ? WITHHELD_NL : c.value === null ? '' : String(c.value));
const average = (a: { value: number | null; suppressed: boolean }): string =>
  a.suppressed ? WITHHELD_NL : a.value === null ? '' : String(a.value).replace('.', ',');

/** The figures of one part (or the whole) as rows, in the order of the criteria. */
function figureRows(r: SupportReportData): FigureRow[] {
  const rows: FigureRow[] = [];
  const add = (criterion: string, description: string, current: string, previous = '') => rows.push({ criterion, description, current, previous });
  add(CRITERIA.a, 'Mensen ondersteund', count(r.peopleSupported), count(r.peopleSupportedPrevious));
  const change =
    r.peopleSupportedChange === null
      ? r.peopleSupported.suppressed || r.peopleSupportedPrevious.suppressed
        ? WITHHELD_NL
        : ''
      : String(r.peopleSupportedChange);
  add(CRITERIA.a, 'Verschil met vorige periode', change);
  add(CRITERIA.a, 'Trajecten afgesloten', count(r.trajectoriesClosed));
  for (const i of r.byLegalDomain) add(CRITERIA.a, `Wettelijk kader: ${label(LEGAL_DOMAIN_LABELS, i.key)}`, count(i.count), count(i.previous));
  for (const i of r.bySupportForm) add(CRITERIA.a, `Vorm van ondersteuning: ${label(SUPPORT_FORM_LABELS, i.key)}`, count(i.count), count(i.previous));
  for (const i of r.byLifeDomain) add(CRITERIA.b, label(LIFE_DOMAIN_LABELS, i.key), count(i.count), count(i.previous));
  for (const s of r.selfReliance) {
    const domain = label(LIFE_DOMAIN_LABELS, s.lifeDomain);
    add(CRITERIA.c, `${domain}: afgesloten trajecten met een meting`, count(s.trajectories));
    add(CRITERIA.c, `${domain}: gemiddeld bij de start`, average(s.averageStart));
    add(CRITERIA.c, `${domain}: gemiddeld bij het einde`, average(s.averageEnd));
    add(CRITERIA.c, `${domain}: gemiddelde verandering`, average(s.averageChange));
  }
  add(CRITERIA.d, 'Eigen netwerk ingezet', count(r.ownNetworkUsed));
  add(CRITERIA.d, 'Eigen netwerk niet ingezet', count(r.ownNetworkNotUsed));
  for (const i of r.byTargetGroup) add(CRITERIA.e, label(TARGET_GROUP_LABELS, i.key), count(i.count), count(i.previous));
  add(CRITERIA.satisfaction, 'Aantal antwoorden', count(r.satisfactionResponses));
  add(CRITERIA.satisfaction, 'Gemiddeld rapportcijfer', average(r.averageSatisfaction));
  add(CRITERIA.wijsplicht, 'Gewezen op onafhankelijke cliëntondersteuning', count(r.wijsplichtPointed));
  add(CRITERIA.wijsplicht, 'Daarvan ingegaan op het aanbod', count(r.wijsplichtAccepted));
  return rows;
}

const partName = (p: ReportDocument['parts'][number]) =>
  p.gemeenteCode === null ? 'Gemeente onbekend' : `${p.gemeenteName ?? p.gemeenteCode} (${p.gemeenteCode})`;

/** Each block of figures: every part the caller may read, then the whole organisation when present. */
function blocks(doc: ReportDocument): { name: string; rows: FigureRow[] }[] {
  const out = doc.parts.map((p) => ({ name: partName(p), rows: figureRows(p.figures) }));
  if (doc.total) out.push({ name: 'Hele organisatie', rows: figureRows(doc.total) });
  return out;
}

const metaRows = (doc: ReportDocument): [string, string][] => [
  ['Aanbieder', doc.providerName],
  ['Periode', periodLabel(doc.period)],
  ['Status', label(STATUS_LABELS, doc.status)],
  ['Ingediend op', doc.submittedAt ? dutchDate(doc.submittedAt) : 'nog niet ingediend'],
];

const narrativeRows = (doc: ReportDocument): [string, string][] => [
  ['Wat viel op', doc.narrative.observations],
  ['Wat hebben we gesignaleerd', doc.narrative.signalled],
  ['Wat verwachten we', doc.narrative.outlook],
];

const satisfactionRows = (doc: ReportDocument): [string, string][] => [
  ['Laatste meting', doc.satisfaction.lastDoneOn ? dutchDate(doc.satisfaction.lastDoneOn) : 'nog geen meting'],
  ['Manier van meten', doc.satisfaction.lastMethod ?? ''],
  ['Aantal deelnemers', doc.satisfaction.lastRespondents === null ? '' : String(doc.satisfaction.lastRespondents)],
  ['Volgende meting uiterlijk', doc.satisfaction.dueOn ? dutchDate(doc.satisfaction.dueOn) : ''],
  ['Volgende meting te laat', doc.satisfaction.overdue ? 'ja' : 'nee'],
];

/** A number we wrote ourselves (a count, a change, an average with a decimal comma): never guarded. */
const NUMBER = /^-?\d+(,\d+)?$/;

/**
 * One CSV field: a text that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return)
 * gets a leading apostrophe; a field holding ; " or a line break is quoted.
 */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !NUMBER.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The report as CSV that Dutch Excel opens as it is: UTF-8 with a byte-order mark, semicolons, CRLF line ends, a
 * decimal comma. Columns: onderdeel;gemeente;omschrijving;deze periode;vorige periode. A withheld figure reads
 * "afgeschermd", whatever the reason.
 */
export function reportCsv(doc: ReportDocument): string {
  const lines: string[][] = [['onderdeel', 'gemeente', 'omschrijving', 'deze periode', 'vorige periode']];
  for (const [description, value] of metaRows(doc)) lines.push(['Rapportage', '', description, value, '']);
  for (const block of blocks(doc)) for (const r of block.rows) lines.push([r.criterion, block.name, r.description, r.current, r.previous]);
  for (const [description, value] of narrativeRows(doc)) lines.push(['Toelichting', '', description, value, '']);
  for (const [description, value] of satisfactionRows(doc)) lines.push(['Tevredenheidsmeting', '', description, value, '']);
  lines.push(['Uitleg', '', WITHHELD_EXPLANATION, '', '']);
  return `\uFEFF${lines.map((l) => l.map(csvField).join(';')).join('\r\n')}\r\n`;
}

export interface PdfOptions {
  /** Leave the content streams uncompressed (tests read the text back). Default: compressed. */
  compress?: boolean;
}

/**
 * The report as an A4 PDF, made with pdfkit and its built-in standard fonts (no files, no network). The creation date
 * is the submission moment (or the end of the period for a draft), so the same document gives the same bytes.
 */
export async function reportPdf(doc: ReportDocument, options: PdfOptions = {}): Promise<Buffer> {
  const title = `Halfjaarrapportage cliëntondersteuning ${periodLabel(doc.period)}`;
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 50,
    compress: options.compress ?? true,
    info: { Title: title, Author: doc.providerName, CreationDate: doc.submittedAt ?? doc.period.to },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const left = pdf.page.margins.left;
  const width = pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
  const valueWidth = 80;
  const descriptionWidth = width - 2 * valueWidth;
  const bottom = () => pdf.page.height - pdf.page.margins.bottom;
  const ensure = (height: number) => {
    if (pdf.y + height > bottom()) pdf.addPage();
  };
  const heading = (text: string, size: number) => {
    ensure(size * 3);
    pdf.moveDown(0.5).font('Helvetica-Bold').fontSize(size).text(text, left, pdf.y, { width });
    pdf.font('Helvetica').fontSize(10);
  };
  const row = (cells: [string, string, string], bold = false) => {
    pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    const height = Math.max(pdf.heightOfString(cells[0], { width: descriptionWidth - 6 }), 11);
    ensure(height + 4);
    const y = pdf.y;
    pdf.text(cells[0], left, y, { width: descriptionWidth - 6 });
    pdf.text(cells[1], left + descriptionWidth, y, { width: valueWidth - 6, align: 'right' });
    pdf.text(cells[2], left + descriptionWidth + valueWidth, y, { width: valueWidth - 6, align: 'right' });
    pdf.y = y + height + 3;
    pdf.x = left;
  };
  const pairs = (items: [string, string][]) => {
    for (const [name, value] of items) {
      ensure(28);
      pdf.font('Helvetica-Bold').fontSize(10).text(name, left, pdf.y, { width });
      pdf
        .font('Helvetica')
        .fontSize(10)
        .text(value === '' ? '-' : value, left, pdf.y, { width });
      pdf.moveDown(0.3);
    }
  };

  pdf.font('Helvetica-Bold').fontSize(16).text(title, { width });
  pdf.moveDown(0.5);
  pdf.font('Helvetica').fontSize(10);
  for (const [name, value] of metaRows(doc)) pdf.text(`${name}: ${value}`, { width });

  for (const block of blocks(doc)) {
    heading(block.name, 13);
    row(['Omschrijving', 'Deze periode', 'Vorige periode'], true);
    let criterion = '';
    for (const r of block.rows) {
      if (r.criterion !== criterion) {
        criterion = r.criterion;
        ensure(30);
        pdf.moveDown(0.3).font('Helvetica-Bold').fontSize(10).text(criterion, left, pdf.y, { width });
      }
      row([r.description, r.current, r.previous]);
    }
  }
  heading('Toelichting', 13);
  pairs(narrativeRows(doc));
  heading('Tevredenheidsmeting', 13);
  pairs(satisfactionRows(doc));
  ensure(30);
  pdf.moveDown(0.5).font('Helvetica-Oblique').fontSize(9).text(WITHHELD_EXPLANATION, left, pdf.y, { width });
  pdf.end();
  return done;
}
