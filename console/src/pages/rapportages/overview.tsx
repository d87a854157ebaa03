import {
  Alert,
  Button,
  FormField,
  FormFieldDescription,
  FormLabel,
  Heading,
  Heading1,
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
  Textbox,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useSession } from '../../auth/session.ts';
import {
  CommissionedHalfYearReportsDocument,
  type HalfYearReportStatus,
  MyHalfYearReportsDocument,
  RecordSatisfactionMeasurementDocument,
  type SatisfactionPartsFragment,
  SatisfactionMeasurementStatusDocument,
  StartHalfYearReportDocument,
} from '../../generated/graphql.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { formatDate, formatNumber, HALF_YEAR_REPORT_STATUS_LABELS, halfYearText } from '../../labels.ts';
import { AppLink, navigate } from '../../router.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Pager, useCursorPages } from '../../ui/pager.tsx';
import { endedHalfYears, isOpdrachtgever, isRefused, ReportStatusBadge, refusedFields, todayInNl, useMutation } from './shared.tsx';

const PAGE_SIZE = 20;

/** `/rapportages`: a provider writes its half-year reports; an opdrachtgever reads those of the providers it commissions. */
export function RapportagesPage() {
  const session = useSession();
  return (
    <>
      <Heading1 tabIndex={-1}>Rapportages</Heading1>
      {isOpdrachtgever(session) ? <CommissionedReports /> : <ProviderReports />}
    </>
  );
}

/** The half year of a report in words, from its period. */
const periodText = (period: { year: number; number: number }) => halfYearText(period.year, period.number);

