import { Button, ButtonGroup, Heading1, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import type { Role } from '../../auth/session.ts';
import { useSession } from '../../auth/session.ts';
import { CorrectionRequestsDocument, type CorrectionRequestsQuery } from '../../generated/graphql.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { AppLink } from '../../router.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDateTime } from './labels.ts';

const PAGE_SIZE = 20;

/** The roles that may open a client's page (the Cliënten area); the privacy officer sees the list without links. */
const CASEWORK: readonly Role[] = ['TOEGANG', 'CLIENTONDERSTEUNER', 'ZORGBEMIDDELAAR'];

type CorrectionRequest = CorrectionRequestsQuery['correctionRequests']['nodes'][number];

function RequestCard({
  request,
  number,
  canOpenClient,
  focusHeading,
}: {
  request: CorrectionRequest;
  number: number;
  canOpenClient: boolean;
  /** The first request that "Meer laden" brought: focus moves to it, as the button may disappear. */
  focusHeading: boolean;
}) {
  const headingId = `correction-${request.id}`;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusHeading) heading.current?.focus();
  }, [focusHeading]);
  return (
    <section className="hub-card" aria-labelledby={headingId}>
      <Heading3 id={headingId} ref={heading} tabIndex={-1}>
        Verzoek {number}, verstuurd op {formatDateTime(request.createdAt)}
      </Heading3>
      <Paragraph>
        <strong>Wat klopt er niet, volgens de cliënt:</strong> “{request.description}”
      </Paragraph>
      <Paragraph>
        <strong>Verstuurd door:</strong> {request.givenBy === 'REPRESENTATIVE' ? 'een vertegenwoordiger van de cliënt' : 'de cliënt zelf'}
      </Paragraph>
      <Paragraph>
        <strong>Over:</strong> {request.trajectoryId ? 'één traject bij uw organisatie' : 'de gegevens die uw organisatie heeft (geen traject gekozen)'}
      </Paragraph>
      {canOpenClient && (
        <ul>
          <li>
            <AppLink href={`/clienten/${request.clientId}`}>Cliënt van verzoek {number} bekijken</AppLink>
          </li>
          {request.trajectoryId && (
            <li>
              <AppLink href={`/clienten/${request.clientId}/trajecten/${request.trajectoryId}`}>Traject van verzoek {number} bekijken</AppLink>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}

/**
 * The correction requests clients sent to the user's organisation (AVG art. 16), newest first. The hub keeps no answer
 * or status: the page says what to do, and the care workers correct the data in the client's trajectory.
 */
export function CorrectionRequestsPage() {
  const session = useSession();
  const canOpenClient = (session?.user.roles ?? []).some((role) => CASEWORK.includes(role));
  const [after, setAfter] = useState<string | undefined>(undefined);
  const [requests, setRequests] = useState<CorrectionRequest[]>([]);
  const [firstNew, setFirstNew] = useState<number | undefined>(undefined);
  const result = useQuery(CorrectionRequestsDocument, { first: PAGE_SIZE, ...(after ? { after } : {}) });
  const page = result.data?.correctionRequests;

  useEffect(() => {
    if (!page) return;
    setRequests((shown) => {
      const fresh = page.nodes.filter((n) => !shown.some((s) => s.id === n.id));
      return after ? [...shown, ...fresh] : page.nodes;
    });
  }, [page, after]);

  return (
    <div className="hub-flow">
      <Heading1 tabIndex={-1}>Correctieverzoeken</Heading1>
      <Paragraph appearance="lead">
        Een cliënt mag vragen om gegevens te verbeteren die niet kloppen. Hier staan de verzoeken die cliënten naar uw organisatie stuurden. Het nieuwste staat
        bovenaan.
      </Paragraph>
      <Heading2>Wat doet u met een verzoek?</Heading2>
      <ol>
        <li>Neem contact op met de cliënt. Vraag wat er precies niet klopt als dat niet duidelijk is.</li>
        <li>Klopt het? Verbeter dan de gegevens in het traject of bij de cliënt.</li>
        <li>Laat de cliënt binnen een maand weten wat u hebt gedaan. Verbetert u niets, leg dan uit waarom.</li>
      </ol>
      <Paragraph>De hub houdt niet bij of een verzoek al is afgehandeld. Spreek in uw organisatie af wie dat doet.</Paragraph>
      {!canOpenClient && <Paragraph>U ziet de cliënt zelf niet. De medewerkers die met cliënten werken, vinden dezelfde lijst onder Cliënten.</Paragraph>}
      {result.error && <ErrorAlert error={result.error} />}
      <div aria-live="polite" aria-busy={result.loading}>
        {result.loading && requests.length === 0 && <Paragraph>Even geduld, de verzoeken worden geladen…</Paragraph>}
        {page && requests.length === 0 && <Paragraph>Er zijn geen correctieverzoeken.</Paragraph>}
        {requests.length > 0 && (
          <Paragraph>
            {requests.length === 1 ? '1 verzoek' : `${requests.length} verzoeken`}
            {page?.pageInfo.hasNextPage ? ' getoond; er zijn er meer.' : '.'}
          </Paragraph>
        )}
      </div>
      {requests.length > 0 && (
        <section aria-labelledby="correction-list">
          <Heading2 id="correction-list">Verzoeken</Heading2>
          {requests.map((request, index) => (
            <RequestCard key={request.id} request={request} number={index + 1} canOpenClient={canOpenClient} focusHeading={index + 1 === firstNew} />
          ))}
        </section>
      )}
      {page?.pageInfo.hasNextPage && page.pageInfo.endCursor && (
        <ButtonGroup>
          <Button
            appearance="secondary-action-button"
            busy={result.loading}
            disabled={result.loading}
            onClick={() => {
              setFirstNew(requests.length + 1);
              setAfter(page.pageInfo.endCursor ?? undefined);
            }}
          >
            Meer laden
          </Button>
        </ButtonGroup>
      )}
    </div>
  );
}
