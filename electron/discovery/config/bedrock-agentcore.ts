import { posix } from 'node:path';
import type { ConfigFindings, UnitFinding } from '../findings';
import type { ConfigContext } from './context';
import { recordEnvEntry } from './env-facts';
import { parseJsonDocument } from './json-document';
import { ConfigSource } from './source';
import { addCredential, newFindings, newUnit, noTrigger, trigger } from './units';
import { asArray, asRecord, asText, entriesOf, type Json } from './values';
import { parseYamlDocuments, type PathSegment } from './yaml-documents';

/** The starter toolkit's file (`agentcore configure`) and the AgentCore CLI's project file (`agentcore create`). */
export const AGENTCORE_TOOLKIT_CONFIG = /(^|\/)\.bedrock_agentcore\.ya?ml$/;
export const AGENTCORE_PROJECT_CONFIG = /(^|\/)agentcore\/agentcore\.json$/;

/**
 * Amazon Bedrock AgentCore Runtime deployments: each agent the file declares is deployed as a
 * runtime AWS invokes per session (InvokeAgentRuntime), over HTTP, or as an MCP or A2A server.
 * Its code is the entry file the file names; it runs as an IAM execution role (an ARN, or one
 * the toolkit creates), with the environment variables the project sets.
 *
 * - `.bedrock_agentcore.yaml` (bedrock-agentcore-starter-toolkit): `agents: {name: {entrypoint,
 *   source_path, deployment_type, aws: {execution_role, protocol_configuration}}}`. The toolkit
 *   writes absolute paths of the machine it ran on (`C:/Users/me/proj/src/agent.py`).
 * - `agentcore/agentcore.json` (AgentCore CLI): `runtimes: [{name, build, entrypoint,
 *   codeLocation, protocol, envVars}]`, paths written from the project folder above `agentcore/`.
 *
 * A container build's Dockerfile sits in the code's folder (or the toolkit's project folder):
 * that Dockerfile is this runtime's image, not a deployment of its own.
 */
export function analyzeBedrockAgentcore(path: string, text: string, ctx: ConfigContext): ConfigFindings | null {
  const src = new ConfigSource(path, text, ctx);
  const runtimes = AGENTCORE_PROJECT_CONFIG.test(path) ? projectRuntimes(src) : toolkitRuntimes(src);
  if (runtimes.length === 0) return null;
  const findings = newFindings(path, 'bedrock-agentcore');
  for (const runtime of runtimes) {
    const evidence = src.evidence('agentcore.unit.runtime', runtime.line);
    if (!evidence) continue;
    const protocol = (runtime.protocol ?? 'HTTP').toUpperCase();
    const invoked = trigger('webhook', `InvokeAgentRuntime (${protocol})`, `On invocations of the AgentCore Runtime (${protocol === 'HTTP' ? 'HTTP' : `${protocol} server`})`, src.evidence('agentcore.trigger.invoke', runtime.protocolLine ?? runtime.line));
    const unit: UnitFinding = newUnit('serverless-function', runtime.name, path, evidence, invoked ?? noTrigger('Invoked through the AgentCore Runtime API'));
    unit.codePaths.push(...runtime.entries);
    if (runtime.build) unit.build = runtime.build;
    if (runtime.role) addCredential(unit, 'iam-role', runtime.role.name, 'aws', src.evidence('agentcore.credential.execution-role', runtime.role.line));
    for (const entry of runtime.env) recordEnvEntry(src, unit, entry);
    findings.units.push(unit);
  }
  return findings.units.length > 0 ? src.redactFindings(findings) : null;
}

interface Runtime {
  name: string;
  line: number;
  /** Entry file candidates, relative to the scanned root; the linker keeps those that exist. */
  entries: string[];
  /** A container build: the folder its Dockerfile is in, relative to the scanned root, and the file when the tool names it. */
  build: { context: string; dockerfile: string | null } | null;
  protocol: string | null;
  protocolLine: number | null;
  role: { name: string; line: number } | null;
  env: Array<{ name: string; value: string | null; line: number }>;
}

