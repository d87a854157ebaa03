import { Heading, Paragraph, TableCell } from '@utrecht/component-library-react';
import type {
  ReportAveragePartsFragment,
  ReportBreakdownPartsFragment,
  ReportCountPartsFragment,
  SupportReportFiguresFragment,
} from '../../generated/graphql.ts';
import { formatNumber, label, LEGAL_DOMAIN_LABELS, LIFE_DOMAIN_LABELS, SUPPORT_FORM_LABELS, TARGET_GROUP_LABELS } from '../../labels.ts';
import { FigureCell, FigureTable, WITHHELD_TEXT } from '../overlegtafel/figures.tsx';

/**
 * The figures of one part of a half-year report (a gemeente, or the whole organisation), grouped by the Twente
 * criteria a–e. A withheld count has no number (the hub sends none) and shows "afgeschermd".
 */

const figure = (count: ReportCountPartsFragment) => ({ value: count.value, withheld: false });

function change(current: ReportCountPartsFragment, previous: ReportCountPartsFragment): string {
  if (current.value === null || current.value === undefined || previous.value === null || previous.value === undefined) return 'niet te bepalen';
  const diff = current.value - previous.value;
  if (diff === 0) return 'gelijk';
  return diff > 0 ? `${formatNumber(diff)} meer` : `${formatNumber(-diff)} minder`;
}

function AverageCell({ average, label: column }: { average: ReportAveragePartsFragment; label: string }) {
  if (average.suppressed)
    return (
      <TableCell data-label={column} className="hub-figure--withheld">
        {WITHHELD_TEXT}
      </TableCell>
    );
  return <TableCell data-label={column}>{average.value === null || average.value === undefined ? '–' : formatNumber(average.value)}</TableCell>;
}

const COMPARE_HEAD = (periodKey: string, previousKey: string) => ['Cijfer', periodKey, previousKey, 'Verschil'];

function compareRow(key: string, text: string, count: ReportCountPartsFragment, previous: ReportCountPartsFragment, head: string[]) {
  return {
    key,
    label: text,
    cells: [
      <FigureCell key="now" figure={figure(count)} label={head[1] ?? ''} />,
      <FigureCell key="before" figure={figure(previous)} label={head[2] ?? ''} />,
      <TableCell key="change" data-label="Verschil">
        {change(count, previous)}
      </TableCell>,
    ],
  };
}

function breakdownRows(items: readonly ReportBreakdownPartsFragment[], labels: Record<string, string>, head: string[]) {
  return items.map((item) => compareRow(item.key, label(labels, item.key), item.count, item.previous, head));
}

