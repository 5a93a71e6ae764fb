import { posix } from 'node:path';
import type { CapabilityFinding, DiscoveredAgent, McpServerEntry } from '../../../shared/discovery';
import type { ConfigFindings, UnitFinding } from '../findings';
import { linkAgents } from './agent-links';
import type { CodeIndex } from './resolve-code';

/**
 * Claude Code configuration an agent loads at run time, joined to that agent:
 * - `claude -p --mcp-config ci/mcp.json` in a workflow step or script: the file's servers are that
 *   run's. A file no MCP client reads by itself (not `.mcp.json`, not an editor's) is part of the
 *   run and no item of its own; the run lists its servers, and the linker ties the run to the
 *   repository's servers among them (mcp-servers.ts, mcp-http-links.ts).
 * - A Claude Agent SDK run with `settingSources: ['project']` loads the project's
 *   `.claude/settings.json` (its grants become the run's capabilities, with the settings lines as
 *   evidence), `.mcp.json` (its servers become the run's) and `.claude/agents/*.md` (each a
 *   sub-agent it may delegate to). With only `'user'` it reads nothing of the repository.
 * Returns the list without the configuration files merged away.
 */
export function applyLoadedClaudeConfigs(configs: ConfigFindings[], agents: DiscoveredAgent[], index: CodeIndex): DiscoveredAgent[] {
  const units = configs.flatMap((config) => config.units);
  const removed = new Set<DiscoveredAgent>();
  for (const unit of units) {
    if (!unit.mcpConfigFiles?.length) continue;
    const run = agents.find((a) => a.unit.kind === unit.kind && a.unit.path === unit.path && a.unit.name === unit.name) ?? agents.find((a) => a.unit.kind !== 'mcp-config' && a.entryPoints.includes(unit.path));
    if (!run) continue;
    for (const file of unit.mcpConfigFiles) {
      const wanted = mcpConfigPaths(file.path, unit, index);
      const config = wanted.map((path) => agents.find((a) => a.unit.kind === 'mcp-config' && a.unit.path === path)).find((found) => found !== undefined);
      if (!config) continue;
      takeServers(run, config.mcpServers ?? []);
      takeCapabilities(run, config.capabilities, null);
      for (const credential of config.credentials) if (!run.credentials.some((c) => c.kind === credential.kind && c.name === credential.name)) run.credentials.push(credential);
      if (!run.entryPoints.includes(config.unit.path)) run.entryPoints.push(config.unit.path);
      // A file only this run reads is the run's; a client's own file (.mcp.json, .cursor/mcp.json) stays the client's item too.
      if (config.unit.name === 'MCP client') removed.add(config);
    }
  }
  applyProjectSettingSources(units, agents, index);
  return agents.filter((agent) => !removed.has(agent));
}

/**
 * Where a written `--mcp-config` path may point: from the repository root (a workflow's working
 * folder), the top of the project the config sits in (a script run from its repository's top, in
 * a folder of many repositories), the config's folder, a folder above it, as written. Only a file
 * the scan found as an MCP config is taken, the first of these that is one.
 */
