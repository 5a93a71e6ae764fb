import type { DiscoveredAgent, Evidence, UnitKind } from '../../../shared/discovery';
import type { CodeFindings } from '../findings';
import type { ToolBinding } from '../code/tool-bindings';
import type { CodeIndex } from './resolve-code';
import { definitionNamed, servedVariableOf } from './served-variables';

/**
 * Each item keeps the tools its own agent is given, and the capabilities of those tools, rather
 * than every tool of every file it reaches. A graph importing `research_agent` from a module that
 * also defines `math_agent` holds the research agent's tools only; a tools module of ten `@tool`
 * functions of which the agent binds two grants those two. What the unit's code does outside any
 * tool (module-level code, a helper its entry calls) stays its own, and a tool its own code calls
 * by hand (`send_digest(...)` in `main()`) counts as run.
 *
 * Agents the item runs as items of their own (sub-agents, handoff targets, another unit's graph)
 * hold their tools there: the link shows them, the parent does not repeat them unless it is given
 * the same tool itself.
 *
 * When a tools list cannot be read (a parameter, a function's result, a list imported from another
 * module) or no list is visible at all, which tools the agent holds is unknown: the item keeps the
 * file-level rule, every tool of every file it runs.
 */

/** Items whose tools are already their own agent's, or that expose every tool they define. */
const OWN_TOOLS_ALREADY: ReadonlySet<UnitKind> = new Set(['sub-agent', 'browser-agent', 'mcp-server', 'mcp-config', 'claude-subagent', 'llm-usage']);

/** The agent definitions (file:line) an item runs as other items: their tools are theirs. */
const delegated = new WeakMap<DiscoveredAgent, Set<string>>();

/**
 * Records that `item` runs the agent defined at `definition` as another item (a sub-agent, a handoff
 * target). Its variable, when it has one, also claims the tools bound to it elsewhere in its file
 * (AG2's `@analyst.register_for_llm()` on a function below the agent).
 */
export function recordDelegated(item: DiscoveredAgent, definition: Evidence, variable: string | null = null): void {
  const set = delegated.get(item) ?? new Set<string>();
  set.add(`${definition.path}:${definition.line}`);
  if (variable !== null) set.add(`${definition.path}#${variable}`);
  delegated.set(item, set);
}

export function narrowToHeldTools(items: readonly DiscoveredAgent[], index: CodeIndex): void {
  for (const item of items) {
    if (OWN_TOOLS_ALREADY.has(item.unit.kind)) continue;
    const files = item.codeFiles.flatMap((path) => index.get(path) ?? []);
    const held = heldTools(item, files);
    if (!held) continue;
    const paths = new Set(files.map((file) => file.path));
    const keep = (finding: { tool: string | null; evidence: Evidence }) => finding.tool === null || !paths.has(finding.evidence.path) || held.has(finding.tool);
    item.capabilities = item.capabilities.filter(keep);
    if (item.untrustedInputs) item.untrustedInputs = item.untrustedInputs.filter(keep);
    const kept = item.tools.filter((tool) => !paths.has(tool.evidence.path) || held.has(tool.name));
    // An agent's list names an imported tool by its variable (`lookupPayout`); the tool itself is listed under its own name.
    const aliases = toolAliases(files);
    const names = new Set(kept.map((tool) => tool.name));
    item.tools = kept.filter((tool) => !(aliases[tool.name] && aliases[tool.name] !== tool.name && names.has(aliases[tool.name]!)));
  }
}

