import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import type { DutchError } from '../errors.ts';

/** One error in Dutch: what happened, what to do, and the details of this occurrence. */
export function ErrorAlert({ error, headingLevel = 2 }: { error: DutchError; headingLevel?: number }) {
  return (
    <Alert type={error.code === 'SUBGRAPH_UNAVAILABLE' ? 'warning' : 'error'} role="alert" className="hub-alert">
      <Heading level={headingLevel} appearance="utrecht-heading-4">
        {error.title}
      </Heading>
      <Paragraph>{error.action}</Paragraph>
      {error.details.map((detail) => (
        <Paragraph key={detail}>{detail}</Paragraph>
      ))}
    </Alert>
  );
}
