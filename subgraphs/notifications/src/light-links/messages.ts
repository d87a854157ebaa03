import type { Db } from '@hub/db';

/** A rendered LINK e-mail: where it goes and what it says. */
export interface LinkMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

// Placeholder until single-use links exist: the e-mail worker marks a LINK message it cannot render FAILED.
export async function renderLinkMessage(_tx: Db, _lightLinkId: string, _now: Date): Promise<LinkMessage | null> {
  return null;
}
