import type { RemoteAgentTarget } from '../../../shared/discovery';
import { makeEvidence } from '../evidence';
import type { CallSite, CodeModel, Value } from './code-model';
import { resolved } from './finding-context';
import type { CodeRuleSet, RemoteAgentPlatform } from './rules';

/**
 * Calls that start a run of an agent deployed somewhere else: LangGraph Platform runs through
 * `langgraph_sdk` / `@langchain/langgraph-sdk` or a `RemoteGraph`, OpenAI Assistants runs, Temporal
 * workflow executions (run by whichever worker polls the queue) and messages to a Letta server's agent.
 * Code that only does this is a caller (a trigger of the remote agent), not an agent: the model
 * loop runs on the platform (link/remote-callers.ts decides, over the unit's whole code).
 */
interface RemoteShape {
  platform: RemoteAgentPlatform;
  callee: RegExp;
  /** Where the graph or assistant id sits: a named argument (or options property), else a position. */
  nameArgs: string[];
  nameAt?: number;
  /** The client constructor whose argument holds the deployment URL, as the start of the callee. */
  client?: RegExp;
  urlArgs: string[];
  /** It only names the graph (finding or making an assistant for it): a caller only if the file also starts a run. */
  namesOnly?: boolean;
}

const SHAPES: RemoteShape[] = [
  // client = get_client(url=...); client.runs.stream(thread_id, "agent", input=...)
  { platform: 'langgraph-platform', callee: /^langgraph_sdk\.get_(?:sync_)?client\(\)\.runs\.(stream|create|wait|create_batch)$/, nameArgs: ['assistant_id'], nameAt: 1, client: /^langgraph_sdk\.get_(?:sync_)?client$/, urlArgs: ['url'] },
  { platform: 'langgraph-platform', callee: /^@langchain\/langgraph-sdk\.Client\(\)\.runs\.(stream|create|wait|createBatch)$/, nameArgs: ['assistantId'], nameAt: 1, client: /^@langchain\/langgraph-sdk\.Client$/, urlArgs: ['apiUrl'] },
  // An assistant made for (or looked up by) a graph id: `client.assistants.create(graph_id="agent")`.
  { platform: 'langgraph-platform', callee: /^langgraph_sdk\.get_(?:sync_)?client\(\)\.assistants\.(create|search)$/, nameArgs: ['graph_id'], client: /^langgraph_sdk\.get_(?:sync_)?client$/, urlArgs: ['url'], namesOnly: true },
  { platform: 'langgraph-platform', callee: /^@langchain\/langgraph-sdk\.Client\(\)\.assistants\.(create|search)$/, nameArgs: ['graphId'], client: /^@langchain\/langgraph-sdk\.Client$/, urlArgs: ['apiUrl'], namesOnly: true },
  // The React hook a browser page streams a deployed graph with: `useStream({ apiUrl, assistantId: "agent" })`.
  { platform: 'langgraph-platform', callee: /^@langchain\/langgraph-sdk\/react\.useStream$/, nameArgs: ['assistantId'], urlArgs: ['apiUrl'] },
  { platform: 'langgraph-platform', callee: /^langgraph\.pregel\.remote\.RemoteGraph$/, nameArgs: ['assistant_id', 'graph_id', 'name'], nameAt: 0, urlArgs: ['url'] },
  { platform: 'langgraph-platform', callee: /^@langchain\/langgraph\/remote\.RemoteGraph$/, nameArgs: ['graphId', 'assistantId'], urlArgs: ['url'] },
  // client.beta.threads.runs.create_and_poll(thread_id=..., assistant_id=...); TS createAndPoll(threadId, { assistant_id })
  {
    platform: 'openai-assistants',
    callee: /^openai[\w.()]*\.beta\.threads\.(runs\.(create|create_and_poll|createAndPoll|stream|create_and_stream)|create_and_run|create_and_run_poll|create_and_run_stream|createAndRun|createAndRunPoll|createAndRunStream)$/,
    nameArgs: ['assistant_id'],
    urlArgs: [],
  },
  // client = await Client.connect(...); await client.execute_workflow(AgentWorkflow.run, query, task_queue=...):
  // the workflow and its activities run in whichever worker polls that queue.
  { platform: 'temporal', callee: /^temporalio\.client\.Client[\w.]*\([^()]*\)\.(execute_workflow|start_workflow)$/, nameArgs: ['workflow'], nameAt: 0, urlArgs: [] },
  // An agent on Bedrock AgentCore Runtime: `boto3.client("bedrock-agentcore").invoke_agent_runtime(agentRuntimeArn=...)`,
  // `client.send(new InvokeAgentRuntimeCommand({ agentRuntimeArn }))`; its model loop runs in the runtime's container.
  { platform: 'bedrock-agentcore', callee: /^boto3\.client\(bedrock-agentcore\)\.invoke_agent_runtime$/, nameArgs: ['agentRuntimeArn'], urlArgs: [] },
  { platform: 'bedrock-agentcore', callee: /^@aws-sdk\/client-bedrock-agentcore\.InvokeAgentRuntimeCommand$/, nameArgs: ['agentRuntimeArn'], urlArgs: [] },
  // A message to an agent kept on a Letta server: `Letta(base_url=...).agents.messages.create(agent_id=...)`,
  // `new LettaClient({ baseUrl }).agents.messages.createStream(agentId, {...})`; its memory and loop run on the server.
  { platform: 'letta', callee: /^letta_client\.(Letta|AsyncLetta)\(\)\.agents\.messages\.(create|create_stream|create_async)$/, nameArgs: ['agent_id'], nameAt: 0, client: /^letta_client\.(Letta|AsyncLetta)$/, urlArgs: ['base_url'] },
  { platform: 'letta', callee: /^@letta-ai\/letta-client\.(LettaClient|Letta)\(\)\.agents\.messages\.(create|createStream|createAsync|stream)$/, nameArgs: ['agentId'], nameAt: 0, client: /^@letta-ai\/letta-client\.(LettaClient|Letta)$/, urlArgs: ['baseUrl', 'baseURL'] },
];

