import {
  Alert,
  Button,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading1,
  Heading2,
  Paragraph,
  Textbox,
} from '@utrecht/component-library-react';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import {
  AnswerHandoverByLinkDocument,
  type LightCapacityStatus,
  LightLinkPageDocument,
  type LightLinkPageQuery,
  type LightRejectionReason,
  UpdateCapacityByLinkDocument,
} from '../../generated/graphql.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { formatDate, label } from '../../labels.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { ChoiceGroup } from '../clienten/fields.tsx';
import { formatDateTime, useMutation } from '../warme-overdracht/shared.tsx';
import { LIGHT_CAPACITY_LABELS, LIGHT_REJECTION_REASON_LABELS } from './labels.ts';
import { tokenFromFragment } from './token.ts';

/**
 * The page of a single-use link from an e-mail, for an organisation without accounts: no sign-in. The token is in the
 * URL's fragment (`/link#<token>`), which the browser never sends to a server, so it reaches no access log, proxy or
 * Referer; the page sends it only in the body of a POST to /graphql. It is read once into memory and, after the
 * answer, dropped from memory and from the address bar. A link that does not work gets one calm message: never why
 * (used, revoked, expired, altered or unknown), nor whether the handover exists.
 */

const readToken = (): string | null => tokenFromFragment(window.location.hash);

/** Forgets the token: the address bar keeps /link only, and no history entry holds the token any more. */
function dropTokenFromUrl(): void {
  window.history.replaceState(null, '', window.location.pathname);
}

type View = NonNullable<LightLinkPageQuery['lightLink']>;

function NotWorking() {
  return (
    <>
      <Heading1 tabIndex={-1}>Deze link werkt niet (meer)</Heading1>
      <Paragraph>
        Een link uit onze e-mail werkt maar één keer, en maar een paar dagen. Heeft u nog een vraag? Neem dan contact op met de organisatie die de e-mail
        stuurde.
      </Paragraph>
    </>
  );
}

function Done({ heading, text }: { heading: string; text: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <>
      <Heading1 tabIndex={-1} ref={ref}>
        {heading}
      </Heading1>
      <Alert type="ok" role="status" className="hub-alert">
        <Paragraph>{text}</Paragraph>
      </Alert>
      <Paragraph>Deze link werkt nu niet meer. U kunt dit venster sluiten.</Paragraph>
    </>
  );
}

const REASONS = Object.keys(LIGHT_REJECTION_REASON_LABELS) as LightRejectionReason[];

