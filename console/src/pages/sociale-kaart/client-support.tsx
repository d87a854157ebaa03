import { FormField, FormLabel, Heading, Heading1, Heading2, Paragraph, Select, SelectOption } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useSession } from '../../auth/session.ts';
import { type ClientSupportInGemeenteQuery, ClientSupportInGemeenteDocument } from '../../generated/graphql.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { label, LEGAL_DOMAIN_LABELS } from '../../labels.ts';
import { AppLink } from '../../router.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useGemeenten } from './gemeenten.ts';
import { Tag } from './service-parts.tsx';

type Services = ClientSupportInGemeenteQuery['formal']['edges'];

let lastGemeente: string | undefined;

function SupportList({ services, empty }: { services: Services; empty: string }) {
  if (services.length === 0) return <Paragraph>{empty}</Paragraph>;
  return (
    <ul className="hub-result-list">
      {services.map(({ node }) => (
        <li key={node.id} className="hub-result">
          <Heading level={3} appearance="utrecht-heading-4" className="hub-result__name">
            <AppLink href={`/sociale-kaart/diensten/${node.id}`}>{node.name}</AppLink>
          </Heading>
          <Paragraph className="hub-result__org">{node.organization.name}</Paragraph>
          <Paragraph className="hub-result__description">{node.description}</Paragraph>
          <div className="hub-tags">
            {node.independent && <Tag tone="good">Onafhankelijk</Tag>}
            {node.legalDomains.map((d) => (
              <Tag key={d}>{label(LEGAL_DOMAIN_LABELS, d)}</Tag>
            ))}
            {node.contact.phone && <Tag>Bel {node.contact.phone}</Tag>}
          </div>
        </li>
      ))}
    </ul>
  );
}

/**
 * Onafhankelijke cliëntondersteuning in one gemeente, formal and informal side by side: what the gemeente must point
 * every resident to before the Wmo-onderzoek, and what a Wlz client has a right to.
 */
export function ClientSupportPage() {
  const session = useSession();
  const gemeenten = useGemeenten();
  const [gemeenteCode, setGemeenteCode] = useState(lastGemeente ?? session?.user.gemeenteCode ?? '');
  const result = useQuery(ClientSupportInGemeenteDocument, { gemeenteCode }, { skip: !gemeenteCode });
  const name = gemeenten.find((g) => g.code === gemeenteCode)?.name;

  return (
    <>
      <Heading1 tabIndex={-1}>Cliëntondersteuning in een gemeente</Heading1>
      <Paragraph appearance="lead">
        Iedere inwoner kan gratis hulp krijgen van een cliëntondersteuner. Die helpt bij vragen over zorg, ondersteuning, wonen, werk en geld, en gaat mee naar
        gesprekken. Onafhankelijk: de cliëntondersteuner werkt niet voor wie beslist over de zorg.
      </Paragraph>
      <FormField type="select">
        <div className="utrecht-form-field__label">
          <FormLabel htmlFor="support-gemeente">Gemeente</FormLabel>
        </div>
        <div className="utrecht-form-field__input">
          <Select
            id="support-gemeente"
            value={gemeenteCode}
            onChange={(event) => {
              lastGemeente = event.target.value;
              setGemeenteCode(event.target.value);
            }}
          >
            <SelectOption value="">Kies een gemeente</SelectOption>
            {gemeenteCode && !name && <SelectOption value={gemeenteCode}>{gemeenteCode}</SelectOption>}
            {gemeenten.map((g) => (
              <SelectOption key={g.code} value={g.code}>
                {g.name}
              </SelectOption>
            ))}
          </Select>
        </div>
      </FormField>
      {result.error && <ErrorAlert error={result.error} />}
      {gemeenteCode && result.data && (
        <div aria-live="polite" className="hub-support-columns">
          <section aria-labelledby="support-formal">
            <Heading2 id="support-formal">Door beroepskrachten{name ? ` in ${name}` : ''}</Heading2>
            <Paragraph>Cliëntondersteuners van de gemeente, het zorgkantoor of een onafhankelijke organisatie.</Paragraph>
            <SupportList services={result.data.formal.edges} empty="Er is geen formele cliëntondersteuning gevonden." />
          </section>
          <section aria-labelledby="support-informal">
            <Heading2 id="support-informal">Door vrijwilligers en ervaringsdeskundigen{name ? ` in ${name}` : ''}</Heading2>
            <Paragraph>Informele cliëntondersteuning: lichtere hulp, vaak bij één vraag. Bij een grotere vraag dragen zij warm over.</Paragraph>
            <SupportList services={result.data.informal.edges} empty="Er is geen informele cliëntondersteuning gevonden." />
          </section>
        </div>
      )}
    </>
  );
}
