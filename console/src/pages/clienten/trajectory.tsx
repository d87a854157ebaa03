import { Alert, Button, ButtonGroup, Heading1, Heading2, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import type { DutchError } from '../../errors.ts';
import {
  type CloseReason,
  CloseTrajectoryDocument,
  type ContactChannel,
  type GoalStatus,
  type TrajectoryDetailFragment,
  TrajectoryDetailDocument,
  UpdateTrajectoryDocument,
} from '../../generated/graphql.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { formatDate, LEGAL_DOMAIN_LABELS, LIFE_DOMAIN_LABELS, label } from '../../labels.ts';
import { AppLink } from '../../router.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import type { PageProps } from '../registry.ts';
import { ChoiceGroup, SelectField, TextareaField, TextField } from './fields.tsx';
import { CLOSE_REASON_LABELS, CONTACT_CHANNEL_LABELS, formatDateTime, fullName, GOAL_STATUS_LABELS, TRAJECTORY_STATUS_LABELS } from './labels.ts';
import { mutate } from './mutate.ts';
import { VastGezicht, Wijsplicht } from './vast-gezicht.tsx';

type Saved = (message: string) => void;

const nowLocal = () => {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset(), 0, 0);
  return d.toISOString().slice(0, 16);
};

function PlanAndGoals({ trajectory, onSaved, open }: { trajectory: TrajectoryDetailFragment; onSaved: Saved; open: boolean }) {
  const [plan, setPlan] = useState(trajectory.plan ?? '');
  const [goals, setGoals] = useState((trajectory.goals ?? []).map((g) => ({ id: g.id as string | undefined, description: g.description, status: g.status })));
  const [newGoal, setNewGoal] = useState('');
  const [failure, setFailure] = useState<DutchError | null>(null);
  const [busy, setBusy] = useState(false);
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const all = newGoal.trim() ? [...goals, { id: undefined, description: newGoal.trim(), status: 'OPEN' as GoalStatus }] : goals;
    const result = await mutate(UpdateTrajectoryDocument, {
      input: {
        id: trajectory.id,
        expectedVersion: trajectory.version,
        plan: plan.trim(),
        goals: all.map((g) => ({ ...(g.id ? { id: g.id } : {}), description: g.description, status: g.status })),
      },
    });
    setBusy(false);
    setFailure(result.error);
    if (!result.error) {
      setNewGoal('');
      onSaved('Het plan en de doelen zijn opgeslagen.');
    }
  }
  if (!open) {
    return (
      <section aria-labelledby="plan">
        <Heading2 id="plan">Plan en doelen</Heading2>
        <Paragraph>{trajectory.plan ?? 'Er is geen plan vastgelegd.'}</Paragraph>
        <UnorderedList>
          {(trajectory.goals ?? []).map((g) => (
            <UnorderedListItem key={g.id}>
              {g.description}: {label(GOAL_STATUS_LABELS, g.status).toLowerCase()}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </section>
    );
  }
  return (
    <section aria-labelledby="plan">
      <Heading2 id="plan">Plan en doelen</Heading2>
      {failure && <ErrorAlert error={failure} headingLevel={3} />}
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="hub-form">
        <TextareaField label="Persoonlijk plan" description="Hoe wil de cliënt leven? Wat is daarvoor nodig?" value={plan} onChange={setPlan} />
        {goals.map((goal, i) => (
          <SelectField
            key={goal.id ?? i}
            label={`Doel: ${goal.description}`}
            value={goal.status}
            onChange={(status) => setGoals((all) => all.map((g, k) => (k === i ? { ...g, status: status as GoalStatus } : g)))}
            options={Object.entries(GOAL_STATUS_LABELS).map(([value, text]) => ({ value, label: text }))}
          />
        ))}
        <TextField label="Nieuw doel (niet verplicht)" description="Een doel in de woorden van de cliënt." value={newGoal} onChange={setNewGoal} />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
            Plan en doelen opslaan
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

function ContactMoments({ trajectory, onSaved, open }: { trajectory: TrajectoryDetailFragment; onSaved: Saved; open: boolean }) {
  const [occurredAt, setOccurredAt] = useState(nowLocal);
  const [channel, setChannel] = useState<ContactChannel>('PHONE');
  const [summary, setSummary] = useState('');
  const [errors, setErrors] = useState<{ occurredAt?: string; summary?: string }>({});
  const [failure, setFailure] = useState<DutchError | null>(null);
  const [busy, setBusy] = useState(false);
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found: typeof errors = {};
    if (!occurredAt || Number.isNaN(Date.parse(occurredAt))) found.occurredAt = 'Vul de datum en tijd van het contact in.';
    else if (Date.parse(occurredAt) > Date.now() + 60_000) found.occurredAt = 'Het contact kan niet in de toekomst liggen.';
    if (!summary.trim()) found.summary = 'Schrijf kort op waar het contact over ging.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const result = await mutate(UpdateTrajectoryDocument, {
      input: {
        id: trajectory.id,
        expectedVersion: trajectory.version,
        addContactMoments: [{ occurredAt: new Date(occurredAt).toISOString(), channel, summary: summary.trim() }],
      },
    });
    setBusy(false);
    setFailure(result.error);
    if (!result.error) {
      setSummary('');
      onSaved('Het contactmoment is toegevoegd.');
    }
  }
  const moments = trajectory.contactMoments?.nodes ?? [];
  return (
    <section aria-labelledby="moments">
      <Heading2 id="moments">Contactmomenten</Heading2>
      {moments.length === 0 ? (
        <Paragraph>Er zijn nog geen contactmomenten.</Paragraph>
      ) : (
        <UnorderedList>
          {moments.map((m) => (
            <UnorderedListItem key={m.id}>
              <strong>{formatDateTime(m.occurredAt)}</strong>, {label(CONTACT_CHANNEL_LABELS, m.channel).toLowerCase()}: {m.summary}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      {open && (
        <>
          {failure && <ErrorAlert error={failure} headingLevel={3} />}
          <form onSubmit={(event) => void onSubmit(event)} noValidate className="hub-form">
            <TextField label="Wanneer was het contact?" type="datetime-local" value={occurredAt} onChange={setOccurredAt} error={errors.occurredAt} />
            <SelectField
              label="Hoe was het contact?"
              value={channel}
              onChange={(c) => setChannel(c as ContactChannel)}
              options={Object.entries(CONTACT_CHANNEL_LABELS)
                .filter(([value]) => value !== 'DO_NOT_CONTACT')
                .map(([value, text]) => ({ value, label: text }))}
            />
            <TextareaField
              label="Samenvatting"
              description="Kort en zakelijk. Schrijf niet meer op dan nodig is."
              value={summary}
              onChange={setSummary}
              error={errors.summary}
            />
            <ButtonGroup>
              <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
                Contactmoment toevoegen
              </Button>
            </ButtonGroup>
          </form>
        </>
      )}
    </section>
  );
}

const SCORES = ['1', '2', '3', '4', '5'].map((value) => ({ value, label: value }));

function CloseTrajectory({ trajectory, onSaved }: { trajectory: TrajectoryDetailFragment; onSaved: Saved }) {
  const domains = trajectory.lifeDomains?.length ? trajectory.lifeDomains : ['ZORG_EN_ONDERSTEUNING'];
  const [reason, setReason] = useState<CloseReason>('GOALS_REACHED');
  const [scores, setScores] = useState<Record<string, { start: string; end: string }>>(Object.fromEntries(domains.map((d) => [d, { start: '2', end: '3' }])));
  const [ownNetworkUsed, setOwnNetworkUsed] = useState('false');
  const [satisfaction, setSatisfaction] = useState('');
  const [failure, setFailure] = useState<DutchError | null>(null);
  const [busy, setBusy] = useState(false);
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await mutate(CloseTrajectoryDocument, {
      input: {
        id: trajectory.id,
        expectedVersion: trajectory.version,
        reason,
        outcomes: {
          selfReliance: domains.map((d) => ({
            lifeDomain: d as NonNullable<TrajectoryDetailFragment['lifeDomains']>[number],
            start: Number(scores[d]?.start ?? 1),
            end: Number(scores[d]?.end ?? 1),
          })),
          ownNetworkUsed: ownNetworkUsed === 'true',
          ...(satisfaction ? { satisfaction: Number(satisfaction) } : {}),
        },
      },
    });
    setBusy(false);
    setFailure(result.error);
    if (!result.error) onSaved('Het traject is afgesloten.');
  }
  return (
    <section aria-labelledby="close">
      <Heading2 id="close">Traject afsluiten</Heading2>
      <Paragraph>Sluit het traject af als de ondersteuning klaar is. Daarna kunt u niets meer aan dit traject veranderen.</Paragraph>
      {failure && <ErrorAlert error={failure} headingLevel={3} />}
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="hub-form">
        <ChoiceGroup
          legend="Waarom sluit u het traject af?"
          choices={Object.entries(CLOSE_REASON_LABELS).map(([value, text]) => ({ value, label: text }))}
          multiple={false}
          selected={[reason]}
          onChange={([r]) => setReason((r as CloseReason | undefined) ?? 'GOALS_REACHED')}
        />
        <Paragraph>
          Zelfredzaamheid: hoe goed redt de cliënt zich zelf? 1 is helemaal niet, 5 is helemaal zelf. Geef een cijfer voor het begin en voor nu.
        </Paragraph>
        {domains.map((d) => (
          <div key={d} className="hub-score-pair">
            <SelectField
              label={`${label(LIFE_DOMAIN_LABELS, d)}: bij het begin`}
              value={scores[d]?.start ?? '1'}
              onChange={(start) => setScores((s) => ({ ...s, [d]: { start, end: s[d]?.end ?? '1' } }))}
              options={SCORES}
            />
            <SelectField
              label={`${label(LIFE_DOMAIN_LABELS, d)}: nu`}
              value={scores[d]?.end ?? '1'}
              onChange={(end) => setScores((s) => ({ ...s, [d]: { start: s[d]?.start ?? '1', end } }))}
              options={SCORES}
            />
          </div>
        ))}
        <ChoiceGroup
          legend="Heeft de cliënt hulp gekregen van het eigen netwerk (familie, vrienden, buren)?"
          choices={[
            { value: 'true', label: 'Ja' },
            { value: 'false', label: 'Nee' },
          ]}
          multiple={false}
          selected={[ownNetworkUsed]}
          onChange={([v]) => setOwnNetworkUsed(v ?? 'false')}
        />
        <SelectField
          label="Hoe tevreden is de cliënt? (niet verplicht)"
          description="Een cijfer van 1 tot 10, als de cliënt dat wil geven."
          value={satisfaction}
          onChange={setSatisfaction}
          options={[{ value: '', label: 'Niet gevraagd' }, ...Array.from({ length: 10 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))]}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            Traject afsluiten
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

export function TrajectoryPage({ params }: PageProps) {
  const result = useQuery(TrajectoryDetailDocument, { id: params.trajectoryId ?? '' });
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const trajectory = result.data?.trajectory;
  const clientName = fullName(trajectory?.client.name) ?? 'de cliënt';
  const open = trajectory?.status === 'OPEN';
  const onSaved = (message: string) => {
    setSaved(message);
    result.reload();
  };
  return (
    <div className="hub-flow">
      <Heading1 tabIndex={-1}>Traject van {clientName}</Heading1>
      <Paragraph>
        <AppLink href={`/clienten/${params.id ?? ''}`}>Terug naar {clientName}</AppLink>
      </Paragraph>
      {saved && (
        <Alert type="ok" role="status" className="hub-alert">
          <Paragraph>{saved}</Paragraph>
        </Alert>
      )}
      {result.error && <ErrorAlert error={result.error} />}
      {result.loading && !result.data && <Paragraph aria-live="polite">Even geduld, het traject wordt geladen…</Paragraph>}
      {trajectory && (
        <>
          <Paragraph>
            {trajectory.legalDomain ? label(LEGAL_DOMAIN_LABELS, trajectory.legalDomain) : ''},{' '}
            {label(TRAJECTORY_STATUS_LABELS, trajectory.status).toLowerCase()}. Begonnen op {formatDate(trajectory.openedAt)}
            {trajectory.closedAt ? `, afgesloten op ${formatDate(trajectory.closedAt)} (${label(CLOSE_REASON_LABELS, trajectory.closeReason ?? '')})` : ''}.
          </Paragraph>
          {trajectory.hulpvraag && (
            <Paragraph>
              <strong>Hulpvraag:</strong> {trajectory.hulpvraag}
            </Paragraph>
          )}
          <VastGezicht key={`counsellor-${trajectory.version}`} trajectory={trajectory} onSaved={onSaved} open={open} />
          <Wijsplicht key={`wijsplicht-${trajectory.version}`} trajectory={trajectory} onSaved={onSaved} open={open} />
          <PlanAndGoals key={`plan-${trajectory.version}`} trajectory={trajectory} onSaved={onSaved} open={open} />
          <ContactMoments key={`moments-${trajectory.version}`} trajectory={trajectory} onSaved={onSaved} open={open} />
          {open && <CloseTrajectory key={`close-${trajectory.version}`} trajectory={trajectory} onSaved={onSaved} />}
        </>
      )}
    </div>
  );
}