function AnswerHandoverForm({ token, view, onDone, onGone }: { token: string; view: View; onDone: (text: string) => void; onGone: () => void }) {
  const handover = view.handover;
  const [answer, setAnswer] = useState<'accept' | 'reject' | undefined>(undefined);
  const [reason, setReason] = useState<LightRejectionReason | undefined>(undefined);
  const [problems, setProblems] = useState<{ answer?: string; reason?: string }>({});
  const send = useMutation(AnswerHandoverByLinkDocument);
  const from = handover?.fromOrganizationName ?? 'de verwijzer';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      ...(answer ? {} : { answer: 'Kies of u de cliënt overneemt.' }),
      ...(answer === 'reject' && !reason ? { reason: 'Kies waarom u de overdracht afwijst.' } : {}),
    };
    setProblems(found);
    if (found.answer || found.reason) {
      // The focus goes to the first question that needs an answer.
      document.querySelector<HTMLInputElement>(found.answer ? '#link-answer input' : '#link-reason input')?.focus();
      return;
    }
    const data = await send.run({ input: { token, accept: answer === 'accept', ...(answer === 'reject' && reason ? { reason } : {}) } });
    if (data?.answerHandoverByLink.done) {
      onDone(
        answer === 'accept'
          ? `Dank u. ${from} ziet nu dat u de cliënt overneemt, en neemt contact met u op om de overdracht af te spreken.`
          : `Dank u. ${from} ziet nu dat u de overdracht afwijst, met de reden: ${label(LIGHT_REJECTION_REASON_LABELS, reason ?? 'OTHER').toLowerCase()}.`,
      );
    }
  }
  // The link stopped working while the page was open (used in another tab, revoked, expired): the same calm message.
  useEffect(() => {
    if (send.error?.code === 'NOT_FOUND') onGone();
  }, [send.error, onGone]);

  return (
    <>
      <Heading1 tabIndex={-1}>Overdracht beantwoorden</Heading1>
      <Paragraph appearance="lead">
        {from} wil een cliënt aan uw organisatie overdragen. Laat hier weten of u de cliënt overneemt. U hoeft niet in te loggen.
      </Paragraph>
      <dl className="hub-facts">
        <dt>Van</dt>
        <dd>{from}</dd>
        <dt>Gevraagde hulp</dt>
        <dd>{handover?.serviceName ?? 'Niet genoemd'}</dd>
        <dt>Antwoord graag vóór</dt>
        <dd>{handover?.respondBy ? formatDate(handover.respondBy) : 'Geen datum genoemd'}</dd>
        <dt>Deze link werkt tot</dt>
        <dd>{formatDateTime(view.expiresAt)}</dd>
      </dl>
      <Paragraph>Wie de cliënt is, staat niet op deze pagina. Dat hoort u van {from} als u de cliënt overneemt.</Paragraph>
      <form onSubmit={(e) => void submit(e)} noValidate className="hub-link-form">
        <Heading2>Uw antwoord</Heading2>
        <div id="link-answer">
          <ChoiceGroup
            legend="Neemt uw organisatie de cliënt over?"
            error={problems.answer}
            multiple={false}
            choices={[
              { value: 'accept', label: 'Ja, wij nemen de cliënt over' },
              { value: 'reject', label: 'Nee, wij wijzen de overdracht af' },
            ]}
            selected={answer ? [answer] : []}
            onChange={([value]) => {
              setAnswer(value as 'accept' | 'reject');
              setProblems({});
            }}
          />
        </div>
        {answer === 'reject' && (
          <div id="link-reason">
            <ChoiceGroup
              legend="Waarom wijst u de overdracht af?"
              error={problems.reason}
              multiple={false}
              choices={REASONS.map((r) => ({ value: r, label: LIGHT_REJECTION_REASON_LABELS[r] }))}
              selected={reason ? [reason] : []}
              onChange={([value]) => {
                setReason(value as LightRejectionReason);
                setProblems({});
              }}
            />
          </div>
        )}
        {send.error && send.error.code !== 'NOT_FOUND' && <ErrorAlert error={send.error} headingLevel={2} />}
        <Button type="submit" appearance="primary-action-button" busy={send.busy} disabled={send.busy}>
          {answer === 'reject' ? 'Overdracht afwijzen' : answer === 'accept' ? 'Overdracht accepteren' : 'Antwoord versturen'}
        </Button>
      </form>
    </>
  );
}

const CAPACITIES = Object.keys(LIGHT_CAPACITY_LABELS) as LightCapacityStatus[];

