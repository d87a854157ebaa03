import { Alert, Button, ButtonGroup, Fieldset, FieldsetLegend, Heading1, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useSession } from '../../auth/session.ts';
import { GemeentenDocument, type LegalDomain, OpenTrajectoryDocument, RegisterClientDocument } from '../../generated/graphql.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { LEGAL_DOMAIN_LABELS } from '../../labels.ts';
import { AppLink, navigate } from '../../router.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { SelectField, TextareaField, TextField } from './fields.tsx';
import { CONTACT_CHANNEL_LABELS, JOURNEY_PHASE_LABELS } from './labels.ts';
import { type MutationResult, mutate, setFlash } from './mutate.ts';
import { checkRegistration, EMPTY_REGISTRATION, type RegistrationErrors, type RegistrationForm } from './register-check.ts';

/** The legal domains a new trajectory is usually in, most common first. */
const DOMAINS: LegalDomain[] = ['WMO_MAATWERKVOORZIENING', 'WMO_ALGEMENE_VOORZIENING', 'WLZ', 'JEUGDWET', 'PARTICIPATIEWET', 'ZVW', 'FREELY_ACCESSIBLE'];

const FIELD_OF_INPUT: Record<string, keyof RegistrationForm> = {
  'input.bsn': 'bsn',
  'input.name.givenName': 'givenName',
  'input.name.familyName': 'familyName',
  'input.dateOfBirth': 'dateOfBirth',
  'input.gemeenteCode': 'gemeenteCode',
  'input.contact.email': 'email',
  'input.contact.phone': 'phone',
  'input.hulpvraag': 'hulpvraag',
};

