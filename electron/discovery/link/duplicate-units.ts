import { posix } from 'node:path';
import type { DiscoveredAgent } from '../../../shared/discovery';
import type { UnitFinding } from '../findings';
import { isTestPath } from './deployment-scope';

/**
 * The same unit found twice is one item: a fixture copy of `.github/workflows/agent.yml` under
 * tests/, an identical `agent.test.yml` beside it, a docs copy of a compose service, a dev
 * service that runs the code the real service runs. The deployed one stays; copies that show it
 * (examples, test-named files) go. Two deployed units running the same code stay two agents.
 */

/**
 * What makes two config units the same: kind, job or service name (without the workflow's name,
 * which a copy's file name changes), trigger, commands, entry files and the LLM the config names.
 */
export function unitSignature(unit: UnitFinding, entries: string[]): string {
  const ownName = unit.kind === 'ci-job' ? unit.name.slice(unit.name.lastIndexOf('/') + 1) : unit.name;
  const sorted = (values: string[]) => [...new Set(values)].sort().join('\u0001');
  // A langgraph.json writes its graph path relative to itself: two configs name one file differently, the resolved entries decide.
  const runs = unit.kind === 'langgraph-graph' ? [] : unit.runs;
  return [unit.kind, ownName, unit.trigger.kind, unit.trigger.schedule ?? '', sorted(runs), sorted(entries), sorted(unit.llm.map((l) => `${l.provider}:${l.sdk}`))].join('\u0002');
}

/** A workflow or compose file named as a copy or a test of another: agent.test.yml, agent.copy.yml, compose-example.yml. */
const COPY_NAME = /[._-](test|tests|spec|copy|backup|bak|orig|old|example|sample|fixture)\.ya?ml$/i;

/** 0: deployed; 1: deployed but named as a test or copy; 2: an example. */
function rank(agent: DiscoveredAgent): number {
  if (agent.classification === 'example') return 2;
  return COPY_NAME.test(posix.basename(agent.unit.path)) || isTestPath(agent.unit.path) ? 1 : 0;
}

export function dropDuplicateUnits(agents: DiscoveredAgent[], signatures: ReadonlyMap<string, string>): DiscoveredAgent[] {
  const groups = new Map<string, DiscoveredAgent[]>();
  for (const agent of agents) {
    const signature = signatures.get(agent.identityKey);
    if (signature === undefined) continue;
    groups.set(signature, [...(groups.get(signature) ?? []), agent]);
  }
  const dropped = new Set<DiscoveredAgent>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const best = Math.min(...group.map(rank));
    for (const agent of group) if (rank(agent) > best) dropped.add(agent);
    // A second langgraph.json naming the same graph file under the same name (a studio/ or dev
    // config beside the root one) declares the same deployment again: the one nearest the root stays.
    const graphs = group.filter((agent) => agent.unit.kind === 'langgraph-graph' && !dropped.has(agent));
    const depth = (agent: DiscoveredAgent) => agent.unit.path.split('/').length;
    const nearest = [...graphs].sort((a, b) => depth(a) - depth(b) || a.unit.path.localeCompare(b.unit.path))[0];
    for (const agent of graphs) if (agent !== nearest) dropped.add(agent);
  }
  // An example (a dev server, a docs copy) that runs only entry files a deployed item runs adds nothing.
  const deployedEntries = new Set(agents.filter((a) => a.classification !== 'example' && !dropped.has(a)).flatMap((a) => a.entryPoints));
  for (const agent of agents) {
    if (agent.classification === 'example' && agent.entryPoints.length > 0 && agent.entryPoints.every((e) => deployedEntries.has(e))) dropped.add(agent);
  }
  return agents.filter((agent) => !dropped.has(agent));
}
