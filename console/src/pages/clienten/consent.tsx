import { Button, ButtonGroup, Heading1, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import type { DutchError } from '../../errors.ts';
import {
  type ConsentCategory,
  ConsentClientDocument,
  type ConsentPurpose,
  type ConsentRecording,
  ConsentReceiversDocument,
  type OrganizationType,
  RecordConsentDocument,
} from '../../generated/graphql.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { navigate } from '../../router.tsx';
import { AppLink } from '../../router.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import type { PageProps } from '../registry.ts';
import { ChoiceGroup, SelectField, TextField } from './fields.tsx';
import { CATEGORY_EXPLANATIONS, CONSENT_RECORDING_LABELS, fullName, PURPOSE_EXPLANATIONS } from './labels.ts';
import { mutate, setFlash } from './mutate.ts';

const RECEIVER_TYPES: { value: OrganizationType; label: string }[] = [
  { value: 'ZORGKANTOOR', label: 'Een zorgkantoor (Wlz)' },
  { value: 'GEMEENTE', label: 'Een gemeente (Wmo)' },
  { value: 'OCO', label: 'Een organisatie voor onafhankelijke cliëntondersteuning' },
  { value: 'ZORGAANBIEDER', label: 'Een zorgaanbieder' },
  { value: 'WELZIJN', label: 'Een welzijnsorganisatie' },
];

interface Errors {
  receiver?: string;
  categories?: string;
  representative?: string;
  validUntil?: string;
}

export function RecordConsentPage({ params }: PageProps) {
  const clientId = params.id ?? '';
  const client = useQuery(ConsentClientDocument, { id: clientId });
  const [receiverType, setReceiverType] = useState<OrganizationType>('ZORGKANTOOR');
  const receivers = useQuery(ConsentReceiversDocument, { type: receiverType });
  const [receiverId, setReceiverId] = useState('');
  const [categories, setCategories] = useState<string[]>([]);
  const [purpose, setPurpose] = useState<ConsentPurpose>('INTEGRATED_SUPPORT');
  const [givenBy, setGivenBy] = useState<'CLIENT' | string>('CLIENT');
  const [recordedHow, setRecordedHow] = useState<ConsentRecording>('WRITTEN');
  const [validUntil, setValidUntil] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<DutchError | null>(null);
  const [busy, setBusy] = useState(false);

  const name = fullName(client.data?.client?.name) ?? 'de cliënt';
  const representatives = (client.data?.client?.network ?? []).filter((m) => m.mayActForClient);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const found: Errors = {};
    if (!receiverId) found.receiver = 'Kies de organisatie die de gegevens mag zien.';
    if (categories.length === 0) found.categories = 'Kies minstens één soort gegevens.';
    if (validUntil && validUntil <= new Date().toISOString().slice(0, 10)) found.validUntil = 'Kies een datum na vandaag, of laat het veld leeg.';
    setErrors(found);
    if (Object.keys(found).length > 0) {
      document.getElementById('hub-form-errors')?.focus();
      return;
    }
    setBusy(true);
    const result = await mutate(RecordConsentDocument, {
      input: {
        clientId,
        receivingOrganizationId: receiverId,
        categories: categories as ConsentCategory[],
        purpose,
        givenBy: givenBy === 'CLIENT' ? 'CLIENT' : 'REPRESENTATIVE',
        ...(givenBy === 'CLIENT' ? {} : { representativeId: givenBy }),
        recordedHow,
        ...(validUntil ? { validUntil: new Date(`${validUntil}T00:00:00`).toISOString() } : {}),
      },
    });
    setBusy(false);
    if (result.error || !result.data) {
      setFailure(result.error);
      return;
    }
    const receiver = receivers.data?.organizations.nodes.find((o) => o.id === receiverId)?.name ?? 'de organisatie';
    setFlash(`De toestemming is vastgelegd. ${receiver} kan de gekozen gegevens nu zien.`);
    navigate(`/clienten/${clientId}`);
  }

  const errorList = Object.values(errors).filter(Boolean);
  return (
    <div className="hub-flow">
      <Heading1 tabIndex={-1}>Toestemming vastleggen</Heading1>
      <Paragraph appearance="lead">
        Leg vast welke gegevens {name} deelt, met wie en waarvoor. Vraag de toestemming altijd eerst aan de cliënt zelf, of aan iemand die namens de cliënt mag
        beslissen.
      </Paragraph>
      <Paragraph>
        <AppLink href={`/clienten/${clientId}`}>Terug naar de cliënt</AppLink>
      </Paragraph>
      {client.error && <ErrorAlert error={client.error} />}
      <FormErrors messages={errorList} />
      {failure && <ErrorAlert error={failure} />}
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="hub-form">
        <ChoiceGroup
          legend="Met wat voor organisatie deelt de cliënt gegevens?"
          choices={RECEIVER_TYPES}
          multiple={false}
          selected={[receiverType]}
          onChange={([type]) => {
            setReceiverType((type as OrganizationType | undefined) ?? 'ZORGKANTOOR');
            setReceiverId('');
          }}
        />
        <SelectField
          label="Met welke organisatie?"
          value={receiverId}
          onChange={setReceiverId}
          error={errors.receiver}
          options={[
            { value: '', label: receivers.loading ? 'Even geduld…' : 'Kies een organisatie' },
            ...(receivers.data?.organizations.nodes ?? []).map((o) => ({ value: o.id, label: o.name })),
          ]}
        />
        <ChoiceGroup
          legend="Welke gegevens mag de organisatie zien?"
          description="Kies alleen wat de organisatie echt nodig heeft."
          error={errors.categories}
          choices={Object.entries(CATEGORY_EXPLANATIONS).map(([value, c]) => ({ value, label: c.name, description: c.holds }))}
          multiple
          selected={categories}
          onChange={setCategories}
        />
        <ChoiceGroup
          legend="Waarvoor mag de organisatie de gegevens gebruiken?"
          description="De gegevens mogen alleen voor dit doel gebruikt worden."
          choices={Object.entries(PURPOSE_EXPLANATIONS).map(([value, p]) => ({ value, label: p.name, description: p.means }))}
          multiple={false}
          selected={[purpose]}
          onChange={([p]) => setPurpose((p as ConsentPurpose | undefined) ?? 'INTEGRATED_SUPPORT')}
        />
        <TextField
          label="Geldig tot (niet verplicht)"
          description="Laat leeg als de toestemming geldt tot de cliënt hem intrekt."
          type="date"
          value={validUntil}
          onChange={setValidUntil}
          error={errors.validUntil}
        />
        <ChoiceGroup
          legend="Wie gaf de toestemming?"
          choices={[
            { value: 'CLIENT', label: 'De cliënt zelf' },
            ...representatives.map((m) => ({ value: m.id, label: `${m.name}, die namens de cliënt mag beslissen` })),
          ]}
          multiple={false}
          selected={[givenBy]}
          onChange={([g]) => setGivenBy(g ?? 'CLIENT')}
        />
        <ChoiceGroup
          legend="Hoe is de toestemming gegeven?"
          choices={Object.entries(CONSENT_RECORDING_LABELS).map(([value, text]) => ({ value, label: text }))}
          multiple={false}
          selected={[recordedHow]}
          onChange={([r]) => setRecordedHow((r as ConsentRecording | undefined) ?? 'WRITTEN')}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            Toestemming vastleggen
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}
