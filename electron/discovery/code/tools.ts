import type { ToolDefinition } from '../../../shared/discovery';
import type { CallSite, CodeModel, Scope, Value } from './code-model';
import { callMatches, lastSegment, literalText, resolved } from './finding-context';
import { importMatches } from './frameworks';
import type { FindingContext } from './finding-context';
import type { ServedFunction } from './gradio-mcp';
import type { Compiled, ToolRuleJson } from './rules';
import type { RuleBase } from '../rules/rule';

type ObjectValue = Extract<Value, { kind: 'object' }>;
type ToolRule = Compiled<ToolRuleJson>;

/**
 * Where the tools of a file are and which code is theirs. A tool's body is a function or class
 * scope; anything found inside it (a subprocess call, an SQL delete) belongs to that tool.
 */

/**
 * A function handed to a tool-making call by name and defined in another module
 * (`register_function(refund_order, caller=…)`, `FunctionTool.from_defaults(fn=lookup)` with
 * `from app.tools import …`): the tool is known by that function's name, as the module defining it does.
 */
function importedFunction(model: CodeModel, call: CallSite): Extract<Value, { kind: 'ref' }> | null {
  const given = call.args[0] ?? call.named.get('fn') ?? call.named.get('func') ?? call.named.get('f');
  return given?.kind === 'ref' && resolved(model, given)?.kind === 'ref' && isImported(model, given) ? given : null;
}

/** A name that resolves to nothing in the file and is one it imports (`refund_order`, `payments.refund_order`). */
function isImported(model: CodeModel, value: Extract<Value, { kind: 'ref' }>): boolean {
  const root = value.name.split('.')[0]!;
  return model.imports.some((fact) => fact.names.includes(root) || fact.module === root || fact.module.endsWith(`.${root}`));
}

/** A tool's registered name, or an MCP client's tool as `client/tool`: not a sentence, a path or a URL. */
const TOOL_NAME = /^[A-Za-z_][\w.-]*(?:\/[A-Za-z_][\w.-]*)?$/;

/** A string in a tools list that names a tool registered elsewhere, in a file whose framework names tools so (ToolRule.stringToolsIn). */
export function namesTool(value: Value): value is Extract<Value, { kind: 'string' }> {
  return value.kind === 'string' && !value.interpolated && TOOL_NAME.test(value.text);
}
export interface ToolAnalysis {
  tools: ToolDefinition[];
  /** The tool whose body contains this scope, or null. */
  toolOfScope(scope: Scope): string | null;
  /** Calls that are themselves tools (`ShellTool()` in a tools list). */
  toolOfCall: ReadonlyMap<CallSite, string>;
  /** Hosted-tool objects (`{"type": "code_interpreter"}`) given to a model. */
  toolOfObject: ReadonlyMap<ObjectValue, string>;
  /** Tools (or tool schemas) are passed to a model or agent in this file. */
  handedToModel: boolean;
  /** This file's framework names tools by string in its tool lists (ToolRule.stringToolsIn). */
  namesToolsByString: boolean;
  /** Tools whose body is a function another module defines, by the function's qualified symbol (`app.payments.refund_charge`). */
  importedBodies: ReadonlyMap<string, string>;
}

/** Names inside nested arguments are followed this deep (tool({ execute }) is depth 2). */
const MAX_ARGUMENT_DEPTH = 3;

/**
 * `served`: functions an MCP server exposes as tools by registering them elsewhere than through a
 * tool rule (a Gradio app's `gr.Interface(fn=…)` endpoints), with the rule that says it serves them.
 */
export function findTools(context: FindingContext, served: { functions: readonly ServedFunction[]; rule: RuleBase } | null = null): ToolAnalysis {
  const registry = new ToolRegistry(context);
  const rules = context.rules.tool;
  for (const fn of served?.functions ?? []) registry.addServed(fn, served!.rule);
  // Definitions first, then schemas, then lists: a listed function that is already a tool
  // (decorated, wrapped) is recognised as the same tool rather than counted twice.
  for (const rule of rules) registry.addDefinitions(rule);
  for (const rule of rules) registry.addSchemas(rule);
  for (const rule of rules) registry.addListed(rule);
  return registry.result();
}

class ToolRegistry {
  private readonly tools = new Map<string, ToolDefinition>();
  private readonly scopeTools = new Map<Scope, string>();
  private readonly callTools = new Map<CallSite, string>();
  private readonly objectTools = new Map<ObjectValue, string>();
  private readonly importedBodies = new Map<string, string>();
  private handedToModel = false;
  private namesToolsByString = false;
  private readonly model: CodeModel;

  constructor(private readonly context: FindingContext) {
    this.model = context.model;
  }

