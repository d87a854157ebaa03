import { type ComponentType, lazy } from 'react';
import type { PageProps } from './registry.ts';

/**
 * A menu area whose pages are loaded when first needed, as one chunk of JavaScript: the first page (the sociale kaart)
 * stays small, and nobody downloads the pages of a role they do not have. `preload` fetches the chunk ahead of time
 * (the app calls it after sign-in for the areas the user may open), so a click does not wait for it.
 */
export interface LazyArea<M> {
  preload(): Promise<M>;
  page<K extends keyof M>(name: K): ComponentType<PageProps>;
}

export function lazyArea<M extends Record<string, unknown>>(load: () => Promise<M>): LazyArea<M> {
  let loading: Promise<M> | undefined;
  const preload = () => {
    loading ??= load().catch((error: unknown) => {
      // A failed download (a new release, a dropped connection) is tried again on the next visit.
      loading = undefined;
      throw error;
    });
    return loading;
  };
  return {
    preload,
    page: (name) =>
      lazy(async () => {
        const module = await preload();
        return { default: module[name] as ComponentType<PageProps> };
      }),
  };
}
