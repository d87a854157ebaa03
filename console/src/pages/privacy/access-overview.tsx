import {
  Alert,
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  Heading1,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { isValidBsn, normalizeBsn } from '@hub/domain/bsn';
import { type FormEvent, useEffect, useState } from 'react';
import { useSession } from '../../auth/session.ts';
import type { DutchError } from '../../errors.ts';
import { PrivacyAccessLogDocument, PrivacyAccessLogExportDocument, type PrivacyAccessLogQuery, PrivacyFindClientDocument } from '../../generated/graphql.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { formatDate } from '../../labels.ts';
import { AppLink } from '../../router.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDateTime } from '../clienten/labels.ts';
import { SelectField, TextField } from '../clienten/fields.tsx';
import { mutate } from '../clienten/mutate.ts';
import { todayInNl } from '../warme-overdracht/labels.ts';
import { ACCESS_ACTION_LABELS, accessLogCsv, categoryName, daysBefore, groundText, nextDay, outcomeText, roleNames, startOfDayInNl } from './overview.ts';

const PAGE_SIZE = 50;

type Edge = NonNullable<PrivacyAccessLogQuery['client']>['accessLog']['edges'][number];

interface Filter {
  from: string;
  until: string;
  organization: string;
}

/** The client whose overview is open: its id and the last digits of the BSN, in memory only (never in the URL). */
interface FoundClient {
  id: string;
  bsnEnd: string;
}

const BSN_ERROR = 'Dit is geen geldig BSN. Een BSN heeft 9 cijfers en klopt met de elfproef. Controleer het nummer.';

export function AccessOverviewPage() {
  const session = useSession();
  const today = todayInNl();
  const [bsn, setBsn] = useState('');
  const [bsnError, setBsnError] = useState<string | undefined>(undefined);
  const [searching, setSearching] = useState(false);
  const [notFound, setNotFound] = useState(false);
  const [searchError, setSearchError] = useState<DutchError | null>(null);
  const [client, setClient] = useState<FoundClient | null>(null);
  const [draft, setDraft] = useState<Filter>({ from: daysBefore(today, 30), until: today, organization: '' });
  const [filter, setFilter] = useState<Filter>(draft);
  const [periodError, setPeriodError] = useState<string | undefined>(undefined);
  const [after, setAfter] = useState<string | undefined>(undefined);
  const [earlier, setEarlier] = useState<Edge[]>([]);
  const [organizations, setOrganizations] = useState<Map<string, string>>(new Map());
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<DutchError | null>(null);
  const [exported, setExported] = useState<string | undefined>(undefined);
  const [focusOverview, setFocusOverview] = useState(false);
  /** After "Meer regels laden": the row that takes the focus once it is there (the button is gone by then). */
  const [focusRow, setFocusRow] = useState<number | null>(null);

  const period = { from: startOfDayInNl(filter.from), to: startOfDayInNl(nextDay(filter.until)), organization: filter.organization || null };
  const result = useQuery(PrivacyAccessLogDocument, { client: client?.id ?? '', ...period, first: PAGE_SIZE, after }, { skip: !client });
  const connection = result.data?.client?.accessLog;

  // Another client or another filter starts at the first page again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on these inputs only.
  useEffect(() => {
    setAfter(undefined);
    setEarlier([]);
  }, [client, filter]);

  // The organisations seen in the overview so far are the choices of the organisation filter.
  useEffect(() => {
    if (!connection) return;
    setOrganizations((known) => {
      const next = new Map(known);
      for (const { node } of connection.edges) next.set(node.organization.id, node.organization.name);
      return next.size === known.size ? known : next;
    });
  }, [connection]);

  // After a search the overview's heading takes the focus, so the keyboard and a screen reader go on from there.
  useEffect(() => {
    if (!focusOverview) return;
    document.getElementById('hub-overview-title')?.focus();
    setFocusOverview(false);
  }, [focusOverview]);

  async function onSearch(event: FormEvent) {
    event.preventDefault();
    setNotFound(false);
    setSearchError(null);
    const number = bsn.replace(/[\s.]/g, '');
    if (!normalizeBsn(number) || !isValidBsn(number)) {
      setBsnError(BSN_ERROR);
      return;
    }
    setBsnError(undefined);
    setSearching(true);
    const found = await mutate(PrivacyFindClientDocument, { bsn: number });
    setSearching(false);
    // The BSN is not kept in the form once it has been sent.
    setBsn('');
    if (found.error) {
      setSearchError(found.error);
      return;
    }
    const id = found.data?.findClientByBsn?.id;
    if (!id) {
      setClient(null);
      setNotFound(true);
      return;
    }
    setOrganizations(new Map());
    setExported(undefined);
    setClient({ id, bsnEnd: number.slice(-3) });
    setFocusOverview(true);
  }

  function onFilter(event: FormEvent) {
    event.preventDefault();
    if (!draft.from || !draft.until || draft.until < draft.from) {
      setPeriodError('Kies een begindatum en een einddatum. De einddatum ligt op of na de begindatum.');
      return;
    }
    setPeriodError(undefined);
    setFilter({ ...draft });
  }

  async function onExport() {
    if (!client) return;
    setExporting(true);
    setExportError(null);
    const answer = await mutate(PrivacyAccessLogExportDocument, { client: client.id, ...period });
    setExporting(false);
    const lines = answer.data?.client?.accessLogExport.lines;
    if (answer.error || !lines) {
      setExportError(answer.error);
      return;
    }
    const file = new Blob([accessLogCsv(lines)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(file);
    const link = document.createElement('a');
    link.href = url;
    link.download = `inzageoverzicht-${today}.csv`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setExported(
      `Het overzicht is gedownload (${lines.length} ${lines.length === 1 ? 'regel' : 'regels'}). Dat u het downloadde, staat nu ook in het overzicht.`,
    );
    result.reload();
  }

  // Right after "Meer regels laden" the answer on hand is still the page the new one continues from.
  const stale = after !== undefined && connection?.pageInfo.endCursor === after;
  const edges = [...earlier, ...(result.loading || stale ? [] : (connection?.edges ?? []))];

  useEffect(() => {
    if (focusRow === null || edges.length <= focusRow) return;
    document.querySelector<HTMLElement>(`[data-row="${focusRow}"]`)?.focus();
    setFocusRow(null);
  }, [focusRow, edges.length]);
  const organizationName = filter.organization ? (organizations.get(filter.organization) ?? 'één organisatie') : 'alle organisaties';
  const refused = result.error?.code === 'FORBIDDEN';

  return (
    <div className="hub-flow hub-privacy">
      <Heading1 tabIndex={-1}>Wie heeft de gegevens van een cliënt bekeken?</Heading1>
      <Paragraph appearance="lead" className="hub-no-print">
        Een cliënt mag weten wie zijn gegevens heeft bekeken of gewijzigd (NEN 7513). Zoek de cliënt op met het BSN. U ziet dan per keer wie het was, van welke
        organisatie, wat die deed en waarom dat mocht.
      </Paragraph>
      <Paragraph className="hub-no-print">
        <AppLink href="/privacy/noodtoegang">Noodtoegang beoordelen</AppLink>: elke keer dat een medewerker van uw organisatie gegevens opende zonder
        toestemming.
      </Paragraph>
      <Paragraph className="hub-no-print">
        <AppLink href="/privacy/correctieverzoeken">Correctieverzoeken</AppLink>: cliënten die vragen om gegevens van uw organisatie te verbeteren.
      </Paragraph>

      <form onSubmit={(event) => void onSearch(event)} noValidate className="hub-form hub-no-print">
        <Fieldset className="hub-form-section">
          <FieldsetLegend>Zoek de cliënt</FieldsetLegend>
          <TextField
            label="BSN van de cliënt"
            description="9 cijfers. We controleren het nummer meteen. Het nummer wordt niet bewaard; de zoekvraag zelf komt wel in het overzicht."
            value={bsn}
            onChange={setBsn}
            error={bsnError}
            inputMode="numeric"
          />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" disabled={searching}>
              {searching ? 'Bezig met zoeken…' : 'Zoeken'}
            </Button>
          </ButtonGroup>
        </Fieldset>
      </form>
      {searchError && <ErrorAlert error={searchError} />}
      {notFound && (
        <Alert type="warning" role="alert" className="hub-alert hub-no-print">
          <Paragraph>
            <strong>Er is geen cliënt met dit BSN in de hub.</strong> Controleer het nummer. Staat de cliënt niet in de hub, dan heeft ook niemand zijn gegevens
            in de hub bekeken.
          </Paragraph>
        </Alert>
      )}

      {client && (
        <section aria-labelledby="hub-overview-title" className="hub-flow">
          <Heading2 id="hub-overview-title" tabIndex={-1}>
            Inzageoverzicht van de cliënt met BSN eindigend op {client.bsnEnd}
          </Heading2>
          <Paragraph>
            Periode: {formatDate(`${filter.from}T12:00:00Z`)} tot en met {formatDate(`${filter.until}T12:00:00Z`)}. Organisatie: {organizationName}.
            {session?.user.name ? ` Opgevraagd door ${session.user.name} op ${formatDate(new Date().toISOString())}.` : ''}
          </Paragraph>

          <form onSubmit={onFilter} noValidate className="hub-form hub-no-print">
            <Fieldset className="hub-form-section">
              <FieldsetLegend>Kies periode en organisatie</FieldsetLegend>
              <TextField label="Van" type="date" value={draft.from} onChange={(from) => setDraft((d) => ({ ...d, from }))} error={periodError} />
              <TextField label="Tot en met" type="date" value={draft.until} onChange={(until) => setDraft((d) => ({ ...d, until }))} />
              <SelectField
                label="Organisatie"
                description="De organisaties die u in het overzicht ziet."
                value={draft.organization}
                onChange={(organization) => setDraft((d) => ({ ...d, organization }))}
                options={[
                  { value: '', label: 'Alle organisaties' },
                  ...[...organizations.entries()].sort((a, b) => a[1].localeCompare(b[1], 'nl')).map(([value, text]) => ({ value, label: text })),
                ]}
              />
              <ButtonGroup>
                <Button type="submit" appearance="secondary-action-button">
                  Toon overzicht
                </Button>
              </ButtonGroup>
            </Fieldset>
          </form>

          {refused ? (
            <Alert type="error" role="alert" className="hub-alert">
              <Paragraph>
                <strong>U kunt het overzicht van deze cliënt niet inzien.</strong> U ziet alleen het overzicht van cliënten die uw organisatie helpt. Vraag het
                overzicht aan bij de organisatie die de cliënt helpt.
              </Paragraph>
            </Alert>
          ) : (
            result.error && <ErrorAlert error={result.error} />
          )}
          {result.loading && edges.length === 0 && <Paragraph>Het overzicht wordt geladen…</Paragraph>}
          {!result.loading && !result.error && edges.length === 0 && <Paragraph>In deze periode heeft niemand de gegevens van deze cliënt bekeken.</Paragraph>}
          {edges.length > 0 && (
            <div className="hub-table-scroll hub-stack-table">
              <Table className="hub-access-log">
                <caption className="hub-visually-hidden">Wie de gegevens van de cliënt bekeek of wijzigde, oudste eerst</caption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Wanneer</TableHeaderCell>
                    <TableHeaderCell scope="col">Wie</TableHeaderCell>
                    <TableHeaderCell scope="col">Organisatie</TableHeaderCell>
                    <TableHeaderCell scope="col">Wat</TableHeaderCell>
                    <TableHeaderCell scope="col">Welke gegevens</TableHeaderCell>
                    <TableHeaderCell scope="col">Mocht dat?</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {edges.map(({ node }, index) => (
                    <TableRow key={node.eventId} data-row={index} tabIndex={-1}>
                      <TableCell data-label="Wanneer">{formatDateTime(node.occurredAt)}</TableCell>
                      <TableCell data-label="Wie">
                        {node.userName ?? node.userId}
                        <br />
                        <span className="hub-muted">{roleNames(node.role)}</span>
                      </TableCell>
                      <TableCell data-label="Organisatie">{node.organization.name}</TableCell>
                      <TableCell data-label="Wat">{ACCESS_ACTION_LABELS[node.action] ?? node.action}</TableCell>
                      <TableCell data-label="Welke gegevens">
                        {node.dataCategories.length ? node.dataCategories.map(categoryName).join(', ') : 'Het inzageoverzicht'}
                      </TableCell>
                      <TableCell data-label="Mocht dat?">
                        {outcomeText(node.outcome, node.outcomeReason)}
                        <br />
                        <span className="hub-muted">{groundText(node.authorizationGround)}</span>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
          <ButtonGroup className="hub-no-print">
            {connection?.pageInfo.hasNextPage && !stale && !result.loading && (
              <Button
                appearance="secondary-action-button"
                onClick={() => {
                  setEarlier(edges);
                  setFocusRow(edges.length);
                  setAfter(connection.pageInfo.endCursor ?? undefined);
                }}
              >
                Meer regels laden
              </Button>
            )}
            {!refused && (
              <>
                <Button appearance="secondary-action-button" onClick={() => void onExport()} disabled={exporting}>
                  {exporting ? 'Bezig met downloaden…' : 'Downloaden voor Excel (CSV)'}
                </Button>
                <Button appearance="secondary-action-button" onClick={() => window.print()}>
                  Afdrukken
                </Button>
              </>
            )}
          </ButtonGroup>
          {exportError && <ErrorAlert error={exportError} />}
          {exported && (
            <Alert type="ok" role="status" className="hub-alert hub-no-print">
              <Paragraph>{exported}</Paragraph>
            </Alert>
          )}
        </section>
      )}
    </div>
  );
}
