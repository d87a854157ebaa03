import { randomUUID } from 'node:crypto';
import type { Db } from '@hub/db';
import type { Principal } from '@hub/identity';
import { findRecipient, upsertRecipient, type RecipientRow } from './db/queries.ts';

/** How long a process trusts its last write of a recipient: lastSeenAt is refreshed at most this often per person. */
export const RECIPIENT_REFRESH_MS = 5 * 60_000;
const MAX_REMEMBERED = 10_000;

/**
 * Records the professionals who use the hub, so events can reach them: organisation, subject, name, e-mail claim and
 * roles, and when they were last seen. A process writes a person's row at most once per RECIPIENT_REFRESH_MS (unless
 * their claims changed); in between it only reads it. Client tokens and anonymous callers are never recorded.
 */
export function createRecipientRegistry() {
  const written = new Map<string, { at: number; claims: string }>();
  return {
    async recipientOf(db: Db, principal: Principal, now: Date): Promise<RecipientRow> {
      const key = `${principal.organizationId}\n${principal.subject}`;
      const claims = JSON.stringify([principal.name ?? null, principal.email ?? null, [...principal.roles].sort()]);
      const last = written.get(key);
      if (last && last.claims === claims && now.getTime() - last.at < RECIPIENT_REFRESH_MS) {
        const row = await findRecipient(db, principal.organizationId, principal.subject);
        if (row) return row;
      }
      const row = await upsertRecipient(db, {
        id: randomUUID(),
        organizationId: principal.organizationId,
        subject: principal.subject,
        name: principal.name ?? null,
        email: principal.email ?? null,
        roles: [...principal.roles],
        firstSeenAt: now,
        lastSeenAt: now,
      });
      if (written.size >= MAX_REMEMBERED) written.clear();
      written.set(key, { at: now.getTime(), claims });
      return row;
    },
  };
}
export type RecipientRegistry = ReturnType<typeof createRecipientRegistry>;
