import { Alert, Button, ButtonGroup, Checkbox, FormLabel, Paragraph } from '@utrecht/component-library-react';
import { LEVERINGSVORM_CODES, ZORGPROFIELEN } from '@hub/domain/wlz-codes';
import { useId, useState } from 'react';
import type { DutchError } from '../../errors.ts';
import { type BeheerServiceFragment, BeheerUpdateWlzCareDocument, type Leveringsvorm } from '../../generated/graphql.ts';
import { label, LEVERINGSVORM_LABELS } from '../../labels.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { mutate } from '../clienten/mutate.ts';

const SECTORS: { sector: string; legend: string }[] = [
  { sector: 'VV', legend: 'Zorgprofielen ouderenzorg (VV)' },
  { sector: 'GZ', legend: 'Zorgprofielen gehandicaptenzorg (GZ)' },
  { sector: 'GGZ', legend: 'Zorgprofielen geestelijke gezondheidszorg (GGZ)' },
];

/** What the service says now, in one sentence. */
function currentText(service: BeheerServiceFragment): string {
  if (service.leveringsvormen.length === 0 && service.zorgprofielen.length === 0) return 'Nog geen Wlz-zorg opgegeven.';
  const forms = service.leveringsvormen.map((v) => label(LEVERINGSVORM_LABELS, v)).join(', ') || 'geen leveringsvorm';
  const profiles = service.zorgprofielen.map((z) => z.name).join(', ') || 'geen';
  return `Nu in de sociale kaart: ${forms}. Zorgprofielen: ${profiles}.`;
}

/**
 * The Wlz care a service delivers: leveringsvormen (iWlz COD578) and zorgprofielen (COD163), so a klantadviseur
 * finds it for a client's indicatie. Shown for Wlz services and for services that already have them.
 */
export function WlzCareForm({ service, onChanged }: { service: BeheerServiceFragment; onChanged: (service: BeheerServiceFragment) => void }) {
  const id = useId();
  const [forms, setForms] = useState<Leveringsvorm[]>(service.leveringsvormen);
  const [profiles, setProfiles] = useState<string[]>(service.zorgprofielen.map((z) => z.code));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<DutchError | null>(null);
  const [done, setDone] = useState<string | undefined>(undefined);
  const relevant = service.legalDomains.includes('WLZ') || service.leveringsvormen.length > 0 || service.zorgprofielen.length > 0;
  if (!relevant) return null;

  const toggle = <T extends string>(values: T[], value: T): T[] => (values.includes(value) ? values.filter((v) => v !== value) : [...values, value]);

  async function save() {
    setBusy(true);
    setFailure(null);
    setDone(undefined);
    const answer = await mutate(BeheerUpdateWlzCareDocument, {
      input: { id: service.id, expectedVersion: service.version, service: { leveringsvormen: forms, zorgprofielen: profiles } },
    });
    setBusy(false);
    const next = answer.data?.updateService.service;
    if (!next) {
      setFailure(answer.error);
      return;
    }
    onChanged(next);
    setDone('Opgeslagen. De Wlz-zorg staat nu zo in de sociale kaart.');
  }

  return (
    <details className="hub-facet hub-wlz-care">
      <summary className="hub-facet__summary">Wlz-zorg: leveringsvormen en zorgprofielen</summary>
      <Paragraph>{currentText(service)}</Paragraph>
      <fieldset className="hub-facet__fieldset">
        <legend>Leveringsvormen</legend>
        {LEVERINGSVORM_CODES.map((l) => (
          <div key={l.value} className="hub-facet__option">
            <Checkbox id={`${id}-lv-${l.value}`} checked={forms.includes(l.value)} onChange={() => setForms((f) => toggle(f, l.value))} />
            <FormLabel htmlFor={`${id}-lv-${l.value}`} type="checkbox">
              {l.label}
            </FormLabel>
          </div>
        ))}
      </fieldset>
      {SECTORS.map(({ sector, legend }) => (
        <fieldset key={sector} className="hub-facet__fieldset">
          <legend>{legend}</legend>
          {ZORGPROFIELEN.filter((z) => z.sector === sector && (!z.expired || profiles.includes(z.code))).map((z) => (
            <div key={z.code} className="hub-facet__option">
              <Checkbox id={`${id}-zp-${z.code}`} checked={profiles.includes(z.code)} onChange={() => setProfiles((p) => toggle(p, z.code))} />
              <FormLabel htmlFor={`${id}-zp-${z.code}`} type="checkbox">
                {`${z.name} – ${z.label}`}
              </FormLabel>
            </div>
          ))}
        </fieldset>
      ))}
      <ButtonGroup>
        <Button appearance="secondary-action-button" disabled={busy} onClick={() => void save()}>
          Wlz-zorg opslaan
        </Button>
      </ButtonGroup>
      {failure && <ErrorAlert error={failure} headingLevel={4} />}
      {done && (
        <Alert type="ok" role="status" className="hub-alert">
          <Paragraph>{done}</Paragraph>
        </Alert>
      )}
    </details>
  );
}
