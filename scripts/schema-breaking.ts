import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { SUPERGRAPH_PATH } from '@hub/gateway';
import { compareSupergraphs, formatReport, latestReleasedSupergraph, readAllowList } from '@hub/hub/schema-breaking';

/**
 * npm run schema:breaking [-- --released <file>] [--current <file>] [--allow <file>]
 *
 * Compares the API of gateway/supergraph.graphql with the last released one (the newest
 * gateway/released/supergraph-<version>.graphql); exits 1 on a breaking change the allow-list does not name.
 */
const { values } = parseArgs({ options: { released: { type: 'string' }, current: { type: 'string' }, allow: { type: 'string' } } });
const released = values.released ?? latestReleasedSupergraph().path;
const current = values.current ?? SUPERGRAPH_PATH;
try {
  const report = compareSupergraphs(readFileSync(released, 'utf8'), readFileSync(current, 'utf8'), readAllowList(values.allow));
  for (const line of formatReport(report, basename(released))) console.log(line);
  process.exitCode = report.breaking.length > 0 ? 1 : 0;
} catch (error) {
  console.error(`schema:breaking: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
