import type { Evidence } from '../../../shared/discovery';
import type { AgentDefinitionFinding } from '../findings';
import type { DefinitionShape } from './agent-definitions';
import type { CallSite, CodeModel, Scope, Value } from './code-model';
import type { FindingContext } from './finding-context';
import { lastSegment, listItemsOf, resolved } from './finding-context';

/**
 * The agent definitions of the agent SDKs that build one agent per constructor and wire several
 * through an argument: Google ADK (`sub_agents`), Agno (a Team's `members`, an AgentOS's
 * `agents`), Strands Agents, OpenAI Swarm (handoff functions that return another agent),
 * LlamaIndex (`can_handoff_to`, `AgentWorkflow`/`multiAgent` with a root agent), Semantic Kernel
 * agents and orchestrations, Microsoft Agent Framework agents and the AgentFunctionApp serving them,
 * the Vercel AI SDK's agent classes, VoltAgent (`subAgents`), Inngest AgentKit (a network's
 * `agents`) and Mastra (the agents and networks a `Mastra` app registers). They are read by the same
 * machinery as LangGraph's (agent-definitions.ts), so each agent becomes an item of its own once the
 * linker knows which unit runs its file (link/sub-agents.ts).
 */

/** The packages whose constructors are read here; a file importing none of them is not looked at. */
export const SDK_PACKAGES = /^(?:google\.adk(?:\.|$)|agno(?:\.|$)|phi\.(?:agent|assistant)|strands(?:\.|$)|swarm(?:\.|$)|llama_index\.core\.agent|semantic_kernel(?:\.|$)|agent_framework(?:\.|_|$)|@llamaindex\/workflow$|llamaindex$|@google\/adk$|ai$|@voltagent\/core$|@inngest\/agent-kit$|@mastra\/core(?:\/agent|\/mastra|\/network(?:\/vNext)?)?$)/;

