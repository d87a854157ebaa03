import {
  Button,
  FormField,
  FormLabel,
  Heading1,
  Heading2,
  Heading3,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { type DutchError, describeError } from '../../errors.ts';
import { OverlegtafelCsvDocument, OverlegtafelQuarterDocument, type OverlegtafelQuarterQuery } from '../../generated/graphql.ts';
import { execute, HubRequestError } from '../../graphql/client.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { formatDate, formatNumber, label } from '../../labels.ts';
import { AppLink } from '../../router.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { toExcelCsv } from './csv.ts';
import { downloadText } from './download.ts';
import { BarChart, changeText, type Figure, FigureCell, FigureTable, figureText } from './figures.tsx';
import { CATEGORY_LABELS, CATEGORY_ORDER, lastClosedQuarter, periodName, quarterKey, shiftQuarter } from './labels.ts';
import { KnelpuntStatusBadge, NoRegion, useRegion } from './shared.tsx';

type Summary = NonNullable<NonNullable<OverlegtafelQuarterQuery['zorgkantoorregio']>['signalSummary']>[number];

/** How many closed quarters the trend shows. */
const QUARTERS = 4;

function CsvDownload({ region, period }: { region: string; period: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DutchError | null>(null);
  const [done, setDone] = useState(false);
  async function download() {
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      const result = await execute(OverlegtafelCsvDocument, {
        input: { zorgkantoorregioCodes: [region], granularity: 'QUARTER', from: period, groupBy: ['CATEGORY', 'LEGAL_DOMAIN', 'TARGET_GROUP'] },
      });
      const first = result.errors[0];
      if (first || !result.data) {
        setError(describeError(first ?? { code: 'INTERNAL_SERVER_ERROR', extensions: {} }));
        return;
      }
      downloadText(`signalen-${region}-${period}.csv`, toExcelCsv(result.data.signalSummaryCsv));
      setDone(true);
    } catch (e) {
      setError(e instanceof HubRequestError ? e.dutch : describeError({ code: 'INTERNAL_SERVER_ERROR', extensions: {} }));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="hub-csv">
      <Button appearance="secondary-action-button" busy={busy} disabled={busy} onClick={() => void download()}>
        Cijfers van het {periodName(period)} downloaden (CSV voor Excel)
      </Button>
      <Paragraph appearance="small">
        Per soort signaal, wet en doelgroep. Afgeschermde cijfers zijn leeg, met "true" in de kolom withheld. Het bestand opent in Excel met de Nederlandse
        instellingen.
      </Paragraph>
      <div aria-live="polite">{done && <Paragraph>Het bestand is gedownload.</Paragraph>}</div>
      {error && <ErrorAlert error={error} headingLevel={4} />}
    </div>
  );
}

function CategoryChart({ summary }: { summary: Summary }) {
  const cells = new Map(summary.cells.map((c) => [c.category ?? '', c]));
  const rows = CATEGORY_ORDER.filter((c) => cells.has(c)).map((category) => {
    const cell = cells.get(category);
    const now: Figure = { value: cell?.signals, withheld: cell?.withheld ?? false };
    const before: Figure = { value: cell?.previousSignals, withheld: cell?.previousWithheld ?? false };
    return { category, now, before, change: cell?.change };
  });
  const current = periodName(summary.period);
  return (
    <BarChart
      title={`Signalen per soort, ${current} en het kwartaal ervoor`}
      series={[{ name: current }, { name: 'kwartaal ervoor' }]}
      rows={rows.map((r) => ({ label: label(CATEGORY_LABELS, r.category), figures: [r.now, r.before] }))}
      table={
        <FigureTable
          caption={`Tabel: signalen per soort, ${current}`}
          head={['Soort signaal', current, 'Kwartaal ervoor', 'Verschil']}
          rows={rows.map((r) => ({
            key: r.category,
            label: label(CATEGORY_LABELS, r.category),
            cells: [
              <FigureCell key="now" figure={r.now} label={current} />,
              <FigureCell key="before" figure={r.before} label="Kwartaal ervoor" />,
              <TableCell key="change" data-label="Verschil">
                {changeText(r.change, r.now, r.before)}
              </TableCell>,
            ],
          }))}
        />
      }
    />
  );
}

function TrendChart({ summaries }: { summaries: Summary[] }) {
  const rows = summaries.map((s) => ({ s, total: { value: s.total.signals, withheld: s.total.withheld } as Figure }));
  return (
    <BarChart
      title="Alle signalen per kwartaal, met de wachttijd"
      series={[{ name: 'signalen' }]}
      rows={rows.map((r) => ({ label: periodName(r.s.period), figures: [r.total] }))}
      table={
        <FigureTable
          caption="Tabel: alle signalen en de wachttijd per kwartaal"
          head={['Kwartaal', 'Signalen', 'Wachttijd (mediaan)']}
          rows={rows.map((r) => ({
            key: r.s.period,
            label: periodName(r.s.period),
            cells: [
              <FigureCell key="total" figure={r.total} label="Signalen" />,
              <TableCell key="wait" data-label="Wachttijd (mediaan)">
                {r.s.medianWaitDays === null || r.s.medianWaitDays === undefined ? WAIT_WITHHELD : `${formatNumber(r.s.medianWaitDays)} dagen`}
              </TableCell>,
            ],
          }))}
        />
      }
    />
  );
}

const WAIT_WITHHELD = 'afgeschermd';

function NoCapacity({ summary }: { summary: Summary }) {
  const organizations = summary.topNoCapacityOrganizations;
  const services = summary.topNoCapacityServices;
  return (
    <>
      <Heading3>Aanbieders die het vaakst geen plek hadden</Heading3>
      {organizations.length === 0 ? (
        <Paragraph>Geen aanbieder kwam vaak genoeg voor om hem veilig te noemen.</Paragraph>
      ) : (
        <UnorderedList>
          {organizations.map((o) => (
            <UnorderedListItem key={o.organization?.id}>
              {o.organization?.name ?? 'Onbekende organisatie'}: {formatNumber(o.signals)} signalen
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      {services.length > 0 && (
        <>
          <Paragraph>Diensten die het vaakst vol waren:</Paragraph>
          <UnorderedList>
            {services.map((s) => (
              <UnorderedListItem key={s.service?.id}>
                {s.service?.id ? <AppLink href={`/sociale-kaart/diensten/${s.service.id}`}>{s.service.name}</AppLink> : 'Onbekende dienst'}:{' '}
                {formatNumber(s.signals)} signalen
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
    </>
  );
}

export function OverlegtafelPage() {
  const region = useRegion();
  const last = lastClosedQuarter();
  const [chosen, setChosen] = useState(quarterKey(last));
  const result = useQuery(
    OverlegtafelQuarterDocument,
    { region: region ?? '', from: quarterKey(shiftQuarter(last, -(QUARTERS - 1))), to: quarterKey(last) },
    { skip: !region },
  );
  const summaries = result.data?.zorgkantoorregio?.signalSummary ?? [];
  const summary = summaries.find((s) => s.period === chosen) ?? summaries.at(-1);
  const table = result.data?.overlegtafel;
  const regionName = result.data?.zorgkantoorregio?.name;

  return (
    <>
      <Heading1 tabIndex={-1}>Overlegtafel{regionName ? ` ${regionName}` : ''}</Heading1>
      <Paragraph>
        Aan de overlegtafel bespreken gemeenten, zorgkantoor en cliëntondersteuners wat er ontbreekt in het aanbod. Signalen over hetzelfde probleem bundelt u
        in een knelpunt. Daarover neemt de overlegtafel besluiten en spreekt acties af.
      </Paragraph>
      {!region && <NoRegion />}
      <UnorderedList className="hub-overleg-links">
        <UnorderedListItem>
          <AppLink href="/overlegtafel/signalen">Signalen bekijken en bundelen tot knelpunt</AppLink>
        </UnorderedListItem>
        <UnorderedListItem>
          <AppLink href="/signaal-melden">Signaal melden</AppLink>
        </UnorderedListItem>
      </UnorderedList>

      {result.error && <ErrorAlert error={result.error} headingLevel={2} />}
      {result.fieldErrors.map((e) => (
        <ErrorAlert key={e.code} error={e} headingLevel={2} />
      ))}
      {region && result.loading && !result.data && <Paragraph aria-live="polite">Even geduld, de cijfers worden geladen…</Paragraph>}

      {summary && (
        <section aria-labelledby="kwartaal-heading" className="hub-flow">
          <Heading2 id="kwartaal-heading">Het kwartaal in één oogopslag</Heading2>
          <Paragraph>
            De cijfers van een kwartaal komen vrij als het kwartaal voorbij is, en veranderen daarna niet meer. Is een getal zo klein dat iemand te herkennen
            zou zijn, dan staat er <strong>afgeschermd</strong>: meestal gaat het om minder dan 5 signalen. Staat er "minstens", dan is een deel afgeschermd.
          </Paragraph>
          <FormField type="select" label={<FormLabel htmlFor="overleg-quarter">Kwartaal</FormLabel>}>
            <Select id="overleg-quarter" value={summary.period} onChange={(e) => setChosen(e.target.value)}>
              {[...summaries].reverse().map((s) => (
                <SelectOption key={s.period} value={s.period}>
                  {periodName(s.period)}
                </SelectOption>
              ))}
            </Select>
          </FormField>
          <dl className="hub-facts">
            <dt>Periode</dt>
            <dd>
              {formatDate(summary.startsOn)} tot en met {formatDate(summary.endsOn)}
            </dd>
            <dt>Alle signalen</dt>
            <dd>{figureText({ value: summary.total.signals, withheld: summary.total.withheld })}</dd>
            <dt>Wachttijd (mediaan)</dt>
            <dd>
              {summary.medianWaitDays === null || summary.medianWaitDays === undefined
                ? 'afgeschermd (te weinig signalen met een wachttijd)'
                : `${formatNumber(summary.medianWaitDays)} dagen`}
            </dd>
          </dl>
          {region && <CsvDownload region={region} period={summary.period} />}
          <CategoryChart summary={summary} />
          <TrendChart summaries={summaries} />
          <NoCapacity summary={summary} />
        </section>
      )}

      {table && (
        <section aria-labelledby="knelpunten-heading" className="hub-flow">
          <Heading2 id="knelpunten-heading">Knelpunten</Heading2>
          {table.knelpunten.nodes.length === 0 ? (
            <Paragraph>Er zijn nog geen knelpunten. Bundel signalen over hetzelfde probleem tot een knelpunt.</Paragraph>
          ) : (
            <div className="hub-stack-table">
              <Table>
                <TableCaption>Knelpunten van de {table.name}, nieuwste eerst</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Knelpunt</TableHeaderCell>
                    <TableHeaderCell scope="col">Status</TableHeaderCell>
                    <TableHeaderCell scope="col">Signalen</TableHeaderCell>
                    <TableHeaderCell scope="col">Overleg</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {table.knelpunten.nodes.map((k) => (
                    <TableRow key={k.id}>
                      <TableCell data-label="Knelpunt">
                        <AppLink href={`/overlegtafel/knelpunten/${k.id}`}>{k.title}</AppLink>
                      </TableCell>
                      <TableCell data-label="Status">
                        <KnelpuntStatusBadge status={k.status} />
                      </TableCell>
                      <TableCell data-label="Signalen">{k.signalCount ?? '–'}</TableCell>
                      <TableCell data-label="Overleg">{k.meeting ? `${k.meeting.title} (${formatDate(k.meeting.heldOn)})` : 'Nog niet gepland'}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
        </section>
      )}
    </>
  );
}
