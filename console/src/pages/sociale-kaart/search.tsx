import {
  Button,
  Checkbox,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading,
  Heading1,
  Paragraph,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useSession } from '../../auth/session.ts';
import { type SearchServicesQuery, SearchServicesDocument, type SearchServicesQueryVariables, type ServiceSort } from '../../generated/graphql.ts';
import { useQuery } from '../../graphql/use-query.ts';
import {
  FORMALITY_LABELS,
  formatNumber,
  label,
  LANGUAGE_LABELS,
  LEGAL_DOMAIN_LABELS,
  LEVERINGSVORM_LABELS,
  LIFE_DOMAIN_LABELS,
  SUPPORT_FORM_LABELS,
  TARGET_GROUP_LABELS,
  WLZ_SECTOR_LABELS,
} from '../../labels.ts';
import { AppLink } from '../../router.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { SearchIcon } from '../../ui/icons.tsx';
import { fieldErrorText } from '../../errors.ts';
import { ZORGPROFIELEN } from '@hub/domain/wlz-codes';
import { useGemeenten, usePostcodeSearchAvailable } from './gemeenten.ts';
import { emptySearch, type ListFilter, PAGE_SIZE, rememberSearch, rememberedSearch, type SearchState } from './search-state.ts';
import { CapacityBadge, Tag } from './service-parts.tsx';

/** Typing pauses this long before the search runs: short, so results follow the typing closely. */
const TYPING_PAUSE_MS = 150;
const DISTANCES = [5, 10, 25, 50];
/** Waiting-time choices in weeks; 6 and 13 weeks are the norms zorgkantoren use for "actief plaatsen" (VV, GZ). */
const WAITING_WEEKS = [2, 4, 6, 13];
/** The zorgprofielen by sector, for the select; 10VV (no longer indicated) is left out. */
const ZORGPROFIEL_GROUPS: { label: string; sector: string }[] = [
  { label: 'Ouderenzorg (VV)', sector: 'VV' },
  { label: 'Gehandicaptenzorg (GZ)', sector: 'GZ' },
  { label: 'Geestelijke gezondheidszorg (GGZ)', sector: 'GGZ' },
];
/** A Dutch postcode as people write it: the 4 digits, optionally with the 2 letters; only the digits are used. */
const POSTCODE = /^\s*([1-9]\d{3})(?:\s?[A-Za-z]{2})?\s*$/;
const POSTCODE_FORM_ERROR = 'Vul de 4 cijfers van de postcode in, bijvoorbeeld 3511.';

/** The 4 digits of a postcode as typed, or '' when it is empty or not a postcode. */
const digitsOf = (typed: string): string => POSTCODE.exec(typed)?.[1] ?? '';

type Facets = SearchServicesQuery['searchServices']['facets'];
type Result = SearchServicesQuery['searchServices']['edges'][number];

/** Where distance is measured from: the postcode area when one is given, else the gemeente. */
function originOf(state: SearchState, postcodeAvailable: boolean): { postcode: string } | { gemeenteCode: string } | undefined {
  if (postcodeAvailable && state.postcode) return { postcode: state.postcode };
  return state.gemeenteCode ? { gemeenteCode: state.gemeenteCode } : undefined;
}

function toVariables(state: SearchState, postcodeAvailable: boolean): SearchServicesQueryVariables {
  const list = <T,>(values: T[]) => (values.length > 0 ? values : undefined);
  const origin = originOf(state, postcodeAvailable);
  const near = origin && state.maxDistanceKm ? { ...origin, maxDistanceKm: state.maxDistanceKm } : undefined;
  const sort: ServiceSort = state.sort === 'DISTANCE' && !near ? 'RELEVANCE' : state.sort;
  return {
    text: state.text.trim() || undefined,
    sort,
    first: PAGE_SIZE,
    after: state.cursors[state.cursors.length - 1] ?? undefined,
    filter: {
      gemeenteCode: state.gemeenteCode || undefined,
      legalDomains: list(state.legalDomains),
      lifeDomains: list(state.lifeDomains),
      targetGroups: list(state.targetGroups),
      supportForms: list(state.supportForms),
      wlzSectors: list(state.wlzSectors),
      leveringsvormen: list(state.leveringsvormen),
      zorgprofielen: state.zorgprofiel ? [state.zorgprofiel] : undefined,
      maxWaitingDays: state.maxWaitingDays ?? undefined,
      languages: list(state.languages),
      formality: state.formality ?? undefined,
      independentOnly: state.independentOnly || undefined,
      hasCapacityNow: state.hasCapacityNow || undefined,
      near,
    },
  };
}

