import { redactSecrets } from '../evidence';
import type { CallSite, CodeLanguage, CodeModel, ImportFact, KeyedAccess, LoopFact, NamedValue, Scope, StringLiteral, Value } from './code-model';
import type { SyntaxNode } from './syntax-node';

/** What a name in a scope stands for, recorded before any symbol is computed. */
export type Binding =
  | { kind: 'import'; symbol: string }
  | { kind: 'value'; node: SyntaxNode; scope: Scope }
  /** `const { exec } = require('child_process')`: a property of another value. */
  | { kind: 'member'; of: SyntaxNode; key: string; scope: Scope }
  | { kind: 'definition'; scope: Scope };

/** Symbols are names, not code: anything longer is an expression nobody's rules will name. */
const MAX_SYMBOL = 300;
/** A first argument short and plain enough to be part of a symbol: "s3", "bedrock-runtime", "gpt-4o". */
const PLAIN_LITERAL = /^[\w.:/@-]{1,40}$/;
/** `Events.MessageCreate` as written: a capitalised name and a capitalised member. */
const ENUM_MEMBER = /^[A-Z][A-Za-z0-9]*\.[A-Z][A-Za-z0-9_]*$/;

/**
 * The language-neutral half of an adapter: scopes, name bindings, and symbols and values
 * computed on demand (memoised, cycle-safe: `x = x.y` resolves to "x.y", not forever). The
 * adapter walks twice: once to bind names (so a client assigned below its use still resolves),
 * then to record facts.
 */
export abstract class ModelBuilder {
  readonly module: Scope;
  readonly scopes: Scope[] = [];
  readonly lines: string[];
  readonly calls: CallSite[] = [];
  readonly namedValues: NamedValue[] = [];
  readonly strings: StringLiteral[] = [];
  readonly objects: Array<Extract<Value, { kind: 'object' }>> = [];
  readonly keyedAccesses: KeyedAccess[] = [];
  readonly imports: ImportFact[] = [];
  readonly loops: LoopFact[] = [];
  readonly mainGuards: number[] = [];
  readonly exports: Array<{ name: string; line: number }> = [];

  private readonly bindings = new Map<Scope, Map<string, Binding>>();
  /** `self.x` / `this.x`, shared by every method of every class in the file. */
  private readonly attributeBindings = new Map<string, Binding>();
  /** Bindings a later real assignment may replace. */
  private readonly placeholders = new Set<Binding>();
  private readonly symbolMemo = new Map<SyntaxNode, string>();
  private readonly valueMemo = new Map<SyntaxNode, Value>();
  private readonly callMemo = new Map<SyntaxNode, CallSite>();
  /** Nodes whose symbol / value is being computed: a second visit is a cycle. */
  private readonly resolvingSymbols = new Set<SyntaxNode>();
  private readonly resolvingValues = new Set<SyntaxNode>();

  constructor(
    readonly path: string,
    readonly source: string,
    readonly language: CodeLanguage,
  ) {
    this.lines = source.split('\n');
    this.module = this.newScope('module', '', null, 1);
  }

  protected abstract computeSymbol(node: SyntaxNode, scope: Scope): string;
  protected abstract computeValue(node: SyntaxNode, scope: Scope): Value;
  protected abstract computeCallSite(node: SyntaxNode, scope: Scope): CallSite;

  text(node: SyntaxNode): string {
    return this.source.slice(node.start, node.end);
  }

  /** For expressions that name nothing (`(ROOT / path).write_text`): the short source text, else "?". */
  expressionText(node: SyntaxNode): string {
    const text = this.text(node).replace(/\s+/g, ' ');
    return text.length <= 40 ? `(${text})` : '?';
  }

  newScope(kind: Scope['kind'], name: string, parent: Scope | null, line: number): Scope {
    const scope: Scope = { id: this.scopes.length, kind, name, parent, line, bases: [], stringAttributes: new Map() };
    this.scopes.push(scope);
    return scope;
  }

  /** The first binding wins, except over a placeholder (`client = None`, `let x = null`). */
  bind(scope: Scope, name: string, binding: Binding, isPlaceholder = false): void {
    let names = this.bindings.get(scope);
    if (!names) this.bindings.set(scope, (names = new Map()));
    if (!names.has(name) || this.placeholders.has(names.get(name) as Binding)) names.set(name, binding);
    if (isPlaceholder) this.placeholders.add(binding);
  }


  bindAttribute(name: string, binding: Binding, isPlaceholder = false): void {
    const existing = this.attributeBindings.get(name);
    if (!existing || this.placeholders.has(existing)) this.attributeBindings.set(name, binding);
    if (isPlaceholder) this.placeholders.add(binding);
  }