export const SDK_SHAPES: DefinitionShape[] = [
  // Google ADK: `Agent(name="root_agent", model=..., tools=[...], sub_agents=[billing, refunds])`.
  { kind: 'adk-agent', rule: 'py.framework.google-adk', languages: 'python', callee: /^google\.adk\.agents(\.llm_agent)?\.(Agent|LlmAgent)$/, nameArgs: ['name'], membersArg: 'sub_agents', relation: 'sub-agent', toolsArg: 'tools' },
  // ADK workflow agents run their sub-agents in order, in parallel or in a loop, with no model of their own: wiring.
  { kind: 'adk-workflow', rule: 'py.framework.google-adk', languages: 'python', callee: /^google\.adk\.agents(\.\w+)?\.(SequentialAgent|ParallelAgent|LoopAgent)$/, nameArgs: ['name'], membersArg: 'sub_agents', relation: 'sub-agent' },
  { kind: 'adk-agent', rule: 'ts.framework.google-adk', languages: 'script', callee: /^@google\/adk\.(LlmAgent|Agent)$/, nameArgs: ['name'], membersArg: 'subAgents', relation: 'sub-agent', toolsArg: 'tools' },
  { kind: 'adk-workflow', rule: 'ts.framework.google-adk', languages: 'script', callee: /^@google\/adk\.(SequentialAgent|ParallelAgent|LoopAgent)$/, nameArgs: ['name'], membersArg: 'subAgents', relation: 'sub-agent' },
  // Agno: `Agent(name=..., model=OpenAIChat(...), tools=[...])`; a Team has a model of its own and runs its `members`.
  { kind: 'agno-agent', rule: 'py.framework.agno', languages: 'python', callee: /^(agno|phi)\.agent(\.agent)?\.Agent$/, nameArgs: ['name'], toolsArg: 'tools' },
  { kind: 'agno-team', rule: 'py.framework.agno', languages: 'python', callee: /^agno\.team(\.team)?\.Team$/, nameArgs: ['name'], membersArg: 'members', relation: 'sub-agent', toolsArg: 'tools' },
  // An AgentOS app serves its `agents` (and `teams`) over HTTP: wiring, like a crew.
  { kind: 'agent-os', rule: 'py.framework.agno', languages: 'python', callee: /^agno\.os(\.app)?\.AgentOS$/, nameArgs: ['name'], membersArg: 'agents', relation: 'sub-agent' },
  // Strands Agents: `Agent(model=..., tools=[...], name=...)`; a multi-agent Swarm runs its agents (wiring).
  { kind: 'strands-agent', rule: 'py.framework.strands', languages: 'python', callee: /^strands(\.agent(\.agent)?)?\.Agent$/, nameArgs: ['name', 'agent_id'], toolsArg: 'tools' },
  { kind: 'strands-swarm', rule: 'py.framework.strands', languages: 'python', callee: /^strands\.multiagent(\.swarm)?\.Swarm$/, nameArgs: [], membersArg: 'nodes', membersAt: 0, relation: 'sub-agent' },
  // OpenAI Swarm: `Agent(name=..., functions=[lookup, transfer_to_refunds])`; a function returning another agent is a handoff.
  { kind: 'swarm-agent', rule: 'py.framework.openai-swarm', languages: 'python', callee: /^swarm(\.types)?\.Agent$/, nameArgs: ['name'], toolsArg: 'functions' },
  // LlamaIndex: `FunctionAgent(name=..., tools=[...], can_handoff_to=["WriteAgent"])`, run by an `AgentWorkflow(agents=[...], root_agent=...)`.
  { kind: 'llamaindex-agent', rule: 'py.framework.llamaindex-agent', languages: 'python', callee: /^llama_index\.core\.agent(\.workflow)?\.(FunctionAgent|ReActAgent|CodeActAgent)$/, nameArgs: ['name'], membersArg: 'can_handoff_to', relation: 'handoff-to', toolsArg: 'tools' },
  { kind: 'llamaindex-workflow', rule: 'py.framework.llamaindex-agent', languages: 'python', callee: /^llama_index\.core\.agent(\.workflow)?\.AgentWorkflow$/, nameArgs: [], membersArg: 'agents', membersAt: 0, relation: 'sub-agent' },
  { kind: 'llamaindex-agent', rule: 'ts.framework.llamaindex-agent', languages: 'script', callee: /^(@llamaindex\/workflow|llamaindex)\.agent$/, nameArgs: ['name'], membersArg: 'canHandoffTo', relation: 'handoff-to', toolsArg: 'tools' },
  { kind: 'llamaindex-workflow', rule: 'ts.framework.llamaindex-agent', languages: 'script', callee: /^(@llamaindex\/workflow|llamaindex)\.multiAgent$/, nameArgs: [], membersArg: 'agents', relation: 'sub-agent' },
  // Semantic Kernel: `ChatCompletionAgent(service=..., name=..., plugins=[...])`; group chats and orchestrations run their agents.
  { kind: 'sk-agent', rule: 'py.framework.semantic-kernel', languages: 'python', callee: /^semantic_kernel\.agents(\.[\w.]+)?\.(ChatCompletionAgent|AzureAIAgent|OpenAIAssistantAgent|AzureAssistantAgent|OpenAIResponsesAgent)$/, nameArgs: ['name'], toolsArg: 'plugins' },
  { kind: 'sk-orchestration', rule: 'py.framework.semantic-kernel', languages: 'python', callee: /^semantic_kernel\.agents(\.[\w.]+)?\.(AgentGroupChat|SequentialOrchestration|ConcurrentOrchestration|HandoffOrchestration|GroupChatOrchestration|MagenticOrchestration)$/, nameArgs: ['name'], membersArg: 'members', relation: 'sub-agent' },
  // Microsoft Agent Framework: `chat_client.create_agent(name=..., tools=[...])` (`as_agent` in later releases),
  // `ChatAgent(chat_client=..., name=..., tools=[...])`; an AgentFunctionApp serves its `agents` on Azure Functions (wiring).
  { kind: 'maf-agent', rule: 'py.framework.microsoft-agent-framework', languages: 'python', callee: /^agent_framework(\.\w+)*\.\w*Client\(\)\.(create_agent|as_agent)$|^agent_framework(\.\w+)?\.ChatAgent$/, nameArgs: ['name'], toolsArg: 'tools' },
  { kind: 'maf-function-app', rule: 'py.framework.microsoft-agent-framework', languages: 'python', callee: /^agent_framework(\.\w+)*\.AgentFunctionApp$/, nameArgs: [], membersArg: 'agents', relation: 'sub-agent' },
  // Vercel AI SDK 5/6: `new Experimental_Agent({ model, tools, stopWhen })`. One given no tools makes a
  // single structured call (a chained component of whatever runs it), not an agent of its own.
  { kind: 'ai-sdk-agent', rule: 'ts.framework.vercel-ai-agent', languages: 'script', callee: /^ai\.(Experimental_Agent|ToolLoopAgent)$/, nameArgs: ['name', 'id'], toolsArg: 'tools', requiresTools: true },
  // VoltAgent: `new Agent({ name, model, tools, subAgents: [researcher, createSubagent({ agent: writer })] })`: a
  // supervisor delegates to its sub-agents through a tool it is given. The `VoltAgent` server serves the `agents` it
  // registers by key, each on its own route: wiring, like a Mastra app.
  { kind: 'voltagent-agent', rule: 'ts.framework.voltagent', languages: 'script', callee: /^@voltagent\/core\.Agent$/, nameArgs: ['name', 'id'], membersArg: 'subAgents', relation: 'sub-agent', toolsArg: 'tools' },
  { kind: 'voltagent-app', rule: 'ts.framework.voltagent', languages: 'script', callee: /^@voltagent\/core\.VoltAgent$/, nameArgs: [], relation: 'sub-agent' },
  // Inngest AgentKit: `createAgent({ name, system, tools })`; a network runs its `agents` (and a routing agent
  // as its `router`) in turns: wiring, like a crew.
  { kind: 'agentkit-agent', rule: 'ts.framework.inngest-agent-kit', languages: 'script', callee: /^@inngest\/agent-kit\.(createAgent|createRoutingAgent)$/, nameArgs: ['name'], toolsArg: 'tools' },
  { kind: 'agentkit-network', rule: 'ts.framework.inngest-agent-kit', languages: 'script', callee: /^@inngest\/agent-kit\.createNetwork$/, nameArgs: ['name'], membersArg: 'agents', relation: 'sub-agent' },
  // Mastra: `new Agent({ name, instructions, model, tools: { search } })`; an agent network routes between its `agents`
  // with a model of its own; the `Mastra` app `mastra dev`/`mastra start` serve registers `agents` (and networks) by key: wiring.
  { kind: 'mastra-agent', rule: 'ts.framework.mastra', languages: 'script', callee: /^@mastra\/core(\/agent)?\.Agent$/, nameArgs: ['name', 'id'], toolsArg: 'tools' },
  { kind: 'mastra-network', rule: 'ts.framework.mastra', languages: 'script', callee: /^@mastra\/core\/network(\/vNext)?\.(AgentNetwork|NewAgentNetwork)$/, nameArgs: ['name', 'id'], relation: 'sub-agent' },
  { kind: 'mastra-app', rule: 'ts.framework.mastra', languages: 'script', callee: /^@mastra\/core(\/mastra)?\.Mastra$/, nameArgs: [], relation: 'sub-agent' },
];

