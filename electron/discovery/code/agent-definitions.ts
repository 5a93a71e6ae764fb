import { makeEvidence } from '../evidence';
import type { AgentDefinitionFinding } from '../findings';
import type { RuleBase } from '../rules/rule';
import type { CallSite, CodeModel, Value } from './code-model';
import { factoryOf, lastSegment, listItemsOf, nameLiteral, resolved } from './finding-context';
import { ag2Definitions } from './ag2-agent-shapes';
import { durableObjectAgents } from './durable-object-agents';
import { FRAMEWORK_PACKAGES, FRAMEWORK_SHAPES, implicitMembers, instanceTool, managedAgentOf, refineFrameworkDefinition, registeredAgents, viaFactoryMethod } from './framework-agent-shapes';
import { addSdkMembers, keepsDefinition, SDK_PACKAGES, SDK_SHAPES, sdkAgentsRun } from './sdk-agent-shapes';

/**
 * The agents a file creates and how they are wired: a supervisor's workers, a swarm's agents,
 * handoff targets, the nodes of a graph. Each distinct agent becomes an item of its own once the
 * linker knows which unit runs the file (link/sub-agents.ts); here only the call shapes are read.
 *
 * The vocabulary is the constructors' own signatures (which argument lists the workers, which
 * names the agent); each shape is evidence for the framework rule of the pack that detects the
 * constructor, so a workspace that turns that rule off turns this reading off too.
 */
export interface DefinitionShape {
  kind: AgentDefinitionFinding['kind'];
  /** The framework rule of the pack the definition is evidence for: turning it off turns this reading off. */
  rule: string;
  callee: RegExp;
  languages: 'python' | 'script';
  /** Arguments that name the agent, tried in order. */
  nameArgs: string[];
  /** The positional argument naming the agent when no named one does (`AssistantAgent("planner", ...)`). */
  nameAt?: number;
  /** The argument listing the agents it runs (or the first positional argument when `membersAt` says so). */
  membersArg?: string;
  membersAt?: number;
  relation?: 'sub-agent' | 'handoff-to';
  toolsArg?: string;
  toolsAt?: number;
  /** Only an agent when given tools (with none it is one structured model call). */
  requiresTools?: boolean;
}

const SHAPES: DefinitionShape[] = [
  { kind: 'react-agent', rule: 'py.framework.langgraph', languages: 'python', callee: /^langgraph\.prebuilt(\.chat_agent_executor)?\.create_react_agent$|^langchain\.agents\.create_agent$/, nameArgs: ['name'], toolsArg: 'tools', toolsAt: 1 },
  { kind: 'supervisor', rule: 'py.framework.langgraph', languages: 'python', callee: /^langgraph_supervisor\.create_supervisor$/, nameArgs: ['supervisor_name'], membersArg: 'agents', membersAt: 0, relation: 'sub-agent', toolsArg: 'tools' },
  { kind: 'swarm', rule: 'py.framework.langgraph', languages: 'python', callee: /^langgraph_swarm\.create_swarm$/, nameArgs: [], membersArg: 'agents', membersAt: 0, relation: 'sub-agent' },
  // OpenAI Agents SDK: `Agent(name=..., tools=[...], handoffs=[...])`, also typed `Agent[Context](...)`.
  { kind: 'openai-agent', rule: 'py.framework.openai-agents', languages: 'python', callee: /^agents\.Agent(\[\])?$/, nameArgs: ['name'], membersArg: 'handoffs', relation: 'handoff-to', toolsArg: 'tools' },
  { kind: 'graph', rule: 'py.framework.langgraph-graph', languages: 'python', callee: /^langgraph\.graph\.(StateGraph|MessageGraph)$/, nameArgs: [] },
  { kind: 'react-agent', rule: 'ts.framework.langgraph', languages: 'script', callee: /^@langchain\/langgraph\/prebuilt\.createReactAgent$|^langchain\.createAgent$/, nameArgs: ['name'], toolsArg: 'tools' },
  { kind: 'supervisor', rule: 'ts.framework.langgraph', languages: 'script', callee: /^@langchain\/langgraph-supervisor\.createSupervisor$/, nameArgs: ['supervisorName'], membersArg: 'agents', relation: 'sub-agent', toolsArg: 'tools' },
  { kind: 'swarm', rule: 'ts.framework.langgraph', languages: 'script', callee: /^@langchain\/langgraph-swarm\.createSwarm$/, nameArgs: [], membersArg: 'agents', relation: 'sub-agent' },
  { kind: 'graph', rule: 'ts.framework.langgraph-graph', languages: 'script', callee: /^@langchain\/langgraph\.(StateGraph|MessageGraph)$/, nameArgs: [] },
  ...FRAMEWORK_SHAPES,
  ...SDK_SHAPES,
];

