import {
  FormField,
  FormLabel,
  Heading1,
  Heading2,
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
} from '@utrecht/component-library-react';
import { type ReactNode, useState } from 'react';
import { useSession } from '../../auth/session.ts';
import { OverzichtGebiedenDocument, VraagEnAanbodDocument } from '../../generated/graphql.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { formatNumber, LEGAL_DOMAIN_LABELS, label } from '../../labels.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';

/**
 * Vraag en aanbod: the combined Wmo + Wlz view of one gemeente or zorgkantoorregio over an ended half year or quarter
 * (Query.supportOverview). A gemeente reads its own gemeente or its region; a zorgkantoor its region or a gemeente in
 * it. The hub withholds small counts; the page shows "afgeschermd" and never guesses a number.
 */

const WITHHELD = 'afgeschermd';

interface Count {
  value?: number | null;
  suppressed: boolean;
}

const countText = (c: Count | null | undefined) => (!c || c.suppressed || c.value === null || c.value === undefined ? WITHHELD : formatNumber(c.value));
const daysText = (n: number | null | undefined, unit: string) => (n === null || n === undefined ? `${WITHHELD} of niet bekend` : `${formatNumber(n)} ${unit}`);

export interface OverviewPeriod {
  kind: 'HALF_YEAR' | 'QUARTER';
  year: number;
  number: number;
}

const periodKey = (p: OverviewPeriod) => `${p.year}-${p.kind === 'HALF_YEAR' ? 'H' : 'Q'}${p.number}`;
export const periodName = (p: OverviewPeriod) =>
  p.kind === 'HALF_YEAR' ? `${p.number === 1 ? 'eerste' : 'tweede'} halfjaar ${p.year}` : `kwartaal ${p.number} van ${p.year}`;

/** The last four ended half years and the last four ended quarters, newest first. */
export function endedPeriods(today: Date): OverviewPeriod[] {
  const out: OverviewPeriod[] = [];
  for (const [kind, months] of [
    ['HALF_YEAR', 6],
    ['QUARTER', 3],
  ] as const) {
    let year = today.getFullYear();
    let number = Math.floor(today.getMonth() / months); // the running period is number + 1; this one has ended
    for (let i = 0; i < 4; i++) {
      if (number === 0) {
        year -= 1;
        number = 12 / months;
      }
      out.push({ kind, year, number });
      number -= 1;
    }
  }
  return out;
}

function FigureRow({ name, now, before }: { name: string; now: Count | null | undefined; before?: Count | null | undefined }) {
  return (
    <TableRow>
      <TableHeaderCell scope="row">{name}</TableHeaderCell>
      <TableCell data-label="Deze periode">{countText(now)}</TableCell>
      <TableCell data-label="Periode ervoor">{before === undefined ? '–' : countText(before)}</TableCell>
    </TableRow>
  );
}