function ProviderReports() {
  const pages = useCursorPages();
  const result = useQuery(MyHalfYearReportsDocument, { first: PAGE_SIZE, after: pages.after });
  const reports = result.data?.myHalfYearReports.nodes ?? [];
  const pageInfo = result.data?.myHalfYearReports.pageInfo;
  return (
    <>
      <Paragraph appearance="lead">
        Elk halfjaar rapporteert uw organisatie aan de gemeenten en zorgkantoren die uw cliëntondersteuning betalen: hoeveel mensen u hielp, waarmee, wat het
        opleverde, en wat u zag en signaleerde. Elke opdrachtgever leest alleen het deel over de eigen gemeenten.
      </Paragraph>
      <Paragraph>
        <AppLink href="/rapportages/opdrachten">Opdrachten aan uw organisatie: wie leest welk deel</AppLink>
      </Paragraph>
      <section aria-labelledby="reports-heading" className="hub-flow">
        <Heading level={2} id="reports-heading">
          Halfjaarrapportages van uw organisatie
        </Heading>
        {result.error && <ErrorAlert error={result.error} headingLevel={3} />}
        {!result.loading && !result.error && reports.length === 0 && <Paragraph>Uw organisatie heeft nog geen halfjaarrapportage.</Paragraph>}
        {reports.length > 0 && (
          <div className="hub-table-scroll hub-stack-table">
            <Table>
              <TableCaption>Uw halfjaarrapportages, de nieuwste eerst</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Halfjaar</TableHeaderCell>
                  <TableHeaderCell scope="col">Status</TableHeaderCell>
                  <TableHeaderCell scope="col">Ingediend op</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {reports.map((r) => (
                  <TableRow key={r.id}>
                    <TableHeaderCell scope="row">
                      <AppLink href={`/rapportages/${r.id}`}>Rapportage {periodText(r.period)}</AppLink>
                    </TableHeaderCell>
                    <TableCell data-label="Status">
                      <ReportStatusBadge status={r.status} />
                    </TableCell>
                    <TableCell data-label="Ingediend op">{r.submittedAt ? formatDate(r.submittedAt) : 'nog niet'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
        <Pager
          pages={pages}
          endCursor={pageInfo?.endCursor}
          hasNextPage={pageInfo?.hasNextPage}
          previousLabel="Nieuwere rapportages"
          nextLabel="Oudere rapportages"
        />
      </section>
      <StartReport />
      <SatisfactionMeasurement />
    </>
  );
}

/** The half year to start: the last one that ended, or an earlier one. Starting twice opens the same report. */
function StartReport() {
  const halfYears = endedHalfYears(6);
  const [chosen, setChosen] = useState(`${halfYears[0]?.year}-${halfYears[0]?.half}`);
  const start = useMutation(StartHalfYearReportDocument);
  async function submit() {
    const [year, half] = chosen.split('-').map(Number);
    const data = await start.run({ input: { year: year ?? 0, half: half ?? 0 } });
    if (data) navigate(`/rapportages/${data.startHalfYearReport.report.id}`);
  }
  return (
    <section aria-labelledby="start-heading" className="hub-flow">
      <Heading level={2} id="start-heading">
        Rapportage maken
      </Heading>
      <form
        className="hub-form hub-flow"
        aria-labelledby="start-heading"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <FormField
          type="select"
          label={<FormLabel htmlFor="start-half-year">Over welk halfjaar?</FormLabel>}
          description={
            <FormFieldDescription id="start-half-year-help">
              Het laatste halfjaar dat voorbij is, staat bovenaan. Bestaat de rapportage al? Dan opent u die.
            </FormFieldDescription>
          }
        >
          <Select id="start-half-year" value={chosen} aria-describedby="start-half-year-help" onChange={(e) => setChosen(e.target.value)}>
            {halfYears.map((h) => (
              <SelectOption key={`${h.year}-${h.half}`} value={`${h.year}-${h.half}`}>
                {halfYearText(h.year, h.half)}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        {start.error && <ErrorAlert error={start.error} headingLevel={3} />}
        <Button type="submit" appearance="primary-action-button" busy={start.busy} disabled={start.busy}>
          Rapportage beginnen
        </Button>
      </form>
    </section>
  );
}

const METHOD_MAX = 500;

/** When the organisation last measured client satisfaction, when the next is due, and a form to record one. */
function SatisfactionMeasurement() {
  const current = useQuery(SatisfactionMeasurementStatusDocument, {});
  const status = current.data?.satisfactionMeasurementStatus ?? null;
  const today = todayInNl();
  const [doneOn, setDoneOn] = useState(today);
  const [method, setMethod] = useState('');
  const [respondents, setRespondents] = useState('');
  const [recorded, setRecorded] = useState(false);
  const [checked, setChecked] = useState<string[]>([]);
  const record = useMutation(RecordSatisfactionMeasurementDocument);
  const done = useRef<HTMLDivElement>(null);
  const refused = refusedFields(record.rawError);
  const errors: Record<string, string | undefined> = {
    doneOn:
      checked.includes('doneOn') || isRefused(refused, 'input.doneOn')
        ? 'Vul de dag in waarop de meting klaar was. Die dag mag niet in de toekomst liggen.'
        : undefined,
    method:
      checked.includes('method') || isRefused(refused, 'input.method')
        ? `Schrijf kort hoe u hebt gemeten (1 tot ${METHOD_MAX} tekens), zonder gegevens van een persoon.`
        : undefined,
    respondents:
      checked.includes('respondents') || isRefused(refused, 'input.respondents')
        ? 'Vul in hoeveel cliënten antwoord gaven: een heel getal van 0 tot 100.000.'
        : undefined,
  };
  const firstError = (['doneOn', 'method', 'respondents'] as const).find((f) => errors[f]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the focus moves only after an answer of the hub.
  useEffect(() => {
    if (record.rawError && firstError) document.getElementById(`satisfaction-${firstError}`)?.focus();
  }, [record.rawError]);

  async function submit() {
    setRecorded(false);
    const count = Number(respondents);
    const invalid = [
      ...(!doneOn || doneOn > today ? ['doneOn'] : []),
      ...(method.trim().length === 0 || method.length > METHOD_MAX ? ['method'] : []),
      ...(respondents.trim() === '' || !Number.isInteger(count) || count < 0 || count > 100_000 ? ['respondents'] : []),
    ];
    setChecked(invalid);
    if (invalid[0]) {
      document.getElementById(`satisfaction-${invalid[0]}`)?.focus();
      return;
    }
    const data = await record.run({ input: { doneOn, method: method.trim(), respondents: count } });
    if (data) {
      setRecorded(true);
      setMethod('');
      setRespondents('');
      current.reload();
      setTimeout(() => done.current?.focus(), 0);
    }
  }

  const fieldError = (name: string) =>
    errors[name] ? (
      <FormFieldDescription id={`satisfaction-${name}-error`} invalid>
        {errors[name]}
      </FormFieldDescription>
    ) : undefined;
  const describedBy = (name: string, help?: string) => [help, errors[name] ? `satisfaction-${name}-error` : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <section aria-labelledby="satisfaction-heading" className="hub-flow">
      <Heading level={2} id="satisfaction-heading">
        Tevredenheid van cliënten
      </Heading>
      <Paragraph>Meet minstens elke twee jaar hoe tevreden uw cliënten zijn. De uitkomst hoort bij de halfjaarrapportage.</Paragraph>
      {current.error && <ErrorAlert error={current.error} headingLevel={3} />}
      <SatisfactionFacts status={status} />
      <div ref={done} tabIndex={-1} aria-live="polite">
        {recorded && (
          <Alert type="ok" className="hub-alert">
            <Paragraph>De meting is vastgelegd.</Paragraph>
          </Alert>
        )}
      </div>
      <form
        className="hub-form hub-flow"
        aria-labelledby="satisfaction-form-heading"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Heading level={3} id="satisfaction-form-heading">
          Meting vastleggen
        </Heading>
        <FormField
          type="text"
          invalid={Boolean(errors.doneOn)}
          label={<FormLabel htmlFor="satisfaction-doneOn">Klaar op</FormLabel>}
          errorMessage={fieldError('doneOn')}
        >
          <Textbox
            id="satisfaction-doneOn"
            type="date"
            value={doneOn}
            max={today}
            invalid={Boolean(errors.doneOn)}
            aria-describedby={describedBy('doneOn')}
            onChange={(e) => setDoneOn(e.target.value)}
          />
        </FormField>
        <FormField
          type="text"
          invalid={Boolean(errors.method)}
          label={<FormLabel htmlFor="satisfaction-method">Hoe hebt u gemeten?</FormLabel>}
          description={
            <FormFieldDescription id="satisfaction-method-help">Bijvoorbeeld: vragenlijst na het afsluiten van de ondersteuning.</FormFieldDescription>
          }
          errorMessage={fieldError('method')}
        >
          <Textbox
            id="satisfaction-method"
            value={method}
            maxLength={METHOD_MAX}
            invalid={Boolean(errors.method)}
            aria-describedby={describedBy('method', 'satisfaction-method-help')}
            onChange={(e) => setMethod(e.target.value)}
          />
        </FormField>
        <FormField
          type="text"
          invalid={Boolean(errors.respondents)}
          label={<FormLabel htmlFor="satisfaction-respondents">Aantal cliënten dat antwoord gaf</FormLabel>}
          errorMessage={fieldError('respondents')}
        >
          <Textbox
            id="satisfaction-respondents"
            type="number"
            inputMode="numeric"
            min={0}
            max={100000}
            value={respondents}
            invalid={Boolean(errors.respondents)}
            aria-describedby={describedBy('respondents')}
            onChange={(e) => setRespondents(e.target.value)}
          />
        </FormField>
        {record.error && refused.length === 0 && <ErrorAlert error={record.error} headingLevel={4} />}
        <Button type="submit" appearance="primary-action-button" busy={record.busy} disabled={record.busy}>
          Meting vastleggen
        </Button>
      </form>
    </section>
  );
}

/** The state of the satisfaction measurement: last done, how, how many answered, when the next is due, overdue. */
export function SatisfactionFacts({ status }: { status: SatisfactionPartsFragment | null }) {
  if (!status) return null;
  return (
    <>
      {status.overdue && (
        <Alert type="warning" className="hub-alert hub-satisfaction-overdue">
          <Paragraph>
            <strong>De meting van de tevredenheid is te laat.</strong>{' '}
            {status.lastDoneOn ? 'De laatste meting is meer dan twee jaar geleden.' : 'Er is nog geen meting vastgelegd.'} Doe een nieuwe meting en leg die hier
            vast.
          </Paragraph>
        </Alert>
      )}
      <dl className="hub-facts">
        <div className="hub-facts__row">
          <dt>Laatste meting</dt>
          <dd>{status.lastDoneOn ? formatDate(status.lastDoneOn) : 'nog geen'}</dd>
        </div>
        {status.lastMethod && (
          <div className="hub-facts__row">
            <dt>Hoe gemeten</dt>
            <dd>{status.lastMethod}</dd>
          </div>
        )}
        {status.lastRespondents !== null && status.lastRespondents !== undefined && (
          <div className="hub-facts__row">
            <dt>Antwoorden</dt>
            <dd>{formatNumber(status.lastRespondents)} cliënten</dd>
          </div>
        )}
        <div className="hub-facts__row">
          <dt>Volgende meting</dt>
          <dd>{status.dueOn ? `uiterlijk ${formatDate(status.dueOn)}` : 'nu'}</dd>
        </div>
      </dl>
    </>
  );
}

type StatusFilter = '' | Exclude<HalfYearReportStatus, 'DRAFT'>;

/** The opdrachtgever's view: the submitted reports of the providers it commissions, each with its own gemeenten. */
function CommissionedReports() {
  const [status, setStatus] = useState<StatusFilter>('');
  const pages = useCursorPages();
  const result = useQuery(CommissionedHalfYearReportsDocument, { first: PAGE_SIZE, after: pages.after, ...(status ? { status } : {}) });
  const reports = result.data?.commissionedHalfYearReports.nodes ?? [];
  const pageInfo = result.data?.commissionedHalfYearReports.pageInfo;
  return (
    <>
      <Paragraph appearance="lead">
        Hier leest u de halfjaarrapportages van de aanbieders van cliëntondersteuning die uw organisatie betaalt. U ziet alleen de cijfers over de gemeenten
        waarvoor u de aanbieder opdracht of subsidie gaf.
      </Paragraph>
      <ul className="hub-link-list">
        <li>
          <AppLink href="/rapportages/opdrachten">Opdrachten: welke aanbieders werken voor u</AppLink>
        </li>
        <li>
          <AppLink href="/rapportages/overzicht">Vraag en aanbod in uw gemeente</AppLink>
        </li>
      </ul>
      <section aria-labelledby="commissioned-heading" className="hub-flow">
        <Heading level={2} id="commissioned-heading">
          Ingediende rapportages
        </Heading>
        <FormField type="select" label={<FormLabel htmlFor="report-status-filter">Welke rapportages?</FormLabel>}>
          <Select
            id="report-status-filter"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as StatusFilter);
              pages.reset();
            }}
          >
            <SelectOption value="">Alle ingediende rapportages</SelectOption>
            <SelectOption value="SUBMITTED">Alleen: {HALF_YEAR_REPORT_STATUS_LABELS.SUBMITTED?.toLowerCase()}, nog niet bevestigd</SelectOption>
            <SelectOption value="ACKNOWLEDGED">Alleen: {HALF_YEAR_REPORT_STATUS_LABELS.ACKNOWLEDGED?.toLowerCase()}</SelectOption>
          </Select>
        </FormField>
        {result.error && <ErrorAlert error={result.error} headingLevel={3} />}
        {!result.loading && !result.error && reports.length === 0 && <Paragraph>Er zijn geen ingediende rapportages voor uw organisatie.</Paragraph>}
        {reports.length > 0 && (
          <div className="hub-table-scroll hub-stack-table">
            <Table>
              <TableCaption>Rapportages van uw aanbieders, de laatst ingediende eerst</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Aanbieder en halfjaar</TableHeaderCell>
                  <TableHeaderCell scope="col">Gemeenten</TableHeaderCell>
                  <TableHeaderCell scope="col">Status</TableHeaderCell>
                  <TableHeaderCell scope="col">Ingediend op</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {reports.map((r) => (
                  <TableRow key={r.id}>
                    <TableHeaderCell scope="row">
                      <AppLink href={`/rapportages/${r.id}`}>
                        {r.organization.name}: {periodText(r.period)}
                      </AppLink>
                    </TableHeaderCell>
                    <TableCell data-label="Gemeenten">
                      {r.gemeenteParts
                        .map((p) => p.gemeente?.name)
                        .filter(Boolean)
                        .join(', ') || '–'}
                    </TableCell>
                    <TableCell data-label="Status">
                      <ReportStatusBadge status={r.status} />
                    </TableCell>
                    <TableCell data-label="Ingediend op">{r.submittedAt ? formatDate(r.submittedAt) : '–'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
        <Pager
          pages={pages}
          endCursor={pageInfo?.endCursor}
          hasNextPage={pageInfo?.hasNextPage}
          previousLabel="Nieuwere rapportages"
          nextLabel="Oudere rapportages"
        />
      </section>
    </>
  );
}
