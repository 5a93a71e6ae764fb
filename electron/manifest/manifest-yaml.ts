import { Document, isMap, isSeq, parseDocument, type Node } from 'yaml';
import type { z } from 'zod';
import { BackendError } from '../../shared/errors';
import { AgentManifest, MANIFEST_API_VERSION, MANIFEST_KIND } from '../../shared/manifest';

/**
 * A manifest is a reviewed text file, but one of 2,000 agents whose roles reach thousands of
 * tables each is tens of megabytes; past this size it is not one the app wrote (and would only
 * stall the reader).
 */
export const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;
/**
 * The manifest writer never writes aliases; a hand-edited file may use a few. Far more is an alias
 * bomb ("billion laughs": each alias repeats the one before, a few lines expand to gigabytes).
 */
export const MAX_MANIFEST_ALIASES = 100;

const HEADER = [
  ' Agents manifest: access as code, written by Agent Triage Workstation.',
  ' Per agent, what was reviewed: owner, trigger, credentials (names and identities, never secret',
  ' values), data access from its blast radius, endpoints, irreversible actions and their review',
  ' step, and its daily budget. Check it in next to the agents\' code.',
  '',
  ' Regenerate from the workspace:  agent-triage export --workspace W --format manifest --out agents.yaml',
  '   (or in the app: Inventory > Export manifest)',
  ' Gate a pipeline on it:          agent-triage check --workspace W --manifest agents.yaml [--scan DIR]',
  ' Importing it back (Import files, or agent-triage import) shows the difference and applies owner,',
  ' trigger, budget and review attestations; the other fields are observed by the app and only diff.',
].join('\n');

/** The manifest as YAML: the header comment, then the document in the order `workspaceManifest` gives (deterministic). */
export function manifestToYaml(manifest: AgentManifest): string {
  const doc = new Document(manifest, { aliasDuplicateObjects: false });
  doc.commentBefore = HEADER;
  return doc.toString({ lineWidth: 0, minContentWidth: 0 });
}

/** "line 4, column 3" of a node, for messages a person can find in their editor. */
function lineOf(text: string, offset: number): string {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return `line ${line}, column ${offset - last}`;
}

function nodeAt(doc: Document, path: ReadonlyArray<PropertyKey>): Node | null {
  let node: unknown = doc.contents;
  for (const key of path) {
    if (isMap(node)) node = node.get(key as string, true);
    else if (isSeq(node)) node = node.get(key as number, true);
    else return null;
  }
  return (node as Node | undefined) ?? null;
}

function where(text: string, doc: Document, path: ReadonlyArray<PropertyKey>): string {
  // The deepest node that exists: a missing field is reported at the item that lacks it.
  for (let depth = path.length; depth >= 0; depth--) {
    const node = nodeAt(doc, path.slice(0, depth));
    if (node?.range) return lineOf(text, node.range[0]);
  }
  return 'the top of the file';
}

function describePath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

function refuse(fileName: string, message: string): BackendError {
  return new BackendError('import-invalid', `${fileName}: ${message} Nothing was imported.`);
}

/**
 * Reads a manifest: YAML (core schema, no custom tags, unique keys, few aliases), then the
 * manifest schema, then one agent per id. Every refusal names the file, where in it, and what was
 * expected.
 */
export function parseManifestYaml(fileName: string, text: string): AgentManifest {
  if (Buffer.byteLength(text, 'utf8') > MAX_MANIFEST_BYTES) throw refuse(fileName, `is over the ${MAX_MANIFEST_BYTES / 1_048_576} MB a manifest may be; it is not a manifest this app wrote.`);
  let doc: Document;
  try {
    doc = parseDocument(text, { schema: 'core', uniqueKeys: true, prettyErrors: false, merge: false, strict: true, stringKeys: true });
  } catch (err) {
    // The parser's own limits (a nesting deeper than the stack) are a bad file, not a crash.
    throw refuse(fileName, `cannot be read as YAML (${(err instanceof Error ? err.message : String(err)).slice(0, 200)}).`);
  }
  const syntax = doc.errors[0];
  if (syntax) throw refuse(fileName, `is not valid YAML at ${lineOf(text, syntax.pos[0])}: ${syntax.message.split('\n')[0]!.slice(0, 300)}`);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_MANIFEST_ALIASES });
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    if (/alias/i.test(why)) throw refuse(fileName, `uses more YAML aliases than a manifest needs (at most ${MAX_MANIFEST_ALIASES}); it looks like an alias bomb and was not expanded.`);
    throw refuse(fileName, `cannot be read as YAML data (${why.slice(0, 300)}).`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw refuse(fileName, `is not an agents manifest: expected a mapping with apiVersion: ${MANIFEST_API_VERSION} and kind: ${MANIFEST_KIND}.`);
  const head = value as Record<string, unknown>;
  if (head.kind !== MANIFEST_KIND) throw refuse(fileName, `has kind ${JSON.stringify(head.kind ?? null)?.slice(0, 80)}; an agents manifest has kind: ${MANIFEST_KIND}.`);
  if (head.apiVersion !== MANIFEST_API_VERSION) {
    throw refuse(fileName, `has apiVersion ${JSON.stringify(head.apiVersion ?? null)?.slice(0, 80)}, which this version of the app does not read; it reads ${MANIFEST_API_VERSION}. Export the manifest again from this version.`);
  }
  const parsed = AgentManifest.safeParse(value);
  if (!parsed.success) throw refuse(fileName, schemaMessage(text, doc, parsed.error));
  const seen = new Map<string, number>();
  for (const [i, agent] of parsed.data.agents.entries()) {
    const first = seen.get(agent.id);
    if (first !== undefined) throw refuse(fileName, `lists agent id ${JSON.stringify(agent.id.slice(0, 100))} twice (agents[${first}] and agents[${i}], ${where(text, doc, ['agents', i])}); each agent appears once.`);
    seen.set(agent.id, i);
  }
  return parsed.data;
}

function schemaMessage(text: string, doc: Document, error: z.ZodError): string {
  const issue = error.issues[0]!;
  const path = issue.path as PropertyKey[];
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problems)` : '';
  return `at ${where(text, doc, path)} (${describePath(path) || 'the document'}): ${issue.message.slice(0, 300)}${more}.`;
}
