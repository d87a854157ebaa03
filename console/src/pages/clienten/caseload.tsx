import {
  Alert,
  Button,
  ButtonGroup,
  Heading1,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { CaseloadDocument, type TrajectoryStatus } from '../../generated/graphql.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { formatDate, LEGAL_DOMAIN_LABELS, label } from '../../labels.ts';
import { AppLink } from '../../router.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { SelectField, TextField } from './fields.tsx';
import { fullName, TRAJECTORY_STATUS_LABELS } from './labels.ts';
import { takeFlash } from './mutate.ts';

const PAGE_SIZE = 20;

interface CaseloadView {
  search: string;
  status: '' | TrajectoryStatus;
  /** The cursors of the pages before this one ('' for the first page). */
  cursors: string[];
}

/** The last view of the caseload, in memory only, so "back" from a client returns to the same search and page. */
let remembered: CaseloadView = { search: '', status: 'OPEN', cursors: [''] };

export function CaseloadPage() {
  const [view, setViewState] = useState<CaseloadView>(remembered);
  const [draft, setDraft] = useState(view.search);
  const [draftError, setDraftError] = useState<string | undefined>(undefined);
  const [flash] = useState(takeFlash);
  const setView = (next: CaseloadView) => {
    remembered = next;
    setViewState(next);
  };
  const after = view.cursors[view.cursors.length - 1] || undefined;
  const result = useQuery(CaseloadDocument, {
    first: PAGE_SIZE,
    ...(view.status ? { status: view.status } : {}),
    ...(view.search ? { search: view.search } : {}),
    ...(after ? { after } : {}),
  });

  function onSearch(event: FormEvent) {
    event.preventDefault();
    const text = draft.trim();
    if (text.length === 1) {
      setDraftError('Typ minstens 2 letters van de naam.');
      return;
    }
    setDraftError(undefined);
    setView({ ...view, search: text, cursors: [''] });
  }

  const nodes = result.data?.myTrajectories.nodes ?? [];
  const pageInfo = result.data?.myTrajectories.pageInfo;
  const pageNumber = view.cursors.length;

  return (
    <div className="hub-flow">
      <Heading1 tabIndex={-1}>Cliënten</Heading1>
      <Paragraph appearance="lead">De cliënten met een traject bij uw organisatie. Zoek op naam, of meld een nieuwe cliënt aan.</Paragraph>
      {flash && (
        <Alert type="ok" role="status" className="hub-alert">
          <Paragraph>{flash}</Paragraph>
        </Alert>
      )}
      <Paragraph>
        <AppLink href="/clienten/nieuw">Nieuwe cliënt aanmelden</AppLink>
      </Paragraph>
      <Paragraph>
        <AppLink href="/clienten/correctieverzoeken">Correctieverzoeken van cliënten</AppLink>
      </Paragraph>
      <search aria-label="Zoeken in uw cliënten" className="hub-caseload-search">
        <form onSubmit={onSearch} noValidate>
          <TextField
            label="Zoek op naam"
            description="Voornaam, achternaam of een deel daarvan."
            value={draft}
            onChange={setDraft}
            error={draftError}
            type="search"
          />
          <SelectField
            label="Welke trajecten"
            value={view.status}
            onChange={(status) => setView({ ...view, status: status as CaseloadView['status'], cursors: [''] })}
            options={[
              { value: 'OPEN', label: 'Alleen lopende trajecten' },
              { value: 'CLOSED', label: 'Alleen afgesloten trajecten' },
              { value: '', label: 'Alle trajecten' },
            ]}
          />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button">
              Zoeken
            </Button>
            {view.search && (
              <Button
                type="button"
                appearance="secondary-action-button"
                onClick={() => {
                  setDraft('');
                  setView({ ...view, search: '', cursors: [''] });
                }}
              >
                Zoekopdracht wissen
              </Button>
            )}
          </ButtonGroup>
        </form>
      </search>

      {result.error && <ErrorAlert error={result.error} />}
      <div aria-live="polite" aria-busy={result.loading}>
        {result.loading && !result.data && <Paragraph>Even geduld, de cliënten worden geladen…</Paragraph>}
        {result.data && nodes.length === 0 && (
          <Paragraph>
            {view.search
              ? 'Geen cliënten gevonden met deze naam. Controleer de spelling of zoek op een deel van de naam.'
              : 'Er zijn hier nog geen trajecten. Meld een nieuwe cliënt aan om te beginnen.'}
          </Paragraph>
        )}
      </div>
      {nodes.length > 0 && (
        <div className="hub-table-scroll hub-stack-table">
          <Table>
            <TableCaption>
              {view.search ? 'Gevonden cliënten' : 'Uw cliënten'}, pagina {pageNumber}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Cliënt</TableHeaderCell>
                <TableHeaderCell scope="col">Soort ondersteuning</TableHeaderCell>
                <TableHeaderCell scope="col">Begonnen op</TableHeaderCell>
                <TableHeaderCell scope="col">Status</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {nodes.map((t) => (
                <TableRow key={t.id}>
                  <TableCell data-label="Cliënt">
                    <AppLink href={`/clienten/${t.client.id}`}>{fullName(t.client.name) ?? 'Naam niet zichtbaar'}</AppLink>
                  </TableCell>
                  <TableCell data-label="Soort ondersteuning">{t.legalDomain ? label(LEGAL_DOMAIN_LABELS, t.legalDomain) : '–'}</TableCell>
                  <TableCell data-label="Begonnen op">{formatDate(t.openedAt)}</TableCell>
                  <TableCell data-label="Status">{label(TRAJECTORY_STATUS_LABELS, t.status)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {(pageNumber > 1 || pageInfo?.hasNextPage) && (
        <nav aria-label="Pagina's" className="hub-pager">
          <ButtonGroup>
            {pageNumber > 1 && (
              <Button appearance="secondary-action-button" onClick={() => setView({ ...view, cursors: view.cursors.slice(0, -1) })}>
                Vorige pagina
              </Button>
            )}
            {pageInfo?.hasNextPage && pageInfo.endCursor && (
              <Button appearance="secondary-action-button" onClick={() => setView({ ...view, cursors: [...view.cursors, pageInfo.endCursor ?? ''] })}>
                Volgende pagina
              </Button>
            )}
          </ButtonGroup>
        </nav>
      )}
    </div>
  );
}
