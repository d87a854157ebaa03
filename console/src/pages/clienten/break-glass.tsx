import { Alert, Button, ButtonGroup, Heading, Heading2, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useState } from 'react';
import type { DutchError } from '../../errors.ts';
import { BreakGlassSettingsDocument, OpenBreakGlassDocument } from '../../generated/graphql.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { TextareaField } from './fields.tsx';
import { formatDateTime } from './labels.ts';
import { mutate } from './mutate.ts';

/**
 * Break-glass ("noodtoegang"): in acute danger a care professional opens a client's data without consent, for the
 * organisation's fixed duration. The openings of this tab are kept in memory only (client id → end), so the page can
 * show the banner until the end; a reload signs out anyway.
 */
const openings = new Map<string, number>();

export function activeBreakGlass(clientId: string): number | undefined {
  const until = openings.get(clientId);
  if (until === undefined) return undefined;
  if (until <= Date.now()) {
    openings.delete(clientId);
    return undefined;
  }
  return until;
}

/** The banner while an opening lasts; at its end the page asks again (and is refused again). */
export function BreakGlassBanner({ until, onEnded }: { until: number; onEnded: () => void }) {
  useEffect(() => {
    const timer = setTimeout(onEnded, Math.max(0, Math.min(until - Date.now(), 2_000_000_000)));
    return () => clearTimeout(timer);
  }, [until, onEnded]);
  return (
    <Alert type="warning" role="status" className="hub-alert hub-break-glass-banner">
      <Heading level={2} appearance="utrecht-heading-4">
        Noodtoegang: u ziet deze gegevens zonder toestemming
      </Heading>
      <Paragraph>
        Tot {formatDateTime(new Date(until).toISOString())}. Gebruik alleen wat u nodig hebt om het acute gevaar af te wenden. Alles wat u bekijkt, wordt
        vastgelegd. De cliënt ziet het, en de privacy officer van uw organisatie controleert het.
      </Paragraph>
    </Alert>
  );
}

const MIN = 20;
const MAX = 1000;

export function BreakGlassPanel({ clientId, onOpened }: { clientId: string; onOpened: () => void }) {
  const settings = useQuery(BreakGlassSettingsDocument, {});
  const [step, setStep] = useState<'closed' | 'reason' | 'confirm'>('closed');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<DutchError | null>(null);
  const hours = settings.data?.breakGlassSettings.durationHours ?? 4;
  const enabled = settings.data?.breakGlassSettings.enabled;

  useEffect(() => {
    if (step === 'confirm') document.getElementById('break-glass-confirm')?.focus();
  }, [step]);

  function check(event: FormEvent) {
    event.preventDefault();
    const length = reason.trim().length;
    if (length < MIN) {
      setReasonError(`Beschrijf het acute gevaar in minstens ${MIN} tekens. U hebt er nu ${length}.`);
      return;
    }
    if (length > MAX) {
      setReasonError(`Gebruik hoogstens ${MAX} tekens. U hebt er nu ${length}.`);
      return;
    }
    setReasonError(undefined);
    setStep('confirm');
  }

  async function open() {
    setBusy(true);
    setFailure(null);
    const answer = await mutate(OpenBreakGlassDocument, { input: { clientId, reason: reason.trim() } });
    setBusy(false);
    const opened = answer.data?.openBreakGlass.breakGlass;
    if (answer.error || !opened) {
      if (answer.badFields.includes('input.reason')) {
        // The hub refuses a BSN in the reason (and never repeats the text): say so at the field.
        setReasonError('De reden mag geen BSN bevatten, en moet 20 tot 1000 tekens hebben. Haal het nummer weg en probeer het opnieuw.');
        setStep('reason');
      } else setFailure(answer.error);
      return;
    }
    openings.set(clientId, Date.parse(opened.expiresAt));
    setReason('');
    setStep('closed');
    onOpened();
  }

  return (
    <section aria-labelledby="break-glass" className="hub-card">
      <Heading2 id="break-glass">Noodtoegang</Heading2>
      <Paragraph>
        Is er acuut gevaar voor deze cliënt, en hebt u de gegevens nu nodig om te helpen? Dan kunt u noodtoegang openen. U ziet dan alle gegevens van de cliënt,
        zonder toestemming, voor {hours} {hours === 1 ? 'uur' : 'uur'}. Dat wordt vastgelegd. De cliënt ziet het, en de privacy officer van uw organisatie
        controleert achteraf of het terecht was.
      </Paragraph>
      {settings.error && <ErrorAlert error={settings.error} headingLevel={3} />}
      {failure && <ErrorAlert error={failure} headingLevel={3} />}
      {enabled === false && <Paragraph>Uw organisatie heeft noodtoegang niet aangezet. Vraag uw privacy officer om hulp.</Paragraph>}
      {enabled && step === 'closed' && (
        <Paragraph>
          <Button appearance="secondary-action-button" onClick={() => setStep('reason')}>
            Noodtoegang aanvragen
          </Button>
        </Paragraph>
      )}
      {enabled && step !== 'closed' && (
        <form className="hub-form" noValidate onSubmit={check}>
          <TextareaField
            label="Wat is het acute gevaar?"
            description={`Schrijf op waarom u de gegevens nu nodig hebt, in ${MIN} tot ${MAX} tekens. Zet er geen BSN in.`}
            value={reason}
            error={reasonError}
            onChange={(value) => {
              setReason(value);
              if (step === 'confirm') setStep('reason');
            }}
            required
          />
          <Paragraph>
            <strong>Hoe lang:</strong> {hours} uur, vanaf het moment dat u bevestigt. Dat is vast ingesteld door uw organisatie.
          </Paragraph>
          {step === 'confirm' ? (
            <Alert type="warning" className="hub-alert">
              <Heading level={3} appearance="utrecht-heading-4" id="break-glass-confirm" tabIndex={-1}>
                Weet u zeker dat u noodtoegang wilt openen?
              </Heading>
              <Paragraph>
                U ziet dan {hours} uur lang alle gegevens van deze cliënt, zonder toestemming. Uw naam, uw reden en alles wat u bekijkt, worden vastgelegd.
              </Paragraph>
              <ButtonGroup>
                <Button appearance="primary-action-button" busy={busy} disabled={busy} onClick={() => void open()}>
                  Ja, noodtoegang openen
                </Button>
                <Button
                  appearance="secondary-action-button"
                  disabled={busy}
                  onClick={() => {
                    setStep('closed');
                    setReason('');
                  }}
                >
                  Annuleren
                </Button>
              </ButtonGroup>
            </Alert>
          ) : (
            <ButtonGroup>
              <Button type="submit" appearance="primary-action-button">
                Verder
              </Button>
              <Button appearance="secondary-action-button" onClick={() => setStep('closed')}>
                Annuleren
              </Button>
            </ButtonGroup>
          )}
        </form>
      )}
    </section>
  );
}
