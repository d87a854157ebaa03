import { Button, FormField, FormLabel, Heading2, Heading3, Paragraph, Select, SelectOption, TableCell } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useSession } from '../../auth/session.ts';
import {
  HandKnelpuntToZorginkoopDocument,
  KnelpuntFollowUpsDocument,
  type KnelpuntDetailFragment,
  KnelpuntTrendDocument,
  RecordZorginkoopOutcomeDocument,
  type SignalListItemFragment,
  SetKnelpuntReopenThresholdDocument,
  type ZorginkoopOutcome,
} from '../../generated/graphql.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { formatDate, label } from '../../labels.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { TextareaField, TextField } from '../clienten/fields.tsx';
import { FigureTable } from './figures.tsx';
import { CATEGORY_LABELS, personalDataMessage, todayInNl } from './labels.ts';
import { refusedField, useMutation } from './shared.tsx';
import { SignalFacts } from './signals.tsx';

type Knelpunt = KnelpuntDetailFragment;

/** How many follow-up signals one page shows. */
export const FOLLOW_UP_PAGE_SIZE = 5;

/** "2026-Q3" → "3e kwartaal 2026". */
export function quarterLabel(key: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(key);
  return m ? `${m[2]}e kwartaal ${m[1]}` : key;
}

const isFinal = (k: Knelpunt) => k.status === 'RESOLVED' || k.status === 'NOT_RESOLVABLE';

/** The error of a field, when the hub refused it (BAD_USER_INPUT naming the field), in Dutch. */
function fieldError(mutation: { rawError: { code: string; extensions: Record<string, unknown> } | null }, field: string, message: string): string | undefined {
  const raw = mutation.rawError;
  if (raw?.code !== 'BAD_USER_INPUT' || raw.extensions.field !== field) return undefined;
  const guard = refusedField(raw as Parameters<typeof refusedField>[0]);
  return guard ? personalDataMessage(guard.kind) : message;
}

/**
 * "Voor en na het besluit": the region's signals of the knelpunt's theme per quarter, before and after the first
 * decision (or the first action), as a table with a bar per row. Members only: for others the hub answers FORBIDDEN
 * and nothing shows.
 */
export function BeforeAfter({ knelpunt, round }: { knelpunt: Knelpunt; round: number }) {
  const result = useQuery(KnelpuntTrendDocument, { id: knelpunt.id });
  // biome-ignore lint/correctness/useExhaustiveDependencies: every change asks the hub again.
  useEffect(() => {
    if (round > 0) result.reload();
  }, [round]);
  const trend = result.data?.knelpunt?.trend;
  if (!trend) return null;
  const max = Math.max(1, ...trend.quarters.map((q) => q.signals));
  return (
    <section aria-labelledby="before-after-heading" className="hub-knelpunt-section hub-flow">
      <Heading2 id="before-after-heading">Voor en na het besluit</Heading2>
      {trend.referenceDate === null ? (
        <Paragraph>Er is nog geen besluit en geen actie. Daarom is er nog geen voor en na.</Paragraph>
      ) : (
        <>
          <Paragraph>
            We vergelijken vanaf <strong>{formatDate(trend.referenceDate)}</strong>: de datum van het eerste besluit (of, zonder besluit, van de eerste actie).
            We tellen de signalen uit de regio over hetzelfde onderwerp als dit knelpunt.
          </Paragraph>
          <FigureTable
            caption="Tabel: signalen over dit onderwerp per kwartaal, voor en na het besluit"
            head={['Kwartaal', 'Voor of na', 'Signalen', 'Cliënten', 'Waarvan na de acties']}
            rows={trend.quarters.map((q) => ({
              key: q.quarter,
              label: quarterLabel(q.quarter),
              cells: [
                <TableCell key="side" data-label="Voor of na">
                  {q.side === 'BEFORE' ? 'Voor' : 'Na'}
                </TableCell>,
                <TableCell key="signals" data-label="Signalen" className="hub-trend-cell">
                  <span className="hub-chart__line">
                    <span
                      aria-hidden="true"
                      className={`hub-chart__bar ${q.side === 'BEFORE' ? 'hub-chart__bar--1' : 'hub-chart__bar--0'}`}
                      style={{ inlineSize: `${Math.round((q.signals / max) * 100)}%`, maxInlineSize: '8rem' }}
                    />
                    <span className="hub-chart__value">{q.signals}</span>
                  </span>
                </TableCell>,
                <TableCell key="clients" data-label="Cliënten">
                  {q.clients}
                </TableCell>,
                <TableCell key="follow-ups" data-label="Waarvan na de acties">
                  {q.followUpSignals}
                </TableCell>,
              ],
            }))}
          />
          <Paragraph className="hub-muted">De balk laat het aantal signalen zien. Donker is na het besluit, licht is ervoor.</Paragraph>
        </>
      )}
    </section>
  );
}