  lookup(scope: Scope, name: string): Binding | undefined {
    for (let current: Scope | null = scope; current; current = current.parent) {
      const binding = this.bindings.get(current)?.get(name);
      if (binding) return binding;
    }
    return undefined;
  }

  lookupAttribute(name: string): Binding | undefined {
    return this.attributeBindings.get(name);
  }

  symbolOf(node: SyntaxNode, scope: Scope): string {
    const known = this.symbolMemo.get(node);
    if (known !== undefined) return known;
    if (this.resolvingSymbols.has(node)) return this.text(node).slice(0, MAX_SYMBOL);
    this.resolvingSymbols.add(node);
    try {
      const symbol = this.computeSymbol(node, scope).slice(0, MAX_SYMBOL);
      this.symbolMemo.set(node, symbol);
      return symbol;
    } finally {
      this.resolvingSymbols.delete(node);
    }
  }

  /** The symbol a name (or `self.x` / `this.x`) stands for in a scope. */
  symbolOfBinding(binding: Binding | undefined, written: string): string {
    if (!binding) return written;
    switch (binding.kind) {
      case 'import': return binding.symbol;
      case 'value': return this.symbolOf(binding.node, binding.scope);
      case 'member': return `${this.symbolOf(binding.of, binding.scope)}.${binding.key}`;
      case 'definition': return written;
    }
  }

  valueOf(node: SyntaxNode, scope: Scope): Value {
    const known = this.valueMemo.get(node);
    if (known) return known;
    if (this.resolvingValues.has(node)) return { kind: 'other', text: this.text(node).slice(0, 200) };
    this.resolvingValues.add(node);
    try {
      const value = this.computeValue(node, scope);
      this.valueMemo.set(node, value);
      return value;
    } finally {
      this.resolvingValues.delete(node);
    }
  }

  callSite(node: SyntaxNode, scope: Scope): CallSite {
    let call = this.callMemo.get(node);
    if (!call) {
      call = this.computeCallSite(node, scope);
      this.callMemo.set(node, call);
    }
    return call;
  }

  /** `callee(first literal)` when the literal is plain (never a secret), else `callee()`. */
  callSymbol(callee: string, firstArgument: Value | undefined): string {
    const literal = firstArgument?.kind === 'string' && !firstArgument.interpolated ? firstArgument.text : null;
    const plain = literal !== null && PLAIN_LITERAL.test(literal) && redactSecrets(literal) === literal;
    // An imported enum's member stands where a literal would (discord.js v14 `client.on(Events.MessageCreate, …)`).
    const member = firstArgument?.kind === 'ref' && ENUM_MEMBER.test(firstArgument.name) && firstArgument.symbol !== firstArgument.name ? firstArgument.symbol : null;
    return `${callee}(${plain ? literal : (member ?? '')})`;
  }

  /** Follows a name one step to the value bound to it. */
  resolveRef(ref: Extract<Value, { kind: 'ref' }>): Value | null {
    const attribute = /^(?:self|this|cls)\./.test(ref.name);
    const binding = attribute ? this.lookupAttribute(ref.name) : ref.name.includes('.') ? undefined : this.lookup(ref.scope, ref.name);
    if (!binding) return null;
    switch (binding.kind) {
      case 'value': return this.valueOf(binding.node, binding.scope);
      case 'definition': return { kind: 'definition', scope: binding.scope };
      default: return null;
    }
  }

  /** A string's content with interpolated parts (holes) replaced by `{}`. */
  textWithHoles(contentStart: number, contentEnd: number, holes: SyntaxNode[]): string {
    let text = '';
    let at = contentStart;
    for (const hole of holes) {
      text += `${this.source.slice(at, hole.start)}{}`;
      at = hole.end;
    }
    return text + this.source.slice(at, contentEnd);
  }

  build(): CodeModel {
    return {
      language: this.language,
      path: this.path,
      lines: this.lines,
      text: this.source,
      module: this.module,
      scopes: this.scopes,
      imports: this.imports,
      calls: this.calls,
      namedValues: this.namedValues,
      strings: this.strings,
      objects: this.objects,
      keyedAccesses: this.keyedAccesses,
      loops: this.loops,
      mainGuards: this.mainGuards,
      exports: this.exports,
      valueOf: (ref) => this.resolveRef(ref),
    };
  }
}

export function childByField(node: SyntaxNode, field: string): SyntaxNode | undefined {
  return node.children.find((child) => child.field === field);
}
