import { Link, type LinkProps } from '@utrecht/component-library-react';
import { type MouseEvent, useSyncExternalStore } from 'react';

/**
 * A small client-side router on the history API. Paths carry ids at most: never a BSN, a name or search text (a URL
 * ends up in browser history, proxy logs and the Referer of other sites). Search state lives in memory instead.
 */

const listeners = new Set<() => void>();
const notify = () => {
  for (const listener of listeners) listener();
};
window.addEventListener('popstate', notify);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === window.location.pathname) return;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  notify();
}

/** The parameters of `pattern` (e.g. `/sociale-kaart/diensten/:id`) in `pathname`, or null when it does not match. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = pathname.replace(/\/+$/, '').split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const h = have[i] ?? '';
    if (w.startsWith(':')) {
      try {
        params[w.slice(1)] = decodeURIComponent(h);
      } catch {
        return null;
      }
    } else if (w !== h) return null;
  }
  return params;
}

/** Whether a click should be left to the browser (new tab, download, another modifier). */
const browserHandles = (event: MouseEvent) => event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;

/** A link inside the console: navigates without reloading (the session lives in memory), opens a new tab as usual. */
export function AppLink({ href, onClick, ...props }: LinkProps & { href: string }) {
  return (
    <Link
      {...props}
      href={href}
      onClick={(event) => {
        onClick?.(event);
        if (event.defaultPrevented || browserHandles(event)) return;
        event.preventDefault();
        navigate(href);
      }}
    />
  );
}
