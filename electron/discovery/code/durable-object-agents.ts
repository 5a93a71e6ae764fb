import { makeEvidence } from '../evidence';
import type { AgentDefinitionFinding } from '../findings';
import type { RuleBase } from '../rules/rule';
import type { CallSite, CodeModel, Scope } from './code-model';
import { isWithin, lastSegment, resolved } from './finding-context';

/**
 * Cloudflare Agents SDK agents: each class extending `Agent` or `AIChatAgent` is a Durable Object
 * a worker binds and routes to by name (`routeAgentRequest`, `getAgentByName`), so a worker with
 * several is a runtime hosting several agents, as an AutoGen runtime is. A class is an agent when
 * its own code calls a model (a stateful object that only keeps presence or counters is not);
 * it holds the tools it hands that model, and runs the agents it reaches by `getAgentByName`. link/sub-agents.ts makes the worker's one such agent
 * its item and several of them sub-agents of the worker.
 */

const RULE = 'ts.framework.cloudflare-agents';
const AGENT_BASE = /^(agents|agents\/ai-chat-agent|@cloudflare\/ai-chat)\.(Agent|AIChatAgent)$/;
/** Model calls an agent class makes itself: the AI SDK's generation calls, Workers AI through its binding. */
const MODEL_CALL = /^ai\.(generateText|streamText|generateObject|streamObject)$|(^|\.)env\.AI\.run$/;

export function durableObjectAgents(model: CodeModel, enabled: ReadonlyMap<string, RuleBase>): Array<{ call: CallSite; definition: AgentDefinitionFinding }> {
  const rule = enabled.get(RULE);
  if (!rule) return [];
  const found: Array<{ call: CallSite; definition: AgentDefinitionFinding }> = [];
  for (const scope of model.scopes) {
    if (scope.kind !== 'class' || !scope.bases.some((base) => AGENT_BASE.test(base))) continue;
    const calls = model.calls.filter((call) => MODEL_CALL.test(call.callee) && isWithin(call.scope, scope));
    if (calls.length === 0) continue;
    // The model call handed the tools is the evidence, as for AutoGen's registered agents: the
    // tools bound there are this agent's, not the worker's (link/held-tools.ts).
    const call = calls.find((site) => site.named.has('tools')) ?? calls[0]!;
    found.push({
      call,
      definition: {
        kind: 'cloudflare-agent',
        name: scope.name || null,
        variable: scope.name || null,
        factory: null,
        members: agentsReached(model, scope).map((variable) => ({ variable, relation: 'sub-agent' as const })),
        tools: [...new Set(calls.flatMap((call) => toolNames(model, call)))],
        evidence: makeEvidence(model.path, call.line, model.lines[call.line - 1] ?? '', rule.id, rule.confidence),
      },
    });
  }
  return found;
}

/** `getAgentByName(this.env.ResearchAgent, id)` in the class: it runs that agent (bound under its class's name, as is usual). */
const GET_AGENT = /^agents\.(getAgentByName|getAgent)$/;

function agentsReached(model: CodeModel, agentClass: Scope): string[] {
  const bindings = model.calls
    .filter((call) => GET_AGENT.test(call.callee) && isWithin(call.scope, agentClass))
    .map((call) => call.args[0])
    .flatMap((arg) => (arg?.kind === 'ref' && /^(this\.)?env\.\w+$/.test(arg.name) ? [lastSegment(arg.name)] : []));
  return [...new Set(bindings)].filter((name) => name !== agentClass.name);
}

/**
 * The tools a model call is handed: the keys of a `tools: { refund: tool(...) }` object (written
 * inline or in a variable of the file) and the names of tool variables listed in it; a tool set
 * imported from another module is named by its variable.
 */
function toolNames(model: CodeModel, call: CallSite): string[] {
  const written = call.named.get('tools');
  const value = resolved(model, written);
  if (value?.kind === 'object') return value.entries.flatMap((entry) => (entry.key === '...' ? [] : [entry.key, ...(entry.value.kind === 'ref' ? [lastSegment(entry.value.name)] : [])]));
  if (value?.kind === 'list') return value.items.flatMap((item) => (item.kind === 'ref' ? [lastSegment(item.name)] : []));
  // `tools: this.mcp.getAITools()` hands over the MCP servers' tools: the class holds them through its MCP links.
  if (written?.kind === 'ref' && !written.name.startsWith('this.')) return [lastSegment(written.name)];
  return [];
}
