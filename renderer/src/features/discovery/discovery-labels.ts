import type { AgentLinkRelation, CandidateClassification, CandidateDecision, CapabilityKind, CredentialRefKind, EndpointReference, GuardrailKind, TriggerFinding, UnitKind, UntrustedInputKind } from '../../../../shared/discovery';
import { TRIGGER_LABELS } from '../../domain/agent-labels';
import type { BadgeTone } from '../../ui/Badge';

/** Group headings of the review queue, in the order a reviewer meets deployable units. */
export const UNIT_KIND_HEADINGS: Record<UnitKind, string> = {
  'ci-job': 'CI jobs',
  'k8s-cronjob': 'Kubernetes CronJobs',
  'k8s-deployment': 'Kubernetes Deployments',
  'serverless-function': 'Serverless functions',
  'scheduled-task': 'Scheduled tasks',
  'container-service': 'Container services',
  'github-action': 'GitHub Actions (action.yml)',
  'langgraph-graph': 'LangGraph deployments (langgraph.json)',
  'code-entry-point': 'Code entry points',
  'browser-agent': 'Agents that run in the browser',
  'sub-agent': 'Sub-agents and handoff targets',
  'claude-subagent': 'Claude Code subagents',
  'automation-workflow': 'Automation workflows (n8n)',
  'mcp-config': 'MCP client configs',
  'mcp-server': 'MCP servers (tool providers)',
  'llm-usage': 'Keys and agents seen only in usage logs',
};

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  'ci-job': 'CI job',
  'k8s-cronjob': 'Kubernetes CronJob',
  'k8s-deployment': 'Kubernetes Deployment',
  'serverless-function': 'Serverless function',
  'scheduled-task': 'Scheduled task',
  'container-service': 'Container service',
  'github-action': 'GitHub Action',
  'langgraph-graph': 'LangGraph deployment',
  'code-entry-point': 'Code entry point',
  'browser-agent': 'Browser agent',
  'sub-agent': 'Sub-agent',
  'claude-subagent': 'Claude Code subagent',
  'automation-workflow': 'n8n workflow',
  'mcp-config': 'MCP client config',
  'mcp-server': 'MCP server',
  'llm-usage': 'Seen in usage logs',
};

export const CAPABILITY_LABELS: Record<CapabilityKind, string> = {
  'shell-exec': 'Shell',
  'code-execution': 'Code exec',
  'outbound-network': 'Network',
  'data-read': 'Reads data',
  'data-write': 'Writes data',
  'data-delete': 'Deletes data',
  'external-communication': 'Sends messages',
  'data-export': 'Exports data',
  'file-write': 'Writes files',
  payment: 'Payments',
};

export const CAPABILITY_EXPLANATIONS: Record<CapabilityKind, string> = {
  'shell-exec': 'Runs shell commands or subprocesses',
  'code-execution': 'Executes code: a REPL or code-interpreter tool, or eval of model output',
  'outbound-network': 'Calls hosts that are not written as literals in the code',
  'data-read': 'Reads from a database, bucket or other data store',
  'data-write': 'Writes to a database, bucket or other data store',
  'data-delete': 'Deletes data: SQL DELETE/DROP/TRUNCATE or object deletes',
  'external-communication': 'Sends email, chat messages or webhooks',
  'data-export': 'Uploads or transfers data out of the company',
  'file-write': 'Writes files',
  payment: 'Calls payment or refund APIs',
};

/** Irreversible or wide-reaching capabilities stand out in red; writes and sends in amber. */
export const CAPABILITY_TONES: Record<CapabilityKind, BadgeTone> = {
  'shell-exec': 'danger',
  'code-execution': 'danger',
  'data-delete': 'danger',
  payment: 'danger',
  'data-export': 'warning',
  'external-communication': 'warning',
  'outbound-network': 'warning',
  'data-write': 'warning',
  'file-write': 'warning',
  'data-read': 'neutral',
};

export const DECISION_LABELS: Record<CandidateDecision, string> = {
  pending: 'Pending',
  confirmed: 'Confirmed',
  dismissed: 'Dismissed',
  merged: 'Merged',
};

export const DECISION_TONES: Record<CandidateDecision, BadgeTone> = {
  pending: 'accent',
  confirmed: 'success',
  dismissed: 'muted',
  merged: 'neutral',
};

