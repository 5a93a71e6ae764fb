import type { DiscoveredAgent } from '../../../shared/discovery';
import type { ConfigFindings } from '../findings';
import { linkAgents } from './agent-links';

/**
 * Agents a config declares as another's collaborators (the agents a Bedrock supervisor delegates
 * to, `aws_bedrockagent_agent_collaborator`): each stays an item of its own, with its own role and
 * tools, tied to the supervisor as its sub-agent so the supervisor's reach shows through it.
 */
export function linkConfigCollaborators(configs: readonly ConfigFindings[], items: readonly DiscoveredAgent[]): void {
  const itemOf = (unit: { kind: string; name: string; path: string }) => items.find((item) => item.unit.kind === unit.kind && item.unit.name === unit.name && item.unit.path === unit.path);
  for (const unit of configs.flatMap((config) => config.units)) {
    if (!unit.collaborators) continue;
    const supervisor = itemOf(unit);
    if (!supervisor) continue;
    for (const declared of unit.collaborators) {
      const collaborator = itemOf(declared);
      if (collaborator) linkAgents(supervisor, collaborator, 'sub-agent', declared.evidence);
    }
  }
}
