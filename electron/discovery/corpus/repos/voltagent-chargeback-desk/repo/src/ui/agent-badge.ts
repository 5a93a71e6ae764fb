import type { Agent } from "@voltagent/core";

// Renders an agent's name for the ops dashboard; the type import calls no model.
export function agentBadge(agent: Pick<Agent, "name">): string {
  return `<span class="badge">${agent.name}</span>`;
}
