import {
  Button,
  ButtonGroup,
  FormField,
  FormLabel,
  Heading1,
  Heading2,
  Heading3,
  OrderedList,
  OrderedListItem,
  Paragraph,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import { type ReactNode, useEffect, useState } from 'react';
import {
  AddKnelpuntActionDocument,
  AddKnelpuntFeedbackDocument,
  CompleteKnelpuntActionDocument,
  KnelpuntDocument,
  type KnelpuntDetailFragment,
  type KnelpuntStatus,
  RecordKnelpuntDecisionDocument,
  ScheduleOverlegtafelMeetingDocument,
  TransitionKnelpuntDocument,
} from '../../generated/graphql.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { useSession } from '../../auth/session.ts';
import { formatDate, label } from '../../labels.ts';
import type { PageProps } from '../registry.ts';
import { AppLink } from '../../router.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { TextareaField, TextField } from '../clienten/fields.tsx';
import { formatDateTime } from '../warme-overdracht/shared.tsx';
import { CATEGORY_LABELS, KNELPUNT_MOVES, KNELPUNT_STATUS_LABELS, personalDataMessage, todayInNl } from './labels.ts';
import { KnelpuntStatusBadge, NoRegion, refusedField, useMutation, useRegion } from './shared.tsx';
import { BeforeAfter, FollowUps, Zorginkoop } from './learning-loop.tsx';
import { SignalFacts } from './signals.tsx';

type Knelpunt = KnelpuntDetailFragment;
type Meeting = { id: string; heldOn: string; title: string };

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="hub-knelpunt-section hub-flow">
      <Heading2 id={id}>{title}</Heading2>
      {children}
    </section>
  );
}

/** A text field whose refusal by the privacy guard (or emptiness) shows next to it. */
function useTextForm<TData, TVariables>(mutation: ReturnType<typeof useMutation<TData, TVariables>>, field: string) {
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const guard = refusedField(mutation.rawError);
  const error = missing ? 'Vul dit in.' : guard?.field === field ? personalDataMessage(guard.kind) : undefined;
  return { text, setText, missing, setMissing, error, otherError: mutation.error && !guard ? mutation.error : null };
}

/** The agenda: plan a meeting, and put the knelpunt on its agenda. */
function Agenda({ knelpunt, meetings, region, onChange }: { knelpunt: Knelpunt; meetings: Meeting[]; region: string; onChange: () => void }) {
  const schedule = useMutation(ScheduleOverlegtafelMeetingDocument);
  const move = useMutation(TransitionKnelpuntDocument);
  const form = useTextForm(schedule, 'input.title');
  const [heldOn, setHeldOn] = useState(todayInNl());
  const [meetingId, setMeetingId] = useState('');
  const chosen = meetingId || meetings[0]?.id || '';

  async function plan() {
    if (!form.text.trim()) {
      form.setMissing(true);
      return;
    }
    form.setMissing(false);
    const data = await schedule.run({ input: { zorgkantoorregioCode: region, heldOn, title: form.text.trim() } });
    if (data) {
      form.setText('');
      setMeetingId(data.scheduleOverlegtafelMeeting.meeting.id);
      onChange();
    }
  }
  async function putOnAgenda() {
    if (!chosen) return;
    const data = await move.run({ input: { knelpuntId: knelpunt.id, to: 'ON_AGENDA', expectedVersion: knelpunt.version, meetingId: chosen } });
    if (data) onChange();
  }
  const canPutOnAgenda = knelpunt.status === 'NEW' || knelpunt.status === 'ACTION';
  return (
    <Section id="agenda-heading" title="Agenda">
      {knelpunt.meeting ? (
        <Paragraph>
          Dit knelpunt staat op de agenda van <strong>{knelpunt.meeting.title}</strong> op {formatDate(knelpunt.meeting.heldOn)}.
        </Paragraph>
      ) : (
        <Paragraph>Dit knelpunt staat nog niet op de agenda van een overleg.</Paragraph>
      )}
      {canPutOnAgenda && (
        <>
          {meetings.length > 0 && (
            <>
              <FormField type="select" label={<FormLabel htmlFor="agenda-meeting">Overleg</FormLabel>}>
                <Select id="agenda-meeting" value={chosen} onChange={(e) => setMeetingId(e.target.value)}>
                  {meetings.map((m) => (
                    <SelectOption key={m.id} value={m.id}>
                      {m.title} ({formatDate(m.heldOn)})
                    </SelectOption>
                  ))}
                </Select>
              </FormField>
              {move.error && <ErrorAlert error={move.error} headingLevel={3} />}
              <Button appearance="primary-action-button" busy={move.busy} disabled={move.busy} onClick={() => void putOnAgenda()}>
                Op de agenda zetten
              </Button>
            </>
          )}
          <Heading3>Nieuw overleg plannen</Heading3>
          <div className="hub-form">
            <TextField
              label="Naam van het overleg"
              description="Bijvoorbeeld: Overlegtafel januari"
              value={form.text}
              onChange={form.setText}
              error={form.error}
            />
            <FormField type="text" label={<FormLabel htmlFor="meeting-date">Datum</FormLabel>}>
              <Textbox id="meeting-date" type="date" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} />
            </FormField>
            {form.otherError && <ErrorAlert error={form.otherError} headingLevel={4} />}
            <Button appearance="secondary-action-button" busy={schedule.busy} disabled={schedule.busy} onClick={() => void plan()}>
              Overleg plannen
            </Button>
          </div>
        </>
      )}
    </Section>
  );
}

