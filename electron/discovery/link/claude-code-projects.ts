import { posix } from 'node:path';
import type { DiscoveredAgent } from '../../../shared/discovery';
import type { ClaudeCodeFacts, ConfigFindings } from '../findings';
import { linkAgents } from './agent-links';
import { applyDeniedMcpTools } from './mcp-tool-filter-links';

interface ClaudeItem {
  agent: DiscoveredAgent;
  facts: ClaudeCodeFacts;
}

/**
 * Ties the Claude Code configuration of each project together (corpus/README.md, "Claude Code"):
 * - `.claude/settings*.json` grants belong to the project's main Claude Code session. Subagents
 *   that inherit every tool get them too. They are carried by the project's `.mcp.json` item
 *   (the same session's MCP configuration) when there is one, else by those inheriting
 *   subagents; only when nothing carries them are they an item of their own (both settings
 *   files of a project make one item).
 * - A subagent or settings item that may use servers of the project's `.mcp.json` is linked to it.
 * Returns the list without the settings items merged away.
 */
export function linkClaudeCodeProjects(configs: ConfigFindings[], agents: DiscoveredAgent[]): DiscoveredAgent[] {
  applyHookTriggers(configs, agents);
  const byPath = new Map(agents.filter((a) => a.unit.kind === 'claude-subagent').map((a) => [a.unit.path, a]));
  const items: ClaudeItem[] = [];
  for (const unit of configs.flatMap((config) => config.units)) {
    const agent = unit.claudeCode ? byPath.get(unit.path) : undefined;
    if (agent && unit.claudeCode) items.push({ agent, facts: unit.claudeCode });
  }
  if (items.length === 0) return agents;

  const removed = new Set<DiscoveredAgent>();
  for (const project of new Set(items.map((item) => item.facts.project))) {
    const inProject = items.filter((item) => item.facts.project === project);
    const subagents = inProject.filter((item) => item.facts.role === 'subagent');
    const settings = inProject.filter((item) => item.facts.role === 'settings').sort((a, b) => a.agent.unit.path.length - b.agent.unit.path.length);
    const mcpPath = project ? `${project}/.mcp.json` : '.mcp.json';
    const mcp = agents.find((a) => a.unit.kind === 'mcp-config' && a.unit.path === mcpPath);

    const inheriting = subagents.filter((item) => item.facts.inheritsTools);
    for (const setting of settings) for (const sub of inheriting) mergeGrants(sub.agent, setting.agent, false);
    const carrier = mcp ?? (inheriting.length > 0 ? null : settings[0]?.agent);
    for (const setting of settings) {
      if (setting.agent === carrier) continue;
      if (carrier) mergeGrants(carrier, setting.agent, true);
      removed.add(setting.agent);
    }

    if (!mcp) continue;
    for (const setting of settings) if (setting.facts.deniedMcpTools) applyDeniedMcpTools(mcp, setting.facts.deniedMcpTools);
    for (const item of [...subagents, ...settings.filter((s) => !removed.has(s.agent))]) {
      const names = item.facts.mcpServers;
      const uses = names === 'all' ? (mcp.mcpServers?.length ?? 0) > 0 : names.some((name) => mcp.mcpServers?.some((server) => server.name === name));
      if (uses) linkAgents(item.agent, mcp, 'mcp-server', item.facts.mcpEvidence);
    }
  }
  return agents.filter((agent) => !removed.has(agent));
}

/** Adds the settings' grants to an item; `asEntry` (the item carrying the session) also takes its model and names the settings file among its entry points. */
function mergeGrants(into: DiscoveredAgent, from: DiscoveredAgent, asEntry: boolean): void {
  for (const capability of from.capabilities) {
    const detail = `${capability.detail} (project settings)`;
    if (!into.capabilities.some((c) => c.kind === capability.kind && c.detail === detail)) into.capabilities.push({ ...capability, detail });
  }
  for (const input of from.untrustedInputs ?? []) {
    if (!(into.untrustedInputs ??= []).some((i) => i.kind === input.kind && i.detail === input.detail)) into.untrustedInputs.push(input);
  }
  if (!asEntry) return;
  for (const use of from.llm) if (!into.llm.some((l) => l.sdk === use.sdk && l.provider === use.provider)) into.llm.push(use);
  if (!into.entryPoints.includes(from.unit.path)) into.entryPoints.push(from.unit.path);
}

const SCRIPT_TOKEN = /^[\w./-]+\.(py|js|mjs|cjs|ts|sh|bash)$/;

/**
 * A script a settings hook runs (`python3 "$CLAUDE_PROJECT_DIR"/.claude/hooks/summarise.py`) is
 * started by that Claude Code event: an agent found in it (a hook that drives a model) gets the
 * event as its trigger instead of "started by someone we did not see".
 */
function applyHookTriggers(configs: ConfigFindings[], agents: DiscoveredAgent[]): void {
  for (const unit of configs.flatMap((config) => config.units)) {
    for (const hook of unit.claudeCode?.hooks ?? []) {
      const scripts = hook.command
        .split(/\s+/)
        .map((token) => token.replace(/^["']|["']$/g, ''))
        .filter((token) => SCRIPT_TOKEN.test(token))
        .map((token) => posix.normalize(token));
      for (const agent of agents) {
        if (agent.unit.path === unit.path || !scripts.some((script) => agent.unit.path === script || agent.entryPoints.includes(script))) continue;
        agent.trigger = { kind: 'event', schedule: hook.event, description: `Claude Code ${hook.event} hook (${unit.path})`, evidence: hook.evidence };
      }
    }
  }
}
