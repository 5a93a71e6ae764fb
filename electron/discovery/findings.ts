import type {
  CapabilityFinding,
  CredentialReference,
  EndpointReference,
  Evidence,
  FrameworkUse,
  GuardrailFinding,
  LlmUse,
  McpServerEntry,
  PackageVersion,
  RemoteAgentTarget,
  ToolDefinition,
  TriggerFinding,
  UnitKind,
  UntrustedInputFinding,
} from '../../shared/discovery';
import type { AgentGraphFacts } from './code/agent-graph';
import type { GenerationSite } from './code/generation-sites';
import type { ProxyCall } from './code/proxy-calls';
import type { ToolUseFacts } from './code/tool-bindings';

/**
 * What one file tells the scanner, before files are linked into candidate agents. Analyzers are
 * pure: (relative path, text) in, findings out; they never execute or import what they read.
 */

/** A code file's agent signals (Python, TypeScript/TSX, JavaScript). */
export interface CodeFindings {
  type: 'code';
  path: string;
  language: 'python' | 'typescript' | 'tsx' | 'javascript';
  llm: LlmUse[];
  frameworks: FrameworkUse[];
  tools: ToolDefinition[];
  capabilities: CapabilityFinding[];
  credentials: CredentialReference[];
  endpoints: EndpointReference[];
  guardrails: GuardrailFinding[];
  /** Outside content the code reads (emails, tickets, issue comments, web pages, documents, chat messages). */
  untrustedInputs: UntrustedInputFinding[];
  /** Local modules this file imports, as written ("app.tools", "./tools", "../lib/db"). */
  localImports: string[];
  /** Raw HTTP calls whose URL is a constant another module defines (`requests.post(OPENAI_API_URL)`): model calls when that constant is a provider URL (link/imported-provider-urls.ts). */
  importedUrlCalls?: ImportedUrlCall[];
  /** Its module constants holding a model provider's API URL (`OPENAI_API_URL = "https://api.openai.com/v1/chat/completions"`), query dropped. */
  providerUrls?: Record<string, { provider: string; url: string }>;
  /** Task modules its Celery app names in `include=` (code/celery-includes.ts): a worker started on this module imports them. */
  celeryTaskModules?: string[];
  /** A runnable entry: `if __name__ == "__main__"`, a CLI/worker main, a server start, a handler export. */
  entryPoint: Evidence | null;
  /** A route or web decorator of a file known by its unattended job (a Modal app's `@modal.asgi_app()` beside its cron function): it also serves HTTP (code/entry-point.ts). */
  servesRoutes?: Evidence;
  /** The schedule a scheduled entry point's call names in its arguments (`createFunction({ id }, { cron: '0 3 * * *' }, …)`), when the line itself does not. */
  entrySchedule?: string;
  /** A Cloudflare Email Worker's `email()` handler on the default export (code/worker-email-handler.ts): the worker runs on each email routed to it. */
  emailHandler?: Evidence;
  /** True when an LLM chooses actions: an agent framework, tools handed to a model, a tool-call loop. */
  agentic: boolean;
  /** OpenAI Agents SDK (JS) agents defined, wired and run here (code/agent-graph.ts). */
  agentGraph?: AgentGraphFacts;
  /** Calls to the application's own routes, `fetch('/api/...')` (code/proxy-calls.ts). */
  proxyCalls?: ProxyCall[];
  /** Set when the file is where browser code starts: a page, layout, "use client" module or Vite entry (code/client-entry.ts). */
  clientEntry?: Evidence;
  /** Set for modules that never run in the browser: "use server" actions, `import 'server-only'` (code/client-entry.ts). */
  serverOnly?: boolean;
  /** Set for a script module that only imports and re-exports (a package's `index.ts` barrel): nothing of its own runs (scan/code-stub.ts). */
  reexportsOnly?: boolean;
  /** Model calls made inside functions, by the function that makes them (code/generation-sites.ts). */
  generationSites?: GenerationSite[];
  /** The MCP server this file builds (FastMCP, McpServer, a low-level Server): a tool provider, not an agent. */
  mcpServer?: McpServerFact | null;
  /** MCP servers this code launches over stdio (`MCPServerStdio(params=…)`, `new StdioClientTransport({command, args})`). */
  mcpLaunches?: McpLaunchFact[];
  /** Where this code serves an MCP server over HTTP (streamable HTTP or SSE): port and path (code/mcp-http.ts); absent when it serves none. */
  mcpHttpServing?: McpHttpServingFact[];
  /** MCP servers this code reaches by URL (`streamablehttp_client(url)`, `new SSEClientTransport(new URL(…))`, `{url, transport}`); absent when none. */
  mcpHttpClients?: McpHttpClientFact[];
  /** Where the code connects to an MCP server in its own process (`InMemoryTransport.createLinkedPair()`, `Client(mcp)`) (code/mcp-in-process.ts); absent when none. */
  mcpInProcess?: Evidence[];
  /** Filters narrowing which tools of an MCP server the code's client lets its model see (code/mcp-tool-filters.ts); absent when none. */
  mcpToolFilters?: McpToolFilterFact[];
  /** Names a tool is bound or defined under where they differ from the tool's own name (`ledgerBalance` → "ledger_balance"); absent when none. */
  toolAliases?: Record<string, string>;
  /** Which tools each agent or bound model of the file is given, and the tools its own code calls (code/tool-bindings.ts); absent when none. */
  toolUse?: ToolUseFacts;
  /** Tools whose body is a function another module defines: tool name → its qualified symbol (`app.payments.refund_charge`); absent when none. */
  importedToolBodies?: Record<string, string>;
  /** Lines of the capabilities no tool of the file owns, by the module-level function they are in (code/function-capabilities.ts); absent when none. */
  capabilityLinesByFunction?: Record<string, number[]>;
  /** Names imported from modules that may be files of the repository (`from app.team import triage` → "triage"), for sub-agents; absent when none. */
  importedNames?: string[];
  /** Variables of agents or graphs the file starts (`Runner.run_sync(triage)`, `graph.invoke(...)`); absent when none. */
  agentsRun?: string[];
  /** Agents and graphs the file creates, for sub-agent items (code/agent-definitions.ts); absent when none. */
  agentDefinitions?: AgentDefinitionFinding[];
  /** Agents deployed elsewhere that the file starts runs of (LangGraph Platform, OpenAI Assistants); absent when none. */
  remoteAgents?: RemoteAgentTarget[];
  /** Its LLM clients only start runs of a remote agent (an OpenAI client used for Assistants runs): no model call of its own. */
  llmOnlyStartsRemoteRuns?: boolean;
  /** It builds a graph or workflow (StateGraph) and nothing else agentic, with no model call in the file. */
  modelFreeGraph?: boolean;
  /** Set when a Claude Agent SDK run loads the project's settings (`settingSources: ['project']`): its `.claude/settings.json`, `.mcp.json` and `.claude/agents`. */
  loadsProjectSettings?: Evidence;
  /** Module-level starts of a client built in a local module (`client.run(token)` after `from app.client import client`), for the linker to match (code/imported-client-starts.ts); absent when none. */
  clientStarts?: ClientStartFact[];
  /** Module-level chat clients this file builds, with the handler registrations on them that read chat messages (code/imported-chat-handlers.ts); absent when none. */
  chatClients?: ChatClientFact[];
  /** Handler registrations on names this file imports from the repository (`bot.on('text', …)`), for the linker to join to the client's module; absent when none. */
  importedHandlerCalls?: ImportedHandlerCall[];
  /** Module-level clients this file builds that an entry-point rule starts (`client = discord.Client(…)`): what another file's `client.run()` starts; absent when none. */
  startableClients?: StartableClientFact[];
  /** Agents this file declares for another agent to run (Claude Agent SDK `agents: {name: AgentDefinition}`): items of their own, linked to the agent that runs the file. */
  declaredSubAgents?: DeclaredSubAgent[];
  /** Python module-level string constants (`TRIAGE_AGENT_TYPE = "triage_agent"`), which another file may import to name an agent. */
  stringConstants?: Record<string, string>;
}