function StatusMoves({ knelpunt, onChange }: { knelpunt: Knelpunt; onChange: () => void }) {
  const move = useMutation(TransitionKnelpuntDocument);
  // Opgelost needs a resolution note: what solved the knelpunt.
  const note = useTextForm(move, 'input.resolutionNote');
  const moves = (KNELPUNT_MOVES[knelpunt.status] ?? []).filter((m) => m.to !== 'ON_AGENDA' || knelpunt.status !== 'NEW');
  const needsAction = knelpunt.status === 'ON_AGENDA' && knelpunt.actions.totalCount === 0;
  const canResolve = moves.some((m) => m.to === 'RESOLVED');
  return (
    <Section id="status-heading" title="Status">
      <Paragraph>
        Nu: <KnelpuntStatusBadge status={knelpunt.status} />
      </Paragraph>
      {knelpunt.status === 'NEW' && <Paragraph>Zet het knelpunt op de agenda van een overleg (hieronder) om het te bespreken.</Paragraph>}
      {needsAction && <Paragraph>Spreek eerst een actie af (hieronder). Daarna kunt u de acties starten.</Paragraph>}
      {moves.length === 0 && knelpunt.status !== 'NEW' && <Paragraph>Dit knelpunt is afgesloten. Er kan niets meer bij.</Paragraph>}
      {canResolve && (
        <div className="hub-form">
          <TextareaField
            label="Wat heeft het knelpunt opgelost?"
            description="Nodig bij Opgelost. Komen de signalen terug, dan gaat het knelpunt vanzelf weer open."
            value={note.text}
            onChange={note.setText}
            error={note.error}
          />
        </div>
      )}
      {moves.length > 0 && (
        <ButtonGroup>
          {moves.map((m) => (
            <Button
              key={m.to}
              appearance="secondary-action-button"
              busy={move.busy}
              disabled={move.busy || (m.to === 'ACTION' && needsAction)}
              onClick={async () => {
                const resolving = m.to === 'RESOLVED';
                if (resolving && !note.text.trim()) {
                  note.setMissing(true);
                  return;
                }
                note.setMissing(false);
                const data = await move.run({
                  input: {
                    knelpuntId: knelpunt.id,
                    to: m.to as KnelpuntStatus,
                    expectedVersion: knelpunt.version,
                    ...(resolving ? { resolutionNote: note.text.trim() } : {}),
                  },
                });
                if (data) {
                  note.setText('');
                  onChange();
                }
              }}
            >
              {m.button}
            </Button>
          ))}
        </ButtonGroup>
      )}
      {knelpunt.resolution && (
        <Paragraph>
          Opgelost op {formatDate(knelpunt.resolution.resolvedOn)}: {knelpunt.resolution.note}
        </Paragraph>
      )}
      {move.error && !note.error && <ErrorAlert error={move.error} headingLevel={3} />}
    </Section>
  );
}

