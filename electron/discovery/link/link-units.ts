import { posix } from 'node:path';
import type { CapabilityFinding, CredentialReference, DiscoveredAgent, Evidence, LlmUse, PackageVersion, TriggerFinding, UnitKind, UntrustedInputFinding } from '../../../shared/discovery';
import type { CodeFindings, ConfigFindings, FileFindings, LockfileFindings, UnitFinding } from '../findings';
import { pruneLinks } from './agent-links';
import { linkClaudeCodeProjects } from './claude-code-projects';
import { applyLoadedClaudeConfigs } from './claude-loaded-configs';
import { listCodeMcpServers } from './code-mcp-servers';
import { declaredSubAgentItems } from './declared-sub-agents';
import { applyActionCallers, githubActionEntries } from './github-action-units';
import { applyShellScriptCallers } from './shell-script-callers';
import { AgentGraph } from './agent-nodes';
import { splitSubAgents } from './agents-sdk-js-sub-agents';
import { sharedWebRoutes } from './shared-web-routes';
import { entryClosure, tasksRegisteredByEntries } from './registered-tasks';
import { routesMountedByServers } from './mounted-routes';
import { browserAgents, type MakeItem } from './browser-agents';
import { browserRemoteCallers } from './browser-remote-callers';
import { attachChainedComponents } from './chained-components';
import { imageCommands, withImageCommand } from './container-images';
import { runsOnlyTaskScheduling } from '../config/commands';
import { celeryWorkerTaskFiles } from './celery-workers';
import { resolveImportedProviderUrls } from './imported-provider-urls';
import { attributeImportedToolFunctions } from './imported-tool-functions';
import { undeployedImages } from './image-units';
import { deployedTrust, judgeExampleCode } from './example-code';
import { dropCalledServerActions } from './server-actions';
import { isExampleUnit, isTestPath, runsOnlyTests, runsTests } from './deployment-scope';
import { dropDuplicateUnits, unitSignature } from './duplicate-units';
import { joinServerDeployments, serversDeployedBy, type ServerDeployment } from './mcp-server-deployments';
import { linkMcpClients, mcpServerFiles, mcpServerName, mcpServerTrigger } from './mcp-servers';
import { linkMcpHttpClients } from './mcp-http-links';
import { linkInProcessMcpServers } from './mcp-in-process-links';
import { attachEnvFiles } from './langgraph-deployments';
import { mastraServedTrigger } from './mastra-server';
import { narrowToHeldTools } from './held-tools';
import { isModelFreeGraph } from './model-free-graphs';
import { joinProxyRoutes } from './proxy-routes';
import { isRemoteCaller, linkRemoteCallers, primaryRemoteAgent, remoteAgentsOf, remoteSignal } from './remote-callers';
import { ProjectBoundaries } from './project-boundaries';
import { PackageScripts, withScriptCommands } from './package-scripts';
import type { ProjectFolder } from '../walk/project-folders';
import { adoptImportedClientStarts } from './imported-client-starts';
import { CodeIndex, entryFileBySuffix, entryFileOfHandler, entryFilesOfCommand, importClosure } from './resolve-code';
import { keepSharedServedVariables, recordServedVariable } from './served-variables';
import { nameAgentsFromImportedConstants } from './imported-names';
import { addSubAgents } from './sub-agents';
import { triggerOfEntryPoint, unknownTrigger } from './entry-point-triggers';
import { withEmailTrigger } from './worker-email-triggers';
import { importedModules, withEntryPointTrigger } from './process-triggers';
import { toolsByName } from './tools-by-name';
import { linkConfigCollaborators } from './config-collaborators';
import { joinAppEngineCronTargets } from './app-engine-targets';
import { adoptImportedChatHandlers } from './imported-chat-handlers';
import { ImporterChains, unitRootsOf } from './unrun-importers';

