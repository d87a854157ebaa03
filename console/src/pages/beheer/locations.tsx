import { Alert, Button, ButtonGroup, Checkbox, Fieldset, FieldsetLegend, FormField, FormLabel, Heading3, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useId, useState } from 'react';
import type { DutchError } from '../../errors.ts';
import { BeheerCreateLocationDocument, type BeheerLocationFragment, BeheerUpdateLocationDocument } from '../../generated/graphql.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { TextField } from '../clienten/fields.tsx';
import { mutate } from '../clienten/mutate.ts';

/** The fields of a location the beheerder keeps up to date, as typed. */
interface LocationForm {
  name: string;
  address: string;
  postalCode: string;
  city: string;
  accessibility: string;
  confidential: boolean;
}

type LocationErrors = Partial<Record<keyof LocationForm, string>>;

const EMPTY: LocationForm = { name: '', address: '', postalCode: '', city: '', accessibility: '', confidential: false };

const formOf = (l: BeheerLocationFragment): LocationForm => ({
  name: l.name,
  address: l.address ?? '',
  postalCode: l.postalCode ?? '',
  city: l.city ?? '',
  accessibility: l.accessibility ?? '',
  confidential: l.confidential,
});

/** Checks in the browser what can be checked before sending. */
export function checkLocation(form: LocationForm): LocationErrors {
  const errors: LocationErrors = {};
  if (!form.name.trim()) errors.name = 'Vul de naam van de locatie in.';
  if (form.postalCode.trim() && !/^[1-9]\d{3} ?[A-Za-z]{2}$/.test(form.postalCode.trim())) errors.postalCode = 'Vul de postcode in als 1234 AB.';
  return errors;
}

const inputOf = (form: LocationForm) => ({
  name: form.name.trim(),
  address: form.address.trim() || null,
  postalCode: form.postalCode.trim().toUpperCase() || null,
  city: form.city.trim() || null,
  accessibility: form.accessibility.trim() || null,
  confidential: form.confidential,
});

const FIELD_OF_INPUT: Record<string, keyof LocationForm> = {
  'input.name': 'name',
  'input.location.name': 'name',
  'input.postalCode': 'postalCode',
  'input.location.postalCode': 'postalCode',
  'input.address': 'address',
  'input.location.address': 'address',
  'input.city': 'city',
  'input.location.city': 'city',
};

/** The form of one location, new or existing; the hub's answer goes to `onSaved`. */
function LocationEditor({
  location,
  onSaved,
  onCancel,
  onReload,
}: {
  location: BeheerLocationFragment | null;
  onSaved: (saved: BeheerLocationFragment) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const id = useId();
  const [form, setForm] = useState<LocationForm>(location ? formOf(location) : EMPTY);
  const [errors, setErrors] = useState<LocationErrors>({});
  const [failure, setFailure] = useState<DutchError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof LocationForm) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  // The button that opened the form is gone: the focus goes to the form's first field.
  useEffect(() => {
    document.getElementById(`${id}-form`)?.querySelector('input')?.focus();
  }, [id]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const found = checkLocation(form);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const answer = location
      ? await mutate(BeheerUpdateLocationDocument, { input: { id: location.id, expectedVersion: location.version, location: inputOf(form) } }).then((r) => ({
          ...r,
          saved: r.data?.updateLocation.location,
        }))
      : await mutate(BeheerCreateLocationDocument, { input: inputOf(form) }).then((r) => ({ ...r, saved: r.data?.createLocation.location }));
    setBusy(false);
    const saved = answer.saved;
    if (!saved) {
      setFailure(answer.error);
      setErrors(Object.fromEntries(answer.badFields.flatMap((path) => (FIELD_OF_INPUT[path] ? [[FIELD_OF_INPUT[path], 'Controleer dit veld.']] : []))));
      return;
    }
    onSaved(saved);
  }

  return (
    <form id={`${id}-form`} onSubmit={(event) => void onSubmit(event)} noValidate className="hub-form">
      <Fieldset className="hub-form-section">
        <FieldsetLegend>{location ? `${location.name} wijzigen` : 'Nieuwe locatie'}</FieldsetLegend>
        <TextField label="Naam" value={form.name} onChange={set('name')} error={errors.name} required />
        <TextField label="Straat en huisnummer (niet verplicht)" value={form.address} onChange={set('address')} error={errors.address} />
        <TextField
          label="Postcode (niet verplicht)"
          description="Bijvoorbeeld: 1011 AB."
          value={form.postalCode}
          onChange={set('postalCode')}
          error={errors.postalCode}
        />
        <TextField label="Plaats (niet verplicht)" value={form.city} onChange={set('city')} error={errors.city} />
        <TextField
          label="Toegankelijkheid (niet verplicht)"
          description="Bijvoorbeeld: drempel bij de ingang, lift, ringleiding."
          value={form.accessibility}
          onChange={set('accessibility')}
        />
        <FormField
          type="checkbox"
          label={
            <FormLabel htmlFor={`${id}-confidential`} type="checkbox">
              Vertrouwelijk adres (bijvoorbeeld een opvang): alleen professionals die zijn ingelogd zien het
            </FormLabel>
          }
          input={
            <Checkbox id={`${id}-confidential`} checked={form.confidential} onChange={(e) => setForm((f) => ({ ...f, confidential: e.target.checked }))} />
          }
        />
        {failure && (
          <>
            <ErrorAlert error={failure} headingLevel={4} />
            {failure.code === 'CONFLICT' && (
              <ButtonGroup>
                <Button appearance="primary-action-button" onClick={onReload}>
                  Opnieuw laden
                </Button>
              </ButtonGroup>
            )}
          </>
        )}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" disabled={busy}>
            {location ? 'Wijziging opslaan' : 'Locatie toevoegen'}
          </Button>
          <Button appearance="secondary-action-button" onClick={onCancel}>
            Annuleren
          </Button>
        </ButtonGroup>
      </Fieldset>
    </form>
  );
}

