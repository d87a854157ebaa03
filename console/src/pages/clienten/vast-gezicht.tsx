import { Button, ButtonGroup, DataList, DataListItem, DataListKey, DataListValue, Heading2, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useSession } from '../../auth/session.ts';
import type { DutchError } from '../../errors.ts';
import { RecordWijsplichtDocument, SetTrajectoryCounsellorDocument, type TrajectoryDetailFragment, type WijsplichtOutcome } from '../../generated/graphql.ts';
import { formatDate } from '../../labels.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { ChoiceGroup, TextareaField, TextField } from './fields.tsx';
import { mutate } from './mutate.ts';

type Saved = (message: string) => void;

const PHONE = /^\+?[0-9 ()-]{6,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const AVAILABILITY_MAX = 200;
const NOTE_MAX = 500;

/** What the hub says is wrong with a field, in words a professional understands. */
const SERVER_FIELD_TEXTS: Record<string, string> = {
  'input.counsellor.workPhone': 'Vul een telefoonnummer in met alleen cijfers, spaties, +, - of haakjes.',
  'input.counsellor.workEmail': 'Vul een geldig e-mailadres in, bijvoorbeeld naam@organisatie.nl.',
  'input.counsellor.availability': `Schrijf de bereikbaarheid in hoogstens ${AVAILABILITY_MAX} tekens, zonder BSN.`,
  'input.pointedOn': 'Kies een datum vanaf de start van het traject, niet in de toekomst.',
  'input.note': `Schrijf de notitie in hoogstens ${NOTE_MAX} tekens, zonder BSN.`,
};

/** The client's vast gezicht: the cliëntondersteuner with work contact details and availability, and a form to change them. */
export function VastGezicht({ trajectory, onSaved, open }: { trajectory: TrajectoryDetailFragment; onSaved: Saved; open: boolean }) {
  const current = trajectory.counsellor;
  const [name, setName] = useState(current?.name ?? '');
  const [workPhone, setWorkPhone] = useState(current?.workPhone ?? '');
  const [workEmail, setWorkEmail] = useState(current?.workEmail ?? '');
  const [availability, setAvailability] = useState(current?.availability ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<DutchError | null>(null);
  const [busy, setBusy] = useState(false);
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = 'Vul de naam van de cliëntondersteuner in.';
    if (workPhone.trim() && !PHONE.test(workPhone.trim())) found.workPhone = SERVER_FIELD_TEXTS['input.counsellor.workPhone'] ?? '';
    if (workEmail.trim() && !EMAIL.test(workEmail.trim())) found.workEmail = SERVER_FIELD_TEXTS['input.counsellor.workEmail'] ?? '';
    if (availability.trim().length > AVAILABILITY_MAX) found.availability = SERVER_FIELD_TEXTS['input.counsellor.availability'] ?? '';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const sameUser = current && current.name === name.trim() ? current.userId : null;
    const result = await mutate(SetTrajectoryCounsellorDocument, {
      input: {
        id: trajectory.id,
        expectedVersion: trajectory.version,
        counsellor: {
          name: name.trim(),
          formality: current?.formality ?? 'FORMAL',
          ...(sameUser ? { userId: sameUser } : {}),
          workPhone: workPhone.trim() || null,
          workEmail: workEmail.trim() || null,
          availability: availability.trim() || null,
        },
      },
    });
    setBusy(false);
    setFailure(result.error);
    if (result.error) {
      setErrors(
        Object.fromEntries(result.badFields.flatMap((f) => (SERVER_FIELD_TEXTS[f] ? [[f.replace('input.counsellor.', ''), SERVER_FIELD_TEXTS[f]]] : []))),
      );
      return;
    }
    onSaved('De vaste contactpersoon is opgeslagen.');
  }
  return (
    <section aria-labelledby="vast-gezicht">
      <Heading2 id="vast-gezicht">Vaste contactpersoon</Heading2>
      {current ? (
        <DataList className="hub-datalist">
          <DataListItem>
            <DataListKey>Naam</DataListKey>
            <DataListValue>{current.name}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>Werktelefoon</DataListKey>
            <DataListValue>{current.workPhone ?? 'Niet ingevuld'}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>Werk-e-mail</DataListKey>
            <DataListValue>{current.workEmail ?? 'Niet ingevuld'}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>Bereikbaarheid</DataListKey>
            <DataListValue>{current.availability ?? 'Niet ingevuld'}</DataListValue>
          </DataListItem>
        </DataList>
      ) : (
        <Paragraph>U mag niet zien wie de vaste contactpersoon is.</Paragraph>
      )}
      {open && current && (
        <>
          {failure && <ErrorAlert error={failure} headingLevel={3} />}
          <form onSubmit={(event) => void onSubmit(event)} noValidate className="hub-form" aria-label="Vaste contactpersoon wijzigen">
            <TextField label="Naam" value={name} onChange={setName} error={errors.name} autoComplete="off" required />
            <TextField
              label="Werktelefoon (niet verplicht)"
              description="Het nummer op het werk. Geen privénummer."
              type="tel"
              inputMode="tel"
              value={workPhone}
              onChange={setWorkPhone}
              error={errors.workPhone}
            />
            <TextField
              label="Werk-e-mail (niet verplicht)"
              description="Het e-mailadres op het werk. Geen privéadres."
              type="email"
              inputMode="email"
              value={workEmail}
              onChange={setWorkEmail}
              error={errors.workEmail}
            />
            <TextField
              label="Bereikbaarheid (niet verplicht)"
              description={`Wanneer is de cliëntondersteuner te bereiken? Bijvoorbeeld: ma, di en do 9–17 uur. Hoogstens ${AVAILABILITY_MAX} tekens.`}
              value={availability}
              onChange={setAvailability}
              error={errors.availability}
            />
            <ButtonGroup>
              <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
                Contactpersoon opslaan
              </Button>
            </ButtonGroup>
          </form>
        </>
      )}
    </section>
  );
}

export const WIJSPLICHT_OUTCOME_LABELS: Record<WijsplichtOutcome, string> = {
  ACCEPTED: 'Ja, wil onafhankelijke cliëntondersteuning',
  DECLINED: 'Nee, wil het niet',
  UNDECIDED: 'Weet het nog niet',
};

const WMO_DOMAINS = new Set(['WMO_ALGEMENE_VOORZIENING', 'WMO_MAATWERKVOORZIENING']);
const todayLocal = () => {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset(), 0, 0);
  return d.toISOString().slice(0, 10);
};