function mcpConfigPaths(written: string, unit: UnitFinding, index: CodeIndex): string[] {
  const unquoted = written.replace(/^["']|["']$/g, '');
  // An action's own files are written from its folder: `${GITHUB_ACTION_PATH}/mcp.json`.
  const inAction = /^(\$\{\{\s*github\.action_path\s*\}\}|\$\{?GITHUB_ACTION_PATH\}?)\//.exec(unquoted);
  if (inAction) return [posix.normalize(posix.join(posix.dirname(unit.path), unquoted.slice(inAction[0].length)))];
  const clean = unquoted
    .replace(/^\$\{\{\s*github\.workspace\s*\}\}\/|^\$\{?GITHUB_WORKSPACE\}?\/|^\$\{?CLAUDE_PROJECT_DIR\}?\//, '')
    .replace(/^\.\//, '');
  const repoRoot = unit.path.includes('.github/') ? unit.path.slice(0, unit.path.indexOf('.github/')) : '';
  const projectTop = index.projectOf(posix.dirname(unit.path));
  // Then every folder above the config's, nearest first: a script in scripts/ naming scripts/x.json
  // runs from the folder above it, whether or not that folder holds a .git or a manifest.
  const ancestors: string[] = [];
  for (let dir = posix.dirname(posix.dirname(unit.path)); dir !== '.' && dir !== '/' && dir !== ''; dir = posix.dirname(dir)) ancestors.push(posix.join(dir, clean));
  return [...new Set([posix.join(repoRoot || '.', clean), posix.join(projectTop || '.', clean), posix.join(posix.dirname(unit.path), clean), ...ancestors, clean].map((p) => posix.normalize(p)))];
}

function applyProjectSettingSources(units: UnitFinding[], agents: DiscoveredAgent[], index: CodeIndex): void {
  const claudeUnits = units.filter((unit) => unit.claudeCode);
  const mcpUnits = units.filter((unit) => unit.kind === 'mcp-config' && posix.basename(unit.path) === '.mcp.json');
  const projects = [...new Set([...claudeUnits.map((unit) => unit.claudeCode!.project), ...mcpUnits.map((unit) => cleanDir(posix.dirname(unit.path)))])];
  if (projects.length === 0) return;
  for (const agent of agents) {
    if (agent.unit.kind === 'claude-subagent' || agent.unit.kind === 'mcp-config' || agent.classification === 'mcp-server') continue;
    const loader = agent.codeFiles.map((path) => index.get(path)).find((file) => file?.loadsProjectSettings);
    if (!loader?.loadsProjectSettings) continue;
    const evidence = loader.loadsProjectSettings;
    const project = projectOf(loader.path, projects);
    if (project === null) continue;
    const mcp = mcpUnits.find((unit) => cleanDir(posix.dirname(unit.path)) === project);
    if (mcp) {
      // Project servers run once the settings approve them (enabledMcpjsonServers, mcp__server__ tools, enableAllProjectMcpServers).
      const settings = claudeUnits.filter((u) => u.claudeCode!.project === project && u.claudeCode!.role === 'settings');
      const approved = settings.length === 0 || settings.some((u) => u.claudeCode!.mcpServers === 'all') ? null : new Set(settings.flatMap((u) => u.claudeCode!.mcpServers as string[]));
      takeServers(agent, (mcp.mcpServers ?? []).filter((server) => !approved || approved.has(server.name)));
      takeCapabilities(agent, mcp.capabilities.filter((c) => !approved || (c.tool !== null && approved.has(c.tool))), null);
    }
    for (const unit of claudeUnits.filter((u) => u.claudeCode!.project === project)) {
      if (unit.claudeCode!.role === 'settings') {
        takeCapabilities(agent, unit.capabilities, 'project settings');
        for (const input of unit.untrustedInputs) if (!(agent.untrustedInputs ??= []).some((i) => i.kind === input.kind && i.detail === input.detail)) agent.untrustedInputs.push(input);
        continue;
      }
      const subagent = agents.find((a) => a.unit.kind === 'claude-subagent' && a.unit.path === unit.path);
      if (subagent) linkAgents(agent, subagent, 'sub-agent', evidence);
    }
  }
}

/** The nearest project at or above the file's folder (the SDK's working folder is where it runs; the repository's own project by default). */
function projectOf(path: string, projects: string[]): string | null {
  const dir = cleanDir(posix.dirname(path));
  const containing = projects.filter((p) => p === '' || dir === p || dir.startsWith(`${p}/`)).sort((a, b) => b.length - a.length);
  return containing[0] ?? null;
}

function takeServers(agent: DiscoveredAgent, servers: McpServerEntry[]): void {
  if (servers.length === 0) return;
  const list = (agent.mcpServers ??= []);
  for (const server of servers) if (!list.some((s) => s.name === server.name && s.evidence.path === server.evidence.path)) list.push(server);
}

function takeCapabilities(agent: DiscoveredAgent, capabilities: CapabilityFinding[], note: string | null): void {
  for (const capability of capabilities) {
    const detail = note ? `${capability.detail} (${note})` : capability.detail;
    if (!agent.capabilities.some((c) => c.kind === capability.kind && c.detail === detail)) agent.capabilities.push({ ...capability, detail });
  }
}

const cleanDir = (dir: string) => (dir === '.' ? '' : dir);

