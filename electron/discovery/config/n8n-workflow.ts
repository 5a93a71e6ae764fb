import { posix } from 'node:path';
import { CAPABILITY_KINDS, type CapabilityKind, type UntrustedInputKind } from '../../../shared/discovery';
import type { TriggerKind } from '../../../shared/agent';
import type { ConfigFindings, UnitFinding } from '../findings';
import { validatedBundledCodeRules } from '../code/bundled-code-rules';
import type { ConfigContext } from './context';
import { literalHost } from './env-facts';
import { parseJsonDocument, type JsonDocument } from './json-document';
import { ConfigSource } from './source';
import { addCapability, addCredential, addEndpoint, addLlm, newFindings, newUnit, noTrigger, primaryTrigger, trigger } from './units';
import { asArray, asRecord, asText, entriesOf, type Json } from './values';
import type { PathSegment } from './yaml-documents';

/**
 * n8n workflow exports (the JSON `n8n export:workflow` writes and the editor downloads, often
 * committed under workflows/): `{ name, nodes: [{ type, name, parameters, credentials }],
 * connections }`, or an array of them. A workflow holding an AI Agent (`@n8n/n8n-nodes-langchain.agent`)
 * is an agent n8n runs on each of its triggers: its model, tools and credentials are nodes wired
 * to it (`ai_languageModel`, `ai_tool` connections), and any node of the workflow may act on what
 * the model said. A workflow whose only AI nodes are chains (`chainLlm`, the OpenAI node) calls a
 * model once per run. The file is a description for n8n to run: nothing here runs it.
 */

/** A cheap test before parsing: a JSON file naming an n8n node type. */
export function mayBeN8nWorkflow(text: string): boolean {
  return text.includes('n8n-nodes-');
}

interface WorkflowNode {
  index: number;
  name: string;
  /** The type without its package: `agent`, `lmChatOpenAi`, `gmailTrigger`, `slackTool`. */
  type: string;
  langchain: boolean;
  parameters: Json;
  credentials: Json;
}

/** Agent nodes: the model decides which tools to call, in a loop. */
const AGENT_TYPES = new Set(['agent', 'agentTool', 'openAiAssistant']);
/** Nodes that call a model once (chains, the OpenAI node's message operations). */
const ONE_SHOT_TYPES = new Set(['chainLlm', 'chainSummarization', 'chainRetrievalQa', 'informationExtractor', 'textClassifier', 'sentimentAnalysis', 'openAi', 'anthropic', 'googleGemini', 'ollama']);

/** Chat model and LLM nodes by the provider they call; the model is in `parameters.model`. */
const MODEL_NODES: Record<string, { provider: string; label: string }> = {
  lmChatOpenAi: { provider: 'openai', label: 'OpenAI Chat Model (n8n)' },
  lmOpenAi: { provider: 'openai', label: 'OpenAI Model (n8n)' },
  openAi: { provider: 'openai', label: 'OpenAI node (n8n)' },
  lmChatAzureOpenAi: { provider: 'azure-openai', label: 'Azure OpenAI Chat Model (n8n)' },
  lmChatAnthropic: { provider: 'anthropic', label: 'Anthropic Chat Model (n8n)' },
  anthropic: { provider: 'anthropic', label: 'Anthropic node (n8n)' },
  lmChatGoogleGemini: { provider: 'google', label: 'Google Gemini Chat Model (n8n)' },
  googleGemini: { provider: 'google', label: 'Google Gemini node (n8n)' },
  lmChatGoogleVertex: { provider: 'google', label: 'Google Vertex Chat Model (n8n)' },
  lmChatAwsBedrock: { provider: 'bedrock', label: 'AWS Bedrock Chat Model (n8n)' },
  lmChatMistralCloud: { provider: 'mistral', label: 'Mistral Cloud Chat Model (n8n)' },
  lmChatGroq: { provider: 'groq', label: 'Groq Chat Model (n8n)' },
  lmChatDeepSeek: { provider: 'deepseek', label: 'DeepSeek Chat Model (n8n)' },
  lmChatOpenRouter: { provider: 'openrouter', label: 'OpenRouter Chat Model (n8n)' },
  lmChatXAiGrok: { provider: 'xai', label: 'xAI Grok Chat Model (n8n)' },
  lmChatOllama: { provider: 'ollama', label: 'Ollama Chat Model (n8n)' },
  lmOllama: { provider: 'ollama', label: 'Ollama Model (n8n)' },
  ollama: { provider: 'ollama', label: 'Ollama node (n8n)' },
};

