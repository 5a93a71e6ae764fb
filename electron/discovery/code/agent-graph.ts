import type { Evidence } from '../../../shared/discovery';
import type { CallSite, CodeModel, Value } from './code-model';
import { literalText, resolved } from './finding-context';
import type { FindingContext } from './finding-context';
import type { ToolAnalysis } from './tools';
import { isPossiblyLocalTypeScriptModule } from './typescript';

/**
 * The agents an OpenAI Agents SDK (JavaScript) file defines and how they are wired: each
 * `new Agent({...})`, `Agent.create({...})` or `new RealtimeAgent({...})` with its name, tools
 * and handoffs, handoffs added later (`(agent.handoffs as any).push(a, b)`), and the agents the
 * file runs (`run(agent, input)`, `new RealtimeSession(agent)`). Agents are often defined in one
 * file and wired in another, so names that come from a local module stay references the linker
 * resolves (link/agent-graph-links.ts).
 */

/** An agent or tool as the code names it: a binding of this file, or an export of a local module. */
export type AgentRef = { local: string } | { module: string; exported: string };

/** A tool an agent holds: a tool named here, or a binding that may be a tool elsewhere. */
export type ToolRef = { tool: string } | AgentRef;

export interface AgentDefinitionFact {
  /** The `name:` literal, else the binding. */
  name: string;
  /** The variable it is stored in (`export const triageAgent = new Agent(...)`). */
  binding: string | null;
  tools: ToolRef[];
  /** Agents handed over as tools (`spanishAgent.asTool({...})`): they run as its sub-agents. */
  agentTools: AgentRef[];
  handoffs: AgentRef[];
  evidence: Evidence;
}

export interface AgentGraphFacts {
  definitions: AgentDefinitionFact[];
  /** Handoffs added after construction. */
  handoffPushes: Array<{ target: AgentRef; handoffs: AgentRef[] }>;
  /** Agents this file runs: the root of the graph a unit runs. */
  runs: AgentRef[];
  /** Binding -> tool name, for tools other files list by their binding. */
  toolNames: Record<string, string>;
}

/** The SDK's packages: the agents package, its realtime entry and the split packages. */
const SDK = String.raw`@openai/(?:agents|agents-core|agents/realtime|agents-realtime)`;
const AGENT_CONSTRUCTOR = new RegExp(`^${SDK}\\.(?:Agent|Agent\\.create|RealtimeAgent)$`);
const RUNS_AGENT = new RegExp(`^${SDK}\\.(?:run|Runner\\(\\)\\.run|RealtimeSession)$`);
const HANDOFF_WRAPPER = new RegExp(`^${SDK}\\.handoff$`);
/** The rule whose evidence the facts carry: disabling it turns this reading off. */
const RULE_ID = 'ts.framework.openai-agents';

export function findAgentGraph(context: FindingContext, tools: ToolAnalysis): AgentGraphFacts | null {
  const { model } = context;
  const rule = context.rules.framework.find((candidate) => candidate.id === RULE_ID);
  if (!rule || model.language === 'python') return null;
  const refs = new RefReader(model);
  const definitions: AgentDefinitionFact[] = [];
  const handoffPushes: AgentGraphFacts['handoffPushes'] = [];
  const runs: AgentRef[] = [];
  for (const call of model.calls) {
    if (AGENT_CONSTRUCTOR.test(call.callee)) definitions.push(definitionOf(call, refs, tools, context.evidence(call.line, rule)));
    else if (RUNS_AGENT.test(call.callee)) {
      const agent = refs.agentRef(call.args[0]);
      if (agent) runs.push(agent);
    } else if (call.callee.endsWith('.handoffs.push')) {
      const target = refs.pushTarget(call);
      if (target) handoffPushes.push({ target, handoffs: call.args.flatMap((arg) => refs.handoffRef(arg) ?? []) });
    }
  }
  const toolNames: Record<string, string> = {};
  for (const [call, name] of tools.toolOfCall) if (call.boundTo) toolNames[call.boundTo] = name;
  if (definitions.length === 0 && handoffPushes.length === 0 && runs.length === 0) return null;
  return { definitions, handoffPushes, runs, toolNames };
}

