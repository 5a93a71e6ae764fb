import type { TriggerKind } from './agent';

/**
 * What repository discovery finds, as every host and the UI see it. Every fact carries the
 * evidence that makes a reviewer trust it: where it was seen, a short redacted snippet, the rule
 * that fired and how sure that rule is.
 */

/** DESIGN.md's capability list. */
export const CAPABILITY_KINDS = [
  'shell-exec', // subprocess / child_process / os.system
  'code-execution', // REPL or code-interpreter tools, eval/exec of model output
  'outbound-network', // HTTP to hosts not written as literals in the code
  'data-read',
  'data-write', // SQL INSERT/UPDATE, ORM writes, object-store puts
  'data-delete', // SQL DELETE/DROP/TRUNCATE, object deletes
  'external-communication', // email, Slack/Teams/chat, webhooks
  'data-export', // uploads / transfers of data out of the company
  'file-write',
  'payment', // payment or refund APIs
] as const;
export type CapabilityKind = (typeof CAPABILITY_KINDS)[number];

/** Where an agent runs from: the thing a team deploys and can switch off. */
export const UNIT_KINDS = [
  'ci-job', // a GitHub Actions / GitLab CI / CircleCI / Jenkins job
  'k8s-cronjob',
  'k8s-deployment',
  'serverless-function', // Lambda (Terraform, serverless.yml), Cloud Functions
  'scheduled-task', // crontab, Celery beat, Airflow DAG
  'container-service', // docker-compose service, Procfile process
  'github-action', // an action.yml (composite or node) that runs an agent wherever a workflow uses it
  'langgraph-graph', // a graph declared in langgraph.json: deployed by LangGraph Platform under that name
  'code-entry-point', // a worker/service/script found in code with no deployment config seen
  'browser-agent', // an agent definition a web page or client component runs in the browser
  'sub-agent', // an agent defined in code and run by another agent (a supervisor's worker, a handoff target)
  'claude-subagent', // a Claude Code subagent definition (.claude/agents/*.md)
  'automation-workflow', // an n8n workflow export holding AI nodes: the automation platform runs it
  'mcp-config', // an MCP client configuration (Claude Desktop, Cursor, VS Code, .mcp.json)
  'mcp-server', // code that serves tools over MCP: a tool provider, not an agent
  'llm-usage', // an LLM key, or an agent tag, spending tokens in imported usage logs that no agent or application accounts for
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/**
 * What an item of the review queue is. Only 'agent' and 'llm-call' spend tokens of their own:
 * an MCP server provides tools to agents, a remote caller only starts an agent deployed
 * elsewhere, and an example is not deployed: a deployment config in docs/, examples/ or tests/,
 * a dev-only service, or code under examples/ beside the library or application it shows (a
 * reviewer may still confirm one the scanner judged wrong). Agents of a repository that is a
 * collection of examples, and example code a real deployment runs, are agents.
 */
export const CANDIDATE_CLASSIFICATIONS = ['agent', 'llm-call', 'mcp-server', 'remote-caller', 'example'] as const;
export type CandidateClassification = (typeof CANDIDATE_CLASSIFICATIONS)[number];

/**
 * Whether confirming the item may make it a registry agent. MCP servers and remote callers never
 * are one: a person merges them into the agent they serve or start, or dismisses them. The engine
 * refuses the confirmation and the candidate page offers no Confirm, by this one rule.
 */
export function registersAsAgent(classification: CandidateClassification): boolean {
  return classification !== 'mcp-server' && classification !== 'remote-caller';
}

/**
 * How a linked item relates to the item that carries the link, read "the other item is my …":
 * a supervisor carries { worker, 'sub-agent' } and the worker { supervisor, 'parent' }.
 */
export const AGENT_LINK_RELATIONS = ['parent', 'sub-agent', 'handoff-to', 'handoff-from', 'mcp-server', 'mcp-client', 'remote-agent', 'caller'] as const;
export type AgentLinkRelation = (typeof AGENT_LINK_RELATIONS)[number];

export interface AgentLink {
  /** The other item's identity key (same scan). */
  identityKey: string;
  name: string;
  relation: AgentLinkRelation;
  /** Where the link was seen: the handoff list, the sub-agent call, the MCP config entry. */
  evidence: Evidence | null;
}

/**
 * An LLM call made inside a larger agent's run (an artifact handler's streamObject called from a
 * chat route's tool): part of that agent, not an item of its own, but its model use is kept.
 */
export interface ChainedComponent {
  /** The function, handler or tool that makes the call. */
  name: string;
  path: string;
  llm: LlmUse[];
  evidence: Evidence;
}

/** For a remote caller: the agent it starts, deployed somewhere else. */
export interface RemoteAgentTarget {
  /** langgraph-platform, openai-assistants, temporal, ... */
  platform: string;
  /** The graph, assistant or agent name when written as a literal. */
  name: string | null;
  /** The deployment URL when written as a literal. */
  url: string | null;
  evidence: Evidence;
}

/** One server of an MCP client configuration: launched by a command (stdio) or reached at a URL. Arguments are redacted at the source. */
export interface McpServerEntry {
  name: string;
  command: string | null;
  args: string[];
  url: string | null;
  evidence: Evidence;
  /** Environment variables the server is given, by name (values are never kept); absent when none. */
  env?: string[];
}

export interface Evidence {
  /** Path relative to the scanned root, with '/' separators. */
  path: string;
  /** 1-based line; 0 when the fact is about the whole file. */
  line: number;
  /** At most 200 characters of the source line(s), secrets redacted. Shown as text only. */
  snippet: string;
  ruleId: string;
  /** 0..1: how sure the rule is, lowered for tests, docs and examples. */
  confidence: number;
}

export interface LlmUse {
  /** openai, anthropic, google, bedrock, azure-openai, mistral, cohere, ollama, litellm, ... */
  provider: string;
  /** The SDK or framework call that shows it, e.g. "openai.OpenAI", "langchain_openai.ChatOpenAI". */
  sdk: string;
  models: string[];
  evidence: Evidence;
}

export interface FrameworkUse {
  /** langgraph, langchain, llamaindex, crewai, autogen, openai-agents, pydantic-ai, smolagents,
   * google-adk, semantic-kernel, vercel-ai, mastra, mcp-server, ... */
  framework: string;
  evidence: Evidence;
}

export interface ToolDefinition {
  name: string;
  /** What the tool says it does, when the code writes it (an MCP tool's docstring or `description`). */
  description?: string;
  /** The capabilities seen inside this tool's body. */
  capabilities: CapabilityKind[];
  evidence: Evidence;
}

export interface CapabilityFinding {
  kind: CapabilityKind;
  /** What exactly: "subprocess.run", "DELETE FROM accounts", "smtplib.SMTP.send_message". */
  detail: string;
  /** The tool function it sits in, when it is inside one. */
  tool: string | null;
  evidence: Evidence;
}

export const CREDENTIAL_REF_KINDS = ['env-var', 'ci-secret', 'iam-role', 'service-account', 'k8s-secret', 'hardcoded-secret', 'connection-string', 'platform-credential'] as const;
export type CredentialRefKind = (typeof CREDENTIAL_REF_KINDS)[number];

export interface CredentialReference {
  kind: CredentialRefKind;
  /**
   * Env var or secret name, role ARN, service account; for a hard-coded secret what it is, its
   * preview and the start of its fingerprint ("openai key sk-proj-… (164 chars) #3fa2c1",
   * "DB_PASSWORD #9b01d4"); for a connection string its scheme and host, never its password.
   */
  name: string;
  provider: string | null;
  /**
   * For secret values seen in files: HMAC-SHA256, under the workspace's own random key, of the
   * value's SHA-256 (hex). The same secret matches within a workspace; a stored fingerprint
   * cannot be tested against a guess without that workspace's key. Never the value itself.
   */
  fingerprint: string | null;
  /**
   * What a secret of a known shape looks like without any of its secret characters: its public
   * prefix and length ("sk-proj-… (164 chars)", "AKIA… (20 chars)"). Null for passwords and
   * values of no known shape, of which nothing is shown.
   */
  preview: string | null;
  evidence: Evidence;
}

export interface EndpointReference {
  host: string;
  purpose: 'inference' | 'mcp' | 'api' | 'webhook';
  evidence: Evidence;
}

/** `injection-scan`: content is checked for injected instructions before it reaches the model (a prompt-injection classifier or scanner). */
export const GUARDRAIL_KINDS = ['input-schema', 'human-approval', 'tracing', 'token-limit', 'output-filter', 'injection-scan'] as const;
export type GuardrailKind = (typeof GUARDRAIL_KINDS)[number];

export interface GuardrailFinding {
  kind: GuardrailKind;
  detail: string;
  evidence: Evidence;
}

/**
 * Content from outside the organisation that an agent reads (DESIGN.md "untrusted input"): the
 * place an attacker writes instructions the model may follow ("Comment and Control").
 */
export const UNTRUSTED_INPUT_KINDS = ['ticket', 'email', 'document', 'web-page', 'code-comment', 'chat-message'] as const;
export type UntrustedInputKind = (typeof UNTRUSTED_INPUT_KINDS)[number];

export interface UntrustedInputFinding {
  kind: UntrustedInputKind;
  /** What exactly: "imaplib.IMAP4_SSL().fetch", "on: issue_comment", "WebBaseLoader". */
  detail: string;
  /** The tool function it sits in, when it is inside one (the model chose to read it). */
  tool: string | null;
  evidence: Evidence;
}

export interface PackageVersion {
  ecosystem: 'PyPI' | 'npm' | 'Go';
  name: string;
  version: string;
  /** The lockfile it came from, relative to the scanned root. */
  lockfile: string;
}

export interface TriggerFinding {
  kind: TriggerKind;
  /** A cron expression, event name, webhook path or upstream agent. */
  schedule: string | null;
  /** For people: "Every day at 06:00 UTC", "On issue opened", "Called by billing-agent". */
  description: string;
  evidence: Evidence | null;
}

export interface DeployableUnit {
  kind: UnitKind;
  /** Job, CronJob, function or service name as the config names it. */
  name: string;
  /** The config (or code) file that declares it. */
  path: string;
}

/**
 * One candidate agent: a deployable unit with the LLM use, tools and capabilities of the code
 * it runs. `classification` separates agents (an LLM that chooses actions or tools, or runs
 * unattended on a trigger) from plain LLM calls (a one-shot summariser in a request handler):
 * both are listed, because both spend tokens with a credential someone must own.
 */
export interface DiscoveredAgent {
  /** Stable across re-scans: root label + unit kind + unit path + unit name + entry point. */
  identityKey: string;
  name: string;
  unit: DeployableUnit;
  entryPoints: string[];
  /** Every code file the unit runs: its entry points and the local modules they import. */
  codeFiles: string[];
  classification: CandidateClassification;
  confidence: number;
  trigger: TriggerFinding;
  llm: LlmUse[];
  frameworks: FrameworkUse[];
  tools: ToolDefinition[];
  capabilities: CapabilityFinding[];
  /** For MCP client configurations: every server it launches or connects to, with or without a capability seen. Absent on units scanned before servers were kept. */
  mcpServers?: McpServerEntry[];
  credentials: CredentialReference[];
  endpoints: EndpointReference[];
  guardrails: GuardrailFinding[];
  packages: PackageVersion[];
  /** Outside content it reads, from its code and its triggers; absent in candidates stored before it was detected. */
  untrustedInputs?: UntrustedInputFinding[];
  /** Candidates found in usage logs ('llm-usage' units): what the key or tag spent, the evidence a person decides on. */
  usage?: UsageEvidence;
  /** Other items of the same scan this one is tied to: sub-agents, handoffs, MCP servers it uses, the remote agent it calls. */
  links?: AgentLink[];
  /** LLM calls made inside this agent's run by code that is not an agent of its own. */
  chainedComponents?: ChainedComponent[];
  /** For 'remote-caller' items: the deployed agent they start. */
  remoteAgent?: RemoteAgentTarget;
}

/** What imported usage says of a key or an agent tag nobody accounts for. */
export interface UsageEvidence {
  provider: string;
  /** The API key id or hashed key; null for a candidate found by its agent tag. */
  keyId: string | null;
  agentTag: string | null;
  requests: number;
  tokens: number;
  /** Known cost in USD; `unpricedTokens` of it had no price. */
  costUsd: number;
  unpricedTokens: number;
  models: string[];
  firstDay: string;
  lastDay: string;
  /** The usage files it was seen in. */
  files: string[];
}

export interface ScanCounters {
  filesSeen: number;
  filesRead: number;
  bytesRead: number;
  skippedBinary: number;
  skippedOversized: number;
  skippedUnreadable: number;
  skippedIgnored: number;
  /** Symlinks not followed because they leave the root or loop. */
  skippedLinks: number;
  candidates: number;
}

// ---- what the engine reports about scans and candidates ----------------------------------------

export const CANDIDATE_DECISIONS = ['pending', 'confirmed', 'dismissed', 'merged'] as const;
export type CandidateDecision = (typeof CANDIDATE_DECISIONS)[number];

export interface AdvisoryMatch {
  id: string;
  aliases: string[];
  summary: string;
  severity: string | null;
  package: PackageVersion;
  /** The first fixed version, when the advisory names one. */
  fixed: string | null;
}

export interface CandidateSummary {
  identityKey: string;
  name: string;
  unit: DeployableUnit;
  classification: DiscoveredAgent['classification'];
  confidence: number;
  trigger: TriggerFinding;
  providers: string[];
  frameworks: string[];
  models: string[];
  capabilities: CapabilityKind[];
  credentialCount: number;
  endpointCount: number;
  advisoryCount: number;
  decision: CandidateDecision;
  /** The registry agent it became or was merged into. */
  agentId: string | null;
  reason: string;
  /** The scanned folder it came from. */
  sourceRoot: string;
  /** What the latest scan of its folder changed about it. */
  change: 'new' | 'changed' | null;
}

export interface CandidateDetail extends DiscoveredAgent {
  decision: CandidateDecision;
  agentId: string | null;
  reason: string;
  decidedBy: string | null;
  decidedAt: string | null;
  sourceRoot: string;
  advisories: AdvisoryMatch[];
}

export interface ScanChanges {
  added: string[];
  removed: string[];
  changed: Array<{ name: string; addedCapabilities: CapabilityKind[]; removedCapabilities: CapabilityKind[] }>;
}

export interface ScanSummary {
  root: string;
  label: string;
  finishedAt: string;
  /** When this folder was scanned before, or null for its first scan (then `changes` is empty). */
  previousScanAt: string | null;
  counters: ScanCounters;
  changes: ScanChanges;
  /** Files that could not be analysed (malformed, too deep) and why; the scan went on. */
  warnings: Array<{ path: string; message: string }>;
}

export interface RuleInfo {
  id: string;
  description: string;
  languages: string[];
  confidence: number;
  category: string;
  enabled: boolean;
}
