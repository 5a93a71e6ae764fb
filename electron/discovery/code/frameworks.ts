import type { FrameworkUse } from '../../../shared/discovery';
import type { CallSite, CodeModel, ImportFact, Scope, Value } from './code-model';
import { callMatches, literalText, resolved } from './finding-context';
import type { FindingContext } from './finding-context';
import type { GlobMatcher } from './glob';
import { MAX_HELPER_DEPTH } from './helper-calls';

/** An import alone says less than a call: the framework may be imported for a type or a helper. */
const IMPORT_ONLY_FACTOR = 0.8;

export interface FrameworkAnalysis {
  uses: FrameworkUse[];
  /** An agent framework is used, or a hand-written loop feeds tool results back to a model. */
  agentic: boolean;
  /**
   * Every agentic use is of a graph or workflow runner (an `orchestration` rule): such a graph is
   * an agent only if some code of its unit calls a model.
   */
  orchestrationOnly: boolean;
}

export function findFrameworks(context: FindingContext, modelCalls: readonly CallSite[]): FrameworkAnalysis {
  const uses: FrameworkUse[] = [];
  let agentic = false;
  let orchestrated = false;
  for (const rule of context.rules.framework) {
    const call = context.model.calls.find((site) => (site.decorates ? callMatches(rule.match.decorators, site) : callMatches(rule.match.calls, site) && switchedOn(context.model, rule.match.namedArgs, site)));
    const imported = call ? undefined : context.model.imports.find((fact) => importMatches(rule.match.modules, fact) && !excluded(rule.match.excludeModules, fact));
    const loopLine = call || imported || !rule.toolLoopMarkers ? null : toolLoopLine(context.model, modelCalls, rule.toolLoopMarkers);
    const evidence = call ? context.evidence(call.line, rule) : imported ? context.evidence(imported.line, rule, IMPORT_ONLY_FACTOR) : loopLine !== null ? context.evidence(loopLine, rule) : null;
    if (!evidence) continue;
    // One entry per framework: an agent rule listed first ("langchain" agent) wins over the plain one.
    if (!uses.some((use) => use.framework === rule.framework)) uses.push({ framework: rule.framework, evidence });
    if (rule.orchestration) orchestrated = true;
    else agentic ||= rule.agentic;
  }
  return { uses, agentic: agentic || orchestrated, orchestrationOnly: orchestrated && !agentic };
}

/**
 * A call passes one of `namedArgs` with a value that does not turn it off (False, None, or an empty
 * `{}` / `[]`: `tools: {}` gives no tools); any call when the rule names none.
 */
export function switchedOn(model: CodeModel, namedArgs: GlobMatcher | undefined, call: CallSite): boolean {
  if (!namedArgs) return true;
  return [...call.named].some(([name, value]) => namedArgs.test(name) && !turnedOff(resolved(model, value)));
}

function turnedOff(value: Value | undefined): boolean {
  if (value?.kind === 'object') return value.entries.length === 0 && value.partial !== true;
  if (value?.kind === 'list') return value.items.length === 0;
  return OFF_VALUES.has(literalText(value) ?? '');
}

const OFF_VALUES = new Set(['False', 'false', 'None', 'null', '0']);

/**
 * An import of an excluded module (`langgraph_sdk`), or one naming only excluded things from a
 * framework's top module (`from crewai import Flow`, the workflow runner, not the agent framework).
 */
function excluded(matcher: GlobMatcher | undefined, fact: ImportFact): boolean {
  if (!matcher) return false;
  return matcher.test(fact.module) || (fact.names.length > 0 && fact.names.every((name) => matcher.test(`${fact.module}.${name}`)));
}

/** `from langgraph.graph import StateGraph` matches "langgraph*" and "langgraph.graph.StateGraph". */
export function importMatches(matcher: GlobMatcher | undefined, fact: ImportFact): boolean {
  return matcher !== undefined && (matcher.test(fact.module) || fact.names.some((name) => matcher.test(`${fact.module}.${name}`)));
}

/**
 * The first loop that calls a model and reads tool calls back from its answer. The model call may
 * sit in a same-file helper the loop calls (`raw = call_openai(...)` posting to the provider's API),
 * followed as deep as a tool's helpers are.
 */
function toolLoopLine(model: CodeModel, modelCalls: readonly CallSite[], markers: readonly string[]): number | null {
  if (modelCalls.length === 0) return null;
  const modelCallers = functionsCallingModel(model, modelCalls);
  for (const loop of model.loops) {
    const inLoop = (call: CallSite) => call.start > loop.start && call.end <= loop.end;
    const callsModel = modelCalls.some(inLoop) || model.calls.some((call) => inLoop(call) && call.localName !== null && modelCallers.has(call.localName));
    if (!callsModel) continue;
    const body = model.text.slice(loop.start, loop.end);
    if (markers.some((marker) => body.includes(marker))) return loop.line;
  }
  return null;
}

/** Names of the same-file functions that call a model, directly or through helpers up to MAX_HELPER_DEPTH calls deep. */
function functionsCallingModel(model: CodeModel, modelCalls: readonly CallSite[]): Set<string> {
  const names = new Set<string>();
  let frontier = modelCalls.map((call) => call.scope);
  for (let depth = 0; depth < MAX_HELPER_DEPTH && frontier.length > 0; depth++) {
    const reached = new Set<string>();
    for (const scope of frontier) {
      const caller = enclosingFunction(scope);
      if (caller && !names.has(caller.name)) reached.add(caller.name);
    }
    for (const name of reached) names.add(name);
    frontier = model.calls.filter((call) => call.localName !== null && reached.has(call.localName)).map((call) => call.scope);
  }
  return names;
}

function enclosingFunction(scope: Scope): Scope | null {
  for (let current: Scope | null = scope; current; current = current.parent) if (current.kind === 'function' && current.name) return current;
  return null;
}