function FigureTable({ caption, current, previous, children }: { caption: string; current: string; previous: string; children: ReactNode }) {
  return (
    <div className="hub-stack-table">
      <Table>
        <TableCaption>{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Cijfer</TableHeaderCell>
            <TableHeaderCell scope="col">{current}</TableHeaderCell>
            <TableHeaderCell scope="col">{previous}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>{children}</TableBody>
      </Table>
    </div>
  );
}

interface AreaOption {
  value: string;
  label: string;
  input: { gemeenteCode: string } | { zorgkantoorregioCode: string };
}

export function VraagEnAanbodPage() {
  const user = useSession()?.user;
  const byGemeente = user?.organizationType === 'GEMEENTE';
  const gemeente = user?.gemeenteCode ?? '';
  const region = user?.zorgkantoorregio ?? '';
  const areas = useQuery(OverzichtGebiedenDocument, { gemeente, region, byGemeente }, { skip: byGemeente ? !gemeente : !region });
  const options: AreaOption[] = [];
  const g = areas.data?.gemeente;
  const r = areas.data?.zorgkantoorregio;
  if (g) {
    options.push({ value: g.code, label: `Gemeente ${g.name}`, input: { gemeenteCode: g.code } });
    options.push({
      value: g.zorgkantoorregio.code,
      label: `Regio ${g.zorgkantoorregio.name} (alle gemeenten)`,
      input: { zorgkantoorregioCode: g.zorgkantoorregio.code },
    });
  }
  if (r) {
    options.push({ value: r.code, label: `Regio ${r.name} (alle gemeenten)`, input: { zorgkantoorregioCode: r.code } });
    for (const x of [...r.gemeenten].sort((a, b) => a.name.localeCompare(b.name, 'nl'))) {
      options.push({ value: x.code, label: `Gemeente ${x.name}`, input: { gemeenteCode: x.code } });
    }
  }
  const periods = endedPeriods(new Date());
  const [areaChoice, setAreaChoice] = useState('');
  const [periodChoice, setPeriodChoice] = useState(periods[0] ? periodKey(periods[0]) : '');
  const area = options.find((o) => o.value === areaChoice) ?? options[0];
  const period = periods.find((p) => periodKey(p) === periodChoice) ?? periods[0];
  const result = useQuery(
    VraagEnAanbodDocument,
    { input: { ...(area?.input ?? {}), period: period ?? { kind: 'HALF_YEAR', year: 2000, number: 1 } } },
    { skip: !area || !period },
  );
  const o = result.data?.supportOverview;
  const current = period ? periodName(period) : '';
  const previous = period?.kind === 'QUARTER' ? 'Kwartaal ervoor' : 'Halfjaar ervoor';

  return (
    <>
      <Heading1 tabIndex={-1}>Vraag en aanbod</Heading1>
      <Paragraph>
        Hoeveel inwoners kregen cliëntondersteuning, via de Wmo en de Wlz, en wat is er aan aanbod? Hier ziet u de vraag van alle organisaties samen, de warme
        overdrachten en de diensten in de sociale kaart.
      </Paragraph>
      {!byGemeente && !region && <Paragraph>Uw account hoort niet bij een gemeente of zorgkantoorregio. Daarom zijn er geen cijfers voor u.</Paragraph>}
      {areas.error && <ErrorAlert error={areas.error} headingLevel={2} />}

      <form className="hub-flow" aria-label="Kies gebied en periode" onSubmit={(e) => e.preventDefault()}>
        <FormField type="select" label={<FormLabel htmlFor="overzicht-gebied">Gebied</FormLabel>}>
          <Select id="overzicht-gebied" value={area?.value ?? ''} onChange={(e) => setAreaChoice(e.target.value)} disabled={options.length === 0}>
            {options.map((x) => (
              <SelectOption key={x.value} value={x.value}>
                {x.label}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        <FormField type="select" label={<FormLabel htmlFor="overzicht-periode">Periode</FormLabel>}>
          <Select id="overzicht-periode" value={period ? periodKey(period) : ''} onChange={(e) => setPeriodChoice(e.target.value)}>
            {periods.map((p) => (
              <SelectOption key={periodKey(p)} value={periodKey(p)}>
                {periodName(p)}
              </SelectOption>
            ))}
          </Select>
        </FormField>
      </form>

      <section aria-labelledby="afgeschermd-heading" className="hub-flow">
        <Heading2 id="afgeschermd-heading">Wat betekent "afgeschermd"?</Heading2>
        <Paragraph>
          Een klein getal kan verraden over wie het gaat. Daarom laat de hub een aantal van 1 tot en met 4 niet zien. Soms is ook een groter getal afgeschermd:
          als u het kleine getal anders kunt uitrekenen, bijvoorbeeld door de gemeenten van de regio af te trekken, of als bijna alles van één organisatie komt.
          Er staat dan <strong>{WITHHELD}</strong>. De cijfers veranderen niet meer als de periode voorbij is.
        </Paragraph>
      </section>

      <div aria-live="polite">{result.loading && !o && area && <Paragraph>Even geduld, de cijfers worden geladen…</Paragraph>}</div>
      {result.error && <ErrorAlert error={result.error} headingLevel={2} />}
      {result.fieldErrors.map((e) => (
        <ErrorAlert key={e.code} error={e} headingLevel={2} />
      ))}

      {o && (
        <>
          <section aria-labelledby="vraag-heading" className="hub-flow">
            <Heading2 id="vraag-heading">Vraag: {area?.label}</Heading2>
            <Paragraph>Trajecten van alle organisaties (gemeente, zorgkantoor en aanbieders) voor inwoners van dit gebied.</Paragraph>
            <FigureTable caption={`Vraag naar cliëntondersteuning, ${current}`} current={current} previous={previous}>
              <FigureRow name="Inwoners met ondersteuning" now={o.demand.peopleSupported} before={o.demand.peopleSupportedPrevious} />
              <FigureRow name="Nieuwe trajecten" now={o.demand.trajectoriesOpened} before={o.demand.trajectoriesOpenedPrevious} />
              <FigureRow name="Gewezen op onafhankelijke cliëntondersteuning (Wmo)" now={o.demand.wijsplichtPointed} />
              <FigureRow name="Daarvan ingegaan op het aanbod" now={o.demand.wijsplichtAccepted} />
            </FigureTable>
            {o.demand.byLegalDomain.length > 0 && (
              <FigureTable caption={`Inwoners met ondersteuning per wet, ${current}`} current={current} previous={previous}>
                {o.demand.byLegalDomain.map((item) => (
                  <FigureRow key={item.key} name={label(LEGAL_DOMAIN_LABELS, item.key)} now={item.count} before={item.previous} />
                ))}
              </FigureTable>
            )}
          </section>

          <section aria-labelledby="overdracht-heading" className="hub-flow">
            <Heading2 id="overdracht-heading">Warme overdrachten en wachttijd</Heading2>
            <FigureTable caption={`Warme overdrachten, ${current}`} current={current} previous={previous}>
              <FigureRow name="Verstuurd" now={o.handovers.sent} before={o.handovers.sentPrevious} />
              <FigureRow name="Geaccepteerd" now={o.handovers.accepted} />
              <FigureRow name="Afgewezen" now={o.handovers.rejected} />
              <FigureRow name="Ondersteuning gestart" now={o.handovers.started} />
            </FigureTable>
            <dl className="hub-facts">
              <dt>Wachttijd tot het antwoord (mediaan)</dt>
              <dd>{daysText(o.handovers.medianWorkingDaysToAnswer, 'werkdagen')}</dd>
              <dt>Wachttijd tot de start (mediaan)</dt>
              <dd>{daysText(o.handovers.medianWorkingDaysToStart, 'werkdagen')}</dd>
            </dl>
          </section>

          <section aria-labelledby="aanbod-heading" className="hub-flow">
            <Heading2 id="aanbod-heading">Aanbod in de sociale kaart (nu)</Heading2>
            <Paragraph>
              Diensten voor cliëntondersteuning die dit gebied bedienen, ook landelijke. Dit zijn openbare gegevens; er is niets afgeschermd.
            </Paragraph>
            <div className="hub-stack-table">
              <Table>
                <TableCaption>Aanbod van cliëntondersteuning</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Cijfer</TableHeaderCell>
                    <TableHeaderCell scope="col">Aantal</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {(
                    [
                      ['Diensten', o.supply.services],
                      ['Organisaties', o.supply.organizations],
                      ['Onafhankelijke diensten', o.supply.independentServices],
                      ['Diensten die hun plaatsen doorgeven', o.supply.servicesReportingCapacity],
                      ['Plek vrij', o.supply.hasCapacity],
                      ['Wachtlijst', o.supply.waitlist],
                      ['Vol', o.supply.noCapacity],
                      ['Eerst extra onderzoek nodig', o.supply.additionalAssessmentRequired],
                      ['Melding van plaatsen ouder dan 30 dagen', o.supply.staleCapacityReports],
                    ] as const
                  ).map(([name, n]) => (
                    <TableRow key={name}>
                      <TableHeaderCell scope="row">{name}</TableHeaderCell>
                      <TableCell data-label="Aantal">{formatNumber(n)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
            <dl className="hub-facts">
              <dt>Verwachte wachttijd (mediaan)</dt>
              <dd>
                {o.supply.medianWaitDays === null || o.supply.medianWaitDays === undefined ? 'niet bekend' : `${formatNumber(o.supply.medianWaitDays)} dagen`}
              </dd>
            </dl>
          </section>
        </>
      )}
    </>
  );
}
