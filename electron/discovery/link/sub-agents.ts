import { posix } from 'node:path';
import type { AgentLinkRelation, DiscoveredAgent, Evidence, LlmUse } from '../../../shared/discovery';
import type { AgentDefinitionFinding } from '../findings';
import { MODULE_MEMBER, SDK_WIRING_KINDS } from '../code/sdk-agent-shapes';
import { linkAgents } from './agent-links';
import { isExamplePath } from './deployment-scope';
import { recordDelegated } from './held-tools';
import type { CodeIndex } from './resolve-code';
import { definitionNamed, servedVariableOf } from './served-variables';

/**
 * Each distinct agent a unit's code creates is an item of its own: a supervisor's workers, a
 * swarm's agents, the targets of handoffs, the agents a graph runs as nodes. The unit's item stays
 * the root agent (the one the unit runs: the agent no other agent of its code runs), and every
 * other agent is linked to the agent that runs it: linkAgents(parent, child, 'sub-agent' |
 * 'handoff-to'). An agent that is the root of another unit (a graph of langgraph.json run by
 * another graph) is linked to that unit's item rather than listed twice.
 *
 * A sub-agent holds the tools it is given: their capabilities are its own. The unit's item keeps
 * its own agent's tools only (held-tools.ts narrows it once every sub-agent is made from it).
 */

interface Definition extends AgentDefinitionFinding {
  path: string;
  key: string;
}

interface Reference {
  from: Definition;
  relation: Extract<AgentLinkRelation, 'sub-agent' | 'handoff-to'>;
}

export function addSubAgents(sourceLabel: string, agents: DiscoveredAgent[], index: CodeIndex): void {
  // A sub-agent takes its tools from the first unit that runs it: an app's, before an example's that calls it.
  const units = agents.filter((agent) => agent.classification === 'agent' && agent.unit.kind !== 'sub-agent').sort((a, b) => Number(isExamplePath(a.unit.path)) - Number(isExamplePath(b.unit.path)));
  const plans = units.map((unit) => planOf(unit, index));
  // The definitions that are some unit's root agent: represented by that unit's item. Not an
  // example's: a script in examples/ running an app's agent (its network) calls it, the app runs it.
  const rootItem = new Map<string, DiscoveredAgent>();
  plans.forEach((plan, i) => {
    if (plan.root && !isExamplePath(units[i]!.unit.path) && !rootItem.has(plan.root.key)) rootItem.set(plan.root.key, units[i]!);
  });
  const subAgents = new Map<string, DiscoveredAgent>();
  // Sub-agents some deployed unit runs. An example (examples/ scripts come last) that runs them too
  // only calls the app's agents: shown as their parent, it would read as a second owner.
  const runByDeployed = new Set<string>();

  plans.forEach((plan, i) => {
    const unit = units[i]!;
    const example = isExamplePath(unit.unit.path);
    const link = (parent: DiscoveredAgent, child: DiscoveredAgent, relation: Reference['relation'], evidence: Evidence) => {
      if (parent === unit && example && runByDeployed.has(child.identityKey)) return;
      linkAgents(parent, child, relation, evidence);
      if (!example) runByDeployed.add(child.identityKey);
    };
    const itemOf = (definition: Definition, depth = 0): DiscoveredAgent => {
      if (definition === plan.root) return unit;
      const root = rootItem.get(definition.key);
      if (root) return root;
      // A graph that is not the unit's root is only wiring: its nodes belong to whoever runs it.
      if (isWiring(definition)) {
        const parent = plan.referencedBy.get(definition.key);
        return parent && depth < 8 ? itemOf(parent.from, depth + 1) : unit;
      }
      const key = subAgentKey(sourceLabel, definition);
      let item = subAgents.get(key);
      if (!item) {
        item = subAgentItem(key, definition, unit, index);
        subAgents.set(key, item);
        agents.push(item);
      }
      return item;
    };
    for (const definition of plan.definitions) {
      if (isWiring(definition) && definition !== plan.root) continue;
      const child = itemOf(definition);
      if (child !== unit) recordDelegated(unit, definition.evidence, definition.variable);
      const references = plan.references.get(definition.key) ?? [];
      // Run by nothing else the unit runs (several independent agents): the unit runs it.
      if (child !== unit && !references.some((reference) => reference.relation === 'sub-agent' || itemOf(reference.from) !== child)) {
        link(unit, child, 'sub-agent', definition.evidence);
      }
      for (const reference of references) {
        const parent = itemOf(reference.from);
        if (parent !== child) link(parent, child, reference.relation, reference.from.evidence);
        // A team's or manager's member is run by that agent, not by the unit above it.
        if (reference.relation === 'sub-agent' && parent !== child && parent !== unit && child.unit.kind === 'sub-agent') child.trigger = { ...child.trigger, description: `Run by ${parent.name}` };
      }
    }
  });
}

/** A graph, a CrewAI crew or an AutoGen team: it runs agents, and is an agent only as the unit that runs it. */
function isWiring(definition: Definition): boolean {
  return definition.kind === 'graph' || definition.kind === 'crew' || definition.kind === 'autogen-team' || SDK_WIRING_KINDS.has(definition.kind);
}

