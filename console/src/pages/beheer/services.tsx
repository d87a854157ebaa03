import { Alert, Button, ButtonGroup, Heading1, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { useSession } from '../../auth/session.ts';
import type { DutchError } from '../../errors.ts';
import {
  BeheerMarkVerifiedDocument,
  BeheerOrganizationDocument,
  type BeheerOrganizationQuery,
  type BeheerServiceFragment,
  BeheerUpdateCapacityDocument,
  type ReportedCapacityStatus,
} from '../../generated/graphql.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { formatDate, label, SERVICE_STATUS_LABELS } from '../../labels.ts';
import { AppLink } from '../../router.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { TextField } from '../clienten/fields.tsx';
import { mutate } from '../clienten/mutate.ts';
import { CapacityBadge, verifiedText } from '../sociale-kaart/service-parts.tsx';
import { capacityFor, ONE_CLICK, parseWeeks, weeksText } from './capacity.ts';
import { LocationList } from './locations.tsx';
import { WlzCareForm } from './wlz-care.tsx';

type ServiceEdge = NonNullable<BeheerOrganizationQuery['organization']>['services']['edges'][number];

export function BeheerPage() {
  const session = useSession();
  const organizationId = session?.user.organizationId ?? '';
  const [after, setAfter] = useState<string | undefined>(undefined);
  const [earlier, setEarlier] = useState<ServiceEdge[]>([]);
  /** Services as the hub answered this page's own changes, over the list as loaded. Emptied by reloading. */
  const [changed, setChanged] = useState<Record<string, BeheerServiceFragment>>({});
  const result = useQuery(BeheerOrganizationDocument, { id: organizationId, after }, { skip: !organizationId });
  const organization = result.data?.organization;

  // After a reload the list is the hub's again.
  useEffect(() => {
    if (!result.loading) setChanged({});
  }, [result.loading]);

  const reload = () => {
    setEarlier([]);
    setAfter(undefined);
    result.reload();
  };
  // Right after "Meer diensten laden" the answer on hand is still the page the new one continues from.
  const stale = after !== undefined && organization?.services.pageInfo.endCursor === after;
  const edges = [...earlier, ...(stale ? [] : (organization?.services.edges ?? []))];
  const services = edges.map(({ node }) => changed[node.id] ?? node);

  return (
    <div className="hub-flow hub-beheer">
      <Heading1 tabIndex={-1}>Beheer{organization ? `: ${organization.name}` : ''}</Heading1>
      <Paragraph appearance="lead">
        Houd de diensten van uw organisatie in de sociale kaart actueel. Geef met één klik door of er plek is. Controleer de gegevens af en toe en laat weten
        dat ze kloppen.
      </Paragraph>
      <Paragraph>
        <AppLink href="/beheer/meldingen">Meldingen voor uw organisatie: standaard voor e-mail en coördinatoren</AppLink>
      </Paragraph>
      {result.error && <ErrorAlert error={result.error} />}
      {result.loading && !organization && <Paragraph>De gegevens worden geladen…</Paragraph>}
      {!result.loading && !result.error && !organization && <Paragraph>Uw organisatie staat niet in de sociale kaart.</Paragraph>}
      {organization && (
        <>
          <Heading2>Diensten ({organization.services.totalCount})</Heading2>
          {services.length === 0 && <Paragraph>Uw organisatie heeft nog geen diensten in de sociale kaart.</Paragraph>}
          <ul className="hub-beheer__services">
            {services.map((service) => (
              <li key={service.id}>
                <ServiceCard service={service} onChanged={(next) => setChanged((c) => ({ ...c, [next.id]: next }))} onReload={reload} />
              </li>
            ))}
          </ul>
          {organization.services.pageInfo.hasNextPage && !stale && (
            <ButtonGroup>
              <Button
                appearance="secondary-action-button"
                onClick={() => {
                  // The services changed on this page keep their new version when the list grows.
                  setEarlier(edges.map((edge) => ({ ...edge, node: changed[edge.node.id] ?? edge.node })));
                  setAfter(organization.services.pageInfo.endCursor ?? undefined);
                }}
              >
                Meer diensten laden
              </Button>
            </ButtonGroup>
          )}

          <Heading2>Locaties ({organization.locations.totalCount})</Heading2>
          <LocationList locations={organization.locations.nodes} onReload={reload} />
        </>
      )}
    </div>
  );
}

function ServiceCard({
  service,
  onChanged,
  onReload,
}: {
  service: BeheerServiceFragment;
  onChanged: (service: BeheerServiceFragment) => void;
  onReload: () => void;
}) {
  const days = service.capacity.expectedWaitDays;
  const [weeks, setWeeks] = useState(days !== null && days > 0 ? String(Math.max(1, Math.round(days / 7))) : '');
  const [weeksError, setWeeksError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<DutchError | null>(null);
  const [done, setDone] = useState<string | undefined>(undefined);
  const headingId = `hub-service-${service.id}`;

  async function report(status: ReportedCapacityStatus) {
    setDone(undefined);
    setFailure(null);
    const parsed = parseWeeks(weeks);
    if ('error' in parsed) {
      if (status === 'WAITLIST') {
        setWeeksError(parsed.error);
        return;
      }
    } else setWeeksError(undefined);
    setBusy(true);
    const capacity = capacityFor(status, service.capacity, 'weeks' in parsed ? parsed.weeks : null);
    const answer = await mutate(BeheerUpdateCapacityDocument, { input: { serviceId: service.id, expectedVersion: service.version, capacity } });
    setBusy(false);
    const next = answer.data?.updateCapacity.service;
    if (!next) {
      setFailure(answer.error);
      return;
    }
    onChanged(next);
    const wait = status === 'WAITLIST' && capacity.expectedWaitDays !== null ? `, ${weeksText(capacity.expectedWaitDays)}` : '';
    setDone(`Doorgegeven: ${ONE_CLICK.find((c) => c.status === status)?.label ?? status}${wait}. Dit staat nu in de sociale kaart.`);
  }

  async function verify() {
    setDone(undefined);
    setFailure(null);
    setBusy(true);
    const answer = await mutate(BeheerMarkVerifiedDocument, { input: { id: service.id, expectedVersion: service.version } });
    setBusy(false);
    const next = answer.data?.markServiceVerified.service;
    if (!next) {
      setFailure(answer.error);
      return;
    }
    onChanged(next);
    setDone('Vastgelegd: de gegevens van deze dienst kloppen. De sociale kaart toont de datum van vandaag.');
  }

  return (
    <section aria-labelledby={headingId} className="hub-beheer__service">
      <Heading3 id={headingId}>{service.name}</Heading3>
      <Paragraph>
        {service.status !== 'ACTIVE' && <>{label(SERVICE_STATUS_LABELS, service.status)}. </>}
        Nu in de sociale kaart: <CapacityBadge status={service.capacity.status} waitDays={null} />
        {service.capacity.status === 'WAITLIST' && days !== null ? ` Wachttijd ${weeksText(days)}.` : ''}{' '}
        {service.capacity.updatedAt ? `Doorgegeven op ${formatDate(service.capacity.updatedAt)}.` : 'Nog nooit doorgegeven.'}
        {service.capacity.updatedAt && service.capacity.stale ? ' Dat is te lang geleden: geef het opnieuw door.' : ''}
      </Paragraph>
      <TextField
        label="Wachttijd in weken"
        description="Alleen nodig bij Wachtlijst."
        value={weeks}
        onChange={setWeeks}
        error={weeksError}
        inputMode="numeric"
      />
      <ButtonGroup aria-label={`Plaatsen van ${service.name} doorgeven`} role="group">
        {ONE_CLICK.map(({ status, label: text }) => (
          <Button
            key={status}
            appearance={service.capacity.reportedStatus === status && !service.capacity.stale ? 'primary-action-button' : 'secondary-action-button'}
            aria-pressed={service.capacity.reportedStatus === status && !service.capacity.stale}
            disabled={busy}
            onClick={() => void report(status)}
          >
            {text}
          </Button>
        ))}
      </ButtonGroup>
      <WlzCareForm service={service} onChanged={onChanged} />
      <Paragraph>{verifiedText(service.freshness.lastVerifiedAt ?? null, service.freshness.stale)}</Paragraph>
      <ButtonGroup>
        <Button appearance="secondary-action-button" disabled={busy} onClick={() => void verify()}>
          Gegevens kloppen
        </Button>
      </ButtonGroup>
      {failure && (
        <>
          <ErrorAlert error={failure} headingLevel={4} />
          {failure.code === 'CONFLICT' && (
            <ButtonGroup>
              <Button
                appearance="primary-action-button"
                onClick={() => {
                  setFailure(null);
                  setDone('De nieuwste gegevens zijn geladen. Kijk of uw wijziging nog nodig is en geef hem dan opnieuw door.');
                  onReload();
                  // The button is gone: the focus goes to the message.
                  setTimeout(() => document.getElementById(`${headingId}-done`)?.focus(), 0);
                }}
              >
                Opnieuw laden
              </Button>
            </ButtonGroup>
          )}
        </>
      )}
      {done && (
        <Alert type="ok" role="status" className="hub-alert">
          <Paragraph id={`${headingId}-done`} tabIndex={-1}>
            {done}
          </Paragraph>
        </Alert>
      )}
      <Paragraph>
        <AppLink href={`/sociale-kaart/diensten/${service.id}`}>Bekijk {service.name} in de sociale kaart</AppLink>
      </Paragraph>
    </section>
  );
}