/** "Signalen na de acties": the follow-up signals, a page at a time, and (for members) the reopen threshold. */
export function FollowUps({ knelpunt, member, round, onChange }: { knelpunt: Knelpunt; member: boolean; round: number; onChange: () => void }) {
  const [after, setAfter] = useState<string | undefined>(undefined);
  const [earlier, setEarlier] = useState<SignalListItemFragment[]>([]);
  const result = useQuery(KnelpuntFollowUpsDocument, { id: knelpunt.id, first: FOLLOW_UP_PAGE_SIZE, after });
  // biome-ignore lint/correctness/useExhaustiveDependencies: every change starts again at the first page.
  useEffect(() => {
    if (round === 0) return;
    setEarlier([]);
    if (after === undefined) result.reload();
    else setAfter(undefined);
  }, [round]);
  const page = result.data?.knelpunt?.followUpSignals;
  const shown = after === undefined ? (page?.nodes ?? []) : [...earlier, ...(page?.nodes ?? [])];
  const firstNew = useRef<string | null>(null);
  function more() {
    if (!page?.pageInfo.endCursor) return;
    setEarlier(shown);
    firstNew.current = 'pending';
    setAfter(page.pageInfo.endCursor);
  }
  // Focus the first signal of the new page once it is there (the button may disappear).
  useEffect(() => {
    if (firstNew.current === 'pending' && !result.loading && page && after !== undefined) {
      const next = page.nodes[0];
      firstNew.current = null;
      if (next) document.getElementById(`follow-up-${next.id}`)?.focus();
    }
  }, [page, result.loading, after]);

  return (
    <section aria-labelledby="follow-ups-heading" className="hub-knelpunt-section hub-flow">
      <Heading2 id="follow-ups-heading">Signalen na de acties</Heading2>
      <Paragraph>Dit zijn signalen over hetzelfde onderwerp die binnenkwamen nadat de eerste actie was afgesproken.</Paragraph>
      {result.error && <ErrorAlert error={result.error} headingLevel={3} />}
      {page && shown.length === 0 && <Paragraph>Er zijn nog geen signalen na de acties.</Paragraph>}
      {shown.length > 0 && (
        <>
          <Paragraph>
            U ziet {shown.length} van de {page?.totalCount ?? shown.length} signalen na de acties.
          </Paragraph>
          <ul className="hub-signal-list hub-follow-up-list">
            {shown.map((s) => (
              <li key={s.id} id={`follow-up-${s.id}`} tabIndex={-1} className="hub-card hub-signal">
                <Heading3 className="hub-signal__title">{label(CATEGORY_LABELS, s.category)}</Heading3>
                <SignalFacts signal={s} />
              </li>
            ))}
          </ul>
        </>
      )}
      {page?.pageInfo.hasNextPage && (
        <Button appearance="secondary-action-button" busy={result.loading} disabled={result.loading} onClick={more}>
          Meer laden
        </Button>
      )}
      {member && <ReopenThreshold knelpunt={knelpunt} onChange={onChange} />}
    </section>
  );
}

