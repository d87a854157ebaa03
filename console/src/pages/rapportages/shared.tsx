import { StatusBadge } from '@utrecht/component-library-react';
import type { Session } from '../../auth/session.ts';
import { currentToken } from '../../auth/session.ts';
import type { HubError } from '../../errors.ts';
import { HALF_YEAR_REPORT_STATUS_LABELS, label } from '../../labels.ts';
import { PERSONAL_DATA_LABELS, todayInNl } from '../overlegtafel/labels.ts';

export { refusedField, useMutation } from '../overlegtafel/shared.tsx';
export { todayInNl };

/** An opdrachtgever (a gemeente or zorgkantoor) reads reports; every other organisation is a provider that writes them. */
export const isOpdrachtgever = (session: Session | null): boolean =>
  session?.user.organizationType === 'GEMEENTE' || session?.user.organizationType === 'ZORGKANTOOR';

export function ReportStatusBadge({ status }: { status: string }) {
  return (
    <StatusBadge status={status.toLowerCase()} className={`hub-report-status hub-report-status--${status.toLowerCase()}`}>
      {label(HALF_YEAR_REPORT_STATUS_LABELS, status)}
    </StatusBadge>
  );
}

export interface HalfYear {
  year: number;
  /** 1 for January–June, 2 for July–December. */
  half: number;
}

/** The half year that ended last (in the Netherlands), and `count` − 1 before it, newest first. */
export function endedHalfYears(count: number, today = todayInNl()): HalfYear[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  let current: HalfYear = month <= 6 ? { year: year - 1, half: 2 } : { year, half: 1 };
  const list: HalfYear[] = [];
  for (let i = 0; i < count; i++) {
    list.push(current);
    current = current.half === 2 ? { year: current.year, half: 1 } : { year: current.year - 1, half: 2 };
  }
  return list;
}

/** The field a BAD_USER_INPUT names (`extensions.field`, dotted, e.g. `input.doneOn`), or every field it lists. */
export function refusedFields(error: HubError | null): string[] {
  if (error?.code !== 'BAD_USER_INPUT') return [];
  const fields = Array.isArray(error.extensions.fields)
    ? (error.extensions.fields as { path?: unknown }[]).map((f) => String(f.path ?? '')).filter(Boolean)
    : [];
  const first = typeof error.extensions.field === 'string' ? [error.extensions.field] : [];
  return [...new Set([...first, ...fields])];
}

/** Whether `field` (e.g. `input.gemeenteCodes`) or one of its items (`input.gemeenteCodes.0`) was refused. */
export const isRefused = (fields: string[], field: string): boolean => fields.some((f) => f === field || f.startsWith(`${field}.`));

/** The privacy guard's refusal of a text of the report, in Dutch, with the kind of data found; never the text itself. */
export function narrativeGuardMessage(kind: unknown): string {
  const found = typeof kind === 'string' ? PERSONAL_DATA_LABELS[kind] : undefined;
  return `${found ? `In deze tekst staat ${found}.` : 'In deze tekst staan persoonsgegevens.'} Schrijf over groepen en ontwikkelingen, zonder iets waarmee iemand te herkennen is. Er is niets opgeslagen.`;
}

/** The file name the hub gives in Content-Disposition, or `fallback`. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const match = disposition ? /filename="?([^";]+)"?/i.exec(disposition) : null;
  return match?.[1] ?? fallback;
}

/** Why a download failed, in Dutch. */
export class DownloadError extends Error {
  override name = 'DownloadError';
}

/**
 * Fetches a download of the hub (a path on the console's own origin) with the session's bearer token in the
 * Authorization header (never in the URL), and saves it from memory as a Blob.
 */
export async function downloadReportFile(path: string, fallbackName: string): Promise<string> {
  if (!path.startsWith('/') || path.startsWith('//')) throw new DownloadError('Deze download is niet van de hub.');
  const token = currentToken();
  let response: Response;
  try {
    response = await fetch(path, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    throw new DownloadError('De hub is niet bereikbaar. Controleer uw internetverbinding en probeer het opnieuw.');
  }
  if (!response.ok) {
    throw new DownloadError(
      response.status === 404
        ? 'Het bestand is niet gevonden, of u mag het niet downloaden.'
        : 'Het downloaden is niet gelukt. Probeer het opnieuw. Blijft het misgaan? Meld het bij de helpdesk.',
    );
  }
  const blob = await response.blob();
  const fileName = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return fileName;
}
