import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print, type DocumentNode, type SelectionSetNode } from 'graphql';
import { z } from 'zod';
import { HttpError, type Logger } from '@hub/service-kit';

/**
 * Trusted documents (persisted operations). The console's operations are listed by hash in the manifest its codegen
 * writes; an organisation may register the operations of its own integration in TRUSTED_DOCUMENTS_DIR. When the mode is
 * `enforce`, a signed-in caller runs only such documents, sent by id or as their full text. Anonymous callers may still
 * send their own queries, but only reads of the public directory (the sociale kaart's root fields). Nothing a client
 * sends is ever stored under a new id: Apollo's automatic persisted queries are off.
 */

export type TrustedDocumentsMode = 'off' | 'log' | 'enforce';

/** Who sends the request, as far as trust goes: an organisation's documents are trusted for its own tokens only. */
export type DocumentCaller = { kind: 'anonymous' } | { kind: 'signed-in'; organizationId: string | undefined };

/** The fields of a GraphQL request that name its document. */
export interface DocumentRequest {
  query?: unknown;
  documentId?: unknown;
  extensions?: unknown;
}

/** What to hand Apollo Server: the document's text (undefined: none was sent) and the extensions without `persistedQuery`. */
export interface AdmittedDocument {
  query: string | undefined;
  extensions: Record<string, unknown> | undefined;
  /** Whether the document is in a manifest the caller may use. */
  trusted: boolean;
}

const manifestSchema = z.record(z.string().regex(/^sha256:[0-9a-f]{64}$/, 'keys are "sha256:" and 64 lowercase hex digits'), z.string().min(1));
const organizationManifestSchema = z.object({ organizationId: z.string().min(1).max(200), documents: manifestSchema });

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Whitespace, commas and comments do not change a document: the console sends its text pretty-printed, the manifest holds it minified. */
const normalise = (document: DocumentNode) => print(document);

interface DocumentSet {
  /** id (`sha256:<hex>`) to text. */
  byId: Map<string, string>;
  /** Normalised text of every document, for a request that sends the text instead of the id. */
  normalised: Set<string>;
}

function documentSet(entries: Record<string, string>, source: string): DocumentSet {
  const byId = new Map<string, string>();
  const normalised = new Set<string>();
  for (const [id, text] of Object.entries(entries)) {
    // The id is the hash of the text: a manifest cannot put one document under another's id.
    if (id !== `sha256:${sha256(text)}`) throw new Error(`${source}: ${id} is not the sha256 hash of its document.`);
    let document: DocumentNode;
    try {
      document = parse(text, { noLocation: true });
    } catch {
      throw new Error(`${source}: the document ${id} is not valid GraphQL.`);
    }
    byId.set(id, text);
    normalised.add(normalise(document));
  }
  return { byId, normalised };
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path} cannot be read as JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Reads the console's manifest (written by `npm run codegen`: the client preset's `persistedDocuments`) and every
 * `*.json` of `directory`; a bad file stops the start with its name.
 */
export function loadTrustedDocuments(options: { consoleManifest: string; directory: string | undefined }): TrustedDocumentStore {
  const consolePath = options.consoleManifest;
  const consoleManifest = manifestSchema.safeParse(readJson(consolePath));
  if (!consoleManifest.success) throw new Error(`${consolePath}: ${consoleManifest.error.issues[0]?.message}`);
  const organizations = new Map<string, DocumentSet>();
  if (options.directory) {
    for (const name of readdirSync(options.directory)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const path = join(options.directory, name);
      const parsed = organizationManifestSchema.safeParse(readJson(path));
      if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      const set = documentSet(parsed.data.documents, path);
      const existing = organizations.get(parsed.data.organizationId);
      // Several files of one organisation add up.
      if (existing) {
        for (const [id, text] of set.byId) existing.byId.set(id, text);
        for (const text of set.normalised) existing.normalised.add(text);
      } else organizations.set(parsed.data.organizationId, set);
    }
  }
  return { console: documentSet(consoleManifest.data, consolePath), organizations };
}

export interface TrustedDocumentStore {
  console: DocumentSet;
  organizations: Map<string, DocumentSet>;
}

