import type { Evidence } from '../../../shared/discovery';
import type { AgentDefinitionFinding } from '../findings';
import type { FindingContext } from './finding-context';

/** The rule a module-level run is evidence for: the pack's "calls its main at module level" rule. */
const MODULE_CALL_RULE = 'py.entry-point.module-call';
/** `manager.run("...")`, `graph.invoke({...})`, `crew.kickoff()`: starting an agent, crew or graph. */
const RUN = /\.(run|arun|run_sync|run_stream|invoke|ainvoke|stream|astream|kickoff|kickoff_async)$/;

/**
 * A script that builds an agent and runs it at module level, with no main guard
 * (`manager_agent.run("Convert 100 USD to EUR.")` closing a smolagents example): it runs when
 * started, so it is an entry point of the script kind. Only an agent this file defines counts;
 * importing such a file would run the agent at import time, so code that imports agents does not
 * do this, and the file is the script.
 */
export function moduleLevelAgentRun(context: FindingContext, definitions: readonly AgentDefinitionFinding[]): Evidence | null {
  const rule = context.rules.entryPoint.find((candidate) => candidate.id === MODULE_CALL_RULE);
  if (!rule || definitions.length === 0) return null;
  const { model } = context;
  const agents = new Set(definitions.flatMap((definition) => (definition.variable ? [definition.variable] : [])));
  for (const call of model.calls) {
    if (call.scope !== model.module || !RUN.test(call.callee)) continue;
    const receiver = /^\s*(?:await\s+)?([A-Za-z_][\w]*)\s*\.\s*\w+\s*\(/.exec(model.text.slice(call.start, call.end))?.[1];
    if (receiver && agents.has(receiver)) return context.evidence(call.line, rule);
  }
  return null;
}
