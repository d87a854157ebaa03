import 'graphiql/style.css';
import './graphiql-page.css';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * GraphiQL for developers, served by the gateway outside production only (GET /graphiql, or GET /graphql from a
 * browser). Built with the console, so its scripts and styles come from the hub itself and nothing loads from another
 * host. Requests go to /graphql on the same origin; a bearer token goes in the headers tab as
 * `{"authorization": "Bearer …"}`.
 */
const fetcher: GraphiQLProps['fetcher'] = async (params, options) => {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...options?.headers },
    body: JSON.stringify(params),
    credentials: 'omit',
  });
  return response.json();
};

const DEFAULT_QUERY = `# The hub's graph. Directory queries need no token; for anything else put
# {"authorization": "Bearer <token>"} in the headers tab below.
query Gemeenten {
  gemeenten {
    code
    name
  }
}
`;

const container = document.getElementById('graphiql');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} />
    </StrictMode>,
  );
}
