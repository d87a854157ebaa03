import { purgeByOwnerFunction, termBefore, type RetentionTask } from '@hub/service-kit';

/**
 * The directory's change log (sociale_kaart.directory_change) holds no personal data; it only tells processes that
 * keep the directory in memory what changed since they last looked. A day of it is kept: a process that was idle for
 * longer finds that the entries after its position are gone and loads the whole directory again
 * (src/directory/model.ts). The log is append-only for the runtime role, so the owner's function
 * `sociale_kaart.purge_directory_changes` deletes; it never removes an entry of the last hour, nor the newest one.
 */
export const DIRECTORY_CHANGE_KEEP_DAYS = 1;

export function socialeKaartRetention(): RetentionTask[] {
  return [
    purgeByOwnerFunction('sociale_kaart.directory_change', 'sociale_kaart.purge_directory_changes', (asOf) =>
      termBefore(asOf, { days: DIRECTORY_CHANGE_KEEP_DAYS }),
    ),
  ];
}