export function ReportFigures({
  figures,
  where,
  periodKey,
  idPrefix,
  headingLevel,
}: {
  figures: SupportReportFiguresFragment & { previousPeriod: { key: string } };
  /** e.g. "Amsterdam" or "alle gemeenten samen", for the captions. */
  where: string;
  periodKey: string;
  idPrefix: string;
  headingLevel: number;
}) {
  const previousKey = figures.previousPeriod.key;
  const head = COMPARE_HEAD(periodKey, previousKey);
  const peopleHead = ['Cijfer', periodKey, previousKey, 'Verschil'];
  const criterion = (letter: string, title: string) => (
    <Heading level={headingLevel} id={`${idPrefix}-${letter}`}>
      {letter}. {title}
    </Heading>
  );
  return (
    <div className="hub-report-figures hub-flow">
      {criterion('a', 'Hoeveel mensen')}
      <FigureTable
        caption={`Hoeveel mensen, ${where}`}
        head={peopleHead}
        rows={[
          compareRow('people', 'Mensen ondersteund', figures.peopleSupported, figures.peopleSupportedPrevious, head),
          {
            key: 'closed',
            label: 'Trajecten afgesloten',
            cells: [
              <FigureCell key="now" figure={figure(figures.trajectoriesClosed)} label={periodKey} />,
              <TableCell key="b" data-label={previousKey}>
                –
              </TableCell>,
              <TableCell key="c" data-label="Verschil">
                –
              </TableCell>,
            ],
          },
          {
            key: 'pointed',
            label: 'Gewezen op onafhankelijke cliëntondersteuning (Wmo)',
            cells: [
              <FigureCell key="now" figure={figure(figures.wijsplichtPointed)} label={periodKey} />,
              <TableCell key="b" data-label={previousKey}>
                –
              </TableCell>,
              <TableCell key="c" data-label="Verschil">
                –
              </TableCell>,
            ],
          },
          {
            key: 'accepted',
            label: 'Daarvan aangenomen',
            cells: [
              <FigureCell key="now" figure={figure(figures.wijsplichtAccepted)} label={periodKey} />,
              <TableCell key="b" data-label={previousKey}>
                –
              </TableCell>,
              <TableCell key="c" data-label="Verschil">
                –
              </TableCell>,
            ],
          },
        ]}
      />
      {figures.byLegalDomain.length > 0 && (
        <FigureTable
          caption={`Mensen per wet, ${where}`}
          head={['Wet', periodKey, previousKey, 'Verschil']}
          rows={breakdownRows(figures.byLegalDomain, LEGAL_DOMAIN_LABELS, head)}
        />
      )}
      {figures.bySupportForm.length > 0 && (
        <FigureTable
          caption={`Mensen per vorm van ondersteuning, ${where}`}
          head={['Vorm', periodKey, previousKey, 'Verschil']}
          rows={breakdownRows(figures.bySupportForm, SUPPORT_FORM_LABELS, head)}
        />
      )}

      {criterion('b', 'Op welke levensdomeinen, vergeleken met het vorige halfjaar')}
      {figures.byLifeDomain.length > 0 ? (
        <FigureTable
          caption={`Mensen per levensdomein van de hulpvraag, ${where}`}
          head={['Levensdomein', periodKey, previousKey, 'Verschil']}
          rows={breakdownRows(figures.byLifeDomain, LIFE_DOMAIN_LABELS, head)}
        />
      ) : (
        <Paragraph>Geen hulpvragen in deze periode.</Paragraph>
      )}

      {criterion('c', 'Wat het deed voor hun zelfredzaamheid')}
      {figures.selfReliance.length > 0 ? (
        <FigureTable
          caption={`Zelfredzaamheid bij begin en einde (afgesloten trajecten, score 1 tot 5), ${where}`}
          head={['Levensdomein', 'Trajecten', 'Gemiddeld begin', 'Gemiddeld einde', 'Verandering']}
          rows={figures.selfReliance.map((s) => ({
            key: s.lifeDomain,
            label: label(LIFE_DOMAIN_LABELS, s.lifeDomain),
            cells: [
              <FigureCell key="n" figure={figure(s.trajectories)} label="Trajecten" />,
              <AverageCell key="start" average={s.averageStart} label="Gemiddeld begin" />,
              <AverageCell key="end" average={s.averageEnd} label="Gemiddeld einde" />,
              <AverageCell key="change" average={s.averageChange} label="Verandering" />,
            ],
          }))}
        />
      ) : (
        <Paragraph>Geen afgesloten trajecten met een score in deze periode.</Paragraph>
      )}
      <FigureTable
        caption={`Tevredenheid van cliënten bij het afsluiten, ${where}`}
        head={['Cijfer', periodKey]}
        rows={[
          {
            key: 'responses',
            label: 'Cliënten die een cijfer gaven',
            cells: [<FigureCell key="n" figure={figure(figures.satisfactionResponses)} label={periodKey} />],
          },
          { key: 'average', label: 'Gemiddeld cijfer (1 tot 10)', cells: [<AverageCell key="avg" average={figures.averageSatisfaction} label={periodKey} />] },
        ]}
      />

      {criterion('d', 'Gebruik van het eigen netwerk')}
      <FigureTable
        caption={`Afgesloten trajecten en het eigen netwerk, ${where}`}
        head={['Cijfer', periodKey]}
        rows={[
          { key: 'used', label: 'Eigen netwerk ingezet', cells: [<FigureCell key="n" figure={figure(figures.ownNetworkUsed)} label={periodKey} />] },
          {
            key: 'not-used',
            label: 'Eigen netwerk niet ingezet',
            cells: [<FigureCell key="n" figure={figure(figures.ownNetworkNotUsed)} label={periodKey} />],
          },
        ]}
      />

      {criterion('e', 'Welke doelgroepen')}
      {figures.byTargetGroup.length > 0 ? (
        <FigureTable
          caption={`Mensen per doelgroep, ${where}`}
          head={['Doelgroep', periodKey, previousKey, 'Verschil']}
          rows={breakdownRows(figures.byTargetGroup, TARGET_GROUP_LABELS, head)}
        />
      ) : (
        <Paragraph>Geen doelgroepen vastgelegd in deze periode.</Paragraph>
      )}
    </div>
  );
}