/** The facts of a code file in which nothing has been found yet: what a line stub starts from. */
export function emptyCodeFindings(path: string, language: CodeFindings['language']): CodeFindings {
  return { type: 'code', path, language, llm: [], frameworks: [], tools: [], capabilities: [], credentials: [], endpoints: [], guardrails: [], untrustedInputs: [], localImports: [], entryPoint: null, agentic: false };
}

/** `client.run(token)` at module level, `client` imported by name from `module` (as written). */
export interface ClientStartFact {
  module: string;
  name: string;
  method: string;
  line: number;
  snippet: string;
}

/** A module-level chat client the file builds: the registrations on it (`on(text)`, `onText()`) that read chat messages, under the rule that says so. */
export interface ChatClientFact {
  name: string;
  handlers: string[];
  ruleId: string;
  confidence: number;
}

/** A handler registered on a name imported from a module of the repository: `on(text)` on `bot` of `./bot`. */
export interface ImportedHandlerCall {
  module: string;
  name: string;
  handler: string;
  line: number;
  snippet: string;
}

/** A module-level client the file builds, the methods that start it and the entry-point rule that says so. */
export interface StartableClientFact {
  name: string;
  methods: string[];
  ruleId: string;
  confidence: number;
}

/** A sub-agent declared in code: what the parent hands it (its own tools and model), with the declaration as evidence. */
export interface DeclaredSubAgent {
  name: string;
  framework: string;
  llm: LlmUse[];
  capabilities: CapabilityFinding[];
  untrustedInputs: UntrustedInputFinding[];
  evidence: Evidence;
}

