import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { useState } from 'react';

/**
 * Pages of a connection walked with its cursors: `after` for the query, the cursors of the pages before it as a
 * stack, so "previous" needs no backward paging of the API.
 */
export function useCursorPages() {
  const [stack, setStack] = useState<(string | undefined)[]>([]);
  const after = stack.at(-1);
  return {
    after,
    pageNumber: stack.length + 1,
    previous: () => setStack((s) => s.slice(0, -1)),
    next: (endCursor: string) => setStack((s) => [...s, endCursor]),
    /** Back to the first page (a new filter, or a new item at the top). */
    reset: () => setStack([]),
  };
}

/** The buttons to the previous and next page; each shown only when there is such a page. */
export function Pager({
  pages,
  endCursor,
  hasNextPage,
  previousLabel = 'Vorige pagina',
  nextLabel = 'Volgende pagina',
}: {
  pages: ReturnType<typeof useCursorPages>;
  endCursor: string | null | undefined;
  hasNextPage: boolean | undefined;
  previousLabel?: string;
  nextLabel?: string;
}) {
  return (
    <ButtonGroup className="hub-pager">
      {pages.pageNumber > 1 && (
        <Button appearance="secondary-action-button" onClick={pages.previous}>
          {previousLabel}
        </Button>
      )}
      {hasNextPage && endCursor && (
        <Button appearance="secondary-action-button" onClick={() => pages.next(endCursor)}>
          {nextLabel}
        </Button>
      )}
    </ButtonGroup>
  );
}
