import type { CallSite, CodeModel, Scope, Value } from './code-model';
import { callMatches, lastSegment, resolved } from './finding-context';
import type { FindingContext } from './finding-context';
import { namesTool, type ToolAnalysis } from './tools';
import { isPossiblyLocalPythonModule } from './python';
import { isPossiblyLocalTypeScriptModule } from './typescript';

/**
 * Which tools each agent (or model) of a file is given, so an item gets the capabilities of the
 * tools its own agent holds rather than of every tool its files define: a module defining a
 * research agent and a math agent side by side gives a graph importing the first only the first's
 * tools (link/held-tools.ts decides per item). Names are the tools' names in this file, or the
 * names an imported tool is written under; the linker follows those to the defining file.
 */
export interface ToolBinding {
  /** The variable the agent or bound model is stored in (`research_agent = create_react_agent(...)`, `@ledger.tool`), or null. */
  holder: string | null;
  /** The module-level function or class the binding is made in (a factory, a graph node), or null at module level: it runs only when that code does. */
  within: string | null;
  /** The tools handed over, by name. */
  tools: string[];
  /**
   * The list could not be read here (a parameter, a function's result, a list imported from
   * another module, a spread): which tools the agent holds is unknown, and the linker falls back
   * to counting every tool of the item's files.
   */
  dynamic: boolean;
  /** The line of the call (or decorator) that hands the tools over: agent definitions carry the same line. */
  line: number;
  /** Module-level functions that use a model bound at module level (`refund_model.invoke(…)` in a graph node): it runs when they do. */
  usedBy?: string[];
}

export interface ToolUseFacts {
  bindings: ToolBinding[];
  /**
   * Tools (and imported names) that code outside every tool calls itself: the module-level entry
   * or a plain function running `send_digest(...)` or `send_digest.invoke(...)` runs that tool's
   * code whether or not a model is given it.
   */
  runDirectly: string[];
}

/**
 * Calls that take a list of tools by position: LangChain's `llm.bind_tools([...])`, LangGraph's
 * `ToolNode([...])` and `create_react_agent(model, [...])`, the classic agent constructors.
 * Keyword forms (`tools=[...]`, `tools: {...}`) come from the rule pack's tools-argument rules.
 */
const POSITIONAL_TOOL_LISTS: Array<{ callee: RegExp; at: number }> = [
  { callee: /\.(bind_tools|bindTools)$/, at: 0 },
  { callee: /(^|\.)ToolNode$/, at: 0 },
  { callee: /(^|\.)(create_react_agent|create_agent|create_tool_calling_agent|create_openai_tools_agent|create_openai_functions_agent)$/, at: 1 },
  { callee: /(^|\.)initialize_agent$/, at: 0 },
  // LlamaIndex `ReActAgent.from_tools([...], llm=llm)`.
  { callee: /\.from_tools$/, at: 0 },
];