/** What runs several agents and is an agent only as the unit that runs it (see link/sub-agents.ts). */
export const SDK_WIRING_KINDS: ReadonlySet<AgentDefinitionFinding['kind']> = new Set(['adk-workflow', 'agent-os', 'strands-swarm', 'llamaindex-workflow', 'sk-orchestration', 'agentkit-network', 'maf-function-app', 'mastra-app', 'voltagent-app']);

/** Arguments beyond a shape's own members argument that list more agents the definition runs. */
const MORE_MEMBERS: Partial<Record<AgentDefinitionFinding['kind'], string[]>> = { 'agent-os': ['teams'], 'sk-orchestration': ['agents'] };
/** The argument naming one more agent the definition runs: an AgentKit network's routing agent (a router function names none). */
const ONE_MORE_MEMBER: Partial<Record<AgentDefinitionFinding['kind'], string>> = { 'agentkit-network': 'router' };
/** A member handed over inside a wrapper that says how it is run: `createSubagent({ agent: writer, method: 'generateText' })` (VoltAgent). */
const MEMBER_WRAPPER = /^@voltagent\/core\.createSubagent$/;
/** The arguments registering agents by key: `new Mastra({ agents: { billing, refunds }, vnext_networks: { desk } })`, `new VoltAgent({ agents: { desk } })`. */
const KEYED_MEMBERS: Partial<Record<AgentDefinitionFinding['kind'], string[]>> = { 'mastra-app': ['agents', 'networks', 'vnext_networks'], 'mastra-network': ['agents'], 'voltagent-app': ['agents'] };
/** What serves the agents it registers: serving one, it runs as that agent (a Mastra or VoltAgent app of one agent is that agent). */
const SERVES_ONE_AS_ITSELF: ReadonlySet<AgentDefinitionFinding['kind']> = new Set(['mastra-app', 'voltagent-app']);
/** The argument naming the agent a workflow starts with: that agent is the unit's own. */
const ENTRY_MEMBER: Partial<Record<AgentDefinitionFinding['kind'], string[]>> = { 'llamaindex-workflow': ['root_agent', 'rootAgent'] };
/** An agent handed to another as a tool: `AgentTool(agent=billing_agent)` (ADK). */
const AGENT_TOOL = /^google\.adk\.tools(\.agent_tool)?\.AgentTool$|^@google\/adk\.AgentTool$/;

