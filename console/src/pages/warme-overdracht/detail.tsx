import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormLabel,
  Heading1,
  Heading2,
  Heading3,
  OrderedList,
  OrderedListItem,
  Paragraph,
  RadioButton,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { type ReactNode, useEffect, useState } from 'react';
import { useSession } from '../../auth/session.ts';
import {
  AcceptHandoverDocument,
  CompleteHandoverDocument,
  HandoverDocument,
  type JointMeetingOutcome,
  type MeetingParticipant,
  PlanDriegesprekDocument,
  RecordDriegesprekDocument,
  type ReferralDetailFragment,
  type RegieHolder,
  RejectHandoverDocument,
  type RejectionReason,
  StartHandoverDocument,
} from '../../generated/graphql.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { formatDate, label } from '../../labels.ts';
import type { PageProps } from '../registry.ts';
import { AppLink } from '../../router.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import {
  ACTION_LABELS,
  deadlineBadge,
  OUTCOME_LABELS,
  PARTICIPANT_LABELS,
  REFERRAL_KIND_LABELS,
  REFERRAL_STATUS_LABELS,
  REGIE_LABELS,
  REJECTION_REASON_LABELS,
  todayInNl,
  URGENCY_LABELS,
} from './labels.ts';
import { LightLinksSection } from './light-links.tsx';
import { clientName, DeadlineBadge, formatDateTime, ReferralStatusBadge, useMutation } from './shared.tsx';

type Referral = ReferralDetailFragment;

const SUMMARY_LABELS: [keyof NonNullable<Referral['handoverSummary']>, string][] = [
  ['situation', 'Situatie van de cliënt'],
  ['question', 'Vraag aan de nieuwe ondersteuner'],
  ['whatWasDone', 'Wat is er al gedaan'],
  ['agreements', 'Afspraken met de cliënt'],
  ['openActions', 'Wat moet nog gebeuren'],
  ['network', 'Netwerk'],
  ['risks', 'Risico’s'],
  ['clientWishes', 'Wensen van de cliënt'],
];

const DRIEGESPREK_HELP =
  'Een driegesprek is een gesprek van de cliënt met u en de nieuwe ondersteuner samen. Zo leert de cliënt de nieuwe ondersteuner kennen en hoort iedereen hetzelfde verhaal.';

const NOT_SHARED = 'U ziet dit niet: de cliënt gaf geen toestemming om dit met uw organisatie te delen.';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="hub-handover-section" aria-label={title}>
      <Heading2>{title}</Heading2>
      {children}
    </section>
  );
}

/** Accept or reject (the receiver, while the handover waits for an answer). */
function AnswerForm({ referral, onChange }: { referral: Referral; onChange: (r: Referral) => void }) {
  const [choice, setChoice] = useState<'accept' | 'reject' | undefined>(undefined);
  const [reason, setReason] = useState<RejectionReason>('NO_CAPACITY');
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const accept = useMutation(AcceptHandoverDocument);
  const reject = useMutation(RejectHandoverDocument);

  async function submit() {
    if (choice === 'accept') {
      const data = await accept.run({ input: { id: referral.id, expectedVersion: referral.version, ...(note.trim() ? { note: note.trim() } : {}) } });
      if (data) onChange(data.acceptReferral.referral);
    } else if (choice === 'reject') {
      if (reason === 'OTHER' && !note.trim()) {
        setNoteMissing(true);
        document.getElementById('answer-note')?.focus();
        return;
      }
      const data = await reject.run({ input: { id: referral.id, expectedVersion: referral.version, reason, ...(note.trim() ? { note: note.trim() } : {}) } });
      if (data) onChange(data.rejectReferral.referral);
    }
  }
  const error = accept.error ?? reject.error;
  return (
    <Section title="Uw antwoord">
      <Paragraph>Neemt uw organisatie deze cliënt over? Antwoord graag vóór {referral.respondBy ? formatDate(referral.respondBy) : 'de termijn'}.</Paragraph>
      <Fieldset>
        <FieldsetLegend>Wat is uw antwoord?</FieldsetLegend>
        <FormField
          type="radio"
          label={
            <FormLabel htmlFor="answer-accept" type="radio">
              Ja, wij nemen de cliënt over
            </FormLabel>
          }
          input={<RadioButton id="answer-accept" name="answer" checked={choice === 'accept'} onChange={() => setChoice('accept')} />}
        />
        <FormField
          type="radio"
          label={
            <FormLabel htmlFor="answer-reject" type="radio">
              Nee, wij wijzen de overdracht af
            </FormLabel>
          }
          input={<RadioButton id="answer-reject" name="answer" checked={choice === 'reject'} onChange={() => setChoice('reject')} />}
        />
      </Fieldset>
      {choice === 'reject' && (
        <FormField type="select" label={<FormLabel htmlFor="answer-reason">Waarom wijst u af?</FormLabel>}>
          <Select id="answer-reason" value={reason} onChange={(e) => setReason(e.target.value as RejectionReason)}>
            {Object.entries(REJECTION_REASON_LABELS).map(([value, text]) => (
              <SelectOption key={value} value={value}>
                {text}
              </SelectOption>
            ))}
          </Select>
        </FormField>
      )}
      {choice && (
        <FormField
          type="text"
          invalid={noteMissing}
          label={
            <FormLabel htmlFor="answer-note">
              {choice === 'reject' ? 'Toelichting voor de verwijzer' : 'Bericht voor de verwijzer (mag leeg blijven)'}
            </FormLabel>
          }
          errorMessage={
            noteMissing ? (
              <FormFieldDescription invalid id="answer-note-error">
                Leg uit waarom u afwijst.
              </FormFieldDescription>
            ) : undefined
          }
        >
          <Textarea
            id="answer-note"
            value={note}
            rows={3}
            maxLength={2000}
            invalid={noteMissing}
            aria-describedby={noteMissing ? 'answer-note-error' : undefined}
            onChange={(e) => setNote(e.target.value)}
          />
        </FormField>
      )}
      {error && <ErrorAlert error={error} headingLevel={3} />}
      <Button
        appearance="primary-action-button"
        disabled={!choice || accept.busy || reject.busy}
        busy={accept.busy || reject.busy}
        onClick={() => void submit()}
      >
        {choice === 'reject' ? 'Overdracht afwijzen' : 'Overdracht accepteren'}
      </Button>
    </Section>
  );
}

