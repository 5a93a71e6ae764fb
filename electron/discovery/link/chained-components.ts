import type { ChainedComponent, DiscoveredAgent, LlmUse } from '../../../shared/discovery';
import { routeSegments } from './proxy-routes';
import type { CodeIndex } from './resolve-code';

/**
 * LLM calls an agent's run reaches in code that is not an agent of its own: a chat route's
 * `createDocument` tool looks up an artifact handler whose `onCreateDocument` runs its own
 * `streamObject`. Each function making such a call, in a file of the item other than its entry
 * and other than code that hands tools to a model itself, is a chained component of the item:
 * its model use is kept there (and stays in the item's `llm`), and it is never an item itself.
 */
export function attachChainedComponents(agents: readonly DiscoveredAgent[], index: CodeIndex): void {
  const byIdentity = new Map(agents.map((agent) => [agent.identityKey, agent]));
  for (const agent of agents) {
    const entries = new Set([agent.unit.path, ...agent.entryPoints]);
    // What a sub-agent it runs calls is that sub-agent's own model use, shown there.
    for (const link of agent.links ?? []) {
      if (link.relation !== 'sub-agent') continue;
      for (const path of byIdentity.get(link.identityKey)?.codeFiles ?? []) entries.add(path);
    }
    const components = new Map<string, ChainedComponent>();
    const knownProvider = soleProvider(agent.llm);
    for (const path of agent.codeFiles) {
      const file = index.get(path);
      if (!file?.generationSites || entries.has(path) || file.agentic || file.agentGraph?.definitions.length) continue;
      const fileProvider = soleProvider(file.llm);
      for (const site of file.generationSites) {
        const key = `${path}#${site.owner}`;
        const use: LlmUse = { provider: site.provider ?? fileProvider ?? knownProvider ?? 'unknown', sdk: site.sdk, models: site.models, evidence: site.evidence };
        const existing = components.get(key);
        if (existing) existing.llm.push(use);
        else components.set(key, { name: componentName(site.owner, path), path, llm: [use], evidence: site.evidence });
      }
    }
    if (components.size > 0) agent.chainedComponents = [...components.values()];
  }
}

function soleProvider(uses: readonly LlmUse[]): string | null {
  const providers = new Set(uses.map((use) => use.provider).filter((provider) => provider !== 'unknown'));
  return providers.size === 1 ? [...providers][0]! : null;
}

/** A route handler is named by what it answers ("POST /api/responses"), not just its verb. */
function componentName(owner: string, path: string): string {
  const segments = /^(?:GET|POST|PUT|PATCH|DELETE|handler|default)$/.test(owner) ? routeSegments(path) : null;
  return segments ? `${owner} /${segments.join('/')}` : owner;
}
