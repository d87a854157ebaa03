import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { formatNumber } from '../../labels.ts';

/**
 * Figures of the quarter as the hub publishes them: a number, a lower bound ("minstens"), or withheld. A withheld
 * figure never shows a number: the hub sends none (`signals: null`), and the console does not guess one.
 */
export interface Figure {
  value: number | null | undefined;
  /** Some signals behind this figure are withheld: the number is a lower bound. */
  withheld: boolean;
}

export const WITHHELD_TEXT = 'afgeschermd';

export function figureText({ value, withheld }: Figure): string {
  if (value === null || value === undefined) return WITHHELD_TEXT;
  return withheld ? `minstens ${formatNumber(value)}` : formatNumber(value);
}

export function changeText(change: number | null | undefined, current: Figure, previous: Figure): string {
  if (change === null || change === undefined || current.withheld || previous.withheld) return 'niet te bepalen';
  if (change === 0) return 'gelijk';
  return change > 0 ? `${formatNumber(change)} meer` : `${formatNumber(-change)} minder`;
}

export function FigureCell({ figure, label }: { figure: Figure; label: string }) {
  const hidden = figure.value === null || figure.value === undefined;
  return (
    <TableCell data-label={label} className={hidden ? 'hub-figure--withheld' : undefined}>
      {figureText(figure)}
    </TableCell>
  );
}

export interface ChartSeries {
  name: string;
}

export interface ChartRow {
  label: string;
  /** One figure per series, in the order of the series. */
  figures: Figure[];
}

/**
 * A bar chart in HTML and CSS (no chart library, nothing from another host): one row per label, one bar per series.
 * The chart is a picture for sighted readers; the same figures follow in a real table, which screen readers read.
 */
export function BarChart({
  title,
  series,
  rows,
  table,
}: {
  title: string;
  series: ChartSeries[];
  rows: ChartRow[];
  /** The table with the same figures. */
  table: ReactNode;
}) {
  const max = Math.max(1, ...rows.flatMap((row) => row.figures.map((f) => f.value ?? 0)));
  return (
    <figure className="hub-chart">
      <figcaption className="hub-chart__title">{title}</figcaption>
      <div className="hub-chart__picture" aria-hidden="true">
        <ul className="hub-chart__legend">
          {series.map((s, i) => (
            <li key={s.name}>
              <span className={`hub-chart__swatch hub-chart__bar--${i}`} /> {s.name}
            </li>
          ))}
          <li>
            <span className="hub-chart__swatch hub-chart__bar--withheld" /> afgeschermd
          </li>
        </ul>
        {rows.map((row) => (
          <div className="hub-chart__row" key={row.label}>
            <span className="hub-chart__label">{row.label}</span>
            <span className="hub-chart__bars">
              {row.figures.map((figure, i) => {
                const hidden = figure.value === null || figure.value === undefined;
                return (
                  <span className="hub-chart__line" key={series[i]?.name ?? i}>
                    <span
                      className={`hub-chart__bar ${hidden ? 'hub-chart__bar--withheld' : `hub-chart__bar--${i}`}`}
                      style={{ inlineSize: hidden ? '0.75rem' : `${((figure.value ?? 0) / max) * 100}%` }}
                    />
                    <span className="hub-chart__value">{figureText(figure)}</span>
                  </span>
                );
              })}
            </span>
          </div>
        ))}
      </div>
      {table}
    </figure>
  );
}

/** A table of figures with a caption, stacked into blocks on a narrow screen. */
export function FigureTable({ caption, head, rows }: { caption: string; head: string[]; rows: { key: string; label: ReactNode; cells: ReactNode[] }[] }) {
  return (
    <div className="hub-stack-table">
      <Table className="hub-figure-table">
        <TableCaption>{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            {head.map((h) => (
              <TableHeaderCell key={h} scope="col">
                {h}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.key}>
              <TableHeaderCell scope="row">{row.label}</TableHeaderCell>
              {row.cells}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
