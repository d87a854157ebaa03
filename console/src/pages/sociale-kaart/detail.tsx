import { DataList, DataListItem, DataListKey, DataListValue, Heading1, Heading2, Link, Paragraph } from '@utrecht/component-library-react';
import { useSession } from '../../auth/session.ts';
import { type ServiceDetailQuery, ServiceDetailDocument } from '../../generated/graphql.ts';
import { useQuery } from '../../graphql/use-query.ts';
import {
  AREA_SCOPE_LABELS,
  COST_LABELS,
  formatDate,
  formatEuro,
  label,
  LANGUAGE_LABELS,
  LEGAL_DOMAIN_LABELS,
  LEVERINGSVORM_LABELS,
  LIFE_DOMAIN_LABELS,
  SERVICE_STATUS_LABELS,
  SUPPORT_FORM_LABELS,
  TARGET_GROUP_LABELS,
  WLZ_SECTOR_LABELS,
} from '../../labels.ts';
import type { PageProps } from '../registry.ts';
import { AppLink } from '../../router.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { LockIcon, PrintIcon } from '../../ui/icons.tsx';
import { CapacityBadge, OpeningHoursTable, Tag, verifiedText } from './service-parts.tsx';

export type ServiceDetail = NonNullable<ServiceDetailQuery['service']>;

export function ageText(min: number | null, max: number | null): string | undefined {
  if (min !== null && max !== null) return `Van ${min} tot en met ${max} jaar.`;
  if (min !== null) return `Vanaf ${min} jaar.`;
  if (max !== null) return `Tot en met ${max} jaar.`;
  return undefined;
}

export function costText(cost: ServiceDetail['cost']): string {
  const amount = cost.type === 'AMOUNT' && cost.amount !== null ? `: ${formatEuro(cost.amount)}` : '';
  return `${label(COST_LABELS, cost.type)}${amount}${cost.description ? `. ${cost.description}` : ''}`;
}

/** A list of codes in Dutch, or nothing when empty. */
function CodeList({ title, codes, labels }: { title: string; codes: string[]; labels: Record<string, string> }) {
  if (codes.length === 0) return null;
  return (
    <DataListItem>
      <DataListKey>{title}</DataListKey>
      <DataListValue>{codes.map((c) => label(labels, c)).join(', ')}</DataListValue>
    </DataListItem>
  );
}