/** The names of the tools the item's own agent holds or its code runs; null when that cannot be told. */
function heldTools(item: DiscoveredAgent, files: readonly CodeFindings[]): Set<string> | null {
  const imported = new Set(files.flatMap((file) => file.importedNames ?? []));
  const runsAsOthers = delegated.get(item) ?? new Set<string>();
  // A graph langgraph.json names by variable (`graphs.py:refunds`) runs that agent of its entry file, as if imported.
  const variable = servedVariableOf(item);
  const picks = files.map((file) => ({ file, picked: pickedBindings(file, variable && item.entryPoints.includes(file.path) ? new Set([variable]) : imported) }));
  // When the item names the agents it runs, the agents of a module it names none of (one a barrel
  // re-exports beside the one it imports) are not run; the module's other lists (a model bound at
  // module level for the node functions the item imports) still are. An entry file runs what it
  // defines; with no agent named anywhere (`module.attr`), every list counts.
  const namesAgents = picks.some(({ picked }) => picked !== null);
  const bindings = picks.flatMap(({ file, picked }) => {
    const all = file.toolUse?.bindings ?? [];
    const chosen = picked ?? (namesAgents && !item.entryPoints.includes(file.path) ? all.filter((binding) => !isAgentDefinition(file, binding)) : all);
    return chosen.map((binding) => ({ binding, path: file.path }));
  });
  if (bindings.length === 0) return null;
  // Fallback: a list built at run time may hold any tool of the files. A sub-agent's own list
  // counts too: its item cannot name its tools then, so they stay with the unit that runs it.
  if (bindings.some(({ binding }) => binding.dynamic)) return null;
  const own = bindings.filter(({ binding, path }) => !runsAsOthers.has(`${path}:${binding.line}`) && !(binding.holder !== null && runsAsOthers.has(`${path}#${binding.holder}`)));
  const aliases = toolAliases(files);
  const names = [...own.flatMap(({ binding }) => binding.tools), ...files.flatMap((file) => file.toolUse?.runDirectly ?? [])];
  return new Set(names.flatMap((name) => (aliases[name] ? [name, aliases[name]] : [name])));
}

/** The binding is an agent the file defines at module level (`create_react_agent(...)`, `new Agent(...)`), not a bound model. */
function isAgentDefinition(file: CodeFindings, binding: ToolBinding): boolean {
  if (binding.holder === null || binding.within !== null) return false;
  return (file.agentDefinitions ?? []).some((definition) => definition.variable === binding.holder) || (file.agentGraph?.definitions ?? []).some((definition) => definition.binding === binding.holder);
}

/** A binding made at module level is known by its variable; one made inside a function, by that function (a factory, a node). */
function bindingKey(binding: ToolBinding): string | null {
  return binding.within ?? binding.holder;
}

/**
 * The bindings of a file that the item's files import by name (and the agents those run), plus
 * what the module does at import time; null when they import none of its agents by name.
 */
function pickedBindings(file: CodeFindings, imported: ReadonlySet<string>): ToolBinding[] | null {
  const bindings = file.toolUse?.bindings ?? [];
  if (bindings.length === 0) return null;
  const picked = new Set([...imported].filter((name) => bindings.some((binding) => bindingKey(binding) === name)));
  // An imported supervisor or graph runs the agents it lists.
  const definitions = file.agentDefinitions ?? [];
  const running = new Set([...imported]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const definition of definitions) {
      if (definition.variable === null || ![...running].some((name) => definitionNamed(definition, name))) continue;
      // A compiled graph's builder (`lookup = lookup_builder.compile()`) holds the ToolNode its nodes were given.
      if (!running.has(definition.variable)) {
        running.add(definition.variable);
        picked.add(definition.variable);
        grew = true;
      }
      for (const member of definition.members) {
        if (running.has(member.variable)) continue;
        running.add(member.variable);
        picked.add(member.variable);
        grew = true;
      }
    }
  }
  const runs = (binding: ToolBinding) => picked.has(bindingKey(binding)!) || (binding.usedBy ?? []).some((name) => picked.has(name));
  if (!bindings.some((binding) => bindingKey(binding) !== null && runs(binding))) return null;
  return bindings.filter((binding) => bindingKey(binding) === null || runs(binding));
}

/** Variable -> tool name over the item's files (`lookupPayout` -> "lookup_payout"). */
function toolAliases(files: readonly CodeFindings[]): Record<string, string> {
  return Object.assign({}, ...files.map((file) => file.toolAliases ?? {})) as Record<string, string>;
}
