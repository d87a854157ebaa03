import {
  Alert,
  Button,
  ButtonGroup,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormLabel,
  Heading,
  Heading1,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useSession } from '../../auth/session.ts';
import {
  CommissionGemeentenDocument,
  type CommissionKind,
  CommissionProvidersDocument,
  CommissionsDocument,
  type CommissionsQuery,
  EndCommissionDocument,
  type OrganizationType,
  RecordCommissionDocument,
} from '../../generated/graphql.ts';
import { execute } from '../../graphql/client.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { COMMISSION_KIND_LABELS, formatDate, label, ORGANIZATION_TYPE_LABELS } from '../../labels.ts';
import { AppLink } from '../../router.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Pager, useCursorPages } from '../../ui/pager.tsx';
import { isOpdrachtgever, isRefused, refusedFields, todayInNl, useMutation } from './shared.tsx';

const PAGE_SIZE = 20;
/** At most this many pages of 100 organisations of one type. */
const MAX_PAGES = 10;
/** The provider select shows at most this many names; typing narrows it down. */
const MAX_OPTIONS = 200;

const PROVIDER_TYPES: OrganizationType[] = ['OCO', 'WELZIJN', 'ZORGAANBIEDER', 'OTHER'];

type Commission = CommissionsQuery['commissions']['nodes'][number];

/** The organisations of one type in the sociale kaart, by name (every page, up to MAX_PAGES). */
function useProviders(type: OrganizationType) {
  const [state, setState] = useState<{ type: OrganizationType; organizations: { id: string; name: string }[]; failed: boolean } | null>(null);
  useEffect(() => {
    let stopped = false;
    (async () => {
      const organizations: { id: string; name: string }[] = [];
      let after: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const result = await execute(CommissionProvidersDocument, { type, ...(after ? { after } : {}) });
        if (!result.data) throw new Error('no organisations');
        organizations.push(...result.data.organizations.nodes);
        const info = result.data.organizations.pageInfo;
        if (!info.hasNextPage || !info.endCursor) break;
        after = info.endCursor;
      }
      if (!stopped) setState({ type, organizations, failed: false });
    })().catch(() => {
      if (!stopped) setState({ type, organizations: [], failed: true });
    });
    return () => {
      stopped = true;
    };
  }, [type]);
  const current = state?.type === type ? state : null;
  return { organizations: current?.organizations ?? [], loading: current === null, failed: current?.failed ?? false };
}

/** The gemeenten the opdrachtgever may commission for: a gemeente its own, a zorgkantoor those of its region. */
function useCommissionGemeenten() {
  const session = useSession();
  const gemeente = session?.user.organizationType === 'GEMEENTE' ? (session.user.gemeenteCode ?? '') : '';
  const region = session?.user.organizationType === 'ZORGKANTOOR' ? (session.user.zorgkantoorregio ?? '') : '';
  const result = useQuery(
    CommissionGemeentenDocument,
    { gemeente, withGemeente: gemeente !== '', region, withRegion: region !== '' },
    { skip: !gemeente && !region },
  );
  const list = gemeente ? (result.data?.gemeente ? [result.data.gemeente] : []) : (result.data?.zorgkantoorregio?.gemeenten ?? []);
  return { fixed: gemeente !== '', gemeenten: list, regionName: result.data?.zorgkantoorregio?.name, error: result.error, missing: !gemeente && !region };
}