/**
 * Turns per-file findings into candidate agents: one per deployable unit (a CI job, a CronJob,
 * a function, a compose service, an MCP config), with the facts of all the code that unit runs.
 * LLM code that no config runs becomes a 'code-entry-point' unit of its own.
 *
 * Classification: a unit is an 'agent' when its code lets a model choose actions (an agent
 * framework, tools handed to a model, a tool-call loop), when it is an MCP client config, or when
 * an LLM runs unattended (cron, event or chained trigger). A user- or webhook-triggered one-shot
 * model call is an 'llm-call': still listed, because its key spends tokens someone must own.
 * A unit with no LLM use at all is not a candidate.
 * `projectFolders`: the tree's repositories and packages, where the walk saw a project begin
 * (commands resolve inside their own; see project-boundaries.ts).
 * `samePaths`: an index of the same code files from an earlier link, whose import resolutions and
 * project boundaries are reused (then `projectFolders` is not read).
 */
export function linkUnits(sourceLabel: string, findings: FileFindings[], options: { projectFolders?: readonly ProjectFolder[]; samePaths?: CodeIndex } = {}): DiscoveredAgent[] {
  const code = findings.filter((f): f is CodeFindings => f.type === 'code');
  const configs = findings.filter((f): f is ConfigFindings => f.type === 'config');
  const lockfiles = findings.filter((f): f is LockfileFindings => f.type === 'lockfile');
  // A scan links twice (see scanFolder): the second time with the same files, more of them analysed in full.
  const index = new CodeIndex(code, options.samePaths ? { samePaths: options.samePaths } : { projects: new ProjectBoundaries(options.projectFolders ?? []) });
  index.packageScripts = new PackageScripts(configs);
  // `client.run(token)` of a client another module builds makes the file that runs it the bot's entry point.
  const clientStarterOf = adoptImportedClientStarts(code, index);
  adoptImportedChatHandlers(code, index);
  resolveImportedProviderUrls(code, index);
  attributeImportedToolFunctions(code, index);
  const packagesNear = packagesByFolder(lockfiles);
  const secretsNear = folderCredentials(configs);
  const covered = new Set<string>();
  const agents: DiscoveredAgent[] = [];
  const servers = mcpServerFiles(code);
  /** Config units by identity: what makes a copy of one the same unit (see duplicate-units.ts). */
  const signatures = new Map<string, string>();
  const serverDeployments: ServerDeployment[] = [];

  joinAppEngineCronTargets(configs);
  const fileLevelCredentials = configs.flatMap((c) => c.credentials);
  const images = imageCommands(configs);
  const imagesNothingDeploys = undeployedImages(configs, images, index, (path) => {
    const file = index.get(path);
    return file?.entryPoint ? triggerOfEntryPoint(file) : null;
  }, sourceLabel);
  for (const config of [...configs, ...imagesNothingDeploys]) {
    for (const declared of config.units) {
      const unit = withImageCommand(declared, images);
      // Celery beat or Flower beside the worker, often with the worker's environment: it runs no task, so it is no item.
      if (unit.runs.length > 0 && unit.runs.every(runsOnlyTaskScheduling)) continue;
      attachServiceAccountIdentities(unit, fileLevelCredentials);
      attachEnvFiles(unit, configs);
      const written = writtenEntriesOf(unit, index);
      const entries = written.filter((path) => !isTestPath(path));
      const closure = importClosure([...entries, ...celeryWorkerTaskFiles(unit, entries, index)], index);
      // A deployment of an MCP server joins that server's item (below), not an agent.
      const served = unit.kind === 'mcp-config' ? null : serversDeployedBy(entries, closure, (path) => servers.has(path), index);
      if (served) {
        if (!isExampleUnit(unit, config.format) && !runsTests(unit, written)) serverDeployments.push({ unit, servers: served, entries });
        continue;
      }
      const files = closure.map((p) => index.get(p)!).filter(Boolean);
      const entryFiles = entries.map((path) => index.get(path));
      const trigger = withEntryPointTrigger(unit.kind === 'serverless-function' ? withEmailTrigger(unit.trigger, entryFiles) : unit.trigger, entryFiles, () => importedModules(entryFiles, index));
      const agent = candidateOf(sourceLabel, unit.kind, unit.name, unit.path, entries, trigger, files, unit, { packagesNear, secretsNear });
      if (!agent) continue;
      recordServedVariable(agent, unit.graphVariable);
      // An example (a workflow in docs/, a dev server) claims no code: what it runs may be deployed elsewhere.
      if (isExampleUnit(withScriptCommands(unit, index.packageScripts, [unit.build?.context ?? posix.dirname(unit.path), index.projectOf(posix.dirname(unit.path))]), config.format) || runsOnlyTests(unit, written)) agent.classification = 'example';
      else {
        for (const path of closure) covered.add(path);
        // Deployed by a config outside examples/: its code is trusted wherever it sits.
        deployedTrust(agent);
      }
      signatures.set(agent.identityKey, unitSignature(unit, entries));
      agents.push(agent);
    }
  }

  keepSharedServedVariables(agents);

  // MCP servers are items of their own, whoever launches them; their modules are theirs.
  const serverItems = new Map<string, DiscoveredAgent>();
  /**
   * Modules a server's code imports that no config unit claimed: they start no item of their own,
   * but an agent importing one too runs it as well (the app's shared model client, a database helper).
   */
  const serverModules = new Set<string>();
  for (const file of servers.values()) {
    if (isTestPath(file.path)) continue;
    const closure = importClosure([file.path], index).filter((p) => p === file.path || !servers.has(p));
    const files = closure.map((p) => index.get(p)!).filter(Boolean);
    const server = candidateOf(sourceLabel, 'mcp-server', mcpServerName(file), file.path, [file.path], mcpServerTrigger(file), files, null, { packagesNear, secretsNear });
    if (!server) continue;
    server.classification = 'mcp-server';
    for (const path of closure) {
      if (path !== file.path && !covered.has(path)) serverModules.add(path);
      covered.add(path);
    }
    serverItems.set(file.path, server);
    agents.push(server);
  }
  joinServerDeployments(serverItems, serverDeployments);
  for (const { entries } of serverDeployments) for (const path of importClosure(entries, index)) covered.add(path);

  // Agents a web page starts in the browser: one item per agent definition, not per page.
  const graph = new AgentGraph(code, index);
  const make: MakeItem = (kind, name, path, entries, trigger, files) => candidateOf(sourceLabel, kind, name, path, entries, trigger, files, null, { packagesNear, secretsNear });
  agents.push(...browserAgents(code, index, graph, covered, make));
  agents.push(...browserRemoteCallers(code, index, covered, make));

  // Code no config runs: its entry points (and what they import) are units of their own.
  // Test files and fixtures are never one: they exercise agents, they do not deploy them.
  const uncovered = code.filter((f) => !covered.has(f.path) && !isTestPath(f.path));
  const entryFiles = uncovered.filter((f) => f.entryPoint !== null);
  const claimed = new Set<string>();
  const reaches = new Map<string, string[]>();
  const reachOf = (path: string) => reaches.get(path) ?? reaches.set(path, entryClosure(path, index)).get(path)!;
  const webRoutes = sharedWebRoutes(entryFiles, reachOf, index, hasLlmSignal);
  const registered = tasksRegisteredByEntries(entryFiles, reachOf, index);
  const mounted = routesMountedByServers(entryFiles, reachOf, index);
  for (const path of mounted.keys()) registered.add(path);
  // A server runs what the modules it mounts reach, as far from them as from an entry of their own.
  const mountedBy = new Map<string, string[]>();
  for (const [route, servers] of mounted) for (const server of servers) mountedBy.set(server, [...(mountedBy.get(server) ?? []), route]);
  // A module whose client another entry file starts (app.py's handlers, server.py's `app.start()`) is that starter's.
  const startedBy = new Map([...clientStarterOf].filter(([builder, starter]) => entryFiles.some((f) => f.path === starter) && entryFiles.some((f) => f.path === builder)));
  for (const entry of entryFiles) {
    const routes = webRoutes.get(entry.path);
    if (routes && routes[0] !== entry.path) continue; // one item for the routes of one agent, at the first
    if (registered.has(entry.path)) continue;
    if (startedBy.has(entry.path)) continue;
    const reach = [...new Set([...(routes ? routes.flatMap(reachOf) : reachOf(entry.path)), ...(mountedBy.get(entry.path) ?? []).flatMap(reachOf)])];
    // A file that only starts a server built elsewhere (stdio.ts, an Express Streamable HTTP file) is that server's entry point.
    const launched = servers.size > 0 ? serversDeployedBy([entry.path], reach, (path) => path !== entry.path && servers.has(path), index) : null;
    if (launched && launched.every((path) => serverItems.has(path))) {
      for (const path of launched) serverItems.get(path)!.entryPoints.push(entry.path);
      continue;
    }
    const closure = reach.filter((p) => !covered.has(p) || serverModules.has(p));
    const files = closure.map((p) => index.get(p)!).filter(Boolean);
    const started = [...startedBy].filter(([, starter]) => starter === entry.path).map(([builder]) => builder);
    const agent = candidateOf(sourceLabel, 'code-entry-point', entry.path, entry.path, routes ?? [entry.path, ...started], triggerOfEntryPoint(entry), files, null, { packagesNear, secretsNear });
    if (!agent) continue;
    for (const path of closure) claimed.add(path);
    agents.push(agent);
  }
  // LLM code that nothing visible runs (a module imported only by code we could not see).
  // A test importing a module does not run it in production: LLM code only tests import is reported.
  const chains = new ImporterChains(code, index);
  const unrun = uncovered.filter((file) => !claimed.has(file.path) && file.entryPoint === null && hasLlmSignal(file));
  for (const top of unrun.flatMap((file) => unitRootsOf(file, chains, index, hasLlmSignal))) {
    if (claimed.has(top)) continue;
    const closure = importClosure([top], index).filter((p) => !covered.has(p));
    const files = closure.map((p) => index.get(p)!).filter(Boolean);
    // Framework code that makes no model of its own and builds agents only inside functions (a
    // library's `create_supervisor(model, …)` taking the caller's model) runs only where someone
    // calls it: that caller is the agent. An agent built at import time (`graph = create_react_agent(
    // "openai:gpt-4.1", …)`) is one, even with its model named by a string.
    const buildsItsOwn = files.some((f) => f.llm.some((use) => !isFactoryBuiltAgent(f, use.evidence)) || (f.agentDefinitions ?? []).some((d) => d.factory === null));
    if (!buildsItsOwn) continue;
    // A Mastra app module its package serves (`"start": "mastra start"`) is run: only code nothing visible runs is trusted less.
    const served = mastraServedTrigger(index.get(top)!, index);
    const agent = candidateOf(sourceLabel, 'code-entry-point', top, top, [top], served ?? unknownTrigger(), files, null, { packagesNear, secretsNear }, served ? 1 : 0.6);
    if (!agent) continue;
    for (const path of closure) claimed.add(path);
    agents.push(agent);
  }
  // Copies of a unit go before sub-agents are planned: a sub-agent's parent is the deployed unit.
  const units = dropDuplicateUnits(agents, signatures);
  applyActionCallers(configs, units, (path) => index.get(path));
  applyShellScriptCallers(configs, units);
  units.push(...declaredSubAgentItems(sourceLabel, units, (path) => index.get(path)));
  nameAgentsFromImportedConstants(code, index);
  addSubAgents(sourceLabel, units, index);
  units.push(...splitSubAgents(units, index, graph, make));
  // Sub-agents took their tools from their parent's files; now each item keeps its own agent's.
  narrowToHeldTools(units, index);
  linkRemoteCallers(units, index);
  const listed = applyLoadedClaudeConfigs(configs, dedupeByIdentity(linkClaudeCodeProjects(configs, joinProxyRoutes(units, code, index, make))), index);
  attachChainedComponents(listed, index);
  dropCalledServerActions(listed, index);
  linkMcpClients(listed, serverItems, index);
  linkMcpHttpClients(listed, serverItems, code, index, serverDeployments, configs.flatMap((config) => config.units), configs.flatMap((config) => config.k8sServices ?? []));
  linkInProcessMcpServers(listed, serverItems, index);
  listCodeMcpServers(listed, index);
  linkConfigCollaborators(configs, listed);
  judgeExampleCode(listed, code, index);
  pruneLinks(listed);
  return listed;
}

