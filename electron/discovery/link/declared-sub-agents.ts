import type { DiscoveredAgent } from '../../../shared/discovery';
import type { CodeFindings } from '../findings';
import { linkAgents } from './agent-links';

/**
 * Sub-agents a file declares for the agent that runs it (Claude Agent SDK
 * `agents: {name: AgentDefinition}`) become items of their own, kind 'sub-agent', linked to
 * every agent whose code declares them: each has its own tools and model, and a reviewer
 * decides on each. They run under the parent's credentials and packages. One item per file and
 * name, however many units run that file.
 */
export function declaredSubAgentItems(sourceLabel: string, agents: DiscoveredAgent[], codeOf: (path: string) => CodeFindings | undefined): DiscoveredAgent[] {
  const items = new Map<string, DiscoveredAgent>();
  for (const parent of agents) {
    if (parent.classification !== 'agent') continue;
    for (const path of parent.codeFiles) {
      for (const declared of codeOf(path)?.declaredSubAgents ?? []) {
        const identityKey = `${sourceLabel}:sub-agent:${path}#${declared.name}`;
        let item = items.get(identityKey);
        if (!item) {
          item = {
            identityKey,
            name: declared.name,
            unit: { kind: 'sub-agent', name: declared.name, path },
            entryPoints: [path],
            codeFiles: [path],
            classification: 'agent',
            confidence: declared.evidence.confidence,
            trigger: { kind: 'chained', schedule: null, description: `Delegated to by ${parent.name}`, evidence: declared.evidence },
            llm: declared.llm,
            frameworks: [{ framework: declared.framework, evidence: declared.evidence }],
            tools: [],
            capabilities: declared.capabilities,
            credentials: parent.credentials,
            endpoints: [],
            guardrails: [],
            packages: parent.packages,
            untrustedInputs: declared.untrustedInputs,
          };
          items.set(identityKey, item);
        }
        linkAgents(parent, item, 'sub-agent', declared.evidence);
      }
    }
  }
  return [...items.values()];
}
