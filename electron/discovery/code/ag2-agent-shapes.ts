import { makeEvidence } from '../evidence';
import type { AgentDefinitionFinding } from '../findings';
import type { RuleBase } from '../rules/rule';
import type { DefinitionShape } from './agent-definitions';
import type { ToolBinding } from './tool-bindings';
import type { ToolAnalysis } from './tools';
import type { CallSite, CodeModel } from './code-model';
import { factoryOf, lastSegment, literalText, nameLiteral, resolved } from './finding-context';

/**
 * Classic AutoGen (pyautogen 0.2) and AG2 agents: `AssistantAgent` / `ConversableAgent` /
 * `UserProxyAgent` given an `llm_config`, the group chats and swarms that run them, the tools
 * registered for their models and the handoffs between them. Each agent with a model is a
 * definition of its own; a `GroupChat`, a swarm chat and a group-chat pattern are wiring, like a
 * crew: the unit that starts the chat is their item and each agent with a model is its sub-agent.
 *
 * An agent without a model (a `UserProxyAgent`, which defaults to `llm_config=False`, or any agent
 * given `llm_config=False`) is no agent of its own: it relays messages and runs code, and the code
 * execution it is given is a capability of the unit running the chat (the file-level
 * `code_execution_config` rule), not of an item.
 */

const AG2 = String.raw`^(?:autogen|ag2)(?:\.[\w.]+)?\.`;
/** ConversableAgent and the library's agents built on it (RAG, reasoning, web surfing, captain) take the same `llm_config`. */
const AGENT = new RegExp(`${AG2}(AssistantAgent|ConversableAgent|UserProxyAgent|SwarmAgent|RetrieveAssistantAgent|RetrieveUserProxyAgent|ReasoningAgent|CaptainAgent|WebSurferAgent|DeepResearchAgent|DocAgent)$`);
/** `GroupChat(agents=[...])`, `initiate_swarm_chat(initial_agent=..., agents=[...])`, `AutoPattern(agents=[...])`. */
const WIRING = new RegExp(`${AG2}(GroupChat|a?_?initiate_swarm_chat|AutoPattern|DefaultPattern|RoundRobinPattern|RandomPattern|ManualPattern)$`);
/** `LLMConfig(api_type=..., model=...)`, whose `with` block gives the agents built in it their model. */
const LLM_CONFIG = new RegExp(`${AG2}LLMConfig$`);
/** `register_function(f, caller=analyst, executor=executor, name=...)`. */
const REGISTER_FUNCTION = new RegExp(`${AG2}register_function$`);
/** `register_hand_off(agent, [...])`, `agent.register_hand_off([...])`, `agent.handoffs.add_llm_conditions([...])`, `agent.handoffs.set_after_work(...)`. */
const HANDOFF_SITE = /(?:^|\.)register_hand_off$|\.handoffs\.(add_llm_conditions?|add_context_conditions?|set_after_work|add|add_many)$/;
/** What names the next agent inside a handoff: `OnCondition(target=refunds, ...)`, `AfterWork(agent=triage)`, `AgentTarget(fraud)`. */
const HANDOFF_TARGET = /(?:^|\.)(OnCondition|ON_CONDITION|OnContextCondition|ON_CONTEXT_CONDITION|AfterWork|AFTER_WORK|AgentTarget|AgentNameTarget)$/;

const RULE = 'py.framework.autogen';
const AGENT_SHAPE: DefinitionShape = { kind: 'autogen-agent', rule: RULE, languages: 'python', callee: AGENT, nameArgs: ['name'], nameAt: 0, toolsArg: 'functions' };
const WIRING_SHAPE: DefinitionShape = { kind: 'autogen-team', rule: RULE, languages: 'python', callee: WIRING, nameArgs: [], membersArg: 'agents', relation: 'sub-agent' };

/** The AG2 agents with a model, and the chats that run them, that this file creates. */
export function ag2Definitions(model: CodeModel, enabled: ReadonlyMap<string, RuleBase>): Array<{ call: CallSite; definition: AgentDefinitionFinding; shape: DefinitionShape }> {
  const rule = enabled.get(RULE);
  if (!rule || !model.imports.some((fact) => /^(autogen|ag2)(\.|$)/.test(fact.module))) return [];
  const found: Array<{ call: CallSite; definition: AgentDefinitionFinding; shape: DefinitionShape }> = [];
  for (const call of model.calls) {
    if (call.decorates) continue;
    const shape = AGENT.test(call.callee) ? (hasModel(model, call) ? AGENT_SHAPE : null) : WIRING.test(call.callee) ? WIRING_SHAPE : null;
    if (!shape) continue;
    found.push({ call, shape, definition: definitionOf(model, call, shape, rule) });
  }
  const byVariable = new Map(found.flatMap(({ definition }) => (definition.variable ? [[definition.variable, definition] as const] : [])));
  addRegisteredTools(model, byVariable);
  addHandoffs(model, byVariable);
  return found;
}

function definitionOf(model: CodeModel, call: CallSite, shape: DefinitionShape, rule: RuleBase): AgentDefinitionFinding {
  const name = shape === AGENT_SHAPE ? (nameLiteral(model, call.named.get('name')) ?? nameLiteral(model, call.args[0])) : null;
  return {
    kind: shape.kind,
    name,
    variable: call.boundTo,
    factory: factoryOf(call),
    members: [],
    tools: [],
    evidence: makeEvidence(model.path, call.line, model.lines[call.line - 1] ?? '', rule.id, rule.confidence),
  };
}

