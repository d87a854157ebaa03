import {
  Button,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormLabel,
  Heading1,
  Heading2,
  Heading3,
  Paragraph,
  RadioButton,
  Select,
  SelectOption,
} from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { AddSignalsToKnelpuntDocument, CreateKnelpuntDocument, OverlegtafelSignalsDocument, type SignalListItemFragment } from '../../generated/graphql.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { formatDate, LEGAL_DOMAIN_LABELS, label, TARGET_GROUP_LABELS, WLZ_SECTOR_LABELS } from '../../labels.ts';
import { AppLink, navigate } from '../../router.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Pager, useCursorPages } from '../../ui/pager.tsx';
import { TextareaField, TextField } from '../clienten/fields.tsx';
import {
  AGE_BAND_LABELS,
  CATEGORY_LABELS,
  GAP_REASON_LABELS,
  personalDataMessage,
  quarterDays,
  quarterName,
  quarterOf,
  shiftQuarter,
  todayInNl,
} from './labels.ts';
import { NoRegion, refusedField, useMutation, useRegion } from './shared.tsx';

const PAGE_SIZE = 20;

/** The facts of one signal: who, what, where, when, how many. Never a client's identity (a signal holds none). */
export function SignalFacts({ signal }: { signal: SignalListItemFragment }) {
  const who = [signal.targetGroup ? label(TARGET_GROUP_LABELS, signal.targetGroup) : null, signal.ageBand ? label(AGE_BAND_LABELS, signal.ageBand) : null]
    .filter(Boolean)
    .join(', ');
  const law = [signal.legalDomain ? label(LEGAL_DOMAIN_LABELS, signal.legalDomain) : null, signal.wlzSector ? label(WLZ_SECTOR_LABELS, signal.wlzSector) : null]
    .filter(Boolean)
    .join(', ');
  return (
    <dl className="hub-facts hub-signal__facts">
      <dt>Gezien op</dt>
      <dd>{formatDate(signal.observedOn)}</dd>
      <dt>Waar</dt>
      <dd>{signal.gemeente?.name ?? 'De hele regio'}</dd>
      {who && (
        <>
          <dt>Voor wie</dt>
          <dd>{who}</dd>
        </>
      )}
      {law && (
        <>
          <dt>Wet</dt>
          <dd>{law}</dd>
        </>
      )}
      {(signal.organization || signal.service) && (
        <>
          <dt>Aanbod</dt>
          <dd>{[signal.service?.name, signal.organization?.name].filter(Boolean).join(', ')}</dd>
        </>
      )}
      <dt>Aantal cliënten</dt>
      <dd>{signal.clientCount}</dd>
      {signal.waitDays !== null && signal.waitDays !== undefined && (
        <>
          <dt>Wachttijd</dt>
          <dd>{signal.waitDays} dagen</dd>
        </>
      )}
      <dt>Bron</dt>
      <dd>
        {signal.source === 'GAP_EVENT'
          ? `Overdracht ${signal.gapReason ? label(GAP_REASON_LABELS, signal.gapReason) : 'zonder antwoord'}`
          : `Gemeld door ${signal.reporterOrganization?.name ?? 'een professional'}`}
      </dd>
      {signal.description && (
        <>
          <dt>Toelichting</dt>
          <dd>{signal.description}</dd>
        </>
      )}
    </dl>
  );
}

const PERIODS = (() => {
  const now = quarterOf(todayInNl());
  return [0, -1, -2, -3].map((by) => {
    const q = shiftQuarter(now, by);
    return { key: `${q.year}-${q.q}`, name: by === 0 ? `${quarterName(q)} (dit kwartaal)` : quarterName(q), ...quarterDays(q) };
  });
})();

