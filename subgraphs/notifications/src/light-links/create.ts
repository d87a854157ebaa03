import type { ParsedNotificationEvent } from '@hub/contracts';
import type { Db } from '@hub/db';

// Placeholder until single-use links exist: intake calls it once per delivery, inside the fan-out's transaction.
export async function createLightLinksFor(_tx: Db, _events: ParsedNotificationEvent[], _now: Date): Promise<number> {
  return 0;
}