export function RegisterClientPage() {
  const session = useSession();
  const gemeenten = useQuery(GemeentenDocument, {});
  const [form, setForm] = useState<RegistrationForm>({ ...EMPTY_REGISTRATION, gemeenteCode: session?.user.gemeenteCode ?? '' });
  const [errors, setErrors] = useState<RegistrationErrors>({});
  const [failure, setFailure] = useState<MutationResult<unknown>['error']>(null);
  const [known, setKnown] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof RegistrationForm) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setKnown(false);
    const found = checkRegistration(form, new Date().toISOString().slice(0, 10));
    setErrors(found);
    if (Object.keys(found).length > 0) {
      document.getElementById('hub-form-errors')?.focus();
      return;
    }
    setBusy(true);
    const bsn = form.bsn.replace(/[\s.]/g, '');
    const registered = await mutate(RegisterClientDocument, {
      input: {
        ...(bsn ? { bsn } : {}),
        name: { givenName: form.givenName.trim(), namePrefix: form.namePrefix.trim() || null, familyName: form.familyName.trim() },
        dateOfBirth: form.dateOfBirth,
        gemeenteCode: form.gemeenteCode,
        contact: { phone: form.phone.trim() || null, email: form.email.trim() || null },
        ...(form.channel ? { preferredContactChannel: form.channel } : {}),
      },
    });
    const clientId = registered.data?.registerClient.client.id;
    if (!clientId) {
      setBusy(false);
      if (registered.error?.code === 'CONFLICT') setKnown(true);
      else setFailure(registered.error);
      setErrors(Object.fromEntries(registered.badFields.flatMap((path) => (FIELD_OF_INPUT[path] ? [[FIELD_OF_INPUT[path], 'Controleer dit veld.']] : []))));
      return;
    }
    const opened = await mutate(OpenTrajectoryDocument, {
      input: { clientId, legalDomain: form.legalDomain, journeyPhase: form.journeyPhase, hulpvraag: form.hulpvraag.trim() },
    });
    setBusy(false);
    // The BSN is not kept anywhere once it has been sent.
    setForm((f) => ({ ...f, bsn: '' }));
    setFlash(
      opened.error
        ? 'De cliënt is aangemeld, maar het traject is niet geopend. Open het traject opnieuw vanuit de cliënt.'
        : 'De cliënt is aangemeld en het traject is geopend.',
    );
    navigate(`/clienten/${clientId}`);
  }

  const errorList = Object.entries(errors);
  return (
    <div className="hub-flow">
      <Heading1 tabIndex={-1}>Nieuwe cliënt aanmelden</Heading1>
      <Paragraph appearance="lead">U meldt de cliënt aan in de hub en opent meteen een traject bij uw organisatie.</Paragraph>
      <Paragraph>
        <AppLink href="/clienten">Terug naar uw cliënten</AppLink>
      </Paragraph>
      {errorList.length > 0 && (
        <Alert type="error" className="hub-alert">
          <div id="hub-form-errors" tabIndex={-1} role="alert">
            <Paragraph>
              <strong>Niet alles is goed ingevuld.</strong> Er is nog niets verstuurd. Verbeter{' '}
              {errorList.length === 1 ? 'dit veld' : `deze ${errorList.length} velden`}:
            </Paragraph>
            <ul>
              {errorList.map(([key, message]) => (
                <li key={key}>{message}</li>
              ))}
            </ul>
          </div>
        </Alert>
      )}
      {known && (
        <Alert type="warning" role="alert" className="hub-alert">
          <Paragraph>
            <strong>Deze cliënt is al bekend in de hub.</strong> Er is niets nieuws aangemeld. Zoek de cliënt bij uw cliënten, of vraag de organisatie die de
            cliënt al helpt om toestemming om gegevens te delen.
          </Paragraph>
        </Alert>
      )}
      {failure && <ErrorAlert error={failure} />}
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="hub-form">
        <Fieldset className="hub-form-section">
          <FieldsetLegend>Wie is de cliënt?</FieldsetLegend>
          <TextField
            label="BSN (niet verplicht)"
            description="Het burgerservicenummer: 9 cijfers. U vindt het op het paspoort of de identiteitskaart. We controleren het nummer meteen."
            value={form.bsn}
            onChange={set('bsn')}
            error={errors.bsn}
            inputMode="numeric"
          />
          <TextField label="Voornaam" value={form.givenName} onChange={set('givenName')} error={errors.givenName} required />
          <TextField
            label="Tussenvoegsel (niet verplicht)"
            description="Bijvoorbeeld: van, de, van der."
            value={form.namePrefix}
            onChange={set('namePrefix')}
          />
          <TextField label="Achternaam" value={form.familyName} onChange={set('familyName')} error={errors.familyName} required />
          <TextField label="Geboortedatum" type="date" value={form.dateOfBirth} onChange={set('dateOfBirth')} error={errors.dateOfBirth} required />
          <SelectField
            label="Woongemeente"
            value={form.gemeenteCode}
            onChange={set('gemeenteCode')}
            error={errors.gemeenteCode ?? (gemeenten.error ? gemeenten.error.title : undefined)}
            options={[{ value: '', label: 'Kies een gemeente' }, ...(gemeenten.data?.gemeenten ?? []).map((g) => ({ value: g.code, label: g.name }))]}
          />
        </Fieldset>
        <Fieldset className="hub-form-section">
          <FieldsetLegend>Hoe bereikt u de cliënt?</FieldsetLegend>
          <TextField label="Telefoon (niet verplicht)" type="tel" value={form.phone} onChange={set('phone')} error={errors.phone} inputMode="tel" />
          <TextField label="E-mail (niet verplicht)" type="email" value={form.email} onChange={set('email')} error={errors.email} inputMode="email" />
          <SelectField
            label="Hoe wil de cliënt benaderd worden?"
            value={form.channel}
            onChange={set('channel')}
            options={[{ value: '', label: 'Weet ik nog niet' }, ...Object.entries(CONTACT_CHANNEL_LABELS).map(([value, text]) => ({ value, label: text }))]}
          />
        </Fieldset>
        <Fieldset className="hub-form-section">
          <FieldsetLegend>Het traject</FieldsetLegend>
          <SelectField
            label="Soort ondersteuning"
            description="Wmo: hulp van de gemeente om thuis te kunnen blijven wonen. Wlz: langdurige zorg voor wie altijd zorg in de buurt nodig heeft, via het zorgkantoor."
            value={form.legalDomain}
            onChange={set('legalDomain')}
            options={DOMAINS.map((d) => ({ value: d, label: LEGAL_DOMAIN_LABELS[d] ?? d }))}
          />
          <SelectField
            label="Fase"
            description="Een indicatie is het besluit dat iemand recht heeft op zorg."
            value={form.journeyPhase}
            onChange={set('journeyPhase')}
            options={Object.entries(JOURNEY_PHASE_LABELS).map(([value, text]) => ({ value, label: text }))}
          />
          <TextareaField
            label="Hulpvraag"
            description="Wat wil de cliënt bereiken? Schrijf het op in de woorden van de cliënt."
            value={form.hulpvraag}
            onChange={set('hulpvraag')}
            error={errors.hulpvraag}
            required
          />
        </Fieldset>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            Cliënt aanmelden
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}