export const CLASSIFICATION_LABELS: Record<CandidateClassification, string> = {
  agent: 'Agent',
  'llm-call': 'LLM call',
  'mcp-server': 'MCP server',
  'remote-caller': 'Remote caller',
  example: 'Example',
};
export const CLASSIFICATION_EXPLANATIONS: Record<CandidateClassification, string> = {
  agent: 'An LLM that chooses actions or tools, or runs unattended on a trigger',
  'llm-call': 'A plain LLM call (e.g. a one-shot summariser in a request handler): it still spends tokens with a credential someone must own',
  'mcp-server': 'A tool provider: it serves tools to the agents that use it and calls no model of its own',
  'remote-caller': 'Code that starts an agent deployed elsewhere (a LangGraph deployment, an OpenAI assistant): a trigger of that agent, not an agent',
  example: 'Not deployed: a workflow or agent in docs, examples, templates or tests',
};

/** How a linked item relates to the one shown, read "<label> <name>". */
export const LINK_RELATION_LABELS: Record<AgentLinkRelation, string> = {
  parent: 'Sub-agent of',
  'sub-agent': 'Runs sub-agent',
  'handoff-to': 'Hands off to',
  'handoff-from': 'Receives handoffs from',
  'mcp-server': 'Uses MCP server',
  'mcp-client': 'Serves tools to',
  'remote-agent': 'Starts remote agent',
  caller: 'Started by',
};

/** Badge tone of a classification: agents stand out, the rest are context. */
export const CLASSIFICATION_TONES: Record<CandidateClassification, BadgeTone> = {
  agent: 'accent',
  'llm-call': 'neutral',
  'mcp-server': 'neutral',
  'remote-caller': 'neutral',
  example: 'muted',
};

export const CREDENTIAL_KIND_LABELS: Record<CredentialRefKind, string> = {
  'env-var': 'Environment variable',
  'ci-secret': 'CI secret',
  'iam-role': 'IAM role',
  'service-account': 'Service account',
  'k8s-secret': 'Kubernetes secret',
  'hardcoded-secret': 'Hard-coded secret',
  'connection-string': 'Connection string',
  'platform-credential': 'Credential stored in the platform',
};

export const GUARDRAIL_KIND_LABELS: Record<GuardrailKind, string> = {
  'input-schema': 'Input schema',
  'human-approval': 'Human approval',
  tracing: 'Tracing',
  'token-limit': 'Token limit',
  'output-filter': 'Output filter',
  'injection-scan': 'Injection scan',
};

export const UNTRUSTED_INPUT_LABELS: Record<UntrustedInputKind, string> = {
  ticket: 'Support tickets',
  email: 'Email',
  document: 'Documents',
  'web-page': 'Web pages',
  'code-comment': 'Issues and comments',
  'chat-message': 'Chat messages',
};

/** Who writes what the agent reads: the reason it matters, for a badge's tooltip. */
export const UNTRUSTED_INPUT_EXPLANATIONS: Record<UntrustedInputKind, string> = {
  ticket: 'Customers write the tickets it reads',
  email: 'Anyone who can send the company an email writes what it reads',
  document: 'Whoever wrote or uploaded the documents writes what it reads',
  'web-page': 'Anyone who publishes a page writes what it reads',
  'code-comment': 'Anyone who can open an issue or comment writes what it reads',
  'chat-message': 'Anyone in the channel writes what it reads',
};

export const ENDPOINT_PURPOSE_LABELS: Record<EndpointReference['purpose'], string> = {
  inference: 'Inference',
  mcp: 'MCP server',
  api: 'API',
  webhook: 'Webhook',
};

const PROVIDER_NAMES: Record<string, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  google: 'Google',
  bedrock: 'Bedrock',
  'azure-openai': 'Azure OpenAI',
  mistral: 'Mistral',
  cohere: 'Cohere',
  ollama: 'Ollama',
  litellm: 'LiteLLM',
  groq: 'Groq',
  vertex: 'Vertex AI',
  'workers-ai': 'Cloudflare Workers AI',
  'private-key': 'Private key',
};

/** Provider ids as people write them; ids this build does not know are shown as the engine wrote them. */
export const providerName = (provider: string): string => PROVIDER_NAMES[provider] ?? provider;

/** Below this a rule's hit is likely a test, a doc or an example: shown, but muted. */
export const LOW_CONFIDENCE = 0.5;
export const isLowConfidence = (confidence: number): boolean => confidence < LOW_CONFIDENCE;
export const formatConfidence = (confidence: number): string => confidence.toFixed(2);

/** "Cron — Every day at 06:00 UTC"; the schedule itself when the engine had no words for it. */
export function triggerText(trigger: TriggerFinding): string {
  const detail = trigger.description || trigger.schedule || '';
  return detail ? `${TRIGGER_LABELS[trigger.kind]} — ${detail}` : TRIGGER_LABELS[trigger.kind];
}
