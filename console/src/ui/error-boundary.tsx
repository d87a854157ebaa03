import { Alert, Heading1, Paragraph } from '@utrecht/component-library-react';
import { Component, type ReactNode } from 'react';

/**
 * A page that fails while rendering shows a Dutch message instead of a blank screen; the header and the menu stay,
 * so the user can go elsewhere. A new path starts afresh (the key on this component is the path).
 */
export class PageErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <>
        <Heading1 tabIndex={-1}>Er ging iets mis</Heading1>
        <Alert type="error" role="alert">
          <Paragraph>Deze pagina kon niet worden getoond. Laad de pagina opnieuw. Blijft het misgaan? Meld het bij de helpdesk.</Paragraph>
        </Alert>
      </>
    );
  }
}