function ReopenThreshold({ knelpunt, onChange }: { knelpunt: Knelpunt; onChange: () => void }) {
  const set = useMutation(SetKnelpuntReopenThresholdDocument);
  const [value, setValue] = useState(String(knelpunt.reopenThreshold));
  const [invalid, setInvalid] = useState(false);
  const [saved, setSaved] = useState(false);
  useEffect(() => setValue(String(knelpunt.reopenThreshold)), [knelpunt.reopenThreshold]);
  const message = 'Vul een heel getal in van 1 tot en met 1000.';
  const error = invalid ? message : fieldError(set, 'input.threshold', message);
  async function submit() {
    setSaved(false);
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || n < 1 || n > 1000) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    const data = await set.run({ input: { knelpuntId: knelpunt.id, threshold: n } });
    if (data) {
      setSaved(true);
      onChange();
    }
  }
  return (
    <div className="hub-form">
      <Heading3>Wanneer gaat het knelpunt weer open?</Heading3>
      <Paragraph>
        Is het knelpunt opgelost en komen er daarna <strong>{knelpunt.reopenThreshold}</strong> of meer signalen binnen (binnen 90 dagen), dan gaat het knelpunt
        vanzelf weer open.
      </Paragraph>
      <TextField
        label="Aantal signalen"
        description="Een getal van 1 tot en met 1000."
        type="number"
        inputMode="numeric"
        value={value}
        onChange={setValue}
        error={error}
      />
      {set.error && !error && <ErrorAlert error={set.error} headingLevel={4} />}
      <Button appearance="secondary-action-button" busy={set.busy} disabled={set.busy} onClick={() => void submit()}>
        Aantal opslaan
      </Button>
      {saved && (
        <Paragraph role="status" aria-live="polite">
          Het aantal is opgeslagen.
        </Paragraph>
      )}
    </div>
  );
}

const ZORGINKOOP_STATUS: Record<string, string> = {
  ASKED: 'Gevraagd, het zorgkantoor heeft nog niet besloten',
  AGREED: 'Afspraak gemaakt',
  REFUSED: 'Geweigerd',
};

/** One line about the zorginkoop outcome, for the reporters' own signals. */
export function zorginkoopLine(z: { status: string; outcome?: string | null; decidedOn?: unknown } | null | undefined): string | null {
  if (!z || z.status === 'ASKED' || !z.outcome) return null;
  const what = z.status === 'AGREED' ? 'afspraak gemaakt' : 'geweigerd';
  return `Zorginkoop: ${what}${z.decidedOn ? ` op ${formatDate(String(z.decidedOn))}` : ''}. ${z.outcome}`;
}

/**
 * "Zorginkoop": the question to the region's zorgkantoor and its outcome for everyone who reads the knelpunt; for
 * members a form to hand it over; for the region's zorgkantoor a form to record the outcome.
 */
export function Zorginkoop({ knelpunt, member, onChange }: { knelpunt: Knelpunt; member: boolean; onChange: () => void }) {
  const session = useSession();
  const user = session?.user;
  const zorgkantoor =
    user?.organizationType === 'ZORGKANTOOR' &&
    user.zorgkantoorregio === knelpunt.zorgkantoorregio.code &&
    user.roles.some((r) => r === 'OVERLEGTAFEL' || r === 'ZORGBEMIDDELAAR' || r === 'BELEIDSMEDEWERKER');
  const z = knelpunt.zorginkoop;
  const canAsk = member && !isFinal(knelpunt) && z?.status !== 'ASKED';
  const canRecord = zorgkantoor && z?.status === 'ASKED';
  return (
    <section aria-labelledby="zorginkoop-heading" className="hub-knelpunt-section hub-flow">
      <Heading2 id="zorginkoop-heading">Zorginkoop</Heading2>
      {z ? (
        <dl className="hub-facts hub-zorginkoop">
          <dt>Stand</dt>
          <dd>{label(ZORGINKOOP_STATUS, z.status)}</dd>
          <dt>Vraag</dt>
          <dd>{z.question}</dd>
          <dt>Gevraagd op</dt>
          <dd>{formatDate(z.askedOn)}</dd>
          {z.outcome && (
            <>
              <dt>{z.status === 'AGREED' ? 'Afspraak' : 'Waarom niet'}</dt>
              <dd>{z.outcome}</dd>
            </>
          )}
          {z.decidedOn && (
            <>
              <dt>Besloten op</dt>
              <dd>{formatDate(z.decidedOn)}</dd>
            </>
          )}
        </dl>
      ) : (
        <Paragraph>Dit knelpunt is nog niet aan de zorginkoop van het zorgkantoor voorgelegd.</Paragraph>
      )}
      {canAsk && <HandOver knelpunt={knelpunt} again={Boolean(z)} onChange={onChange} />}
      {canRecord && z && <RecordOutcome knelpunt={knelpunt} onChange={onChange} />}
    </section>
  );
}