export interface McpServerFact {
  /** The server's name as the code writes it (`FastMCP("weather")`, `new McpServer({ name: 'tickets' })`), or null. */
  name: string | null;
  evidence: Evidence;
}

/** A stdio MCP server started by code: the command and arguments as written (literals only). */
export interface McpLaunchFact {
  command: string;
  args: string[];
  evidence: Evidence;
  /** The key the server's entry is stored under (`mcpServers.github = {…}` → "github"), when the code names it. */
  name?: string;
  /** Environment variables the code hands the server (`env: { GITHUB_PERSONAL_ACCESS_TOKEN: token }`), by name. */
  env?: string[];
  /** The folder the server is started in, as written (`cwd="services/ledger"`): the command's relative paths are from there. */
  cwd?: string;
}

/**
 * Which tools of an MCP server a client lets through: `tool_filter=create_static_tool_filter(allowed_tool_names=[…])`,
 * `allowedTools: ["mcp__ledger__read_balance"]`. Tools neither allowed (when a list is given) nor blocked pass.
 */
export interface McpToolFilterFact {
  /** The server it is for, by the name the code gives it (`mcp__ledger__…` → "ledger"); null for the server(s) built where the filter is written. */
  server: string | null;
  /** The lines of the call building the filtered server (the launch written inside it is the one filtered); null for every launch of the file (or of the named server). */
  lines: [number, number] | null;
  /** The tool names let through, or null when only a block list is given. */
  allowed: string[] | null;
  blocked: string[];
  evidence: Evidence;
}

/** An MCP server served over HTTP: `mcp.run(transport="streamable-http", port=8001)`, a `StreamableHTTPServerTransport` under `app.post('/mcp')` with `app.listen(3001)`. */
export interface McpHttpServingFact {
  transport: 'streamable-http' | 'sse';
  /** The port it listens on (the written default of an env lookup, FastMCP's 8000 when none is written), or null when unknown. */
  port: number | null;
  /** The route it answers ("/mcp", "/sse"), or null when unknown. */
  path: string | null;
  evidence: Evidence;
}

/** An MCP server reached by URL: a literal, or the written default of an env lookup (`os.getenv("MCP_URL", "http://localhost:8000/mcp")`). */
export interface McpHttpClientFact {
  url: string;
  /** The key the server is configured under (`{"math": {"url": …}}`), when the code names one. */
  name: string | null;
  evidence: Evidence;
}

/**
 * An agent or graph the code creates: `create_react_agent(...)`, `create_supervisor(agents=[...])`,
 * `Agent(name=..., handoffs=[...])`, a `StateGraph` and its nodes. Names refer to variables of the
 * unit's code, resolved by the linker (link/sub-agents.ts).
 */
