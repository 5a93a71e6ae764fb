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

/**
 * Keeps the record only for files served under two or more variables: a file langgraph.json names
 * once runs as it always did (everything it defines is that graph's, lambdas and classes as nodes
 * included), and only a file shared by several graphs is split between them.
 */
export function keepSharedServedVariables(items: readonly DiscoveredAgent[]): void {
  const byEntry = new Map<string, Set<string>>();
  for (const item of items) {
    const variable = served.get(item);
    if (!variable) continue;
    for (const entry of item.entryPoints) byEntry.set(entry, (byEntry.get(entry) ?? new Set()).add(variable));
  }
  for (const item of items) {
    if (served.has(item) && !item.entryPoints.some((entry) => (byEntry.get(entry)?.size ?? 0) > 1)) served.delete(item);
  }
}

export function servedVariableOf(item: DiscoveredAgent): string | null {
  return served.get(item) ?? null;
}

/** The definition is the agent or graph bound to `name` (`refunds = create_react_agent(…)`, `lookup = lookup_builder.compile()`). */
export function definitionNamed(definition: Pick<AgentDefinitionFinding, 'variable' | 'compiledAs'>, name: string): boolean {
  return definition.variable === name || definition.compiledAs === name;
}
