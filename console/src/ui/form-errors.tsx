import { Alert, Paragraph } from '@utrecht/component-library-react';

/**
 * The summary above a form that was not sent: what is wrong, field by field. Its `id` is where the form moves focus
 * after a failed submit, so a keyboard and screen-reader user hears the list at once.
 */
export function FormErrors({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <Alert type="error" className="hub-alert">
      <div id="hub-form-errors" tabIndex={-1} role="alert">
        <Paragraph>
          <strong>Niet alles is goed ingevuld.</strong> Er is nog niets vastgelegd.
        </Paragraph>
        <ul>
          {messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      </div>
    </Alert>
  );
}