interface Plan {
  definitions: Definition[];
  root: Definition | null;
  /** Definition key → the first definition of the unit's code that runs it, a supervisor or graph before an agent handing off. */
  referencedBy: Map<string, Reference>;
  /** Definition key → every definition that runs it or hands off to it. */
  references: Map<string, Reference[]>;
}

/**
 * The agents the unit runs: those its entry files create or import by name, and every agent those
 * run in turn. A module of agents the unit imports for one of them (another graph's workers) does
 * not make the others its sub-agents. When the entry names none (it reaches them through a module
 * attribute), every agent of its code counts.
 */
function planOf(unit: DiscoveredAgent, index: CodeIndex): Plan {
  const all = unit.codeFiles.flatMap((path) => (index.get(path)?.agentDefinitions ?? []).map((definition, i) => ({ ...definition, path, key: `${path}#${i}` })));
  const imported = new Set(unit.entryPoints.flatMap((path) => index.get(path)?.importedNames ?? []));
  // A graph langgraph.json names by variable runs that agent of its file, not the file's others.
  const variable = servedVariableOf(unit);
  const inEntry = (definition: Definition) => unit.entryPoints.includes(definition.path);
  const importedHere = (definition: Definition) => (definition.variable !== null && imported.has(definition.variable)) || (definition.factory !== null && imported.has(definition.factory));
  const served = variable ? all.filter((definition) => inEntry(definition) && definitionNamed(definition, variable)) : [];
  // Beside the served agent, what the entry imports runs too (a factory called inline, which names
  // no member), unless an agent of the entry file lists it: then it runs only if that agent does.
  const listedInEntry = new Set(all.filter(inEntry).flatMap((definition) => definition.members.map((member) => member.variable)));
  const seeds =
    served.length > 0
      ? [...served, ...all.filter((definition) => !inEntry(definition) && importedHere(definition) && !listedInEntry.has(definition.variable ?? ''))]
      : all.filter((definition) => inEntry(definition) || importedHere(definition));
  const run = new Set(seeds.length > 0 ? seeds : all);
  for (const definition of run) {
    for (const member of definition.members) for (const target of resolveMembers(member.variable, definition, all, index)) run.add(target);
  }
  const definitions = all.filter((definition) => run.has(definition));
  const references = new Map<string, Reference[]>();
  for (const from of definitions) {
    for (const member of from.members) for (const target of resolveMembers(member.variable, from, definitions, index)) {
      if (target === from) continue;
      const list = references.get(target.key) ?? [];
      if (!list.some((reference) => reference.from === from && reference.relation === member.relation)) list.push({ from, relation: member.relation });
      references.set(target.key, list);
    }
  }
  const referencedBy = new Map<string, Reference>();
  for (const [key, list] of references) referencedBy.set(key, list.find((reference) => reference.relation === 'sub-agent') ?? list[0]!);
  const started = new Set(unit.codeFiles.flatMap((path) => index.get(path)?.agentsRun ?? []));
  const startedHere = definitions.filter((definition) => definition.variable !== null && started.has(definition.variable));
  const root = rootOf(unit, definitions, references, new Set(seeds), new Set(startedHere));
  // A workflow that names the agent it starts with (`AgentWorkflow(root_agent=...)`) runs as that agent.
  const entry = root?.entryMember ? resolveMember(root.entryMember, root, definitions) : undefined;
  return { definitions, root: entry ?? root, referencedBy, references };
}

/**
 * The agent the unit itself runs: the one its code starts (`Runner.run(triage)`, `graph.invoke`)
 * that no other agent runs as a worker; else the one no agent runs as a worker, and, among
 * several, the one nothing hands off to (specialists often hand back to the triage agent), the
 * one its entry names, or the one its entry creates. None when that leaves a choice: the unit then runs
 * them all and each is a sub-agent.
 */
function rootOf(unit: DiscoveredAgent, definitions: readonly Definition[], references: Map<string, Reference[]>, seeds: ReadonlySet<Definition>, started: ReadonlySet<Definition>): Definition | null {
  const notWorkers = definitions.filter((definition) => !(references.get(definition.key) ?? []).some((reference) => reference.relation === 'sub-agent'));
  // Durable Object agents of one worker are each routed to by name: none runs the others, so the worker runs them all.
  if (notWorkers.length > 1 && notWorkers.every((definition) => definition.kind === 'cloudflare-agent')) return null;
  const narrowings = [
    notWorkers.filter((definition) => started.has(definition)),
    notWorkers,
    notWorkers.filter((definition) => !references.has(definition.key)),
    notWorkers.filter((definition) => seeds.has(definition)),
    notWorkers.filter((definition) => unit.entryPoints.includes(definition.path)),
  ];
  return narrowings.find((candidates) => candidates.length === 1)?.[0] ?? null;
}

/**
 * The definitions a member names: one variable's, or every agent of a module a namespace import
 * registers whole (`module:./agents`: the folder's modules, re-exported by its index, or the file).
 * A module file that defines none but gathers agents from others (a registry object built from
 * imports) registers the agents of the modules it imports.
 */
