import { NOTIFICATION_KINDS, type NotificationKind } from '@hub/contracts';
import type { Db } from '@hub/db';
import { badInput } from '@hub/errors';
import { findDefaultsOf, findPreferencesOf, type EmailMode, type RecipientRow } from './db/queries.ts';

export interface PreferenceView {
  kind: NotificationKind;
  email: EmailMode;
  inherited: boolean;
}

/** The organisation's defaults, one per kind in the order of NotificationKind; `inherited` where it chose nothing. */
export async function organizationDefaults(db: Db, organizationId: string): Promise<PreferenceView[]> {
  const chosen = new Map((await findDefaultsOf(db, [organizationId])).map((d) => [d.kind, d.email]));
  return NOTIFICATION_KINDS.map((kind) => {
    const email = chosen.get(kind);
    return { kind, email: email ?? 'IMMEDIATE', inherited: email === undefined };
  });
}

/** A person's settings: their own choice per kind, else the organisation's default (inherited), else IMMEDIATE. */
export async function settingsOf(db: Db, me: RecipientRow) {
  const own = new Map((await findPreferencesOf(db, [me.id])).map((p) => [p.kind, p.email]));
  const defaults = await organizationDefaults(db, me.organizationId);
  return {
    email: me.email,
    coordinator: me.coordinator,
    preferences: defaults.map((d) => {
      const email = own.get(d.kind);
      return email === undefined ? { ...d, inherited: true } : { kind: d.kind, email, inherited: false };
    }),
  };
}

/** At most one entry per kind; a second one for the same kind is BAD_USER_INPUT on that entry. */
export function requireOnePerKind(entries: readonly { kind: NotificationKind }[], field: string): void {
  const seen = new Set<NotificationKind>();
  entries.forEach((entry, i) => {
    if (seen.has(entry.kind)) throw badInput(`${field}.${i}.kind`, `${entry.kind} is named twice.`);
    seen.add(entry.kind);
  });
}
