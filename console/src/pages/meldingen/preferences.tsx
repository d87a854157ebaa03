import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { DutchError } from '../../errors.ts';
import type { EmailDelivery, NotificationKind } from '../../generated/graphql.ts';
import { EMAIL_DELIVERY_LABELS, label, NOTIFICATION_KIND_LABELS } from '../../labels.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { ChoiceGroup } from '../clienten/fields.tsx';

export interface Preference {
  kind: NotificationKind;
  email: EmailDelivery;
  inherited: boolean;
}

const DELIVERIES = Object.keys(EMAIL_DELIVERY_LABELS) as EmailDelivery[];

/**
 * One radio group per kind of notification: Direct, Dagelijks overzicht or Geen e-mail. Used for the own settings
 * (`inherited`: the organisation's default) and for the organisation's defaults (`inherited`: the hub's default,
 * Direct). Only the kinds changed are sent, so a kind left alone keeps following its default.
 */
export function PreferencesForm({
  preferences,
  inheritedText,
  saveLabel,
  busy,
  error,
  onSave,
}: {
  preferences: readonly Preference[];
  inheritedText: string;
  saveLabel: string;
  busy: boolean;
  error: DutchError | null;
  /** Saves the changed kinds; resolves with true when the hub accepted them. */
  onSave: (changed: { kind: NotificationKind; email: EmailDelivery }[]) => Promise<boolean>;
}) {
  const [chosen, setChosen] = useState<Partial<Record<NotificationKind, EmailDelivery>>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const confirmation = useRef<HTMLDivElement>(null);
  // New settings from the hub (after saving) start without local changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the hub's settings change.
  useEffect(() => setChosen({}), [preferences]);
  useEffect(() => {
    if (saved) confirmation.current?.focus();
  }, [saved]);

  const changed = preferences.flatMap((p) => {
    const email = chosen[p.kind];
    return email && email !== p.email ? [{ kind: p.kind, email }] : [];
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    if (changed.length === 0) {
      setSaved('U heeft niets veranderd.');
      return;
    }
    const count = changed.length;
    if (await onSave(changed)) setSaved(count === 1 ? 'Opgeslagen: 1 keuze is veranderd.' : `Opgeslagen: ${count} keuzes zijn veranderd.`);
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="hub-preferences" noValidate>
      {preferences.map((p) => (
        <ChoiceGroup
          key={p.kind}
          legend={label(NOTIFICATION_KIND_LABELS, p.kind)}
          description={p.inherited && !chosen[p.kind] ? inheritedText : undefined}
          multiple={false}
          choices={DELIVERIES.map((d) => ({ value: d, label: EMAIL_DELIVERY_LABELS[d] }))}
          selected={[chosen[p.kind] ?? p.email]}
          onChange={([value]) => {
            setSaved(null);
            setChosen((c) => ({ ...c, [p.kind]: value as EmailDelivery }));
          }}
        />
      ))}
      {error && <ErrorAlert error={error} headingLevel={2} />}
      <div ref={confirmation} tabIndex={-1} aria-live="polite" className="hub-preferences__saved">
        {saved && (
          <Alert type="ok" className="hub-alert">
            <Paragraph>{saved}</Paragraph>
          </Alert>
        )}
      </div>
      <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
        {saveLabel}
      </Button>
    </form>
  );
}