/** Methods of an OpenAI client that belong to Assistants runs (threads, messages, runs, reading assistants). */
const ASSISTANTS_API = /\.beta\.(threads|assistants)\./;
/** ...except defining the assistant or answering its tool calls here: then the agent's tools run in this code. */
const ASSISTANT_OF_ITS_OWN = /\.beta\.assistants\.(create|update)$|\.(submit_tool_outputs|submit_tool_outputs_and_poll|submit_tool_outputs_stream|submitToolOutputs|submitToolOutputsAndPoll|submitToolOutputsStream)$/;

/** The packages whose clients start remote runs: a file importing none of them is not looked at. */
const REMOTE_PACKAGES = /^(langgraph|openai$|openai\.|@langchain\/langgraph|temporalio|boto3$|@aws-sdk\/client-bedrock-agentcore$|letta_client$|@letta-ai\/letta-client$)/;

/**
 * The remote runs a file starts, for the platforms whose rule (`code.remote-agent.<platform>`) is
 * enabled: a platform turned off leaves the file as if it started none.
 */
export function findRemoteAgents(model: CodeModel, rules: Pick<CodeRuleSet, 'remoteAgent'>): RemoteAgentTarget[] {
  const ruleOf = new Map(rules.remoteAgent.map((rule) => [rule.platform, rule]));
  const shapes = SHAPES.filter((shape) => ruleOf.has(shape.platform));
  if (shapes.length === 0 || !model.imports.some((fact) => REMOTE_PACKAGES.test(fact.module))) return [];
  const found: RemoteAgentTarget[] = [];
  const startsRuns = model.calls.some((call) => shapes.some((shape) => !shape.namesOnly && shape.callee.test(call.callee)));
  for (const call of model.calls) {
    const shape = shapes.find((candidate) => candidate.callee.test(call.callee));
    if (!shape || (shape.namesOnly && !startsRuns)) continue;
    const nameValue = shape.nameArgs.map((arg) => call.named.get(arg)).find((v) => v !== undefined) ?? (shape.nameAt !== undefined ? call.args[shape.nameAt] : undefined);
    const client = shape.client ? model.calls.find((site) => shape.client!.test(site.callee) && call.callee.startsWith(`${site.symbol}.`)) : call;
    const urlValue = client ? (shape.urlArgs.map((arg) => client.named.get(arg)).find((v) => v !== undefined) ?? (shape.client ? client.args[0] : undefined)) : undefined;
    const rule = ruleOf.get(shape.platform)!;
    const target: RemoteAgentTarget = {
      platform: shape.platform,
      name: nameOf(model, nameValue),
      url: urlOf(model, urlValue),
      evidence: makeEvidence(model.path, call.line, model.lines[call.line - 1] ?? '', rule.id, rule.confidence),
    };
    if (!found.some((f) => f.platform === target.platform && f.name === target.name && f.url === target.url)) found.push(target);
  }
  // A run started with an assistant id held in a variable names no graph; the graph its assistant
  // was made for (or looked up by) does, so the nameless one adds nothing.
  return found.filter((target) => target.name !== null || !found.some((other) => other.platform === target.platform && other.name !== null));
}