  result(): ToolAnalysis {
    return {
      tools: [...this.tools.values()],
      toolOfScope: (scope) => {
        for (let current: Scope | null = scope; current; current = current.parent) {
          const tool = this.scopeTools.get(current);
          if (tool !== undefined) return tool;
        }
        return null;
      },
      toolOfCall: this.callTools,
      toolOfObject: this.objectTools,
      handedToModel: this.handedToModel,
      namesToolsByString: this.namesToolsByString,
      importedBodies: this.importedBodies,
    };
  }

  /** Decorated functions, tool-constructing calls and tool subclasses. */
  addDefinitions(rule: ToolRule): void {
    for (const call of this.model.calls) {
      if (call.decorates && callMatches(rule.match.decorators, call)) {
        this.add(this.nameFromArguments(call, rule) ?? call.decorates.name, [call.decorates], rule, call.line);
      } else if (!call.decorates && callMatches(rule.match.calls, call) && !this.callTools.has(call)) {
        const bodies = this.definitionsIn([...call.args, ...call.named.values()]);
        // A factory that returns the tool (`createDocument = ({ session }) => tool({...})`) names it.
        const factory = call.scope.kind === 'function' && call.scope.name && isReturned(this.model, call) ? call.scope.name : null;
        const imported = bodies.length === 0 ? importedFunction(this.model, call) : null;
        const name = this.nameFromArguments(call, rule) ?? call.boundTo ?? factory ?? (bodies[0]?.name || null) ?? (imported ? lastSegment(imported.name) : null) ?? lastSegment(call.callee);
        this.add(name, bodies, rule, call.line);
        this.callTools.set(call, name);
        if (imported) this.importedBodies.set(name, imported.symbol);
      }
    }
    if (!rule.match.bases) return;
    for (const scope of this.model.scopes) {
      if (scope.kind !== 'class' || !scope.bases.some((base) => rule.match.bases?.test(base))) continue;
      const declared = (rule.nameArgs ?? []).map((name) => scope.stringAttributes.get(name)).find((name) => name);
      this.add(declared ?? scope.name, [scope], rule, scope.line);
    }
  }

  /** Function-calling schemas: `{"type": "function", "function": {"name": ...}}`, `{"name", "input_schema"}`. */
  addSchemas(rule: ToolRule): void {
    if (!rule.match.objectTypes && !rule.match.schemaKeys) return;
    for (const object of this.model.objects) {
      if (!this.isToolSchema(object, rule)) continue;
      const name = schemaName(object);
      if (!name || this.objectTools.has(object)) continue;
      this.add(name, this.dispatchTargets(name), rule, object.line);
      this.objectTools.set(object, name);
    }
  }

  private isToolSchema(object: ObjectValue, rule: ToolRule): boolean {
    const type = literalText(object.entries.find((entry) => entry.key === 'type')?.value);
    if (type !== null && rule.match.objectTypes?.test(type)) return true;
    return object.entries.some((entry) => entry.key === 'name') && object.entries.some((entry) => rule.match.schemaKeys?.test(entry.key));
  }

  /** `tools=[search, ShellTool()]`, `tools: { weather: tool(...) }`, `create_react_agent(llm, tools)`. */
  addListed(rule: ToolRule): void {
    const matcher = rule.match.namedArgs;
    if (!matcher) return;
    const stringsIn = rule.match.stringToolsIn;
    if (stringsIn && this.model.imports.some((fact) => importMatches(stringsIn, fact))) this.namesToolsByString = true;
    for (const named of this.model.namedValues) if (matcher.test(named.name)) this.addList(named.value, rule, named.line);
    for (const call of this.model.calls) {
      for (const argument of call.args) if (argument.kind === 'ref' && matcher.test(argument.name)) this.addList(argument, rule, call.line);
    }
  }

  private addList(value: Value, rule: ToolRule, line: number): void {
    const list = resolved(this.model, value);
    if (list?.kind === 'list') for (const item of list.items) this.addListedItem(item, null, rule, line);
    else if (list?.kind === 'object' && !list.entries.some((entry) => entry.key === 'type')) for (const entry of list.entries) this.addListedItem(entry.value, entry.key, rule, entry.line);
    // A name that resolves to nothing here (`tools=tools` of a parameter) says nothing about which tools.
    else if (list && list.kind !== 'ref') this.addListedItem(list, null, rule, line);
  }