/** Group the chosen signals: a new knelpunt, or an open one. */
function GroupForm({
  region,
  chosen,
  openKnelpunten,
  onDone,
}: {
  region: string;
  chosen: string[];
  openKnelpunten: { id: string; title: string }[];
  onDone: () => void;
}) {
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [existing, setExisting] = useState('');
  const [titleMissing, setTitleMissing] = useState(false);
  const create = useMutation(CreateKnelpuntDocument);
  const add = useMutation(AddSignalsToKnelpuntDocument);
  const error = create.error ?? add.error;
  // The privacy guard's refusal is shown at the field; other errors in an alert.
  const guard = mode === 'new' ? refusedField(create.rawError) : null;

  async function submit() {
    if (mode === 'new') {
      if (!title.trim()) {
        setTitleMissing(true);
        document.getElementById('knelpunt-title')?.focus();
        return;
      }
      setTitleMissing(false);
      const data = await create.run({ input: { zorgkantoorregioCode: region, title: title.trim(), description: description.trim(), signalIds: chosen } });
      if (data) navigate(`/overlegtafel/knelpunten/${data.createKnelpunt.knelpunt.id}`);
    } else {
      const id = existing || openKnelpunten[0]?.id;
      if (!id) return;
      const data = await add.run({ input: { knelpuntId: id, signalIds: chosen } });
      if (data) {
        onDone();
        navigate(`/overlegtafel/knelpunten/${id}`);
      }
    }
  }

  return (
    <section aria-labelledby="group-heading" className="hub-card hub-flow">
      <Heading2 id="group-heading">Bundelen tot knelpunt</Heading2>
      <Paragraph>
        U heeft {chosen.length} {chosen.length === 1 ? 'signaal' : 'signalen'} gekozen.
      </Paragraph>
      <Fieldset>
        <FieldsetLegend>Waar wilt u ze aan toevoegen?</FieldsetLegend>
        <FormField
          type="radio"
          label={
            <FormLabel htmlFor="group-new" type="radio">
              Een nieuw knelpunt
            </FormLabel>
          }
          input={<RadioButton id="group-new" name="group" checked={mode === 'new'} onChange={() => setMode('new')} />}
        />
        <FormField
          type="radio"
          label={
            <FormLabel htmlFor="group-existing" type="radio">
              Een knelpunt dat al bestaat
            </FormLabel>
          }
          input={
            <RadioButton
              id="group-existing"
              name="group"
              disabled={openKnelpunten.length === 0}
              checked={mode === 'existing'}
              onChange={() => setMode('existing')}
            />
          }
        />
      </Fieldset>
      {mode === 'new' ? (
        <div className="hub-form">
          <TextField
            label="Titel van het knelpunt"
            description="Kort: wat ontbreekt er, voor wie, waar?"
            value={title}
            onChange={setTitle}
            required
            error={titleMissing ? 'Geef het knelpunt een titel.' : guard?.field === 'input.title' ? personalDataMessage(guard.kind) : undefined}
          />
          <TextareaField
            label="Beschrijving (mag leeg blijven)"
            value={description}
            onChange={setDescription}
            error={guard?.field === 'input.description' ? personalDataMessage(guard.kind) : undefined}
          />
        </div>
      ) : (
        <FormField type="select" label={<FormLabel htmlFor="group-knelpunt">Knelpunt</FormLabel>}>
          <Select id="group-knelpunt" value={existing || openKnelpunten[0]?.id} onChange={(e) => setExisting(e.target.value)}>
            {openKnelpunten.map((k) => (
              <SelectOption key={k.id} value={k.id}>
                {k.title}
              </SelectOption>
            ))}
          </Select>
        </FormField>
      )}
      {error && !guard && <ErrorAlert error={error} headingLevel={3} />}
      <Button appearance="primary-action-button" busy={create.busy || add.busy} disabled={create.busy || add.busy} onClick={() => void submit()}>
        {mode === 'new' ? 'Knelpunt maken' : 'Toevoegen aan knelpunt'}
      </Button>
    </section>
  );
}