/** List methods that add items. */
const GROWS_LIST = /^(append|extend|insert|push|unshift)\s*\(/;

/** A spread item in a list (`[*base_tools, x]`, `[...sharedTools]`); `**kwargs` is not one. */
const SPREAD_ITEM = /(?:^|[[,\s])(?:\*(?!\*)|\.\.\.)\s*[A-Za-z_$]/;
/** Where a tools list is written inline in a call's source. */
const TOOLS_LIST_START = /\b(?:tools|functions|toolsets)\s*[:=]\s*[[{]/g;

/** How a tool is invoked by hand besides a plain call: `search.invoke({...})`, `await search.ainvoke(...)`, `search.func(...)`. */
const INVOKE_METHODS = new Set(['invoke', 'ainvoke', 'run', 'arun', 'func', 'execute', 'call']);

export function findToolUse(context: FindingContext, tools: ToolAnalysis): ToolUseFacts {
  const { model } = context;
  const reader = new BindingReader(context, tools);
  const bindings: ToolBinding[] = [];
  const covered = new Set<CallSite>();
  const toolArgument = new Map<string, boolean>();
  const matcher = (name: string) => {
    let known = toolArgument.get(name);
    if (known === undefined) toolArgument.set(name, (known = context.rules.tool.some((rule) => rule.match.namedArgs?.test(name) ?? false)));
    return known;
  };
  for (const call of model.calls) {
    if (call.decorates) {
      const decorated = reader.decoratorBinding(call);
      if (decorated) bindings.push(decorated);
      continue;
    }
    const lists: Value[] = [];
    for (const [name, value] of call.named) if (matcher(name)) lists.push(value);
    const positional = POSITIONAL_TOOL_LISTS.find((shape) => shape.callee.test(call.callee));
    const at = positional ? call.args[positional.at] : undefined;
    if (at && !lists.includes(at)) lists.push(at);
    for (const argument of call.args) if (argument !== at && argument.kind === 'ref' && matcher(lastSegment(argument.name))) lists.push(argument);
    if (lists.length === 0) continue;
    covered.add(call);
    const read = lists.map((list) => reader.read(list));
    // The syntax model drops `*base_tools` / `...sharedTools` from lists: the call's source still shows them.
    const spread = spreadInToolList(model.text.slice(call.start, call.end), positional !== undefined);
    bindings.push({ holder: call.boundTo ?? graphNodeHolder(model, call), within: topLevelName(call.scope), tools: [...new Set(read.flatMap((r) => r.tools))], dynamic: spread || read.some((r) => r.dynamic), line: call.line });
  }
  markUsers(model, bindings);
  // `tools=[...]` written where no call takes it (a class attribute, a config object handed over
  // later): who holds it is not written here, so it binds like module-level code, to whoever runs the file.
  let lineOf: ((offset: number) => number) | null = null;
  for (const named of model.namedValues) {
    if (!matcher(named.name)) continue;
    lineOf ??= lineIndex(model.text);
    const endLine = lineOf;
    const inCall = [...covered].some((call) => call.named.has(named.name) && call.line <= named.line && endLine(call.end) >= named.line);
    if (inCall) continue;
    const read = reader.read(named.value);
    if (read.tools.length === 0 && !read.dynamic) continue;
    bindings.push({ holder: null, within: topLevelName(named.scope), tools: read.tools, dynamic: read.dynamic, line: named.line });
  }
  return { bindings, runDirectly: runDirectly(context, tools) };
}

class BindingReader {
  private readonly model: CodeModel;
  private readonly localFunctions: Set<string>;

  constructor(
    private readonly context: FindingContext,
    private readonly tools: ToolAnalysis,
  ) {
    this.model = context.model;
    this.localFunctions = new Set(this.model.scopes.filter((scope) => scope.kind === 'function' && scope.name).map((scope) => scope.name));
  }

  /** The tools a list (or map, or single tool) names, and whether part of it cannot be read. */
  read(written: Value): { tools: string[]; dynamic: boolean } {
    // An instance's list (`self.tools`, `this.tools`) is filled at run time, whatever its field starts as.
    if (written.kind === 'ref' && /^(self|this)\./.test(written.name)) return { tools: [], dynamic: true };
    // A named list that code grows later (`handoff_tools.append(...)`, `tools.push(...)`) holds more than it was first given.
    if (written.kind === 'ref' && this.grown(written.name)) return { tools: [], dynamic: true };
    const value = resolved(this.model, written);
    if (!value) return { tools: [], dynamic: true };
    switch (value.kind) {
      case 'list':
        return this.items(value.items.map((item) => ({ item, key: null })));
      case 'object':
        if (value.entries.some((entry) => entry.key === 'type')) return this.items([{ item: value, key: null }]);
        return this.items(value.entries.map((entry) => ({ item: entry.value, key: entry.key })));
      case 'call':
        // A known tool constructor is one tool; any other call (`get_tools()`, `load_tools([...])`) builds the list at run time.
        return this.isToolConstructor(value.call) ? this.items([{ item: value, key: null }]) : { tools: [], dynamic: true };
      case 'definition':
        return this.items([{ item: value, key: null }]);
      case 'string':
        return { tools: [], dynamic: false };
      default:
        // A parameter, `self.tools`, a list imported from another module, a spread: unknown here.
        return { tools: [], dynamic: true };
    }
  }

  /** Whether the file calls a list method that adds items on this name. */
  private grown(name: string): boolean {
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) return false;
    const prefix = `${name}.`;
    return this.model.calls.some((call) => this.model.text.startsWith(prefix, call.start) && GROWS_LIST.test(this.model.text.slice(call.start + prefix.length, call.start + prefix.length + 12)));
  }

  /** `@ledger.tool` (PydanticAI), `@mcp.tool()`: the decorated function is a tool of that object. */
  decoratorBinding(call: CallSite): ToolBinding | null {
    if (!call.decorates || !/\([^()]*\)\.[\w$]+$/.test(call.callee)) return null;
    const tool = this.tools.toolOfScope(call.decorates);
    if (tool === null) return null;
    const receiver = /^\s*@?\s*([A-Za-z_$][\w$]*)\s*\./.exec(this.model.text.slice(call.start, call.end))?.[1] ?? null;
    return { holder: receiver, within: topLevelName(call.decorates.parent ?? call.scope), tools: [tool], dynamic: false, line: call.line };
  }

  private items(entries: Array<{ item: Value; key: string | null }>): { tools: string[]; dynamic: boolean } {
    const tools: string[] = [];
    let dynamic = false;
    for (const { item, key } of entries) {
      const value = resolved(this.model, item);
      switch (value?.kind) {
        case 'definition':
          tools.push(this.tools.toolOfScope(value.scope) ?? key ?? (item.kind === 'ref' ? lastSegment(item.name) : value.scope.name));
          break;
        case 'call':
          if (this.tools.toolOfCall.has(value.call) && this.isToolConstructor(value.call)) tools.push(this.tools.toolOfCall.get(value.call)!);
          else if (this.isLocalFactory(value.call)) dynamic = true;
          else tools.push(this.tools.toolOfCall.get(value.call) ?? key ?? lastSegment(value.call.callee));
          break;
        case 'object': {
          const name = this.tools.toolOfObject.get(value) ?? key;
          if (name) tools.push(name);
          break;
        }
        case 'ref':
          // A tool imported from another module, by the name it is written under here.
          tools.push(key ?? lastSegment(value.name));
          break;
        case 'string':
          if (this.tools.namesToolsByString && namesTool(value)) tools.push(value.text);
          break;
        case 'other':
          // `*base_tools`, `...sharedTools`: items the list takes from elsewhere.
          dynamic = true;
          break;
        default:
          break;
      }
    }
    return { tools: [...new Set(tools.filter((name) => name !== ''))], dynamic };
  }

  private isToolConstructor(call: CallSite): boolean {
    return this.context.rules.tool.some((rule) => callMatches(rule.match.calls, call));
  }

  /** A call to a function of this file that is not itself a tool: it builds tools at run time. */
  private isLocalFactory(call: CallSite): boolean {
    return call.localName !== null && this.localFunctions.has(call.localName) && !this.isToolConstructor(call);
  }
}

/** Names called from code outside every tool body that are tools here or names imported from elsewhere. */
function runDirectly(context: FindingContext, tools: ToolAnalysis): string[] {
  const { model } = context;
  const possiblyLocal = model.language === 'python' ? isPossiblyLocalPythonModule : isPossiblyLocalTypeScriptModule;
  const toolNames = new Set(tools.tools.map((tool) => tool.name));
  const bodies = new Map<string, string>();
  for (const scope of model.scopes) {
    const tool = scope.kind === 'function' && scope.name ? tools.toolOfScope(scope) : null;
    if (tool !== null) bodies.set(scope.name, tool);
  }
  const imported = new Set(model.imports.flatMap((fact) => (possiblyLocal(fact.module) && !context.rules.isKnownModule(fact.module) ? fact.names : [])));
  const run = new Set<string>();
  if (bodies.size === 0 && toolNames.size === 0 && imported.size === 0) return [];
  const handedOver = instancesInToolLists(model);
  for (const call of model.calls) {
    const written = calledName(call.callee);
    const tool = bodies.get(written) ?? (toolNames.has(written) || imported.has(written) ? written : null);
    if (tool === null || call.decorates || handedOver.has(call) || tools.toolOfScope(call.scope) !== null) continue;
    run.add(tool);
  }
  return [...run];
}

/**
 * Tools built right where they are handed to an agent (`tools=[FetchPageTool()]`, CrewAI's and
 * smolagents' class tools): building the instance runs none of its code, the agent holding it does.
 */
function instancesInToolLists(model: CodeModel): Set<CallSite> {
  const instances = new Set<CallSite>();
  for (const call of model.calls) {
    const list = call.named.get('tools');
    if (list?.kind !== 'list') continue;
    for (const item of list.items) if (item.kind === 'call') instances.add(item.call);
  }
  return instances;
}

/** `builder.add_node("tools", ToolNode([...]))`, `.addNode("tools", new ToolNode([...]))`. */
const ADD_NODE = /\.(add_node|addNode)$/;
const RECEIVER = /^\s*([A-Za-z_$][\w$]*)\s*\.\s*[A-Za-z_$][\w$]*\s*\(/;

/**
 * A tool list handed to a graph node where it is written (`refund_builder.add_node("tools",
 * ToolNode([...]))`, or inside `export const digest = new StateGraph(…).addNode(…)…compile()`)
 * belongs to that graph: its builder's variable, or the variable the chain is bound to.
 */
function graphNodeHolder(model: CodeModel, call: CallSite): string | null {
  const around = model.calls.filter((site) => site !== call && site.start <= call.start && site.end >= call.end);
  const node = around.filter((site) => ADD_NODE.test(site.callee)).sort((a, b) => a.end - a.start - (b.end - b.start))[0];
  if (!node) return null;
  const receiver = RECEIVER.exec(model.text.slice(node.start, node.end))?.[1];
  if (receiver) return receiver;
  return around.filter((site) => site.boundTo !== null && site.start <= node.start && site.end >= node.end).sort((a, b) => b.end - b.start - (a.end - a.start))[0]?.boundTo ?? null;
}

/** For each model bound at module level, the module-level functions that call it (`refund_model.invoke(…)`). */
function markUsers(model: CodeModel, bindings: ToolBinding[]): void {
  const holders = new Map(bindings.filter((binding) => binding.holder !== null && binding.within === null).map((binding) => [binding.holder!, binding]));
  if (holders.size === 0) return;
  for (const call of model.calls) {
    const within = topLevelName(call.scope);
    if (within === null) continue;
    const receiver = RECEIVER.exec(model.text.slice(call.start, Math.min(call.end, call.start + 120)))?.[1];
    const binding = receiver !== undefined ? holders.get(receiver) : undefined;
    if (!binding || binding.holder === within) continue;
    binding.usedBy = [...new Set([...(binding.usedBy ?? []), within])];
  }
}

/** The module-level function or class a scope is inside, or null for module-level code. */
function topLevelName(scope: Scope): string | null {
  let current = scope;
  while (current.parent && current.parent.kind !== 'module') current = current.parent;
  return current.kind === 'module' ? null : current.name || null;
}

/** Line number (1-based) of a source offset. */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}

/**
 * Whether a tools list written inline in this call spreads another list into itself. Only the
 * list's own brackets are read: `messages: [...history, input]` beside it is no tool list.
 */
function spreadInToolList(source: string, positional: boolean): boolean {
  const starts = [...source.matchAll(TOOLS_LIST_START)].map((match) => match.index + match[0].length - 1);
  if (positional) {
    const first = source.indexOf('[');
    if (first >= 0) starts.push(first);
  }
  return starts.some((start) => SPREAD_ITEM.test(bracketed(source, start)));
}

/** The top level of the text between the bracket at `start` and its match: nested groups (a tool's own code) are left out. */
function bracketed(source: string, start: number): string {
  let depth = 0;
  let top = '';
  for (let i = start; i < source.length; i++) {
    const char = source[i]!;
    if (char === '[' || char === '(' || char === '{') {
      if (depth === 1) top += ' ';
      depth++;
    } else if (char === ']' || char === ')' || char === '}') {
      if (--depth === 0) return top;
    } else if (depth === 1) top += char;
  }
  return top;
}

/** The name a call runs: `send_digest(...)` and `send_digest.invoke(...)` both run "send_digest" (the callee is qualified through imports). */
function calledName(callee: string): string {
  const parts = callee.replace(/\([^()]*\)/g, '').split('.');
  const last = parts[parts.length - 1] ?? '';
  return parts.length > 1 && INVOKE_METHODS.has(last) ? (parts[parts.length - 2] ?? '') : last;
}