/** A definition of a shape that needs tools to be an agent is kept only when it is given some. */
export function keepsDefinition(model: CodeModel, call: CallSite, shape: DefinitionShape): boolean {
  if (!shape.requiresTools) return true;
  const tools = resolved(model, shape.toolsArg ? call.named.get(shape.toolsArg) : undefined);
  if (tools?.kind === 'list') return tools.items.length > 0;
  // `tools: {}` gives none (a one-step summarizer); an object of spreads (`{ ...await mcp.tools() }`) lists none it gives.
  if (tools?.kind === 'object') return tools.entries.length > 0 || tools.partial === true;
  return tools !== undefined;
}

/**
 * What the shared reading (members argument, tools list) does not see: more member arguments, an
 * agent wrapped as a tool, the workflow's starting agent, a Swarm function that returns another
 * agent, and tools handed over as an object (`tools: { search, ...memoryTools }`).
 */
export function addSdkMembers(model: CodeModel, call: CallSite, definition: AgentDefinitionFinding, shape: DefinitionShape, memberOf: (value: Value | undefined) => string | null): void {
  const add = (variable: string | null, relation: 'sub-agent' | 'handoff-to') => {
    if (variable && !definition.members.some((m) => m.variable === variable && m.relation === relation)) definition.members.push({ variable, relation });
  };
  for (const arg of MORE_MEMBERS[definition.kind] ?? []) for (const item of listItemsOf(model, call.named.get(arg))) add(memberOf(item), 'sub-agent');
  const single = ONE_MORE_MEMBER[definition.kind];
  if (single && call.named.get(single)?.kind === 'ref') add(memberOf(call.named.get(single)), 'sub-agent');
  for (const item of listItemsOf(model, shape.membersArg ? call.named.get(shape.membersArg) : undefined)) {
    const wrapped = resolved(model, item);
    if (wrapped?.kind !== 'call' || !MEMBER_WRAPPER.test(wrapped.call.callee)) continue;
    add(memberOf(wrapped.call.named.get('agent')), 'sub-agent');
  }
  const keyedArgs = KEYED_MEMBERS[definition.kind] ?? [];
  const keyed = [...keyedArgs.flatMap((arg) => keyedMembers(model, call.named.get(arg), memberOf)), ...(keyedArgs.length > 0 ? spreadNamespaces(model, call) : [])];
  for (const variable of keyed) add(variable, 'sub-agent');
  if (SERVES_ONE_AS_ITSELF.has(definition.kind) && keyed.length === 1 && !keyed[0]!.startsWith(MODULE_MEMBER)) definition.entryMember = keyed[0]!;
  for (const arg of ENTRY_MEMBER[definition.kind] ?? []) {
    const entry = entryMemberOf(model, call.named.get(arg), memberOf);
    if (entry) definition.entryMember = entry;
  }
  const tools = shape.toolsArg ? call.named.get(shape.toolsArg) : undefined;
  for (const item of listItemsOf(model, tools)) {
    if (item.kind === 'call' && AGENT_TOOL.test(item.call.callee)) add(memberOf(item.call.named.get('agent') ?? item.call.args[0]), 'sub-agent');
    if (definition.kind === 'swarm-agent' && item.kind === 'ref') add(returnedAgent(model, item), 'handoff-to');
  }
  const toolsModule = tools?.kind === 'ref' ? namespaceImports(model).get(tools.name) : undefined;
  if (toolsModule) definition.toolsModule = toolsModule;
  const object = resolved(model, tools);
  if (object?.kind === 'object') {
    for (const entry of object.entries) {
      const name = entry.value.kind === 'ref' ? lastSegment(entry.value.name) : entry.key;
      if (!/^\.\.\./.test(entry.key) && !definition.tools.includes(name)) definition.tools.push(name);
    }
  }
}

