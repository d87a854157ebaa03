import {
  Alert,
  Button,
  ButtonGroup,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormLabel,
  Heading,
  Heading1,
  Heading2,
  Paragraph,
  RadioButton,
  Select,
  SelectOption,
  Textarea,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useSession } from '../../auth/session.ts';
import {
  CreateHandoverDocument,
  HandoverConsentsDocument,
  HandoverOpenTrajectoriesDocument,
  type HandoverOpenTrajectoriesQuery,
  HandoverReceiversDocument,
  HandoverReceiverServicesDocument,
  type HandoverReceiversQuery,
  type OrganizationType,
  type ReferralUrgency,
} from '../../generated/graphql.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { formatDate, LEGAL_DOMAIN_LABELS, label, ORGANIZATION_TYPE_LABELS } from '../../labels.ts';
import { AppLink, navigate } from '../../router.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { checkHandoverConsent, kindFor, REFERRAL_KIND_LABELS, URGENCY_LABELS } from './labels.ts';
import { showOutboxNext } from './list.tsx';
import { clientName, useMutation } from './shared.tsx';

const STEPS = ['Cliënt kiezen', 'Ontvanger kiezen', 'Toestemming controleren', 'Overdracht schrijven', 'Controleren en versturen'];

type Trajectory = HandoverOpenTrajectoriesQuery['myTrajectories']['nodes'][number];
type Receiver = HandoverReceiversQuery['organizations']['nodes'][number];

/** The parts of the handover summary, with a question that helps to fill each in. */
const SUMMARY_FIELDS = [
  ['situation', 'Situatie van de cliënt', 'Hoe woont en leeft de cliënt nu? Wat speelt er?'],
  ['question', 'Vraag aan de nieuwe ondersteuner', 'Wat moet de nieuwe ondersteuner oppakken?'],
  ['whatWasDone', 'Wat is er al gedaan', 'Welke hulp is er al geweest of aangevraagd?'],
  ['agreements', 'Afspraken met de cliënt', 'Wat heeft u met de cliënt afgesproken?'],
  ['openActions', 'Wat moet nog gebeuren', 'Welke acties staan nog open?'],
  ['network', 'Netwerk', 'Wie helpt de cliënt al, zoals familie of een mantelzorger?'],
  ['risks', 'Risico’s', 'Waar moet de nieuwe ondersteuner op letten?'],
  ['clientWishes', 'Wensen van de cliënt', 'Wat wil de cliënt zelf? Gebruik waar het kan de woorden van de cliënt.'],
] as const;
type SummaryKey = (typeof SUMMARY_FIELDS)[number][0];
/** The parts a light handover (a volunteer calls in a professional) may leave empty; the API holds the same rule. */
const OPTIONAL_IN_LIGHT: readonly SummaryKey[] = ['whatWasDone', 'agreements', 'openActions', 'network', 'risks'];
const EMPTY_SUMMARY = Object.fromEntries(SUMMARY_FIELDS.map(([key]) => [key, ''])) as Record<SummaryKey, string>;

const RECEIVER_TYPES: OrganizationType[] = ['ZORGKANTOOR', 'OCO', 'GEMEENTE', 'WELZIJN', 'ZORGAANBIEDER'];

