import {
  Button,
  ButtonGroup,
  Checkbox,
  FormField,
  FormLabel,
  Heading1,
  Heading2,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { HandoverListDocument, type HandoverListQuery, type ReferralBox, type ReferralStatus } from '../../generated/graphql.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { formatDate, label } from '../../labels.ts';
import { AppLink } from '../../router.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { deadlineBadge, REFERRAL_KIND_LABELS, todayInNl } from './labels.ts';
import { DeadlineBadge, ReferralStatusBadge } from './shared.tsx';

const PAGE_SIZE = 20;

/** The status filters, in everyday words. */
const STATUS_FILTERS: Record<string, { label: string; statuses: ReferralStatus[] | undefined }> = {
  open: { label: 'Nog niet afgerond', statuses: ['DRAFT', 'REQUESTED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD'] },
  requested: { label: 'Wacht op antwoord', statuses: ['REQUESTED'] },
  accepted: { label: 'Geaccepteerd of bezig', statuses: ['ACCEPTED', 'IN_PROGRESS', 'ON_HOLD'] },
  completed: { label: 'Afgerond', statuses: ['COMPLETED'] },
  stopped: { label: 'Afgewezen of gestopt', statuses: ['REJECTED', 'CANCELLED', 'FAILED', 'ENTERED_IN_ERROR'] },
  all: { label: 'Alles', statuses: undefined },
};

/** The box the user looked at last, so coming back (or after sending) shows the same list. In memory only. */
let lastBox: ReferralBox = 'INBOX';
export const showOutboxNext = () => {
  lastBox = 'OUTBOX';
};

type Edge = HandoverListQuery['referrals']['edges'][number];

export function HandoverListPage() {
  const [box, setBox] = useState<ReferralBox>(lastBox);
  const [statusKey, setStatusKey] = useState('open');
  const [onlyLate, setOnlyLate] = useState(false);
  const [after, setAfter] = useState<string | undefined>(undefined);
  const [earlier, setEarlier] = useState<Edge[]>([]);
  const filter = { statuses: STATUS_FILTERS[statusKey]?.statuses, ...(onlyLate ? { overdue: true } : {}) };
  const result = useQuery(HandoverListDocument, { box, filter, first: PAGE_SIZE, after });
  const today = todayInNl();

  // A new box or filter starts at the first page again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on these inputs only.
  useEffect(() => {
    setAfter(undefined);
    setEarlier([]);
  }, [box, statusKey, onlyLate]);

  const chooseBox = (next: ReferralBox) => {
    lastBox = next;
    setBox(next);
  };
  const edges = [...earlier, ...(result.loading ? [] : (result.data?.referrals.edges ?? []))];
  const pageInfo = result.data?.referrals.pageInfo;
  const inbox = box === 'INBOX';

  return (
    <>
      <Heading1 tabIndex={-1}>Warme overdracht</Heading1>
      <Paragraph>
        Bij een warme overdracht draagt u een cliënt over aan een andere organisatie. U vertelt de nieuwe ondersteuner wat er speelt, zodat de cliënt zijn
        verhaal niet opnieuw hoeft te doen. Daarna spreekt u samen met de cliënt af hoe het verder gaat.
      </Paragraph>
      <Paragraph>
        <AppLink href="/warme-overdracht/nieuw" className="hub-handover-new">
          Cliënt warm overdragen
        </AppLink>
      </Paragraph>

      <ButtonGroup className="hub-handover-boxes" role="group" aria-label="Welke overdrachten">
        <Button appearance={inbox ? 'primary-action-button' : 'secondary-action-button'} aria-pressed={inbox} onClick={() => chooseBox('INBOX')}>
          Ontvangen
        </Button>
        <Button appearance={!inbox ? 'primary-action-button' : 'secondary-action-button'} aria-pressed={!inbox} onClick={() => chooseBox('OUTBOX')}>
          Verstuurd
        </Button>
      </ButtonGroup>

      <div className="hub-handover-filters">
        <FormField type="select" label={<FormLabel htmlFor="handover-status">Status</FormLabel>}>
          <Select id="handover-status" value={statusKey} onChange={(e) => setStatusKey(e.target.value)}>
            {Object.entries(STATUS_FILTERS).map(([key, f]) => (
              <SelectOption key={key} value={key}>
                {f.label}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        <FormField
          type="checkbox"
          label={
            <FormLabel htmlFor="handover-late" type="checkbox">
              Alleen overdrachten die te laat zijn
            </FormLabel>
          }
          input={<Checkbox id="handover-late" checked={onlyLate} onChange={(e) => setOnlyLate(e.target.checked)} />}
        />
      </div>

      <Heading2>{inbox ? 'Ontvangen overdrachten' : 'Verstuurde overdrachten'}</Heading2>
      {result.error && <ErrorAlert error={result.error} headingLevel={3} />}
      {result.loading && edges.length === 0 && <Paragraph aria-live="polite">Even geduld, de overdrachten worden geladen…</Paragraph>}
      {!result.loading && !result.error && edges.length === 0 && (
        <Paragraph className="hub-empty">
          {inbox ? 'Er zijn geen ontvangen overdrachten met deze status.' : 'U heeft geen verstuurde overdrachten met deze status.'}
        </Paragraph>
      )}
      {edges.length > 0 && (
        <div className="hub-table-scroll">
          <Table className="hub-handover-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{inbox ? 'Van' : 'Naar'}</TableHeaderCell>
                <TableHeaderCell scope="col">Soort</TableHeaderCell>
                <TableHeaderCell scope="col">Status</TableHeaderCell>
                <TableHeaderCell scope="col">Verstuurd</TableHeaderCell>
                <TableHeaderCell scope="col">Antwoord uiterlijk</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {edges.map(({ node }) => (
                <TableRow key={node.id}>
                  <TableCell>
                    <AppLink href={`/warme-overdracht/${node.id}`}>{inbox ? node.fromOrganization.name : node.toOrganization.name}</AppLink>
                  </TableCell>
                  <TableCell>{label(REFERRAL_KIND_LABELS, node.kind)}</TableCell>
                  <TableCell>
                    <ReferralStatusBadge status={node.status} /> <DeadlineBadge badge={deadlineBadge(node, today)} />
                  </TableCell>
                  <TableCell>{node.sentAt ? formatDate(node.sentAt) : 'Nog niet'}</TableCell>
                  <TableCell>{node.respondBy ? formatDate(node.respondBy) : '–'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {pageInfo?.hasNextPage && pageInfo.endCursor && (
        <Button
          appearance="secondary-action-button"
          busy={result.loading}
          onClick={() => {
            setEarlier(edges);
            setAfter(pageInfo.endCursor ?? undefined);
          }}
        >
          Meer overdrachten laden
        </Button>
      )}
    </>
  );
}