function UpdateCapacityForm({ token, view, onDone, onGone }: { token: string; view: View; onDone: (text: string) => void; onGone: () => void }) {
  const service = view.service;
  const [status, setStatus] = useState<LightCapacityStatus | undefined>(undefined);
  const [days, setDays] = useState('');
  const [problems, setProblems] = useState<{ status?: string; days?: string }>({});
  const send = useMutation(UpdateCapacityByLinkDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const waitDays = Number(days);
    const daysValid = days.trim() === '' || (/^\d+$/.test(days.trim()) && waitDays <= 3650);
    const found = {
      ...(status ? {} : { status: 'Kies hoe het nu is met de plaatsen.' }),
      ...(status === 'WAITLIST' && !daysValid ? { days: 'Vul een aantal dagen in, van 0 tot 3650.' } : {}),
    };
    setProblems(found);
    if (found.status) {
      document.querySelector<HTMLInputElement>('#link-capacity input')?.focus();
      return;
    }
    if (found.days) {
      document.getElementById('link-wait-days')?.focus();
      return;
    }
    if (!status) return;
    const data = await send.run({
      input: { token, status, ...(status === 'WAITLIST' && days.trim() !== '' ? { expectedWaitDays: waitDays } : {}) },
    });
    if (data?.updateCapacityByLink.done) {
      onDone(`Dank u. De plaatsen van ${service?.name ?? 'uw dienst'} zijn bijgewerkt in de sociale kaart. Professionals zien het nu bij het zoeken.`);
    }
  }
  useEffect(() => {
    if (send.error?.code === 'NOT_FOUND') onGone();
  }, [send.error, onGone]);

  return (
    <>
      <Heading1 tabIndex={-1}>Vrije plaatsen doorgeven</Heading1>
      <Paragraph appearance="lead">
        De gemeente vraagt u door te geven of er plek is bij uw dienst, en hoe lang het wachten is. Zo vinden professionals de juiste hulp. U hoeft niet in te
        loggen.
      </Paragraph>
      <dl className="hub-facts">
        <dt>Dienst</dt>
        <dd>{service?.name ?? 'Niet bekend'}</dd>
        <dt>Organisatie</dt>
        <dd>{service?.organizationName ?? 'Niet bekend'}</dd>
        <dt>Deze link werkt tot</dt>
        <dd>{formatDateTime(view.expiresAt)}</dd>
      </dl>
      <form onSubmit={(e) => void submit(e)} noValidate className="hub-link-form">
        <div id="link-capacity">
          <ChoiceGroup
            legend="Hoe is het nu met de plaatsen?"
            error={problems.status}
            multiple={false}
            choices={CAPACITIES.map((c) => ({ value: c, label: LIGHT_CAPACITY_LABELS[c] }))}
            selected={status ? [status] : []}
            onChange={([value]) => {
              setStatus(value as LightCapacityStatus);
              setProblems({});
            }}
          />
        </div>
        {status === 'WAITLIST' && (
          <FormField
            type="text"
            invalid={Boolean(problems.days)}
            label={<FormLabel htmlFor="link-wait-days">Hoe lang is het wachten ongeveer? (in dagen, mag leeg blijven)</FormLabel>}
            description={<FormFieldDescription id="link-wait-days-description">Bijvoorbeeld 28 voor vier weken.</FormFieldDescription>}
            errorMessage={problems.days ? <FormFieldErrorMessage id="link-wait-days-error">{problems.days}</FormFieldErrorMessage> : undefined}
          >
            <Textbox
              id="link-wait-days"
              inputMode="numeric"
              autoComplete="off"
              value={days}
              invalid={Boolean(problems.days)}
              aria-describedby={problems.days ? 'link-wait-days-description link-wait-days-error' : 'link-wait-days-description'}
              onChange={(e) => setDays(e.target.value)}
            />
          </FormField>
        )}
        {send.error && send.error.code !== 'NOT_FOUND' && <ErrorAlert error={send.error} headingLevel={2} />}
        <Button type="submit" appearance="primary-action-button" busy={send.busy} disabled={send.busy}>
          Plaatsen doorgeven
        </Button>
      </form>
    </>
  );
}

function LightLinkContent() {
  // Read once, at the first render: the token lives in this component's memory from here on.
  const [token, setToken] = useState<string | null>(readToken);
  const [done, setDone] = useState<{ heading: string; text: string } | null>(null);
  const [gone, setGone] = useState(false);
  // Another link pasted into the same tab changes only the fragment: start again with its token.
  useEffect(() => {
    const onHashChange = () => {
      setToken(readToken());
      setDone(null);
      setGone(false);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  const result = useQuery(LightLinkPageDocument, { token: token ?? '' }, { skip: !token || done !== null || gone });
  const view = result.data?.lightLink ?? null;

  const finish = (text: string) => {
    setToken(null);
    dropTokenFromUrl();
    setDone({ heading: view?.action === 'UPDATE_CAPACITY' ? 'Plaatsen doorgegeven' : 'Antwoord verstuurd', text });
  };
  const giveUp = useCallback(() => {
    setToken(null);
    dropTokenFromUrl();
    setGone(true);
  }, []);

  if (done) return <Done heading={done.heading} text={done.text} />;
  if (!token || gone) return <NotWorking />;
  if (result.error) {
    if (result.errorRaw.some((e) => e.code === 'NOT_FOUND')) return <NotWorking />;
    return (
      <>
        <Heading1 tabIndex={-1}>Link openen</Heading1>
        <ErrorAlert error={result.error} />
      </>
    );
  }
  if (result.loading || !result.data) {
    return (
      <>
        <Heading1 tabIndex={-1}>Link openen</Heading1>
        <Paragraph aria-live="polite">Even geduld, de link wordt geopend…</Paragraph>
      </>
    );
  }
  if (!view) return <NotWorking />;
  if (view.action === 'ANSWER_HANDOVER') return <AnswerHandoverForm token={token} view={view} onDone={finish} onGone={giveUp} />;
  return <UpdateCapacityForm token={token} view={view} onDone={finish} onGone={giveUp} />;
}

export function LightLinkPage() {
  return (
    <div className="hub-flow">
      <LightLinkContent />
    </div>
  );
}