/** A model use that is a factory function's agent itself (CrewAI's `Agent(...)` names its model): it runs only where the factory is called. */
function isFactoryBuiltAgent(file: CodeFindings, use: Evidence): boolean {
  return (file.agentDefinitions ?? []).some((definition) => definition.factory !== null && definition.evidence.line === use.line);
}

/**
 * A Kubernetes workload names its ServiceAccount; the account's cloud identity (an IRSA role
 * ARN, a GKE workload identity) is often declared in another file. Join them by account name.
 */
function attachServiceAccountIdentities(unit: UnitFinding, fileLevel: CredentialReference[]): void {
  for (const credential of [...unit.credentials]) {
    if (credential.kind !== 'service-account') continue;
    const prefix = `${credential.name} -> `;
    for (const identity of fileLevel) {
      if (identity.name.startsWith(prefix) && !unit.credentials.some((c) => c.name === identity.name)) unit.credentials.push(identity);
    }
  }
}

/** The code files a config unit runs, as its config writes them (test files included: the caller tells tests apart). */
function writtenEntriesOf(unit: UnitFinding, index: CodeIndex): string[] {
  return unit.kind === 'github-action' ? githubActionEntries(unit, index, (u) => entryFilesOf(u, index)) : entryFilesOf(unit, index);
}