function Decisions({ knelpunt, onChange }: { knelpunt: Knelpunt; onChange: () => void }) {
  const record = useMutation(RecordKnelpuntDecisionDocument);
  const form = useTextForm(record, 'input.text');
  async function submit() {
    if (!form.text.trim()) {
      form.setMissing(true);
      return;
    }
    form.setMissing(false);
    const data = await record.run({
      input: { knelpuntId: knelpunt.id, text: form.text.trim(), ...(knelpunt.meeting ? { meetingId: knelpunt.meeting.id } : {}) },
    });
    if (data) {
      form.setText('');
      onChange();
    }
  }
  const decisions = knelpunt.decisions.nodes;
  return (
    <Section id="decisions-heading" title="Besluiten">
      {decisions.length === 0 ? (
        <Paragraph>Er zijn nog geen besluiten.</Paragraph>
      ) : (
        <OrderedList>
          {decisions.map((d) => (
            <OrderedListItem key={d.id}>
              {d.text}{' '}
              <span className="hub-muted">
                ({formatDate(d.decidedOn)}
                {d.meeting ? `, ${d.meeting.title}` : ''})
              </span>
            </OrderedListItem>
          ))}
        </OrderedList>
      )}
      {!isFinal(knelpunt) && (
        <div className="hub-form">
          <TextareaField label="Nieuw besluit" value={form.text} onChange={form.setText} error={form.error} />
          {form.otherError && <ErrorAlert error={form.otherError} headingLevel={3} />}
          <Button appearance="secondary-action-button" busy={record.busy} disabled={record.busy} onClick={() => void submit()}>
            Besluit vastleggen
          </Button>
        </div>
      )}
    </Section>
  );
}

const isFinal = (k: Knelpunt) => k.status === 'RESOLVED' || k.status === 'NOT_RESOLVABLE';