/** `/rapportages/opdrachten`: which providers the opdrachtgever commissions or subsidises, for which gemeenten, from when. */
export function CommissionsPage() {
  const session = useSession();
  const pages = useCursorPages();
  const result = useQuery(CommissionsDocument, { first: PAGE_SIZE, after: pages.after });
  const scope = useCommissionGemeenten();
  const names = new Map(scope.gemeenten.map((g) => [g.code, g.name]));
  const commissions = result.data?.commissions.nodes ?? [];
  const pageInfo = result.data?.commissions.pageInfo;
  const [message, setMessage] = useState<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const done = (text: string) => {
    setMessage(text);
    if (pages.after === undefined) result.reload();
    else pages.reset();
    setTimeout(() => messageRef.current?.focus(), 0);
  };
  const opdrachtgever = isOpdrachtgever(session);
  return (
    <>
      <Heading1 tabIndex={-1}>Opdrachten</Heading1>
      <Paragraph appearance="lead">
        Leg vast welke aanbieders cliëntondersteuning geven voor uw organisatie, voor welke gemeenten en vanaf wanneer. Alleen van die aanbieders en die
        gemeenten leest u de halfjaarrapportages.
      </Paragraph>
      <Paragraph>
        <AppLink href="/rapportages">Terug naar Rapportages</AppLink>
      </Paragraph>
      <div ref={messageRef} tabIndex={-1} aria-live="polite">
        {message && (
          <Alert type="ok" className="hub-alert">
            <Paragraph>{message}</Paragraph>
          </Alert>
        )}
      </div>
      <section aria-labelledby="commissions-heading" className="hub-flow">
        <Heading level={2} id="commissions-heading">
          {opdrachtgever ? 'Opdrachten van uw organisatie' : 'Opdrachten aan uw organisatie'}
        </Heading>
        {result.error && <ErrorAlert error={result.error} headingLevel={3} />}
        {!result.loading && !result.error && commissions.length === 0 && <Paragraph>Er zijn nog geen opdrachten vastgelegd.</Paragraph>}
        {commissions.length > 0 && (
          <div className="hub-table-scroll hub-stack-table">
            <Table>
              <TableCaption>Opdrachten en subsidies, de nieuwste eerst</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>
                  <TableHeaderCell scope="col">Soort</TableHeaderCell>
                  <TableHeaderCell scope="col">Gemeenten</TableHeaderCell>
                  <TableHeaderCell scope="col">Vanaf</TableHeaderCell>
                  <TableHeaderCell scope="col">Tot en met</TableHeaderCell>
                  {opdrachtgever && <TableHeaderCell scope="col">Beëindigen</TableHeaderCell>}
                </TableRow>
              </TableHeader>
              <TableBody>
                {commissions.map((c) => (
                  <CommissionRow key={c.id} commission={c} names={names} mayEnd={opdrachtgever} onEnded={done} />
                ))}
              </TableBody>
            </Table>
          </div>
        )}
        <Pager
          pages={pages}
          endCursor={pageInfo?.endCursor}
          hasNextPage={pageInfo?.hasNextPage}
          previousLabel="Nieuwere opdrachten"
          nextLabel="Oudere opdrachten"
        />
      </section>
      {opdrachtgever && <RecordCommissionForm scope={scope} onRecorded={done} />}
    </>
  );
}

