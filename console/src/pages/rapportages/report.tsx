import {
  Alert,
  Button,
  ButtonGroup,
  FormField,
  FormFieldDescription,
  FormLabel,
  Heading,
  Heading1,
  Paragraph,
  Textarea,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useSession } from '../../auth/session.ts';
import {
  AcknowledgeHalfYearReportDocument,
  HalfYearReportPageDocument,
  type HalfYearReportPageQuery,
  SubmitHalfYearReportDocument,
  UpdateHalfYearReportNarrativeDocument,
} from '../../generated/graphql.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { formatDate, halfYearText } from '../../labels.ts';
import type { PageProps } from '../registry.ts';
import { AppLink } from '../../router.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { ReportFigures } from './figures.tsx';
import { SatisfactionFacts } from './overview.tsx';
import { DownloadError, downloadReportFile, isOpdrachtgever, narrativeGuardMessage, ReportStatusBadge, refusedField, useMutation } from './shared.tsx';

type Report = NonNullable<HalfYearReportPageQuery['halfYearReport']>;

const TEXT_MAX = 8000;

const NARRATIVE_FIELDS = [
  {
    name: 'observations',
    label: 'Wat zag u dit halfjaar?',
    help: 'Welke vragen kwamen vaak terug, wat veranderde er, wat viel op.',
  },
  {
    name: 'signalled',
    label: 'Wat hebt u gesignaleerd, aan wie, en wat gebeurde daarmee?',
    help: 'Bijvoorbeeld: een tekort aan aanbod gemeld bij de overlegtafel of de gemeente.',
  },
  {
    name: 'outlook',
    label: 'Ontwikkelingen en plannen voor het volgende halfjaar',
    help: 'Wat gaat u anders doen, wat hebt u nodig van de opdrachtgever.',
  },
] as const;

type NarrativeName = (typeof NARRATIVE_FIELDS)[number]['name'];
type Narrative = Record<NarrativeName, string>;

/** `/rapportages/:id`: one half-year report, as its provider or as an opdrachtgever may read it. */
export function HalfYearReportPage({ params }: PageProps) {
  const id = params.id ?? '';
  const result = useQuery(HalfYearReportPageDocument, { id });
  const report = result.data?.halfYearReport;
  if (result.loading && !result.data) return <Heading1 tabIndex={-1}>Halfjaarrapportage</Heading1>;
  if (result.error || !report) {
    return (
      <>
        <Heading1 tabIndex={-1}>Halfjaarrapportage</Heading1>
        {result.error ? (
          <ErrorAlert error={result.error} />
        ) : (
          <Paragraph>
            Deze rapportage is niet gevonden, of u mag hem niet lezen. Een opdrachtgever leest een rapportage pas als de aanbieder hem heeft ingediend.
          </Paragraph>
        )}
        <Paragraph>
          <AppLink href="/rapportages">Terug naar Rapportages</AppLink>
        </Paragraph>
      </>
    );
  }
  return <ReportView report={report} reload={result.reload} />;
}

