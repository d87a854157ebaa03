import {
  Alert,
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading1,
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useCallback, useState } from 'react';
import { useSession } from '../../auth/session.ts';
import { CONSENT_REASON_LABELS, type DutchError } from '../../errors.ts';
import { ClientAcrossDomainsDocument, type ClientAcrossDomainsQuery, RevokeConsentDocument } from '../../generated/graphql.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { formatDate, LEGAL_DOMAIN_LABELS, label, ORGANIZATION_TYPE_LABELS } from '../../labels.ts';
import { AppLink } from '../../router.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import type { PageProps } from '../registry.ts';
import {
  CATEGORY_EXPLANATIONS,
  CONSENT_STATUS_LABELS,
  CONTACT_CHANNEL_LABELS,
  fullName,
  NETWORK_ROLE_LABELS,
  PURPOSE_EXPLANATIONS,
  TRAJECTORY_CATEGORIES,
  TRAJECTORY_STATUS_LABELS,
} from './labels.ts';
import { mutate, takeFlash } from './mutate.ts';
import { activeBreakGlass, BreakGlassBanner, BreakGlassPanel } from './break-glass.tsx';

type ClientData = NonNullable<ClientAcrossDomainsQuery['client']>;
type Trajectory = ClientData['trajectories']['nodes'][number];
type Consent = ClientData['consents']['nodes'][number];

interface Refusal {
  category: string;
  purpose: string;
  reason: string;
}

/** What the organisation may see of one data category of one trajectory, from the refused fields' errors. */
function refusalsByCategory(errors: ReturnType<typeof useQuery>['fieldErrorsRaw'], index: number): Map<string, Refusal> {
  const refusals = new Map<string, Refusal>();
  for (const e of errors) {
    if (e.code !== 'CONSENT_REQUIRED' || e.path?.[1] !== 'trajectories' || e.path[2] !== 'nodes' || e.path[3] !== index) continue;
    const category = typeof e.extensions.category === 'string' ? e.extensions.category : '';
    if (!category || refusals.has(category)) continue;
    refusals.set(category, {
      category,
      purpose: typeof e.extensions.purpose === 'string' ? e.extensions.purpose : 'INTEGRATED_SUPPORT',
      reason: typeof e.extensions.reason === 'string' ? e.extensions.reason : 'NO_CONSENT',
    });
  }
  return refusals;
}