function StepClient({ chosen, onChoose }: { chosen: Trajectory | undefined; onChoose: (t: Trajectory) => void }) {
  const [after, setAfter] = useState<string | undefined>(undefined);
  const [earlier, setEarlier] = useState<Trajectory[]>([]);
  const result = useQuery(HandoverOpenTrajectoriesDocument, { first: 20, after });
  const nodes = [...earlier, ...(result.loading ? [] : (result.data?.myTrajectories.nodes ?? []))];
  const pageInfo = result.data?.myTrajectories.pageInfo;
  return (
    <>
      {result.error && <ErrorAlert error={result.error} headingLevel={3} />}
      {result.loading && nodes.length === 0 && <Paragraph aria-live="polite">Even geduld, uw cliënten worden geladen…</Paragraph>}
      {!result.loading && !result.error && nodes.length === 0 && (
        <Paragraph className="hub-empty">U heeft geen cliënten met een open traject. Alleen een cliënt met een open traject kunt u overdragen.</Paragraph>
      )}
      {nodes.length > 0 && (
        <Fieldset>
          <FieldsetLegend>Welke cliënt draagt u over?</FieldsetLegend>
          {nodes.map((t) => (
            <FormField
              key={t.id}
              type="radio"
              label={
                <FormLabel htmlFor={`client-${t.id}`} type="radio">
                  {clientName(t.client.name)}
                </FormLabel>
              }
              description={
                <FormFieldDescription id={`client-${t.id}-about`}>
                  {label(LEGAL_DOMAIN_LABELS, t.legalDomain ?? '')}, traject sinds {formatDate(t.openedAt)}
                </FormFieldDescription>
              }
              input={
                <RadioButton
                  id={`client-${t.id}`}
                  name="client"
                  checked={chosen?.id === t.id}
                  aria-describedby={`client-${t.id}-about`}
                  onChange={() => onChoose(t)}
                />
              }
            />
          ))}
        </Fieldset>
      )}
      {pageInfo?.hasNextPage && (
        <Button
          appearance="secondary-action-button"
          onClick={() => {
            setEarlier(nodes);
            setAfter(pageInfo.endCursor ?? undefined);
          }}
        >
          Meer cliënten laden
        </Button>
      )}
    </>
  );
}

/** A service of the receiver, chosen in step 2 (optional; required when the receiver is your own organisation). */
interface ChosenService {
  id: string;
  name: string;
}

function StepService({
  receiver,
  chosen,
  onChoose,
  own,
}: {
  receiver: Receiver;
  chosen: ChosenService | undefined;
  onChoose: (s: ChosenService | undefined) => void;
  own: boolean;
}) {
  const result = useQuery(HandoverReceiverServicesDocument, { id: receiver.id });
  const services = result.data?.organization?.services.nodes ?? [];
  if (result.error) return <ErrorAlert error={result.error} headingLevel={3} />;
  if (result.loading) return <Paragraph aria-live="polite">Even geduld, de diensten worden geladen…</Paragraph>;
  if (services.length === 0) return own ? <Paragraph className="hub-empty">Uw organisatie heeft geen diensten in de sociale kaart.</Paragraph> : null;
  return (
    <FormField
      type="select"
      label={
        <FormLabel htmlFor="receiver-service">
          {own ? 'Naar welke dienst van uw eigen organisatie?' : 'Naar één dienst van deze organisatie? (mag leeg blijven)'}
        </FormLabel>
      }
    >
      <Select id="receiver-service" value={chosen?.id ?? ''} onChange={(e) => onChoose(services.find((s) => s.id === e.target.value))}>
        <SelectOption value="">{own ? 'Kies een dienst' : 'Geen bepaalde dienst'}</SelectOption>
        {services.map((s) => (
          <SelectOption key={s.id} value={s.id}>
            {s.name}
          </SelectOption>
        ))}
      </Select>
    </FormField>
  );
}

