import { Alert, Button, ButtonGroup, Heading, Heading1, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useState } from 'react';
import type { DutchError } from '../../errors.ts';
import {
  type MyConsentLineFragment,
  MyChangeConsentPeriodDocument,
  MyConsentReceiversDocument,
  MyConsentsDocument,
  MyGiveConsentDocument,
  MyRevokeConsentDocument,
  type OrganizationType,
} from '../../generated/graphql.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { formatDate, label, ORGANIZATION_TYPE_LABELS } from '../../labels.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { CATEGORY_EXPLANATIONS, CONSENT_STATUS_LABELS, PURPOSE_EXPLANATIONS } from '../clienten/labels.ts';
import { ChoiceGroup, SelectField, TextField } from '../clienten/fields.tsx';
import { mutate } from '../clienten/mutate.ts';
import { nextDay, startOfDayInNl } from '../privacy/overview.ts';
import { todayInNl } from '../warme-overdracht/labels.ts';
import { MijnParts, MY_CATEGORY_LABELS, myCategories, NothingKnown } from './shared.tsx';

type Consent = MyConsentLineFragment;

const categoryNames = myCategories;
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function receiverOf(consent: Consent): string {
  if (consent.receivingOrganization) return consent.receivingOrganization.name;
  const type = consent.receivingOrganizationType ? label(ORGANIZATION_TYPE_LABELS, consent.receivingOrganizationType) : 'organisatie';
  return `elke ${type} in ${consent.receivingRegionCode ?? 'de regio'}`;
}

/** The last day a consent counts (validUntil is exclusive), as a date in words. */
const lastDay = (validUntil: string) => formatDate(new Date(new Date(validUntil).getTime() - 1).toISOString());

function periodText(consent: Consent): string {
  const from = `vanaf ${formatDate(consent.validFrom)}`;
  return consent.validUntil ? `${from} tot en met ${lastDay(consent.validUntil)}` : `${from}, zonder einddatum`;
}

/** A chosen last day (YYYY-MM-DD) as the exclusive end the API takes: the start of the next day in the Netherlands. */
const endAfter = (day: string) => startOfDayInNl(nextDay(day));

type Pending = { kind: 'revoke'; consent: Consent } | { kind: 'period'; consent: Consent; until: string; confirming: boolean };