const notFound = () =>
  new HttpError(400, 'PERSISTED_QUERY_NOT_FOUND', 'No trusted document has this id. Send an id from the manifest; the hub does not register new documents.');
const notTrusted = (anonymous: boolean) =>
  new HttpError(
    403,
    'OPERATION_NOT_TRUSTED',
    anonymous
      ? 'Without a token only reads of the public directory may be sent as a query of your own; send a trusted document by its id.'
      : 'This operation is not a trusted document. Send a document from the manifest (by id or as its text), or register it for your organisation.',
  );

/** Query's root fields an anonymous caller may select in a query of its own: the sociale kaart's, and the meta fields. */
export function publicDirectoryFields(supergraphSdl: string): Set<string> {
  const fields = new Set(['__typename', '__schema', '__type']);
  const sdl = parse(supergraphSdl, { noLocation: true });
  for (const definition of sdl.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION || definition.name.value !== 'Query') continue;
    for (const field of definition.fields ?? []) {
      const owners = (field.directives ?? [])
        .filter((d) => d.name.value === 'join__field')
        .flatMap((d) =>
          (d.arguments ?? []).filter((a) => a.name.value === 'graph' && a.value.kind === Kind.ENUM).map((a) => (a.value as { value: string }).value),
        );
      if (owners.length > 0 && owners.every((owner) => owner === 'SOCIALE_KAART')) fields.add(field.name.value);
    }
  }
  return fields;
}