function StepReceiver({
  chosen,
  onChoose,
  ownOrganizationId,
  service,
  onChooseService,
}: {
  chosen: Receiver | undefined;
  onChoose: (r: Receiver) => void;
  ownOrganizationId: string;
  service: ChosenService | undefined;
  onChooseService: (s: ChosenService | undefined) => void;
}) {
  const [type, setType] = useState<OrganizationType>(chosen?.type ?? 'ZORGKANTOOR');
  const [after, setAfter] = useState<string | undefined>(undefined);
  const [earlier, setEarlier] = useState<Receiver[]>([]);
  const result = useQuery(HandoverReceiversDocument, { type, first: 50, after });
  // Your own organisation is a receiver only for one of its own services (chosen below).
  const nodes = [...earlier, ...(result.loading ? [] : (result.data?.organizations.nodes ?? []))];
  const pageInfo = result.data?.organizations.pageInfo;
  return (
    <>
      <Paragraph>U kiest de ontvanger uit de sociale kaart: de lijst met organisaties die hulp bieden.</Paragraph>
      <FormField type="select" label={<FormLabel htmlFor="receiver-type">Soort organisatie</FormLabel>}>
        <Select
          id="receiver-type"
          value={type}
          onChange={(e) => {
            setType(e.target.value as OrganizationType);
            setAfter(undefined);
            setEarlier([]);
          }}
        >
          {RECEIVER_TYPES.map((t) => (
            <SelectOption key={t} value={t}>
              {label(ORGANIZATION_TYPE_LABELS, t)}
            </SelectOption>
          ))}
        </Select>
      </FormField>
      {result.error && <ErrorAlert error={result.error} headingLevel={3} />}
      {result.loading && nodes.length === 0 && <Paragraph aria-live="polite">Even geduld, de organisaties worden geladen…</Paragraph>}
      {!result.loading && !result.error && nodes.length === 0 && <Paragraph className="hub-empty">Er zijn geen organisaties van deze soort.</Paragraph>}
      {nodes.length > 0 && (
        <Fieldset>
          <FieldsetLegend>Aan welke organisatie draagt u over?</FieldsetLegend>
          {nodes.map((o) => (
            <FormField
              key={o.id}
              type="radio"
              label={
                <FormLabel htmlFor={`receiver-${o.id}`} type="radio">
                  {o.id === ownOrganizationId ? `${o.name} (uw eigen organisatie)` : o.name}
                </FormLabel>
              }
              input={
                <RadioButton
                  id={`receiver-${o.id}`}
                  name="receiver"
                  checked={chosen?.id === o.id}
                  onChange={() => {
                    onChoose(o);
                    onChooseService(undefined);
                  }}
                />
              }
            />
          ))}
        </Fieldset>
      )}
      {chosen && <StepService receiver={chosen} chosen={service} onChoose={onChooseService} own={chosen.id === ownOrganizationId} />}
      {pageInfo?.hasNextPage && (
        <Button
          appearance="secondary-action-button"
          onClick={() => {
            setEarlier(nodes);
            setAfter(pageInfo.endCursor ?? undefined);
          }}
        >
          Meer organisaties laden
        </Button>
      )}
    </>
  );
}

/** The consent step's outcome for a referral within the own organisation: no consent is needed, none is sent. */
const WITHIN_ORGANIZATION = 'within-organization';

function StepConsent({
  clientId,
  receiver,
  ownOrganizationId,
  onResult,
}: {
  clientId: string;
  receiver: Receiver;
  ownOrganizationId: string;
  onResult: (consentId: string | undefined) => void;
}) {
  const result = useQuery(HandoverConsentsDocument, { clientId });
  const check = result.data?.client ? checkHandoverConsent(result.data.client.consents.nodes, ownOrganizationId, receiver) : undefined;
  const within = receiver.id === ownOrganizationId;
  const consentId = within ? WITHIN_ORGANIZATION : check?.canSend ? check.consentId : undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: report each new outcome once.
  useEffect(() => onResult(consentId), [consentId]);
  if (within) {
    return (
      <Alert type="ok" className="hub-alert">
        <Paragraph>
          <strong>Geen toestemming nodig.</strong> De dienst is van uw eigen organisatie, dus de gegevens blijven binnen uw organisatie.
        </Paragraph>
      </Alert>
    );
  }
  if (result.error) return <ErrorAlert error={result.error} headingLevel={3} />;
  if (!check) return <Paragraph aria-live="polite">Even geduld, de toestemming wordt gecontroleerd…</Paragraph>;
  return (
    <>
      <Paragraph>
        U mag gegevens van de cliënt alleen delen als de cliënt daar toestemming voor gaf. Die toestemming moet gelden voor {receiver.name} en voor een warme
        overdracht.
      </Paragraph>
      {check.canSend ? (
        <Alert type="ok" className="hub-alert">
          <Paragraph>
            <strong>De toestemming is in orde.</strong> U kunt de overdracht versturen.
          </Paragraph>
          {!check.questionShared && (
            <Paragraph>
              Let op: de cliënt gaf geen toestemming om de hulpvraag te delen. {receiver.name} ziet de samenvatting van de overdracht. Uw korte vraag ziet{' '}
              {receiver.name} alleen als de cliënt daar al hulp krijgt.
            </Paragraph>
          )}
        </Alert>
      ) : (
        <Alert type="error" role="alert" className="hub-alert">
          <Heading level={3} appearance="utrecht-heading-4">
            U kunt deze overdracht nog niet versturen.
          </Heading>
          {check.missing.map((m) => (
            <Paragraph key={m}>{m}</Paragraph>
          ))}
          <Paragraph>
            Wat is nodig: toestemming van de cliënt voor <strong>gegevens voor de overdracht</strong>, met als doel <strong>warme overdracht</strong>, voor{' '}
            {receiver.name}. Vraag de cliënt om toestemming en leg die vast bij de cliënt. Of kies een andere cliënt of ontvanger.
          </Paragraph>
        </Alert>
      )}
    </>
  );
}

