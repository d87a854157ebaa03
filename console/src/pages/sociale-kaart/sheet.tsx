import { Button, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { ServiceDetailDocument } from '../../generated/graphql.ts';
import { useQuery } from '../../graphql/use-query.ts';
import type { PageProps } from '../registry.ts';
import { AppLink } from '../../router.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { PrintIcon } from '../../ui/icons.tsx';
import { ageText, costText } from './detail.tsx';
import { OpeningHoursTable, verifiedText } from './service-parts.tsx';

/**
 * An information sheet about one service to print and give to a resident: what it is, for whom, how to apply,
 * how to reach it and when. In plain words; without confidential addresses (a sheet travels).
 */
export function ServiceSheetPage({ params }: PageProps) {
  const id = params.id ?? '';
  const result = useQuery(ServiceDetailDocument, { id });
  const service = result.data?.service;
  // One heading element in every state, so the focus the router puts on it stays when the service arrives.
  if (!service) {
    return (
      <article className="hub-sheet">
        <div className="hub-no-print hub-sheet__actions">
          <AppLink href={`/sociale-kaart/diensten/${id}`}>Terug naar de dienst</AppLink>
        </div>
        <Paragraph appearance="small" className="hub-sheet__kicker">
          Informatie voor u
        </Paragraph>
        <Heading1 tabIndex={-1}>Informatieblad</Heading1>
        {result.loading && <Paragraph aria-live="polite">Even geduld…</Paragraph>}
        {result.error && <ErrorAlert error={result.error} />}
        {!result.loading && !result.error && <Paragraph>Deze dienst bestaat niet (meer) in de sociale kaart.</Paragraph>}
      </article>
    );
  }
  const age = ageText(service.minimumAge, service.maximumAge);
  const addresses = service.locations.nodes.filter((l) => l.active && !l.confidential);
  const hasConfidential = service.locations.nodes.some((l) => l.active && l.confidential);
  const contact = service.contact;
  return (
    <article className="hub-sheet">
      <div className="hub-no-print hub-sheet__actions">
        <AppLink href={`/sociale-kaart/diensten/${service.id}`}>Terug naar de dienst</AppLink>
        <Button appearance="primary-action-button" onClick={() => window.print()}>
          <PrintIcon /> Afdrukken
        </Button>
      </div>
      <Paragraph appearance="small" className="hub-sheet__kicker">
        Informatie voor u
      </Paragraph>
      <Heading1 tabIndex={-1}>{service.name}</Heading1>
      <Paragraph appearance="lead">{service.organization.name}</Paragraph>

      <Heading2>Wat is het?</Heading2>
      <Paragraph>{service.description}</Paragraph>

      <Heading2>Voor wie?</Heading2>
      <Paragraph>
        {service.eligibility ?? 'Voor inwoners die deze hulp nodig hebben.'}
        {age ? ` ${age}` : ''}
      </Paragraph>
      <Paragraph>Kosten: {costText(service.cost)}</Paragraph>

      <Heading2>Hoe meldt u zich aan?</Heading2>
      <Paragraph>{service.applicationProcess ?? 'Neem contact op. Zij vertellen u wat de volgende stap is.'}</Paragraph>
      <ul className="hub-sheet__contact">
        {contact.phone && <li>Bel: {contact.phone}</li>}
        {contact.email && <li>Mail: {contact.email}</li>}
        {contact.url && <li>Website: {contact.url}</li>}
        {service.organization.phones.map((p) => (
          <li key={p.number}>
            Bel {p.description ? `(${p.description})` : ''}: {p.number}
          </li>
        ))}
        <li>{contact.walkIn ? 'U kunt binnenlopen zonder afspraak.' : 'Maak eerst een afspraak.'}</li>
      </ul>

      <Heading2>Wanneer?</Heading2>
      <OpeningHoursTable hours={service.openingHours} caption={`Openingstijden van ${service.name}`} />

      <Heading2>Waar?</Heading2>
      {addresses.length === 0 && !hasConfidential && <Paragraph>De hulp komt naar u toe, of u spreekt samen een plek af.</Paragraph>}
      {addresses.map((l) => (
        <Paragraph key={l.id}>
          {l.name}
          {l.address || l.city ? `: ${[l.address, [l.postalCode, l.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')}` : ''}
        </Paragraph>
      ))}
      {hasConfidential && <Paragraph>Het adres is geheim. Bel eerst: dan hoort u waar u terecht kunt.</Paragraph>}

      <Paragraph appearance="small" className="hub-sheet__footer">
        {verifiedText(service.freshness.lastVerifiedAt, service.freshness.stale)} Uit de sociale kaart van de Cliëntondersteuning hub.
      </Paragraph>
    </article>
  );
}
