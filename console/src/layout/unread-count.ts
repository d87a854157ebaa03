import { useEffect, useRef, useSyncExternalStore } from 'react';
import { hasAnyRole, type Role, useSession } from '../auth/session.ts';
import { UnreadNotificationCountDocument } from '../generated/graphql.ts';
import { execute } from '../graphql/client.ts';
import { rolesOf } from '../pages/registry.ts';

/**
 * The number of unread notifications shown next to "Meldingen" in the menu. It is asked modestly: once a minute while
 * the tab is visible, on every navigation, and when the notification centre marks something read (which also tells the
 * number it got back, so the menu follows without asking again). A failed request keeps the menu as it was.
 */

/** Who has a notification centre: the roles of its menu item (professionals; a client token is refused for it). */
const notificationRoles = (): readonly Role[] => {
  const roles = rolesOf('/meldingen');
  return roles === 'everyone' ? [] : roles;
};

const POLL_MS = 60_000;

let count: number | null = null;
let asking: AbortController | null = null;
const listeners = new Set<() => void>();
const publish = (next: number | null) => {
  if (next === count) return;
  count = next;
  for (const listener of listeners) listener();
};

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Asks the hub for the number now; an older request still in flight is dropped. */
export function refreshUnreadCount(): void {
  asking?.abort();
  const controller = new AbortController();
  asking = controller;
  execute(UnreadNotificationCountDocument, {}, { signal: controller.signal }).then(
    (result) => {
      if (result.data) publish(result.data.notifications.unreadCount);
    },
    () => undefined,
  );
}

/** The number the hub just answered to a change (e.g. markNotificationsRead). */
export function setUnreadCount(next: number): void {
  asking?.abort();
  publish(next);
}

/** The unread count for the signed-in professional, kept fresh; null while unknown or without a notification centre. */
export function useUnreadCount(pathname: string): number | null {
  const session = useSession();
  const enabled = hasAnyRole(session, notificationRoles());
  const token = session?.token;
  // A new user starts without a number: never show the previous user's.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per session.
  useEffect(() => {
    publish(null);
    if (enabled) refreshUnreadCount();
  }, [enabled, token]);
  const lastPath = useRef(pathname);
  useEffect(() => {
    if (lastPath.current === pathname) return;
    lastPath.current = pathname;
    if (enabled) refreshUnreadCount();
  }, [enabled, pathname]);
  useEffect(() => {
    if (!enabled) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') refreshUnreadCount();
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [enabled]);
  const value = useSyncExternalStore(subscribe, () => count);
  return enabled ? value : null;
}