/** Trigger nodes: what starts a run, and the outside content it hands the workflow. */
const TRIGGERS: Record<string, { kind: TriggerKind; words: string; input?: UntrustedInputKind }> = {
  scheduleTrigger: { kind: 'cron', words: 'On its n8n schedule' },
  cron: { kind: 'cron', words: 'On its n8n schedule' },
  interval: { kind: 'cron', words: 'On its n8n interval' },
  webhook: { kind: 'webhook', words: 'On HTTP requests to its n8n webhook' },
  formTrigger: { kind: 'webhook', words: 'On submissions of its n8n form', input: 'document' },
  chatTrigger: { kind: 'user', words: 'When a chat message reaches its n8n chat', input: 'chat-message' },
  telegramTrigger: { kind: 'user', words: 'When a Telegram message reaches the bot', input: 'chat-message' },
  slackTrigger: { kind: 'event', words: 'On Slack events', input: 'chat-message' },
  discordTrigger: { kind: 'event', words: 'On Discord messages', input: 'chat-message' },
  whatsAppTrigger: { kind: 'user', words: 'When a WhatsApp message arrives', input: 'chat-message' },
  gmailTrigger: { kind: 'event', words: 'When mail arrives in Gmail', input: 'email' },
  emailReadImap: { kind: 'event', words: 'When mail arrives (IMAP)', input: 'email' },
  microsoftOutlookTrigger: { kind: 'event', words: 'When mail arrives in Outlook', input: 'email' },
  githubTrigger: { kind: 'event', words: 'On GitHub events', input: 'code-comment' },
  jiraTrigger: { kind: 'event', words: 'On Jira events', input: 'ticket' },
  zendeskTrigger: { kind: 'event', words: 'On Zendesk events', input: 'ticket' },
  executeWorkflowTrigger: { kind: 'chained', words: 'When another n8n workflow calls it' },
  mcpTrigger: { kind: 'webhook', words: 'When an MCP client calls the tools it serves (n8n MCP Server Trigger)' },
  manualTrigger: { kind: 'user', words: 'When someone runs it in the n8n editor' },
};

/** Tool and action nodes by what they let the workflow do; `Tool` suffixes (gmailTool) are the same service used by an agent. */
const ACTIONS: Record<string, { kind: CapabilityKind; words: string }> = {
  httpRequest: { kind: 'outbound-network', words: 'HTTP requests' },
  toolHttpRequest: { kind: 'outbound-network', words: 'HTTP requests the model writes' },
  code: { kind: 'code-execution', words: 'runs JavaScript or Python' },
  toolCode: { kind: 'code-execution', words: 'runs code the workflow author wrote, called by the model' },
  executeCommand: { kind: 'shell-exec', words: 'runs shell commands on the n8n host' },
  ssh: { kind: 'shell-exec', words: 'runs commands over SSH' },
  gmail: { kind: 'external-communication', words: 'sends Gmail' },
  emailSend: { kind: 'external-communication', words: 'sends email' },
  microsoftOutlook: { kind: 'external-communication', words: 'sends Outlook mail' },
  slack: { kind: 'external-communication', words: 'posts to Slack' },
  telegram: { kind: 'external-communication', words: 'sends Telegram messages' },
  discord: { kind: 'external-communication', words: 'posts to Discord' },
  twilio: { kind: 'external-communication', words: 'sends SMS' },
  whatsApp: { kind: 'external-communication', words: 'sends WhatsApp messages' },
  googleDrive: { kind: 'file-write', words: 'reads and writes Google Drive files' },
  stripe: { kind: 'payment', words: 'calls Stripe' },
};

/** Data stores: what a node does to them depends on its operation (and, for a raw query, its SQL). */
const DATA_STORES: Record<string, string> = {
  postgres: 'Postgres',
  mySql: 'MySQL',
  microsoftSql: 'SQL Server',
  supabase: 'Supabase',
  mongoDb: 'MongoDB',
  airtable: 'Airtable',
  notion: 'Notion',
  googleSheets: 'Google Sheets',
};