/** A date and time input's value (local time, minutes) for a moment. */
const localInputValue = (d: Date) => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

function PlanMeetingForm({ referral, onChange }: { referral: Referral; onChange: (r: Referral) => void }) {
  const inAWeek = new Date(Date.now() + 7 * 86_400_000);
  inAWeek.setHours(10, 0, 0, 0);
  const [when, setWhen] = useState(localInputValue(referral.jointMeeting ? new Date(referral.jointMeeting.plannedAt) : inAWeek));
  const [participants, setParticipants] = useState<MeetingParticipant[]>(referral.jointMeeting?.participants ?? ['CLIENT', 'SENDER', 'RECEIVER']);
  const plan = useMutation(PlanDriegesprekDocument);
  const toggle = (p: MeetingParticipant, on: boolean) => setParticipants((list) => (on ? [...list, p] : list.filter((x) => x !== p)));
  async function submit() {
    const plannedAt = new Date(when);
    if (Number.isNaN(plannedAt.getTime()) || participants.length === 0) return;
    const data = await plan.run({ input: { id: referral.id, expectedVersion: referral.version, plannedAt: plannedAt.toISOString(), participants } });
    if (data) onChange(data.planJointMeeting.referral);
  }
  return (
    <>
      <Heading3>{referral.jointMeeting ? 'Driegesprek verzetten' : 'Driegesprek plannen'}</Heading3>
      <FormField type="text" label={<FormLabel htmlFor="meeting-when">Datum en tijd</FormLabel>}>
        <Textbox id="meeting-when" type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} />
      </FormField>
      <Fieldset>
        <FieldsetLegend>Wie doen er mee?</FieldsetLegend>
        {(Object.keys(PARTICIPANT_LABELS) as MeetingParticipant[]).map((p) => (
          <FormField
            key={p}
            type="checkbox"
            label={
              <FormLabel htmlFor={`meeting-${p}`} type="checkbox">
                {PARTICIPANT_LABELS[p]}
              </FormLabel>
            }
            input={<Checkbox id={`meeting-${p}`} checked={participants.includes(p)} onChange={(e) => toggle(p, e.target.checked)} />}
          />
        ))}
      </Fieldset>
      {plan.error && <ErrorAlert error={plan.error} headingLevel={4} />}
      <Button appearance="primary-action-button" disabled={participants.length === 0 || plan.busy} busy={plan.busy} onClick={() => void submit()}>
        Driegesprek opslaan
      </Button>
    </>
  );
}