function definitionOf(call: CallSite, refs: RefReader, tools: ToolAnalysis, evidence: Evidence): AgentDefinitionFact {
  const name = literalText(resolved(refs.model, call.named.get('name')));
  const toolList: ToolRef[] = [];
  const agentTools: AgentRef[] = [];
  for (const item of refs.listItems(call.named.get('tools'))) {
    if (item.kind === 'call' && item.call.callee.endsWith('.asTool')) {
      const agent = refs.agentRef({ kind: 'ref', name: '', symbol: item.call.callee.slice(0, -'.asTool'.length), scope: item.call.scope }, item.call);
      if (agent) agentTools.push(agent);
      continue;
    }
    const named = item.kind === 'call' ? tools.toolOfCall.get(item.call) : undefined;
    if (named) toolList.push({ tool: named });
    else {
      const ref = refs.agentRef(item);
      if (ref) toolList.push(ref);
    }
  }
  return {
    name: name || call.boundTo || 'agent',
    binding: call.boundTo,
    tools: toolList,
    agentTools,
    handoffs: refs.listItems(call.named.get('handoffs')).flatMap((item) => refs.handoffRef(item) ?? []),
    evidence,
  };
}

class RefReader {
  constructor(readonly model: CodeModel) {}

  /** The items of a list, following one name (`tools: supportTools`). */
  listItems(value: Value | undefined): Value[] {
    const list = resolved(this.model, value);
    return list?.kind === 'list' ? list.items : [];
  }

  /** `refundAgent` or `handoff(refundAgent, {...})`. */
  handoffRef(value: Value): AgentRef | null {
    if (value.kind === 'call' && HANDOFF_WRAPPER.test(value.call.callee)) return this.agentRef(value.call.args[0]);
    return this.agentRef(value);
  }

  /**
   * A name as an agent reference: an import from a local module keeps that module and the
   * exported name; anything else is a binding of this file. `call` is the `.asTool(...)` call,
   * whose source names the agent when its symbol does not.
   */
  agentRef(value: Value | undefined, call?: CallSite): AgentRef | null {
    if (!value || value.kind !== 'ref') return null;
    const imported = this.importedRef(value.symbol);
    if (imported) return imported;
    const written = value.name || (call ? leadingName(this.model.text.slice(call.start, call.end)) : null);
    return written && /^[A-Za-z_$][\w$]*$/.test(written) ? { local: written } : null;
  }

  /** `(authenticationAgent.handoffs as any).push(...)`: the agent whose handoffs grow. */
  pushTarget(call: CallSite): AgentRef | null {
    const imported = this.importedRef(call.callee.slice(0, -'.handoffs.push'.length));
    if (imported) return imported;
    const written = leadingName(this.model.text.slice(call.start, call.end));
    return written ? { local: written } : null;
  }

  private importedRef(symbol: string): AgentRef | null {
    for (const fact of this.model.imports) {
      if (!isPossiblyLocalTypeScriptModule(fact.module)) continue;
      if (symbol === fact.module) return { module: fact.module, exported: 'default' };
      if (symbol.startsWith(`${fact.module}.`)) {
        const exported = symbol.slice(fact.module.length + 1).split('.')[0]!;
        if (/^[A-Za-z_$][\w$]*$/.test(exported)) return { module: fact.module, exported };
      }
    }
    return null;
  }
}

/** The first name of an expression's source: `(returnsAgent.handoffs as any)` -> "returnsAgent". */
function leadingName(source: string): string | null {
  return /^[(\s]*([A-Za-z_$][\w$]*)/.exec(source)?.[1] ?? null;
}