function actionOf(node: WorkflowNode): { kind: CapabilityKind; words: string } | null {
  const base = node.type.replace(/Tool$/, '');
  const known = ACTIONS[node.type] ?? ACTIONS[base];
  if (known) return known;
  // Any other service used as a tool (googleTasksTool, hubspotTool…) changes or reads that service's data, by its operation.
  const store = DATA_STORES[base] ?? (!node.langchain && node.type.endsWith('Tool') ? base : undefined);
  if (!store) return null;
  const operation = (asText(node.parameters.operation) ?? '').toLowerCase();
  const query = operation === 'executequery' ? (asText(node.parameters.query) ?? '') : '';
  if (/delete|remove|clear|drop/.test(operation) || /\b(delete|drop|truncate)\b/i.test(query)) return { kind: 'data-delete', words: `deletes from ${store}` };
  if (/^(select|get|getall|read|search|find|lookup|list)/.test(operation) || /^\s*(select|with)\b/i.test(query)) return { kind: 'data-read', words: `reads ${store}` };
  // An insert, an update, a write query, or an operation left at the node's default.
  return { kind: 'data-write', words: `writes ${store}` };
}

/** Agent tools that hand the model pages from the web. */
const WEB_READ_TOOLS = new Set(['toolSerpApi', 'toolWikipedia', 'toolSearXng', 'toolWolframAlpha', 'perplexityTool', 'tavilyTool']);

export function analyzeN8nWorkflow(path: string, text: string, ctx: ConfigContext): ConfigFindings | null {
  if (!mayBeN8nWorkflow(text)) return null;
  const src = new ConfigSource(path, text, ctx);
  const doc = parseJsonDocument(src);
  const findings = newFindings(path, 'n8n-workflow');
  const workflows: Array<{ at: PathSegment[]; workflow: Json }> = Array.isArray(doc.value)
    ? asArray(doc.value).flatMap((w, i) => (asRecord(w) ? [{ at: [i], workflow: asRecord(w)! }] : []))
    : asRecord(doc.value)
      ? [{ at: [], workflow: asRecord(doc.value)! }]
      : [];
  for (const { at, workflow } of workflows) {
    const unit = workflowUnit(src, doc, at, workflow, posix.basename(path).replace(/\.json$/i, ''));
    if (unit) findings.units.push(unit);
  }
  return findings.units.length > 0 ? src.redactFindings(findings) : null;
}

function nodesOf(workflow: Json): WorkflowNode[] {
  return asArray(workflow.nodes).flatMap((value, index) => {
    const node = asRecord(value);
    const fullType = asText(node?.type);
    if (!node || !fullType || node.disabled === true) return [];
    const match = /^(@n8n\/)?(n8n-nodes-base|n8n-nodes-langchain)\.(\w+)$/.exec(fullType);
    if (!match) return [];
    return [{ index, name: asText(node.name) ?? match[3]!, type: match[3]!, langchain: match[2] === 'n8n-nodes-langchain', parameters: asRecord(node.parameters) ?? {}, credentials: asRecord(node.credentials) ?? {} }];
  });
}

