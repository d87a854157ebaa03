import type { ReportPeriod } from '@hub/service-kit';
import type { SupportReportData } from '../report.ts';

/**
 * What a download of a half-year report holds: the parts the caller may read (an opdrachtgever: its commissioned
 * gemeenten; the provider: the whole and every part), the narrative part and the satisfaction measurement.
 *
 * SKELETON: the CSV for Dutch Excel and the PDF replace these placeholders.
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

/** CSV that Dutch Excel opens: semicolons, UTF-8 with a byte-order mark, CRLF line ends. */
export function reportCsv(doc: ReportDocument): string {
  return `\uFEFFrapportage;${doc.reportId}\r\n`;
}

/** The report as a PDF document. */
export async function reportPdf(doc: ReportDocument): Promise<Buffer> {
  return Buffer.from(`%PDF-1.4\n% ${doc.reportId}\n`);
}
