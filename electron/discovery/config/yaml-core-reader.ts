import { loadAll, Schema, Type, type LoaderState } from 'js-yaml';

/**
 * Where a node of a YAML document was written, as the `yaml` package places it: `start` is its
 * range[0], `end` its range[1] (the offset after its last character, trailing comments and blank
 * lines left out). Lines are all callers use, so offsets only need to fall on the right line.
 */
export interface NodePlace {
  start: number;
  end: number;
  /** `end` may not be where `yaml` ends the node (trailing blank lines it counts): ask `yaml` for this node's lines. */
  endUnclear?: boolean;
  /** A mapping's keys by their YAML value (1 and '1' differ), each at its first occurrence; merged keys are not here. */
  keys?: Map<unknown, { keyStart: number; value: NodePlace }>;
  items?: NodePlace[];
}

export interface CoreDocument {
  value: unknown;
  /** Where the document starts, as `yaml` has it: its `---` line, else its first content. */
  start: number;
  root: NodePlace;
}

/**
 * Reads a YAML stream with js-yaml, five to seven times faster than the `yaml` package on CI and
 * deployment files, giving the values and places yaml-documents.ts got from `yaml`. Returns null
 * for anything outside the part of YAML where the two are known to agree (any error, anchors and
 * aliases, explicit tags, directives, a byte-order mark, a lone carriage return, null or
 * collection keys, explicit keys, keys over 1,000 characters, empty sequence entries, a comment
 * with no space before it, quoted scalars and under-indented flow collections over several
 * lines): the caller reads those with `yaml`. Where only a node's last line is in doubt, the
 * place says so (`endUnclear`) and the caller asks `yaml` for that one.
 */
export function readYamlCore(text: string): CoreDocument[] | null {
  // `yaml` reads a lone carriage return as text, js-yaml as a line break.
  if (text.charCodeAt(0) === 0xfeff || /^%/m.test(text) || /\r(?!\n)/.test(text)) return null;
  const roots: ParseEvent[] = [];
  const open: ParseEvent[] = [];
  let aliased = false;
  const listener = (event: 'open' | 'close', state: LoaderState) => {
    if (event === 'open') {
      const node: ParseEvent = { open: state.position, close: state.position, kind: null, result: null, tag: null, children: [] };
      (open.at(-1)?.children ?? roots).push(node);
      open.push(node);
      return;
    }
    const node = open.pop()!;
    node.close = state.position;
    node.kind = state.kind;
    node.result = state.result;
    node.tag = state.tag;
    if (state.anchor !== null) aliased = true;
  };
  let values: unknown[];
  try {
    values = loadAll(text, null, { schema: YAML_CORE_SCHEMA, json: true, listener });
  } catch {
    return null; // the `yaml` package reports it, in its own words and at its own line
  }
  if (aliased || roots.length !== values.length) return null;
  try {
    return values.map((value, i) => {
      const event = unwrapped(roots[i]!);
      const marker = documentMarker(text, event.open);
      // `yaml` puts an empty document's null right after its `---`; without one, its place is unclear.
      if (event.kind === null && event.children.length === 0) {
        if (marker === null) throw new OutsideCoreSubset();
        return { value, start: marker, root: { start: marker + 3, end: marker + 3 } };
      }
      return { value, start: marker ?? skipSpaceAndComments(text, event.open), root: placeOf(text, event) };
    });
  } catch (error) {
    if (error instanceof OutsideCoreSubset) return null;
    throw error;
  }
}

/** One js-yaml composeNode call, as its listener saw it open and close. */
interface ParseEvent {
  open: number;
  close: number;
  kind: LoaderState['kind'];
  result: unknown;
  tag: string | null;
  children: ParseEvent[];
}

class OutsideCoreSubset extends Error {}

const MERGE_TAG = 'tag:yaml.org,2002:merge';

/**
 * The YAML 1.2 core schema exactly as the `yaml` package resolves plain scalars (js-yaml's own
 * also reads `1_000`, `0b1` and `+0x1` as numbers). The tags are private, so an explicit `!!int`
 * finds no type and the file goes to `yaml`; constructors given a tag (explicit use) refuse too.
 */
const YAML_CORE_SCHEMA = new Schema({
  implicit: [
    new Type('tag:agent-triage,core:scalar', { kind: 'scalar', resolve: (data) => typeof data === 'string' && coreValueOf(data) !== NOT_CORE, construct: implicitOnly((data) => coreValueOf(data as string)) }),
    new Type(MERGE_TAG, { kind: 'scalar', resolve: (data) => data === '<<', construct: implicitOnly((data) => data) }),
  ],
});

