import { makeEvidence } from '../evidence';
import type { AgentDefinitionFinding } from '../findings';
import type { RuleBase } from '../rules/rule';
import type { DefinitionShape } from './agent-definitions';
import type { CallSite, CodeModel, Scope, Value } from './code-model';
import { lastSegment, listItemsOf, nameLiteral, resolved } from './finding-context';
import { importedConstant } from './module-constants';

/**
 * The agent definitions of CrewAI, smolagents and AutoGen, read with the same machinery as
 * LangGraph's and the OpenAI Agents SDK's (agent-definitions.ts): each agent is its own
 * definition, and what runs several of them (a crew, a manager agent, a team) lists them as
 * members, so the linker gives each agent an item of its own linked to what runs it.
 *
 * A crew (and an AutoGen team) is wiring, like a graph: the unit that kicks it off is its item,
 * and its agents are that unit's sub-agents. A smolagents manager is an agent itself (it has its
 * own model), with its managed agents as sub-agents.
 */

/** The packages whose constructors are read here; a file importing none of them is not looked at. */
export const FRAMEWORK_PACKAGES = /^(crewai|smolagents|autogen_agentchat|autogen_core)(\.|$)/;

export const FRAMEWORK_SHAPES: DefinitionShape[] = [
  // CrewAI: `Agent(role="Researcher", goal=..., tools=[...])`, or `Agent(config=self.agents_config["researcher"])` in an `@agent` method.
  { kind: 'crewai-agent', rule: 'py.framework.crewai', languages: 'python', callee: /^crewai\.Agent$/, nameArgs: ['role'], toolsArg: 'tools' },
  // `Crew(agents=[...], tasks=[...])`; `manager_agent=` is one more agent the crew runs.
  { kind: 'crew', rule: 'py.framework.crewai', languages: 'python', callee: /^crewai\.Crew$/, nameArgs: ['name'], membersArg: 'agents', relation: 'sub-agent' },
  // smolagents: `CodeAgent(tools=[...], model=model, name="web_agent", managed_agents=[...])`.
  { kind: 'smolagents-agent', rule: 'py.framework.smolagents', languages: 'python', callee: /^smolagents(\.agents)?\.(CodeAgent|ToolCallingAgent)$/, nameArgs: ['name'], membersArg: 'managed_agents', relation: 'sub-agent', toolsArg: 'tools' },
  // AutoGen AgentChat: `AssistantAgent("planner", model_client=..., tools=[...], handoffs=["refunds"])`.
  { kind: 'autogen-agent', rule: 'py.framework.autogen', languages: 'python', callee: /^autogen_agentchat\.agents\.AssistantAgent$/, nameArgs: ['name'], nameAt: 0, membersArg: 'handoffs', relation: 'handoff-to', toolsArg: 'tools' },
  // `RoundRobinGroupChat([writer, critic])`, `SelectorGroupChat(participants=[...])`, `Swarm([...])`.
  {
    kind: 'autogen-team',
    rule: 'py.framework.autogen',
    languages: 'python',
    callee: /^autogen_agentchat\.teams\.(RoundRobinGroupChat|SelectorGroupChat|Swarm|MagenticOneGroupChat)$/,
    nameArgs: ['name'],
    membersArg: 'participants',
    membersAt: 0,
    relation: 'sub-agent',
  },
];

/** AutoGen Core: `await AIAgent.register(runtime, type="SalesAgent", factory=lambda: AIAgent(model_client=..., tools=[...]))`. */
const REGISTER = /\.register$/;
const REGISTERED: DefinitionShape = { kind: 'autogen-agent', rule: 'py.framework.autogen', languages: 'python', callee: REGISTER, nameArgs: ['type'] };
/** The argument that makes a registered agent a model's: an agent built without one (a user proxy, a history keeper) is not an LLM agent. */
const MODEL_CLIENT = 'model_client';

/**
 * Names and variables the constructor's own arguments do not give. A CrewAI agent built in an
 * `@agent` method is named by its config key (`self.agents_config["researcher"]`), else the
 * method, and is known by the method (`Crew(agents=[self.researcher()])`, `self.agents`); a crew
 * built in a `@crew` method is known by its class (what `from crew import ResearchCrew` names).
 */
