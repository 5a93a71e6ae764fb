import type { CallSite, CodeModel, Scope, Value } from './code-model';
import { ModelBuilder, childByField } from './model-builder';
import { PYTHON_STDLIB_MODULES } from './python-stdlib';
import type { SyntaxNode } from './syntax-node';
import { walkScoped } from './walk-scoped';

/** Reads a Python syntax tree (tree-sitter-python) into the language-neutral code model. */
export function buildPythonModel(path: string, text: string, root: SyntaxNode): CodeModel {
  return new PythonModelBuilder(path, text, root).buildModel();
}

/** `import x` / `from x import y` of a module that may be a file of this repository. */
export function isPossiblyLocalPythonModule(module: string): boolean {
  return module.startsWith('.') || !PYTHON_STDLIB_MODULES.has(module.split('.')[0] as string);
}

const SELF_NAMES = new Set(['self', 'cls']);
/** `__import__("os")` and `importlib.import_module("os")` load a module as `import os` does. */
const DYNAMIC_IMPORTS = new Set(['__import__', 'importlib.import_module']);
const MAIN_GUARD = /^__name__\s*==\s*["']__main__["']$|^["']__main__["']\s*==\s*__name__$/;

/** `@property`, `@cached_property`, `@functools.cached_property`. */
const PROPERTY_DECORATOR = /^@\s*(?:functools\.)?(?:cached_)?property\s*$/;

/** What a property's body returns: the first `return x` outside nested functions, classes and lambdas. */
function returnedValue(body: SyntaxNode): SyntaxNode | null {
  const pending = [...body.children];
  while (pending.length > 0) {
    const node = pending.shift()!;
    if (node.type === 'function_definition' || node.type === 'class_definition' || node.type === 'lambda') continue;
    if (node.type === 'return_statement') return node.children[0] ?? null;
    pending.push(...node.children);
  }
  return null;
}

class PythonModelBuilder extends ModelBuilder {
  private readonly nodeScopes = new Map<SyntaxNode, Scope>();

  constructor(
    path: string,
    text: string,
    private readonly root: SyntaxNode,
  ) {
    super(path, text, 'python');
  }

  buildModel(): CodeModel {
    walkScoped(this.root, this.module, (node, parent) => this.declareScope(node, parent), (node, scope) => this.bindNames(node, scope));
    walkScoped(this.root, this.module, (node) => this.nodeScopes.get(node) ?? null, (node, scope) => this.recordFacts(node, scope));
    return this.build();
  }

  private declareScope(node: SyntaxNode, parent: Scope): Scope | null {
    let scope: Scope | null = null;
    if (node.type === 'function_definition') scope = this.newScope('function', this.nameOf(node), parent, node.line);
    else if (node.type === 'class_definition') scope = this.newScope('class', this.nameOf(node), parent, node.line);
    else if (node.type === 'lambda') scope = this.newScope('function', this.boundName(node) ?? '', parent, node.line);
    if (scope) this.nodeScopes.set(node, scope);
    return scope;
  }

  private nameOf(node: SyntaxNode): string {
    const name = childByField(node, 'name');
    return name ? this.text(name) : '';
  }

  /** First pass: what each name stands for, so uses above an assignment still resolve. */
  private bindNames(node: SyntaxNode, scope: Scope): void {
    switch (node.type) {
      case 'import_statement':
        for (const child of node.children) this.bindImportedName(child, scope, null);
        break;
      case 'import_from_statement': {
        const moduleNode = childByField(node, 'module_name');
        if (!moduleNode) break;
        const module = this.text(moduleNode);
        const names = node.children.filter((child) => child.field === 'name');
        for (const name of names) this.bindImportedName(name, scope, module);
        this.imports.push({ module, names: names.map((name) => this.text(childByField(name, 'name') ?? name)), line: node.line });
        break;
      }
      case 'function_definition':
      case 'class_definition':
        this.bind(scope, this.nameOf(node), { kind: 'definition', scope: this.nodeScopes.get(node) as Scope });
        if (node.type === 'function_definition' && scope === this.module) this.exports.push({ name: this.nameOf(node), line: node.line });
        if (node.type === 'function_definition' && scope.kind === 'class') this.bindProperty(node);
        break;
      case 'assignment':
        this.bindAssignment(node, scope);
        break;
      case 'as_pattern': {
        // `with smtplib.SMTP(host) as server:` binds server to the SMTP client.
        const target = childByField(node, 'alias')?.children[0];
        const value = node.children[0];
        if (target?.type === 'identifier' && value) this.bind(scope, this.text(target), { kind: 'value', node: value, scope });
        break;
      }
      case 'named_expression': {
        const name = childByField(node, 'name');
        const value = childByField(node, 'value');
        if (name && value) this.bind(scope, this.text(name), { kind: 'value', node: value, scope });
        break;
      }
    }
  }

  /**
   * `@property def client(self): return OpenAI()` (or `@cached_property`): `self.client` is what
   * the property returns, so calls through it resolve like calls through an attribute.
   */
  private bindProperty(node: SyntaxNode): void {
    const decorated = node.parent?.type === 'decorated_definition' ? node.parent : null;
    if (!decorated || !decorated.children.some((child) => child.type === 'decorator' && PROPERTY_DECORATOR.test(this.text(child)))) return;
    const body = childByField(node, 'body');
    const returned = body ? returnedValue(body) : null;
    if (returned) this.bindAttribute(`self.${this.nameOf(node)}`, { kind: 'value', node: returned, scope: this.nodeScopes.get(node) as Scope });
  }

  private bindImportedName(node: SyntaxNode, scope: Scope, fromModule: string | null): void {
    const dotted = node.type === 'aliased_import' ? childByField(node, 'name') : node;
    if (!dotted || dotted.type !== 'dotted_name') return;
    const path = this.text(dotted);
    const alias = node.type === 'aliased_import' ? childByField(node, 'alias') : undefined;
    if (fromModule !== null) {
      const symbol = fromModule.endsWith('.') ? `${fromModule}${path}` : `${fromModule}.${path}`;
      this.bind(scope, alias ? this.text(alias) : path, { kind: 'import', symbol });
      return;
    }
    this.imports.push({ module: path, names: [], line: node.line });
    // `import a.b.c` binds `a`; `import a.b as x` binds x to a.b.
    if (alias) this.bind(scope, this.text(alias), { kind: 'import', symbol: path });
    else this.bind(scope, path.split('.')[0] as string, { kind: 'import', symbol: path.split('.')[0] as string });
  }

  private bindAssignment(node: SyntaxNode, scope: Scope): void {
    const left = childByField(node, 'left');
    const right = childByField(node, 'right');
    if (!left || !right) return;
    const placeholder = right.type === 'none';
    if (left.type === 'identifier') {
      const name = this.text(left);
      this.bind(scope, name, { kind: 'value', node: right, scope }, placeholder);
      if (scope.kind === 'class' && right.type === 'string') scope.stringAttributes.set(name, this.stringValue(right).text);
    } else if (left.type === 'attribute') {
      const object = childByField(left, 'object');
      const attribute = childByField(left, 'attribute');
      if (object && attribute && SELF_NAMES.has(this.text(object))) this.bindAttribute(`self.${this.text(attribute)}`, { kind: 'value', node: right, scope }, placeholder);
    }
  }

  /** Second pass: calls, arguments, literals, keyed reads, loops and entry points. */
  private recordFacts(node: SyntaxNode, scope: Scope): void {
    switch (node.type) {
      case 'call':
        this.callSite(node, scope);
        break;
      case 'decorator':
        this.recordDecorator(node, scope);
        break;
      case 'keyword_argument': {
        const name = childByField(node, 'name');
        const value = childByField(node, 'value');
        if (name && value) this.namedValues.push({ name: this.text(name), value: this.valueOf(value, scope), scope, line: node.line });
        break;
      }
      case 'pair': {
        const key = childByField(node, 'key');
        const value = childByField(node, 'value');
        if (key?.type === 'string' && value) this.namedValues.push({ name: this.stringValue(key).text, value: this.valueOf(value, scope), scope, line: node.line });
        break;
      }
      case 'dictionary':
        this.valueOf(node, scope);
        break;
      case 'assignment': {
        // A class attribute configures the class as a keyword argument configures a call
        // (`args_schema = ToolInput`, `max_iterations = 5` on a tool or agent class).
        const left = childByField(node, 'left');
        const right = childByField(node, 'right');
        if (scope.kind === 'class' && left?.type === 'identifier' && right) this.namedValues.push({ name: this.text(left), value: this.valueOf(right, scope), scope, line: node.line });
        break;
      }
      case 'string':
      case 'concatenated_string':
        if (node.parent?.type !== 'concatenated_string') {
          const value = this.valueOf(node, scope) as Extract<Value, { kind: 'string' }>;
          this.strings.push({ text: value.text, interpolated: value.interpolated, line: node.line, start: node.start });
        }
        break;
      case 'subscript': {
        const container = childByField(node, 'value');
        const key = childByField(node, 'subscript');
        if (container && key?.type === 'string') this.keyedAccesses.push({ container: this.symbolOf(container, scope), key: this.stringValue(key).text, line: node.line });
        break;
      }
      case 'class_definition': {
        const classScope = this.nodeScopes.get(node) as Scope;
        const bases = childByField(node, 'superclasses')?.children.filter((child) => child.type !== 'keyword_argument') ?? [];
        classScope.bases = bases.map((base) => this.symbolOf(base, scope));
        break;
      }
      case 'for_statement':
      case 'while_statement':
        this.loops.push({ start: node.start, end: node.end, line: node.line });
        break;
      case 'if_statement': {
        const condition = childByField(node, 'condition');
        if (scope === this.module && condition && MAIN_GUARD.test(this.text(condition).trim())) this.mainGuards.push(node.line);
        break;
      }
    }
  }

  private recordDecorator(node: SyntaxNode, scope: Scope): void {
    const expression = node.children[0];
    const definition = node.parent?.type === 'decorated_definition' ? childByField(node.parent, 'definition') : undefined;
    const decorated = definition ? this.nodeScopes.get(definition) : undefined;
    if (!expression || !decorated) return;
    if (expression.type === 'call') {
      this.callSite(expression, scope).decorates = decorated;
      return;
    }
    // A bare `@tool` is recorded as a call without arguments, so rules treat both forms alike.
    const callee = this.symbolOf(expression, scope);
    this.calls.push({ callee, symbol: `${callee}()`, localName: null, scope, line: node.line, start: node.start, end: node.end, args: [], named: new Map(), decorates: decorated, boundTo: null });
  }

  protected computeSymbol(node: SyntaxNode, scope: Scope): string {
    switch (node.type) {
      case 'identifier': {
        const name = this.text(node);
        return this.symbolOfBinding(this.lookup(scope, name), name);
      }
      case 'attribute': {
        const object = childByField(node, 'object');
        const attribute = childByField(node, 'attribute');
        if (!object || !attribute) return '?';
        if (SELF_NAMES.has(this.text(object))) {
          const name = `self.${this.text(attribute)}`;
          return this.symbolOfBinding(this.lookupAttribute(name), name);
        }
        return `${this.symbolOf(object, scope)}.${this.text(attribute)}`;
      }
      case 'call':
        return this.callSite(node, scope).symbol;
      case 'subscript': {
        const container = childByField(node, 'value');
        return container ? `${this.symbolOf(container, scope)}[]` : '?';
      }
      case 'await':
      case 'parenthesized_expression':
        return node.children[0] ? this.symbolOf(node.children[0], scope) : '?';
      case 'string':
        return 'str';
      default:
        return this.expressionText(node);
    }
  }

  protected computeValue(node: SyntaxNode, scope: Scope): Value {
    switch (node.type) {
      case 'string':
        return this.stringValue(node, scope);
      case 'concatenated_string': {
        const parts = node.children.map((child) => this.stringValue(child));
        return { kind: 'string', text: parts.map((part) => part.text).join(''), interpolated: parts.some((part) => part.interpolated) };
      }
      case 'binary_operator':
        return this.concatenation(node, scope);
      case 'identifier':
      case 'attribute':
        return { kind: 'ref', name: this.text(node), symbol: this.symbolOf(node, scope), scope };
      case 'call':
        return { kind: 'call', call: this.callSite(node, scope) };
      case 'lambda':
        return { kind: 'definition', scope: this.nodeScopes.get(node) as Scope };
      case 'list':
      case 'tuple':
      case 'set':
        return { kind: 'list', items: node.children.filter((child) => child.type !== 'list_splat' && child.type !== 'comment').map((child) => this.valueOf(child, scope)) };
      case 'dictionary': {
        const entries = node.children.flatMap((pair) => {
          const key = pair.type === 'pair' ? childByField(pair, 'key') : undefined;
          const value = pair.type === 'pair' ? childByField(pair, 'value') : undefined;
          return key?.type === 'string' && value ? [{ key: this.stringValue(key).text, value: this.valueOf(value, scope), line: pair.line }] : [];
        });
        const object: Extract<Value, { kind: 'object' }> = { kind: 'object', entries, scope, line: node.line, boundTo: this.boundName(node) };
        this.objects.push(object);
        return object;
      }
      case 'await':
      case 'parenthesized_expression':
        return node.children[0] ? this.valueOf(node.children[0], scope) : { kind: 'other', text: '' };
      default:
        return { kind: 'other', text: this.text(node).slice(0, 200) };
    }
  }

  /** `"https://api.example.com/" + path`: the literal parts with `{}` for the rest. */
  private concatenation(node: SyntaxNode, scope: Scope): Value {
    const left = childByField(node, 'left');
    const right = childByField(node, 'right');
    const operator = left && right ? this.source.slice(left.end, right.start).trim() : '';
    if (!left || !right || operator !== '+') return { kind: 'other', text: this.text(node).slice(0, 200) };
    const parts = [this.valueOf(left, scope), this.valueOf(right, scope)];
    if (!parts.some((part) => part.kind === 'string')) return { kind: 'other', text: this.text(node).slice(0, 200) };
    const first = parts[0]!;
    const lead = first.kind === 'ref' ? first : first.kind === 'string' ? first.lead : undefined;
    return { kind: 'string', text: parts.map((part) => (part.kind === 'string' ? part.text : '{}')).join(''), interpolated: true, ...(lead ? { lead } : {}) };
  }

  private stringValue(node: SyntaxNode, scope: Scope = this.module): Extract<Value, { kind: 'string' }> {
    if (node.type === 'concatenated_string') return this.valueOf(node, this.module) as Extract<Value, { kind: 'string' }>;
    const start = node.children.find((child) => child.type === 'string_start');
    const end = node.children.find((child) => child.type === 'string_end');
    const holes = node.children.filter((child) => child.type === 'interpolation');
    const contentStart = start?.end ?? node.start;
    const text = this.textWithHoles(contentStart, end?.start ?? node.end, holes);
    const lead = holes[0]?.start === contentStart ? this.leadingName(holes[0], scope) : undefined;
    return { kind: 'string', text, interpolated: holes.length > 0, ...(lead ? { lead } : {}) };
  }

  /** The name an f-string's first hole holds when it is only a name (`{GEMINI_BASE}`, `{config.BASE}`), no format or call. */
  private leadingName(hole: SyntaxNode, scope: Scope): Extract<Value, { kind: 'ref' }> | undefined {
    const expression = hole.children.find((child) => child.type === 'identifier' || child.type === 'attribute');
    if (!expression || this.text(hole).replace(/\s+/g, '') !== `{${this.text(expression)}}`) return undefined;
    return { kind: 'ref', name: this.text(expression), symbol: this.symbolOf(expression, scope), scope };
  }

  protected computeCallSite(node: SyntaxNode, scope: Scope): CallSite {
    const fn = childByField(node, 'function');
    const argumentList = childByField(node, 'arguments');
    const positional: Value[] = [];
    const named = new Map<string, Value>();
    for (const argument of argumentList?.type === 'argument_list' ? argumentList.children : []) {
      if (argument.type === 'keyword_argument') {
        const name = childByField(argument, 'name');
        const value = childByField(argument, 'value');
        if (name && value) named.set(this.text(name), this.valueOf(value, scope));
      } else if (argument.type !== 'list_splat' && argument.type !== 'dictionary_splat' && argument.type !== 'comment') {
        positional.push(this.valueOf(argument, scope));
      }
    }
    const callee = fn ? this.symbolOf(fn, scope) : '?';
    const first = positional[0];
    const dynamicImport = DYNAMIC_IMPORTS.has(callee) && first?.kind === 'string' && !first.interpolated ? first.text : null;
    if (dynamicImport !== null) this.imports.push({ module: dynamicImport, names: [], line: node.line });
    const call: CallSite = {
      callee,
      symbol: dynamicImport ?? this.callSymbol(callee, first),
      localName: fn ? this.localName(fn, scope) : null,
      scope,
      line: node.line,
      start: node.start,
      end: node.end,
      args: positional,
      named,
      decorates: null,
      boundTo: this.boundName(node),
    };
    this.calls.push(call);
    return call;
  }

  /** `helper(...)` or `self.helper(...)` where helper may be defined in this file. */
  private localName(fn: SyntaxNode, scope: Scope): string | null {
    if (fn.type === 'identifier') {
      const binding = this.lookup(scope, this.text(fn));
      return !binding || binding.kind === 'definition' ? this.text(fn) : null;
    }
    if (fn.type === 'attribute') {
      const object = childByField(fn, 'object');
      const attribute = childByField(fn, 'attribute');
      if (object && attribute && SELF_NAMES.has(this.text(object))) return this.text(attribute);
    }
    return null;
  }

  /** The variable or dictionary key an expression's value is stored under. */
  private boundName(node: SyntaxNode): string | null {
    let child = node;
    let parent = node.parent;
    while (parent && (parent.type === 'await' || parent.type === 'parenthesized_expression')) {
      child = parent;
      parent = parent.parent;
    }
    if (parent?.type === 'assignment' && child.field === 'right') {
      const left = childByField(parent, 'left');
      if (left?.type === 'identifier') return this.text(left);
      if (left?.type === 'attribute') return this.text(childByField(left, 'attribute') ?? left);
    }
    if (parent?.type === 'pair' && child.field === 'value') {
      const key = childByField(parent, 'key');
      if (key?.type === 'string') return this.stringValue(key).text;
    }
    return null;
  }
}