function HandOver({ knelpunt, again, onChange }: { knelpunt: Knelpunt; again: boolean; onChange: () => void }) {
  const hand = useMutation(HandKnelpuntToZorginkoopDocument);
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const error = missing ? 'Vul dit in.' : fieldError(hand, 'input.question', 'Deze vraag kan niet worden opgeslagen.');
  async function submit() {
    if (!text.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const data = await hand.run({ input: { knelpuntId: knelpunt.id, question: text.trim() } });
    if (data) {
      setText('');
      onChange();
    }
  }
  return (
    <div className="hub-form">
      <Heading3>{again ? 'Opnieuw voorleggen aan zorginkoop' : 'Voorleggen aan zorginkoop'}</Heading3>
      <TextareaField
        label="Wat vraagt de overlegtafel aan zorginkoop?"
        description="Schrijf geen gegevens waarmee iemand te herkennen is."
        value={text}
        onChange={setText}
        error={error}
      />
      {hand.error && !error && <ErrorAlert error={hand.error} headingLevel={4} />}
      <Button appearance="secondary-action-button" busy={hand.busy} disabled={hand.busy} onClick={() => void submit()}>
        Voorleggen aan zorginkoop
      </Button>
    </div>
  );
}

function RecordOutcome({ knelpunt, onChange }: { knelpunt: Knelpunt; onChange: () => void }) {
  const record = useMutation(RecordZorginkoopOutcomeDocument);
  const [outcome, setOutcome] = useState<ZorginkoopOutcome>('AGREEMENT');
  const [text, setText] = useState('');
  const [decidedOn, setDecidedOn] = useState(todayInNl());
  const [missing, setMissing] = useState(false);
  const textError = missing ? 'Vul dit in.' : fieldError(record, 'input.text', 'Deze tekst kan niet worden opgeslagen.');
  const dateError = fieldError(record, 'input.decidedOn', 'Kies een datum vanaf de vraag en niet later dan vandaag.');
  async function submit() {
    if (!text.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const data = await record.run({ input: { knelpuntId: knelpunt.id, outcome, text: text.trim(), decidedOn } });
    if (data) {
      setText('');
      onChange();
    }
  }
  return (
    <div className="hub-form">
      <Heading3>Besluit van het zorgkantoor vastleggen</Heading3>
      <FormField type="select" label={<FormLabel htmlFor="zorginkoop-outcome">Wat is het besluit?</FormLabel>}>
        <Select id="zorginkoop-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as ZorginkoopOutcome)}>
          <SelectOption value="AGREEMENT">Afspraak gemaakt</SelectOption>
          <SelectOption value="REFUSAL">Geweigerd</SelectOption>
        </Select>
      </FormField>
      <TextareaField
        label={outcome === 'AGREEMENT' ? 'Welke afspraak?' : 'Waarom niet?'}
        description="De melders van de signalen lezen dit. Schrijf geen gegevens waarmee iemand te herkennen is."
        value={text}
        onChange={setText}
        error={textError}
      />
      <TextField label="Datum van het besluit" description="Niet later dan vandaag." type="date" value={decidedOn} onChange={setDecidedOn} error={dateError} />
      {record.error && !textError && !dateError && <ErrorAlert error={record.error} headingLevel={4} />}
      <Button appearance="secondary-action-button" busy={record.busy} disabled={record.busy} onClick={() => void submit()}>
        Besluit vastleggen bij zorginkoop
      </Button>
    </div>
  );
}