/** One filter dimension as checkboxes, each with the number of results it would keep. */
function FacetGroup({
  legend,
  labels,
  counts,
  selected,
  onToggle,
}: {
  legend: string;
  labels: Record<string, string>;
  counts: Facets['legalDomains'];
  selected: string[];
  onToggle: (value: string) => void;
}) {
  const id = useId();
  const shown = counts.filter((c) => c.count > 0 || selected.includes(c.value));
  for (const value of selected) if (!shown.some((c) => c.value === value)) shown.push({ value, count: 0 });
  if (shown.length === 0) return null;
  return (
    <details className="hub-facet" open={selected.length > 0 || undefined}>
      <summary className="hub-facet__summary">
        {legend}
        {selected.length > 0 ? ` (${selected.length} gekozen)` : ''}
      </summary>
      <fieldset className="hub-facet__fieldset">
        <legend className="hub-visually-hidden">{legend}</legend>
        {shown.map((facet) => (
          <div key={facet.value} className="hub-facet__option">
            <Checkbox id={`${id}-${facet.value}`} checked={selected.includes(facet.value)} onChange={() => onToggle(facet.value)} />
            <FormLabel htmlFor={`${id}-${facet.value}`} type="checkbox">
              {label(labels, facet.value)} <span className="hub-count">({formatNumber(facet.count)})</span>
            </FormLabel>
          </div>
        ))}
      </fieldset>
    </details>
  );
}

function countOf(counts: Facets['independent'], value: string): number {
  return counts.find((c) => c.value === value)?.count ?? 0;
}

function ResultItem({ result }: { result: Result }) {
  const { node, distanceKm } = result;
  return (
    <li className="hub-result">
      <Heading level={3} appearance="utrecht-heading-4" className="hub-result__name">
        <AppLink href={`/sociale-kaart/diensten/${node.id}`}>{node.name}</AppLink>
      </Heading>
      <Paragraph className="hub-result__org">{node.organization.name}</Paragraph>
      <Paragraph className="hub-result__description">{node.description.length > 220 ? `${node.description.slice(0, 217)}…` : node.description}</Paragraph>
      <div className="hub-tags">
        <CapacityBadge status={node.capacity.status} waitDays={node.capacity.expectedWaitDays} />
        <Tag>{node.formality === 'INFORMAL' ? 'Informeel' : 'Formeel'}</Tag>
        {node.independent && <Tag>Onafhankelijk</Tag>}
        {node.legalDomains.slice(0, 2).map((d) => (
          <Tag key={d}>{label(LEGAL_DOMAIN_LABELS, d)}</Tag>
        ))}
        {node.leveringsvormen.map((v) => (
          <Tag key={v}>{label(LEVERINGSVORM_LABELS, v)}</Tag>
        ))}
        {node.zorgprofielen.length > 0 && (
          <Tag>
            <span className="hub-visually-hidden">Zorgprofielen: </span>
            {node.zorgprofielen.map((z) => z.name).join(', ')}
          </Tag>
        )}
        {distanceKm !== null && <Tag>{formatNumber(distanceKm)} km</Tag>}
        {node.status === 'TEMPORARILY_CLOSED' && <Tag>Tijdelijk gesloten</Tag>}
      </div>
    </li>
  );
}

