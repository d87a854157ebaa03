import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '@hub/service-kit';
import { readSupergraph } from '../../src/supergraph.ts';
import { createDocumentGate, loadTrustedDocuments, publicDirectoryFields } from '../../src/trusted-documents.ts';

/** The manifests the gateway reads at start, the public directory fields, and what `log` mode writes. */

const idOf = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;
const CONSOLE_DOC = 'query Gemeenten { gemeenten { code name } }';
const ORG_DOC = 'query Own { gemeenten { code } }';

const dirs: string[] = [];
function folder(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'manifests-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function consoleManifest(): string {
  return join(folder({ 'console.json': { [idOf(CONSOLE_DOC)]: CONSOLE_DOC } }), 'console.json');
}

describe('loading the manifests', () => {
  it("adds up an organisation's files and keeps organisations apart", () => {
    const other = 'query Other { zorgprofielen { code } }';
    const dir = folder({
      'a-1.json': { organizationId: 'org-a', documents: { [idOf(ORG_DOC)]: ORG_DOC } },
      'a-2.json': { organizationId: 'org-a', documents: { [idOf(other)]: other } },
      'b.json': { organizationId: 'org-b', documents: {} },
      'notes.txt': 'not a manifest',
    });
    const store = loadTrustedDocuments({ consoleManifest: consoleManifest(), directory: dir });
    expect([...(store.organizations.get('org-a')?.byId.keys() ?? [])].sort()).toEqual([idOf(ORG_DOC), idOf(other)].sort());
    expect(store.organizations.get('org-b')?.byId.size).toBe(0);
    expect(store.console.byId.get(idOf(CONSOLE_DOC))).toBe(CONSOLE_DOC);
  });

  it('refuses a document filed under another hash, naming the file', () => {
    const dir = folder({ 'bad.json': { organizationId: 'org-a', documents: { [idOf(CONSOLE_DOC)]: ORG_DOC } } });
    expect(() => loadTrustedDocuments({ consoleManifest: consoleManifest(), directory: dir })).toThrow(/bad\.json: sha256:[0-9a-f]{64} is not the sha256 hash/);
  });

  it('refuses a document that is not GraphQL, a file of the wrong shape, and a file that is not JSON', () => {
    const broken = 'query {';
    const notGraphql = folder({ 'x.json': { organizationId: 'org-a', documents: { [idOf(broken)]: broken } } });
    expect(() => loadTrustedDocuments({ consoleManifest: consoleManifest(), directory: notGraphql })).toThrow(/x\.json: the document .* is not valid GraphQL/);
    const shape = folder({ 'y.json': { documents: {} } });
    expect(() => loadTrustedDocuments({ consoleManifest: consoleManifest(), directory: shape })).toThrow(/y\.json: organizationId/);
    const json = folder({ 'z.json': '{ nope' });
    expect(() => loadTrustedDocuments({ consoleManifest: consoleManifest(), directory: json })).toThrow(/z\.json cannot be read as JSON/);
  });

  it("reads the console's committed manifest, every id the hash of its text", () => {
    const store = loadTrustedDocuments({ consoleManifest: 'console/src/generated/persisted-documents.json', directory: undefined });
    expect(store.console.byId.size).toBeGreaterThan(50);
    for (const [id, text] of store.console.byId) expect(id).toBe(idOf(text));
  });
});

describe('the public directory', () => {
  it("is the sociale kaart's Query fields and the meta fields, nothing of another subgraph", () => {
    const fields = publicDirectoryFields(readSupergraph());
    for (const name of ['searchServices', 'gemeenten', 'organization', 'postcodeSearchAvailable', '__typename']) expect(fields.has(name), name).toBe(true);
    for (const name of ['mySupport', 'client', 'referrals', 'notifications', 'signals', 'lightLink']) expect(fields.has(name), name).toBe(false);
  });
});

describe('TRUSTED_DOCUMENTS=log', () => {
  it('runs an untrusted document and logs its hash, never its text', () => {
    const lines: string[] = [];
    const logger = createLogger('gateway', 'info', { write: (line: string) => lines.push(line) });
    const gate = createDocumentGate({
      mode: 'log',
      store: loadTrustedDocuments({ consoleManifest: consoleManifest(), directory: undefined }),
      supergraphSdl: readSupergraph(),
      maxTokens: 8000,
      logger,
    });
    const query = 'query Secret { findClientByBsn(bsn: "111222333", purpose: PRIVACY_REQUEST) { id } }';
    expect(gate({ query }, { kind: 'signed-in', organizationId: 'org-a' })).toEqual({ query, extensions: undefined, trusted: false });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(idOf(query));
    expect(lines[0]).not.toContain('111222333');
    expect(lines[0]).not.toContain('findClientByBsn');
    // A trusted one is not logged.
    expect(gate({ query: CONSOLE_DOC }, { kind: 'signed-in', organizationId: 'org-a' }).trusted).toBe(true);
    expect(lines).toHaveLength(1);
  });
});