function ConsentCard({
  consent,
  pending,
  busy,
  onPending,
  onConfirm,
}: {
  consent: Consent;
  pending: Pending | null;
  busy: boolean;
  onPending: (pending: Pending | null) => void;
  onConfirm: () => void;
}) {
  const [untilError, setUntilError] = useState<string | undefined>(undefined);
  const mine = pending?.consent.id === consent.id ? pending : null;
  const changeable = consent.status === 'ACTIVE' || consent.status === 'PENDING';
  const headingId = `consent-${consent.id}`;
  const receiver = receiverOf(consent);
  return (
    <section className="hub-card" aria-labelledby={headingId}>
      <Heading3 id={headingId}>
        {consent.sharingOrganization.name} deelt met {receiver}
      </Heading3>
      <Paragraph>
        <strong>Wat:</strong> {categoryNames(consent.categories)}.
      </Paragraph>
      <Paragraph>
        <strong>Waarvoor:</strong> {PURPOSE_EXPLANATIONS[consent.purpose]?.name ?? consent.purpose}.{' '}
        <span className="hub-muted">{PURPOSE_EXPLANATIONS[consent.purpose]?.means}</span>
      </Paragraph>
      <Paragraph>
        <strong>Hoe lang:</strong> {periodText(consent)}.
      </Paragraph>
      <Paragraph>
        <strong>Status:</strong> {label(CONSENT_STATUS_LABELS, consent.status)}
        {consent.revokedAt ? ` (ingetrokken op ${formatDate(consent.revokedAt)})` : ''}.
      </Paragraph>
      {changeable && !mine && (
        <ButtonGroup>
          <Button appearance="secondary-action-button" disabled={busy} onClick={() => onPending({ kind: 'period', consent, until: '', confirming: false })}>
            Periode wijzigen<span className="hub-visually-hidden"> van toestemming voor {receiver}</span>
          </Button>
          <Button appearance="secondary-action-button" disabled={busy} onClick={() => onPending({ kind: 'revoke', consent })}>
            Intrekken<span className="hub-visually-hidden"> van toestemming voor {receiver}</span>
          </Button>
        </ButtonGroup>
      )}
      {mine?.kind === 'revoke' && (
        <Alert type="warning" className="hub-alert">
          <Heading level={3} appearance="utrecht-heading-4" id={`${headingId}-confirm`} tabIndex={-1}>
            Weet u het zeker?
          </Heading>
          <Paragraph>
            Als u intrekt, mag {receiver} vanaf nu niet meer zien: {categoryNames(consent.categories)} van {consent.sharingOrganization.name}. Dat geldt meteen.
            Wat zij al eerder zagen, blijft in het overzicht van wie uw gegevens bekeek.
          </Paragraph>
          <ButtonGroup>
            <Button appearance="primary-action-button" busy={busy} disabled={busy} onClick={onConfirm}>
              Ja, intrekken
            </Button>
            <Button appearance="secondary-action-button" disabled={busy} onClick={() => onPending(null)}>
              Nee, niet intrekken
            </Button>
          </ButtonGroup>
        </Alert>
      )}
      {mine?.kind === 'period' && (
        <form
          className="hub-form"
          noValidate
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            if (mine.until && mine.until <= todayInNl()) {
              setUntilError('Kies een datum na vandaag. Of laat het veld leeg voor een toestemming zonder einddatum.');
              return;
            }
            setUntilError(undefined);
            onPending({ ...mine, confirming: true });
          }}
        >
          <TextField
            label="Tot en met welke dag geldt de toestemming?"
            description="Laat leeg als de toestemming geen einddatum heeft. U kunt haar altijd intrekken."
            type="date"
            value={mine.until}
            error={untilError}
            onChange={(until) => onPending({ ...mine, until, confirming: false })}
          />
          {mine.confirming ? (
            <Alert type="info" className="hub-alert">
              <Heading level={3} appearance="utrecht-heading-4" id={`${headingId}-confirm`} tabIndex={-1}>
                Controleer de nieuwe periode
              </Heading>
              <Paragraph>
                {receiver} mag dan {categoryNames(consent.categories)} van {consent.sharingOrganization.name} zien{' '}
                {mine.until ? `tot en met ${formatDate(mine.until)}` : 'zonder einddatum, tot u de toestemming intrekt'}. De oude toestemming stopt en een
                nieuwe met deze periode komt ervoor in de plaats.
              </Paragraph>
              <ButtonGroup>
                <Button appearance="primary-action-button" busy={busy} disabled={busy} onClick={onConfirm}>
                  Ja, periode wijzigen
                </Button>
                <Button appearance="secondary-action-button" disabled={busy} onClick={() => onPending(null)}>
                  Annuleren
                </Button>
              </ButtonGroup>
            </Alert>
          ) : (
            <ButtonGroup>
              <Button type="submit" appearance="primary-action-button">
                Verder
              </Button>
              <Button appearance="secondary-action-button" onClick={() => onPending(null)}>
                Annuleren
              </Button>
            </ButtonGroup>
          )}
        </form>
      )}
    </section>
  );
}

const RECEIVER_TYPES: readonly OrganizationType[] = ['GEMEENTE', 'ZORGKANTOOR', 'OCO', 'ZORGAANBIEDER', 'WELZIJN'];

interface Draft {
  sharing: string;
  receiverType: OrganizationType;
  receiver: string;
  categories: string[];
  purpose: string;
  until: string;
}

