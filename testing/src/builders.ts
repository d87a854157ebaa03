import { buildOrganization as insertOrganization } from '@hub/sociale-kaart/test-builders';
import type { TestHub } from './hub.ts';

/**
 * An organisation in the sociale kaart, for tests of other subgraphs that need an organisation the gateway can
 * resolve. The sociale kaart has no mutation that creates one (organisations come from its own data), so its own
 * test builder writes the row: each subgraph's tables are written by that subgraph's code only.
 */
export function buildOrganization(hub: TestHub, overrides: Parameters<typeof insertOrganization>[1] = {}) {
  return insertOrganization(hub.database.db, overrides);
}