function RecordMeetingForm({ referral, onChange }: { referral: Referral; onChange: (r: Referral) => void }) {
  const [outcome, setOutcome] = useState<JointMeetingOutcome | undefined>(undefined);
  const [notes, setNotes] = useState('');
  const record = useMutation(RecordDriegesprekDocument);
  async function submit() {
    if (!outcome) return;
    const data = await record.run({
      input: { id: referral.id, expectedVersion: referral.version, outcome, ...(notes.trim() ? { outcomeNotes: notes.trim() } : {}) },
    });
    if (data) onChange(data.recordJointMeetingOutcome.referral);
  }
  return (
    <>
      <Heading3>Hoe ging het driegesprek?</Heading3>
      <Fieldset>
        <FieldsetLegend>Uitkomst</FieldsetLegend>
        {(Object.keys(OUTCOME_LABELS) as JointMeetingOutcome[]).map((o) => (
          <FormField
            key={o}
            type="radio"
            label={
              <FormLabel htmlFor={`outcome-${o}`} type="radio">
                {OUTCOME_LABELS[o]}
              </FormLabel>
            }
            input={<RadioButton id={`outcome-${o}`} name="outcome" checked={outcome === o} onChange={() => setOutcome(o)} />}
          />
        ))}
      </Fieldset>
      <FormField type="text" label={<FormLabel htmlFor="outcome-notes">Aantekeningen (mag leeg blijven)</FormLabel>}>
        <Textarea id="outcome-notes" rows={3} maxLength={4000} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </FormField>
      {record.error && <ErrorAlert error={record.error} headingLevel={4} />}
      <Button appearance="primary-action-button" disabled={!outcome || record.busy} busy={record.busy} onClick={() => void submit()}>
        Uitkomst opslaan
      </Button>
    </>
  );
}

function ProgressActions({ referral, onChange }: { referral: Referral; onChange: (r: Referral) => void }) {
  const start = useMutation(StartHandoverDocument);
  const complete = useMutation(CompleteHandoverDocument);
  const [regie, setRegie] = useState<RegieHolder>('RECEIVER');
  const error = start.error ?? complete.error;
  return (
    <Section title="Verder met de overdracht">
      {referral.status === 'ACCEPTED' && (
        <>
          <Paragraph>
            Begint u met de ondersteuning van de cliënt? Zet dat hier vast{referral.startBy ? `, uiterlijk ${formatDate(referral.startBy)}` : ''}.
          </Paragraph>
          <Button
            appearance="primary-action-button"
            busy={start.busy}
            disabled={start.busy}
            onClick={async () => {
              const data = await start.run({ input: { id: referral.id, expectedVersion: referral.version } });
              if (data) onChange(data.startReferral.referral);
            }}
          >
            Ondersteuning begonnen
          </Button>
        </>
      )}
      {referral.status === 'IN_PROGRESS' && (
        <>
          <Paragraph>Is de overdracht klaar? Dan rondt u hem af. De verwijzer kan daarna het eigen traject sluiten.</Paragraph>
          <Fieldset>
            <FieldsetLegend>Wie houdt de regie?</FieldsetLegend>
            <Paragraph appearance="small">Wie de regie heeft, houdt het overzicht over alle hulp aan de cliënt.</Paragraph>
            {(['RECEIVER', 'SENDER'] as RegieHolder[]).map((r) => (
              <FormField
                key={r}
                type="radio"
                label={
                  <FormLabel htmlFor={`regie-${r}`} type="radio">
                    {REGIE_LABELS[r]}
                  </FormLabel>
                }
                input={<RadioButton id={`regie-${r}`} name="regie" checked={regie === r} onChange={() => setRegie(r)} />}
              />
            ))}
          </Fieldset>
          <Button
            appearance="primary-action-button"
            busy={complete.busy}
            disabled={complete.busy}
            onClick={async () => {
              const data = await complete.run({ input: { id: referral.id, expectedVersion: referral.version, regiehouder: regie } });
              if (data) onChange(data.completeReferral.referral);
            }}
          >
            Overdracht afronden
          </Button>
        </>
      )}
      {error && <ErrorAlert error={error} headingLevel={3} />}
    </Section>
  );
}