function toolkitRuntimes(src: ConfigSource): Runtime[] {
  const [doc] = parseYamlDocuments(src);
  const agents = entriesOf(asRecord(doc?.value)?.agents);
  if (!doc) return [];
  return agents.flatMap(([key, value]): Runtime[] => {
    const agent = asRecord(value);
    const entrypoint = asText(agent?.entrypoint);
    if (!agent || !entrypoint) return [];
    const at = (...rest: PathSegment[]) => doc.lineOf(['agents', key, ...rest]);
    const aws = asRecord(agent.aws);
    const roleArn = asText(aws?.execution_role);
    const role = roleArn ? { name: roleArn, line: at('aws', 'execution_role') } : aws?.execution_role_auto_create === true ? { name: 'AgentCore execution role (created by the toolkit at launch)', line: at('aws', 'execution_role_auto_create') } : null;
    const protocol = asText(asRecord(aws?.protocol_configuration)?.server_protocol);
    const sourcePath = asText(agent.source_path);
    const name = asText(agent.name) ?? key;
    const deployment = asText(agent.deployment_type);
    const containerRuntime = asText(agent.container_runtime);
    // Older toolkits wrote the Dockerfile beside the config; newer ones under .bedrock_agentcore/<agent>/.
    const container = deployment === 'container' || (deployment === null && containerRuntime !== null && containerRuntime !== 'none');
    return [
      {
        name,
        line: at(),
        entries: toolkitEntries(src.dir, entrypoint, sourcePath),
        build: container ? { context: src.dir || '.', dockerfile: `.bedrock_agentcore/${name}/Dockerfile` } : null,
        protocol,
        protocolLine: protocol ? at('aws', 'protocol_configuration', 'server_protocol') : null,
        role,
        env: [],
      },
    ];
  });
}

/**
 * Where the toolkit's entry file is in the scanned tree. A relative path is written from the
 * folder the toolkit ran in, the config's. An absolute one names the author's disk: the file is
 * below its source folder, and the config sat in that folder or one of the few above it, so each
 * of those readings is a candidate (`C:/Users/me/proj/src/agent.py` with source `…/proj/src`:
 * `agent.py` or `src/agent.py` beside the config).
 */
function toolkitEntries(configDir: string, entrypoint: string, sourcePath: string | null): string[] {
  const entry = entrypoint.replace(/\\/g, '/');
  if (!isAbsolute(entry)) return [posix.normalize(posix.join(configDir, entry))];
  const source = sourcePath?.replace(/\\/g, '/').replace(/\/+$/, '');
  const below = source && entry.startsWith(`${source}/`) ? entry.slice(source.length + 1) : posix.basename(entry);
  const sourceParts = source && entry.startsWith(`${source}/`) ? source.split('/').filter((part) => part && !/^[A-Za-z]:$/.test(part)) : [];
  const candidates: string[] = [];
  for (let above = 0; above <= Math.min(3, sourceParts.length); above++) {
    candidates.push(posix.normalize(posix.join(configDir, ...sourceParts.slice(sourceParts.length - above), below)));
  }
  return [...new Set(candidates)];
}

function isAbsolute(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:\//.test(path);
}

function projectRuntimes(src: ConfigSource): Runtime[] {
  const doc = parseJsonDocument(src);
  const project = asRecord(doc.value);
  // The project folder is the one holding agentcore/: codeLocation is written from there.
  const projectDir = posix.dirname(src.dir);
  const base = projectDir === '.' ? '' : projectDir;
  return asArray(project?.runtimes).flatMap((value, i): Runtime[] => {
    const runtime = asRecord(value);
    const entrypoint = asText(runtime?.entrypoint);
    const name = asText(runtime?.name);
    if (!runtime || !entrypoint || !name) return [];
    const codeFolder = posix.normalize(posix.join(base || '.', asText(runtime.codeLocation) ?? '.')).replace(/(.)\/+$/, '$1');
    const protocol = asText(runtime.protocol);
    return [
      {
        name,
        line: doc.lineOf(['runtimes', i, 'name']),
        entries: [posix.normalize(posix.join(codeFolder, entrypoint))],
        build: asText(runtime.build)?.toLowerCase() === 'container' ? { context: codeFolder, dockerfile: null } : null,
        protocol,
        protocolLine: protocol ? doc.lineOf(['runtimes', i, 'protocol']) : null,
        role: null,
        env: envVarsOf(runtime, (j, key) => doc.lineOf(['runtimes', i, 'envVars', j, ...(key ? [key] : [])])),
      },
    ];
  });
}

/** `envVars: ["OPENAI_API_KEY"]` (names the deployment fills in) or `[{ name, value }]`. */
function envVarsOf(runtime: Json, lineOf: (index: number, key?: string) => number): Runtime['env'] {
  return asArray(runtime.envVars).flatMap((value, j) => {
    const named = asText(value);
    if (named) return [{ name: named, value: null, line: lineOf(j) }];
    const entry = asRecord(value);
    const name = asText(entry?.name);
    return name ? [{ name, value: asText(entry?.value), line: lineOf(j, 'value') }] : [];
  });
}