function TrajectoryCard({
  clientId,
  trajectory,
  index,
  own,
  errors,
  underBreakGlass,
}: {
  clientId: string;
  trajectory: Trajectory;
  index: number;
  own: boolean;
  errors: ReturnType<typeof useQuery>['fieldErrorsRaw'];
  /** A break-glass opening of this user is active: what is shown may rest on it rather than on a consent. */
  underBreakGlass: boolean;
}) {
  const refusals = refusalsByCategory(errors, index);
  const domain = trajectory.legalDomain ? label(LEGAL_DOMAIN_LABELS, trajectory.legalDomain) : 'Soort ondersteuning niet zichtbaar';
  const organization = own ? 'uw organisatie' : (trajectory.organization?.name ?? 'een andere organisatie');
  return (
    <section className="hub-card" aria-labelledby={`trajectory-${trajectory.id}`}>
      <Heading3 id={`trajectory-${trajectory.id}`}>
        {domain} bij {organization}
      </Heading3>
      <Paragraph>
        {label(TRAJECTORY_STATUS_LABELS, trajectory.status)}, begonnen op {formatDate(trajectory.openedAt)}
        {trajectory.closedAt ? `, afgesloten op ${formatDate(trajectory.closedAt)}` : ''}.
      </Paragraph>
      {trajectory.hulpvraag && (
        <Paragraph>
          <strong>Hulpvraag:</strong> {trajectory.hulpvraag}
        </Paragraph>
      )}
      {own ? (
        <Paragraph>
          Dit traject is van uw organisatie: u ziet alles.{' '}
          <AppLink href={`/clienten/${clientId}/trajecten/${trajectory.id}`}>Plan, doelen en contactmomenten van dit traject</AppLink>
        </Paragraph>
      ) : underBreakGlass ? (
        <Paragraph>Dit traject is van een andere organisatie. U ziet het via uw noodtoegang, ook waar de cliënt geen toestemming gaf.</Paragraph>
      ) : (
        <Paragraph>Dit traject is van een andere organisatie. U ziet alleen wat de cliënt met toestemming met u deelt.</Paragraph>
      )}
      {!own && (
        <div className="hub-table-scroll hub-stack-table">
          <Table>
            <TableCaption>Wat u van dit traject mag zien</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Gegevens</TableHeaderCell>
                <TableHeaderCell scope="col">Mag u zien?</TableHeaderCell>
                <TableHeaderCell scope="col">Waarom</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {TRAJECTORY_CATEGORIES.map(({ category }) => {
                const refusal = refusals.get(category);
                const about = CATEGORY_EXPLANATIONS[category];
                return (
                  <TableRow key={category}>
                    <TableHeaderCell scope="row">
                      {about?.name ?? category}
                      <span className="hub-muted"> — {about?.holds}</span>
                    </TableHeaderCell>
                    <TableCell data-label="Mag u zien?">{refusal ? 'Nee' : 'Ja'}</TableCell>
                    <TableCell data-label="Waarom">
                      {refusal ? (
                        <>
                          {CONSENT_REASON_LABELS[refusal.reason] ?? 'Er is geen geldige toestemming.'} Nodig: toestemming van de cliënt voor “
                          {about?.name ?? category}” met het doel “{PURPOSE_EXPLANATIONS[refusal.purpose]?.name ?? refusal.purpose}”. Die legt{' '}
                          {trajectory.organization?.name ?? 'de organisatie van dit traject'} vast.
                        </>
                      ) : underBreakGlass ? (
                        'Via uw noodtoegang, of omdat de cliënt toestemming gaf. Alles wat u bekijkt, wordt vastgelegd.'
                      ) : (
                        'De cliënt gaf toestemming om dit met uw organisatie te delen.'
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}

function receiverOf(consent: Consent): string {
  if (consent.receivingOrganization) return consent.receivingOrganization.name;
  const type = consent.receivingOrganizationType ? label(ORGANIZATION_TYPE_LABELS, consent.receivingOrganizationType) : 'organisatie';
  return `elke ${type} in ${consent.receivingRegionCode ?? 'de regio'}`;
}

function Consents({ client, onChanged }: { client: ClientData; onChanged: (message: string) => void }) {
  const session = useSession();
  const orgId = session?.user.organizationId;
  const [failure, setFailure] = useState<DutchError | null>(null);
  const [busy, setBusy] = useState<string | undefined>(undefined);
  async function revoke(consent: Consent) {
    setBusy(consent.id);
    setFailure(null);
    const result = await mutate(RevokeConsentDocument, { input: { id: consent.id, expectedVersion: consent.version } });
    setBusy(undefined);
    if (result.error) setFailure(result.error);
    else onChanged(`De toestemming voor ${receiverOf(consent)} is ingetrokken. Dat geldt meteen.`);
  }
  return (
    <section aria-labelledby="consents">
      <Heading2 id="consents">Toestemmingen</Heading2>
      <Paragraph>
        Met een toestemming deelt de cliënt gegevens met een andere organisatie, voor één doel. U ziet de toestemmingen die uw organisatie vastlegde, en die
        gegevens met uw organisatie delen.
      </Paragraph>
      <Paragraph>
        <AppLink href={`/clienten/${client.id}/toestemming`}>Toestemming vastleggen</AppLink>
      </Paragraph>
      {failure && <ErrorAlert error={failure} headingLevel={3} />}
      {client.consents.nodes.length === 0 ? (
        <Paragraph>Er zijn nog geen toestemmingen.</Paragraph>
      ) : (
        <div className="hub-table-scroll hub-stack-table">
          <Table>
            <TableCaption>Toestemmingen van de cliënt</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Gedeeld met</TableHeaderCell>
                <TableHeaderCell scope="col">Welke gegevens</TableHeaderCell>
                <TableHeaderCell scope="col">Doel</TableHeaderCell>
                <TableHeaderCell scope="col">Status</TableHeaderCell>
                <TableHeaderCell scope="col">Actie</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {client.consents.nodes.map((consent) => {
                const recordedByUs = consent.recordedByOrganization.id === orgId;
                const forUs = consent.receivingOrganization?.id === orgId && consent.status === 'ACTIVE';
                const mayRevoke = consent.status !== 'REVOKED' && (recordedByUs || forUs);
                return (
                  <TableRow key={consent.id}>
                    <TableCell data-label="Gedeeld met">
                      {receiverOf(consent)}
                      <span className="hub-muted"> (vastgelegd door {recordedByUs ? 'uw organisatie' : consent.recordedByOrganization.name})</span>
                    </TableCell>
                    <TableCell data-label="Welke gegevens">{consent.categories.map((c) => CATEGORY_EXPLANATIONS[c]?.name ?? c).join(', ')}</TableCell>
                    <TableCell data-label="Doel">{PURPOSE_EXPLANATIONS[consent.purpose]?.name ?? consent.purpose}</TableCell>
                    <TableCell data-label="Status">
                      {label(CONSENT_STATUS_LABELS, consent.status)}
                      <span className="hub-muted">
                        {' '}
                        (vanaf {formatDate(consent.validFrom)}
                        {consent.validUntil ? ` tot ${formatDate(consent.validUntil)}` : ''})
                      </span>
                    </TableCell>
                    <TableCell data-label="Actie">
                      {mayRevoke ? (
                        <Button
                          appearance="secondary-action-button"
                          busy={busy === consent.id}
                          disabled={busy !== undefined}
                          onClick={() => void revoke(consent)}
                          aria-label={`Toestemming voor ${receiverOf(consent)} intrekken`}
                        >
                          Intrekken
                        </Button>
                      ) : (
                        '–'
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}

export function ClientPage({ params }: PageProps) {
  const session = useSession();
  const clientId = params.id ?? '';
  const result = useQuery(ClientAcrossDomainsDocument, { id: clientId });
  const [flash, setFlashMessage] = useState(takeFlash);
  const client = result.data?.client;
  const name = fullName(client?.name);
  const orgId = session?.user.organizationId;
  const [, setRound] = useState(0);
  const breakGlassUntil = activeBreakGlass(clientId);
  const reload = result.reload;
  const breakGlassChanged = useCallback(() => {
    setRound((n) => n + 1);
    reload();
  }, [reload]);
  // Where the hub refuses data (no relation at all, or fields without consent), break-glass is offered.
  const REFUSALS = ['NOT_FOUND', 'FORBIDDEN', 'CONSENT_REQUIRED'];
  const refused = (result.error !== null && REFUSALS.includes(result.error.code)) || result.fieldErrorsRaw.some((e) => REFUSALS.includes(e.code));
  // No client at all in the answer: say why (the hub refused it on the field).
  const missing = !client && !result.loading && !result.error ? result.fieldErrors[0] : undefined;

  return (
    <div className="hub-flow">
      <Heading1 tabIndex={-1}>{name ?? 'Cliënt'}</Heading1>
      <Paragraph>
        <AppLink href="/clienten">Terug naar uw cliënten</AppLink>
      </Paragraph>
      {breakGlassUntil !== undefined && <BreakGlassBanner until={breakGlassUntil} onEnded={breakGlassChanged} />}
      {flash && (
        <Alert type="ok" role="status" className="hub-alert">
          <Paragraph>{flash}</Paragraph>
        </Alert>
      )}
      {result.error && <ErrorAlert error={result.error} />}
      {missing && <ErrorAlert error={missing} />}
      {result.loading && !result.data && <Paragraph aria-live="polite">Even geduld, de cliënt wordt geladen…</Paragraph>}
      {refused && breakGlassUntil === undefined && !result.loading && <BreakGlassPanel clientId={clientId} onOpened={breakGlassChanged} />}
      {client && (
        <>
          <section aria-labelledby="personal">
            <Heading2 id="personal">Persoonsgegevens</Heading2>
            <DataList>
              <DataListItem>
                <DataListKey>Geboortedatum</DataListKey>
                <DataListValue>{client.dateOfBirth ? formatDate(client.dateOfBirth) : 'Niet zichtbaar'}</DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>Woongemeente</DataListKey>
                <DataListValue>{client.gemeente?.name ?? 'Niet zichtbaar'}</DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>Telefoon</DataListKey>
                <DataListValue>{client.contact?.phone ?? '–'}</DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>E-mail</DataListKey>
                <DataListValue>{client.contact?.email ?? '–'}</DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>Hoe benaderen</DataListKey>
                <DataListValue>{client.preferredContactChannel ? label(CONTACT_CHANNEL_LABELS, client.preferredContactChannel) : '–'}</DataListValue>
              </DataListItem>
            </DataList>
            <Heading3>Netwerk</Heading3>
            {client.network && client.network.length > 0 ? (
              <UnorderedList>
                {client.network.map((m) => (
                  <UnorderedListItem key={m.id}>
                    {m.name}, {label(NETWORK_ROLE_LABELS, m.role).toLowerCase()}
                    {m.mayActForClient ? ' (mag namens de cliënt beslissen)' : ''}
                  </UnorderedListItem>
                ))}
              </UnorderedList>
            ) : (
              <Paragraph>{client.network ? 'Er staat niemand in het netwerk.' : 'Het netwerk is niet zichtbaar voor uw organisatie.'}</Paragraph>
            )}
          </section>
          <section aria-labelledby="trajectories">
            <Heading2 id="trajectories">Trajecten in alle domeinen</Heading2>
            <Paragraph>
              Een cliënt kan hulp krijgen van meer organisaties tegelijk. Bijvoorbeeld Wmo-ondersteuning van de gemeente (hulp om thuis te wonen) en Wlz-zorg
              via het zorgkantoor (langdurige zorg, voor wie altijd zorg in de buurt nodig heeft). Van een andere organisatie ziet u alleen wat de cliënt met u
              deelt.
            </Paragraph>
            {client.trajectories.nodes.length === 0 && <Paragraph>Er zijn geen trajecten die u mag zien.</Paragraph>}
            {client.trajectories.nodes.map((t, index) => (
              <TrajectoryCard
                key={t.id}
                clientId={client.id}
                trajectory={t}
                index={index}
                own={t.organization?.id === orgId}
                errors={result.fieldErrorsRaw}
                underBreakGlass={breakGlassUntil !== undefined}
              />
            ))}
          </section>
          <Consents
            client={client}
            onChanged={(message) => {
              setFlashMessage(message);
              result.reload();
            }}
          />
        </>
      )}
    </div>
  );
}