export function SearchPage() {
  const session = useSession();
  const user = session?.user.subject ?? '';
  const [state, setState] = useState<SearchState>(() => rememberedSearch(user, session?.user.gemeenteCode));
  const [typed, setTyped] = useState(state.text);
  const gemeenten = useGemeenten();
  const postcodeAvailable = usePostcodeSearchAvailable();
  const [typedPostcode, setTypedPostcode] = useState(state.postcode);
  /** The postcode is checked in the form once the user leaves the field or searches, not at every key. */
  const [postcodeChecked, setPostcodeChecked] = useState(false);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const moveFocusToResults = useRef(false);

  useEffect(() => rememberSearch(user, state), [user, state]);

  // A pause in typing starts the search; Enter (the form's submit) starts it at once.
  useEffect(() => {
    if (typed === state.text) return;
    const timer = setTimeout(() => setState((s) => ({ ...s, text: typed, cursors: [null] })), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed, state.text]);

  // The same for the postcode: a pause in typing applies it; a postcode that is not one yet searches without it.
  useEffect(() => {
    const digits = digitsOf(typedPostcode);
    if (digits === state.postcode) return;
    const timer = setTimeout(
      () =>
        setState((s) => ({
          ...s,
          postcode: digits,
          ...(digits || s.gemeenteCode ? {} : { maxDistanceKm: null, ...(s.sort === 'DISTANCE' ? { sort: 'RELEVANCE' as const } : {}) }),
          cursors: [null],
        })),
      TYPING_PAUSE_MS,
    );
    return () => clearTimeout(timer);
  }, [typedPostcode, state.postcode]);

  const variables = toVariables(state, postcodeAvailable);
  const result = useQuery(SearchServicesDocument, variables);
  const connection = result.data?.searchServices;

  useEffect(() => {
    if (connection && moveFocusToResults.current) {
      moveFocusToResults.current = false;
      resultsHeading.current?.focus();
    }
  }, [connection]);

  // A change of a filter also takes the words typed so far, so no search runs with the words from before the typing.
  const change = (patch: Partial<SearchState>) => setState((s) => ({ ...s, text: typed, ...patch, cursors: [null] }));
  const toggle = (key: ListFilter, value: string) =>
    setState((s) => {
      const values = s[key] as string[];
      return { ...s, text: typed, [key]: values.includes(value) ? values.filter((v) => v !== value) : [...values, value], cursors: [null] };
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPostcodeChecked(true);
    setState((s) => ({ ...s, text: typed, postcode: digitsOf(typedPostcode), cursors: [null] }));
  };
  const origin = originOf(state, postcodeAvailable);
  const postcodeFormError = postcodeChecked && typedPostcode.trim() !== '' && !digitsOf(typedPostcode) ? POSTCODE_FORM_ERROR : undefined;
  // The hub does not know this postcode area: said next to the field, not as a general error.
  const postcodeHubError = fieldErrorText(result.errorRaw, 'filter.near.postcode');
  const postcodeError = postcodeFormError ?? postcodeHubError;
  const page = state.cursors.length;
  const pages = connection ? Math.max(1, Math.ceil(connection.totalCount / PAGE_SIZE)) : 1;
  const facets = connection?.facets;
  const hasFilters =
    state.legalDomains.length +
      state.lifeDomains.length +
      state.targetGroups.length +
      state.supportForms.length +
      state.wlzSectors.length +
      state.leveringsvormen.length +
      state.languages.length >
      0 ||
    state.formality !== null ||
    state.independentOnly ||
    state.hasCapacityNow ||
    state.zorgprofiel !== '' ||
    state.maxWaitingDays !== null;

  return (
    <>
      <Heading1 tabIndex={-1}>Sociale kaart</Heading1>
      <Paragraph appearance="lead">Zoek hulp en ondersteuning voor een inwoner: van schuldhulp tot dagbesteding en cliëntondersteuning.</Paragraph>
      <Paragraph>
        <AppLink href="/sociale-kaart/clientondersteuning">Onafhankelijke cliëntondersteuning in een gemeente</AppLink>
      </Paragraph>

      <search aria-label="Zoeken in de sociale kaart">
        <form className="hub-search" onSubmit={submit} noValidate>
          <FormField type="text" className="hub-search__text">
            <div className="utrecht-form-field__label">
              <FormLabel htmlFor="search-text">Zoek op woorden</FormLabel>
            </div>
            <FormFieldDescription id="search-text-description">Bijvoorbeeld: schulden, mantelzorg, dagbesteding of cliëntondersteuning.</FormFieldDescription>
            <div className="utrecht-form-field__input hub-search__row">
              <Textbox
                id="search-text"
                type="search"
                autoComplete="off"
                spellCheck={false}
                value={typed}
                aria-describedby="search-text-description"
                onChange={(event) => setTyped(event.target.value)}
              />
              <Button type="submit" appearance="primary-action-button">
                <SearchIcon /> Zoeken
              </Button>
            </div>
          </FormField>
          <div className="hub-search__options">
            <FormField type="select">
              <div className="utrecht-form-field__label">
                <FormLabel htmlFor="search-gemeente">Gemeente</FormLabel>
              </div>
              <div className="utrecht-form-field__input">
                <Select
                  id="search-gemeente"
                  value={state.gemeenteCode}
                  onChange={(event) =>
                    change({
                      gemeenteCode: event.target.value,
                      ...(event.target.value || (postcodeAvailable && state.postcode) ? {} : { maxDistanceKm: null }),
                    })
                  }
                >
                  <SelectOption value="">Alle gemeenten</SelectOption>
                  {state.gemeenteCode && !gemeenten.some((g) => g.code === state.gemeenteCode) && (
                    <SelectOption value={state.gemeenteCode}>{state.gemeenteCode}</SelectOption>
                  )}
                  {gemeenten.map((g) => (
                    <SelectOption key={g.code} value={g.code}>
                      {g.name}
                    </SelectOption>
                  ))}
                </Select>
              </div>
            </FormField>
            {postcodeAvailable && (
              <FormField type="text" invalid={Boolean(postcodeError)}>
                <div className="utrecht-form-field__label">
                  <FormLabel htmlFor="search-postcode">Postcode</FormLabel>
                </div>
                <FormFieldDescription id="search-postcode-description">Bijvoorbeeld: 3511.</FormFieldDescription>
                {postcodeError && <FormFieldErrorMessage id="search-postcode-error">{postcodeError}</FormFieldErrorMessage>}
                <div className="utrecht-form-field__input">
                  <Textbox
                    id="search-postcode"
                    inputMode="numeric"
                    autoComplete="off"
                    spellCheck={false}
                    maxLength={7}
                    size={7}
                    value={typedPostcode}
                    invalid={Boolean(postcodeError)}
                    aria-describedby={postcodeError ? 'search-postcode-description search-postcode-error' : 'search-postcode-description'}
                    onChange={(event) => {
                      setTypedPostcode(event.target.value);
                      if (event.target.value.trim() === '') setPostcodeChecked(false);
                    }}
                    onBlur={() => setPostcodeChecked(true)}
                  />
                </div>
              </FormField>
            )}
            <FormField type="select">
              <div className="utrecht-form-field__label">
                <FormLabel htmlFor="search-distance">
                  {origin && 'postcode' in origin ? 'Afstand vanaf het midden van de postcode' : 'Afstand vanaf het midden van de gemeente'}
                </FormLabel>
              </div>
              <div className="utrecht-form-field__input">
                <Select
                  id="search-distance"
                  value={state.maxDistanceKm === null ? '' : String(state.maxDistanceKm)}
                  disabled={!origin}
                  aria-describedby={origin ? undefined : 'search-distance-description'}
                  onChange={(event) => {
                    const km = event.target.value ? Number(event.target.value) : null;
                    change({ maxDistanceKm: km, ...(km === null && state.sort === 'DISTANCE' ? { sort: 'RELEVANCE' as const } : {}) });
                  }}
                >
                  <SelectOption value="">Geen maximum</SelectOption>
                  {DISTANCES.map((km) => (
                    <SelectOption key={km} value={String(km)}>
                      Binnen {km} km
                    </SelectOption>
                  ))}
                </Select>
              </div>
              {!origin && (
                <FormFieldDescription id="search-distance-description">
                  {postcodeAvailable ? 'Kies eerst een gemeente of vul een postcode in.' : 'Kies eerst een gemeente.'}
                </FormFieldDescription>
              )}
            </FormField>
            <FormField type="select">
              <div className="utrecht-form-field__label">
                <FormLabel htmlFor="search-sort">Sorteren</FormLabel>
              </div>
              <div className="utrecht-form-field__input">
                <Select id="search-sort" value={variables.sort ?? 'RELEVANCE'} onChange={(event) => change({ sort: event.target.value as ServiceSort })}>
                  <SelectOption value="RELEVANCE">Best passend</SelectOption>
                  <SelectOption value="DISTANCE" disabled={!variables.filter?.near}>
                    Dichtstbij
                  </SelectOption>
                  <SelectOption value="WAITING_TIME">Kortste wachttijd</SelectOption>
                  <SelectOption value="NAME">Naam (A tot Z)</SelectOption>
                </Select>
              </div>
            </FormField>
          </div>
        </form>
      </search>

      <div className="hub-search-layout">
        <section className="hub-filters" aria-labelledby="filters-heading">
          <Heading level={2} id="filters-heading" appearance="utrecht-heading-3">
            Filters
          </Heading>
          {facets && (
            <>
              <div className="hub-facet__option">
                <Checkbox id="filter-capacity" checked={state.hasCapacityNow} onChange={() => change({ hasCapacityNow: !state.hasCapacityNow })} />
                <FormLabel htmlFor="filter-capacity" type="checkbox">
                  Alleen met plek vrij <span className="hub-count">({formatNumber(countOf(facets.capacity, 'HAS_CAPACITY'))})</span>
                </FormLabel>
              </div>
              <div className="hub-facet__option">
                <Checkbox id="filter-independent" checked={state.independentOnly} onChange={() => change({ independentOnly: !state.independentOnly })} />
                <FormLabel htmlFor="filter-independent" type="checkbox">
                  Alleen onafhankelijk <span className="hub-count">({formatNumber(countOf(facets.independent, 'true'))})</span>
                </FormLabel>
              </div>
              <FacetGroup
                legend="Soort hulpverlener"
                labels={FORMALITY_LABELS}
                counts={facets.formality}
                selected={state.formality ? [state.formality] : []}
                onToggle={(value) => change({ formality: state.formality === value ? null : (value as SearchState['formality']) })}
              />
              <FacetGroup
                legend="Wet"
                labels={LEGAL_DOMAIN_LABELS}
                counts={facets.legalDomains}
                selected={state.legalDomains}
                onToggle={(v) => toggle('legalDomains', v)}
              />
              <FacetGroup
                legend="Leefgebied"
                labels={LIFE_DOMAIN_LABELS}
                counts={facets.lifeDomains}
                selected={state.lifeDomains}
                onToggle={(v) => toggle('lifeDomains', v)}
              />
              <FacetGroup
                legend="Doelgroep"
                labels={TARGET_GROUP_LABELS}
                counts={facets.targetGroups}
                selected={state.targetGroups}
                onToggle={(v) => toggle('targetGroups', v)}
              />
              <FacetGroup
                legend="Vorm van cliëntondersteuning"
                labels={SUPPORT_FORM_LABELS}
                counts={facets.supportForms}
                selected={state.supportForms}
                onToggle={(v) => toggle('supportForms', v)}
              />
              <FacetGroup
                legend="Wlz-sector"
                labels={WLZ_SECTOR_LABELS}
                counts={facets.wlzSectors}
                selected={state.wlzSectors}
                onToggle={(v) => toggle('wlzSectors', v)}
              />
              <FacetGroup
                legend="Leveringsvorm"
                labels={LEVERINGSVORM_LABELS}
                counts={facets.leveringsvormen}
                selected={state.leveringsvormen}
                onToggle={(v) => toggle('leveringsvormen', v)}
              />
              <FormField type="select" className="hub-filter-field">
                <div className="utrecht-form-field__label">
                  <FormLabel htmlFor="filter-zorgprofiel">Zorgprofiel</FormLabel>
                </div>
                <FormFieldDescription id="filter-zorgprofiel-description">Het zorgprofiel uit de Wlz-indicatie van de cliënt.</FormFieldDescription>
                <div className="utrecht-form-field__input">
                  <Select
                    id="filter-zorgprofiel"
                    value={state.zorgprofiel}
                    aria-describedby="filter-zorgprofiel-description"
                    onChange={(event) => change({ zorgprofiel: event.target.value })}
                  >
                    <SelectOption value="">Alle zorgprofielen</SelectOption>
                    {ZORGPROFIEL_GROUPS.map((group) => (
                      <optgroup key={group.sector} label={group.label}>
                        {ZORGPROFIELEN.filter((z) => z.sector === group.sector && !z.expired).map((z) => (
                          <SelectOption key={z.code} value={z.code}>
                            {`${z.name} – ${z.label}`}
                          </SelectOption>
                        ))}
                      </optgroup>
                    ))}
                  </Select>
                </div>
              </FormField>
              <FormField type="select" className="hub-filter-field">
                <div className="utrecht-form-field__label">
                  <FormLabel htmlFor="filter-waiting">Maximale wachttijd</FormLabel>
                </div>
                <div className="utrecht-form-field__input">
                  <Select
                    id="filter-waiting"
                    value={state.maxWaitingDays === null ? '' : String(state.maxWaitingDays)}
                    onChange={(event) => change({ maxWaitingDays: event.target.value ? Number(event.target.value) : null })}
                  >
                    <SelectOption value="">Geen maximum</SelectOption>
                    {WAITING_WEEKS.map((weeks) => (
                      <SelectOption key={weeks} value={String(weeks * 7)}>
                        {`${weeks} weken`}
                      </SelectOption>
                    ))}
                  </Select>
                </div>
              </FormField>
              <FacetGroup
                legend="Taal"
                labels={LANGUAGE_LABELS}
                counts={facets.languages}
                selected={state.languages}
                onToggle={(v) => toggle('languages', v)}
              />
            </>
          )}
          {hasFilters && (
            <Button
              appearance="secondary-action-button"
              onClick={() => setState((s) => ({ ...emptySearch(s.gemeenteCode), text: s.text, postcode: s.postcode, sort: s.sort }))}
            >
              Filters wissen
            </Button>
          )}
        </section>

        <section className="hub-results" aria-labelledby="results-heading" aria-busy={result.loading}>
          <Heading level={2} id="results-heading" ref={resultsHeading} tabIndex={-1} appearance="utrecht-heading-3">
            {connection ? `${formatNumber(connection.totalCount)} ${connection.totalCount === 1 ? 'dienst' : 'diensten'} gevonden` : 'Resultaten'}
          </Heading>
          <p className="hub-visually-hidden" role="status">
            {connection && !result.loading ? `${connection.totalCount} ${connection.totalCount === 1 ? 'dienst' : 'diensten'} gevonden` : ''}
          </p>
          {result.error && !postcodeHubError && <ErrorAlert error={result.error} headingLevel={3} />}
          {postcodeHubError && <Paragraph>Verbeter eerst de postcode hierboven. Dan ziet u hier weer diensten.</Paragraph>}
          {connection && connection.totalCount === 0 && <Paragraph>Niets gevonden. Probeer andere woorden, of zet minder filters aan.</Paragraph>}
          {connection && connection.edges.length > 0 && (
            <ul className={`hub-result-list${result.loading ? ' hub-result-list--loading' : ''}`}>
              {connection.edges.map((edge) => (
                <ResultItem key={edge.node.id} result={edge} />
              ))}
            </ul>
          )}
          {connection && pages > 1 && (
            <nav aria-label="Pagina's" className="hub-paging">
              <Button
                appearance="secondary-action-button"
                disabled={page <= 1}
                onClick={() => {
                  moveFocusToResults.current = true;
                  setState((s) => ({ ...s, cursors: s.cursors.slice(0, -1) }));
                }}
              >
                Vorige pagina
              </Button>
              <Paragraph className="hub-paging__where">
                Pagina {page} van {pages}
              </Paragraph>
              <Button
                appearance="secondary-action-button"
                disabled={!connection.pageInfo.hasNextPage}
                onClick={() => {
                  moveFocusToResults.current = true;
                  setState((s) => ({ ...s, cursors: [...s.cursors, connection.pageInfo.endCursor] }));
                }}
              >
                Volgende pagina
              </Button>
            </nav>
          )}
        </section>
      </div>
    </>
  );
}
