import {
  Alert,
  Button,
  ButtonGroup,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormLabel,
  Heading,
  Heading1,
  Paragraph,
  Select,
  SelectOption,
  Textarea,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import {
  AskConsultationFormDocument,
  type AskConsultationInput,
  CloseConsultationButtonDocument,
  type LifeDomain,
  MyConsultationsDocument,
  type MyConsultationsQuery,
  WithdrawConsultationButtonDocument,
} from '../../generated/graphql.ts';
import { hasAnyRole, useSession } from '../../auth/session.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { formatDate, LIFE_DOMAIN_LABELS, TARGET_GROUP_LABELS } from '../../labels.ts';
import { AppLink } from '../../router.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Pager, useCursorPages } from '../../ui/pager.tsx';
import { CONSULTABLE_TYPE_LABELS, type ConsultableType, MAX_TEXT_LENGTH, MIN_QUESTION_LENGTH, MIN_QUESTION_WORDS, personalDataText } from './labels.ts';
import { ConsultationStatusBadge, refusedField, useConsultableOrganizations, useMutation } from './shared.tsx';

const PAGE_SIZE = 10;

type Mine = MyConsultationsQuery['consultationOutbox']['nodes'][number];

/** Close (after the answer) or withdraw (before it) one of the user's own questions. */
function OwnActions({ consultation, onChange }: { consultation: Mine; onChange: () => void }) {
  const close = useMutation(CloseConsultationButtonDocument);
  const withdraw = useMutation(WithdrawConsultationButtonDocument);
  const input = { id: consultation.id, expectedVersion: consultation.version };
  const error = close.error ?? withdraw.error;
  if (consultation.status !== 'OPEN' && consultation.status !== 'ANSWERED') return null;
  return (
    <>
      {error && <ErrorAlert error={error} headingLevel={4} />}
      <ButtonGroup>
        {consultation.status === 'ANSWERED' ? (
          <Button
            appearance="secondary-action-button"
            busy={close.busy}
            onClick={async () => {
              if (await close.run({ input })) onChange();
            }}
          >
            Afsluiten, ik heb genoeg aan dit antwoord
          </Button>
        ) : (
          <Button
            appearance="secondary-action-button"
            busy={withdraw.busy}
            onClick={async () => {
              if (await withdraw.run({ input })) onChange();
            }}
          >
            Vraag intrekken
          </Button>
        )}
      </ButtonGroup>
    </>
  );
}

/** The questions the user's organisation asked, newest first, with the answers. */
function MyConsultations({ round }: { round: number }) {
  const pages = useCursorPages();
  const result = useQuery(MyConsultationsDocument, { first: PAGE_SIZE, after: pages.after });
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new question shows from the first page.
  useEffect(() => {
    if (round === 0) return;
    if (pages.after === undefined) result.reload();
    else pages.reset();
  }, [round]);
  const items = result.data?.consultationOutbox.nodes ?? [];
  const pageInfo = result.data?.consultationOutbox.pageInfo;
  return (
    <section aria-labelledby="my-consultations-heading" className="hub-flow">
      <Heading level={2} id="my-consultations-heading">
        Uw adviesvragen
      </Heading>
      <Paragraph>Hier staan de vragen van uw organisatie, met het antwoord zodra het er is.</Paragraph>
      {result.error && <ErrorAlert error={result.error} headingLevel={3} />}
      {!result.loading && !result.error && items.length === 0 && <Paragraph>Uw organisatie heeft nog geen advies gevraagd.</Paragraph>}
      {items.length > 0 && (
        <ul className="hub-signal-list">
          {items.map((c) => (
            <li key={c.id} className="hub-card hub-signal hub-consultation">
              <Heading level={3} className="hub-signal__title">
                Vraag aan {c.toOrganization.name} <ConsultationStatusBadge status={c.status} />
              </Heading>
              <Paragraph className="hub-muted">Gevraagd op {formatDate(c.askedAt)}</Paragraph>
              <Paragraph className="hub-consultation__text">{c.question}</Paragraph>
              {c.answer ? (
                <div className="hub-consultation__answer">
                  <Heading level={4}>Antwoord{c.answeredAt ? ` van ${formatDate(c.answeredAt)}` : ''}</Heading>
                  <Paragraph className="hub-consultation__text">{c.answer}</Paragraph>
                </div>
              ) : (
                c.status === 'OPEN' && <Paragraph>Er is nog geen antwoord.</Paragraph>
              )}
              <OwnActions consultation={c} onChange={result.reload} />
            </li>
          ))}
        </ul>
      )}
      <Pager pages={pages} endCursor={pageInfo?.endCursor} hasNextPage={pageInfo?.hasNextPage} previousLabel="Nieuwere vragen" nextLabel="Oudere vragen" />
    </section>
  );
}

export function AskConsultationPage() {
  const session = useSession();
  const ownOrganization = session?.user.organizationId;
  const [type, setType] = useState<ConsultableType>('OCO');
  const directory = useConsultableOrganizations(type);
  const organizations = directory.organizations.filter((o) => o.id !== ownOrganization);
  const [toOrganizationId, setToOrganizationId] = useState('');
  const [question, setQuestion] = useState('');
  const [lifeDomains, setLifeDomains] = useState<LifeDomain[]>([]);
  const [targetGroup, setTargetGroup] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [localError, setLocalError] = useState<{ field: 'organization' | 'question'; text: string } | null>(null);
  const [round, setRound] = useState(0);
  const ask = useMutation(AskConsultationFormDocument);
  const success = useRef<HTMLDivElement>(null);
  const guard = refusedField(ask.rawError);
  const serverField = ask.rawError?.code === 'BAD_USER_INPUT' ? String(ask.rawError.extensions.field ?? '') : '';
  const questionError =
    localError?.field === 'question'
      ? localError.text
      : guard?.field === 'input.question'
        ? personalDataText(guard.kind)
        : serverField === 'input.question'
          ? `Beschrijf de situatie in een paar zinnen: ${MIN_QUESTION_LENGTH} tot ${MAX_TEXT_LENGTH} tekens.`
          : undefined;
  const organizationError =
    localError?.field === 'organization'
      ? localError.text
      : serverField === 'input.toOrganizationId'
        ? 'Deze organisatie kunt u geen advies vragen. Kies een andere organisatie.'
        : undefined;

  async function submit() {
    setSentTo(null);
    setLocalError(null);
    if (!toOrganizationId) {
      setLocalError({ field: 'organization', text: 'Kies de organisatie die u advies wilt vragen.' });
      document.getElementById('consultation-organization')?.focus();
      return;
    }
    if (question.trim().length < MIN_QUESTION_LENGTH || question.trim().split(/\s+/).length < MIN_QUESTION_WORDS) {
      setLocalError({ field: 'question', text: `Beschrijf de situatie in een paar zinnen: minstens ${MIN_QUESTION_LENGTH} tekens.` });
      document.getElementById('consultation-question')?.focus();
      return;
    }
    const input: AskConsultationInput = {
      toOrganizationId,
      question: question.trim(),
      ...(lifeDomains.length ? { lifeDomains } : {}),
      ...(targetGroup ? { targetGroup: targetGroup as AskConsultationInput['targetGroup'] } : {}),
    };
    const data = await ask.run({ input });
    if (data) {
      setSentTo(organizations.find((o) => o.id === toOrganizationId)?.name ?? 'de organisatie');
      setQuestion('');
      setLifeDomains([]);
      setTargetGroup('');
      setRound((n) => n + 1);
      setTimeout(() => success.current?.focus(), 0);
    }
  }
  // A refused field: the focus goes to it, where the message now stands.
  useEffect(() => {
    if (!ask.rawError) return;
    if (questionError) document.getElementById('consultation-question')?.focus();
    else if (organizationError) document.getElementById('consultation-organization')?.focus();
  }, [ask.rawError, questionError, organizationError]);

  const toggleDomain = (domain: LifeDomain) =>
    setLifeDomains((current) => (current.includes(domain) ? current.filter((d) => d !== domain) : [...current, domain]));
  const showInboxLink = hasAnyRole(session, ['CLIENTONDERSTEUNER']);

  return (
    <>
      <Heading1 tabIndex={-1}>Advies vragen</Heading1>
      <div className="hub-overleg-intro">
        <Paragraph>
          Wilt u met een cliëntondersteuner van een andere organisatie meedenken over een situatie? Stel hier uw vraag. De cliënt blijft bij u: u draagt niemand
          over. Schrijf daarom nooit een naam, BSN, adres, telefoonnummer, e-mailadres of geboortedatum op.
        </Paragraph>
        {showInboxLink && (
          <Paragraph>
            <AppLink href="/advies/ontvangen">Adviesvragen aan uw organisatie bekijken</AppLink>
          </Paragraph>
        )}
      </div>
      <div ref={success} tabIndex={-1} aria-live="polite">
        {sentTo && (
          <Alert type="ok" className="hub-alert">
            <Heading level={2} appearance="utrecht-heading-4">
              Uw vraag is verstuurd.
            </Heading>
            <Paragraph>{sentTo} krijgt uw vraag. U vindt het antwoord hieronder bij uw adviesvragen. U kunt nog een vraag stellen.</Paragraph>
          </Alert>
        )}
      </div>
      <form
        className="hub-form hub-flow"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        aria-label="Advies vragen"
      >
        <FormField type="select" label={<FormLabel htmlFor="consultation-type">Wat voor organisatie wilt u iets vragen?</FormLabel>}>
          <Select
            id="consultation-type"
            value={type}
            onChange={(e) => {
              setType(e.target.value as ConsultableType);
              setToOrganizationId('');
            }}
          >
            {Object.entries(CONSULTABLE_TYPE_LABELS).map(([code, text]) => (
              <SelectOption key={code} value={code}>
                {text}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        <FormField
          type="select"
          invalid={Boolean(organizationError)}
          label={<FormLabel htmlFor="consultation-organization">Aan welke organisatie?</FormLabel>}
          errorMessage={
            organizationError ? (
              <FormFieldDescription id="consultation-organization-error" invalid>
                {organizationError}
              </FormFieldDescription>
            ) : undefined
          }
        >
          <Select
            id="consultation-organization"
            value={toOrganizationId}
            invalid={Boolean(organizationError)}
            aria-describedby={organizationError ? 'consultation-organization-error' : undefined}
            onChange={(e) => setToOrganizationId(e.target.value)}
          >
            <SelectOption value="">{directory.loading ? 'Even geduld, de lijst wordt geladen' : 'Kies een organisatie'}</SelectOption>
            {organizations.map((o) => (
              <SelectOption key={o.id} value={o.id}>
                {o.name}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        {directory.failed && <Paragraph>De lijst met organisaties kon niet worden geladen. Probeer het later opnieuw.</Paragraph>}
        <FormField
          type="text"
          invalid={Boolean(questionError)}
          label={<FormLabel htmlFor="consultation-question">Uw vraag</FormLabel>}
          description={
            <FormFieldDescription id="consultation-question-help">
              Beschrijf de situatie en wat u wilt weten. Schrijf niets op waarmee iemand te herkennen is.
            </FormFieldDescription>
          }
          errorMessage={
            questionError ? (
              <FormFieldDescription id="consultation-question-error" invalid>
                {questionError}
              </FormFieldDescription>
            ) : undefined
          }
        >
          <Textarea
            id="consultation-question"
            value={question}
            rows={6}
            maxLength={MAX_TEXT_LENGTH}
            invalid={Boolean(questionError)}
            aria-describedby={questionError ? 'consultation-question-help consultation-question-error' : 'consultation-question-help'}
            onChange={(e) => setQuestion(e.target.value)}
          />
        </FormField>
        <Fieldset className="hub-choices">
          <FieldsetLegend>Over welk leefgebied gaat uw vraag? (mag leeg blijven)</FieldsetLegend>
          {Object.entries(LIFE_DOMAIN_LABELS).map(([code, text]) => {
            const id = `consultation-domain-${code}`;
            return (
              <FormField key={code} type="checkbox" className="hub-choice">
                <div className="utrecht-form-field__input">
                  <Checkbox id={id} checked={lifeDomains.includes(code as LifeDomain)} onChange={() => toggleDomain(code as LifeDomain)} />
                </div>
                <div className="utrecht-form-field__label">
                  <FormLabel htmlFor={id} type="checkbox">
                    {text}
                  </FormLabel>
                </div>
              </FormField>
            );
          })}
        </Fieldset>
        <FormField type="select" label={<FormLabel htmlFor="consultation-target">Voor welke groep? (mag leeg blijven)</FormLabel>}>
          <Select id="consultation-target" value={targetGroup} onChange={(e) => setTargetGroup(e.target.value)}>
            <SelectOption value="">Niet bekend</SelectOption>
            {Object.entries(TARGET_GROUP_LABELS).map(([code, text]) => (
              <SelectOption key={code} value={code}>
                {text}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        {ask.error && !questionError && !organizationError && <ErrorAlert error={ask.error} headingLevel={2} />}
        <Button type="submit" appearance="primary-action-button" busy={ask.busy} disabled={ask.busy}>
          Vraag versturen
        </Button>
      </form>
      <MyConsultations round={round} />
      <Paragraph>
        Moet een andere organisatie de ondersteuning van uw cliënt overnemen? Gebruik dan <AppLink href="/warme-overdracht">warme overdracht</AppLink>.
      </Paragraph>
    </>
  );
}