function Actions({ knelpunt, owners, onChange }: { knelpunt: Knelpunt; owners: { id: string; name: string }[]; onChange: () => void }) {
  const add = useMutation(AddKnelpuntActionDocument);
  const complete = useMutation(CompleteKnelpuntActionDocument);
  const form = useTextForm(add, 'input.description');
  const [owner, setOwner] = useState('');
  const [dueOn, setDueOn] = useState(() => {
    const d = new Date(`${todayInNl()}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 30);
    return d.toISOString().slice(0, 10);
  });
  const chosenOwner = owner || owners[0]?.id || '';
  async function submit() {
    if (!form.text.trim()) {
      form.setMissing(true);
      return;
    }
    form.setMissing(false);
    const data = await add.run({ input: { knelpuntId: knelpunt.id, description: form.text.trim(), ownerOrganizationId: chosenOwner, dueOn } });
    if (data) {
      form.setText('');
      onChange();
    }
  }
  const actions = knelpunt.actions.nodes;
  return (
    <Section id="actions-heading" title="Acties">
      {actions.length === 0 ? (
        <Paragraph>Er zijn nog geen acties afgesproken.</Paragraph>
      ) : (
        <ul className="hub-action-list">
          {actions.map((a) => (
            <li key={a.id} className="hub-card">
              <Paragraph>
                <strong>{a.description}</strong>
              </Paragraph>
              <dl className="hub-facts">
                <dt>Wie</dt>
                <dd>{a.owner.name}</dd>
                <dt>Klaar op</dt>
                <dd>
                  {formatDate(a.dueOn)}
                  {a.overdue && <strong> (te laat)</strong>}
                </dd>
                <dt>Stand</dt>
                <dd>{a.status === 'DONE' ? `Klaar${a.completedAt ? ` sinds ${formatDateTime(a.completedAt)}` : ''}` : 'Nog niet klaar'}</dd>
              </dl>
              {a.status === 'OPEN' && (
                <Button
                  appearance="secondary-action-button"
                  busy={complete.busy}
                  disabled={complete.busy}
                  aria-label={`Actie is klaar: ${a.description}`}
                  onClick={async () => {
                    const data = await complete.run({ input: { actionId: a.id } });
                    if (data) onChange();
                  }}
                >
                  Actie is klaar
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {complete.error && <ErrorAlert error={complete.error} headingLevel={3} />}
      {!isFinal(knelpunt) && (
        <div className="hub-form">
          <Heading3>Nieuwe actie</Heading3>
          <TextareaField label="Wat gaat er gebeuren?" value={form.text} onChange={form.setText} error={form.error} />
          <FormField type="select" label={<FormLabel htmlFor="action-owner">Welke organisatie doet het?</FormLabel>}>
            <Select id="action-owner" value={chosenOwner} onChange={(e) => setOwner(e.target.value)}>
              {owners.map((o) => (
                <SelectOption key={o.id} value={o.id}>
                  {o.name}
                </SelectOption>
              ))}
            </Select>
          </FormField>
          <FormField type="text" label={<FormLabel htmlFor="action-due">Klaar op</FormLabel>}>
            <Textbox id="action-due" type="date" min={todayInNl()} value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
          </FormField>
          {form.otherError && <ErrorAlert error={form.otherError} headingLevel={4} />}
          <Button appearance="secondary-action-button" busy={add.busy} disabled={add.busy || !chosenOwner} onClick={() => void submit()}>
            Actie toevoegen
          </Button>
        </div>
      )}
    </Section>
  );
}

function Feedback({ knelpunt, onChange }: { knelpunt: Knelpunt; onChange: () => void }) {
  const add = useMutation(AddKnelpuntFeedbackDocument);
  const form = useTextForm(add, 'input.text');
  async function submit() {
    if (!form.text.trim()) {
      form.setMissing(true);
      return;
    }
    form.setMissing(false);
    const data = await add.run({ input: { knelpuntId: knelpunt.id, text: form.text.trim() } });
    if (data) {
      form.setText('');
      onChange();
    }
  }
  return (
    <Section id="feedback-heading" title="Terugkoppeling aan de melders">
      <Paragraph>De organisaties die een signaal van dit knelpunt meldden, lezen dit bij hun eigen signalen.</Paragraph>
      {knelpunt.feedback.nodes.length === 0 ? (
        <Paragraph>Er is nog geen terugkoppeling gegeven.</Paragraph>
      ) : (
        <OrderedList>
          {knelpunt.feedback.nodes.map((f) => (
            <OrderedListItem key={f.id}>
              {f.text} <span className="hub-muted">({formatDateTime(f.createdAt)})</span>
            </OrderedListItem>
          ))}
        </OrderedList>
      )}
      <div className="hub-form">
        <TextareaField label="Bericht aan de melders" value={form.text} onChange={form.setText} error={form.error} />
        {form.otherError && <ErrorAlert error={form.otherError} headingLevel={3} />}
        <Button appearance="secondary-action-button" busy={add.busy} disabled={add.busy} onClick={() => void submit()}>
          Terugkoppeling versturen
        </Button>
      </div>
    </Section>
  );
}

export function KnelpuntPage({ params }: PageProps) {
  const region = useRegion();
  const session = useSession();
  const id = params.id ?? '';
  const result = useQuery(KnelpuntDocument, { id, region: region ?? '' }, { skip: !region });
  const [saved, setSaved] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: every change asks the hub again.
  useEffect(() => {
    if (saved > 0) result.reload();
  }, [saved]);
  const onChange = () => setSaved((n) => n + 1);
  const knelpunt = result.data?.knelpunt;
  const table = result.data?.overlegtafel;

  if (!region)
    return (
      <>
        <Heading1 tabIndex={-1}>Knelpunt</Heading1>
        <NoRegion />
      </>
    );
  if (result.error)
    return (
      <>
        <Heading1 tabIndex={-1}>Knelpunt</Heading1>
        <ErrorAlert error={result.error} headingLevel={2} />
      </>
    );
  if (!knelpunt) {
    return (
      <>
        <Heading1 tabIndex={-1}>Knelpunt</Heading1>
        {result.loading ? (
          <Paragraph aria-live="polite">Even geduld, het knelpunt wordt geladen…</Paragraph>
        ) : (
          <Paragraph>Dit knelpunt is niet gevonden.</Paragraph>
        )}
      </>
    );
  }
  const ownOrganization = session?.user.organizationId;
  // Only members of the region's table get the counts (others: null with FORBIDDEN).
  const member = knelpunt.signalCount !== null && knelpunt.signalCount !== undefined;
  const owners = [...(ownOrganization ? [{ id: ownOrganization, name: 'Uw eigen organisatie' }] : []), ...(table?.members ?? [])];
  return (
    <>
      <Heading1 tabIndex={-1}>{knelpunt.title}</Heading1>
      <div className="hub-overleg-intro">
        <Paragraph>
          <AppLink href="/overlegtafel">Terug naar de overlegtafel</AppLink>
        </Paragraph>
        {knelpunt.description && <Paragraph>{knelpunt.description}</Paragraph>}
      </div>
      <dl className="hub-facts">
        <dt>Status</dt>
        <dd>{label(KNELPUNT_STATUS_LABELS, knelpunt.status)}</dd>
        <dt>Signalen</dt>
        <dd>{knelpunt.signalCount ?? knelpunt.signals.totalCount}</dd>
        <dt>Cliënten</dt>
        <dd>{knelpunt.clientCount ?? '–'}</dd>
        <dt>Gemaakt op</dt>
        <dd>{formatDate(knelpunt.createdAt)}</dd>
      </dl>
      <StatusMoves knelpunt={knelpunt} onChange={onChange} />
      <Agenda knelpunt={knelpunt} meetings={table?.meetings.nodes ?? []} region={region} onChange={onChange} />
      <Decisions knelpunt={knelpunt} onChange={onChange} />
      <Actions knelpunt={knelpunt} owners={owners} onChange={onChange} />
      {member && <BeforeAfter knelpunt={knelpunt} round={saved} />}
      <FollowUps knelpunt={knelpunt} member={member} round={saved} onChange={onChange} />
      <Zorginkoop knelpunt={knelpunt} member={member} onChange={onChange} />
      <Feedback knelpunt={knelpunt} onChange={onChange} />
      <Section id="signals-heading" title="Signalen in dit knelpunt">
        <ul className="hub-signal-list">
          {knelpunt.signals.nodes.map((s) => (
            <li key={s.id} className="hub-card hub-signal">
              <Heading3 className="hub-signal__title">{label(CATEGORY_LABELS, s.category)}</Heading3>
              <SignalFacts signal={s} />
            </li>
          ))}
        </ul>
        {knelpunt.signals.totalCount > knelpunt.signals.nodes.length && (
          <Paragraph>
            U ziet de nieuwste {knelpunt.signals.nodes.length} van de {knelpunt.signals.totalCount} signalen.
          </Paragraph>
        )}
        {!isFinal(knelpunt) && (
          <Paragraph>
            <AppLink href="/overlegtafel/signalen">Meer signalen toevoegen</AppLink>
          </Paragraph>
        )}
      </Section>
      <Section id="history-heading" title="Geschiedenis">
        {knelpunt.history.nodes.length === 0 ? (
          <Paragraph>De status is nog niet veranderd.</Paragraph>
        ) : (
          <OrderedList>
            {knelpunt.history.nodes.map((h) => (
              <OrderedListItem key={`${h.at}-${h.to}`}>
                {h.automatic || !h.by ? (
                  <>{formatDateTime(h.at)}: Weer geopend: de signalen kwamen terug</>
                ) : (
                  <>
                    {formatDateTime(h.at)}: van {label(KNELPUNT_STATUS_LABELS, h.from).toLowerCase()} naar {label(KNELPUNT_STATUS_LABELS, h.to).toLowerCase()},
                    door {h.by.name}
                  </>
                )}
              </OrderedListItem>
            ))}
          </OrderedList>
        )}
      </Section>
    </>
  );
}