/**
 * Whether the agent answers with a model: an `llm_config` that is not switched off, or none at all
 * inside a `with llm_config:` block of an `LLMConfig`, which AG2 hands to every agent built in it.
 * With neither, AG2 uses `DEFAULT_CONFIG`, which is `False`.
 */
function hasModel(model: CodeModel, call: CallSite): boolean {
  const config = call.named.get('llm_config');
  if (config) return !OFF.has(literalText(resolved(model, config)) ?? '');
  return insideLlmConfigBlock(model, call);
}

const OFF = new Set(['False', 'None', '0']);

/** The call sits in the body of `with <LLMConfig>:` (the nearest less-indented line above it is that `with`). */
function insideLlmConfigBlock(model: CodeModel, call: CallSite): boolean {
  const indent = indentOf(model.lines[call.line - 1] ?? '');
  if (indent === 0) return false;
  for (let line = call.line - 1; line >= 1; line--) {
    const text = model.lines[line - 1]!;
    if (text.trim() === '' || text.trimStart().startsWith('#') || indentOf(text) >= indent) continue;
    const header = /^\s*with\s+([A-Za-z_][\w.]*)\s*(?:\(|:|as\b)/.exec(text);
    if (!header) return false;
    if (/^(?:autogen\.)?LLMConfig$/.test(header[1]!)) return true;
    const value = resolved(model, { kind: 'ref', name: header[1]!, symbol: header[1]!, scope: call.scope });
    return value?.kind === 'call' && LLM_CONFIG.test(value.call.callee);
  }
  return false;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * Tools registered for an agent's model: `@analyst.register_for_llm(description=...)` on a function
 * (named by its `name=` or the function), and `register_function(f, caller=analyst, executor=...,
 * name=...)`. The executor only runs them for the model's calls: the caller holds the tool.
 */
function addRegisteredTools(model: CodeModel, byVariable: ReadonlyMap<string, AgentDefinitionFinding>): void {
  for (const call of model.calls) {
    if (call.decorates && /\.register_for_llm$/.test(call.callee)) {
      const holder = byVariable.get(receiverOf(model, call) ?? '');
      // Known by the name its model calls it (`name=`) and by its function, which the other decorator may name it by.
      if (holder) holder.tools.push(...new Set([nameLiteral(model, call.named.get('name')) ?? call.decorates.name, call.decorates.name]));
    } else if (REGISTER_FUNCTION.test(call.callee)) {
      const caller = call.named.get('caller');
      const holder = caller?.kind === 'ref' ? byVariable.get(lastSegment(caller.name)) : undefined;
      const name = registeredName(model, call);
      if (holder && name) holder.tools.push(name);
    }
  }
}

/**
 * `register_function(f, caller=analyst, executor=executor, name="lookup")` binds the tool to the
 * caller's model, as `tools=[...]` would: the binding held-tools.ts reads. Null for any other call.
 */
export function registeredFunctionBinding(model: CodeModel, call: CallSite, tools: ToolAnalysis): Omit<ToolBinding, 'within'> | null {
  if (!REGISTER_FUNCTION.test(call.callee)) return null;
  const caller = call.named.get('caller');
  const name = tools.toolOfCall.get(call) ?? registeredName(model, call);
  if (caller?.kind !== 'ref' || !name) return null;
  return { holder: lastSegment(caller.name), tools: [name], dynamic: false, line: call.line };
}

/** The name `register_function` gives the tool: its `name=`, else the function's. */
function registeredName(model: CodeModel, call: CallSite): string | null {
  const fn = call.args[0] ?? call.named.get('f');
  return nameLiteral(model, call.named.get('name')) ?? (fn?.kind === 'ref' ? lastSegment(fn.name) : null);
}

/** Swarm handoffs: each agent a handoff names (`OnCondition(target=refunds)`, `AfterWork(triage)`) is one its source hands off to. */
function addHandoffs(model: CodeModel, byVariable: ReadonlyMap<string, AgentDefinitionFinding>): void {
  for (const site of model.calls) {
    if (!HANDOFF_SITE.test(site.callee)) continue;
    // `triage.register_hand_off([...])` names its source before the dot, `register_hand_off(triage, [...])` first.
    const first = site.args[0];
    const source = byVariable.get(receiverOf(model, site) ?? '') ?? (first?.kind === 'ref' ? byVariable.get(lastSegment(first.name)) : undefined);
    if (!source) continue;
    for (const inner of model.calls) {
      if (inner.start < site.start || inner.end > site.end || !HANDOFF_TARGET.test(inner.callee)) continue;
      const target = inner.named.get('target') ?? inner.named.get('agent') ?? inner.args[0];
      if (target?.kind !== 'ref') continue;
      const variable = lastSegment(target.name);
      if (byVariable.has(variable) && byVariable.get(variable) !== source && !source.members.some((m) => m.variable === variable)) source.members.push({ variable, relation: 'handoff-to' });
    }
  }
}

function sourceText(model: CodeModel, call: CallSite): string {
  return model.text.slice(call.start, call.end);
}

/** The variable a method is called on: `analyst.register_for_llm(...)`, `triage.handoffs.add_llm_conditions(...)` → the agent's variable. */
function receiverOf(model: CodeModel, call: CallSite): string | null {
  return /^\s*@?\s*([A-Za-z_]\w*)\s*\./.exec(sourceText(model, call))?.[1] ?? null;
}