export function HandoverDetailPage({ params }: PageProps) {
  const session = useSession();
  const id = params.id ?? '';
  const result = useQuery(HandoverDocument, { id });
  const [changed, setChanged] = useState<Referral | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new answer from the hub replaces a local change.
  useEffect(() => setChanged(null), [result.data]);
  const referral = changed ?? result.data?.referral ?? null;

  if (result.error) return <ErrorAlert error={result.error} headingLevel={1} />;
  if (result.loading && !referral) return <Paragraph aria-live="polite">Even geduld, de overdracht wordt geladen…</Paragraph>;
  if (!referral) {
    return (
      <>
        <Heading1 tabIndex={-1}>Overdracht niet gevonden</Heading1>
        <Paragraph>Deze overdracht bestaat niet, of uw organisatie is geen verwijzer of ontvanger ervan.</Paragraph>
        <Paragraph>
          <AppLink href="/warme-overdracht">Naar de overdrachten</AppLink>
        </Paragraph>
      </>
    );
  }
  const own = session?.user.organizationId;
  const isSender = referral.fromOrganization.id === own;
  const isReceiver = referral.toOrganization.id === own;
  const meetingOpen = ['ACCEPTED', 'IN_PROGRESS', 'ON_HOLD'].includes(referral.status);
  const onChange = (r: Referral) => {
    setChanged(r);
    setSaved(`Opgeslagen. De status is nu: ${label(REFERRAL_STATUS_LABELS, r.status).toLowerCase()}.`);
  };
  const questionRefused = result.fieldErrors.length > 0 && referral.question === null;
  const summaryRefused = referral.handoverSummary === null;

  return (
    <>
      <Paragraph>
        <AppLink href="/warme-overdracht">Terug naar de overdrachten</AppLink>
      </Paragraph>
      <Heading1 tabIndex={-1}>Overdracht van {clientName(referral.client.name)}</Heading1>
      <Paragraph>
        <ReferralStatusBadge status={referral.status} /> <DeadlineBadge badge={deadlineBadge(referral, todayInNl())} />
      </Paragraph>
      <div aria-live="polite">
        {saved && (
          <Alert type="ok" className="hub-alert">
            <Paragraph>{saved}</Paragraph>
          </Alert>
        )}
      </div>
      <dl className="hub-facts">
        <dt>Van</dt>
        <dd>
          {referral.fromOrganization.name}
          {referral.fromProfessional.name ? ` (${referral.fromProfessional.name})` : ''}
        </dd>
        <dt>Naar</dt>
        <dd>
          {referral.toOrganization.name}
          {referral.toProfessional?.name ? ` (${referral.toProfessional.name})` : ''}
        </dd>
        <dt>Soort overdracht</dt>
        <dd>
          {label(REFERRAL_KIND_LABELS, referral.kind)}
          {referral.senderStaysInvolved ? '. De vrijwilliger blijft betrokken en houdt de regie, tenzij u dat samen anders afspreekt.' : ''}
        </dd>
        <dt>Hoe snel</dt>
        <dd>{label(URGENCY_LABELS, referral.urgency)}</dd>
        <dt>Verstuurd</dt>
        <dd>{referral.sentAt ? formatDateTime(referral.sentAt) : 'Nog niet'}</dd>
        {referral.status === 'REQUESTED' && referral.respondBy && (
          <>
            <dt>Antwoord uiterlijk</dt>
            <dd>{formatDate(referral.respondBy)}</dd>
          </>
        )}
        {referral.rejectionReason && (
          <>
            <dt>Reden van afwijzen</dt>
            <dd>
              {label(REJECTION_REASON_LABELS, referral.rejectionReason)}
              {referral.rejectionNote ? `: ${referral.rejectionNote}` : ''}
            </dd>
          </>
        )}
        {!['REQUESTED', 'DRAFT', 'REJECTED', 'CANCELLED'].includes(referral.status) && (
          <>
            <dt>Regie</dt>
            <dd>{label(REGIE_LABELS, referral.regiehouder)}</dd>
          </>
        )}
      </dl>
      {referral.independenceFlag && (
        <Alert type="warning" className="hub-alert">
          <Heading2>Verwijzing naar eigen organisatie</Heading2>
          <Paragraph>Een onafhankelijke cliëntondersteuner verwijst hier naar een dienst van de eigen organisatie. Hieronder staat waarom.</Paragraph>
          <Paragraph>{referral.independenceNote ?? NOT_SHARED}</Paragraph>
        </Alert>
      )}

      <Section title="Vraag en samenvatting">
        <Heading3>Vraag</Heading3>
        <Paragraph>{referral.question ?? (questionRefused || !isSender ? NOT_SHARED : '')}</Paragraph>
        {summaryRefused ? (
          <Paragraph>{NOT_SHARED}</Paragraph>
        ) : (
          <dl className="hub-facts">
            {SUMMARY_LABELS.map(([key, text]) => (
              <div key={key} className="hub-facts__row">
                <dt>{text}</dt>
                {/* A light handover may leave parts empty: say so rather than show a blank. */}
                <dd>{referral.handoverSummary?.[key] || <span className="hub-empty">Niet ingevuld</span>}</dd>
              </div>
            ))}
          </dl>
        )}
      </Section>

      {referral.sameCounsellorContinues && (
        <Section title="Dezelfde cliëntondersteuner blijft">
          {referral.continuingCounsellor ? (
            <>
              <Paragraph>Deze cliëntondersteuner blijft de cliënt helpen, ook na de overdracht.</Paragraph>
              <dl className="hub-facts">
                <dt>Naam</dt>
                <dd>{referral.continuingCounsellor.name}</dd>
                <dt>Werktelefoon</dt>
                <dd>{referral.continuingCounsellor.workPhone ?? 'Niet ingevuld'}</dd>
                <dt>Werk-e-mail</dt>
                <dd>{referral.continuingCounsellor.workEmail ?? 'Niet ingevuld'}</dd>
                <dt>Bereikbaarheid</dt>
                <dd>{referral.continuingCounsellor.availability ?? 'Niet ingevuld'}</dd>
              </dl>
            </>
          ) : (
            <Paragraph>{NOT_SHARED}</Paragraph>
          )}
        </Section>
      )}

      {isReceiver && referral.status === 'REQUESTED' && <AnswerForm referral={referral} onChange={onChange} />}

      {isSender && <LightLinksSection key={referral.version} referralId={referral.id} />}

      {(meetingOpen || referral.jointMeeting) && (
        <Section title="Driegesprek">
          <Paragraph>{DRIEGESPREK_HELP}</Paragraph>
          {referral.jointMeeting ? (
            <dl className="hub-facts">
              <dt>Gepland op</dt>
              <dd>{formatDateTime(referral.jointMeeting.plannedAt)}</dd>
              <dt>Wie doen er mee</dt>
              <dd>{referral.jointMeeting.participants.map((p) => label(PARTICIPANT_LABELS, p)).join(', ')}</dd>
              {referral.jointMeeting.outcome && (
                <>
                  <dt>Gehouden op</dt>
                  <dd>{referral.jointMeeting.heldAt ? formatDateTime(referral.jointMeeting.heldAt) : '–'}</dd>
                  <dt>Uitkomst</dt>
                  <dd>{label(OUTCOME_LABELS, referral.jointMeeting.outcome)}</dd>
                  {referral.jointMeeting.outcomeNotes && (
                    <>
                      <dt>Aantekeningen</dt>
                      <dd>{referral.jointMeeting.outcomeNotes}</dd>
                    </>
                  )}
                </>
              )}
            </dl>
          ) : (
            <Paragraph>Er is nog geen driegesprek gepland.</Paragraph>
          )}
          {meetingOpen && (isSender || isReceiver) && !referral.jointMeeting?.outcome && (
            <>
              <PlanMeetingForm key={`plan-${referral.version}`} referral={referral} onChange={onChange} />
              {referral.jointMeeting && <RecordMeetingForm key={`record-${referral.version}`} referral={referral} onChange={onChange} />}
            </>
          )}
        </Section>
      )}

      {isReceiver && ['ACCEPTED', 'IN_PROGRESS'].includes(referral.status) && (
        <ProgressActions key={referral.version} referral={referral} onChange={onChange} />
      )}

      <Section title="Tijdlijn">
        <Paragraph>Alles wat er met deze overdracht is gebeurd, de oudste stap eerst.</Paragraph>
        <OrderedList className="hub-timeline">
          {referral.timeline.nodes.map((event) => (
            <OrderedListItem key={event.id}>
              <strong>{event.action === 'CREATE' && event.toStatus === 'REQUESTED' ? 'Gemaakt en verstuurd' : label(ACTION_LABELS, event.action)}</strong> op{' '}
              {formatDateTime(event.occurredAt)}
              {event.actorOrganization ? ` door ${event.actor?.name ? `${event.actor.name}, ` : ''}${event.actorOrganization.name}` : ''}.
              {event.reasonCode && event.action === 'RECORD_JOINT_MEETING_OUTCOME'
                ? ` Uitkomst: ${label(OUTCOME_LABELS, event.reasonCode).toLowerCase()}.`
                : ''}
              {event.reasonCode && event.action !== 'RECORD_JOINT_MEETING_OUTCOME'
                ? ` Reden: ${label(REJECTION_REASON_LABELS, event.reasonCode).toLowerCase()}.`
                : ''}
              {event.note ? ` Bericht: ${event.note}` : ''}
            </OrderedListItem>
          ))}
        </OrderedList>
      </Section>
    </>
  );
}
