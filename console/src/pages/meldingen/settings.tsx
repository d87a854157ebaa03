import { Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { MyNotificationSettingsDocument, type NotificationSettingsFieldsFragment, UpdateMyNotificationPreferencesDocument } from '../../generated/graphql.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { AppLink } from '../../router.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useMutation } from '../warme-overdracht/shared.tsx';
import { PreferencesForm } from './preferences.tsx';

/** The signed-in professional's e-mail settings: per kind of notification Direct, Dagelijks overzicht or Geen e-mail. */
export function NotificationSettingsPage() {
  const result = useQuery(MyNotificationSettingsDocument, {});
  const update = useMutation(UpdateMyNotificationPreferencesDocument);
  const [after, setAfter] = useState<NotificationSettingsFieldsFragment | null>(null);
  const settings = after ?? result.data?.myNotificationSettings ?? null;

  return (
    <div className="hub-flow">
      <Paragraph>
        <AppLink href="/meldingen">Terug naar de meldingen</AppLink>
      </Paragraph>
      <Heading1 tabIndex={-1}>Instellingen voor meldingen</Heading1>
      <Paragraph appearance="lead">
        Alle meldingen staan altijd in de hub, bij Meldingen. Hier kiest u per soort melding of u ook een e-mail krijgt: direct, één keer per dag in een
        overzicht, of niet. In een e-mail staat nooit een naam of iets anders over een cliënt, alleen wat er is gebeurd en een link naar de hub.
      </Paragraph>
      {result.error && <ErrorAlert error={result.error} />}
      {result.loading && !settings && <Paragraph aria-live="polite">Even geduld, de instellingen worden geladen…</Paragraph>}
      {settings && (
        <>
          <Heading2>Uw e-mailadres</Heading2>
          {settings.email ? (
            <Paragraph>
              E-mails gaan naar <strong>{settings.email}</strong>. Dit adres komt van uw inlog. Klopt het niet? Vraag dan de beheerder van uw organisatie om het
              aan te passen.
            </Paragraph>
          ) : (
            <Paragraph>
              Bij uw inlog is geen e-mailadres bekend. U krijgt daarom geen e-mails. Uw meldingen ziet u wel hier in de hub. Wilt u e-mails krijgen? Vraag dan
              de beheerder van uw organisatie om uw e-mailadres aan uw inlog toe te voegen.
            </Paragraph>
          )}
          {settings.coordinator && (
            <Paragraph>
              Uw organisatie heeft u <strong>coördinator</strong> gemaakt. Daarom krijgt u ook een melding als een overdracht of een indicatie te laat is.
            </Paragraph>
          )}
          <Heading2>E-mail per soort melding</Heading2>
          <PreferencesForm
            preferences={settings.preferences}
            inheritedText="Dit is de standaard van uw organisatie."
            saveLabel="Instellingen opslaan"
            busy={update.busy}
            error={update.error}
            onSave={async (changed) => {
              const data = await update.run({ input: { preferences: changed } });
              if (!data) return false;
              setAfter(data.updateMyNotificationPreferences.settings);
              return true;
            }}
          />
        </>
      )}
    </div>
  );
}