function ReportView({ report, reload }: { report: Report; reload: () => void }) {
  const session = useSession();
  const isProvider = session?.user.organizationId === report.organization.id;
  const periodKey = report.period.key;
  const previousKey = report.total?.previousPeriod.key ?? report.gemeenteParts[0]?.figures.previousPeriod.key;
  const [message, setMessage] = useState<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const say = (text: string) => {
    setMessage(text);
    setTimeout(() => messageRef.current?.focus(), 0);
  };
  return (
    <>
      <Heading1 tabIndex={-1}>
        Halfjaarrapportage {report.organization.name}, {halfYearText(report.period.year, report.period.number)}
      </Heading1>
      <dl className="hub-facts">
        <div className="hub-facts__row">
          <dt>Status</dt>
          <dd>
            <ReportStatusBadge status={report.status} />
          </dd>
        </div>
        <div className="hub-facts__row">
          <dt>Periode</dt>
          <dd>
            {periodKey}
            {previousKey ? `, vergeleken met het vorige halfjaar ${previousKey}` : ''}
          </dd>
        </div>
        <div className="hub-facts__row">
          <dt>Ingediend op</dt>
          <dd>{report.submittedAt ? formatDate(report.submittedAt) : 'nog niet (concept)'}</dd>
        </div>
      </dl>
      <Paragraph>
        <AppLink href="/rapportages">Terug naar Rapportages</AppLink>
      </Paragraph>
      <div ref={messageRef} tabIndex={-1} aria-live="polite">
        {message && (
          <Alert type="ok" className="hub-alert">
            <Paragraph>{message}</Paragraph>
          </Alert>
        )}
      </div>
      {report.status === 'DRAFT' && isProvider && (
        <Alert type="info" className="hub-alert">
          <Paragraph>
            Dit is een concept. De cijfers zijn van nu en kunnen nog veranderen. Bij het indienen liggen ze vast. Alleen uw organisatie ziet het concept.
          </Paragraph>
        </Alert>
      )}
      <Downloads report={report} />
      <Paragraph className="hub-report-withheld-help">
        <strong>Afgeschermd</strong> betekent: dit getal laten we niet zien, omdat het over minder dan 5 mensen gaat, of omdat het terug te rekenen is uit
        andere getallen. Zo is niemand te herkennen.
      </Paragraph>
      {isProvider && report.total && (
        <section aria-labelledby="part-total" className="hub-flow hub-report-part">
          <Heading level={2} id="part-total">
            Alle gemeenten samen
          </Heading>
          <Paragraph>Alleen uw organisatie ziet dit totaal. Een opdrachtgever ziet alleen de gemeenten waarvoor hij u opdracht gaf.</Paragraph>
          <ReportFigures figures={report.total} where="alle gemeenten samen" periodKey={periodKey} idPrefix="total" headingLevel={3} />
        </section>
      )}
      {report.gemeenteParts.length === 0 && <Paragraph>Er zijn geen cijfers per gemeente in deze rapportage.</Paragraph>}
      {report.gemeenteParts.map((part) => {
        const code = part.gemeente?.code ?? 'onbekend';
        const name = part.gemeente?.name ?? 'woonplaats niet bekend';
        return (
          <section key={code} aria-labelledby={`part-${code}`} className="hub-flow hub-report-part" data-gemeente={part.gemeente?.code ?? ''}>
            <Heading level={2} id={`part-${code}`}>
              {part.gemeente ? `Gemeente ${part.gemeente.name}` : 'Cliënten van wie de woonplaats niet bekend is'}
            </Heading>
            <ReportFigures figures={part.figures} where={name} periodKey={periodKey} idPrefix={`part-${code}`} headingLevel={3} />
          </section>
        );
      })}
      <NarrativeSection report={report} editable={isProvider && report.status === 'DRAFT'} reload={reload} say={say} />
      <section aria-labelledby="report-satisfaction" className="hub-flow">
        <Heading level={2} id="report-satisfaction">
          Meting van de tevredenheid
        </Heading>
        <SatisfactionFacts status={report.satisfactionMeasurement} />
        {isProvider && (
          <Paragraph>
            Een nieuwe meting legt u vast op de pagina <AppLink href="/rapportages">Rapportages</AppLink>.
          </Paragraph>
        )}
      </section>
      <section aria-labelledby="report-acknowledgements" className="hub-flow">
        <Heading level={2} id="report-acknowledgements">
          Ontvangst bevestigd
        </Heading>
        {report.acknowledgements.length === 0 ? (
          <Paragraph>Nog geen opdrachtgever heeft de ontvangst bevestigd.</Paragraph>
        ) : (
          <ul>
            {report.acknowledgements.map((a) => (
              <li key={a.organization.id}>
                {a.organization.name}, {formatDate(a.at)}
              </li>
            ))}
          </ul>
        )}
        {!isProvider &&
          isOpdrachtgever(session) &&
          report.status === 'SUBMITTED' &&
          !report.acknowledgements.some((a) => a.organization.id === session?.user.organizationId) && <Acknowledge report={report} reload={reload} say={say} />}
      </section>
    </>
  );
}

/** CSV for Dutch Excel and PDF: fetched with the session's token in the header, then saved from memory. */
function Downloads({ report }: { report: Report }) {
  const [busy, setBusy] = useState<'csv' | 'pdf' | null>(null);
  const [state, setState] = useState<{ ok: boolean; text: string } | null>(null);
  async function get(kind: 'csv' | 'pdf') {
    setBusy(kind);
    setState(null);
    try {
      const name = await downloadReportFile(report.downloads[kind], `halfjaarrapportage-${report.period.key}.${kind}`);
      setState({ ok: true, text: `Het bestand ${name} is gedownload.` });
    } catch (e) {
      setState({ ok: false, text: e instanceof DownloadError ? e.message : 'Het downloaden is niet gelukt. Probeer het opnieuw.' });
    } finally {
      setBusy(null);
    }
  }
  return (
    <section aria-labelledby="report-downloads" className="hub-flow">
      <Heading level={2} id="report-downloads">
        Downloaden
      </Heading>
      <ButtonGroup>
        <Button appearance="secondary-action-button" busy={busy === 'csv'} disabled={busy !== null} onClick={() => void get('csv')}>
          Cijfers downloaden (CSV voor Excel)
        </Button>
        <Button appearance="secondary-action-button" busy={busy === 'pdf'} disabled={busy !== null} onClick={() => void get('pdf')}>
          Rapportage downloaden (PDF)
        </Button>
      </ButtonGroup>
      <div aria-live="polite">
        {state && (
          <Alert type={state.ok ? 'ok' : 'error'} className="hub-alert">
            <Paragraph>{state.text}</Paragraph>
          </Alert>
        )}
      </div>
    </section>
  );
}