/** A member standing for every agent a module exports: `module:./agents` (see link/sub-agents.ts). */
export const MODULE_MEMBER = 'module:';

/**
 * The agents registered by key: `{ billing, refunds: refundAgent }`, or a module of agents handed
 * over whole, which registers every agent it holds: a namespace import (`agents`), or a registry
 * object another module builds (`agents: mastraAgents` imported from './agents').
 */
function keyedMembers(model: CodeModel, value: Value | undefined, memberOf: (value: Value | undefined) => string | null): string[] {
  const whole = value?.kind === 'ref' ? (namespaceImports(model).get(value.name) ?? registryModule(model, value.name)) : undefined;
  if (whole) return [`${MODULE_MEMBER}${whole}`];
  const object = resolved(model, value);
  if (object?.kind !== 'object') return [];
  return object.entries.flatMap((entry) => (/^\.\.\./.test(entry.key) ? [] : (memberOf(entry.value) ?? [])));
}

/** `agents: { ...agents, ledger }`: a namespace import spread into the call (the object keeps no spread entries, so its text is read). */
function spreadNamespaces(model: CodeModel, call: CallSite): string[] {
  const namespaces = namespaceImports(model);
  const spread = [...model.text.slice(call.start, call.end).matchAll(/\.\.\.\s*([A-Za-z_$][\w$]*)/g)].flatMap((match) => namespaces.get(match[1]!) ?? []);
  return [...new Set(spread)].map((module) => `${MODULE_MEMBER}${module}`);
}

/** The relative module a name is imported from by name (`import { mastraAgents } from './agents'`), when the name is an object's, not an agent's: a plain name. */
function registryModule(model: CodeModel, name: string): string | undefined {
  return model.imports.find((imported) => imported.module.startsWith('.') && !imported.reExport && imported.names.includes(name))?.module;
}

/** `import * as agents from './agents'`: local name → module, for the relative modules of the file. */
function namespaceImports(model: CodeModel): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of model.text.matchAll(/\bimport\s+\*\s+as\s+([A-Za-z_$][\w$]*)\s+from\s+['"](\.[^'"]*)['"]/g)) found.set(match[1]!, match[2]!);
  return found;
}

