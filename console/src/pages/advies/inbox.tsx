import {
  Alert,
  Button,
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
  AnswerConsultationFormDocument,
  ConsultationInboxPageDocument,
  type ConsultationInboxPageQuery,
  type ConsultationStatus,
} from '../../generated/graphql.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { formatDate, LIFE_DOMAIN_LABELS, label, ORGANIZATION_TYPE_LABELS, TARGET_GROUP_LABELS } from '../../labels.ts';
import { AppLink } from '../../router.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Pager, useCursorPages } from '../../ui/pager.tsx';
import { MAX_TEXT_LENGTH, personalDataText } from './labels.ts';
import { ConsultationStatusBadge, refusedField, useMutation } from './shared.tsx';

const PAGE_SIZE = 10;

/** Which questions the list shows, in everyday words. */
const FILTERS: Record<string, { label: string; status: ConsultationStatus | undefined }> = {
  open: { label: 'Nog te beantwoorden', status: 'OPEN' },
  answered: { label: 'Beantwoord', status: 'ANSWERED' },
  all: { label: 'Alle vragen', status: undefined },
};

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

type Received = ConsultationInboxPageQuery['consultationInbox']['nodes'][number];

/** The answer form under an open question; the privacy guard's refusal stands next to the field. */
function AnswerForm({ consultation, onAnswered }: { consultation: Received; onAnswered: () => void }) {
  const [answer, setAnswer] = useState('');
  const [emptyError, setEmptyError] = useState(false);
  const send = useMutation(AnswerConsultationFormDocument);
  const guard = refusedField(send.rawError);
  const id = `answer-${consultation.id}`;
  const error = emptyError ? 'Schrijf eerst uw advies.' : guard?.field === 'input.answer' ? personalDataText(guard.kind) : undefined;
  useEffect(() => {
    if (send.rawError && error) document.getElementById(id)?.focus();
  }, [send.rawError, error, id]);

  async function submit() {
    setEmptyError(false);
    if (!answer.trim()) {
      setEmptyError(true);
      document.getElementById(id)?.focus();
      return;
    }
    const data = await send.run({ input: { id: consultation.id, answer: answer.trim(), expectedVersion: consultation.version } });
    if (data) onAnswered();
  }

  return (
    <form
      className="hub-form hub-flow"
      noValidate
      aria-label={`Advies op de vraag van ${consultation.fromOrganization.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <FormField
        type="text"
        invalid={Boolean(error)}
        label={<FormLabel htmlFor={id}>Uw advies</FormLabel>}
        description={<FormFieldDescription id={`${id}-help`}>Schrijf niets op waarmee iemand te herkennen is.</FormFieldDescription>}
        errorMessage={
          error ? (
            <FormFieldDescription id={`${id}-error`} invalid>
              {error}
            </FormFieldDescription>
          ) : undefined
        }
      >
        <Textarea
          id={id}
          value={answer}
          rows={5}
          maxLength={MAX_TEXT_LENGTH}
          invalid={Boolean(error)}
          aria-describedby={error ? `${id}-help ${id}-error` : `${id}-help`}
          onChange={(e) => setAnswer(e.target.value)}
        />
      </FormField>
      {send.error && !error && <ErrorAlert error={send.error} headingLevel={4} />}
      <Button type="submit" appearance="primary-action-button" busy={send.busy} disabled={send.busy}>
        Advies versturen
      </Button>
    </form>
  );
}

export function ConsultationInboxPage() {
  const [filterKey, setFilterKey] = useState('open');
  const pages = useCursorPages();
  const status = FILTERS[filterKey]?.status;
  const result = useQuery(ConsultationInboxPageDocument, { first: PAGE_SIZE, after: pages.after, ...(status ? { status } : {}) });
  const [answeredFrom, setAnsweredFrom] = useState<string | null>(null);
  const success = useRef<HTMLDivElement>(null);
  const items = result.data?.consultationInbox.nodes ?? [];
  const pageInfo = result.data?.consultationInbox.pageInfo;
  const total = result.data?.consultationInbox.totalCount;

  return (
    <>
      <Heading1 tabIndex={-1}>Adviesvragen</Heading1>
      <div className="hub-overleg-intro">
        <Paragraph>
          Professionals van andere organisaties vragen uw organisatie om advies over een situatie. De cliënt blijft bij hen: u krijgt geen gegevens van de
          cliënt. Geef uw advies zonder iets waarmee iemand te herkennen is.
        </Paragraph>
        <Paragraph>
          <AppLink href="/advies">Zelf advies vragen</AppLink>
        </Paragraph>
      </div>
      <div ref={success} tabIndex={-1} aria-live="polite">
        {answeredFrom && (
          <Alert type="ok" className="hub-alert">
            <Heading level={2} appearance="utrecht-heading-4">
              Uw advies is verstuurd.
            </Heading>
            <Paragraph>{answeredFrom} kan uw advies nu lezen.</Paragraph>
          </Alert>
        )}
      </div>
      <div className="hub-flow">
        <FormField type="select" label={<FormLabel htmlFor="inbox-filter">Welke vragen wilt u zien?</FormLabel>}>
          <Select
            id="inbox-filter"
            value={filterKey}
            onChange={(e) => {
              setFilterKey(e.target.value);
              pages.reset();
            }}
          >
            {Object.entries(FILTERS).map(([key, f]) => (
              <SelectOption key={key} value={key}>
                {f.label}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        {result.error && <ErrorAlert error={result.error} headingLevel={2} />}
        {total !== undefined && <Paragraph aria-live="polite">{total === 1 ? 'Er is 1 vraag.' : `Er zijn ${total} vragen.`}</Paragraph>}
        {items.length > 0 && (
          <ul className="hub-signal-list">
            {items.map((c) => (
              <li key={c.id} className="hub-card hub-signal hub-consultation">
                <Heading level={2} appearance="utrecht-heading-3" className="hub-signal__title">
                  Vraag van {c.fromOrganization.name} <ConsultationStatusBadge status={c.status} />
                </Heading>
                <Paragraph className="hub-muted">
                  {capitalized(label(ORGANIZATION_TYPE_LABELS, c.fromOrganization.type))}, gevraagd op {formatDate(c.askedAt)}
                  {c.lifeDomains.length > 0 && `. Leefgebied: ${c.lifeDomains.map((d) => label(LIFE_DOMAIN_LABELS, d).toLowerCase()).join(', ')}`}
                  {c.targetGroup && `. Groep: ${label(TARGET_GROUP_LABELS, c.targetGroup).toLowerCase()}`}
                </Paragraph>
                <Paragraph className="hub-consultation__text">{c.question}</Paragraph>
                {c.answer && (
                  <div className="hub-consultation__answer">
                    <Heading level={3} appearance="utrecht-heading-4">
                      Uw advies{c.answeredAt ? ` van ${formatDate(c.answeredAt)}` : ''}
                    </Heading>
                    <Paragraph className="hub-consultation__text">{c.answer}</Paragraph>
                  </div>
                )}
                {c.status === 'OPEN' && (
                  <AnswerForm
                    consultation={c}
                    onAnswered={() => {
                      setAnsweredFrom(c.fromOrganization.name);
                      result.reload();
                      setTimeout(() => success.current?.focus(), 0);
                    }}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
        {!result.loading && !result.error && items.length === 0 && (
          <Paragraph>{status === 'OPEN' ? 'Er zijn geen vragen die op uw advies wachten.' : 'Er zijn geen vragen.'}</Paragraph>
        )}
        <Pager pages={pages} endCursor={pageInfo?.endCursor} hasNextPage={pageInfo?.hasNextPage} previousLabel="Nieuwere vragen" nextLabel="Oudere vragen" />
      </div>
    </>
  );
}