const NOT_CORE = Symbol('text');

/** In the order of `yaml`'s core schema; a plain scalar that none matches is text. */
const CORE_SCALARS: Array<[RegExp, (source: string) => unknown]> = [
  [/^(?:~|[Nn]ull|NULL)$/, () => null],
  [/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T'],
  [/^0o[0-7]+$/, (s) => parseInt(s.substring(2), 8)],
  [/^[-+]?[0-9]+$/, (s) => parseInt(s, 10)],
  [/^0x[0-9a-fA-F]+$/, (s) => parseInt(s.substring(2), 16)],
  [/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (s) => (s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity)],
  [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (s) => parseFloat(s)],
  [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (s) => parseFloat(s)],
];

/** Every core scalar starts with one of these: most text is ruled out by its first character. */
const CORE_FIRST_CHARACTER = /^[-+.0-9~nNtTfF]/;

function coreValueOf(source: string): unknown {
  if (!CORE_FIRST_CHARACTER.test(source)) return NOT_CORE;
  for (const [test, value] of CORE_SCALARS) if (test.test(source)) return value(source);
  return NOT_CORE;
}

function implicitOnly(construct: (data: unknown) => unknown) {
  return (data: unknown, tag?: string) => {
    if (tag !== undefined) throw new Error(`explicit tag ${tag}`);
    return construct(data);
  };
}

/** A node js-yaml first tried as a mapping key and kept as the value (or found empty) is reported twice, nested. */
function unwrapped(event: ParseEvent): ParseEvent {
  while (event.children.length === 1 && Object.is(event.children[0]!.result, event.result)) event = event.children[0]!;
  return event;
}

function placeOf(text: string, reported: ParseEvent): NodePlace {
  const event = unwrapped(reported);
  if (event.tag === '!') throw new OutsideCoreSubset();
  if (event.kind === null) {
    if (event.result !== null || event.children.length > 0) throw new OutsideCoreSubset();
    // `yaml` runs an empty value with a comment after it on to the next content.
    const lineEnd = text.indexOf('\n', event.open);
    const commented = text.slice(event.open, lineEnd < 0 ? text.length : lineEnd).includes('#');
    return { start: event.open, end: event.open, ...(commented ? { endUnclear: true } : {}) };
  }
  const start = skipSpaceAndComments(text, event.open);
  if (event.kind === 'scalar') {
    if (quotedOverLines(text, start, event.close) || commentTouches(text, start, event.close)) throw new OutsideCoreSubset();
    const end = Math.max(start, backOverSpace(text, event.close));
    return { start, end, ...(blockScalarEndUnclear(text, start, end, event.close) ? { endUnclear: true } : {}) };
  }
  const flow = text[start] === '[' || text[start] === '{';
  if (flow && (!indentedUnderEntry(text, start, event.close) || commentTouches(text, start, event.close))) throw new OutsideCoreSubset();
  if (event.kind === 'sequence') {
    const items = event.children.map((child) => placeOf(text, child));
    if (items.length !== (event.result as unknown[]).length) throw new OutsideCoreSubset(); // an empty `-` entry has no event
    const last = items.at(-1);
    return flow || !last ? { start, end: event.close, items } : { start, end: last.end, ...(last.endUnclear ? { endUnclear: true } : {}), items };
  }
  return { start, ...mappingPlaces(text, event, flow) };
}

function mappingPlaces(text: string, event: ParseEvent, flow: boolean): Pick<NodePlace, 'end' | 'endUnclear' | 'keys'> {
  const children = [...event.children];
  // A block mapping ends by trying to read one more key (before `---`, say), which reads nothing.
  const tail = children.at(-1);
  if (children.length % 2 === 1 && tail && tail.kind === null && tail.result === null && tail.children.length === 0 && tail.close === tail.open) children.pop();
  if (children.length % 2 === 1) throw new OutsideCoreSubset();
  const keys = new Map<unknown, { keyStart: number; value: NodePlace }>();
  const names = new Set<string>();
  let merged = false;
  let last: NodePlace | null = null;
  for (let i = 0; i < children.length; i += 2) {
    const key = children[i]!;
    const keyStart = skipSpaceAndComments(text, key.open);
    const colon = colonAfter(text, key.close);
    // `yaml` refuses an implicit key whose `:` is over 1024 characters from its start.
    if (key.kind !== 'scalar' || key.result === null || key.children.length > 0 || colon < 0 || colon - keyStart > 1000) throw new OutsideCoreSubset();
    const value = placeOf(text, children[i + 1]!);
    last = value;
    if (key.tag === MERGE_TAG) {
      merged = true;
      continue;
    }
    names.add(String(key.result));
    if (!keys.has(key.result)) keys.set(key.result, { keyStart, value });
  }
  // Pairs read from events must be the pairs js-yaml stored: a cheap check that nothing was misread.
  if (!merged && names.size !== Object.keys(event.result as object).length) throw new OutsideCoreSubset();
  return flow || !last ? { end: event.close, keys } : { end: last.end, ...(last.endUnclear ? { endUnclear: true } : {}), keys };
}

/** The offset of an implicit key's `:` (an explicit `? key` has none on its line), or -1. */
function colonAfter(text: string, offset: number): number {
  let i = offset;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return text[i] === ':' ? i : -1;
}

/**
 * A `#` right after a quoted scalar or a flow indicator: js-yaml reads a comment, `yaml` an error
 * (comments must follow white space). Inside a flow collection a `[#`, `{#` or `,#` in quoted
 * text is refused too, which only sends such a file to `yaml`.
 */
function commentTouches(text: string, start: number, close: number): boolean {
  const ch = text[start];
  if (ch === '"' || ch === "'") return text[close] === '#';
  if (ch === '[' || ch === '{') return text[close] === '#' || /[[{,]#/.test(text.slice(start, close));
  return false;
}

/** js-yaml accepts a quoted scalar's next lines at any indentation; `yaml` wants them indented. */
function quotedOverLines(text: string, start: number, end: number): boolean {
  const ch = text[start];
  return (ch === '"' || ch === "'") && text.slice(start, end).includes('\n');
}

/**
 * Whether every further line of a node written over several lines is indented deeper than the
 * entry it starts on (the key or item text after any `- `): `yaml` ends a flow collection at a
 * line that is not (its parent block's indent decides, never deeper than that), js-yaml reads on.
 */
function indentedUnderEntry(text: string, start: number, end: number): boolean {
  let lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let entry = lineStart;
  while (text[entry] === ' ') entry++;
  while (text[entry] === '-' && text[entry + 1] === ' ') for (entry += 2; text[entry] === ' '; ) entry++;
  const column = entry - lineStart;
  for (lineStart = text.indexOf('\n', start) + 1; lineStart > 0 && lineStart < end; lineStart = text.indexOf('\n', lineStart) + 1) {
    let i = lineStart;
    while (text[i] === ' ') i++;
    if (i - lineStart <= column && text[i] !== '\n' && text[i] !== '\r' && i < text.length) return false;
  }
  return true;
}

/**
 * A block scalar ends at its last content line, but `yaml` also counts the blank lines after it
 * when it keeps them (`|+`, `>+`), when it has no content, or when they hold spaces (deeper than
 * its indentation, which js-yaml does not report).
 */
function blockScalarEndUnclear(text: string, start: number, end: number, close: number): boolean {
  const ch = text[start];
  if (ch !== '|' && ch !== '>') return false;
  const header = /^[|>][^\s#]*/.exec(text.slice(start, start + 8))![0];
  if (header.includes('+') || text.indexOf('\n', start) >= end || text.indexOf('\n', start) < 0) return true;
  // Whole lines between its last content and where js-yaml stopped (it adds a newline at the end of the text).
  const after = text.slice(end, close) + (close >= text.length ? '\n' : '');
  return /[ \t]/.test(after.slice(after.indexOf('\n') + 1, after.lastIndexOf('\n') + 1));
}

function skipSpaceAndComments(text: string, offset: number): number {
  let i = offset;
  for (;;) {
    const ch = text.charCodeAt(i);
    if (ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d) i++;
    else if (ch === 0x23 /* # */) while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    else return i;
  }
}

function backOverSpace(text: string, offset: number): number {
  let i = Math.min(offset, text.length);
  while (i > 0 && /[ \t\r\n]/.test(text[i - 1]!)) i--;
  return i;
}

/** The offset of the `---` that opens the document whose content js-yaml opened at `rootOpen`, or null. */
function documentMarker(text: string, rootOpen: number): number | null {
  let lineStart = text.lastIndexOf('\n', rootOpen - 1) + 1;
  // `--- value` on one line; a `---` that js-yaml opened an empty document at is the next one's.
  if (rootOpen > lineStart && text.startsWith('---', lineStart)) return lineStart;
  // Above the content, only blank lines and comments can stand between it and its marker.
  while (lineStart > 0) {
    lineStart = lineStart < 2 ? 0 : text.lastIndexOf('\n', lineStart - 2) + 1;
    const lineEnd = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
    if (/^---(\s|$)/.test(line)) return lineStart;
    if (!/^\s*(#.*)?$/.test(line)) return null;
  }
  return null;
}