/** `root_agent=research_agent.name`, `root_agent="ResearchAgent"`, `rootAgent: concierge`. */
function entryMemberOf(model: CodeModel, value: Value | undefined, memberOf: (value: Value | undefined) => string | null): string | null {
  if (value?.kind === 'ref' && /\.name$/.test(value.name)) return lastSegment(value.name.replace(/\.name$/, ''));
  const text = resolved(model, value);
  if (text?.kind === 'string' && !text.interpolated) return `name:${text.text}`;
  return memberOf(value);
}

/**
 * The agent a Swarm function of this file hands the conversation to: `def transfer_to_refunds():
 * return refunds_agent`. Only a bare name returned by a function of the same file counts; what a
 * function imported from elsewhere returns is not read (its agents are still the unit's).
 */
function returnedAgent(model: CodeModel, item: Extract<Value, { kind: 'ref' }>): string | null {
  const target = resolved(model, item);
  if (target?.kind !== 'definition' || target.scope.kind !== 'function') return null;
  const returns = bodyLines(model, target.scope).flatMap((line) => /^\s*return\s+([A-Za-z_][\w]*)\s*(?:#.*)?$/.exec(line)?.[1] ?? []);
  return returns.length === 1 ? returns[0]! : null;
}

/** The lines of a Python function's body: those after its `def` indented deeper than it. */
function bodyLines(model: CodeModel, scope: Scope): string[] {
  const header = model.lines[scope.line - 1] ?? '';
  const indent = /^\s*/.exec(header)![0].length;
  const body: string[] = [];
  for (let i = scope.line; i < model.lines.length; i++) {
    const line = model.lines[i]!;
    if (line.trim() === '') continue;
    if (/^\s*/.exec(line)![0].length <= indent) break;
    body.push(line);
  }
  return body;
}

/** A Swarm client's run (`client.run(agent=triage, ...)`) and the REPL helper (`run_demo_loop(triage)`). */
const SWARM_RUN = /^swarm(\.core)?\.Swarm\(\)\.run$|^swarm\.repl(\.repl)?\.run_demo_loop$/;

/**
 * The agents an SDK's run starts (the unit's root agent). When the run is handed the agent through
 * a parameter of a wrapper (`def run_demo(starting_agent): ... client.run(agent=agent)` called as
 * `run_demo(manager)`), the wrapper's callers name it.
 */
export function sdkAgentsRun(model: CodeModel): string[] {
  const run = new Set<string>();
  for (const call of model.calls) {
    if (!SWARM_RUN.test(call.callee)) continue;
    const agent = call.named.get('agent') ?? call.args[0];
    if (agent?.kind !== 'ref') continue;
    run.add(lastSegment(agent.name));
    const wrapper = enclosingFunction(call.scope);
    if (!wrapper) continue;
    for (const caller of model.calls) {
      if (caller.localName !== wrapper.name || caller.scope === wrapper) continue;
      for (const arg of [...caller.args, ...caller.named.values()]) if (arg.kind === 'ref') run.add(lastSegment(arg.name));
    }
  }
  return [...run];
}

function enclosingFunction(scope: Scope): Scope | null {
  for (let current: Scope | null = scope; current; current = current.parent) if (current.kind === 'function' && current.name) return current;
  return null;
}

/** ADK's loader convention: `adk web`, `adk run` and `adk deploy` serve the `root_agent` an app's agent.py defines. */
const ADK_ROOT = /^(?:root_agent|rootAgent)$/;
const ADK_ENTRY_RULE = 'code.entry-point.adk-root-agent';

/** An ADK app's agent module: it binds `root_agent` at module level to an agent it creates. */
export function adkRootAgentEntry(context: FindingContext, definitions: readonly AgentDefinitionFinding[]): Evidence | null {
  const rule = context.rules.entryPoint.find((candidate) => candidate.id === ADK_ENTRY_RULE);
  if (!rule) return null;
  const root = definitions.find((definition) => (definition.kind === 'adk-agent' || definition.kind === 'adk-workflow') && definition.variable !== null && ADK_ROOT.test(definition.variable) && definition.factory === null);
  return root ? context.evidence(root.evidence.line, rule) : null;
}