function CommissionRow({
  commission: c,
  names,
  mayEnd,
  onEnded,
}: {
  commission: Commission;
  names: Map<string, string>;
  mayEnd: boolean;
  onEnded: (text: string) => void;
}) {
  const today = todayInNl();
  const [open, setOpen] = useState(false);
  const [until, setUntil] = useState(today);
  const end = useMutation(EndCommissionDocument);
  const refused = refusedFields(end.rawError);
  const untilError = isRefused(refused, 'input.validUntil') ? 'Kies een laatste dag die niet vóór de eerste dag van de opdracht ligt.' : undefined;
  const inputId = `end-${c.id}`;
  const ended = c.validUntil !== null && c.validUntil !== undefined && c.validUntil < today;
  return (
    <TableRow>
      <TableHeaderCell scope="row">{c.provider.name}</TableHeaderCell>
      <TableCell data-label="Soort">{label(COMMISSION_KIND_LABELS, c.kind)}</TableCell>
      <TableCell data-label="Gemeenten">{c.gemeenteCodes.map((code) => names.get(code) ?? code).join(', ')}</TableCell>
      <TableCell data-label="Vanaf">{formatDate(c.validFrom)}</TableCell>
      <TableCell data-label="Tot en met">{c.validUntil ? formatDate(c.validUntil) : 'geen einddatum'}</TableCell>
      {mayEnd && (
        <TableCell data-label="Beëindigen">
          {ended ? (
            'afgelopen'
          ) : open ? (
            <form
              className="hub-flow"
              aria-label={`Opdracht aan ${c.provider.name} beëindigen`}
              onSubmit={async (e) => {
                e.preventDefault();
                const data = await end.run({ input: { commissionId: c.id, validUntil: until } });
                if (data) {
                  setOpen(false);
                  onEnded(`De opdracht aan ${c.provider.name} loopt tot en met ${formatDate(until)}.`);
                }
              }}
            >
              <FormField
                type="text"
                invalid={Boolean(untilError)}
                label={<FormLabel htmlFor={inputId}>Laatste dag</FormLabel>}
                errorMessage={
                  untilError ? (
                    <FormFieldDescription id={`${inputId}-error`} invalid>
                      {untilError}
                    </FormFieldDescription>
                  ) : undefined
                }
              >
                <Textbox
                  id={inputId}
                  type="date"
                  value={until}
                  min={c.validFrom}
                  invalid={Boolean(untilError)}
                  aria-describedby={untilError ? `${inputId}-error` : undefined}
                  onChange={(e) => setUntil(e.target.value)}
                />
              </FormField>
              {end.error && !untilError && <ErrorAlert error={end.error} headingLevel={3} />}
              <ButtonGroup>
                <Button type="submit" appearance="primary-action-button" busy={end.busy} disabled={end.busy}>
                  Opdracht beëindigen
                </Button>
                <Button appearance="secondary-action-button" onClick={() => setOpen(false)}>
                  Annuleren
                </Button>
              </ButtonGroup>
            </form>
          ) : (
            <Button appearance="secondary-action-button" aria-label={`Opdracht aan ${c.provider.name} beëindigen`} onClick={() => setOpen(true)}>
              Beëindigen
            </Button>
          )}
        </TableCell>
      )}
    </TableRow>
  );
}

const FIELD_MESSAGES: Record<string, string> = {
  providerOrganizationId: 'Kies de aanbieder. Dat kan niet uw eigen organisatie zijn.',
  kind: 'Kies subsidie of opdracht.',
  gemeenteCodes: 'Kies een of meer gemeenten waarvoor u de aanbieder opdracht geeft.',
  validFrom: 'Vul de eerste dag in.',
  validUntil: 'De laatste dag mag niet vóór de eerste dag liggen.',
};