function resolveMembers(variable: string, from: Definition, definitions: readonly Definition[], index: CodeIndex): Definition[] {
  if (!variable.startsWith(MODULE_MEMBER)) return [resolveMember(variable, from, definitions) ?? []].flat();
  const written = variable.slice(MODULE_MEMBER.length);
  const module = posix.join(posix.dirname(from.path), written);
  const inside = definitions.filter((definition) => definition !== from && inModule(definition.path, module));
  if (inside.length > 0) return inside;
  const gathering = index.resolveImport(written, from.path);
  const gathered = new Set((gathering ? index.get(gathering)?.localImports ?? [] : []).flatMap((imported) => index.resolveImport(imported, gathering!) ?? []));
  return definitions.filter((definition) => definition !== from && gathered.has(definition.path));
}

/** A file of the module an import names: the module's own file, or a file of its folder (re-exported by its index). */
function inModule(path: string, module: string): boolean {
  return path.startsWith(`${module}/`) || path.replace(/\.[cm]?[jt]sx?$/, '') === module;
}

/** A variable named in a list: the definition bound to it in the same file first, else in another file of the unit. */
function resolveMember(variable: string, from: Definition, definitions: readonly Definition[]): Definition | undefined {
  // A swarm handoff tool names its peer by the agent's own name.
  if (variable.startsWith('name:')) return definitions.find((definition) => definition.name === variable.slice('name:'.length));
  const named = definitions.filter((definition) => definition.variable === variable);
  return named.find((definition) => definition.path === from.path) ?? named[0];
}

function nameOf(definition: Definition): string {
  if (definition.name) return definition.name;
  if (definition.variable && !definition.variable.startsWith('@')) return definition.variable;
  // An agent a factory builds and returns (`createDataAgent(model)`) is known by the factory.
  if (definition.factory) return definition.factory;
  return `${posix.basename(definition.path)}:${definition.evidence.line}`;
}

function subAgentKey(sourceLabel: string, definition: Definition): string {
  return `${sourceLabel}:sub-agent:${definition.path}#${nameOf(definition)}`;
}

function subAgentItem(identityKey: string, definition: Definition, parent: DiscoveredAgent, index: CodeIndex): DiscoveredAgent {
  const file = index.get(definition.path);
  const aliases = Object.assign({}, ...parent.codeFiles.map((path) => index.get(path)?.toolAliases ?? {})) as Record<string, string>;
  const holds = new Set(definition.tools.flatMap((tool) => [tool, ...(aliases[tool] ? [aliases[tool]] : [])]));
  // Every tool of a module handed over whole (`tools` from `import * as tools from '../tools'`): those defined there.
  if (definition.toolsModule) {
    const module = posix.join(posix.dirname(definition.path), definition.toolsModule);
    for (const tool of parent.tools) if (inModule(tool.evidence.path, module)) holds.add(tool.name);
  }
  const name = nameOf(definition);
  const evidence: Evidence = definition.evidence;
  return {
    identityKey,
    name,
    unit: { kind: 'sub-agent', name, path: definition.path },
    entryPoints: [definition.path],
    codeFiles: [definition.path],
    classification: 'agent',
    confidence: Math.min(parent.confidence, evidence.confidence),
    trigger: { kind: 'chained', schedule: null, description: `Run by ${parent.name}`, evidence },
    llm: modelsOf(definition, file?.llm ?? [], parent.llm),
    frameworks: file && file.frameworks.length > 0 ? file.frameworks : parent.frameworks,
    // A tool listed both by the variable or class it is handed over as and by its own name is shown once, by its name.
    tools: parent.tools.filter((tool, i, all) => holds.has(tool.name) && all.findIndex((other) => other.name === tool.name) === i && !(aliases[tool.name] && aliases[tool.name] !== tool.name && holds.has(aliases[tool.name]!) && all.some((other) => other.name === aliases[tool.name]))),
    capabilities: parent.capabilities.filter((capability) => capability.tool !== null && holds.has(capability.tool)),
    credentials: file?.credentials ?? [],
    endpoints: [],
    guardrails: file?.guardrails ?? [],
    packages: parent.packages,
    untrustedInputs: (parent.untrustedInputs ?? []).filter((input) => input.tool !== null && holds.has(input.tool)),
  };
}

/**
 * The models a sub-agent calls: those written inside the call that creates it (`new Agent({ model:
 * openai('gpt-4o-mini') })`); else, as the model is often built once and handed to every worker,
 * its file's, else the unit's.
 */
function modelsOf(definition: Definition, fileModels: readonly LlmUse[], unitModels: readonly LlmUse[]): LlmUse[] {
  const last = definition.endLine ?? definition.evidence.line;
  const own = fileModels.filter((use) => use.evidence.path === definition.path && use.evidence.line >= definition.evidence.line && use.evidence.line <= last);
  return [...(own.length > 0 ? own : fileModels.length > 0 ? fileModels : unitModels)];
}