  private addListedItem(item: Value, key: string | null, rule: ToolRule, line: number): void {
    const value = resolved(this.model, item);
    if (!value) return;
    switch (value.kind) {
      case 'definition':
        if (!this.scopeTools.has(value.scope)) this.add(key ?? (item.kind === 'ref' ? lastSegment(item.name) : value.scope.name), [value.scope], rule, line);
        break;
      case 'call':
        // `tools=[SaveReportTool()]` instantiates a tool class already found by its base.
        if (this.isToolClassInstance(value.call)) break;
        if (!this.callTools.has(value.call)) {
          const bodies = this.definitionsIn([...value.call.args, ...value.call.named.values()]);
          // `function_tool(refund_charge)` of an imported function is known by that function's name, not the wrapper's.
          const imported = bodies.length === 0 ? importedFunction(this.model, value.call) : null;
          const name = key ?? this.nameFromArguments(value.call, rule) ?? value.call.boundTo ?? (imported ? lastSegment(imported.name) : null) ?? lastSegment(value.call.callee);
          this.add(name, bodies, rule, line);
          this.callTools.set(value.call, name);
          if (imported) this.importedBodies.set(name, imported.symbol);
        }
        break;
      case 'object': {
        const name = this.objectTools.get(value) ?? key ?? schemaName(value) ?? literalText(value.entries.find((entry) => entry.key === 'type')?.value);
        if (!name) return;
        if (!this.objectTools.has(value)) this.add(name, this.dispatchTargets(name), rule, value.line);
        this.objectTools.set(value, name);
        break;
      }
      case 'ref': {
        // Imported from another module: its body is analysed where it is defined.
        const name = key ?? lastSegment(value.name);
        this.add(name, [], rule, line);
        if (isImported(this.model, value) && !this.importedBodies.has(name)) this.importedBodies.set(name, value.symbol);
        break;
      }
      case 'string':
        // A tool registered elsewhere, named (an MCP client's tools are `client/tool`).
        if (!this.namesToolsByString || !namesTool(value)) return;
        this.add(value.text, [], rule, line);
        break;
      default:
        return;
    }
    this.handedToModel = true;
  }

  private isToolClassInstance(call: CallSite): boolean {
    return this.model.scopes.some((scope) => scope.kind === 'class' && scope.name === call.localName && this.scopeTools.has(scope));
  }

  /** A function a server exposes as a tool: its body's findings are that tool's. */
  addServed(fn: ServedFunction, rule: RuleBase): void {
    this.add(fn.name, fn.body ? [fn.body] : [], rule, fn.line);
  }

  private add(name: string, bodies: Scope[], rule: RuleBase, line: number): void {
    if (!this.tools.has(name)) this.tools.set(name, { name, capabilities: [], evidence: this.context.evidence(line, rule) });
    for (const body of bodies) if (!this.scopeTools.has(body)) this.scopeTools.set(body, name);
  }

  private nameFromArguments(call: CallSite, rule: ToolRule): string | null {
    for (const argument of rule.nameArgs ?? []) {
      const text = literalText(resolved(this.model, call.named.get(argument)));
      if (text) return text;
    }
    const first = call.args[0];
    return first?.kind === 'string' && !first.interpolated && first.text ? first.text : null;
  }

  /** Functions among a call's arguments, including `execute:` inside an options object. */
  private definitionsIn(values: Iterable<Value>, depth = MAX_ARGUMENT_DEPTH): Scope[] {
    if (depth === 0) return [];
    return [...values].flatMap((value): Scope[] => {
      const target = resolved(this.model, value);
      if (target?.kind === 'definition') return [target.scope];
      if (target?.kind === 'list') return this.definitionsIn(target.items, depth - 1);
      if (target?.kind === 'object') return this.definitionsIn(target.entries.map((entry) => entry.value), depth - 1);
      return [];
    });
  }

  /** The code a schema-declared tool runs: a same-name function, or a `{"name": fn}` dispatch table. */
  private dispatchTargets(name: string): Scope[] {
    const sameName = this.model.scopes.filter((scope) => scope.kind === 'function' && scope.name === name);
    const dispatched = this.model.objects.flatMap((object) =>
      object.entries.flatMap((entry) => {
        const target = entry.key === name ? resolved(this.model, entry.value) : undefined;
        return target?.kind === 'definition' ? [target.scope] : [];
      }),
    );
    return [...new Set([...sameName, ...dispatched])];
  }
}

/** `{"type": "function", "function": {"name": "x"}}` (Chat Completions) or `{"name": "x", ...}`. */
function schemaName(object: ObjectValue): string | null {
  const nested = object.entries.find((entry) => entry.key === 'function')?.value;
  const holder = nested?.kind === 'object' ? nested : object;
  return literalText(holder.entries.find((entry) => entry.key === 'name')?.value) || null;
}

/** The call is what its function returns: the arrow's body, or a `return` statement's value. */
function isReturned(model: CodeModel, call: CallSite): boolean {
  const before = model.text.slice(Math.max(0, call.start - 12), call.start);
  return /(?:=>|\breturn)\s*\(?\s*$/.test(before);
}
