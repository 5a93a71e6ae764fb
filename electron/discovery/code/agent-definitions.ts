import { makeEvidence } from '../evidence';
import type { AgentDefinitionFinding } from '../findings';
import type { CallSite, CodeModel, Value } from './code-model';
import { lastSegment, resolved } from './finding-context';

/**
 * The agents a file creates and how they are wired: a supervisor's workers, a swarm's agents,
 * handoff targets, the nodes of a graph. Each distinct agent becomes an item of its own once the
 * linker knows which unit runs the file (link/sub-agents.ts); here only the call shapes are read.
 *
 * The vocabulary is the constructors' own signatures (which argument lists the workers, which
 * names the agent), not a detection rule: whether the file is an agent at all is still decided by
 * the framework rules of the pack.
 */
interface DefinitionShape {
  kind: AgentDefinitionFinding['kind'];
  callee: RegExp;
  languages: 'python' | 'script';
  /** Arguments that name the agent, tried in order. */
  nameArgs: string[];
  /** The argument listing the agents it runs (or the first positional argument when `membersAt` says so). */
  membersArg?: string;
  membersAt?: number;
  relation?: 'sub-agent' | 'handoff-to';
  toolsArg?: string;
  toolsAt?: number;
}

const SHAPES: DefinitionShape[] = [
  { kind: 'react-agent', languages: 'python', callee: /^langgraph\.prebuilt\.create_react_agent$|^langchain\.agents\.create_agent$/, nameArgs: ['name'], toolsArg: 'tools', toolsAt: 1 },
  { kind: 'supervisor', languages: 'python', callee: /^langgraph_supervisor\.create_supervisor$/, nameArgs: ['supervisor_name'], membersArg: 'agents', membersAt: 0, relation: 'sub-agent', toolsArg: 'tools' },
  { kind: 'swarm', languages: 'python', callee: /^langgraph_swarm\.create_swarm$/, nameArgs: [], membersArg: 'agents', membersAt: 0, relation: 'sub-agent' },
  // OpenAI Agents SDK: `Agent(name=..., tools=[...], handoffs=[...])`.
  { kind: 'openai-agent', languages: 'python', callee: /^agents\.Agent$/, nameArgs: ['name'], membersArg: 'handoffs', relation: 'handoff-to', toolsArg: 'tools' },
  { kind: 'graph', languages: 'python', callee: /^langgraph\.graph\.(StateGraph|MessageGraph)$/, nameArgs: [] },
  { kind: 'react-agent', languages: 'script', callee: /^@langchain\/langgraph\/prebuilt\.createReactAgent$|^langchain\.createAgent$/, nameArgs: ['name'], toolsArg: 'tools' },
  { kind: 'supervisor', languages: 'script', callee: /^@langchain\/langgraph-supervisor\.createSupervisor$/, nameArgs: ['supervisorName'], membersArg: 'agents', relation: 'sub-agent', toolsArg: 'tools' },
  { kind: 'swarm', languages: 'script', callee: /^@langchain\/langgraph-swarm\.createSwarm$/, nameArgs: [], membersArg: 'agents', relation: 'sub-agent' },
  { kind: 'graph', languages: 'script', callee: /^@langchain\/langgraph\.(StateGraph|MessageGraph)$/, nameArgs: [] },
];

/** `builder.add_node("research", research_agent)`, `.addNode("research", researcher)`. */
const ADD_NODE = /\.(add_node|addNode)$/;
/** `handoff(agent)` and `agent.as_tool(...)`: another agent reached through a wrapper. */
const HANDOFF_WRAPPER = /^agents\.handoff$/;
const AS_TOOL = /\.as_tool$/;

