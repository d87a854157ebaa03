import { Alert, Button, ButtonGroup, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import type { DutchError } from '../../errors.ts';
import {
  type WlzItemQuery,
  WlzItemDocument,
  WlzLinkHandoverDocument,
  WlzOcoOrganizationsDocument,
  WlzRecordChoiceDocument,
  WlzRecordContactDocument,
  WlzSendHandoverDocument,
  type WlzSupportChoice,
} from '../../generated/graphql.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { formatDate, label, zorgprofielText } from '../../labels.ts';
import { useSession } from '../../auth/session.ts';
import { AppLink, navigate } from '../../router.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { ChoiceGroup, SelectField, TextareaField } from '../clienten/fields.tsx';
import { formatDateTime, fullName } from '../clienten/labels.ts';
import { mutate } from '../clienten/mutate.ts';
import type { PageProps } from '../registry.ts';
import { emptySearch, rememberSearch } from '../sociale-kaart/search-state.ts';
import { REFERRAL_STATUS_LABELS } from '../warme-overdracht/labels.ts';
import { CHOICE_LABELS, LEVERINGSVORM_LABELS, WORKLIST_STATUS_LABELS } from './labels.ts';

type Item = NonNullable<WlzItemQuery['wlzIndicatieItem']>;

const CHOICES: { value: WlzSupportChoice; label: string; description: string }[] = [
  { value: 'ZORGKANTOOR', label: 'Het zorgkantoor', description: 'Een cliëntondersteuner van het zorgkantoor helpt de cliënt.' },
  { value: 'OCO', label: 'Een onafhankelijke cliëntondersteuner', description: 'Een organisatie die los staat van het zorgkantoor helpt de cliënt.' },
  { value: 'NONE_FOR_NOW', label: 'Nu niet', description: 'De cliënt wil nu geen cliëntondersteuning. De cliënt kan later altijd nog kiezen.' },
];

/** One new Wlz indicatie: its data, contact with the client, and the client's choice of cliëntondersteuning. */
export function WorklistItemPage({ params }: PageProps) {
  const id = params.id ?? '';
  const result = useQuery(WlzItemDocument, { id });
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const item = result.data?.wlzIndicatieItem;
  const name = fullName(item?.client.name) ?? 'de cliënt';

  return (
    <div className="hub-flow">
      <Heading1 tabIndex={-1}>Nieuwe indicatie</Heading1>
      <Paragraph>
        <AppLink href="/nieuwe-indicaties">Terug naar de nieuwe indicaties</AppLink>
      </Paragraph>
      {result.error && <ErrorAlert error={result.error} />}
      {result.loading && !item && <Paragraph aria-live="polite">Even geduld, de indicatie wordt geladen…</Paragraph>}
      <div aria-live="polite">
        {saved && (
          <Alert type="ok" className="hub-alert">
            <Paragraph>{saved}</Paragraph>
          </Alert>
        )}
      </div>
      {item && (
        <>
          <Facts item={item} name={name} />
          <FindProviders item={item} />
          <Contact
            item={item}
            onDone={() => {
              setSaved('Het contact met de cliënt is vastgelegd.');
              result.reload();
            }}
          />
          {item.choice ? (
            <ChosenSupport
              item={item}
              onSent={() => {
                setSaved('De warme overdracht is verstuurd.');
                result.reload();
              }}
            />
          ) : (
            <ChoiceForm
              item={item}
              name={name}
              onDone={(message) => {
                setSaved(message);
                result.reload();
              }}
            />
          )}
        </>
      )}
    </div>
  );
}

function Facts({ item, name }: { item: Item; name: string }) {
  return (
    <dl className="hub-facts">
      <dt>Cliënt</dt>
      <dd>
        {name}
        {item.client.dateOfBirth ? `, geboren op ${formatDate(item.client.dateOfBirth)}` : ''}
      </dd>
      <dt>Zorgprofiel</dt>
      <dd>{zorgprofielText(item.zorgprofiel, item.sector)}</dd>
      <dt>Voorkeur van de cliënt</dt>
      <dd>{item.leveringsvorm ? label(LEVERINGSVORM_LABELS, item.leveringsvorm) : 'Niet bekend'}</dd>
      <dt>Geldig</dt>
      <dd>
        Vanaf {formatDate(item.ingangsdatum)}
        {item.einddatum ? ` tot en met ${formatDate(item.einddatum)}` : ', zonder einddatum'}
      </dd>
      <dt>Besluit van het CIZ</dt>
      <dd>
        Nummer {item.besluitnummer}, afgegeven op {formatDate(item.afgiftedatum)}
      </dd>
      <dt>Ontvangen</dt>
      <dd>{formatDateTime(item.receivedAt)}</dd>
      <dt>Contact opnemen vóór</dt>
      <dd>
        {formatDate(item.contactBy)}
        {item.overdue && <strong> Te laat: er is nog geen contact geweest.</strong>}
      </dd>
      <dt>Status</dt>
      <dd>{label(WORKLIST_STATUS_LABELS, item.status)}</dd>
    </dl>
  );
}

/**
 * Opens the sociale kaart with this indicatie's zorgprofiel and the client's preferred leveringsvorm as filters,
 * shortest waiting time first. The filters travel in memory (the search's own state), not in the URL.
 */
function FindProviders({ item }: { item: Item }) {
  const session = useSession();
  if (!item.zorgprofiel) return null;
  const zorgprofiel = item.zorgprofiel;
  return (
    <Paragraph>
      <Button
        appearance="secondary-action-button"
        onClick={() => {
          rememberSearch(session?.user.subject ?? '', {
            ...emptySearch(''),
            zorgprofiel,
            leveringsvormen: item.leveringsvorm ? [item.leveringsvorm] : [],
            sort: 'WAITING_TIME',
          });
          navigate('/sociale-kaart');
        }}
      >
        Zorgaanbieders zoeken voor deze indicatie
      </Button>
    </Paragraph>
  );
}

function Contact({ item, onDone }: { item: Item; onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<DutchError | null>(null);
  return (
    <section aria-labelledby="contact-heading" className="hub-flow">
      <Heading2 id="contact-heading">Contact met de cliënt</Heading2>
      {item.contactedAt ? (
        <Paragraph>Contact gehad op {formatDateTime(item.contactedAt)}.</Paragraph>
      ) : (
        <>
          <Paragraph>Heeft u de cliënt gesproken? Leg dat dan hier vast.</Paragraph>
          {failure && <ErrorAlert error={failure} headingLevel={3} />}
          <ButtonGroup>
            <Button
              appearance="primary-action-button"
              busy={busy}
              disabled={busy}
              onClick={async () => {
                setBusy(true);
                const answer = await mutate(WlzRecordContactDocument, { input: { id: item.id, expectedVersion: item.version } });
                setBusy(false);
                if (answer.error) setFailure(answer.error);
                else onDone();
              }}
            >
              Contact gehad
            </Button>
          </ButtonGroup>
        </>
      )}
    </section>
  );
}

/** Sends the warm handover to the chosen OCO on the consent of the choice and links it to the item. */
async function sendHandover(item: Item, choice: { ocoId: string; consentId: string; version: number }, note: string): Promise<DutchError | null> {
  const sent = await mutate(WlzSendHandoverDocument, {
    input: {
      // One key per item: sending again (after a failed link) finds the referral sent first.
      idempotencyKey: `wlz-indicatie-${item.id}`,
      kind: 'TO_OCO',
      clientId: item.client.id,
      sourceTrajectoryId: item.trajectory.id,
      toOrganizationId: choice.ocoId,
      consentId: choice.consentId,
      supportFormsRequested: ['KEUZE_ZORGAANBIEDER_EN_ZORG'],
      question: note,
      handoverSummary: {
        situation: `Nieuwe Wlz-indicatie van het CIZ, zorgprofiel ${item.zorgprofiel ?? 'onbekend'}, geldig vanaf ${formatDate(item.ingangsdatum)}.`,
        question: note,
        whatWasDone: 'Het zorgkantoor heeft contact gehad met de cliënt en cliëntondersteuning aangeboden.',
        agreements: 'De cliënt kiest voor onafhankelijke cliëntondersteuning.',
        openActions: 'Kennismaken met de cliënt.',
        network: 'Niet bekend bij het zorgkantoor.',
        risks: 'Niet bekend bij het zorgkantoor.',
        clientWishes: item.leveringsvorm ? `Voorkeur: ${label(LEVERINGSVORM_LABELS, item.leveringsvorm)}.` : 'Nog niet bekend.',
      },
    },
  });
  const referralId = sent.data?.createReferral.referral.id;
  if (sent.error || !referralId) return sent.error;
  const linked = await mutate(WlzLinkHandoverDocument, { input: { id: item.id, expectedVersion: choice.version, referralId } });
  return linked.error;
}

const DEFAULT_NOTE = 'De cliënt heeft een nieuwe Wlz-indicatie en kiest voor onafhankelijke cliëntondersteuning. Wilt u contact opnemen met de cliënt?';

function ChoiceForm({ item, name, onDone }: { item: Item; name: string; onDone: (message: string) => void }) {
  const [choice, setChoice] = useState<WlzSupportChoice | ''>('');
  const [ocoId, setOcoId] = useState('');
  const [consent, setConsent] = useState<string[]>([]);
  const [recordedHow, setRecordedHow] = useState<'VERBAL' | 'WRITTEN'>('VERBAL');
  const [note, setNote] = useState(DEFAULT_NOTE);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<DutchError | null>(null);
  const [busy, setBusy] = useState(false);
  const ocos = useQuery(WlzOcoOrganizationsDocument, {});

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const found: Record<string, string> = {};
    if (!choice) found.choice = 'Kies wat de cliënt wil.';
    if (choice === 'OCO' && !ocoId) found.oco = 'Kies de organisatie voor onafhankelijke cliëntondersteuning.';
    if (choice === 'OCO' && consent.length === 0) found.consent = 'Vraag de cliënt eerst om toestemming. Zonder toestemming kunt u niet overdragen.';
    if (choice === 'OCO' && note.trim().length < 10) found.note = 'Schrijf in een paar woorden wat de cliëntondersteuner moet weten.';
    setErrors(found);
    if (Object.keys(found).length > 0 || !choice) {
      document.getElementById('hub-form-errors')?.focus();
      return;
    }
    setBusy(true);
    const recorded = await mutate(WlzRecordChoiceDocument, {
      input: {
        id: item.id,
        expectedVersion: item.version,
        choice,
        ...(choice === 'OCO' ? { ocoOrganizationId: ocoId, consent: { givenBy: 'CLIENT', recordedHow } } : {}),
      },
    });
    const saved = recorded.data?.recordIndicatieChoice.item;
    if (recorded.error || !saved) {
      setBusy(false);
      setFailure(recorded.error);
      return;
    }
    const consentId = saved.choice?.consent?.id;
    if (choice === 'OCO' && consentId) {
      const handoverError = await sendHandover(item, { ocoId, consentId, version: saved.version }, note.trim());
      setBusy(false);
      if (handoverError) {
        onDone('De keuze is vastgelegd, maar de warme overdracht is nog niet verstuurd. Probeer het hieronder opnieuw.');
        return;
      }
      onDone('De keuze is vastgelegd en de warme overdracht is verstuurd.');
      return;
    }
    setBusy(false);
    onDone('De keuze van de cliënt is vastgelegd.');
  }

  const errorList = Object.values(errors);
  return (
    <section aria-labelledby="choice-heading" className="hub-flow">
      <Heading2 id="choice-heading">Keuze voor cliëntondersteuning</Heading2>
      <Paragraph>
        Iedere cliënt met een Wlz-indicatie heeft recht op gratis cliëntondersteuning. Vertel {name} dat, en vraag wie de cliënt wil als cliëntondersteuner.
      </Paragraph>
      <FormErrors messages={errorList} />
      {failure && <ErrorAlert error={failure} headingLevel={3} />}
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="hub-form">
        <ChoiceGroup
          legend="Wie wil de cliënt als cliëntondersteuner?"
          error={errors.choice}
          choices={CHOICES}
          multiple={false}
          selected={choice ? [choice] : []}
          onChange={([value]) => setChoice((value as WlzSupportChoice | undefined) ?? '')}
        />
        {choice === 'OCO' && (
          <>
            <SelectField
              label="Welke organisatie?"
              description="Organisaties voor onafhankelijke cliëntondersteuning uit de sociale kaart."
              value={ocoId}
              onChange={setOcoId}
              error={errors.oco}
              options={[
                { value: '', label: ocos.loading ? 'Even geduld…' : 'Kies een organisatie' },
                ...(ocos.data?.organizations.nodes ?? []).map((o) => ({ value: o.id, label: o.name })),
              ]}
            />
            <ChoiceGroup
              legend="Toestemming van de cliënt"
              description="De organisatie krijgt de naam van de cliënt, de vraag en een korte samenvatting. Alleen voor de warme overdracht."
              error={errors.consent}
              choices={[{ value: 'GIVEN', label: 'De cliënt geeft toestemming om deze gegevens met de gekozen organisatie te delen' }]}
              multiple
              selected={consent}
              onChange={setConsent}
            />
            <ChoiceGroup
              legend="Hoe gaf de cliënt toestemming?"
              choices={[
                { value: 'VERBAL', label: 'Mondeling (bijvoorbeeld aan de telefoon)' },
                { value: 'WRITTEN', label: 'Op papier, ondertekend' },
              ]}
              multiple={false}
              selected={[recordedHow]}
              onChange={([value]) => setRecordedHow(value === 'WRITTEN' ? 'WRITTEN' : 'VERBAL')}
            />
            <TextareaField
              label="Wat moet de cliëntondersteuner weten?"
              description="Schrijf geen BSN. De organisatie leest dit bij de warme overdracht."
              value={note}
              onChange={setNote}
              error={errors.note}
            />
          </>
        )}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {choice === 'OCO' ? 'Keuze vastleggen en warm overdragen' : 'Keuze vastleggen'}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

function ChosenSupport({ item, onSent }: { item: Item; onSent: () => void }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<DutchError | null>(null);
  const choice = item.choice;
  if (!choice) return null;
  const oco = choice.ocoOrganization;
  const consentId = choice.consent?.id;
  return (
    <section aria-labelledby="choice-heading" className="hub-flow">
      <Heading2 id="choice-heading">Keuze voor cliëntondersteuning</Heading2>
      <dl className="hub-facts">
        <dt>Keuze</dt>
        <dd>
          {label(CHOICE_LABELS, choice.choice)}
          {oco?.name ? `: ${oco.name}` : ''}
        </dd>
        <dt>Aangeboden</dt>
        <dd>
          {formatDateTime(choice.offeredAt)}
          {choice.recordedByName ? ` door ${choice.recordedByName}` : ''}
        </dd>
        {item.handover && (
          <>
            <dt>Warme overdracht</dt>
            <dd>
              {label(REFERRAL_STATUS_LABELS, item.handover.status)}. <AppLink href={`/warme-overdracht/${item.handover.id}`}>Bekijk de overdracht</AppLink>
            </dd>
          </>
        )}
      </dl>
      {choice.choice === 'OCO' && !item.handover && oco && consentId && (
        <>
          <Paragraph>De warme overdracht naar {oco.name ?? 'de organisatie'} is nog niet verstuurd.</Paragraph>
          {failure && <ErrorAlert error={failure} headingLevel={3} />}
          <ButtonGroup>
            <Button
              appearance="primary-action-button"
              busy={busy}
              disabled={busy}
              onClick={async () => {
                setBusy(true);
                const error = await sendHandover(item, { ocoId: oco.id, consentId, version: item.version }, DEFAULT_NOTE);
                setBusy(false);
                if (error) setFailure(error);
                else onSent();
              }}
            >
              Warme overdracht versturen
            </Button>
          </ButtonGroup>
        </>
      )}
    </section>
  );
}