/** A Cloudflare Agents SDK class: read by durable-object-agents.ts from the class, not from a constructor call. */
const DURABLE_OBJECT_AGENT: DefinitionShape = { kind: 'cloudflare-agent', rule: 'ts.framework.cloudflare-agents', languages: 'script', callee: /$^/, nameArgs: [] };

/** `builder.add_node("research", research_agent)`, `.addNode("research", researcher)`. */
const ADD_NODE = /\.(add_node|addNode)$/;
/** `handoff(agent)` and `agent.as_tool(...)`: another agent reached through a wrapper. */
const HANDOFF_WRAPPER = /^agents\.handoff$/;
const AS_TOOL = /\.as_tool$/;
/** A swarm agent's tool that hands the conversation to a peer by name: `create_handoff_tool(agent_name="bob")`. */
const HANDOFF_TOOL = /^langgraph_swarm\.create_handoff_tool$|^@langchain\/langgraph-swarm\.createHandoffTool$/;

/** The packages whose constructors are read: a file importing none of them is not looked at. */
const DEFINING_PACKAGES = new RegExp(`^(langgraph|langchain|agents$|agents\\.|@langchain\\/|@cloudflare\\/ai-chat$)|${FRAMEWORK_PACKAGES.source}|^(autogen|ag2)(\\.|$)|${SDK_PACKAGES.source}`);