function workflowUnit(src: ConfigSource, doc: JsonDocument, at: PathSegment[], workflow: Json, fileName: string): UnitFinding | null {
  if (!Array.isArray(workflow.nodes) || asRecord(workflow.connections) === null) return null;
  const nodes = nodesOf(workflow);
  const agents = nodes.filter((n) => n.langchain && AGENT_TYPES.has(n.type));
  const oneShots = nodes.filter((n) => (ONE_SHOT_TYPES.has(n.type) && (n.langchain || n.type === 'openAi')) || providerCalledBy(n) !== null);
  if (agents.length === 0 && oneShots.length === 0) return null; // an automation with no model: not ours to inventory
  const lineOfNode = (node: WorkflowNode, ...rest: PathSegment[]) => doc.lineOf([...at, 'nodes', node.index, ...rest]);
  const name = asText(workflow.name)?.trim() || fileName;
  const heart = agents[0] ?? oneShots[0]!;
  const evidence = src.evidence('n8n.unit.workflow', lineOfNode(heart, 'type'));
  if (!evidence) return null;

  const triggers = nodes.flatMap((node) => {
    const known = TRIGGERS[node.type];
    if (!known) return [];
    const schedule = known.kind === 'cron' ? scheduleOf(node.parameters) : null;
    return [{ node, known, found: trigger(known.kind, schedule, schedule ? `${known.words} (${schedule})` : known.words, src.evidence('n8n.trigger.node', lineOfNode(node, 'type'))) }];
  });
  const active = workflow.active === true ? '' : ' (exported inactive: it runs once someone activates it)';
  const unit = newUnit('automation-workflow', name, src.path, evidence, primaryTrigger(triggers.map((t) => t.found), noTrigger(`Runs in n8n when its workflow is executed${active}`)));
  if (agents.length === 0) unit.oneShot = true;
  // n8n's own AI nodes; raw HTTP calls to a provider are no framework.
  const aiNode = agents[0] ?? oneShots.find((n) => n.langchain);
  const framework = aiNode ? src.evidence('n8n.framework.ai-node', lineOfNode(aiNode, 'type')) : null;
  if (framework) unit.frameworks = [{ framework: 'n8n', evidence: framework }];
  for (const { node, known } of triggers) {
    if (!known.input) continue;
    const input = src.evidence('n8n.untrusted-input.trigger', lineOfNode(node, 'type'));
    if (input && !unit.untrustedInputs.some((i) => i.kind === known.input && i.detail === node.name)) unit.untrustedInputs.push({ kind: known.input, detail: node.name, tool: null, evidence: input });
  }

  // Tools are wired (ai_tool) to an agent, or to an MCP Server Trigger that serves them to agents elsewhere.
  const tools = toolNodesOf(workflow, new Set([...agents, ...nodes.filter((n) => n.type === 'mcpTrigger')].map((n) => n.name)));
  for (const node of nodes) {
    const model = MODEL_NODES[node.type];
    if (model && (node.langchain || node.type === 'openAi')) {
      const id = modelIdOf(node.parameters);
      addLlm(unit, model.provider, model.label, id ? [id] : [], src.evidence('n8n.llm.model-node', lineOfNode(node, 'type')));
      // A base URL sends the calls to another server speaking the provider's API (a gateway, a local model).
      const baseUrl = asText(asRecord(node.parameters.options)?.baseURL);
      const host = baseUrl && literalHost(baseUrl);
      if (host) addEndpoint(unit, host, 'inference', src.evidence('n8n.llm.model-node', lineOfNode(node, 'parameters', 'options', 'baseURL')));
    }
    const called = providerCalledBy(node);
    if (called) addLlm(unit, called, 'HTTP Request node (n8n)', [], src.evidence('n8n.llm.model-node', lineOfNode(node, 'parameters', 'url')));
    for (const [type, reference] of entriesOf(node.credentials)) {
      const credentialName = asText(asRecord(reference)?.name) ?? type;
      // The workflow names n8n's stored credential; the secret itself stays in n8n.
      addCredential(unit, 'platform-credential', `${credentialName} (${type})`, MODEL_NODES[node.type]?.provider ?? null, src.evidence('n8n.credential.reference', lineOfNode(node, 'credentials', type)));
    }
    const action = actionOf(node);
    const tool = tools.has(node.name) ? node.name : null;
    if (action) addCapability(unit, action.kind, `${node.name}: ${action.words}`, src.evidence('n8n.capability.node', lineOfNode(node, 'type')), tool);
    if (node.type === 'mcpClientTool') {
      const url = asText(node.parameters.sseEndpoint) ?? asText(node.parameters.endpointUrl);
      const host = url && literalHost(url);
      if (host) addEndpoint(unit, host, 'mcp', src.evidence('n8n.capability.node', lineOfNode(node, 'parameters')));
      addCapability(unit, 'outbound-network', `${node.name}: calls the tools of an MCP server`, src.evidence('n8n.capability.node', lineOfNode(node, 'type')), node.name);
    }
    if (WEB_READ_TOOLS.has(node.type)) {
      const input = src.evidence('n8n.untrusted-input.web-tool', lineOfNode(node, 'type'));
      if (input) unit.untrustedInputs.push({ kind: 'web-page', detail: node.name, tool: node.name, evidence: input });
    }
  }
  // The agent's tools, each with what it may do: the Tools section of its page.
  for (const node of nodes) {
    if (!tools.has(node.name)) continue;
    const evidence = src.evidence('n8n.tool.node', lineOfNode(node, 'type'));
    if (!evidence) continue;
    const kinds = new Set(unit.capabilities.filter((c) => c.tool === node.name).map((c) => c.kind));
    const description = asText(node.parameters.toolDescription) ?? asText(node.parameters.description);
    (unit.tools ??= []).push({ name: node.name, ...(description && !description.startsWith('=') ? { description } : {}), capabilities: CAPABILITY_KINDS.filter((kind) => kinds.has(kind)), evidence });
  }
  return unit;
}