/**
 * The code files the configs' units run, test files left out (test code is never what a deployed
 * unit runs as its entry: a CI job running pytest is not an agent), as the linker works them out.
 */
export function configEntryFiles(configs: readonly ConfigFindings[], index: CodeIndex): string[] {
  const images = imageCommands(configs);
  // What `npm start` runs, and what a Dockerfile nothing deploys runs, are entries too.
  index.packageScripts ??= new PackageScripts(configs);
  const all = [...configs, ...undeployedImages(configs, images, index, () => null)];
  return all.flatMap((config) => config.units.flatMap((declared) => writtenEntriesOf(withImageCommand(declared, images), index).filter((path) => !isTestPath(path))));
}

function hasLlmSignal(file: CodeFindings): boolean {
  return file.llm.length > 0 || file.frameworks.length > 0 || file.agentic || (file.remoteAgents?.length ?? 0) > 0;
}

function entryFilesOf(unit: UnitFinding, index: CodeIndex): string[] {
  const configDir = posix.dirname(unit.path);
  const found = new Set<string>();
  // A service's paths are written from its build context, where its code sits; else from the
  // config's folder or the top of its project (the repository a workflow or manifest belongs to).
  const top = index.projectOf(configDir);
  const bases = [...(unit.build ? [unit.build.context] : []), configDir, top];
  for (const written of unit.codePaths) {
    const file = index.resolvePath(written, configDir) ?? index.resolvePath(written, '');
    if (file) found.add(file);
    else bases.unshift(posix.normalize(posix.join(configDir, written)).replace(/\.zip$/, ''), posix.normalize(written).replace(/\.zip$/, ''));
  }
  for (const run of unit.runs) {
    // The nearest base that names code wins: a command run in its build context is not also the root's file of that name.
    const fromCommand = bases.map((base) => entryFilesOfCommand(run, index, base, true)).find((files) => files.length > 0) ?? [];
    if (fromCommand.length > 0) {
      fromCommand.forEach((f) => found.add(f));
      continue;
    }
    const handler = /\s/.test(run) ? null : bases.map((base) => entryFileOfHandler(run, index, base)).find((f) => f !== null);
    const resolved = handler ?? entryFileBySuffix(run, index, configDir);
    if (resolved) found.add(resolved);
  }
  if (found.size === 0) for (const written of unit.codePaths) {
    const bySuffix = index.resolveBySuffix(written, configDir);
    if (bySuffix) found.add(bySuffix);
  }
  return [...found];
}

