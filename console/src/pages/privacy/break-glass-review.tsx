import { Alert, Button, ButtonGroup, DataBadge, Heading1, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import type { DutchError } from '../../errors.ts';
import { BreakGlassReviewsDocument, type BreakGlassReviewsQuery, ReviewBreakGlassDocument } from '../../generated/graphql.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { AppLink } from '../../router.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { ChoiceGroup, TextareaField } from '../clienten/fields.tsx';
import { formatDateTime } from '../clienten/labels.ts';
import { mutate } from '../clienten/mutate.ts';
import { roleNames } from './overview.ts';

type Opening = BreakGlassReviewsQuery['breakGlassReviews']['nodes'][number];

function ReviewForm({ opening, onDone }: { opening: Opening; onDone: (message: string) => void }) {
  const [verdict, setVerdict] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<DutchError | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (verdict.length === 0) found.verdict = 'Kies of de noodtoegang terecht was.';
    if (!note.trim()) found.note = 'Schrijf een korte toelichting.';
    else if (note.trim().length > 2000) found.note = 'Gebruik hoogstens 2000 tekens.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(null);
    const justified = verdict[0] === 'yes';
    const answer = await mutate(ReviewBreakGlassDocument, { input: { id: opening.id, expectedVersion: opening.version, justified, note: note.trim() } });
    setBusy(false);
    if (answer.error) {
      if (answer.badFields.includes('input.note')) setErrors({ note: 'Deze toelichting kan zo niet worden opgeslagen. Zet er geen BSN in.' });
      else setFailure(answer.error);
      return;
    }
    onDone(`De noodtoegang van ${opening.userName ?? 'de medewerker'} is beoordeeld als ${justified ? 'terecht' : 'niet terecht'}.`);
  }
  return (
    <form className="hub-form" noValidate onSubmit={(event) => void submit(event)}>
      {failure && <ErrorAlert error={failure} headingLevel={4} />}
      <ChoiceGroup
        legend="Was deze noodtoegang terecht?"
        multiple={false}
        error={errors.verdict}
        selected={verdict}
        onChange={setVerdict}
        choices={[
          { value: 'yes', label: 'Ja, terecht', description: 'Er was acuut gevaar en de gegevens waren nodig.' },
          {
            value: 'no',
            label: 'Nee, niet terecht',
            description: 'De medewerker kan dan 30 dagen geen noodtoegang meer openen. Bespreek het met de medewerker.',
          },
        ]}
      />
      <TextareaField label="Toelichting" description="Waarom vindt u dat? Zet er geen BSN in." value={note} error={errors.note} onChange={setNote} />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          Beoordeling opslaan
        </Button>
      </ButtonGroup>
    </form>
  );
}

function OpeningCard({ opening, onDone }: { opening: Opening; onDone: (message: string) => void }) {
  const headingId = `opening-${opening.id}`;
  const reviewed = opening.reviewedAt !== null && opening.reviewedAt !== undefined;
  return (
    <section className="hub-card" aria-labelledby={headingId}>
      <Heading3 id={headingId}>
        {opening.userName ?? opening.role} ({roleNames(opening.role)}), {formatDateTime(opening.openedAt)}
      </Heading3>
      {opening.reviewOverdue && (
        <Paragraph>
          <DataBadge className="hub-deadline hub-deadline--late">Te laat: langer dan 5 werkdagen niet beoordeeld</DataBadge>
        </Paragraph>
      )}
      <Paragraph>
        <strong>Reden:</strong> “{opening.reason}”
      </Paragraph>
      <Paragraph>
        <strong>Hoe lang:</strong> tot {formatDateTime(opening.expiresAt)} {opening.active ? '(loopt nog)' : '(afgelopen)'}.
      </Paragraph>
      {reviewed ? (
        <Paragraph>
          <strong>Beoordeeld:</strong> {opening.justified ? 'terecht' : 'niet terecht'} op {formatDateTime(opening.reviewedAt ?? '')}. {opening.reviewNote}
        </Paragraph>
      ) : (
        <ReviewForm opening={opening} onDone={onDone} />
      )}
    </section>
  );
}

export function BreakGlassReviewPage() {
  const [showAll, setShowAll] = useState(false);
  const result = useQuery(BreakGlassReviewsDocument, { unreviewedOnly: !showAll, first: 100 });
  const [done, setDone] = useState<string | undefined>(undefined);
  const openings = result.data?.breakGlassReviews.nodes ?? [];
  const overdue = openings.filter((o) => o.reviewOverdue).length;
  return (
    <div className="hub-flow">
      <Heading1 tabIndex={-1}>Noodtoegang beoordelen</Heading1>
      <Paragraph appearance="lead">
        Bij acuut gevaar kan een medewerker van uw organisatie de gegevens van een cliënt openen zonder toestemming: noodtoegang. Beoordeel elke keer of dat
        terecht was. Doe dat binnen 5 werkdagen.
      </Paragraph>
      <Paragraph>
        <AppLink href="/privacy">Naar het inzageoverzicht</AppLink>
      </Paragraph>
      {done && (
        <Alert type="ok" role="status" className="hub-alert">
          <Paragraph>{done}</Paragraph>
        </Alert>
      )}
      {result.error && <ErrorAlert error={result.error} />}
      {result.loading && !result.data && <Paragraph aria-live="polite">Even geduld…</Paragraph>}
      <ButtonGroup>
        <Button appearance="secondary-action-button" aria-pressed={showAll} onClick={() => setShowAll((v) => !v)}>
          {showAll ? 'Alleen nog niet beoordeeld tonen' : 'Ook beoordeelde tonen'}
        </Button>
      </ButtonGroup>
      {result.data && (
        <section aria-labelledby="openings">
          <Heading2 id="openings">{showAll ? 'Alle noodtoegang' : 'Nog te beoordelen'}</Heading2>
          <Paragraph role="status">
            {openings.length === 0
              ? 'Er is niets te beoordelen.'
              : `${openings.length} ${openings.length === 1 ? 'keer' : 'keer'} noodtoegang${overdue > 0 ? `, waarvan ${overdue} te laat` : ''}.`}
          </Paragraph>
          {openings.map((o) => (
            <OpeningCard
              key={o.id}
              opening={o}
              onDone={(message) => {
                setDone(message);
                result.reload();
              }}
            />
          ))}
        </section>
      )}
    </div>
  );
}