export function SignalsPage() {
  const region = useRegion();
  const [periodKey, setPeriodKey] = useState(PERIODS[0]?.key ?? '');
  const [onlyUngrouped, setOnlyUngrouped] = useState(true);
  const pages = useCursorPages();
  const [chosen, setChosen] = useState<string[]>([]);
  const period = PERIODS.find((p) => p.key === periodKey) ?? PERIODS[0];
  const result = useQuery(
    OverlegtafelSignalsDocument,
    { region: region ?? '', from: period?.from ?? '', to: period?.to ?? '', onlyUngrouped, first: PAGE_SIZE, after: pages.after },
    { skip: !region },
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new period or filter starts at the first page.
  useEffect(() => pages.reset(), [periodKey, onlyUngrouped]);

  const signals = result.data?.overlegtafel?.signals.nodes ?? [];
  const pageInfo = result.data?.overlegtafel?.signals.pageInfo;
  const toggle = (id: string, on: boolean) => setChosen((list) => (on ? [...list, id] : list.filter((x) => x !== id)));
  const pageNumber = pages.pageNumber;

  return (
    <>
      <Heading1 tabIndex={-1}>Signalen van de regio</Heading1>
      <div className="hub-overleg-intro">
        <Paragraph>
          Hier ziet u de signalen uit uw regio: wat er ontbreekt, voor wie, waar en wanneer. Er staan geen namen of andere gegevens van cliënten in. Kies
          signalen over hetzelfde probleem en bundel ze tot een knelpunt.
        </Paragraph>
        <Paragraph>
          <AppLink href="/overlegtafel">Terug naar de overlegtafel</AppLink>
        </Paragraph>
      </div>
      {!region && <NoRegion />}
      <div className="hub-handover-filters">
        <FormField type="select" label={<FormLabel htmlFor="signals-period">Periode</FormLabel>}>
          <Select id="signals-period" value={periodKey} onChange={(e) => setPeriodKey(e.target.value)}>
            {PERIODS.map((p) => (
              <SelectOption key={p.key} value={p.key}>
                {p.name}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        <FormField
          type="checkbox"
          label={
            <FormLabel htmlFor="signals-ungrouped" type="checkbox">
              Alleen signalen die nog niet bij een knelpunt horen
            </FormLabel>
          }
          input={<Checkbox id="signals-ungrouped" checked={onlyUngrouped} onChange={(e) => setOnlyUngrouped(e.target.checked)} />}
        />
      </div>

      {chosen.length > 0 && region && (
        <GroupForm region={region} chosen={chosen} openKnelpunten={result.data?.overlegtafel?.knelpunten.nodes ?? []} onDone={() => setChosen([])} />
      )}

      <Heading2>Signalen, pagina {pageNumber}</Heading2>
      {result.error && <ErrorAlert error={result.error} headingLevel={3} />}
      {result.loading && <Paragraph aria-live="polite">Even geduld, de signalen worden geladen…</Paragraph>}
      {!result.loading && !result.error && signals.length === 0 && <Paragraph>Er zijn geen signalen in deze periode.</Paragraph>}
      {!result.loading && signals.length > 0 && (
        <ul className="hub-signal-list">
          {signals.map((s) => (
            <li key={s.id} className="hub-card hub-signal">
              <Heading3 className="hub-signal__title">{label(CATEGORY_LABELS, s.category)}</Heading3>
              {s.knelpunt ? (
                <Paragraph>
                  Hoort bij knelpunt <AppLink href={`/overlegtafel/knelpunten/${s.knelpunt.id}`}>{s.knelpunt.title}</AppLink>
                </Paragraph>
              ) : (
                <FormField
                  type="checkbox"
                  label={
                    <FormLabel htmlFor={`signal-${s.id}`} type="checkbox">
                      Kies dit signaal ({label(CATEGORY_LABELS, s.category).toLowerCase()}, {formatDate(s.observedOn)})
                    </FormLabel>
                  }
                  input={<Checkbox id={`signal-${s.id}`} checked={chosen.includes(s.id)} onChange={(e) => toggle(s.id, e.target.checked)} />}
                />
              )}
              <SignalFacts signal={s} />
            </li>
          ))}
        </ul>
      )}
      <Pager pages={pages} endCursor={pageInfo?.endCursor} hasNextPage={pageInfo?.hasNextPage} />
    </>
  );
}