function candidateOf(
  sourceLabel: string,
  kind: UnitKind,
  name: string,
  path: string,
  entries: string[],
  trigger: TriggerFinding,
  files: CodeFindings[],
  unit: UnitFinding | null,
  near: { packagesNear: Map<string, PackageVersion[]>; secretsNear: Map<string, CredentialReference[]> },
  confidenceFactor = 1,
): DiscoveredAgent | null {
  const llm: LlmUse[] = [...(unit?.llm ?? []), ...files.flatMap((f) => f.llm)];
  const frameworks = [...(unit?.frameworks ?? []), ...files.flatMap((f) => f.frameworks)];
  const isMcp = kind === 'mcp-config';
  const remote = remoteAgentsOf(files);
  const remoteCaller = !isMcp && isRemoteCaller(files, unit, remote);
  if (llm.length === 0 && frameworks.length === 0 && !isMcp && !remoteCaller) return null;
  if (!isMcp && !remoteCaller && isModelFreeGraph(files, llm)) return null;
  const capabilities: CapabilityFinding[] = [...(unit?.capabilities ?? []), ...files.flatMap((f) => f.capabilities)];
  const agentic = isMcp || files.some((f) => f.agentic) || ((unit?.llm.length ?? 0) > 0 && !unit?.oneShot) || ['cron', 'event', 'chained'].includes(trigger.kind);
  const signal = Math.max(0, ...llm.map((l) => l.evidence.confidence), ...frameworks.map((f) => f.evidence.confidence), isMcp && unit ? unit.evidence.confidence : 0, remoteCaller ? remoteSignal(remote) : 0);
  const remoteAgent = remoteCaller ? primaryRemoteAgent(remote) : undefined;
  return {
    identityKey: `${sourceLabel}:${kind}:${path}#${name}`,
    name: kind === 'code-entry-point' ? nameOfEntryPoint(path) : name,
    unit: { kind, name, path },
    entryPoints: entries,
    codeFiles: files.map((f) => f.path),
    classification: remoteCaller ? 'remote-caller' : agentic ? 'agent' : 'llm-call',
    confidence: Math.round(signal * confidenceFactor * 100) / 100,
    trigger,
    llm,
    frameworks,
    tools: toolsByName([...(unit?.tools ?? []), ...files.flatMap((f) => f.tools)]),
    capabilities,
    ...(isMcp && unit?.mcpServers?.length ? { mcpServers: unit.mcpServers } : {}),
    // An MCP config runs servers from elsewhere (npx, uvx, remote URLs), not the code beside it:
    // neither the lockfiles nor the .env files of its folder are its own.
    credentials: [...(unit?.credentials ?? []), ...files.flatMap((f) => f.credentials), ...(isMcp ? [] : nearest([path, ...files.map((f) => f.path)], near.secretsNear))],
    endpoints: [...(unit?.endpoints ?? []), ...files.flatMap((f) => f.endpoints)],
    guardrails: files.flatMap((f) => f.guardrails),
    untrustedInputs: uniqueInputs([...(unit?.untrustedInputs ?? []), ...files.flatMap((f) => f.untrustedInputs)]),
    packages: isMcp ? [] : packagesFor([path, ...files.map((f) => f.path)], near.packagesNear),
    ...(remoteAgent ? { remoteAgent } : {}),
  };
}

