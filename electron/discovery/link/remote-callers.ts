import type { DiscoveredAgent, RemoteAgentTarget } from '../../../shared/discovery';
import type { CodeFindings, UnitFinding } from '../findings';
import { AGENTCORE_PROJECT_CONFIG, AGENTCORE_TOOLKIT_CONFIG } from '../config/bedrock-agentcore';
import { linkAgents } from './agent-links';
import type { CodeIndex } from './resolve-code';

/**
 * Code that starts runs of an agent deployed elsewhere (a LangGraph Platform graph, an OpenAI
 * assistant) without a model loop of its own is a caller of that agent, never an agent: the
 * tokens are spent by the remote run. A unit that also runs its own model stays an agent and
 * keeps the link to what it calls.
 */

/** The remote agents a unit's code starts, each once. */
export function remoteAgentsOf(files: readonly CodeFindings[]): RemoteAgentTarget[] {
  const seen = new Set<string>();
  return files
    .flatMap((file) => file.remoteAgents ?? [])
    .filter((target) => {
      const key = `${target.platform}|${target.name}|${target.url}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** True when the unit starts remote runs and nothing in it calls a model or runs an agent framework itself. */
export function isRemoteCaller(files: readonly CodeFindings[], unit: UnitFinding | null, remote: readonly RemoteAgentTarget[]): boolean {
  if (remote.length === 0 || (unit?.llm.length ?? 0) > 0) return false;
  return !files.some((file) => (file.llm.length > 0 && !file.llmOnlyStartsRemoteRuns) || (file.agentic && !file.modelFreeGraph));
}

/** The target a caller item shows: one with a name first (it says which agent), else the first. */
export function primaryRemoteAgent(remote: readonly RemoteAgentTarget[]): RemoteAgentTarget | undefined {
  return remote.find((target) => target.name !== null) ?? remote[0];
}

/** The evidence confidence a caller is listed with when it has no LLM or framework evidence. */
export function remoteSignal(remote: readonly RemoteAgentTarget[]): number {
  return Math.max(0, ...remote.map((target) => target.evidence.confidence));
}

/**
 * Ties every item whose code starts a LangGraph Platform run of a graph by name to the
 * langgraph.json graph of that name in the same scan: the caller gets { graph, 'remote-agent' },
 * the graph { caller, 'caller' }; one invoking an AgentCore runtime by its ARN, to the runtime the
 * scan found deployed under that name. A Temporal workflow's starter is tied to the item whose code
 * holds the workflow module it imports to name the run (the worker that registers it).
 */
export function linkRemoteCallers(agents: readonly DiscoveredAgent[], index: CodeIndex): void {
  const graphs = agents.filter((agent) => agent.unit.kind === 'langgraph-graph');
  const runtimes = agents.filter((agent) => AGENTCORE_TOOLKIT_CONFIG.test(agent.unit.path) || AGENTCORE_PROJECT_CONFIG.test(agent.unit.path));
  for (const agent of agents) {
    if (agent.unit.kind === 'sub-agent') continue;
    const files = agent.codeFiles.map((path) => index.get(path)).filter((file): file is CodeFindings => file !== undefined);
    for (const target of remoteAgentsOf(files)) {
      if (target.platform === 'temporal') {
        const worker = workerOf(agent, target, agents, index);
        if (worker) linkAgents(agent, worker, 'remote-agent', target.evidence);
        continue;
      }
      if (target.name === null) continue;
      const deployed = target.platform === 'langgraph-platform' ? graphs.filter((candidate) => candidate.unit.name === target.name) : target.platform === 'bedrock-agentcore' ? runtimes.filter((candidate) => isRuntimeNamed(candidate, target.name!)) : [];
      const remote = nearestDeployment(deployed.filter((candidate) => candidate !== agent), target.evidence.path);
      if (remote) linkAgents(agent, remote, 'remote-agent', target.evidence);
    }
  }
}

/**
 * An AgentCore runtime's ARN names it as deployed: the toolkit deploys an agent under its own
 * name, the AgentCore CLI a runtime as `<project>_<runtime>`.
 */
function isRuntimeNamed(agent: DiscoveredAgent, deployedName: string): boolean {
  return deployedName === agent.unit.name || deployedName.endsWith(`_${agent.unit.name}`);
}

/** The item that runs a model (an agent or a one-shot call; not the caller, not a sub-agent) whose code holds a module the starting file imports: the workflow it names. */
function workerOf(caller: DiscoveredAgent, target: RemoteAgentTarget, agents: readonly DiscoveredAgent[], index: CodeIndex): DiscoveredAgent | undefined {
  const starter = target.evidence.path;
  const imported = new Set((index.get(starter)?.localImports ?? []).map((written) => index.resolveImport(written, starter)).filter((path): path is string => path !== null));
  const runsModel = (agent: DiscoveredAgent) => agent.classification === 'agent' || agent.classification === 'llm-call';
  return agents.find((agent) => agent !== caller && agent.unit.kind !== 'sub-agent' && runsModel(agent) && agent.codeFiles.some((path) => imported.has(path)));
}

/** Of several deployments of one name (a monorepo of langgraph.json graphs or AgentCore projects), the one whose file shares the most folders with the caller. */
function nearestDeployment(deployments: DiscoveredAgent[], callerPath: string): DiscoveredAgent | undefined {
  const shared = (path: string) => {
    const a = path.split('/').slice(0, -1);
    const b = callerPath.split('/').slice(0, -1);
    let depth = 0;
    while (depth < a.length && depth < b.length && a[depth] === b[depth]) depth++;
    return depth;
  };
  return [...deployments].sort((x, y) => shared(y.unit.path) - shared(x.unit.path))[0];
}