function RecordCommissionForm({ scope, onRecorded }: { scope: ReturnType<typeof useCommissionGemeenten>; onRecorded: (text: string) => void }) {
  const [type, setType] = useState<OrganizationType>('OCO');
  const [nameFilter, setNameFilter] = useState('');
  const [providerId, setProviderId] = useState('');
  const [kind, setKind] = useState<CommissionKind>('CONTRACT');
  const [chosen, setChosen] = useState<string[]>([]);
  const [validFrom, setValidFrom] = useState(todayInNl());
  const [validUntil, setValidUntil] = useState('');
  const [checked, setChecked] = useState<string[]>([]);
  const providers = useProviders(type);
  const record = useMutation(RecordCommissionDocument);
  const refused = refusedFields(record.rawError);
  const gemeenteCodes = scope.fixed ? scope.gemeenten.map((g) => g.code) : chosen;
  const errorOf = (field: string) => (checked.includes(field) || isRefused(refused, `input.${field}`) ? FIELD_MESSAGES[field] : undefined);
  const filter = nameFilter.trim().toLocaleLowerCase('nl');
  const matching = providers.organizations.filter((o) => !filter || o.name.toLocaleLowerCase('nl').includes(filter));
  const shown = matching.slice(0, MAX_OPTIONS);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the focus moves only after an answer of the hub.
  useEffect(() => {
    const first = ['providerOrganizationId', 'kind', 'gemeenteCodes', 'validFrom', 'validUntil'].find((f) => isRefused(refused, `input.${f}`));
    if (first) document.getElementById(`commission-${first}`)?.focus();
  }, [record.rawError]);

  async function submit() {
    const invalid = [
      ...(providerId ? [] : ['providerOrganizationId']),
      ...(gemeenteCodes.length > 0 ? [] : ['gemeenteCodes']),
      ...(validFrom ? [] : ['validFrom']),
      ...(validUntil && validFrom && validUntil < validFrom ? ['validUntil'] : []),
    ];
    setChecked(invalid);
    if (invalid[0]) {
      document.getElementById(`commission-${invalid[0]}`)?.focus();
      return;
    }
    const data = await record.run({
      input: { providerOrganizationId: providerId, kind, gemeenteCodes, validFrom, ...(validUntil ? { validUntil } : {}) },
    });
    if (data) {
      const name = providers.organizations.find((o) => o.id === providerId)?.name ?? 'de aanbieder';
      setProviderId('');
      setNameFilter('');
      setValidUntil('');
      setChosen([]);
      onRecorded(`De opdracht aan ${name} is vastgelegd.`);
    }
  }

  const errorText = (field: string) => {
    const text = errorOf(field);
    return text ? (
      <FormFieldDescription id={`commission-${field}-error`} invalid>
        {text}
      </FormFieldDescription>
    ) : undefined;
  };
  const describedBy = (field: string, help?: string) => [help, errorOf(field) ? `commission-${field}-error` : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <section aria-labelledby="record-commission-heading" className="hub-flow">
      <Heading level={2} id="record-commission-heading">
        Opdracht vastleggen
      </Heading>
      {scope.missing && (
        <Paragraph>Bij uw inlog hoort geen gemeente of zorgkantoorregio. Vraag de beheerder van uw organisatie om dit aan te passen.</Paragraph>
      )}
      {scope.error && <ErrorAlert error={scope.error} headingLevel={3} />}
      <form
        className="hub-form hub-flow"
        aria-labelledby="record-commission-heading"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <FormField type="select" label={<FormLabel htmlFor="commission-type">Soort aanbieder</FormLabel>}>
          <Select
            id="commission-type"
            value={type}
            onChange={(e) => {
              setType(e.target.value as OrganizationType);
              setProviderId('');
            }}
          >
            {PROVIDER_TYPES.map((t) => (
              <SelectOption key={t} value={t}>
                {label(ORGANIZATION_TYPE_LABELS, t).replace(/^./, (c) => c.toUpperCase())}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        <FormField
          type="text"
          label={<FormLabel htmlFor="commission-name">Zoek de aanbieder op naam</FormLabel>}
          description={
            <FormFieldDescription id="commission-name-help">Typ een deel van de naam. De keuzelijst hieronder wordt dan korter.</FormFieldDescription>
          }
        >
          <Textbox
            id="commission-name"
            value={nameFilter}
            autoComplete="off"
            aria-describedby="commission-name-help"
            onChange={(e) => {
              setNameFilter(e.target.value);
              setProviderId('');
            }}
          />
        </FormField>
        <FormField
          type="select"
          invalid={Boolean(errorOf('providerOrganizationId'))}
          label={<FormLabel htmlFor="commission-providerOrganizationId">Aanbieder</FormLabel>}
          description={
            <FormFieldDescription id="commission-provider-help" aria-live="polite">
              {providers.loading
                ? 'De aanbieders worden geladen.'
                : providers.failed
                  ? 'De aanbieders konden niet worden geladen. Probeer het opnieuw.'
                  : `${matching.length} ${matching.length === 1 ? 'aanbieder past' : 'aanbieders passen'} bij uw zoekwoord${matching.length > MAX_OPTIONS ? `; de eerste ${MAX_OPTIONS} staan in de lijst` : ''}.`}
            </FormFieldDescription>
          }
          errorMessage={errorText('providerOrganizationId')}
        >
          <Select
            id="commission-providerOrganizationId"
            value={providerId}
            invalid={Boolean(errorOf('providerOrganizationId'))}
            aria-describedby={describedBy('providerOrganizationId', 'commission-provider-help')}
            onChange={(e) => setProviderId(e.target.value)}
          >
            <SelectOption value="">Kies een aanbieder</SelectOption>
            {shown.map((o) => (
              <SelectOption key={o.id} value={o.id}>
                {o.name}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        <FormField
          type="select"
          invalid={Boolean(errorOf('kind'))}
          label={<FormLabel htmlFor="commission-kind">Subsidie of opdracht?</FormLabel>}
          errorMessage={errorText('kind')}
        >
          <Select id="commission-kind" value={kind} aria-describedby={describedBy('kind')} onChange={(e) => setKind(e.target.value as CommissionKind)}>
            {Object.entries(COMMISSION_KIND_LABELS).map(([code, text]) => (
              <SelectOption key={code} value={code}>
                {text}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        {scope.fixed ? (
          <div className="hub-flow">
            <Paragraph>
              <strong>Gemeente:</strong> {scope.gemeenten.map((g) => g.name).join(', ')}. Een gemeente geeft alleen opdracht voor de eigen gemeente.
            </Paragraph>
            {errorText('gemeenteCodes')}
          </div>
        ) : (
          <Fieldset id="commission-gemeenteCodes" tabIndex={-1} invalid={Boolean(errorOf('gemeenteCodes'))} aria-describedby={describedBy('gemeenteCodes')}>
            <FieldsetLegend>Voor welke gemeenten{scope.regionName ? ` in de regio ${scope.regionName}` : ''}?</FieldsetLegend>
            {errorText('gemeenteCodes')}
            {scope.gemeenten.map((g) => (
              <div key={g.code} className="hub-choice">
                <Checkbox
                  id={`commission-gemeente-${g.code}`}
                  checked={chosen.includes(g.code)}
                  onChange={(e) => setChosen((list) => (e.target.checked ? [...list, g.code] : list.filter((c) => c !== g.code)))}
                />
                <FormLabel htmlFor={`commission-gemeente-${g.code}`} type="checkbox">
                  {g.name}
                </FormLabel>
              </div>
            ))}
          </Fieldset>
        )}
        <FormField
          type="text"
          invalid={Boolean(errorOf('validFrom'))}
          label={<FormLabel htmlFor="commission-validFrom">Eerste dag</FormLabel>}
          errorMessage={errorText('validFrom')}
        >
          <Textbox
            id="commission-validFrom"
            type="date"
            value={validFrom}
            invalid={Boolean(errorOf('validFrom'))}
            aria-describedby={describedBy('validFrom')}
            onChange={(e) => setValidFrom(e.target.value)}
          />
        </FormField>
        <FormField
          type="text"
          invalid={Boolean(errorOf('validUntil'))}
          label={<FormLabel htmlFor="commission-validUntil">Laatste dag (mag leeg blijven)</FormLabel>}
          errorMessage={errorText('validUntil')}
        >
          <Textbox
            id="commission-validUntil"
            type="date"
            value={validUntil}
            min={validFrom || undefined}
            invalid={Boolean(errorOf('validUntil'))}
            aria-describedby={describedBy('validUntil')}
            onChange={(e) => setValidUntil(e.target.value)}
          />
        </FormField>
        {record.error && refused.length === 0 && <ErrorAlert error={record.error} headingLevel={3} />}
        <Button type="submit" appearance="primary-action-button" busy={record.busy} disabled={record.busy}>
          Opdracht vastleggen
        </Button>
      </form>
    </section>
  );
}
