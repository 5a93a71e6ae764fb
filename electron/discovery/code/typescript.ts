import type { CallSite, CodeLanguage, CodeModel, ImportFact, Scope, Value } from './code-model';
import { ModelBuilder, childByField } from './model-builder';
import { npmPackageOf } from './module-specifiers';
import type { SyntaxNode } from './syntax-node';
import { walkScoped } from './walk-scoped';

/**
 * Reads a TypeScript, TSX or JavaScript syntax tree into the language-neutral code model. The
 * three grammars share node names; where they differ (class fields, heritage, decorators) both
 * shapes are handled here.
 */
export function buildTypeScriptModel(path: string, text: string, root: SyntaxNode, language: Exclude<CodeLanguage, 'python'>): CodeModel {
  return new TypeScriptModelBuilder(path, text, root, language).buildModel();
}

/** Relative and path-alias imports ("./tools", "@/lib/db", "~/agents", "#db") point into the repository. */
export function isPossiblyLocalTypeScriptModule(module: string): boolean {
  return /^(?:\.{1,2}\/|@\/|~\/|#)/.test(module);
}

const FUNCTION_TYPES = new Set(['function_declaration', 'generator_function_declaration', 'function_expression', 'function', 'generator_function', 'arrow_function', 'method_definition']);
const CLASS_TYPES = new Set(['class_declaration', 'class', 'abstract_class_declaration']);
/** Wrappers that do not change what an expression refers to. */
const TRANSPARENT_TYPES = new Set(['await_expression', 'parenthesized_expression', 'as_expression', 'satisfies_expression', 'non_null_expression']);
const LOOP_TYPES = new Set(['for_statement', 'for_in_statement', 'while_statement', 'do_statement']);
const PLACEHOLDER_TYPES = new Set(['null', 'undefined']);

/** `node:fs` and `fs` are the same module; so are Deno's `npm:ai@4` and `https://esm.sh/ai@4` and `ai`. */
function normalizeModule(module: string): string {
  return module.startsWith('node:') ? module.slice(5) : npmPackageOf(module);
}

class TypeScriptModelBuilder extends ModelBuilder {
  private readonly nodeScopes = new Map<SyntaxNode, Scope>();
  private readonly importUses = new ImportUses();

  constructor(
    path: string,
    text: string,
    private readonly root: SyntaxNode,
    language: Exclude<CodeLanguage, 'python'>,
  ) {
    super(path, text, language);
  }

  buildModel(): CodeModel {
    walkScoped(this.root, this.module, (node, parent) => this.declareScope(node, parent), (node, scope) => this.bindNames(node, scope));
    walkScoped(this.root, this.module, (node) => this.nodeScopes.get(node) ?? null, (node, scope) => this.recordFacts(node, scope));
    this.importUses.dropUnused(this.imports);
    return this.build();
  }

  private declareScope(node: SyntaxNode, parent: Scope): Scope | null {
    let scope: Scope | null = null;
    if (FUNCTION_TYPES.has(node.type)) scope = this.newScope('function', this.nameOf(node) ?? this.boundName(node) ?? '', parent, node.line);
    else if (CLASS_TYPES.has(node.type)) scope = this.newScope('class', this.nameOf(node) ?? this.boundName(node) ?? '', parent, node.line);
    if (scope) this.nodeScopes.set(node, scope);
    return scope;
  }

  private nameOf(node: SyntaxNode): string | null {
    const name = childByField(node, 'name') ?? childByField(node, 'property');
    return name ? this.text(name) : null;
  }

  /** First pass: what each name stands for, so uses above an assignment still resolve. */
  private bindNames(node: SyntaxNode, scope: Scope): void {
    switch (node.type) {
      case 'import_statement':
        this.bindImport(node, scope);
        break;
      case 'variable_declarator':
        this.bindDeclarator(node, scope);
        break;
      case 'assignment_expression':
        this.bindAssignment(node, scope);
        break;
      case 'function_declaration':
      case 'generator_function_declaration':
      case 'class_declaration':
      case 'abstract_class_declaration': {
        const name = this.nameOf(node);
        if (name) this.bind(scope, name, { kind: 'definition', scope: this.nodeScopes.get(node) as Scope });
        break;
      }
      case 'public_field_definition':
      case 'field_definition': {
        const name = this.nameOf(node);
        const value = childByField(node, 'value');
        if (!name || !value) break;
        this.bindAttribute(`this.${name}`, { kind: 'value', node: value, scope }, PLACEHOLDER_TYPES.has(value.type));
        if (scope.kind === 'class' && value.type === 'string') scope.stringAttributes.set(name, this.stringValue(value).text);
        break;
      }
      case 'method_definition':
        this.bindGetter(node);
        break;
      case 'export_statement':
        this.recordExports(node);
        break;
    }
  }

  /**
   * `get anthropic() { return new Anthropic(); }` (or a lazily filled field): `this.anthropic`
   * is what the getter returns, so calls through it resolve like calls through a field.
   */
  private bindGetter(node: SyntaxNode): void {
    const name = childByField(node, 'name');
    const body = childByField(node, 'body');
    if (!name || !body || name.type !== 'property_identifier' || !/\bget\s+$/.test(this.source.slice(node.start, name.start))) return;
    const returned = returnedValue(body);
    if (returned) this.bindAttribute(`this.${this.text(name)}`, { kind: 'value', node: returned, scope: this.nodeScopes.get(node) as Scope });
  }

  private bindImport(node: SyntaxNode, scope: Scope): void {
    const source = childByField(node, 'source');
    if (!source) return;
    const module = normalizeModule(this.stringValue(source).text);
    const clauses = node.children.filter((child) => child.type === 'import_clause');
    // `import type { X } from 'm'` loads nothing at run time: not an import of the SDK.
    if (clauses[0] && isTypeOnly(this.source.slice(node.start, clauses[0].start).replace(/^import/, ''))) return;
    const names: string[] = [];
    const locals: Array<{ local: string; name: string | null }> = [];
    for (const clause of clauses) {
      for (const part of clause.children) {
        if (part.type === 'identifier') {
          this.bind(scope, this.text(part), { kind: 'import', symbol: module });
          locals.push({ local: this.text(part), name: null });
        } else if (part.type === 'namespace_import' && part.children[0]) {
          this.bind(scope, this.text(part.children[0]), { kind: 'import', symbol: module });
          locals.push({ local: this.text(part.children[0]), name: null });
        } else if (part.type === 'named_imports') {
          for (const specifier of part.children.filter((child) => child.type === 'import_specifier')) {
            const name = childByField(specifier, 'name');
            if (!name) continue;
            // `import { type X, query }`: X is a type, erased; query is the import.
            if (isTypeOnly(this.source.slice(specifier.start, name.start))) continue;
            const alias = childByField(specifier, 'alias');
            names.push(this.text(name));
            this.bind(scope, this.text(alias ?? name), { kind: 'import', symbol: `${module}.${this.text(name)}` });
            locals.push({ local: this.text(alias ?? name), name: this.text(name) });
          }
        }
      }
    }
    // Every specifier was a type: TypeScript erases the whole statement.
    if (clauses.length > 0 && locals.length === 0) return;
    const fact = { module, names, line: node.line };
    this.imports.push(fact);
    if (!isPossiblyLocalTypeScriptModule(module)) this.importUses.track(fact, locals);
  }

  private bindDeclarator(node: SyntaxNode, scope: Scope): void {
    const name = childByField(node, 'name');
    const value = childByField(node, 'value');
    if (!name || !value) return;
    if (name.type === 'identifier') {
      this.bind(scope, this.text(name), { kind: 'value', node: value, scope }, PLACEHOLDER_TYPES.has(value.type));
      return;
    }
    // `const { exec } = require('child_process')`, `const { KEY: key } = process.env`
    for (const [key, local] of this.destructuredNames(name)) this.bind(scope, local, { kind: 'member', of: value, key, scope });
  }

  /** [property, local name] pairs of a flat object pattern. */
  private destructuredNames(pattern: SyntaxNode): Array<[string, string]> {
    if (pattern.type !== 'object_pattern') return [];
    return pattern.children.flatMap((part): Array<[string, string]> => {
      if (part.type === 'shorthand_property_identifier_pattern') return [[this.text(part), this.text(part)]];
      const key = part.type === 'pair_pattern' ? childByField(part, 'key') : undefined;
      const local = part.type === 'pair_pattern' ? childByField(part, 'value') : undefined;
      return key && local?.type === 'identifier' ? [[this.stringKey(key) ?? this.text(key), this.text(local)]] : [];
    });
  }

  private bindAssignment(node: SyntaxNode, scope: Scope): void {
    const left = childByField(node, 'left');
    const right = childByField(node, 'right');
    if (!left || !right) return;
    if (left.type === 'identifier') this.bind(scope, this.text(left), { kind: 'value', node: right, scope }, PLACEHOLDER_TYPES.has(right.type));
    if (left.type !== 'member_expression') return;
    const object = childByField(left, 'object');
    const property = childByField(left, 'property');
    if (!object || !property) return;
    const objectText = this.text(object);
    if (object.type === 'this') this.bindAttribute(`this.${this.text(property)}`, { kind: 'value', node: right, scope }, PLACEHOLDER_TYPES.has(right.type));
    // CommonJS exports: `exports.handler = ...`, `module.exports.handler = ...`, `module.exports = { handler }`.
    else if (objectText === 'exports' || objectText === 'module.exports') this.exports.push({ name: this.text(property), line: node.line });
    else if (objectText === 'module' && this.text(property) === 'exports' && right.type === 'object') {
      for (const entry of right.children) {
        const key = entry.type === 'shorthand_property_identifier' ? entry : childByField(entry, 'key') ?? childByField(entry, 'name');
        if (key) this.exports.push({ name: this.stringKey(key) ?? this.text(key), line: entry.line });
      }
    }
  }

  private recordExports(node: SyntaxNode): void {
    const declaration = childByField(node, 'declaration');
    if (declaration) {
      const names = declaration.type === 'lexical_declaration' || declaration.type === 'variable_declaration'
        ? declaration.children.map((declarator) => childByField(declarator, 'name')).filter((name) => name?.type === 'identifier').map((name) => this.text(name as SyntaxNode))
        : [this.nameOf(declaration)].filter((name): name is string => name !== null);
      for (const name of names) this.exports.push({ name, line: node.line });
    } else if (this.text(node).startsWith('export default')) {
      this.exports.push({ name: 'default', line: node.line });
    }
    for (const clause of node.children.filter((child) => child.type === 'export_clause')) {
      for (const specifier of clause.children) {
        const name = childByField(specifier, 'alias') ?? childByField(specifier, 'name');
        if (name) this.exports.push({ name: this.text(name), line: specifier.line });
      }
    }
    this.recordReExport(node);
  }

  /**
   * `export { triageAgent } from './triage'` and `export * from './tools'` in a barrel
   * (`agents/index.ts`) load those modules: what imports the barrel runs them. Only local
   * modules are kept, and `export type` loads nothing.
   */
  private recordReExport(node: SyntaxNode): void {
    const source = childByField(node, 'source');
    if (!source || /^export\s+type\b/.test(this.text(node))) return;
    const module = normalizeModule(this.stringValue(source).text);
    if (!isPossiblyLocalTypeScriptModule(module)) return;
    const names = node.children
      .filter((child) => child.type === 'export_clause')
      .flatMap((clause) => clause.children.filter((specifier) => specifier.type === 'export_specifier'))
      .flatMap((specifier) => {
        const name = childByField(specifier, 'name');
        // `export { type X, y } from './m'`: X is erased.
        return name && !isTypeOnly(this.source.slice(specifier.start, name.start)) ? [this.text(name)] : [];
      });
    this.imports.push({ module, names, line: node.line, reExport: true });
  }

  /** Second pass: calls, arguments, literals, keyed reads, loops. */
  private recordFacts(node: SyntaxNode, scope: Scope): void {
    switch (node.type) {
      case 'identifier':
      case 'shorthand_property_identifier':
        if (isValueReference(node)) this.importUses.use(this.text(node));
        if (node.type === 'shorthand_property_identifier') this.namedValues.push({ name: this.text(node), value: this.refValue(node, scope), scope, line: node.line });
        break;
      case 'call_expression':
      case 'new_expression':
        this.callSite(node, scope);
        break;
      case 'decorator':
        this.recordDecorator(node, scope);
        break;
      case 'pair': {
        const key = childByField(node, 'key');
        const value = childByField(node, 'value');
        const name = key ? this.stringKey(key) : null;
        if (name !== null && value) this.namedValues.push({ name, value: this.valueOf(value, scope), scope, line: node.line });
        break;
      }
      case 'object':
        this.valueOf(node, scope);
        break;
      case 'public_field_definition':
      case 'field_definition': {
        // A class field configures the class as a property configures a call (`schema = z.object(...)`).
        const name = this.nameOf(node);
        const value = childByField(node, 'value');
        if (name && value) this.namedValues.push({ name, value: this.valueOf(value, scope), scope, line: node.line });
        break;
      }
      case 'string':
      case 'template_string':
        if (node.parent?.type !== 'import_statement') {
          const value = this.valueOf(node, scope) as Extract<Value, { kind: 'string' }>;
          this.strings.push({ text: value.text, interpolated: value.interpolated, line: node.line, start: node.start });
        }
        break;
      case 'subscript_expression': {
        const object = childByField(node, 'object');
        const index = childByField(node, 'index');
        if (object && index?.type === 'string') this.keyedAccesses.push({ container: this.symbolOf(object, scope), key: this.stringValue(index).text, line: node.line });
        break;
      }
      case 'member_expression': {
        const object = childByField(node, 'object');
        const property = childByField(node, 'property');
        if (object && property) this.keyedAccesses.push({ container: this.symbolOf(object, scope), key: this.text(property), line: node.line });
        break;
      }
      case 'variable_declarator': {
        const name = childByField(node, 'name');
        const value = childByField(node, 'value');
        if (name?.type === 'object_pattern' && value) {
          const container = this.symbolOf(value, scope);
          for (const [key] of this.destructuredNames(name)) this.keyedAccesses.push({ container, key, line: node.line });
        }
        break;
      }
      case 'class_declaration':
      case 'class':
      case 'abstract_class_declaration': {
        const heritage = node.children.find((child) => child.type === 'class_heritage');
        // TypeScript wraps the base in extends_clause; JavaScript puts the expression directly.
        const base = heritage?.children[0]?.type === 'extends_clause' ? childByField(heritage.children[0], 'value') : heritage?.children[0];
        if (base) (this.nodeScopes.get(node) as Scope).bases = [this.symbolOf(base, scope)];
        break;
      }
      default:
        if (LOOP_TYPES.has(node.type)) this.loops.push({ start: node.start, end: node.end, line: node.line });
    }
  }

  /**
   * Class decorators are children of the class; method decorators are children of the method
   * (JavaScript) or its preceding siblings in the class body (TypeScript).
   */
  private recordDecorator(node: SyntaxNode, scope: Scope): void {
    const parent = node.parent;
    let target: SyntaxNode | undefined;
    if (parent && (CLASS_TYPES.has(parent.type) || parent.type === 'method_definition')) target = parent;
    else if (parent?.type === 'class_body') target = parent.children.slice(parent.children.indexOf(node) + 1).find((sibling) => sibling.type !== 'decorator');
    const decorated = target ? this.nodeScopes.get(target) : undefined;
    const expression = node.children[0];
    if (!decorated || !expression) return;
    if (expression.type === 'call_expression') {
      this.callSite(expression, scope).decorates = decorated;
      return;
    }
    const callee = this.symbolOf(expression, scope);
    this.calls.push({ callee, symbol: `${callee}()`, localName: null, scope, line: node.line, start: node.start, end: node.end, args: [], named: new Map(), decorates: decorated, boundTo: null });
  }

  protected computeSymbol(node: SyntaxNode, scope: Scope): string {
    switch (node.type) {
      case 'identifier': {
        const name = this.text(node);
        return this.symbolOfBinding(this.lookup(scope, name), name);
      }
      case 'member_expression': {
        const object = childByField(node, 'object');
        const property = childByField(node, 'property');
        if (!object || !property) return '?';
        if (object.type === 'this') {
          const name = `this.${this.text(property)}`;
          return this.symbolOfBinding(this.lookupAttribute(name), name);
        }
        return `${this.symbolOf(object, scope)}.${this.text(property)}`;
      }
      case 'subscript_expression': {
        const object = childByField(node, 'object');
        return object ? `${this.symbolOf(object, scope)}[]` : '?';
      }
      case 'call_expression':
      case 'new_expression':
        return this.callSite(node, scope).symbol;
      case 'this':
        return 'this';
      case 'meta_property':
        return this.text(node);
      case 'string':
      case 'template_string':
        return 'str';
      default: {
        const inner = this.unwrapped(node);
        return inner ? this.symbolOf(inner, scope) : this.expressionText(node);
      }
    }
  }

  private unwrapped(node: SyntaxNode): SyntaxNode | undefined {
    if (TRANSPARENT_TYPES.has(node.type)) return node.children[0];
    if (node.type === 'type_assertion') return node.children[node.children.length - 1];
    return undefined;
  }

  protected computeValue(node: SyntaxNode, scope: Scope): Value {
    switch (node.type) {
      case 'string':
        return this.stringValue(node);
      case 'template_string':
        return this.templateValue(node, scope);
      case 'binary_expression':
        return this.concatenation(node, scope);
      case 'identifier':
      case 'member_expression':
      case 'this':
        return this.refValue(node, scope);
      case 'call_expression':
      case 'new_expression':
        return { kind: 'call', call: this.callSite(node, scope) };
      case 'array':
        return { kind: 'list', items: node.children.filter((child) => child.type !== 'spread_element' && child.type !== 'comment').map((child) => this.valueOf(child, scope)) };
      case 'object':
        return this.objectValue(node, scope);
      default: {
        const definition = this.nodeScopes.get(node);
        if (definition) return { kind: 'definition', scope: definition };
        const inner = this.unwrapped(node);
        return inner ? this.valueOf(inner, scope) : { kind: 'other', text: this.text(node).slice(0, 200) };
      }
    }
  }

  private refValue(node: SyntaxNode, scope: Scope): Extract<Value, { kind: 'ref' }> {
    return { kind: 'ref', name: this.text(node), symbol: this.symbolOf(node, scope), scope };
  }

  private objectValue(node: SyntaxNode, scope: Scope): Value {
    const entries = node.children.flatMap((entry) => {
      if (entry.type === 'shorthand_property_identifier') return [{ key: this.text(entry), value: this.refValue(entry, scope), line: entry.line }];
      if (entry.type === 'method_definition') return [{ key: this.nameOf(entry) ?? '', value: { kind: 'definition', scope: this.nodeScopes.get(entry) as Scope } as Value, line: entry.line }];
      const key = entry.type === 'pair' ? childByField(entry, 'key') : undefined;
      const value = entry.type === 'pair' ? childByField(entry, 'value') : undefined;
      const name = key ? this.stringKey(key) : null;
      return name !== null && value ? [{ key: name, value: this.valueOf(value, scope), line: entry.line }] : [];
    });
    const object: Extract<Value, { kind: 'object' }> = { kind: 'object', entries, scope, line: node.line, boundTo: this.boundName(node) };
    const listed = entries.length + node.children.filter((entry) => entry.type === 'comment' || entry.type === '{' || entry.type === '}' || entry.type === ',').length;
    if (listed < node.children.length) object.partial = true;
    this.objects.push(object);
    return object;
  }

  /** A property key as text: `name`, `"name"`, `'name'`; computed keys have none. */
  private stringKey(key: SyntaxNode): string | null {
    if (key.type === 'property_identifier' || key.type === 'identifier' || key.type === 'private_property_identifier') return this.text(key);
    if (key.type === 'string') return this.stringValue(key).text;
    return null;
  }

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

  private stringValue(node: SyntaxNode): Extract<Value, { kind: 'string' }> {
    const holes = node.type === 'template_string' ? node.children.filter((child) => child.type === 'template_substitution') : [];
    return { kind: 'string', text: this.textWithHoles(node.start + 1, node.end - 1, holes), interpolated: holes.length > 0 };
  }

  /** A template literal, with the name its first hole holds when it opens the string (`${OPENAI_BASE}/chat/completions`): the base URL it extends. */
  private templateValue(node: SyntaxNode, scope: Scope): Extract<Value, { kind: 'string' }> {
    const value = this.stringValue(node);
    const first = node.children.find((child) => child.type === 'template_substitution');
    const expression = first?.start === node.start + 1 ? first.children.filter((child) => child.type !== '${' && child.type !== '}') : [];
    const name = expression.length === 1 && (expression[0]!.type === 'identifier' || expression[0]!.type === 'member_expression') ? expression[0]! : null;
    return name ? { ...value, lead: this.refValue(name, scope) } : value;
  }

  protected computeCallSite(node: SyntaxNode, scope: Scope): CallSite {
    const fn = childByField(node, node.type === 'new_expression' ? 'constructor' : 'function');
    const argumentsNode = childByField(node, 'arguments');
    const positional =
      argumentsNode?.type === 'template_string'
        ? [this.stringValue(argumentsNode)]
        : (argumentsNode?.children ?? []).filter((child) => child.type !== 'spread_element' && child.type !== 'comment').map((child) => this.valueOf(child, scope));
    // TypeScript has no keyword arguments: an options object's properties play that part.
    const named = new Map<string, Value>();
    for (const argument of positional) {
      if (argument.kind !== 'object') continue;
      for (const entry of argument.entries) if (!named.has(entry.key)) named.set(entry.key, entry.value);
    }
    const callee = fn ? this.symbolOf(fn, scope) : '?';
    const first = positional[0];
    const moduleLoad = (callee === 'require' || fn?.type === 'import') && first?.kind === 'string' && !first.interpolated ? normalizeModule(first.text) : null;
    if (moduleLoad !== null) this.imports.push({ module: moduleLoad, names: [], line: node.line });
    // `const run = promisify(execFile)`: the promisified function does what the original does.
    const promisified = callee === 'util.promisify' && first?.kind === 'ref' ? first.symbol : null;
    const call: CallSite = {
      callee,
      symbol: moduleLoad ?? promisified ?? this.callSymbol(callee, first),
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

  /** `helper(...)` or `this.helper(...)` where helper may be defined in this file. */
  private localName(fn: SyntaxNode, scope: Scope): string | null {
    if (fn.type === 'identifier') {
      const binding = this.lookup(scope, this.text(fn));
      return !binding || binding.kind === 'definition' ? this.text(fn) : null;
    }
    const object = fn.type === 'member_expression' ? childByField(fn, 'object') : undefined;
    const property = fn.type === 'member_expression' ? childByField(fn, 'property') : undefined;
    return object?.type === 'this' && property ? this.text(property) : null;
  }

  /** The variable, property or field an expression's value is stored under. */
  private boundName(node: SyntaxNode): string | null {
    let child = node;
    let parent = node.parent;
    while (parent && TRANSPARENT_TYPES.has(parent.type)) {
      child = parent;
      parent = parent.parent;
    }
    if (!parent) return null;
    if (parent.type === 'variable_declarator' && child.field === 'value') {
      const name = childByField(parent, 'name');
      return name?.type === 'identifier' ? this.text(name) : null;
    }
    if (parent.type === 'pair' && child.field === 'value') {
      const key = childByField(parent, 'key');
      return key ? this.stringKey(key) : null;
    }
    if (parent.type === 'assignment_expression' && child.field === 'right') {
      const left = childByField(parent, 'left');
      if (left?.type === 'identifier') return this.text(left);
      if (left?.type === 'member_expression') return this.text(childByField(left, 'property') ?? left);
    }
    if ((parent.type === 'public_field_definition' || parent.type === 'field_definition') && child.field === 'value') return this.nameOf(parent);
    return null;
  }
}

/** The text between `import` (or a specifier's start) and the names: the `type` keyword, if any. */
function isTypeOnly(between: string): boolean {
  return /^\s*type\s*$/.test(between.replace(/\{\s*$/, ''));
}

const IMPORT_NAME_PARENTS = new Set(['import_specifier', 'import_clause', 'namespace_import']);

/** An identifier that reads a value at run time: not an import's own name, not the namespace of a type (`OpenAI.Chat.Message`). */
function isValueReference(node: SyntaxNode): boolean {
  const parent = node.parent;
  if (!parent || IMPORT_NAME_PARENTS.has(parent.type)) return false;
  if (parent.type === 'nested_type_identifier') return false;
  return !(parent.type === 'nested_identifier' && parent.parent?.type === 'nested_type_identifier');
}

/**
 * Package imports whose names the file never reads as a value. TypeScript erases them (they
 * only name types: `allAgentSets: Record<string, RealtimeAgent[]>`), and an unused JavaScript
 * import calls nothing: neither is the file's use of that SDK. Side-effect imports (`import
 * 'x'`) name nothing and are kept; local modules are kept for the linker.
 */
class ImportUses {
  private readonly tracked: Array<{ fact: ImportFact; locals: Array<{ local: string; name: string | null }> }> = [];
  private readonly used = new Set<string>();

  track(fact: ImportFact, locals: Array<{ local: string; name: string | null }>): void {
    if (locals.length > 0) this.tracked.push({ fact, locals });
  }

  use(name: string): void {
    this.used.add(name);
  }

  dropUnused(imports: ImportFact[]): void {
    for (const { fact, locals } of this.tracked) {
      const read = locals.filter((entry) => this.used.has(entry.local));
      if (read.length === 0) imports.splice(imports.indexOf(fact), 1);
      else fact.names = fact.names.filter((name) => read.some((entry) => entry.name === name));
    }
  }
}

/** What a getter's body returns: the first `return x` outside nested functions; `this._x ??= new X()` returns its right side. */
function returnedValue(body: SyntaxNode): SyntaxNode | null {
  const pending = [...body.children];
  while (pending.length > 0) {
    const node = pending.shift()!;
    if (FUNCTION_TYPES.has(node.type) || CLASS_TYPES.has(node.type)) continue;
    if (node.type !== 'return_statement') {
      pending.push(...node.children);
      continue;
    }
    let value = node.children[0] ?? null;
    while (value && (TRANSPARENT_TYPES.has(value.type) || value.type === 'assignment_expression' || value.type === 'augmented_assignment_expression')) {
      value = TRANSPARENT_TYPES.has(value.type) ? (value.children[0] ?? null) : (childByField(value, 'right') ?? null);
    }
    return value;
  }
  return null;
}