export function findAgentDefinitions(model: CodeModel, frameworkRules: readonly RuleBase[]): AgentDefinitionFinding[] {
  if (!model.imports.some((fact) => DEFINING_PACKAGES.test(fact.module))) return [];
  const languages = model.language === 'python' ? 'python' : 'script';
  const enabled = new Map(frameworkRules.map((rule) => [rule.id, rule]));
  const shapes = SHAPES.filter((shape) => shape.languages === languages && enabled.has(shape.rule));
  const found: Array<{ call: CallSite; definition: AgentDefinitionFinding; shape: DefinitionShape }> = [];
  for (const call of model.calls) {
    const shape = shapes.find((candidate) => candidate.callee.test(call.callee));
    if (!shape || !keepsDefinition(model, call, shape)) continue;
    found.push({ call, definition: refineFrameworkDefinition(model, call, definitionOf(model, call, shape, enabled.get(shape.rule)!)), shape });
  }
  if (languages === 'python') found.push(...registeredAgents(model, enabled), ...ag2Definitions(model, enabled));
  else found.push(...durableObjectAgents(model, enabled).map((agent) => ({ ...agent, shape: DURABLE_OBJECT_AGENT })));
  // An agent created inline as a graph node or a worker (`agents=[create_react_agent(...)]`) has no
  // variable: it is named by its position so the definition that lists it can point at it.
  const inline = (call: CallSite) => found.find((f) => f.call === call);
  const memberOf = (value: Value | undefined): string | null => {
    const managed = managedAgentOf(model, value);
    if (managed) return memberOf(managed);
    if (value?.kind === 'ref') return lastSegment(value.name);
    // An AutoGen Swarm agent hands off to a peer by its name: `handoffs=["refunds"]`.
    if (value?.kind === 'string' && !value.interpolated) return `name:${value.text}`;
    if (value?.kind !== 'call') return null;
    const wrapped = value.call;
    if (HANDOFF_WRAPPER.test(wrapped.callee)) return memberOf(wrapped.args[0] ?? wrapped.named.get('agent'));
    // The callee is resolved through the variable (`agents.Agent().as_tool`): the variable is in the source.
    if (AS_TOOL.test(wrapped.callee)) return /^\s*(?:[\w.]+\.)?([A-Za-z_$][\w$]*)\s*\.\s*as_tool\b/.exec(model.text.slice(wrapped.start, wrapped.end))?.[1] ?? null;
    const created = inline(wrapped);
    // `agents=[self.researcher()]`: a CrewAI agent built by a method of the crew's class.
    if (!created) return wrapped.localName;
    created.definition.variable ??= `@${created.call.line}:${created.call.start}`;
    return created.definition.variable;
  };
  for (const { call, definition, shape } of found) {
    if (shape.membersArg || shape.membersAt !== undefined) {
      const members = argument(call, shape.membersArg, shape.membersAt);
      for (const item of listItemsOf(model, members)) {
        for (const variable of [memberOf(item), viaFactoryMethod(model, definition, item)]) {
          if (variable && !definition.members.some((m) => m.variable === variable && m.relation === (shape.relation ?? 'sub-agent'))) definition.members.push({ variable, relation: shape.relation ?? 'sub-agent' });
        }
      }
      for (const variable of implicitMembers(model, call, definition, members, found)) definition.members.push({ variable, relation: shape.relation ?? 'sub-agent' });
    }
    // Agents handed over as tools (`agent.as_tool(...)`) are run by this one, not tools of their own;
    // a swarm's handoff tool names the peer it hands over to.
    for (const item of listItemsOf(model, argument(call, shape.toolsArg, shape.toolsAt))) {
      const handoff = handoffTarget(model, item);
      if (handoff) definition.members.push({ variable: `name:${handoff}`, relation: 'handoff-to' });
      else if (item.kind === 'call' && AS_TOOL.test(item.call.callee)) {
        const variable = memberOf(item);
        if (variable) definition.members.push({ variable, relation: 'sub-agent' });
      } else if (item.kind === 'ref') definition.tools.push(lastSegment(item.name));
      else if (item.kind === 'call' && instanceTool(definition, item.call)) definition.tools.push(instanceTool(definition, item.call)!);
    }
    addSdkMembers(model, call, definition, shape, memberOf);
  }
  const graphs = found.filter((f) => f.definition.kind === 'graph');
  for (const { call, definition } of graphs) {
    const compiledAs = compiledVariable(model, call);
    if (compiledAs && compiledAs !== definition.variable) {
      if (definition.variable === null) definition.variable = compiledAs;
      else definition.compiledAs = compiledAs;
    }
  }
  for (const { call, definition } of graphs) {
    for (const node of graphNodeSites(model, call, graphs.map((g) => g.call))) {
      const target = node.args.length > 1 ? node.args[1] : node.args[0];
      const variable = memberOf(target);
      if (variable && !definition.members.some((m) => m.variable === variable)) definition.members.push({ variable, relation: 'sub-agent' });
    }
  }
  return found.map((f) => f.definition);
}

/**
 * The `add_node` calls of one graph. With several graphs in a file (two deployments langgraph.json
 * names in the same module) a node belongs to the builder it is called on (`refund_builder.add_node`)
 * or to the chain it is part of (`new StateGraph(…).addNode(…)`), not to every graph of the file.
 */