/**
 * What the unit's trigger hands it and what its code reads, each seen once: two entry points that
 * import the same tools module read the same tickets.
 */
function uniqueInputs(inputs: UntrustedInputFinding[]): UntrustedInputFinding[] {
  const seen = new Set<string>();
  return inputs.filter((input) => {
    const key = `${input.kind}|${input.detail}|${input.tool}|${input.evidence.path}:${input.evidence.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** "src/mastra/index.ts" → "mastra", "app/api/chat/route.ts" → "api/chat", "bots/refund_bot.py" → "refund_bot". */
function nameOfEntryPoint(path: string): string {
  const parts = path.split('/');
  const file = parts.pop()!.replace(/\.[^.]+$/, '');
  const generic = new Set(['index', 'main', 'app', 'route', 'server', 'handler', '__main__', 'worker', 'page']);
  if (!generic.has(file)) return file;
  const dirs = parts.filter((p) => !['src', 'app', 'lib'].includes(p));
  return dirs.length > 0 ? dirs.slice(-2).join('/') : file;
}

function packagesByFolder(lockfiles: LockfileFindings[]): Map<string, PackageVersion[]> {
  const map = new Map<string, PackageVersion[]>();
  for (const lock of lockfiles) {
    const dir = posix.dirname(lock.path);
    map.set(dir, [...(map.get(dir) ?? []), ...lock.packages]);
  }
  return map;
}

/**
 * The credentials of files that apply to their folder (.env, terraform.tfvars, key files), by
 * folder. Like a lockfile's packages, they reach the units whose config or code sits at or
 * below that folder, the nearest such folder winning: a service's own .env, else the repository's.
 */
function folderCredentials(configs: ConfigFindings[]): Map<string, CredentialReference[]> {
  const map = new Map<string, CredentialReference[]>();
  for (const config of configs) {
    if (!config.appliesToFolder) continue;
    const dir = posix.dirname(config.path);
    map.set(dir, [...(map.get(dir) ?? []), ...config.credentials]);
  }
  return map;
}

/** What the nearest folders above each path hold (the root's counts for all), each item once. */
function nearest<T>(paths: string[], byFolder: Map<string, T[]>): T[] {
  return [...new Set(nearestFolders(paths, byFolder).flatMap((dir) => byFolder.get(dir) ?? []))];
}

/** Each folder's nearest folder at or above it that `byFolder` holds, by `byFolder`: every unit of a folder asks again. */
const nearestFolderOf = new WeakMap<Map<string, unknown>, Map<string, string | null>>();

/** The nearest folders at or above each path's folder that `byFolder` holds, each once, in the paths' order. */
function nearestFolders(paths: string[], byFolder: Map<string, unknown>): string[] {
  let known = nearestFolderOf.get(byFolder);
  if (!known) nearestFolderOf.set(byFolder, (known = new Map()));
  const dirs = new Set<string>();
  for (const path of paths) {
    const start = posix.dirname(path);
    let found = known.get(start);
    if (found === undefined) {
      found = null;
      for (let dir = start; ; dir = posix.dirname(dir)) {
        if (byFolder.has(dir)) {
          found = dir;
          break;
        }
        if (dir === '.' || dir === '/' || dir === '') break;
      }
      known.set(start, found);
    }
    if (found !== null) dirs.add(found);
  }
  return [...dirs];
}

/** The packages of each set of lockfile folders, by `near`: the units of one repository share its lockfiles, often of hundreds of packages. */
const packagesOfFolders = new WeakMap<Map<string, PackageVersion[]>, Map<string, PackageVersion[]>>();

/** Packages of the nearest lockfiles above each of the unit's files, each name@version once. */
function packagesFor(paths: string[], near: Map<string, PackageVersion[]>): PackageVersion[] {
  let byFolders = packagesOfFolders.get(near);
  if (!byFolders) packagesOfFolders.set(near, (byFolders = new Map()));
  const folders = nearestFolders(paths, near);
  const key = folders.join('\0');
  let packages = byFolders.get(key);
  if (!packages) {
    const seen = new Set<string>();
    packages = [...new Set(folders.flatMap((dir) => near.get(dir) ?? []))].filter((pkg) => {
      const id = `${pkg.ecosystem}:${pkg.name}@${pkg.version}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    byFolders.set(key, packages);
  }
  return [...packages];
}

function dedupeByIdentity(agents: DiscoveredAgent[]): DiscoveredAgent[] {
  const byKey = new Map<string, DiscoveredAgent>();
  for (const agent of agents) if (!byKey.has(agent.identityKey)) byKey.set(agent.identityKey, agent);
  return [...byKey.values()];
}