/** Whether every operation of the document is a query whose root fields are all public directory fields. */
function readsDirectoryOnly(document: DocumentNode, allowed: Set<string>): boolean {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const visited = new Set<string>();
  const rootFieldsAllowed = (selectionSet: SelectionSetNode): boolean =>
    selectionSet.selections.every((selection) => {
      if (selection.kind === Kind.FIELD) return allowed.has(selection.name.value);
      if (selection.kind === Kind.INLINE_FRAGMENT) return rootFieldsAllowed(selection.selectionSet);
      const name = selection.name.value;
      if (visited.has(name)) return true;
      visited.add(name);
      const fragment = fragments.get(name);
      return fragment !== undefined && rootFieldsAllowed(fragment.selectionSet);
    });
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  return operations.length > 0 && operations.every((operation) => operation.operation === 'query' && rootFieldsAllowed(operation.selectionSet));
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The id a request names: `documentId` (GraphQL over HTTP) or Apollo's `extensions.persistedQuery.sha256Hash`. */
function requestedId(request: DocumentRequest): string | undefined {
  if (request.documentId !== undefined && request.documentId !== null) {
    if (typeof request.documentId !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(request.documentId)) {
      throw new HttpError(400, 'BAD_REQUEST', 'documentId must be "sha256:" followed by 64 lowercase hex digits.');
    }
    return request.documentId;
  }
  const persisted = isRecord(request.extensions) ? request.extensions.persistedQuery : undefined;
  if (persisted === undefined || persisted === null) return undefined;
  if (!isRecord(persisted) || persisted.version !== 1 || typeof persisted.sha256Hash !== 'string' || !/^[0-9a-f]{64}$/.test(persisted.sha256Hash)) {
    throw new HttpError(400, 'BAD_REQUEST', 'extensions.persistedQuery must be { version: 1, sha256Hash: 64 lowercase hex digits }.');
  }
  return `sha256:${persisted.sha256Hash}`;
}

type Verdict = 'trusted' | 'directory' | 'untrusted';

/** Anonymous verdicts remembered at most (a hostile caller sending ever new documents only evicts old ones). */
const MAX_REMEMBERED_VERDICTS = 1000;

/**
 * The gateway's check of each request's document, before Apollo Server sees it. A document id is looked up in the
 * manifests the caller may use and replaced by its text; an unknown id is refused whatever text comes with it, so
 * "register this hash" never works.
 */
export function createDocumentGate(options: {
  mode: TrustedDocumentsMode;
  store: TrustedDocumentStore;
  supergraphSdl: string;
  maxTokens: number;
  logger: Logger;
}) {
  const { mode, store, maxTokens, logger } = options;
  const directoryFields = publicDirectoryFields(options.supergraphSdl);
  /** Anonymous documents judged before, by their hash (oldest forgotten first). */
  const anonymousVerdicts = new Map<string, Verdict>();

  const setsFor = (caller: DocumentCaller): DocumentSet[] => {
    const own = caller.kind === 'signed-in' && caller.organizationId ? store.organizations.get(caller.organizationId) : undefined;
    return own ? [store.console, own] : [store.console];
  };

  return function admit(request: DocumentRequest, caller: DocumentCaller): AdmittedDocument {
    const { persistedQuery: _persisted, ...rest } = isRecord(request.extensions) ? request.extensions : {};
    const extensions = isRecord(request.extensions) ? rest : undefined;
    const query = typeof request.query === 'string' && request.query !== '' ? request.query : undefined;
    const sets = setsFor(caller);
    const id = requestedId(request);

    if (id !== undefined) {
      const text = sets.map((set) => set.byId.get(id)).find((t) => t !== undefined);
      if (text !== undefined) {
        // A text sent along with a known id must be that document; the manifest's text is what runs.
        if (query !== undefined && query !== text && !sameDocument(query, text)) {
          throw new HttpError(400, 'BAD_REQUEST', 'The query sent with the document id is not the document of that id.');
        }
        return { query: text, extensions, trusted: true };
      }
      // An id with its text is how a client registers an automatic persisted query: nothing is stored, and only
      // where ad-hoc documents may run does the text run as one.
      if (query === undefined) throw notFound();
      if (id !== `sha256:${sha256(query)}`) throw new HttpError(400, 'BAD_REQUEST', 'The document id is not the sha256 hash of the query sent.');
      if (mode === 'enforce' && caller.kind === 'signed-in') throw notFound();
    }
    if (query === undefined) return { query, extensions, trusted: false };

    const rawId = `sha256:${sha256(query)}`;
    if (sets.some((set) => set.byId.has(rawId))) return { query, extensions, trusted: true };
    if (mode === 'off') return { query, extensions, trusted: false };

    // An anonymous caller's verdict depends on the text alone (its manifest is always the console's), so repeated
    // directory queries of an integration are judged once, not parsed here again before Apollo parses them.
    const verdict = caller.kind === 'anonymous' ? anonymousVerdict(rawId, query, sets) : judge(query, sets, false);
    if (verdict === 'trusted') return { query, extensions, trusted: true };
    if (verdict === 'directory') return { query, extensions, trusted: false };
    if (mode === 'log') {
      // The hash only: a document may quote values a caller typed.
      logger.warn({ documentHash: rawId, anonymous: caller.kind === 'anonymous' }, 'untrusted document (TRUSTED_DOCUMENTS=log)');
      return { query, extensions, trusted: false };
    }
    throw notTrusted(caller.kind === 'anonymous');
  };

  /** In a manifest of `sets` (after normalising), an anonymous read of the public directory, or neither. */
  function judge(query: string, sets: DocumentSet[], anonymous: boolean): Verdict {
    let document: DocumentNode | undefined;
    try {
      document = parse(query, { noLocation: true, maxTokens });
    } catch {
      // Apollo Server reports the syntax error (or the token limit) in its own words.
      document = undefined;
    }
    if (document) {
      const normalised = normalise(document);
      if (sets.some((set) => set.normalised.has(normalised))) return 'trusted';
    }
    return anonymous && (document === undefined || readsDirectoryOnly(document, directoryFields)) ? 'directory' : 'untrusted';
  }

  function anonymousVerdict(rawId: string, query: string, sets: DocumentSet[]): Verdict {
    const known = anonymousVerdicts.get(rawId);
    if (known !== undefined) return known;
    const verdict = judge(query, sets, true);
    if (anonymousVerdicts.size >= MAX_REMEMBERED_VERDICTS) {
      const oldest = anonymousVerdicts.keys().next().value;
      if (oldest !== undefined) anonymousVerdicts.delete(oldest);
    }
    anonymousVerdicts.set(rawId, verdict);
    return verdict;
  }

  function sameDocument(a: string, b: string): boolean {
    try {
      return normalise(parse(a, { noLocation: true, maxTokens })) === normalise(parse(b, { noLocation: true }));
    } catch {
      return false;
    }
  }
}

export type DocumentGate = ReturnType<typeof createDocumentGate>;
