import { useEffect, useState } from 'react';
import { GemeentenDocument, type GemeentenQuery, PostcodeSearchAvailableDocument } from '../../generated/graphql.ts';
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

let postcodeCheck: Promise<boolean> | undefined;

/**
 * Whether the hub has the postcode areas loaded, so a search can measure from a postcode; asked once per page load
 * (an operator loads them rarely). False until the answer is in, and when the hub cannot say.
 */
export function usePostcodeSearchAvailable(): boolean {
  const [available, setAvailable] = useState(false);
  useEffect(() => {
    let current = true;
    postcodeCheck ??= execute(PostcodeSearchAvailableDocument, {}).then(
      (result) => result.data?.postcodeSearchAvailable ?? false,
      () => {
        postcodeCheck = undefined;
        return false;
      },
    );
    postcodeCheck.then(
      (value) => current && setAvailable(value),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  return available;
}
