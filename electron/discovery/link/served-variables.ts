import type { DiscoveredAgent } from '../../../shared/discovery';
import type { AgentDefinitionFinding } from '../findings';

/**
 * The variable a unit serves from its entry file, when its config names one: langgraph.json's
 * `"refunds": "./src/graphs.py:refunds"`. Two graphs declared in one file are two deployments of
 * different agents; the unit runs the agent bound to its variable (and what that agent runs), not
 * every agent the file defines. Kept beside the item, like held-tools' record of delegated agents,
 * so the shared item type does not carry linker bookkeeping.
 */
const served = new WeakMap<DiscoveredAgent, string>();

export function recordServedVariable(item: DiscoveredAgent, variable: string | undefined): void {
  if (variable) served.set(item, variable);
}

export function servedVariableOf(item: DiscoveredAgent): string | null {
  return served.get(item) ?? null;
}

/** The definition is the agent or graph bound to `name` (`refunds = create_react_agent(…)`, `lookup = lookup_builder.compile()`). */
export function definitionNamed(definition: Pick<AgentDefinitionFinding, 'variable' | 'compiledAs'>, name: string): boolean {
  return definition.variable === name || definition.compiledAs === name;
}
