import { Alert, Heading1, Heading2, Heading3, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { MySupportOverviewDocument, type MySupportOverviewQuery } from '../../generated/graphql.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { formatDate, LEGAL_DOMAIN_LABELS, label } from '../../labels.ts';
import { AppLink } from '../../router.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { fullName, JOURNEY_PHASE_LABELS, TRAJECTORY_STATUS_LABELS } from '../clienten/labels.ts';
import { REFERRAL_KIND_LABELS } from '../warme-overdracht/labels.ts';
import { MijnParts, NothingKnown } from './shared.tsx';

type Support = NonNullable<MySupportOverviewQuery['mySupport']>;
type Trajectory = Support['trajectories']['nodes'][number];
type Handover = NonNullable<Support['handoversInProgress']>['nodes'][number];

/** Where a handover stands, in the client's words. */
const HANDOVER_STATE: Record<string, string> = {
  REQUESTED: 'is gevraagd. De nieuwe organisatie moet nog antwoorden.',
  ACCEPTED: 'is geaccepteerd. De nieuwe organisatie gaat u helpen.',
  IN_PROGRESS: 'is bezig. U wordt samen overgedragen.',
  ON_HOLD: 'staat even stil.',
};

function ContactPerson({ trajectory }: { trajectory: Trajectory }) {
  const person = trajectory.contactPerson;
  const org = person.organization;
  return (
    <>
      <Paragraph>
        <strong>Uw vaste contactpersoon:</strong> {person.name} ({person.formality === 'INFORMAL' ? 'vrijwilliger' : 'medewerker'} van {org.name}).
      </Paragraph>
      <Paragraph>Zo bereikt u {person.name}:</Paragraph>
      <UnorderedList>
        {person.workPhone && (
          <UnorderedListItem>
            Bel {person.name} op het werk: <a href={`tel:${person.workPhone.replace(/[^\d+]/g, '')}`}>{person.workPhone}</a>.
          </UnorderedListItem>
        )}
        {person.workEmail && (
          <UnorderedListItem>
            Mail {person.name} op het werk: <a href={`mailto:${person.workEmail}`}>{person.workEmail}</a>.
          </UnorderedListItem>
        )}
        {person.availability && <UnorderedListItem>Wanneer bereikbaar: {person.availability}.</UnorderedListItem>}
        {org.phones.map((phone) => (
          <UnorderedListItem key={phone.number}>
            Bel <a href={`tel:${phone.number.replace(/[^\d+]/g, '')}`}>{phone.number}</a>
            {phone.description ? ` (${phone.description})` : ''} en vraag naar {person.name}.
          </UnorderedListItem>
        ))}
        {org.email && (
          <UnorderedListItem>
            Mail naar <a href={`mailto:${org.email}`}>{org.email}</a>.
          </UnorderedListItem>
        )}
        {org.website && (
          <UnorderedListItem>
            Kijk op de website van {org.name}: <span className="hub-break">{org.website}</span>
          </UnorderedListItem>
        )}
        {org.phones.length === 0 && !org.email && !org.website && <UnorderedListItem>Vraag bij {org.name} naar uw contactpersoon.</UnorderedListItem>}
      </UnorderedList>
    </>
  );
}

function TrajectoryCard({ trajectory }: { trajectory: Trajectory }) {
  const headingId = `mijn-trajectory-${trajectory.id}`;
  return (
    <section className="hub-card" aria-labelledby={headingId}>
      <Heading3 id={headingId}>
        {label(LEGAL_DOMAIN_LABELS, trajectory.legalDomain)} bij {trajectory.organization.name}
      </Heading3>
      <Paragraph>
        {label(TRAJECTORY_STATUS_LABELS, trajectory.status)} sinds {formatDate(trajectory.openedAt)}
        {trajectory.closedAt ? `, afgesloten op ${formatDate(trajectory.closedAt)}` : ''}. Waar u nu bent:{' '}
        {label(JOURNEY_PHASE_LABELS, trajectory.journeyPhase).toLowerCase()}.
      </Paragraph>
      <Paragraph>
        <strong>Uw vraag:</strong> {trajectory.hulpvraag}
      </Paragraph>
      <ContactPerson trajectory={trajectory} />
    </section>
  );
}

function HandoverItem({ handover }: { handover: Handover }) {
  return (
    <UnorderedListItem>
      {label(REFERRAL_KIND_LABELS, handover.kind)}: van {handover.fromOrganization.name} naar {handover.toOrganization.name}. De overdracht{' '}
      {HANDOVER_STATE[handover.status] ?? 'loopt.'}
      {handover.respondBy && handover.status === 'REQUESTED' ? ` Antwoord uiterlijk op ${formatDate(handover.respondBy)}.` : ''}
      {handover.jointMeetingPlannedAt ? ` Het gesprek met u samen is op ${formatDate(handover.jointMeetingPlannedAt)}.` : ''}
    </UnorderedListItem>
  );
}

export function MySupportPage() {
  const result = useQuery(MySupportOverviewDocument, {});
  const support = result.data?.mySupport;
  const handovers = support?.handoversInProgress;
  const name = fullName(support?.name);
  return (
    <div className="hub-flow">
      <Heading1 tabIndex={-1}>Mijn ondersteuning</Heading1>
      <MijnParts current="/mijn" />
      {result.error && <ErrorAlert error={result.error} />}
      {result.loading && !result.data && <Paragraph aria-live="polite">Even geduld, uw gegevens worden geladen…</Paragraph>}
      {result.data && !support && <NothingKnown />}
      {support && (
        <>
          <Paragraph appearance="lead">
            {support.actingAs === 'REPRESENTATIVE' ? `U kijkt namens ${name}.` : `Welkom, ${name}.`} Hier ziet u welke organisaties u helpen, wie uw vaste
            contactpersoon is en hoe het met een overdracht staat.
          </Paragraph>
          <section aria-labelledby="mijn-trajectories">
            <Heading2 id="mijn-trajectories">Wie helpt u</Heading2>
            {support.trajectories.nodes.length === 0 ? (
              <Paragraph>Er is nu geen organisatie die u helpt.</Paragraph>
            ) : (
              support.trajectories.nodes.map((t) => <TrajectoryCard key={t.id} trajectory={t} />)
            )}
          </section>
          <section aria-labelledby="mijn-handovers">
            <Heading2 id="mijn-handovers">Overdracht naar een andere organisatie</Heading2>
            {handovers === null || handovers === undefined ? (
              <Alert type="warning" className="hub-alert">
                <Paragraph>We kunnen nu niet zien of er een overdracht loopt. Probeer het later nog eens.</Paragraph>
              </Alert>
            ) : handovers.nodes.length === 0 ? (
              <Paragraph>Er loopt nu geen overdracht. Gaat u over naar een andere organisatie? Dan ziet u hier hoe dat gaat.</Paragraph>
            ) : (
              <UnorderedList>
                {handovers.nodes.map((h) => (
                  <HandoverItem key={h.id} handover={h} />
                ))}
              </UnorderedList>
            )}
          </section>
          <section aria-labelledby="mijn-more">
            <Heading2 id="mijn-more">Uw gegevens en uw rechten</Heading2>
            <UnorderedList>
              <UnorderedListItem>
                <AppLink href="/mijn/toestemmingen">Mijn toestemmingen</AppLink>: wie mag wat van u zien, en tot wanneer.
              </UnorderedListItem>
              <UnorderedListItem>
                <AppLink href="/mijn/inzage">Wie bekeek mijn gegevens</AppLink>: wie er keek, wanneer en waarom dat mocht.
              </UnorderedListItem>
              <UnorderedListItem>
                <AppLink href="/mijn/gegevens">Mijn gegevens</AppLink>: download alles wat er over u is, of vraag om iets te verbeteren.
              </UnorderedListItem>
            </UnorderedList>
          </section>
        </>
      )}
    </div>
  );
}
