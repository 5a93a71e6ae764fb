import type { DiscoveredAgent, TriggerFinding } from '../../../shared/discovery';
import type { CodeFindings } from '../findings';
import { browserClosure, type MakeItem } from './browser-agents';
import { isTestPath } from './deployment-scope';
import type { CodeIndex } from './resolve-code';

/**
 * Pages that start runs of an agent deployed elsewhere from the visitor's browser: a LangGraph
 * chat UI's `useStream({ assistantId })` (in the page or in a provider it renders), or the SDK's
 * `Client` used in a client component. The page is where it starts, so it is the unit (a
 * `code-entry-point` named by its path) and the files that make the calls are its entry points
 * too; candidateOf classifies it a `remote-caller` when none of its code runs a model itself, and
 * linkRemoteCallers ties it to the graph it names. Without this the call sits in a module only a
 * page imports, which no entry point runs: it was lost.
 *
 * Runs after browserAgents (a page starting OpenAI Agents SDK agents is theirs), and its files are
 * added to `covered`, so no other item claims them.
 */
export function browserRemoteCallers(code: readonly CodeFindings[], index: CodeIndex, covered: Set<string>, make: MakeItem): DiscoveredAgent[] {
  if (!code.some((file) => file.remoteAgents?.length && !covered.has(file.path))) return [];
  // Pages and app entries before the "use client" modules they import (as browserAgents ranks them).
  const rank = (file: CodeFindings) => `${file.clientEntry?.line === 0 ? 0 : 1}:${file.path}`;
  const entries = code.filter((file) => file.clientEntry && !isTestPath(file.path)).sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
  const items: DiscoveredAgent[] = [];
  for (const entry of entries) {
    if (covered.has(entry.path)) continue;
    const closure = browserClosure(entry.path, index).filter((path) => !covered.has(path));
    const callers = closure.filter((path) => (index.get(path)?.remoteAgents?.length ?? 0) > 0);
    if (callers.length === 0) continue;
    const files = closure.flatMap((path) => index.get(path) ?? []);
    const trigger: TriggerFinding = { kind: 'user', schedule: null, description: `Runs in the browser of whoever opens ${entry.path}`, evidence: entry.clientEntry ?? null };
    const item = make('code-entry-point', entry.path, entry.path, [...new Set([entry.path, ...callers])], trigger, files);
    if (!item) continue;
    for (const path of closure) covered.add(path);
    items.push(item);
  }
  return items;
}