export interface AgentDefinitionFinding {
  kind:
    | 'react-agent'
    | 'supervisor'
    | 'swarm'
    | 'openai-agent'
    | 'graph'
    | 'crewai-agent'
    | 'crew'
    | 'smolagents-agent'
    | 'autogen-agent'
    | 'autogen-team'
    | 'adk-agent'
    | 'adk-workflow'
    | 'agno-agent'
    | 'agno-team'
    | 'agent-os'
    | 'strands-agent'
    | 'strands-swarm'
    | 'swarm-agent'
    | 'llamaindex-agent'
    | 'llamaindex-workflow'
    | 'sk-agent'
    | 'sk-orchestration'
    | 'maf-agent'
    | 'maf-function-app'
    | 'ai-sdk-agent'
    | 'voltagent-agent'
    | 'voltagent-app'
    | 'agentkit-agent'
    | 'agentkit-network'
    | 'mastra-agent'
    | 'mastra-network'
    | 'mastra-app'
    | 'cloudflare-agent';
  /** The `name=` literal the framework routes on, or null. */
  name: string | null;
  /** When the name is a constant imported from another module (`type=TRIAGE_AGENT_TYPE`): its qualified symbol (`constants.TRIAGE_AGENT_TYPE`), for the linker to read. */
  nameFrom?: string;
  /** The variable the agent (or its compiled graph) is bound to, or null. */
  variable: string | null;
  /** The module-level function it is created in (a factory another file imports and calls), or null. */
  factory: string | null;
  /** A graph builder compiled into another variable (`lookup = lookup_builder.compile()` → "lookup"): the name langgraph.json serves it under. */
  compiledAs?: string;
  /** The member a workflow starts with (`AgentWorkflow(root_agent=...)`, `multiAgent({ rootAgent })`): the unit's own agent. */
  entryMember?: string;
  /** Agents it runs, by variable (or `name:<name>` for a swarm handoff tool): a supervisor's or swarm's workers, graph nodes, handoff targets. */
  members: Array<{ variable: string; relation: 'sub-agent' | 'handoff-to' }>;
  /** Tools it holds, by the names they are defined or bound under. */
  tools: string[];
  /** A module whose every tool it is given through a namespace import (`import * as tools from '../tools'`; `tools`): as written. */
  toolsModule?: string;
  evidence: Evidence;
  /** The last line of the call that creates it, when longer than one: the model it is given is written between. */
  endLine?: number;
}

/** One deployable unit a config file declares (a CI job, a CronJob, a Lambda, a compose service...). */
export interface UnitFinding {
  kind: UnitKind;
  name: string;
  path: string;
  evidence: Evidence;
  trigger: TriggerFinding;
  /** Commands/handlers it runs, as written: "python scripts/triage.py", "python -m worker.main", "src/handler.main". */
  runs: string[];
  /** Code paths it names directly (relative to the scanned root), when the config says so. */
  codePaths: string[];
  credentials: CredentialReference[];
  endpoints: EndpointReference[];
  /** Capabilities visible in the config itself (a CI step that runs a shell with secrets, an MCP server command). */
  capabilities: CapabilityFinding[];
  /** Outside content its trigger hands it (a workflow on issue comments, a step given a comment's body). */
  untrustedInputs: UntrustedInputFinding[];
  /** For MCP configs: the server entries. */
  mcpServers?: McpServerEntry[];
  /** An App Engine cron job: the service its requests go to (`target`, `default` when unnamed), whose code the linker joins (link/app-engine-targets.ts). */
  appEngineTarget?: string;
  /** Tools the config hands the unit's model (a Bedrock Agent's action groups), with the capabilities each is given; absent when none. */
  tools?: ToolDefinition[];
  /** Other units of the same scan this one delegates to (a Bedrock supervisor's collaborator agents), by kind, name and path, for the linker to tie as sub-agents. */
  collaborators?: Array<{ kind: UnitKind; name: string; path: string; evidence: Evidence }>;
  /** LLM use visible in config (e.g. an action like anthropics/claude-code-action, a model env var). */
  llm: LlmUse[];
  /** The agent framework the config itself runs (an n8n AI Agent node): a platform's, not code's. */
  frameworks?: FrameworkUse[];
  /** Its model use is one call per run (an n8n workflow of chains, no agent node): an LLM call, unless unattended. */
  oneShot?: boolean;
  /** A compose service that builds an image: its build context and Dockerfile (relative to the scanned root), whose command it runs when it names none. */
  build?: { context: string; dockerfile: string | null };
  /** MCP servers its environment points it at (`LEDGER_MCP_URL: http://ledger-mcp:8101/mcp`), for the linker to find the server answering there. */
  mcpUrls?: Array<{ name: string; url: string; evidence: Evidence }>;
  /** Public host names the unit answers HTTP on, as its platform names them (a Cloudflare Worker: `<name>.*.workers.dev`, its routes' hosts); `*` is one DNS label. */
  hosts?: string[];
  /** Compose ports as written (`"8000:8000"`, `"127.0.0.1:3001:3000"`, `"8000"`): where the service answers on the host and on the compose network. */
  ports?: string[];
  /** A Kubernetes workload: its namespace and pod labels, which Services select it by (mcp-http-links.ts). */
  k8s?: { namespace: string; labels: Record<string, string> };
  /** Compose profiles the service belongs to (`profiles: [dev]`): it starts only when one is asked for. */
  profiles?: string[];
  /** The variable a langgraph.json graph names in its file (`./src/graphs.py:refunds` → "refunds"): which of the file's agents the unit serves. */
  graphVariable?: string;
  /** Env files the platform loads for the unit (langgraph.json `env`), as written, relative to the config's folder. */
  envFiles?: string[];
  /** For CI jobs: the folders of the repository's own actions their steps use (`uses: ./` → '.', relative to the scanned root). */
  localActions?: string[];
  /** MCP configuration files a headless Claude Code run of the unit loads (`claude -p --mcp-config <file>`), as written, with the command line as evidence. */
  mcpConfigFiles?: Array<{ path: string; evidence: Evidence }>;
  /** For Claude Code configuration (.claude/agents/*.md, .claude/settings.json): the project it configures and the .mcp.json servers it may use. */
  claudeCode?: ClaudeCodeFacts;
}