export function refineFrameworkDefinition(model: CodeModel, call: CallSite, definition: AgentDefinitionFinding): AgentDefinitionFinding {
  if (definition.kind !== 'crewai-agent' && definition.kind !== 'crew') return definition;
  const method = enclosingMethod(call.scope);
  if (definition.kind === 'crewai-agent') {
    definition.name ??= /\bagents_config\s*\[\s*['"]([\w.-]+)['"]\s*\]/.exec(model.text.slice(call.start, call.end))?.[1] ?? method?.name ?? null;
    definition.variable ??= method?.name ?? null;
  } else {
    definition.variable ??= method?.parent?.name || null;
  }
  return definition;
}

/**
 * A crew's member bound to what a factory method returned (`coordinator = agents.scheduling_coordinator(tools)`,
 * the agent built in another file's `def scheduling_coordinator(self, tools)`): the method names it.
 */
export function viaFactoryMethod(model: CodeModel, definition: AgentDefinitionFinding, item: Value): string | null {
  if (definition.kind !== 'crew' || item.kind !== 'ref') return null;
  const value = resolved(model, item);
  return value?.kind === 'call' ? lastSegment(value.call.callee.replace(/\([^()]*\)/g, '')) : null;
}

/**
 * Members the argument names without listing them: a `@CrewBase` crew's `agents=self.agents`
 * (every `@agent` of its class), a smolagents manager's `managed_agents=list(agents.values())`
 * (smolagents requires a managed agent to be named: the named agents of the file).
 */
export function implicitMembers(
  model: CodeModel,
  call: CallSite,
  definition: AgentDefinitionFinding,
  members: Value | undefined,
  found: ReadonlyArray<{ call: CallSite; definition: AgentDefinitionFinding }>,
): string[] {
  // A hierarchical crew's `manager_agent=lead` (or `=self.manager()`) is one more agent the crew runs: it delegates the tasks to the others.
  const manager = definition.kind === 'crew' ? call.named.get('manager_agent') : undefined;
  const managed = manager?.kind === 'ref' ? [lastSegment(manager.name)] : manager?.kind === 'call' && manager.call.localName ? [manager.call.localName] : [];
  if (definition.kind === 'crew' && members?.kind === 'ref' && /^self\.agents$/.test(members.name)) {
    const crewClass = enclosingMethod(call.scope)?.parent;
    return found
      .filter((f) => f.definition.kind === 'crewai-agent' && crewClass && enclosingMethod(f.call.scope)?.parent === crewClass && f.definition.variable)
      .map((f) => f.definition.variable!)
      .concat(managed);
  }
  if (definition.kind === 'smolagents-agent' && members !== undefined && resolved(model, members)?.kind !== 'list') {
    return found
      .filter((f) => f.definition !== definition && f.definition.kind === 'smolagents-agent' && f.definition.name !== null)
      .map((f) => (f.definition.variable ??= `@${f.call.line}:${f.call.start}`));
  }
  return managed;
}

/** smolagents before 1.8 wrapped a managed agent: `ManagedAgent(agent=web_agent, name="search", description=...)`. */
const MANAGED_AGENT = /^smolagents(\.agents)?\.ManagedAgent$/;

/** The agent a `ManagedAgent(...)` wrapper (written inline or bound to a variable) hands to its manager, else undefined. */
export function managedAgentOf(model: CodeModel, value: Value | undefined): Value | undefined {
  const wrapper = value?.kind === 'ref' ? resolved(model, value) : value;
  if (wrapper?.kind !== 'call' || !MANAGED_AGENT.test(wrapper.call.callee)) return undefined;
  return wrapper.call.named.get('agent') ?? wrapper.call.args[0];
}

/**
 * A tool handed over as an instance of its class (`tools=[FetchPageTool(), SerperDevTool(n_results=8)]`,
 * the usual way with CrewAI's and smolagents' class tools, and Agno's toolkits: `tools=[DuckDuckGoTools()]`):
 * the class names it, as the file defining it does.
 */
export function instanceTool(definition: AgentDefinitionFinding, call: CallSite): string | null {
  if (!INSTANCE_TOOL_KINDS.has(definition.kind)) return null;
  const name = lastSegment(call.callee.replace(/\([^()]*\)/g, ''));
  return /^[A-Z]/.test(name) ? name : null;
}

const INSTANCE_TOOL_KINDS: ReadonlySet<AgentDefinitionFinding['kind']> = new Set(['crewai-agent', 'smolagents-agent', 'autogen-agent', 'agno-agent', 'agno-team']);

/** AutoGen Core agents registered on a runtime with a factory that gives them a model client. */
export function registeredAgents(model: CodeModel, enabled: ReadonlyMap<string, RuleBase>): Array<{ call: CallSite; definition: AgentDefinitionFinding; shape: DefinitionShape }> {
  const rule = enabled.get(REGISTERED.rule);
  if (!rule || !model.imports.some((fact) => /^autogen_core(\.|$)/.test(fact.module))) return [];
  const registered: Array<{ call: CallSite; definition: AgentDefinitionFinding; shape: DefinitionShape }> = [];
  for (const call of model.calls) {
    if (!REGISTER.test(call.callee)) continue;
    const factory = resolved(model, call.named.get('factory') ?? call.args[2]);
    if (factory?.kind !== 'definition') continue;
    const built = model.calls.find((site) => site.scope === factory.scope && site.named.has(MODEL_CLIENT));
    if (!built) continue;
    const tools = listItemsOf(model, built.named.get('tools')).flatMap((tool) => (tool.kind === 'ref' ? [lastSegment(tool.name)] : []));
    const type = call.named.get('type') ?? call.args[1];
    const name = nameLiteral(model, type);
    const nameFrom = name === null ? importedConstant(model, type) : null;
    registered.push({
      call,
      shape: REGISTERED,
      definition: {
        kind: 'autogen-agent',
        name,
        ...(nameFrom ? { nameFrom } : {}),
        variable: call.boundTo,
        factory: null,
        members: [],
        tools,
        // The agent's construction (with its model client and tools) is the evidence: the tools it is handed are bound there.
        evidence: makeEvidence(model.path, built.line, model.lines[built.line - 1] ?? '', rule.id, rule.confidence),
      },
    });
  }
  return registered;
}

/** The method (a function directly in a class) the call is made in, or null. */
function enclosingMethod(scope: Scope): Scope | null {
  for (let current: Scope | null = scope; current; current = current.parent) {
    if (current.kind === 'function' && current.parent?.kind === 'class') return current;
  }
  return null;
}