export function ServiceDetailPage({ params }: PageProps) {
  const session = useSession();
  const id = params.id ?? '';
  const result = useQuery(ServiceDetailDocument, { id });
  const service = result.data?.service;

  // One heading element in every state, so the focus the router puts on it stays when the service arrives.
  if (!service) {
    return (
      <article className="hub-service">
        <Paragraph className="hub-no-print">
          <AppLink href="/sociale-kaart">Terug naar zoeken</AppLink>
        </Paragraph>
        <Heading1 tabIndex={-1}>{result.loading ? 'Dienst' : 'Dienst niet gevonden'}</Heading1>
        {result.loading && <Paragraph aria-live="polite">Even geduld, de dienst wordt geladen…</Paragraph>}
        {!result.loading && (result.error ? <ErrorAlert error={result.error} /> : <Paragraph>Deze dienst bestaat niet (meer) in de sociale kaart.</Paragraph>)}
      </article>
    );
  }

  const age = ageText(service.minimumAge, service.maximumAge);
  const activeLocations = service.locations.nodes.filter((l) => l.active);
  const phones = service.organization.phones;
  return (
    <article className="hub-service">
      <Paragraph className="hub-no-print">
        <AppLink href="/sociale-kaart">Terug naar zoeken</AppLink>
      </Paragraph>
      <Heading1 tabIndex={-1}>{service.name}</Heading1>
      <Paragraph appearance="lead">{service.organization.name}</Paragraph>
      <div className="hub-tags">
        <CapacityBadge status={service.capacity.status} waitDays={service.capacity.expectedWaitDays} />
        <Tag>{service.formality === 'INFORMAL' ? 'Informeel: vrijwilligers of ervaringsdeskundigen' : 'Formeel: beroepskrachten'}</Tag>
        {service.independent && <Tag>Onafhankelijk</Tag>}
        {service.status !== 'ACTIVE' && <Tag tone="bad">{label(SERVICE_STATUS_LABELS, service.status)}</Tag>}
      </div>
      {result.fieldErrors.map((error) => (
        <ErrorAlert key={error.code} error={error} />
      ))}
      <Paragraph className="hub-no-print">
        <AppLink href={`/sociale-kaart/diensten/${service.id}/afdrukken`} className="hub-icon-link">
          <PrintIcon /> Informatieblad om mee te geven aan de inwoner
        </AppLink>
      </Paragraph>

      <Heading2>Wat is het?</Heading2>
      <Paragraph>{service.description}</Paragraph>

      <Heading2>Voor wie?</Heading2>
      <DataList>
        <CodeList title="Doelgroep" codes={service.targetGroups} labels={TARGET_GROUP_LABELS} />
        {age && (
          <DataListItem>
            <DataListKey>Leeftijd</DataListKey>
            <DataListValue>{age}</DataListValue>
          </DataListItem>
        )}
        {service.eligibility && (
          <DataListItem>
            <DataListKey>Voorwaarden</DataListKey>
            <DataListValue>{service.eligibility}</DataListValue>
          </DataListItem>
        )}
        <DataListItem>
          <DataListKey>Kosten</DataListKey>
          <DataListValue>{costText(service.cost)}</DataListValue>
        </DataListItem>
        {service.languages.length > 0 && <CodeList title="Talen" codes={service.languages} labels={LANGUAGE_LABELS} />}
      </DataList>

      <Heading2>Zo meldt u zich aan</Heading2>
      {service.applicationProcess ? <Paragraph>{service.applicationProcess}</Paragraph> : <Paragraph>Neem contact op met de organisatie.</Paragraph>}
      <DataList>
        {service.contact.phone && (
          <DataListItem>
            <DataListKey>Telefoon</DataListKey>
            <DataListValue>
              <Link href={`tel:${service.contact.phone.replace(/[^+\d]/g, '')}`}>{service.contact.phone}</Link>
            </DataListValue>
          </DataListItem>
        )}
        {service.contact.email && (
          <DataListItem>
            <DataListKey>E-mail</DataListKey>
            <DataListValue>
              <Link href={`mailto:${service.contact.email}`}>{service.contact.email}</Link>
            </DataListValue>
          </DataListItem>
        )}
        {service.contact.url && (
          <DataListItem>
            <DataListKey>Website</DataListKey>
            <DataListValue>
              <Link href={service.contact.url} rel="noreferrer noopener" target="_blank" external>
                {service.contact.url}
                <span className="hub-visually-hidden"> (opent in een nieuw tabblad)</span>
              </Link>
            </DataListValue>
          </DataListItem>
        )}
        {phones.map((phone) => (
          <DataListItem key={phone.number}>
            <DataListKey>Telefoon organisatie{phone.description ? ` (${phone.description})` : ''}</DataListKey>
            <DataListValue>
              <Link href={`tel:${phone.number.replace(/[^+\d]/g, '')}`}>{phone.number}</Link>
            </DataListValue>
          </DataListItem>
        ))}
        <DataListItem>
          <DataListKey>Binnenlopen zonder afspraak</DataListKey>
          <DataListValue>{service.contact.walkIn ? 'Ja' : 'Nee, maak eerst een afspraak'}</DataListValue>
        </DataListItem>
      </DataList>

      <Heading2>Openingstijden</Heading2>
      <OpeningHoursTable hours={service.openingHours} caption={`Openingstijden van ${service.name}`} />

      <Heading2>Locaties</Heading2>
      {activeLocations.length === 0 && <Paragraph>Er is geen adres bekend. De hulp wordt misschien bij de inwoner thuis gegeven.</Paragraph>}
      <ul className="hub-locations">
        {activeLocations.map((location) => (
          <li key={location.id} className="hub-location">
            <Paragraph>
              <strong>{location.name}</strong>
              {location.confidential && (
                <span className="hub-confidential">
                  <LockIcon /> Vertrouwelijk adres: niet doorgeven
                </span>
              )}
            </Paragraph>
            {(location.address || location.city) && (
              <Paragraph>{[location.address, [location.postalCode, location.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')}</Paragraph>
            )}
            {location.accessibility && <Paragraph appearance="small">Toegankelijkheid: {location.accessibility}</Paragraph>}
          </li>
        ))}
      </ul>
      {!session && <Paragraph appearance="small">Vertrouwelijke adressen, zoals van de opvang, ziet u alleen als u bent ingelogd als professional.</Paragraph>}

      <Heading2>Plaatsen en wachttijd</Heading2>
      <DataList>
        <DataListItem>
          <DataListKey>Nu</DataListKey>
          <DataListValue>
            <CapacityBadge status={service.capacity.status} waitDays={null} />
          </DataListValue>
        </DataListItem>
        {service.capacity.available !== null && (
          <DataListItem>
            <DataListKey>Vrije plaatsen</DataListKey>
            <DataListValue>
              {service.capacity.available}
              {service.capacity.maximum !== null ? ` van de ${service.capacity.maximum}` : ''}
              {service.capacity.unit ? ` (${service.capacity.unit})` : ''}
            </DataListValue>
          </DataListItem>
        )}
        {service.capacity.expectedWaitDays !== null && (
          <DataListItem>
            <DataListKey>Verwachte wachttijd</DataListKey>
            <DataListValue>{service.capacity.expectedWaitDays === 0 ? 'Geen wachttijd' : `Ongeveer ${service.capacity.expectedWaitDays} dagen`}</DataListValue>
          </DataListItem>
        )}
        <DataListItem>
          <DataListKey>Doorgegeven op</DataListKey>
          <DataListValue>
            {service.capacity.updatedAt ? formatDate(service.capacity.updatedAt) : 'Nooit doorgegeven'}
            {service.capacity.updatedAt && service.capacity.stale ? ' (te lang geleden om op te vertrouwen)' : ''}
          </DataListValue>
        </DataListItem>
      </DataList>

      <Heading2>Wet en ondersteuning</Heading2>
      <DataList>
        <CodeList title="Wet" codes={service.legalDomains} labels={LEGAL_DOMAIN_LABELS} />
        <CodeList title="Leefgebied" codes={service.lifeDomains} labels={LIFE_DOMAIN_LABELS} />
        <CodeList title="Vormen van cliëntondersteuning" codes={service.supportForms} labels={SUPPORT_FORM_LABELS} />
        <CodeList title="Wlz-sector" codes={service.wlzSectors} labels={WLZ_SECTOR_LABELS} />
        <CodeList title="Leveringsvorm" codes={service.leveringsvormen} labels={LEVERINGSVORM_LABELS} />
        {service.zorgprofielen.length > 0 && (
          <DataListItem>
            <DataListKey>Zorgprofielen</DataListKey>
            <DataListValue>
              <ul className="hub-plain-list">
                {service.zorgprofielen.map((z) => (
                  <li key={z.code}>
                    {`${z.name} – ${z.label}`}
                    {z.expired ? ' (wordt niet meer geïndiceerd)' : ''}
                  </li>
                ))}
              </ul>
            </DataListValue>
          </DataListItem>
        )}
        <DataListItem>
          <DataListKey>Werkgebied</DataListKey>
          <DataListValue>
            {label(AREA_SCOPE_LABELS, service.serviceArea.scope)}
            {service.serviceArea.scope === 'REGIONAL' && service.serviceArea.zorgkantoorregios.length > 0
              ? `: ${service.serviceArea.zorgkantoorregios.map((r) => r.name).join(', ')}`
              : ''}
            {service.serviceArea.scope === 'GEMEENTEN' && service.serviceArea.gemeenten.length > 0
              ? `: ${service.serviceArea.gemeenten.map((g) => g.name).join(', ')}`
              : ''}
          </DataListValue>
        </DataListItem>
      </DataList>

      <Heading2>Hoe actueel is dit?</Heading2>
      <Paragraph>{verifiedText(service.freshness.lastVerifiedAt, service.freshness.stale)}</Paragraph>
      <Paragraph appearance="small">Laatst gewijzigd op {formatDate(service.updatedAt)}.</Paragraph>
    </article>
  );
}
