import { Heading1, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { WlzWorklistDocument, type WlzWorklistStatus } from '../../generated/graphql.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { formatDate, label, zorgprofielText } from '../../labels.ts';
import { AppLink } from '../../router.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Pager, useCursorPages } from '../../ui/pager.tsx';
import { SelectField } from '../clienten/fields.tsx';
import { fullName } from '../clienten/labels.ts';
import { WORKLIST_STATUS_LABELS } from './labels.ts';

const PAGE_SIZE = 20;

type Late = '' | 'yes' | 'no';

/** The zorgkantoor's worklist: new Wlz indicaties from the CIZ, the first deadline at the top. */
export function WorklistPage() {
  const [status, setStatus] = useState<'' | WlzWorklistStatus>('OPEN');
  const [late, setLate] = useState<Late>('');
  const pages = useCursorPages();
  const result = useQuery(WlzWorklistDocument, {
    first: PAGE_SIZE,
    ...(status ? { status } : {}),
    ...(late ? { overdue: late === 'yes' } : {}),
    ...(pages.after ? { after: pages.after } : {}),
  });
  const list = result.data?.wlzIndicatieWorklist;
  const nodes = list?.nodes ?? [];

  return (
    <div className="hub-flow">
      <Heading1 tabIndex={-1}>Nieuwe indicaties</Heading1>
      <Paragraph appearance="lead">
        Cliënten met een nieuwe Wlz-indicatie van het CIZ. Neem contact op vóór de datum in de lijst, en bied cliëntondersteuning aan.
      </Paragraph>
      <search aria-label="Filter de nieuwe indicaties" className="hub-caseload-search">
        <SelectField
          label="Welke indicaties"
          value={status}
          onChange={(value) => {
            setStatus(value as '' | WlzWorklistStatus);
            pages.reset();
          }}
          options={[
            { value: 'OPEN', label: 'Alleen die nog te doen zijn' },
            { value: 'DONE', label: 'Alleen die klaar zijn' },
            { value: '', label: 'Alle indicaties' },
          ]}
        />
        <SelectField
          label="Te laat"
          value={late}
          onChange={(value) => {
            setLate(value as Late);
            pages.reset();
          }}
          options={[
            { value: '', label: 'Alle' },
            { value: 'yes', label: 'Alleen te laat' },
            { value: 'no', label: 'Alleen op tijd' },
          ]}
        />
      </search>
      {result.error && <ErrorAlert error={result.error} />}
      <div aria-live="polite" aria-busy={result.loading}>
        {result.loading && !result.data && <Paragraph>Even geduld, de indicaties worden geladen…</Paragraph>}
        {list && <Paragraph>{list.totalCount === 1 ? '1 indicatie gevonden.' : `${list.totalCount} indicaties gevonden.`}</Paragraph>}
        {list && nodes.length === 0 && <Paragraph>Er zijn geen indicaties met deze keuze.</Paragraph>}
      </div>
      {nodes.length > 0 && (
        <div className="hub-table-scroll hub-stack-table">
          <Table>
            <TableCaption>Nieuwe indicaties, pagina {pages.pageNumber}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Cliënt</TableHeaderCell>
                <TableHeaderCell scope="col">Zorgprofiel</TableHeaderCell>
                <TableHeaderCell scope="col">Ontvangen</TableHeaderCell>
                <TableHeaderCell scope="col">Contact vóór</TableHeaderCell>
                <TableHeaderCell scope="col">Status</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {nodes.map((item) => (
                <TableRow key={item.id}>
                  <TableCell data-label="Cliënt">
                    <AppLink href={`/nieuwe-indicaties/${item.id}`}>{fullName(item.client.name) ?? 'Naam niet zichtbaar'}</AppLink>
                  </TableCell>
                  <TableCell data-label="Zorgprofiel">{zorgprofielText(item.zorgprofiel, item.sector)}</TableCell>
                  <TableCell data-label="Ontvangen">{formatDate(item.receivedAt)}</TableCell>
                  <TableCell data-label="Contact vóór">
                    {formatDate(item.contactBy)}
                    {item.overdue && <strong className="hub-overdue"> (te laat)</strong>}
                    {item.contactedAt && ' (contact gehad)'}
                  </TableCell>
                  <TableCell data-label="Status">{label(WORKLIST_STATUS_LABELS, item.status)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <nav aria-label="Pagina's">
        <Pager pages={pages} endCursor={list?.pageInfo.endCursor} hasNextPage={list?.pageInfo.hasNextPage} />
      </nav>
    </div>
  );
}
