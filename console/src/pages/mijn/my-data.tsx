import { Alert, Button, ButtonGroup, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import type { DutchError } from '../../errors.ts';
import { MyCorrectionTargetsDocument, MyDataExportDocument, MyRequestCorrectionDocument } from '../../generated/graphql.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { LEGAL_DOMAIN_LABELS, label } from '../../labels.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { SelectField, TextareaField } from '../clienten/fields.tsx';
import { mutate } from '../clienten/mutate.ts';
import { MijnParts, NothingKnown } from './shared.tsx';

/** Saves text as a file from memory (a Blob on this origin): the data never goes through a URL another host sees. */
function saveFile(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function Download() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<DutchError | null>(null);
  const [done, setDone] = useState(false);
  async function download() {
    setBusy(true);
    setFailure(null);
    setDone(false);
    const answer = await mutate(MyDataExportDocument, {});
    setBusy(false);
    const copy = answer.data?.myDataExport;
    if (answer.error || !copy) {
      setFailure(answer.error);
      return;
    }
    saveFile(copy.json, copy.fileName);
    setDone(true);
  }
  return (
    <section aria-labelledby="my-data-download">
      <Heading2 id="my-data-download">Alles downloaden</Heading2>
      <Paragraph>
        U hebt recht op een kopie van alle gegevens die de hub over u heeft (AVG, artikel 15). U krijgt één bestand (JSON) met uw gegevens, uw trajecten,
        contactmomenten, toestemmingen, noodtoegang, uw verzoeken en het overzicht van wie uw gegevens bekeek. Uw BSN staat er niet in.
      </Paragraph>
      {failure && <ErrorAlert error={failure} headingLevel={3} />}
      {done && (
        <Alert type="ok" role="status" className="hub-alert">
          <Paragraph>Uw gegevens zijn gedownload. Bewaar het bestand goed: er staan persoonlijke gegevens in.</Paragraph>
        </Alert>
      )}
      <Paragraph>
        <Button appearance="primary-action-button" busy={busy} disabled={busy} onClick={() => void download()}>
          {busy ? 'Bezig met downloaden…' : 'Mijn gegevens downloaden'}
        </Button>
      </Paragraph>
    </section>
  );
}

function Correction() {
  const targets = useQuery(MyCorrectionTargetsDocument, {});
  const trajectories = targets.data?.mySupport?.trajectories.nodes ?? [];
  const organizations = new Map<string, string>();
  for (const t of trajectories) organizations.set(t.organization.id, t.organization.name);
  const [organization, setOrganization] = useState('');
  const [trajectory, setTrajectory] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<DutchError | null>(null);
  const [sent, setSent] = useState<string | undefined>(undefined);
  const chosen = organization || [...organizations.keys()][0] || '';

  async function send(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const text = description.trim();
    if (text.length < 5) found.description = 'Schrijf op wat er niet klopt en wat het moet zijn (minstens 5 tekens).';
    if (text.length > 2000) found.description = 'Dit is te lang. Gebruik hoogstens 2000 tekens.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(null);
    const answer = await mutate(MyRequestCorrectionDocument, { input: { organizationId: chosen, trajectoryId: trajectory || null, description: text } });
    setBusy(false);
    if (answer.error) {
      if (answer.badFields.includes('input.description'))
        setErrors({ description: 'Dit kan zo niet worden verstuurd. Zet er geen BSN in, en gebruik 5 tot 2000 tekens.' });
      else setFailure(answer.error);
      return;
    }
    setDescription('');
    setSent(`Uw verzoek is verstuurd naar ${organizations.get(chosen) ?? 'de organisatie'}. Zij nemen contact met u op.`);
    document.getElementById('correction-sent')?.focus();
  }

  return (
    <section aria-labelledby="my-data-correct">
      <Heading2 id="my-data-correct">Iets laten verbeteren</Heading2>
      <Paragraph>
        Klopt er iets niet in uw gegevens? Dan mag u vragen om het te verbeteren (AVG, artikel 16). Uw verzoek gaat naar de organisatie die de gegevens heeft.
      </Paragraph>
      {sent && (
        <Alert type="ok" role="status" className="hub-alert">
          <Paragraph id="correction-sent" tabIndex={-1}>
            {sent}
          </Paragraph>
        </Alert>
      )}
      {failure && <ErrorAlert error={failure} headingLevel={3} />}
      {targets.data && !targets.data.mySupport && <NothingKnown />}
      {organizations.size > 0 && (
        <form className="hub-form" noValidate onSubmit={(event) => void send(event)}>
          <SelectField
            label="Welke organisatie moet het verbeteren?"
            value={chosen}
            onChange={(value) => {
              setOrganization(value);
              setTrajectory('');
            }}
            options={[...organizations].map(([value, name]) => ({ value, label: name }))}
          />
          <SelectField
            label="Over welke ondersteuning gaat het? (niet verplicht)"
            value={trajectory}
            onChange={setTrajectory}
            options={[
              { value: '', label: 'Over iets anders, of over alles' },
              ...trajectories.filter((t) => t.organization.id === chosen).map((t) => ({ value: t.id, label: label(LEGAL_DOMAIN_LABELS, t.legalDomain) })),
            ]}
          />
          <TextareaField
            label="Wat klopt er niet, en wat moet het zijn?"
            description="Schrijf het in uw eigen woorden. Zet er geen BSN in."
            value={description}
            error={errors.description}
            onChange={setDescription}
          />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
              Verzoek versturen
            </Button>
          </ButtonGroup>
        </form>
      )}
    </section>
  );
}

export function MyDataPage() {
  return (
    <div className="hub-flow">
      <Heading1 tabIndex={-1}>Mijn gegevens</Heading1>
      <MijnParts current="/mijn/gegevens" />
      <Download />
      <Correction />
    </div>
  );
}