/**
 * The gemeente's wijsplicht on a Wmo melding: the resident was pointed to free, independent cliëntondersteuning. Shown
 * on Wmo trajectories; the form only for the gemeente's toegang and cliëntondersteuners (the hub refuses anyone else).
 */
export function Wijsplicht({ trajectory, onSaved, open }: { trajectory: TrajectoryDetailFragment; onSaved: Saved; open: boolean }) {
  const session = useSession();
  const current = trajectory.wijsplicht;
  const [pointedOn, setPointedOn] = useState(current?.pointedOn ?? todayLocal());
  const [outcome, setOutcome] = useState<WijsplichtOutcome>(current?.outcome ?? 'ACCEPTED');
  const [note, setNote] = useState(current?.note ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<DutchError | null>(null);
  const [busy, setBusy] = useState(false);
  if (!trajectory.legalDomain || !WMO_DOMAINS.has(trajectory.legalDomain)) return null;
  const user = session?.user;
  const mayRecord = user?.organizationType === 'GEMEENTE' && user.roles.some((r) => r === 'TOEGANG' || r === 'CLIENTONDERSTEUNER');
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(pointedOn)) found.pointedOn = 'Vul de datum in waarop u de inwoner erop hebt gewezen.';
    else if (pointedOn > todayLocal()) found.pointedOn = 'De datum kan niet in de toekomst liggen.';
    if (note.trim().length > NOTE_MAX) found.note = SERVER_FIELD_TEXTS['input.note'] ?? '';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const result = await mutate(RecordWijsplichtDocument, {
      input: { id: trajectory.id, expectedVersion: trajectory.version, pointedOn, outcome, note: note.trim() || null },
    });
    setBusy(false);
    setFailure(result.error);
    if (result.error) {
      setErrors(Object.fromEntries(result.badFields.flatMap((f) => (SERVER_FIELD_TEXTS[f] ? [[f.replace('input.', ''), SERVER_FIELD_TEXTS[f]]] : []))));
      return;
    }
    onSaved('Vastgelegd dat de inwoner is gewezen op onafhankelijke cliëntondersteuning.');
  }
  return (
    <section aria-labelledby="wijsplicht">
      <Heading2 id="wijsplicht">Gewezen op onafhankelijke cliëntondersteuning</Heading2>
      <Paragraph>De gemeente moet de inwoner bij een melding wijzen op gratis, onafhankelijke cliëntondersteuning, vóór het onderzoek begint.</Paragraph>
      {current ? (
        <Paragraph>
          Gewezen op {formatDate(current.pointedOn)}
          {current.pointedByName ? ` door ${current.pointedByName}` : ''}. Antwoord: {WIJSPLICHT_OUTCOME_LABELS[current.outcome].toLowerCase()}.
          {current.note ? ` Notitie: ${current.note}` : ''}
        </Paragraph>
      ) : (
        <Paragraph>Nog niet vastgelegd.</Paragraph>
      )}
      {open && mayRecord && (
        <>
          {failure && <ErrorAlert error={failure} headingLevel={3} />}
          <form onSubmit={(event) => void onSubmit(event)} noValidate className="hub-form" aria-label="Wijsplicht vastleggen">
            <TextField
              label="Datum"
              description="Op welke dag hebt u de inwoner erop gewezen?"
              type="date"
              value={pointedOn}
              onChange={setPointedOn}
              error={errors.pointedOn}
            />
            <ChoiceGroup
              legend="Heeft de inwoner het aanbod aangenomen?"
              choices={Object.entries(WIJSPLICHT_OUTCOME_LABELS).map(([value, text]) => ({ value, label: text }))}
              multiple={false}
              selected={[outcome]}
              onChange={([v]) => setOutcome((v as WijsplichtOutcome | undefined) ?? 'ACCEPTED')}
            />
            <TextareaField
              label="Notitie (niet verplicht)"
              description={`Kort en zakelijk, hoogstens ${NOTE_MAX} tekens. Schrijf geen BSN op.`}
              value={note}
              onChange={setNote}
              error={errors.note}
            />
            <ButtonGroup>
              <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
                Wijsplicht vastleggen
              </Button>
            </ButtonGroup>
          </form>
        </>
      )}
    </section>
  );
}
