import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { SearchServicesDocument } from '../../generated/graphql.ts';
import { useQuery } from '../../graphql/use-query.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';

export function SearchPage() {
  const result = useQuery(SearchServicesDocument, { first: 20 });
  return (
    <>
      <Heading1 tabIndex={-1}>Sociale kaart</Heading1>
      {result.error && <ErrorAlert error={result.error} />}
      {result.data && <Paragraph>{result.data.searchServices.totalCount} diensten</Paragraph>}
    </>
  );
}