function GiveConsent({ sharers, onDone }: { sharers: { id: string; name: string }[]; onDone: (message: string) => void }) {
  const [draft, setDraft] = useState<Draft>({
    sharing: sharers[0]?.id ?? '',
    receiverType: 'OCO',
    receiver: '',
    categories: [],
    purpose: 'INTEGRATED_SUPPORT',
    until: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<DutchError | null>(null);
  const receivers = useQuery(MyConsentReceiversDocument, { type: draft.receiverType });
  const receiverOptions = (receivers.data?.organizations.nodes ?? []).filter((o) => o.id !== draft.sharing);
  const sharingName = sharers.find((s) => s.id === draft.sharing)?.name ?? '';
  const receiverName = receiverOptions.find((o) => o.id === draft.receiver)?.name ?? '';
  const change = (next: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...next }));
    setConfirming(false);
  };

  useEffect(() => {
    if (confirming) document.getElementById('give-confirm')?.focus();
  }, [confirming]);

  function check(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!draft.sharing) found.sharing = 'Kies de organisatie die uw gegevens heeft.';
    if (!draft.receiver) found.receiver = 'Kies met wie uw gegevens gedeeld mogen worden.';
    if (draft.categories.length === 0) found.categories = 'Kies minstens één soort gegevens.';
    if (draft.until && draft.until <= todayInNl()) found.until = 'Kies een datum na vandaag, of laat het veld leeg.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setConfirming(true);
  }

  async function give() {
    setBusy(true);
    setFailure(null);
    const result = await mutate(MyGiveConsentDocument, {
      input: {
        sharingOrganizationId: draft.sharing,
        receivingOrganizationId: draft.receiver,
        categories: draft.categories as never,
        purpose: draft.purpose as never,
        validUntil: draft.until ? endAfter(draft.until) : null,
      },
    });
    setBusy(false);
    if (result.error) {
      setFailure(result.error);
      return;
    }
    onDone(`U gaf toestemming: ${receiverName} mag nu ${categoryNames(draft.categories)} van ${sharingName} zien.`);
  }

  return (
    <form className="hub-form" noValidate onSubmit={check}>
      {failure && <ErrorAlert error={failure} headingLevel={3} />}
      <SelectField
        label="Welke organisatie heeft de gegevens?"
        description="Alleen een organisatie die u helpt, kan gegevens delen."
        value={draft.sharing}
        error={errors.sharing}
        onChange={(sharing) => change({ sharing, receiver: '' })}
        options={sharers.map((s) => ({ value: s.id, label: s.name }))}
      />
      <SelectField
        label="Wat voor organisatie mag de gegevens zien?"
        value={draft.receiverType}
        onChange={(receiverType) => change({ receiverType: receiverType as OrganizationType, receiver: '' })}
        options={RECEIVER_TYPES.map((t) => ({ value: t, label: label(ORGANIZATION_TYPE_LABELS, t) }))}
      />
      <SelectField
        label="Welke organisatie mag de gegevens zien?"
        value={draft.receiver}
        error={errors.receiver}
        onChange={(receiver) => change({ receiver })}
        options={[
          { value: '', label: receivers.loading ? 'Even geduld…' : 'Kies een organisatie' },
          ...receiverOptions.map((o) => ({ value: o.id, label: o.name })),
        ]}
      />
      <ChoiceGroup
        legend="Welke gegevens mogen ze zien?"
        multiple
        error={errors.categories}
        selected={draft.categories}
        onChange={(categories) => change({ categories })}
        choices={Object.entries(CATEGORY_EXPLANATIONS).map(([value, about]) => ({
          value,
          label: capital(MY_CATEGORY_LABELS[value] ?? about.name),
          description: about.holds,
        }))}
      />
      <ChoiceGroup
        legend="Waarvoor?"
        multiple={false}
        selected={[draft.purpose]}
        onChange={([purpose]) => change({ purpose: purpose ?? 'INTEGRATED_SUPPORT' })}
        choices={['INTEGRATED_SUPPORT', 'WARM_HANDOVER', 'CARE_MEDIATION'].map((value) => ({
          value,
          label: PURPOSE_EXPLANATIONS[value]?.name ?? value,
          description: PURPOSE_EXPLANATIONS[value]?.means,
        }))}
      />
      <TextField
        label="Tot en met welke dag? (niet verplicht)"
        description="Laat leeg voor een toestemming zonder einddatum. U kunt haar altijd intrekken."
        type="date"
        value={draft.until}
        error={errors.until}
        onChange={(until) => change({ until })}
      />
      {confirming ? (
        <Alert type="info" className="hub-alert">
          <Heading level={3} appearance="utrecht-heading-4" id="give-confirm" tabIndex={-1}>
            Controleer uw toestemming
          </Heading>
          <Paragraph>
            {receiverName} mag dan {categoryNames(draft.categories)} van {sharingName} zien, voor{' '}
            {(PURPOSE_EXPLANATIONS[draft.purpose]?.name ?? draft.purpose).toLowerCase()},{' '}
            {draft.until ? `tot en met ${formatDate(draft.until)}` : 'zonder einddatum, tot u de toestemming intrekt'}. Dat geldt meteen.
          </Paragraph>
          <ButtonGroup>
            <Button appearance="primary-action-button" busy={busy} disabled={busy} onClick={() => void give()}>
              Ja, toestemming geven
            </Button>
            <Button appearance="secondary-action-button" disabled={busy} onClick={() => setConfirming(false)}>
              Nog iets aanpassen
            </Button>
          </ButtonGroup>
        </Alert>
      ) : (
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button">
            Verder
          </Button>
        </ButtonGroup>
      )}
    </form>
  );
}