/** Names of the nodes wired to an agent as its tools (`ai_tool` connections). */
function toolNodesOf(workflow: Json, agentNames: ReadonlySet<string>): Set<string> {
  const tools = new Set<string>();
  for (const [from, outputs] of entriesOf(workflow.connections)) {
    for (const group of asArray(asRecord(outputs)?.ai_tool)) {
      if (asArray(group).some((link) => agentNames.has(asText(asRecord(link)?.node) ?? ''))) tools.add(from);
    }
  }
  return tools;
}

/** `"gpt-4o-mini"`, or the resource locator `{ "__rl": true, "value": "gpt-4o-mini" }`; an expression (`={{ … }}`) says nothing fixed. */
function modelIdOf(parameters: Json): string | null {
  // Older chat model nodes keep the model among their options.
  const options = asRecord(parameters.options) ?? {};
  for (const [from, key] of [[parameters, 'model'], [parameters, 'modelId'], [parameters, 'modelName'], [options, 'model']] as const) {
    const value = from[key];
    const id = asText(value) ?? asText(asRecord(value)?.value);
    // Gemini nodes write the API's resource name (models/gemini-1.5-flash).
    if (id && !id.startsWith('=')) return id.replace(/^models\//, '');
  }
  return null;
}

/** A Schedule Trigger's cron expression, or its interval in words. */
function scheduleOf(parameters: Json): string | null {
  const cronExpression = asText(parameters.cronExpression);
  if (cronExpression) return cronExpression;
  for (const rule of asArray(asRecord(parameters.rule)?.interval)) {
    const entry = asRecord(rule);
    if (!entry) continue;
    const expression = asText(entry.expression);
    if (entry.field === 'cronExpression' && expression) return expression;
    const field = asText(entry.field) ?? 'days';
    const every = Object.entries(entry).find(([key]) => /Interval$/.test(key))?.[1];
    return `every ${typeof every === 'number' && every > 1 ? `${every} ${field}` : field.replace(/s$/, '')}`;
  }
  return null;
}

let providerHosts: Map<string, string> | null = null;

/**
 * The model provider an HTTP Request node calls, by its URL's host (the API hosts the code rules
 * know, `api.openai.com`) or the provider credential it authenticates with: teams replace chat
 * model nodes with raw calls to the API, and those are model calls all the same.
 */
function providerCalledBy(node: WorkflowNode): string | null {
  if (node.type !== 'httpRequest' && node.type !== 'httpRequestTool') return null;
  providerHosts ??= new Map(validatedBundledCodeRules().flatMap((rule) => (rule.category === 'llm' && rule.providerHosts ? Object.entries(rule.providerHosts) : [])));
  // `=https://…/{{ $json.x }}` is an expression whose host is still written out.
  const host = literalHost((asText(node.parameters.url) ?? '').replace(/^=\s*/, ''));
  const byHost = host ? providerHosts.get(host) : undefined;
  if (byHost) return byHost;
  const credentialType = asText(node.parameters.nodeCredentialType);
  return credentialType ? (CREDENTIAL_PROVIDERS[credentialType] ?? null) : null;
}

/** Provider credentials an HTTP Request node can authenticate with (`predefinedCredentialType`). */
const CREDENTIAL_PROVIDERS: Record<string, string> = { openAiApi: 'openai', anthropicApi: 'anthropic', googlePalmApi: 'google', mistralCloudApi: 'mistral', groqApi: 'groq', deepSeekApi: 'deepseek', openRouterApi: 'openrouter', xAiApi: 'xai' };