function graphNodeSites(model: CodeModel, graph: CallSite, graphs: readonly CallSite[]): CallSite[] {
  const prefix = graph.symbol.replace(/\(.*$/, '');
  const sites = model.calls.filter((site) => ADD_NODE.test(site.callee) && site.callee.startsWith(prefix));
  if (graphs.length < 2) return sites;
  const owner = (site: CallSite) => graphs.find((g) => (site.start <= g.start && site.end >= g.end) || (g.boundTo !== null && receiverOf(model, site) === g.boundTo));
  return sites.filter((site) => {
    const found = owner(site);
    return found === undefined || found === graph;
  });
}

/** The identifier a method is called on (`refund_builder.add_node(…)` → "refund_builder"), or null for a chain or an attribute path. */
function receiverOf(model: CodeModel, call: CallSite): string | null {
  return /^\s*([A-Za-z_$][\w$]*)\s*\.\s*[A-Za-z_$][\w$]*\s*\(/.exec(model.text.slice(call.start, call.end))?.[1] ?? null;
}

/**
 * The variable a graph builder is compiled into: `lookup = lookup_builder.compile()`, or a chain
 * `export const digest = new StateGraph(…).addNode(…).compile()`. langgraph.json names that variable.
 */
function compiledVariable(model: CodeModel, graph: CallSite): string | null {
  const compiles = model.calls.filter((site) => /\.compile$/.test(site.callee) && site.boundTo !== null);
  const chained = compiles.find((site) => site.start <= graph.start && site.end >= graph.end);
  if (chained) return chained.boundTo;
  if (graph.boundTo === null) return null;
  return compiles.find((site) => receiverOf(model, site) === graph.boundTo)?.boundTo ?? null;
}

/** `Runner.run(triage, ...)` (OpenAI Agents SDK), `run(agent, ...)` (JS SDK). */
const RUNNER = /^agents\.Runner\.(run|run_sync|run_streamed)$|^@openai\/agents\.(run|Runner\(\)\.run)$/;
/** `graph.invoke(...)`, `await app.astream(...)`: a compiled graph or agent started by this code. */
const INVOKE = /\.(invoke|ainvoke|stream|astream|stream_events|astream_events|streamEvents|batch|abatch)$/;

/**
 * The variables of agents this file starts (`Runner.run_sync(triage, ...)`, `graph.invoke(...)`):
 * the agent a unit runs is its root, whatever else its code defines.
 */
export function findAgentsRun(model: CodeModel): string[] {
  if (!model.imports.some((fact) => DEFINING_PACKAGES.test(fact.module))) return [];
  const run = new Set<string>();
  for (const call of model.calls) {
    if (RUNNER.test(call.callee)) {
      const first = call.args[0] ?? call.named.get('starting_agent');
      if (first?.kind === 'ref') run.add(lastSegment(first.name));
    } else if (INVOKE.test(call.callee)) {
      const receiver = /^\s*(?:await\s+)?(?:[\w$]+\.)*?([A-Za-z_$][\w$]*)\s*\.\s*\w+\s*\(/.exec(model.text.slice(call.start, call.end))?.[1];
      if (receiver && !['self', 'this', 'cls'].includes(receiver)) run.add(receiver);
    }
  }
  for (const name of sdkAgentsRun(model)) run.add(name);
  return [...run];
}

function definitionOf(model: CodeModel, call: CallSite, shape: DefinitionShape, rule: RuleBase): AgentDefinitionFinding {
  // `graph = create_supervisor(...).compile(name="support")`: the compiled graph carries the variable and may carry the name.
  const compile = model.calls.find((site) => site.callee === `${call.symbol}.compile` && site.start <= call.start && site.end >= call.end);
  const name = [...shape.nameArgs.map((arg) => call.named.get(arg)), compile?.named.get('name'), shape.kind === 'openai-agent' ? call.args[0] : undefined, shape.nameAt !== undefined ? call.args[shape.nameAt] : undefined]
    .map((value) => nameLiteral(model, value))
    .find((text) => text !== null) ?? null;
  return {
    kind: shape.kind,
    name,
    variable: call.boundTo ?? compile?.boundTo ?? null,
    factory: factoryOf(call),
    members: [],
    tools: [],
    evidence: makeEvidence(model.path, call.line, model.lines[call.line - 1] ?? '', rule.id, rule.confidence),
    ...endLineOf(model, call),
  };
}

/** `{ endLine }` of a call written over several lines, else nothing. */
function endLineOf(model: CodeModel, call: CallSite): { endLine?: number } {
  let line = call.line;
  for (let i = model.text.indexOf('\n', call.start); i !== -1 && i < call.end; i = model.text.indexOf('\n', i + 1)) line++;
  return line > call.line ? { endLine: line } : {};
}

/** The peer a swarm handoff tool (written inline or bound to a variable) names. */
function handoffTarget(model: CodeModel, item: Value): string | null {
  const value = resolved(model, item);
  if (value?.kind !== 'call' || !HANDOFF_TOOL.test(value.call.callee)) return null;
  return nameLiteral(model, value.call.named.get('agent_name') ?? value.call.named.get('agentName') ?? value.call.args[0]);
}

function argument(call: CallSite, name: string | undefined, position: number | undefined): Value | undefined {
  return (name ? call.named.get(name) : undefined) ?? (position !== undefined ? call.args[position] : undefined);
}