export function MyConsentsPage() {
  const result = useQuery(MyConsentsDocument, {});
  const support = result.data?.mySupport;
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<DutchError | null>(null);
  const [done, setDone] = useState<string | undefined>(undefined);
  const [giving, setGiving] = useState(false);

  const sharers = new Map<string, string>();
  for (const t of support?.trajectories.nodes ?? []) sharers.set(t.organization.id, t.organization.name);

  useEffect(() => {
    if (pending && (pending.kind === 'revoke' || pending.confirming)) document.getElementById(`consent-${pending.consent.id}-confirm`)?.focus();
  }, [pending]);
  useEffect(() => {
    if (done) document.getElementById('consent-done')?.focus();
  }, [done]);

  async function confirm() {
    if (!pending) return;
    setBusy(true);
    setFailure(null);
    const { consent } = pending;
    const receiver = receiverOf(consent);
    const answer =
      pending.kind === 'revoke'
        ? await mutate(MyRevokeConsentDocument, { input: { id: consent.id, expectedVersion: consent.version } })
        : await mutate(MyChangeConsentPeriodDocument, {
            input: { id: consent.id, expectedVersion: consent.version, validUntil: pending.until ? endAfter(pending.until) : null },
          });
    setBusy(false);
    if (answer.error) {
      setFailure(answer.error);
      return;
    }
    setPending(null);
    setDone(
      pending.kind === 'revoke'
        ? `De toestemming is ingetrokken. ${receiver} mag vanaf nu niet meer zien: ${categoryNames(consent.categories)}.`
        : `De periode is gewijzigd. ${receiver} mag de gegevens zien ${pending.until ? `tot en met ${formatDate(pending.until)}` : 'zonder einddatum'}.`,
    );
    result.reload();
  }

  const consents = support?.consents.nodes ?? [];
  const current = consents.filter((c) => c.status === 'ACTIVE' || c.status === 'PENDING');
  const past = consents.filter((c) => c.status !== 'ACTIVE' && c.status !== 'PENDING');

  return (
    <div className="hub-flow">
      <Heading1 tabIndex={-1}>Mijn toestemmingen</Heading1>
      <MijnParts current="/mijn/toestemmingen" />
      <Paragraph appearance="lead">
        Met een toestemming mag een organisatie gegevens over u zien die een andere organisatie heeft. Alleen voor het doel dat u kiest, en zo lang als u wilt.
        Hier ziet u al uw toestemmingen. U kunt er een geven, de periode wijzigen of er een intrekken.
      </Paragraph>
      {done && (
        <Alert type="ok" role="status" className="hub-alert">
          <Paragraph id="consent-done" tabIndex={-1}>
            {done}
          </Paragraph>
        </Alert>
      )}
      {failure && <ErrorAlert error={failure} />}
      {result.error && <ErrorAlert error={result.error} />}
      {result.loading && !result.data && <Paragraph aria-live="polite">Even geduld, uw toestemmingen worden geladen…</Paragraph>}
      {result.data && !support && <NothingKnown />}
      {support && (
        <>
          <section aria-labelledby="consents-current">
            <Heading2 id="consents-current">Toestemmingen die nu gelden</Heading2>
            {current.length === 0 && <Paragraph>Er geldt nu geen toestemming. Organisaties zien alleen hun eigen gegevens over u.</Paragraph>}
            {current.map((c) => (
              <ConsentCard key={c.id} consent={c} pending={pending} busy={busy} onPending={setPending} onConfirm={() => void confirm()} />
            ))}
          </section>
          <section aria-labelledby="consents-give">
            <Heading2 id="consents-give">Nieuwe toestemming geven</Heading2>
            {sharers.size === 0 ? (
              <Paragraph>U kunt nu geen toestemming geven: geen organisatie helpt u op dit moment.</Paragraph>
            ) : giving ? (
              <GiveConsent
                sharers={[...sharers].map(([id, name]) => ({ id, name }))}
                onDone={(message) => {
                  setGiving(false);
                  setDone(message);
                  result.reload();
                }}
              />
            ) : (
              <Paragraph>
                <Button appearance="secondary-action-button" onClick={() => setGiving(true)}>
                  Toestemming geven
                </Button>
              </Paragraph>
            )}
          </section>
          {past.length > 0 && (
            <section aria-labelledby="consents-past">
              <Heading2 id="consents-past">Toestemmingen die niet meer gelden</Heading2>
              {past.map((c) => (
                <ConsentCard key={c.id} consent={c} pending={null} busy={busy} onPending={setPending} onConfirm={() => undefined} />
              ))}
            </section>
          )}
        </>
      )}
    </div>
  );
}