/**
 * True when every model call of the file (besides building the client) is an Assistants-run
 * call: the key is spent by the assistant's runs on the platform, not by a loop of this code.
 */
export function onlyStartsRemoteRuns(modelCalls: readonly CallSite[], clientCalls: ReadonlySet<CallSite>, remote: readonly RemoteAgentTarget[]): boolean {
  if (remote.length === 0) return false;
  const onClients = modelCalls.filter((call) => !clientCalls.has(call));
  return onClients.every((call) => ASSISTANTS_API.test(call.callee) && !ASSISTANT_OF_ITS_OWN.test(call.callee));
}

/** A literal id, else the environment variable it is read from (`os.environ["ASSISTANT_ID"]`, `process.env.GRAPH_ID`). */
function nameOf(model: CodeModel, value: Value | undefined): string | null {
  const current = resolved(model, value);
  if (!current) return null;
  // A workflow named by its class or run method (`AgentWorkflow.run`): the workflow type.
  if (current.kind === 'ref' && /^[A-Z]\w*(\.run)?$/.test(current.name)) return current.name.replace(/\.run$/, '');
  // An AgentCore runtime ARN names the runtime: `arn:aws:bedrock-agentcore:…:runtime/northwind_DisputeAgent-a1B2c3D4e5`.
  if (current.kind === 'string' && !current.interpolated) return /^arn:aws:bedrock-agentcore:[^/]*:runtime\/([\w]+?)(?:-[A-Za-z0-9]{10})?$/.exec(current.text)?.[1] ?? (current.text.trim() === '' ? null : current.text.slice(0, 120));
  if (current.kind === 'string') return null;
  return envName(current);
}

function urlOf(model: CodeModel, value: Value | undefined): string | null {
  const current = resolved(model, value);
  return current?.kind === 'string' && !current.interpolated && /^https?:\/\//.test(current.text) ? current.text.slice(0, 200) : null;
}

function envName(value: Value): string | null {
  if (value.kind === 'ref') return /^process\.env\.([A-Za-z_]\w*)$/.exec(value.name)?.[1] ?? null;
  if (value.kind === 'call' && /^(os\.getenv|os\.environ\.get)$/.test(value.call.callee)) {
    const first = value.call.args[0];
    return first?.kind === 'string' && !first.interpolated ? first.text : null;
  }
  if (value.kind === 'other') return /^os\.environ\[\s*["']([A-Za-z_]\w*)["']\s*\]$/.exec(value.text)?.[1] ?? /^process\.env\[\s*["']([A-Za-z_]\w*)["']\s*\]$/.exec(value.text)?.[1] ?? null;
  return null;
}
