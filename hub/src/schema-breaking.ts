import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSchema, Supergraph } from '@apollo/federation-internals';
import { type BreakingChange, buildSchema, type DangerousChange, findBreakingChanges, findDangerousChanges, type GraphQLSchema } from 'graphql';
import { z } from 'zod';
import { REPOSITORY_ROOT } from './compose.ts';

/**
 * The breaking-change check of the supergraph (`npm run schema:breaking`, in `npm run check` and .ci/run): the API
 * clients see now against the API of the last release. Both sides are reduced to their API schema first (Federation's
 * own `Supergraph.apiSchema()`: no join__/link machinery, nothing @inaccessible), then compared with graphql-js's
 * findBreakingChanges / findDangerousChanges. A breaking change fails the check unless the allow-list names it with a
 * reason (a removal planned after a deprecation period, announced in CHANGELOG.md); dangerous changes (an enum value
 * or an optional argument added, a default changed) are reported and pass.
 */

export const RELEASED_DIR = join(REPOSITORY_ROOT, 'gateway', 'released');
export const ALLOW_LIST_PATH = join(RELEASED_DIR, 'allowed-breaking-changes.json');
const RELEASED_FILE = /^supergraph-(\d+)\.(\d+)\.(\d+)\.graphql$/;

const allowListSchema = z.array(
  z
    .object({
      /** The change exactly as the check prints it, e.g. "Query.oldField was removed." */
      change: z.string().min(1),
      /** Why clients may bear it: the deprecation, since when, where it was announced. */
      reason: z.string().trim().min(10, 'say why the change may break clients (at least 10 characters)'),
    })
    .strict(),
);
export type AllowList = z.infer<typeof allowListSchema>;

export interface SchemaChange {
  type: string;
  description: string;
}

export interface BreakingChangeReport {
  /** Breaking and not allowed: the check fails. */
  breaking: SchemaChange[];
  /** Breaking, and on the allow-list with a reason. */
  allowed: (SchemaChange & { reason: string })[];
  dangerous: SchemaChange[];
  /** Allow-list entries that match no change any more: remove them. */
  unusedAllowances: string[];
}

/** The schema clients see: the supergraph without federation's directives and types, and without @inaccessible elements. */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  // Through SDL text: federation-internals may load another copy of graphql-js (CommonJS beside ESM), whose schema
  // objects this copy's findBreakingChanges refuses.
  return buildSchema(printSchema(Supergraph.build(supergraphSdl).apiSchema()));
}

const asChange = (c: BreakingChange | DangerousChange): SchemaChange => ({ type: c.type, description: c.description });

export function compareSupergraphs(releasedSdl: string, currentSdl: string, allowList: AllowList = []): BreakingChangeReport {
  const released = apiSchemaOf(releasedSdl);
  const current = apiSchemaOf(currentSdl);
  const reasons = new Map(allowList.map((a) => [a.change, a.reason]));
  const report: BreakingChangeReport = { breaking: [], allowed: [], dangerous: findDangerousChanges(released, current).map(asChange), unusedAllowances: [] };
  const seen = new Set<string>();
  for (const change of findBreakingChanges(released, current).map(asChange)) {
    const reason = reasons.get(change.description);
    seen.add(change.description);
    if (reason === undefined) report.breaking.push(change);
    else report.allowed.push({ ...change, reason });
  }
  report.unusedAllowances = allowList.map((a) => a.change).filter((c) => !seen.has(c));
  return report;
}

export function readAllowList(path = ALLOW_LIST_PATH): AllowList {
  if (!existsSync(path)) return [];
  const parsed = allowListSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

/** The newest gateway/released/supergraph-<x.y.z>.graphql: the API of the last release. */
export function latestReleasedSupergraph(dir = RELEASED_DIR): { version: string; path: string } {
  const releases = readdirSync(dir)
    .map((name) => ({ name, match: RELEASED_FILE.exec(name) }))
    .filter((r): r is { name: string; match: RegExpExecArray } => r.match !== null)
    .map((r) => ({ path: join(dir, r.name), parts: [1, 2, 3].map((i) => Number(r.match[i])) }))
    .sort((a, b) => (a.parts[0] ?? 0) - (b.parts[0] ?? 0) || (a.parts[1] ?? 0) - (b.parts[1] ?? 0) || (a.parts[2] ?? 0) - (b.parts[2] ?? 0));
  const latest = releases.at(-1);
  if (!latest) throw new Error(`No released supergraph (supergraph-<version>.graphql) in ${dir}`);
  return { version: latest.parts.join('.'), path: latest.path };
}

/** The report as lines for a terminal or a CI log. */
export function formatReport(report: BreakingChangeReport, releasedName: string): string[] {
  const lines: string[] = [];
  for (const c of report.breaking) lines.push(`BREAKING  ${c.type}: ${c.description}`);
  for (const c of report.allowed) lines.push(`allowed   ${c.type}: ${c.description} (${c.reason})`);
  for (const c of report.dangerous) lines.push(`dangerous ${c.type}: ${c.description}`);
  for (const c of report.unusedAllowances) lines.push(`unused    allow-list entry matches no change any more: ${c}`);
  lines.push(
    report.breaking.length === 0
      ? `No unplanned breaking change against ${releasedName} (${report.allowed.length} allowed, ${report.dangerous.length} dangerous).`
      : `${report.breaking.length} breaking change(s) against ${releasedName}: keep the old field or argument (deprecate it first), or list the change with its reason in gateway/released/allowed-breaking-changes.json.`,
  );
  return lines;
}
