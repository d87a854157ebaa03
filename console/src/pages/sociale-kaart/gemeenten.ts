import { useEffect, useState } from 'react';
import { GemeentenDocument, type GemeentenQuery } from '../../generated/graphql.ts';
import { execute } from '../../graphql/client.ts';

export type Gemeente = GemeentenQuery['gemeenten'][number];

let loading: Promise<Gemeente[]> | undefined;

/** The 342 gemeenten (CBS), fetched once per page load: they change once a year at most. */
export function useGemeenten(): Gemeente[] {
  const [gemeenten, setGemeenten] = useState<Gemeente[]>([]);
  useEffect(() => {
    let current = true;
    loading ??= execute(GemeentenDocument, {}).then(
      (result) => result.data?.gemeenten ?? [],
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    loading.then(
      (list) => current && setGemeenten(list),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  return gemeenten;
}
