/**
 * What the language adapters (python.ts, typescript.ts) extract from a syntax tree, in one
 * shape for every language, so the rule engine matches vocabulary once and a new SDK or a new
 * language is a data change or a new adapter, not a new engine.
 *
 * Names are "symbols": what an expression refers to, qualified through imports and simple
 * assignments. `client = OpenAI()` then `client.chat.completions.create(...)` gives the symbol
 * "openai.OpenAI().chat.completions.create"; `boto3.client("s3")` gives "boto3.client(s3)".
 */

export type CodeLanguage = 'python' | 'typescript' | 'tsx' | 'javascript';

/** A function, class or the module itself: the unit a finding is tied to. */
export interface Scope {
  id: number;
  kind: 'module' | 'function' | 'class';
  /** Declared name, or the variable/property an anonymous function is bound to, else ''. */
  name: string;
  parent: Scope | null;
  line: number;
  /** Class scopes: symbols of the base classes. */
  bases: string[];
  /** Class scopes: class-level `name = "literal"` attributes (tool classes name themselves so). */
  stringAttributes: Map<string, string>;
}

export type Value =
  /**
   * `text` is the literal's content; interpolated parts (f-strings, templates, `+ x`) become `{}`.
   * `lead`: the name a built string starts with (`f"{GEMINI_BASE}/models/…"`, `BASE + "/chat"`), the base URL it extends.
   */
  | { kind: 'string'; text: string; interpolated: boolean; lead?: Extract<Value, { kind: 'ref' }> }
  /** A name or attribute chain: `name` as written, `symbol` qualified. */
  | { kind: 'ref'; name: string; symbol: string; scope: Scope }
  | { kind: 'call'; call: CallSite }
  /** A function (possibly anonymous) or class defined in this file. */
  | { kind: 'definition'; scope: Scope }
  | { kind: 'list'; items: Value[] }
  /** `boundTo`: the variable, key or property the object is stored under (`mcpServers.github = {…}` → "github"), when there is one. */
  /** `partial`: the literal holds what `entries` cannot list (a spread, a computed key), so an empty `entries` is not an empty object. */
  | { kind: 'object'; entries: ObjectEntry[]; scope: Scope; line: number; boundTo?: string | null; partial?: boolean }
  /** Numbers, booleans, operators...: only the source text is kept. */
  | { kind: 'other'; text: string };

export interface ObjectEntry {
  key: string;
  value: Value;
  line: number;
}

export interface CallSite {
  /** Qualified name of what is called: "subprocess.run", "openai.OpenAI().chat.completions.create". */
  callee: string;
  /** `callee(first literal argument)` when that argument is a short plain literal, else `callee()`. */
  symbol: string;
  /** The callee when it is a same-file name: `helper(...)`, `self.helper(...)`, `this.helper(...)` → "helper". */
  localName: string | null;
  scope: Scope;
  line: number;
  start: number;
  end: number;
  args: Value[];
  /** Keyword arguments (Python) or the properties of object-literal arguments (TypeScript). */
  named: Map<string, Value>;
  /** Set when this call is a decorator: the function or class it decorates. */
  decorates: Scope | null;
  /** What the result is bound to: `search = Tool(...)` → "search", `{ weather: tool(...) }` → "weather". */
  boundTo: string | null;
}

export interface ImportFact {
  /** As written: "langgraph.graph", ".tools", "@ai-sdk/openai", "./tools". */
  module: string;
  /** Imported names (Python `from m import a, b`; TypeScript named imports). */
  names: string[];
  line: number;
  /** A barrel's `export { a } from './m'`: the module is loaded, but the names are only passed on, not used here. */
  reExport?: true;
}

/** `os.environ["X"]`, `process.env.X`, `const { X } = process.env`. */
export interface KeyedAccess {
  container: string;
  key: string;
  line: number;
}

/** A keyword argument, object property or string-keyed dictionary entry, anywhere in the file. */
export interface NamedValue {
  name: string;
  value: Value;
  scope: Scope;
  line: number;
}

export interface StringLiteral {
  text: string;
  interpolated: boolean;
  line: number;
  /** Offset in the source, to tell which call's arguments a literal is in. */
  start: number;
}

export interface LoopFact {
  start: number;
  end: number;
  line: number;
}

export interface CodeModel {
  language: CodeLanguage;
  path: string;
  /** Source lines, for evidence snippets. */
  lines: string[];
  /** The source text, for loop bodies and conditions. */
  text: string;
  module: Scope;
  scopes: Scope[];
  imports: ImportFact[];
  calls: CallSite[];
  namedValues: NamedValue[];
  strings: StringLiteral[];
  objects: Array<Extract<Value, { kind: 'object' }>>;
  keyedAccesses: KeyedAccess[];
  loops: LoopFact[];
  /** Python `if __name__ == "__main__":` lines. */
  mainGuards: number[];
  /** What a runtime can call by name: Python module-level functions, TypeScript exports. */
  exports: Array<{ name: string; line: number }>;
  /** Follows a name one step to the value bound to it (its first assignment, unless that was None/null), or null. */
  valueOf(ref: Extract<Value, { kind: 'ref' }>): Value | null;
}
