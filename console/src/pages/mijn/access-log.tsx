import {
  Alert,
  Button,
  ButtonGroup,
  Checkbox,
  FormField,
  Heading,
  FormLabel,
  Heading1,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useState } from 'react';
import { MyAccessLogDocument, type MyAccessLogQuery } from '../../generated/graphql.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDateTime, PURPOSE_EXPLANATIONS } from '../clienten/labels.ts';
import { SelectField, TextField } from '../clienten/fields.tsx';
import { daysBefore, nextDay, startOfDayInNl } from '../privacy/overview.ts';
import { todayInNl } from '../warme-overdracht/labels.ts';
import { MijnParts, myCategories, NothingKnown, personRoles } from './shared.tsx';

type Edge = NonNullable<MyAccessLogQuery['mySupport']>['accessLog']['edges'][number];
type Line = Edge['node'];

const PAGE_SIZE = 100;

const ACTION_WORDS: Record<string, string> = {
  CREATE: 'legde vast',
  READ: 'bekeek',
  UPDATE: 'wijzigde',
  DELETE: 'verwijderde',
  SEARCH: 'zocht u op',
  EXPORT: 'downloadde',
};

const whatText = (line: Line) => myCategories(line.dataCategories) || 'uw gegevens';

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Why it was allowed (or not), in the client's words. */
export function groundWords(line: Line): string {
  if (line.outcome === 'REFUSED') {
    if (line.authorizationGround.includes('BREAK_GLASS')) return 'Geweigerd: noodtoegang was niet toegestaan';
    return 'Geweigerd: er was geen geldige toestemming';
  }
  const parts = line.authorizationGround.split(',').map((part) => {
    if (part === 'OWN_ORGANIZATION') return 'de organisatie helpt u zelf';
    if (part.startsWith('CONSENT')) return 'u gaf toestemming';
    if (part === 'BREAK_GLASS')
      return line.outcomeReason === 'BREAK_GLASS_OPENED' ? 'noodtoegang geopend' : 'noodtoegang (zonder toestemming, bij acuut gevaar)';
    if (part === 'CLIENT_SELF') return 'u deed dit zelf';
    if (part === 'MACHTIGING') return 'uw gemachtigde deed dit namens u';
    if (part === 'BSN_PROOF') return 'de organisatie liet zien dat zij uw BSN al had';
    if (part === 'BSN_REGISTRATION_CHECK') return 'controle bij het aanmelden';
    if (part.startsWith('WARM_HANDOVER')) return 'voor een overdracht naar een andere organisatie';
    if (part.startsWith('STATED_PURPOSE:')) {
      const purpose = part.slice('STATED_PURPOSE:'.length);
      return `met als doel: ${(PURPOSE_EXPLANATIONS[purpose]?.name ?? purpose).toLowerCase()}`;
    }
    if (part === 'NONE') return 'geen grond';
    return part;
  });
  const text = parts.filter((p, i) => parts.indexOf(p) === i).join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const isBreakGlass = (line: Line) => line.authorizationGround.includes('BREAK_GLASS');

interface Filter {
  from: string;
  until: string;
  organization: string;
  special: boolean;
}

export function MyAccessLogPage() {
  const today = todayInNl();
  const [draft, setDraft] = useState<Filter>({ from: daysBefore(today, 365), until: today, organization: '', special: false });
  const [filter, setFilter] = useState<Filter>(draft);
  const [periodError, setPeriodError] = useState<string | undefined>(undefined);
  const [after, setAfter] = useState<string | undefined>(undefined);
  const [earlier, setEarlier] = useState<Edge[]>([]);
  const result = useQuery(MyAccessLogDocument, {
    from: startOfDayInNl(filter.from),
    to: startOfDayInNl(nextDay(filter.until)),
    first: PAGE_SIZE,
    after,
  });
  const support = result.data?.mySupport;
  const connection = support?.accessLog;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new period starts at the first page again.
  useEffect(() => {
    setAfter(undefined);
    setEarlier([]);
  }, [filter.from, filter.until]);

  const stale = after !== undefined && connection?.pageInfo.endCursor === after;
  const edges = [...earlier, ...(result.loading || stale ? [] : (connection?.edges ?? []))];
  const organizations = new Map<string, string>();
  for (const { node } of edges) organizations.set(node.organization.id, node.organization.name);
  const shown = edges.filter(
    ({ node }) =>
      (!filter.organization || node.organization.id === filter.organization) && (!filter.special || node.outcome === 'REFUSED' || isBreakGlass(node)),
  );

  function onFilter(event: FormEvent) {
    event.preventDefault();
    if (!draft.from || !draft.until || draft.until < draft.from) {
      setPeriodError('Kies een begindatum en een einddatum. De einddatum ligt op of na de begindatum.');
      return;
    }
    setPeriodError(undefined);
    setFilter({ ...draft });
  }

  const openings = support?.breakGlassOpenings.nodes ?? [];

  return (
    <div className="hub-flow hub-privacy">
      <Heading1 tabIndex={-1}>Wie bekeek mijn gegevens</Heading1>
      <MijnParts current="/mijn/inzage" />
      <Paragraph appearance="lead">
        Elke keer dat iemand uw gegevens bekijkt of wijzigt, schrijft de hub dat op. Hier ziet u wie dat was, van welke organisatie, wat die bekeek, wanneer, en
        waarom dat mocht. Ook als het níet mocht en werd geweigerd.
      </Paragraph>
      {result.error && <ErrorAlert error={result.error} />}
      {result.data && !support && <NothingKnown />}
      {openings.length > 0 && (
        <Alert type="warning" className="hub-alert">
          <Heading level={2} id="break-glass-openings" appearance="utrecht-heading-4">
            Noodtoegang tot uw gegevens
          </Heading>
          <Paragraph>
            Bij acuut gevaar mag een hulpverlener uw gegevens een paar uur zien zonder uw toestemming. Dat heet noodtoegang. De privacy officer van die
            organisatie controleert achteraf of het terecht was.
          </Paragraph>
          {openings.map((o) => (
            <Paragraph key={o.id}>
              {formatDateTime(o.openedAt)}: een {personRoles(o.role)} van {o.organization.name}, tot {formatDateTime(o.expiresAt)}. De reden die is
              opgeschreven: “{o.reason}”
            </Paragraph>
          ))}
        </Alert>
      )}
      <form onSubmit={onFilter} noValidate className="hub-form hub-no-print">
        <fieldset className="hub-form-section">
          <legend>Filter</legend>
          <TextField label="Vanaf" type="date" value={draft.from} error={periodError} onChange={(from) => setDraft((d) => ({ ...d, from }))} />
          <TextField label="Tot en met" type="date" value={draft.until} onChange={(until) => setDraft((d) => ({ ...d, until }))} />
          <SelectField
            label="Organisatie"
            value={draft.organization}
            onChange={(organization) => setDraft((d) => ({ ...d, organization }))}
            options={[{ value: '', label: 'Alle organisaties' }, ...[...organizations].map(([value, name]) => ({ value, label: name }))]}
          />
          <FormField type="checkbox" className="hub-choice">
            <div className="utrecht-form-field__input">
              <Checkbox id="only-special" checked={draft.special} onChange={() => setDraft((d) => ({ ...d, special: !d.special }))} />
            </div>
            <div className="utrecht-form-field__label">
              <FormLabel htmlFor="only-special" type="checkbox">
                Alleen weigeringen en noodtoegang
              </FormLabel>
            </div>
          </FormField>
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button">
              Filter toepassen
            </Button>
            <Button appearance="secondary-action-button" onClick={() => window.print()}>
              Afdrukken
            </Button>
          </ButtonGroup>
        </fieldset>
      </form>
      {result.loading && edges.length === 0 && <Paragraph aria-live="polite">Even geduld, het overzicht wordt geladen…</Paragraph>}
      {support && (
        <section aria-labelledby="access-lines">
          <Heading2 id="access-lines">
            Overzicht van {filter.from.split('-').reverse().join('-')} tot en met {filter.until.split('-').reverse().join('-')}
          </Heading2>
          <Paragraph role="status">
            {shown.length === 1 ? '1 keer' : `${shown.length} keer`} {filter.special ? 'geweigerd of met noodtoegang' : 'bekeken, gewijzigd of geweigerd'}
            {filter.organization ? ` door ${organizations.get(filter.organization) ?? 'één organisatie'}` : ''}.
          </Paragraph>
          {shown.length > 0 && (
            <div className="hub-table-scroll hub-stack-table">
              <Table>
                <TableCaption>Wie uw gegevens bekeek</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Wanneer</TableHeaderCell>
                    <TableHeaderCell scope="col">Wie</TableHeaderCell>
                    <TableHeaderCell scope="col">Wat</TableHeaderCell>
                    <TableHeaderCell scope="col">Waarom mocht dat</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {shown.map(({ node }) => (
                    <TableRow key={node.eventId} className={isBreakGlass(node) || node.outcome === 'REFUSED' ? 'hub-row-flag' : undefined}>
                      <TableCell data-label="Wanneer">{formatDateTime(node.occurredAt)}</TableCell>
                      <TableCell data-label="Wie">
                        {node.role === 'CLIENT' ? (node.onBehalfOf ? 'Uw gemachtigde' : 'Uzelf') : `Een ${personRoles(node.role)}`} ({node.organization.name})
                      </TableCell>
                      <TableCell data-label="Wat">
                        {node.outcome === 'REFUSED' ? 'Wilde zien' : capital(ACTION_WORDS[node.action] ?? node.action)}: {whatText(node)}
                      </TableCell>
                      <TableCell data-label="Waarom mocht dat">{groundWords(node)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
          {connection?.pageInfo.hasNextPage && !stale && (
            <Paragraph className="hub-no-print">
              <Button
                appearance="secondary-action-button"
                onClick={() => {
                  setEarlier(edges);
                  setAfter(connection.pageInfo.endCursor ?? undefined);
                }}
              >
                Meer regels laden
              </Button>
            </Paragraph>
          )}
        </section>
      )}
    </div>
  );
}