export interface ClaudeCodeFacts {
  /** The folder holding `.claude/` ('' at the root): the project whose sessions read this file. */
  project: string;
  role: 'subagent' | 'settings';
  /** Servers of the project's .mcp.json it may use, by name, or 'all' (enableAllProjectMcpServers, no tools list). */
  mcpServers: string[] | 'all';
  mcpEvidence: Evidence | null;
  /** Subagents only: true when the front matter lists no tools, so it inherits every tool the session has. */
  inheritsTools?: boolean;
  /** Settings only: MCP tools `permissions.deny` takes away (`mcp__ledger__close_account`), by server and tool, with the deny list as evidence. */
  deniedMcpTools?: { tools: Array<{ server: string; tool: string }>; evidence: Evidence };
  /** Settings only: the commands its hooks run, `$CLAUDE_PROJECT_DIR` written as the project folder. */
  hooks?: Array<{ event: string; command: string; evidence: Evidence }>;
}

export interface ConfigFindings {
  type: 'config';
  path: string;
  format: string;
  units: UnitFinding[];
  /** Credentials and endpoints named at file level (e.g. workflow-level env). Also merged into units. */
  credentials: CredentialReference[];
  /**
   * A file no unit declares but the units of its folder read: a .env, terraform.tfvars, a key
   * file. Its credentials go to the candidates at or below its folder (see linkUnits).
   */
  appliesToFolder?: boolean;
  /** A Dockerfile: the command its image runs, with paths taken back to its build context (see config/dockerfile.ts). */
  image?: { command: string; evidence: Evidence; ports?: string[] };
  /** A package.json: its `scripts` by name, the commands `npm run <name>` runs (see link/package-scripts.ts). */
  packageScripts?: Record<string, string>;
  /** A package.json's `name`: what `pnpm --filter <name>`, `npm -w <name>` and `yarn workspace <name>` pick it by. */
  packageName?: string;
  /** The folders of a monorepo's packages, as globs from this file's folder (package.json `workspaces`, pnpm-workspace.yaml `packages`). */
  workspaceGlobs?: string[];
  /** A pyproject.toml: its console scripts by name, each the module that defines it (`refund-agent` → "refund_agent.cli"). */
  consoleScripts?: Record<string, string>;
  /** A shell script that starts code (`gunicorn render_app:app`, `npm start`): its commands, one a line, which a unit running the script (`bash start.sh`) runs. */
  scriptCommands?: string;
  /** An App Engine service config (app.yaml): the service's name, folder and what it runs (`entrypoint`, null for the runtime's default). */
  appEngineService?: { name: string; dir: string; runtime: string; entrypoint: string | null };
  /** Kubernetes Services the manifest declares: the in-cluster host names and ports that reach the pods they select. */
  k8sServices?: K8sServiceFact[];
}

export interface K8sServiceFact {
  name: string;
  namespace: string;
  /** `spec.selector`: the pod labels it routes to. */
  selector: Record<string, string>;
  /** `port` it answers on, `targetPort` of the pod (null when not a number: a named port, or the same as `port` when unwritten). */
  ports: Array<{ port: number; targetPort: number | null }>;
  evidence: Evidence;
}

export interface LockfileFindings {
  type: 'lockfile';
  path: string;
  packages: PackageVersion[];
}

export type FileFindings = CodeFindings | ConfigFindings | LockfileFindings;

/** A problem with one file that does not stop the scan: shown as a warning, counted. */
export interface FileWarning {
  path: string;
  message: string;
}

export type { TriggerFinding };

/** A raw HTTP call to an imported URL constant, as the code analyzer saw it. */
export interface ImportedUrlCall {
  /** The constant's qualified symbol: `tools.config.OPENAI_API_URL`. */
  constant: string;
  /** The HTTP call as the rule names it: `requests.post`. */
  sdk: string;
  /** What the call's URL adds after the constant, without its query: `/models/{}:generateContent` for `f"{GEMINI_BASE}/models/{MODEL}:generateContent"`. */
  path?: string;
  evidence: Evidence;
}