const narrativeOf = (report: Report): Narrative => ({
  observations: report.narrative.observations,
  signalled: report.narrative.signalled,
  outlook: report.narrative.outlook,
});

/** The narrative part ("tellen en vertellen"): three texts, editable while a draft, then the submit with a confirmation. */
function NarrativeSection({ report, editable, reload, say }: { report: Report; editable: boolean; reload: () => void; say: (text: string) => void }) {
  const [texts, setTexts] = useState<Narrative>(() => narrativeOf(report));
  const [saved, setSaved] = useState<Narrative>(() => narrativeOf(report));
  const [version, setVersion] = useState(report.version);
  const save = useMutation(UpdateHalfYearReportNarrativeDocument);
  const submit = useMutation(SubmitHalfYearReportDocument);
  const [confirming, setConfirming] = useState(false);
  const [tooLong, setTooLong] = useState<NarrativeName | null>(null);
  const guard = refusedField(save.rawError);
  const guardField = guard?.field.replace(/^input\./, '') as NarrativeName | undefined;
  const dirty = NARRATIVE_FIELDS.some((f) => texts[f.name] !== saved[f.name]);
  const conflict = save.error?.code === 'CONFLICT' || submit.error?.code === 'CONFLICT';

  // A newer report from the hub (after a reload): take its texts and version when nothing is being edited.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new version of the report counts.
  useEffect(() => {
    const fresh = narrativeOf(report);
    setSaved(fresh);
    setVersion(report.version);
    if (!dirty) setTexts(fresh);
  }, [report.version]);

  useEffect(() => {
    if (guardField) document.getElementById(`narrative-${guardField}`)?.focus();
  }, [guardField]);

  /** Saves the texts that changed; the version after it, or null when refused. */
  async function saveTexts(): Promise<number | null> {
    setTooLong(null);
    const long = NARRATIVE_FIELDS.find((f) => texts[f.name].length > TEXT_MAX);
    if (long) {
      setTooLong(long.name);
      document.getElementById(`narrative-${long.name}`)?.focus();
      return null;
    }
    const changed = Object.fromEntries(NARRATIVE_FIELDS.filter((f) => texts[f.name] !== saved[f.name]).map((f) => [f.name, texts[f.name]]));
    const data = await save.run({ input: { reportId: report.id, expectedVersion: version, ...changed } });
    if (!data) return null;
    const next = data.updateHalfYearReportNarrative.report;
    setVersion(next.version);
    setSaved({ ...next.narrative });
    setTexts({ ...next.narrative });
    return next.version;
  }

  async function onSave() {
    if (await saveTexts()) say('De tekst is opgeslagen.');
  }

  async function onSubmit() {
    let current = version;
    if (dirty) {
      const after = await saveTexts();
      if (after === null) {
        setConfirming(false);
        return;
      }
      current = after;
    }
    const data = await submit.run({ input: { reportId: report.id, expectedVersion: current } });
    setConfirming(false);
    if (data) {
      say('De rapportage is ingediend. Uw opdrachtgevers krijgen een melding en kunnen hun deel nu lezen.');
      reload();
    }
  }

  useEffect(() => {
    if (confirming) document.getElementById('submit-confirm-heading')?.focus();
  }, [confirming]);

  if (!editable) {
    return (
      <section aria-labelledby="report-narrative" className="hub-flow">
        <Heading level={2} id="report-narrative">
          Het verhaal bij de cijfers
        </Heading>
        {NARRATIVE_FIELDS.map((f) => (
          <div key={f.name}>
            <Heading level={3}>{f.label}</Heading>
            <Paragraph className="hub-narrative-text">{report.narrative[f.name] || 'Niet ingevuld.'}</Paragraph>
          </div>
        ))}
      </section>
    );
  }

  const failure = submit.error ?? (guard ? null : save.error);
  return (
    <section aria-labelledby="report-narrative" className="hub-flow">
      <Heading level={2} id="report-narrative">
        Het verhaal bij de cijfers
      </Heading>
      <Paragraph>
        Vertel wat de cijfers niet laten zien. Schrijf over groepen en ontwikkelingen, nooit over een persoon: geen naam, BSN, adres, telefoonnummer of
        geboortedatum.
      </Paragraph>
      <form
        className="hub-form hub-flow"
        aria-labelledby="report-narrative"
        onSubmit={(e) => {
          e.preventDefault();
          void onSave();
        }}
      >
        {NARRATIVE_FIELDS.map((f) => {
          const error =
            guardField === f.name
              ? narrativeGuardMessage(guard?.kind)
              : tooLong === f.name
                ? `Deze tekst is te lang: gebruik hoogstens ${TEXT_MAX} tekens.`
                : undefined;
          const id = `narrative-${f.name}`;
          return (
            <FormField
              key={f.name}
              type="text"
              invalid={Boolean(error)}
              label={<FormLabel htmlFor={id}>{f.label}</FormLabel>}
              description={<FormFieldDescription id={`${id}-help`}>{f.help}</FormFieldDescription>}
              errorMessage={
                error ? (
                  <FormFieldDescription id={`${id}-error`} invalid>
                    {error}
                  </FormFieldDescription>
                ) : undefined
              }
            >
              <Textarea
                id={id}
                rows={6}
                value={texts[f.name]}
                invalid={Boolean(error)}
                aria-describedby={error ? `${id}-help ${id}-error` : `${id}-help`}
                onChange={(e) => setTexts((t) => ({ ...t, [f.name]: e.target.value }))}
              />
            </FormField>
          );
        })}
        {failure && <ErrorAlert error={failure} headingLevel={3} />}
        {conflict && (
          <ButtonGroup>
            <Button
              appearance="primary-action-button"
              onClick={() => {
                setTexts(saved);
                reload();
                say('De nieuwste versie is geladen. Kijk of uw wijziging nog nodig is en voer die dan opnieuw in.');
              }}
            >
              Opnieuw laden
            </Button>
          </ButtonGroup>
        )}
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" busy={save.busy} disabled={save.busy || submit.busy || !dirty}>
            Tekst opslaan
          </Button>
          {!confirming && (
            <Button appearance="primary-action-button" disabled={save.busy || submit.busy} onClick={() => setConfirming(true)}>
              Indienen
            </Button>
          )}
        </ButtonGroup>
      </form>
      {confirming && (
        <section className="hub-card hub-confirm" aria-labelledby="submit-confirm-heading">
          <Heading level={3} id="submit-confirm-heading" tabIndex={-1}>
            Rapportage indienen?
          </Heading>
          <Paragraph>
            Na het indienen liggen de cijfers vast en kunt u de tekst niet meer wijzigen. Elke opdrachtgever krijgt een melding en leest alleen het deel over de
            eigen gemeenten.{dirty ? ' Uw wijzigingen in de tekst worden eerst opgeslagen.' : ''}
          </Paragraph>
          <ButtonGroup>
            <Button appearance="primary-action-button" busy={submit.busy || save.busy} disabled={submit.busy || save.busy} onClick={() => void onSubmit()}>
              Ja, indienen
            </Button>
            <Button appearance="secondary-action-button" onClick={() => setConfirming(false)}>
              Nee, nog niet
            </Button>
          </ButtonGroup>
        </section>
      )}
    </section>
  );
}

/** The opdrachtgever confirms it received the report (once per organisation). */
function Acknowledge({ report, reload, say }: { report: Report; reload: () => void; say: (text: string) => void }) {
  const acknowledge = useMutation(AcknowledgeHalfYearReportDocument);
  return (
    <div className="hub-flow">
      <Paragraph>Hebt u de rapportage gelezen? Bevestig dan de ontvangst. De aanbieder krijgt daarvan een melding.</Paragraph>
      {acknowledge.error && <ErrorAlert error={acknowledge.error} headingLevel={3} />}
      <Button
        appearance="primary-action-button"
        busy={acknowledge.busy}
        disabled={acknowledge.busy}
        onClick={async () => {
          const data = await acknowledge.run({ input: { reportId: report.id, expectedVersion: report.version } });
          if (data) {
            say('U hebt de ontvangst bevestigd. De aanbieder krijgt een melding.');
            reload();
          }
        }}
      >
        Ontvangst bevestigen
      </Button>
      {acknowledge.error?.code === 'CONFLICT' && (
        <Button appearance="secondary-action-button" onClick={reload}>
          Opnieuw laden
        </Button>
      )}
    </div>
  );
}