export function NewHandoverPage() {
  const session = useSession();
  const ownOrganizationId = session?.user.organizationId ?? '';
  const [step, setStep] = useState(0);
  const [trajectory, setTrajectory] = useState<Trajectory | undefined>(undefined);
  const [receiver, setReceiver] = useState<Receiver | undefined>(undefined);
  const [service, setService] = useState<ChosenService | undefined>(undefined);
  const [independenceNote, setIndependenceNote] = useState('');
  const [consentId, setConsentId] = useState<string | undefined>(undefined);
  const [urgency, setUrgency] = useState<ReferralUrgency>('ROUTINE');
  const [question, setQuestion] = useState('');
  const [summary, setSummary] = useState(EMPTY_SUMMARY);
  const [sameCounsellor, setSameCounsellor] = useState(false);
  const [invalid, setInvalid] = useState<string[]>([]);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const create = useMutation(CreateHandoverDocument);
  const heading = useRef<HTMLHeadingElement>(null);
  const firstStepRender = useRef(true);

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus the new step's heading on every step change.
  useEffect(() => {
    if (firstStepRender.current) {
      firstStepRender.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);

  // Volunteers work for a welfare organisation: only they may send a light handover.
  const mayGoLight = session?.user.organizationType === 'WELZIJN';
  const [light, setLight] = useState(false);
  const isLight = mayGoLight && light;
  const required = (key: SummaryKey) => !(isLight && OPTIONAL_IN_LIGHT.includes(key));
  const toOwn = receiver?.id === ownOrganizationId;
  // An independent cliëntondersteuner (OCO) that sends to a service of its own organisation says why (the API flags it).
  const needsNote = toOwn && session?.user.organizationType === 'OCO';
  const kind = receiver ? (service ? 'TO_SERVICE' : isLight ? 'INFORMAL_TO_FORMAL' : kindFor(session?.user.organizationType ?? '', receiver.type)) : undefined;
  const canGoOn = [Boolean(trajectory), Boolean(receiver) && (!toOwn || Boolean(service)), Boolean(consentId), true, true][step] ?? false;

  function next() {
    if (step === 3) {
      const missing = [
        ...(question.trim() ? [] : ['question']),
        ...(needsNote && independenceNote.trim().length < 10 ? ['independence-note'] : []),
        ...SUMMARY_FIELDS.filter(([key]) => required(key) && !summary[key].trim()).map(([key]) => key),
      ];
      setInvalid(missing);
      if (missing.length > 0) {
        const first = missing[0] ?? '';
        document
          .getElementById(first === 'question' ? 'handover-question' : first === 'independence-note' ? 'handover-independence-note' : `summary-${first}`)
          ?.focus();
        return;
      }
    }
    setStep((s) => s + 1);
  }

  async function send() {
    if (!trajectory || !receiver || !kind || !consentId) return;
    const data = await create.run({
      input: {
        idempotencyKey,
        kind,
        clientId: trajectory.client.id,
        sourceTrajectoryId: trajectory.id,
        toOrganizationId: receiver.id,
        ...(service ? { serviceId: service.id } : {}),
        ...(needsNote ? { independenceNote: independenceNote.trim() } : {}),
        urgency,
        ...(consentId === WITHIN_ORGANIZATION ? {} : { consentId }),
        question: question.trim(),
        sameCounsellorContinues: sameCounsellor,
        handoverSummary: Object.fromEntries(
          SUMMARY_FIELDS.filter(([key]) => required(key) || summary[key].trim()).map(([key]) => [key, summary[key].trim()]),
        ) as Record<SummaryKey, string>,
      },
    });
    if (data) {
      showOutboxNext();
      navigate(`/warme-overdracht/${data.createReferral.referral.id}`);
    }
  }

  const errorText = (id: string) => (invalid.includes(id) ? 'Vul dit in. Is er niets te melden? Schrijf dan "geen".' : undefined);

  return (
    <>
      <Heading1 tabIndex={-1}>Cliënt warm overdragen</Heading1>
      <Paragraph>
        Een warme overdracht gaat in vijf stappen. Pas als u alles heeft gecontroleerd, verstuurt u de overdracht. De ontvanger antwoordt binnen een paar
        werkdagen.
      </Paragraph>
      <ol className="hub-steps" aria-label="Stappen">
        {STEPS.map((name, i) => (
          <li key={name} className={i === step ? 'hub-steps__current' : undefined} aria-current={i === step ? 'step' : undefined}>
            {name}
          </li>
        ))}
      </ol>
      <Heading2 tabIndex={-1} ref={heading}>
        Stap {step + 1} van {STEPS.length}: {STEPS[step]}
      </Heading2>

      {step === 0 && <StepClient chosen={trajectory} onChoose={(t) => setTrajectory(t)} />}
      {step === 1 && (
        <StepReceiver chosen={receiver} onChoose={(r) => setReceiver(r)} ownOrganizationId={ownOrganizationId} service={service} onChooseService={setService} />
      )}
      {step === 2 && trajectory && receiver && (
        <StepConsent clientId={trajectory.client.id} receiver={receiver} ownOrganizationId={ownOrganizationId} onResult={setConsentId} />
      )}
      {step === 3 && (
        <>
          {invalid.length > 0 && (
            <Alert type="error" role="alert" className="hub-alert">
              <Paragraph>Niet alles is ingevuld. Vul de gemarkeerde vragen in; de ontvanger krijgt zo het hele verhaal.</Paragraph>
            </Alert>
          )}
          <FormField type="select" label={<FormLabel htmlFor="handover-urgency">Hoe snel moet de ontvanger reageren?</FormLabel>}>
            <Select id="handover-urgency" value={urgency} onChange={(e) => setUrgency(e.target.value as ReferralUrgency)}>
              {Object.entries(URGENCY_LABELS).map(([value, text]) => (
                <SelectOption key={value} value={value}>
                  {text}
                </SelectOption>
              ))}
            </Select>
          </FormField>
          <TextField
            id="handover-question"
            label="Korte vraag aan de ontvanger"
            help="In één of twee zinnen: waarom draagt u de cliënt over?"
            value={question}
            onChange={setQuestion}
            error={errorText('question')}
          />
          {needsNote && (
            <TextField
              id="handover-independence-note"
              label="Waarom verwijst u naar een dienst van uw eigen organisatie?"
              help="U bent onafhankelijk cliëntondersteuner. Leg in minstens 10 tekens uit waarom deze dienst past. Schrijf geen BSN op."
              value={independenceNote}
              onChange={setIndependenceNote}
              error={invalid.includes('independence-note') ? 'Leg uit waarom, in minstens 10 tekens.' : undefined}
            />
          )}
          {mayGoLight && (
            <FormField
              type="checkbox"
              label={
                <FormLabel htmlFor="handover-light" type="checkbox">
                  Lichte overdracht (vrijwilliger haalt professional erbij)
                </FormLabel>
              }
              description={
                <FormFieldDescription id="handover-light-help">
                  U blijft betrokken en houdt de regie. U vult alleen de situatie, de vraag en de wensen van de cliënt in.
                </FormFieldDescription>
              }
              input={<Checkbox id="handover-light" checked={light} aria-describedby="handover-light-help" onChange={(e) => setLight(e.target.checked)} />}
            />
          )}
          <Fieldset>
            <FieldsetLegend>Samenvatting voor de ontvanger</FieldsetLegend>
            <Paragraph>
              {isLight
                ? 'De situatie, de vraag en de wensen van de cliënt zijn verplicht. De andere vragen mogen leeg blijven.'
                : 'Alle vragen zijn verplicht. Zo hoeft de cliënt zijn verhaal niet opnieuw te vertellen.'}
            </Paragraph>
            {SUMMARY_FIELDS.map(([key, text, help]) => (
              <TextField
                key={key}
                id={`summary-${key}`}
                label={required(key) ? text : `${text} (mag leeg blijven)`}
                required={required(key)}
                help={help}
                value={summary[key]}
                onChange={(value) => setSummary((s) => ({ ...s, [key]: value }))}
                error={errorText(key)}
              />
            ))}
          </Fieldset>
          <FormField
            type="checkbox"
            className="hub-choice"
            label={
              <FormLabel htmlFor="handover-same-counsellor" type="checkbox">
                Dezelfde cliëntondersteuner blijft
              </FormLabel>
            }
            description={
              <FormFieldDescription id="handover-same-counsellor-help">
                Blijft de cliëntondersteuner van dit traject de cliënt helpen na de overdracht? Dan krijgt de ontvanger de naam, het werknummer, het
                werk-e-mailadres en de bereikbaarheid van deze persoon.
              </FormFieldDescription>
            }
          >
            <Checkbox
              id="handover-same-counsellor"
              checked={sameCounsellor}
              aria-describedby="handover-same-counsellor-help"
              onChange={() => setSameCounsellor((v) => !v)}
            />
          </FormField>
        </>
      )}
      {step === 4 && trajectory && receiver && kind && (
        <>
          <dl className="hub-facts">
            <dt>Cliënt</dt>
            <dd>{clientName(trajectory.client.name)}</dd>
            <dt>Ontvanger</dt>
            <dd>
              {receiver.name}
              {service ? `, dienst ${service.name}` : ''}
            </dd>
            {needsNote && (
              <>
                <dt>Waarom uw eigen organisatie</dt>
                <dd>{independenceNote}</dd>
              </>
            )}
            <dt>Soort overdracht</dt>
            <dd>{label(REFERRAL_KIND_LABELS, kind)}</dd>
            <dt>Hoe snel</dt>
            <dd>{label(URGENCY_LABELS, urgency)}</dd>
            <dt>Vraag</dt>
            <dd>{question}</dd>
            <dt>Dezelfde cliëntondersteuner blijft</dt>
            <dd>{sameCounsellor ? 'Ja' : 'Nee'}</dd>
            {SUMMARY_FIELDS.map(([key, text]) => (
              <div key={key} className="hub-facts__row">
                <dt>{text}</dt>
                <dd>{summary[key]}</dd>
              </div>
            ))}
          </dl>
          {create.error && <ErrorAlert error={create.error} headingLevel={3} />}
        </>
      )}

      <ButtonGroup className="hub-steps__buttons">
        {step > 0 && (
          <Button appearance="secondary-action-button" onClick={() => setStep((s) => s - 1)} disabled={create.busy}>
            Vorige stap
          </Button>
        )}
        {step < STEPS.length - 1 ? (
          <Button appearance="primary-action-button" onClick={next} disabled={!canGoOn}>
            Volgende stap
          </Button>
        ) : (
          <Button appearance="primary-action-button" onClick={() => void send()} busy={create.busy} disabled={create.busy}>
            Overdracht versturen
          </Button>
        )}
      </ButtonGroup>
      {!canGoOn && step < 2 && (
        <Paragraph appearance="small">
          {step === 0 ? 'Kies eerst een cliënt.' : receiver && toOwn ? 'Kies een dienst van uw eigen organisatie.' : 'Kies eerst een ontvanger.'}
        </Paragraph>
      )}
      <Paragraph>
        <AppLink href="/warme-overdracht">Stoppen en terug naar de overdrachten</AppLink>
      </Paragraph>
    </>
  );
}

function TextField({
  id,
  label: text,
  help,
  value,
  onChange,
  error,
  required = true,
}: {
  id: string;
  label: string;
  required?: boolean;
  help: string;
  value: string;
  onChange: (v: string) => void;
  error: string | undefined;
}) {
  return (
    <FormField
      type="text"
      invalid={Boolean(error)}
      label={<FormLabel htmlFor={id}>{text}</FormLabel>}
      description={<FormFieldDescription id={`${id}-help`}>{help}</FormFieldDescription>}
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
        value={value}
        rows={3}
        maxLength={2000}
        required={required}
        invalid={Boolean(error)}
        aria-describedby={error ? `${id}-help ${id}-error` : `${id}-help`}
        onChange={(e) => onChange(e.target.value)}
      />
    </FormField>
  );
}
