import { Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import type { CapacityStatus } from '../../generated/graphql.ts';
import { CAPACITY_LABELS, formatDate, label, WEEKDAY_LABELS } from '../../labels.ts';

/** A short fact about a service, as a small label. */
export function Tag({ children, tone }: { children: ReactNode; tone?: 'good' | 'bad' | 'neutral' }) {
  return <span className={`hub-tag hub-tag--${tone ?? 'neutral'}`}>{children}</span>;
}

const CAPACITY_TONE: Record<string, 'good' | 'bad' | 'neutral'> = { HAS_CAPACITY: 'good', NO_CAPACITY: 'bad', WAITLIST: 'bad' };

export function CapacityBadge({ status, waitDays }: { status: CapacityStatus; waitDays: number | null }) {
  const wait = status === 'WAITLIST' && waitDays !== null ? `, ongeveer ${waitDays} dagen` : '';
  return <Tag tone={CAPACITY_TONE[status] ?? 'neutral'}>{`${label(CAPACITY_LABELS, status)}${wait}`}</Tag>;
}

export interface OpeningHoursRow {
  weekday: number;
  opensAt: string;
  closesAt: string;
}

/** Opening hours per weekday, several periods on one day together. */
export function OpeningHoursTable({ hours, caption }: { hours: OpeningHoursRow[]; caption: string }) {
  if (hours.length === 0) return <Paragraph>Geen openingstijden bekend. Neem contact op voor een afspraak.</Paragraph>;
  const days = [...new Set(hours.map((h) => h.weekday))].sort((a, b) => a - b);
  return (
    <Table className="hub-hours">
      <caption className="hub-visually-hidden">{caption}</caption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Dag</TableHeaderCell>
          <TableHeaderCell scope="col">Open</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {days.map((day) => (
          <TableRow key={day}>
            <TableHeaderCell scope="row">{WEEKDAY_LABELS[day] ?? String(day)}</TableHeaderCell>
            <TableCell>
              {hours
                .filter((h) => h.weekday === day)
                .map((h) => `${h.opensAt} tot ${h.closesAt} uur`)
                .join(', ')}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export const verifiedText = (lastVerifiedAt: string | null, stale: boolean): string => {
  if (!lastVerifiedAt) return 'Deze gegevens zijn nog nooit gecontroleerd door de organisatie. Bel voor de zekerheid even na.';
  const when = `Laatst gecontroleerd door de organisatie op ${formatDate(lastVerifiedAt)}.`;
  return stale ? `${when} Dat is meer dan een jaar geleden: bel voor de zekerheid even na.` : when;
};