export function findAgentDefinitions(model: CodeModel): AgentDefinitionFinding[] {
  const languages = model.language === 'python' ? 'python' : 'script';
  const shapes = SHAPES.filter((shape) => shape.languages === languages);
  const found: Array<{ call: CallSite; definition: AgentDefinitionFinding }> = [];
  for (const call of model.calls) {
    const shape = shapes.find((candidate) => candidate.callee.test(call.callee));
    if (!shape) continue;
    found.push({ call, definition: definitionOf(model, call, shape) });
  }
  // An agent created inline as a graph node or a worker (`agents=[create_react_agent(...)]`) has no
  // variable: it is named by its position so the definition that lists it can point at it.
  const inline = (call: CallSite) => found.find((f) => f.call === call);
  const memberOf = (value: Value | undefined): string | null => {
    if (value?.kind === 'ref') return lastSegment(value.name);
    if (value?.kind !== 'call') return null;
    const wrapped = value.call;
    if (HANDOFF_WRAPPER.test(wrapped.callee)) return memberOf(wrapped.args[0] ?? wrapped.named.get('agent'));
    // The callee is resolved through the variable (`agents.Agent().as_tool`): the variable is in the source.
    if (AS_TOOL.test(wrapped.callee)) return /^\s*(?:[\w.]+\.)?([A-Za-z_$][\w$]*)\s*\.\s*as_tool\b/.exec(model.text.slice(wrapped.start, wrapped.end))?.[1] ?? null;
    const created = inline(wrapped);
    if (!created) return null;
    created.definition.variable ??= `@${created.call.line}:${created.call.start}`;
    return created.definition.variable;
  };
  for (const { call, definition } of found) {
    const shape = shapes.find((candidate) => candidate.callee.test(call.callee))!;
    if (shape.membersArg || shape.membersAt !== undefined) {
      for (const item of listItems(model, argument(call, shape.membersArg, shape.membersAt))) {
        const variable = memberOf(item);
        if (variable) definition.members.push({ variable, relation: shape.relation ?? 'sub-agent' });
      }
    }
    // Agents handed over as tools (`agent.as_tool(...)`) are run by this one, not tools of their own.
    for (const item of listItems(model, argument(call, shape.toolsArg, shape.toolsAt))) {
      if (item.kind === 'call' && AS_TOOL.test(item.call.callee)) {
        const variable = memberOf(item);
        if (variable) definition.members.push({ variable, relation: 'sub-agent' });
      } else if (item.kind === 'ref') definition.tools.push(lastSegment(item.name));
    }
  }
  for (const { call, definition } of found.filter((f) => f.definition.kind === 'graph')) {
    for (const node of model.calls.filter((site) => ADD_NODE.test(site.callee) && site.callee.startsWith(call.symbol.replace(/\(.*$/, '')))) {
      const target = node.args.length > 1 ? node.args[1] : node.args[0];
      const variable = memberOf(target);
      if (variable && !definition.members.some((m) => m.variable === variable)) definition.members.push({ variable, relation: 'sub-agent' });
    }
  }
  return found.map((f) => f.definition);
}

function definitionOf(model: CodeModel, call: CallSite, shape: DefinitionShape): AgentDefinitionFinding {
  // `graph = create_supervisor(...).compile(name="support")`: the compiled graph carries the variable and may carry the name.
  const compile = model.calls.find((site) => site.callee === `${call.symbol}.compile` && site.start <= call.start && site.end >= call.end);
  const name = [...shape.nameArgs.map((arg) => call.named.get(arg)), compile?.named.get('name'), shape.kind === 'openai-agent' ? call.args[0] : undefined]
    .map((value) => literal(model, value))
    .find((text) => text !== null) ?? null;
  return {
    kind: shape.kind,
    name,
    variable: call.boundTo ?? compile?.boundTo ?? null,
    members: [],
    tools: [],
    evidence: makeEvidence(model.path, call.line, model.lines[call.line - 1] ?? '', `code.agent-definition.${shape.kind}`, 0.9),
  };
}

function argument(call: CallSite, name: string | undefined, position: number | undefined): Value | undefined {
  return (name ? call.named.get(name) : undefined) ?? (position !== undefined ? call.args[position] : undefined);
}

/** The items of a list argument, following `tools=TOOLS` to the list it names. */
function listItems(model: CodeModel, value: Value | undefined): Value[] {
  const list = resolved(model, value);
  return list?.kind === 'list' ? list.items : [];
}

function literal(model: CodeModel, value: Value | undefined): string | null {
  const text = resolved(model, value);
  return text?.kind === 'string' && !text.interpolated && text.text.trim() !== '' && text.text.length <= 80 ? text.text : null;
}
