import {
  Alert,
  Button,
  FormField,
  FormFieldDescription,
  FormLabel,
  Heading1,
  Heading,
  Paragraph,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import {
  MySignalsDocument,
  ReportSignalDocument,
  ReportSignalRegionDocument,
  ReportSignalRegionsDocument,
  type ReportSignalInput,
  type SignalCategory,
} from '../../generated/graphql.ts';
import { hasAnyRole, useSession } from '../../auth/session.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { formatDate, LEGAL_DOMAIN_LABELS, label, TARGET_GROUP_LABELS } from '../../labels.ts';
import { AppLink } from '../../router.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Pager, useCursorPages } from '../../ui/pager.tsx';
import { AGE_BAND_LABELS, CATEGORY_LABELS, KNELPUNT_STATUS_LABELS, personalDataMessage, todayInNl } from './labels.ts';
import { refusedField, useMutation, useRegion } from './shared.tsx';
import { zorginkoopLine } from './learning-loop.tsx';

/** A select with a label, an optional help text, and "Niet bekend" as the empty choice. */
function Choice({
  id,
  label,
  value,
  onChange,
  options,
  empty,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: Record<string, string>;
  empty?: string;
}) {
  return (
    <FormField type="select" label={<FormLabel htmlFor={id}>{label}</FormLabel>}>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {empty !== undefined && <SelectOption value="">{empty}</SelectOption>}
        {Object.entries(options).map(([code, text]) => (
          <SelectOption key={code} value={code}>
            {text}
          </SelectOption>
        ))}
      </Select>
    </FormField>
  );
}

const MY_PAGE_SIZE = 10;

/** The signals the own organisation reported, newest first, with the knelpunt and the feedback of the overlegtafel. */
function MySignals({ round }: { round: number }) {
  const pages = useCursorPages();
  const result = useQuery(MySignalsDocument, { first: MY_PAGE_SIZE, after: pages.after });
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new report shows from the first page.
  useEffect(() => {
    if (round === 0) return;
    if (pages.after === undefined) result.reload();
    else pages.reset();
  }, [round]);
  const signals = result.data?.mySignals.nodes ?? [];
  const pageInfo = result.data?.mySignals.pageInfo;
  return (
    <section aria-labelledby="my-signals-heading" className="hub-flow">
      <Heading level={2} id="my-signals-heading">
        Gemeld door uw organisatie
      </Heading>
      <Paragraph>Hier ziet u wat de overlegtafel doet met de signalen van uw organisatie.</Paragraph>
      {result.error && <ErrorAlert error={result.error} headingLevel={3} />}
      {!result.loading && !result.error && signals.length === 0 && <Paragraph>Uw organisatie heeft nog geen signalen gemeld.</Paragraph>}
      {signals.length > 0 && (
        <ul className="hub-signal-list">
          {signals.map((s) => (
            <li key={s.id} className="hub-card hub-signal">
              <Heading level={3} className="hub-signal__title">
                {label(CATEGORY_LABELS, s.category)}, {formatDate(s.observedOn)}
                {s.gemeente ? `, ${s.gemeente.name}` : ''}
              </Heading>
              {s.description && <Paragraph>{s.description}</Paragraph>}
              {s.knelpunt ? (
                <>
                  <Paragraph>
                    Hoort bij knelpunt <strong>{s.knelpunt.title}</strong> ({label(KNELPUNT_STATUS_LABELS, s.knelpunt.status).toLowerCase()}).
                  </Paragraph>
                  {zorginkoopLine(s.knelpunt.zorginkoop) && <Paragraph className="hub-zorginkoop-outcome">{zorginkoopLine(s.knelpunt.zorginkoop)}</Paragraph>}
                  {s.knelpunt.feedback.nodes.map((f) => (
                    <Paragraph key={f.id}>
                      Terugkoppeling: {f.text} <span className="hub-muted">({formatDate(f.createdAt)})</span>
                    </Paragraph>
                  ))}
                </>
              ) : (
                <Paragraph>De overlegtafel heeft dit signaal nog niet bij een knelpunt gezet.</Paragraph>
              )}
            </li>
          ))}
        </ul>
      )}
      <Pager pages={pages} endCursor={pageInfo?.endCursor} hasNextPage={pageInfo?.hasNextPage} previousLabel="Nieuwere signalen" nextLabel="Oudere signalen" />
    </section>
  );
}

export function ReportSignalPage() {
  const session = useSession();
  const ownGemeente = session?.user.gemeenteCode ?? '';
  const regions = useQuery(ReportSignalRegionsDocument, { gemeente: ownGemeente, withGemeente: ownGemeente !== '' });
  // The region of the sign-in, else the region of the user's gemeente, else the one the user chooses.
  const ownRegion = useRegion() ?? regions.data?.gemeente?.zorgkantoorregio.code;
  const [chosenRegion, setChosenRegion] = useState('');
  const region = chosenRegion || ownRegion || undefined;
  const regionData = useQuery(ReportSignalRegionDocument, { region: region ?? '' }, { skip: !region });
  const mayOpenOverlegtafel = hasAnyRole(session, ['OVERLEGTAFEL']);
  const today = todayInNl();
  const [category, setCategory] = useState<SignalCategory>('NO_CAPACITY');
  const [gemeente, setGemeente] = useState(ownGemeente);
  const [observedOn, setObservedOn] = useState(today);
  const [targetGroup, setTargetGroup] = useState('');
  const [ageBand, setAgeBand] = useState('');
  const [legalDomain, setLegalDomain] = useState('');
  const [waitDays, setWaitDays] = useState('');
  const [clientCount, setClientCount] = useState('1');
  const [description, setDescription] = useState('');
  const [reported, setReported] = useState(false);
  const [round, setRound] = useState(0);
  const report = useMutation(ReportSignalDocument);
  const success = useRef<HTMLDivElement>(null);
  const guard = refusedField(report.rawError);
  const descriptionError = guard?.field === 'input.description' ? personalDataMessage(guard.kind) : undefined;

  async function submit() {
    setReported(false);
    const input: ReportSignalInput = {
      category,
      observedOn,
      clientCount: Math.max(1, Number.parseInt(clientCount, 10) || 1),
      ...(gemeente ? { gemeenteCode: gemeente } : { zorgkantoorregioCode: region ?? '' }),
      ...(targetGroup ? { targetGroup: targetGroup as ReportSignalInput['targetGroup'] } : {}),
      ...(ageBand ? { ageBand: ageBand as ReportSignalInput['ageBand'] } : {}),
      ...(legalDomain ? { legalDomain: legalDomain as ReportSignalInput['legalDomain'] } : {}),
      ...(waitDays.trim() && Number.isFinite(Number(waitDays)) ? { waitDays: Number.parseInt(waitDays, 10) } : {}),
      ...(description.trim() ? { description: description.trim() } : {}),
    };
    const data = await report.run({ input });
    if (data) {
      setReported(true);
      setRound((n) => n + 1);
      setDescription('');
      setTimeout(() => success.current?.focus(), 0);
    }
  }
  // A refused description: the focus goes to the field, where the message now stands.
  useEffect(() => {
    if (report.rawError && descriptionError) document.getElementById('signal-description')?.focus();
  }, [report.rawError, descriptionError]);

  const gemeenten = regionData.data?.zorgkantoorregio?.gemeenten ?? [];
  return (
    <>
      <Heading1 tabIndex={-1}>Signaal melden</Heading1>
      <div className="hub-overleg-intro">
        <Paragraph>
          Mist u iets in het aanbod voor uw cliënten? Meld het hier. De overlegtafel van de regio bespreekt de signalen. Schrijf nooit een naam, BSN, adres,
          telefoonnummer of geboortedatum op: het signaal gaat over wat er ontbreekt, niet over een persoon.
        </Paragraph>
        {mayOpenOverlegtafel && (
          <Paragraph>
            <AppLink href="/overlegtafel">Terug naar de overlegtafel</AppLink>
          </Paragraph>
        )}
      </div>
      <div ref={success} tabIndex={-1} aria-live="polite">
        {reported && (
          <Alert type="ok" className="hub-alert">
            <Heading level={2} appearance="utrecht-heading-4">
              Uw signaal is gemeld.
            </Heading>
            <Paragraph>
              Dank u wel.{' '}
              {mayOpenOverlegtafel ? (
                <>
                  U vindt het bij de <AppLink href="/overlegtafel/signalen">signalen van de regio</AppLink>.
                </>
              ) : (
                'U vindt het hieronder bij de signalen van uw organisatie.'
              )}{' '}
              U kunt nog een signaal melden.
            </Paragraph>
          </Alert>
        )}
      </div>
      <form
        className="hub-form hub-flow"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        aria-label="Signaal melden"
      >
        <Choice
          id="signal-category"
          label="Wat is het probleem?"
          value={category}
          onChange={(v) => setCategory(v as SignalCategory)}
          options={CATEGORY_LABELS}
        />
        <Choice
          id="signal-region"
          label="In welke regio? De overlegtafel van die regio bespreekt het."
          value={region ?? ''}
          onChange={(v) => {
            setChosenRegion(v);
            setGemeente('');
          }}
          empty="Kies een regio"
          options={Object.fromEntries((regions.data?.zorgkantoorregios ?? []).map((r) => [r.code, r.name]))}
        />
        <Choice
          id="signal-gemeente"
          label="In welke gemeente?"
          value={gemeente}
          onChange={setGemeente}
          empty={`De hele regio${regionData.data?.zorgkantoorregio?.name ? ` ${regionData.data.zorgkantoorregio.name}` : ''}`}
          options={Object.fromEntries(gemeenten.map((g) => [g.code, g.name]))}
        />
        <FormField type="text" label={<FormLabel htmlFor="signal-date">Wanneer zag u het?</FormLabel>}>
          <Textbox id="signal-date" type="date" value={observedOn} max={today} required onChange={(e) => setObservedOn(e.target.value)} />
        </FormField>
        <Choice id="signal-target" label="Voor welke groep?" value={targetGroup} onChange={setTargetGroup} options={TARGET_GROUP_LABELS} empty="Niet bekend" />
        <Choice id="signal-age" label="Leeftijd" value={ageBand} onChange={setAgeBand} options={AGE_BAND_LABELS} empty="Niet bekend" />
        <Choice
          id="signal-law"
          label="Onder welke wet valt de hulp?"
          value={legalDomain}
          onChange={setLegalDomain}
          options={LEGAL_DOMAIN_LABELS}
          empty="Niet bekend"
        />
        <FormField type="text" label={<FormLabel htmlFor="signal-clients">Voor hoeveel cliënten?</FormLabel>}>
          <Textbox
            id="signal-clients"
            type="number"
            min={1}
            max={10000}
            inputMode="numeric"
            value={clientCount}
            onChange={(e) => setClientCount(e.target.value)}
          />
        </FormField>
        <FormField type="text" label={<FormLabel htmlFor="signal-wait">Wachttijd in dagen (mag leeg blijven)</FormLabel>}>
          <Textbox id="signal-wait" type="number" min={0} max={3650} inputMode="numeric" value={waitDays} onChange={(e) => setWaitDays(e.target.value)} />
        </FormField>
        <FormField
          type="text"
          invalid={Boolean(descriptionError)}
          label={<FormLabel htmlFor="signal-description">Wat ontbreekt er? (mag leeg blijven)</FormLabel>}
          description={
            <FormFieldDescription id="signal-description-help">
              Beschrijf het probleem in een paar zinnen, zonder gegevens van een persoon.
            </FormFieldDescription>
          }
          errorMessage={
            descriptionError ? (
              <FormFieldDescription id="signal-description-error" invalid>
                {descriptionError}
              </FormFieldDescription>
            ) : undefined
          }
        >
          <Textarea
            id="signal-description"
            value={description}
            rows={4}
            maxLength={2000}
            invalid={Boolean(descriptionError)}
            aria-describedby={descriptionError ? 'signal-description-help signal-description-error' : 'signal-description-help'}
            onChange={(e) => setDescription(e.target.value)}
          />
        </FormField>
        {report.error && !guard && <ErrorAlert error={report.error} headingLevel={2} />}
        <Button type="submit" appearance="primary-action-button" busy={report.busy} disabled={report.busy || !region}>
          Signaal versturen
        </Button>
      </form>
      <MySignals round={round} />
    </>
  );
}