/** The own organisation's locations: each one can be changed, and a new one added. */
export function LocationList({ locations, onReload }: { locations: readonly BeheerLocationFragment[]; onReload: () => void }) {
  /** Locations as the hub answered this page's own changes, over the list as loaded. */
  const [changed, setChanged] = useState<Record<string, BeheerLocationFragment>>({});
  const [added, setAdded] = useState<BeheerLocationFragment[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const [done, setDone] = useState<string | undefined>(undefined);
  const known = new Set(locations.map((l) => l.id));
  const shown = [...locations.map((l) => changed[l.id] ?? l), ...added.filter((l) => !known.has(l.id))];

  // After saving, the form is gone: the focus goes to the message that says what happened.
  useEffect(() => {
    if (done) document.getElementById('hub-location-done')?.focus();
  }, [done]);

  const reload = () => {
    setChanged({});
    setAdded([]);
    setEditing(null);
    setDone('De nieuwste gegevens zijn geladen. Kijk of uw wijziging nog nodig is en voer hem dan opnieuw in.');
    onReload();
  };

  return (
    <>
      {done && (
        <Alert type="ok" role="status" className="hub-alert">
          <Paragraph id="hub-location-done" tabIndex={-1}>
            {done}
          </Paragraph>
        </Alert>
      )}
      {shown.length === 0 && <Paragraph>Uw organisatie heeft nog geen locaties in de sociale kaart.</Paragraph>}
      <ul className="hub-beheer__locations">
        {shown.map((location) => {
          const headingId = `hub-location-${location.id}`;
          return (
            <li key={location.id}>
              <section aria-labelledby={headingId}>
                <Heading3 id={headingId}>{location.name}</Heading3>
                <Paragraph>
                  {[location.address, [location.postalCode, location.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || 'Geen adres bekend'}
                  {location.accessibility && (
                    <>
                      <br />
                      Toegankelijkheid: {location.accessibility}
                    </>
                  )}
                  {location.confidential && (
                    <>
                      <br />
                      <span className="hub-tag hub-tag--bad">Vertrouwelijk adres: niet doorgeven</span>
                    </>
                  )}
                </Paragraph>
                {editing === location.id ? (
                  <LocationEditor
                    location={location}
                    onSaved={(saved) => {
                      setChanged((c) => ({ ...c, [saved.id]: saved }));
                      setEditing(null);
                      setDone(`De wijziging van ${saved.name} is opgeslagen.`);
                    }}
                    onCancel={() => setEditing(null)}
                    onReload={reload}
                  />
                ) : (
                  <ButtonGroup>
                    <Button
                      appearance="secondary-action-button"
                      onClick={() => {
                        setDone(undefined);
                        setEditing(location.id);
                      }}
                    >
                      {`${location.name} wijzigen`}
                    </Button>
                  </ButtonGroup>
                )}
              </section>
            </li>
          );
        })}
      </ul>
      {editing === 'new' ? (
        <LocationEditor
          location={null}
          onSaved={(saved) => {
            setAdded((a) => [...a, saved]);
            setEditing(null);
            setDone(`De locatie ${saved.name} is toegevoegd.`);
          }}
          onCancel={() => setEditing(null)}
          onReload={reload}
        />
      ) : (
        <ButtonGroup>
          <Button
            appearance="secondary-action-button"
            onClick={() => {
              setDone(undefined);
              setEditing('new');
            }}
          >
            Locatie toevoegen
          </Button>
        </ButtonGroup>
      )}
    </>
  );
}
