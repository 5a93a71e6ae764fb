import { workerEmailHandler, workerEmailInput } from './worker-email-handler';
import { CAPABILITY_KINDS } from '../../../shared/discovery';
import type { CapabilityFinding } from '../../../shared/discovery';
import type { CodeFindings } from '../findings';
import type { FingerprintKey } from '../secret-fingerprint';
import { findAgentGraph } from './agent-graph';
import { findAgentDefinitions, findAgentsRun } from './agent-definitions';
import { moduleLevelAgentRun } from './module-level-runs';
import { adkRootAgentEntry } from './sdk-agent-shapes';
import { findCapabilities } from './capabilities';
import { findClaudeAgentOptions } from './claude-agent-options';
import { findProjectSettingSources } from './claude-setting-sources';
import { clientEntryOf, isServerOnly, serverActionEntryOf } from './client-entry';
import type { CallSite, CodeModel } from './code-model';
import { findCredentials } from './credentials';
import { EndpointCollector, findEndpoints } from './endpoints';
import { findEntryPoint, routesServedBeside, scheduleOfEntry } from './entry-point';
import { createFindingContext } from './finding-context';
import { findFrameworks } from './frameworks';
import { findGenerationSites } from './generation-sites';
import { findGuardrails } from './guardrails';
import { gradioMcpServing, gradioServedFunctions } from './gradio-mcp';
import { findImportedClientStarts, findStartableClients } from './imported-client-starts';
import { findChatClients, findImportedHandlerCalls } from './imported-chat-handlers';
import { inheritFromHelpers, withoutToolOnlyHelpers } from './helper-calls';
import { describeTools, findMcpLaunches, findMcpServer } from './mcp-facts';
import { findMcpHttpClients, findMcpHttpServing } from './mcp-http';
import { findMcpInProcess } from './mcp-in-process';
import { findMcpToolFilters } from './mcp-tool-filters';
import { findLlmUses } from './llm-uses';
import { findProxyCalls } from './proxy-calls';
import { celeryTaskModules } from './celery-includes';
import { isPossiblyLocalPythonModule } from './python';
import { findRemoteAgents, onlyStartsRemoteRuns } from './remote-agents';
import { moduleProviderUrls, moduleStringConstants } from './module-constants';
import { isBarrelModule, onlyReExports } from './re-exports';
import type { CodeRuleSet } from './rules';
import { findTools, type ToolAnalysis } from './tools';
import { capabilityLinesByFunction, importedToolBodies } from './function-capabilities';
import { findToolUse } from './tool-bindings';
import { findUntrustedInputs } from './untrusted-inputs';
import { vercelFunctionEntryOf } from './vercel-function';
import { isPossiblyLocalTypeScriptModule } from './typescript';

/** Applies the enabled rules to one file's code model. Pure: the model (and the workspace's fingerprint key) in, findings out. */
export function collectCodeFindings(model: CodeModel, rules: CodeRuleSet, fingerprintKey: FingerprintKey): CodeFindings {
  const context = createFindingContext(model, rules, fingerprintKey);
  const llm = findLlmUses(context);
  const frameworks = findFrameworks(context, llm.modelCalls);
  const mcpServer = findMcpServer(model, rules);
  // A Gradio MCP server's tools are the functions its interfaces and listeners serve.
  const served = gradioServedFunctions(model, mcpServer);
  const tools = findTools(context, served.length > 0 ? { functions: served, rule: rules.framework.find((rule) => rule.id === mcpServer!.evidence.ruleId)! } : null);
  const endpoints = new EndpointCollector();
  const scoped = findCapabilities(context, tools, endpoints);
  findEndpoints(context, llm.clientCalls, endpoints);
  const capabilities = [...withoutToolOnlyHelpers(model, tools, scoped).map(({ finding }) => finding), ...inheritFromHelpers(model, tools, scoped)].sort((a, b) => a.evidence.line - b.evidence.line);
  const agentGraph = findAgentGraph(context, tools);
  const proxyCalls = findProxyCalls(model);
  const clientEntry = clientEntryOf(model.path, model.text);
  const generationSites = findGenerationSites(context);
  const capableTools = tools.tools.map((tool) => ({ ...tool, capabilities: capabilityKindsOf(capabilities, tool.name) }));
  // An MCP server's tools are what a connecting model reads to choose them: their descriptions are kept.
  const toolDefinitions = mcpServer ? describeTools(model, capableTools) : capableTools;
  const mcpLaunches = findMcpLaunches(model, rules);
  const mcpHttpServing = [...findMcpHttpServing(model, rules), ...gradioMcpServing(model, mcpServer)];
  const mcpHttpClients = findMcpHttpClients(model, rules);
  const mcpToolFilters = mcpLaunches.length > 0 || mcpHttpClients.length > 0 ? findMcpToolFilters(model, rules) : [];
  const mcpInProcess = findMcpInProcess(model, rules);
  const claude = findClaudeAgentOptions(context);
  const loadsProjectSettings = findProjectSettingSources(context);
  const agentDefinitions = findAgentDefinitions(model, rules.framework);
  const importedNames = localImportedNames(model, rules);
  // A file with no tool, no model and nothing imported from the repository binds and runs no tool: its calls are not walked.
  const toolUse = toolDefinitions.length > 0 || tools.handedToModel || llm.uses.length > 0 || frameworks.uses.length > 0 || importedNames.length > 0 ? findToolUse(context, tools) : null;
  const agentsRun = findAgentsRun(model);
  const toolAliases = agentDefinitions.length > 0 || toolDefinitions.length > 0 ? toolAliasesOf(model, tools) : {};
  const remoteAgents = findRemoteAgents(model, rules);
  const stringConstants = moduleStringConstants(model);
  // A Vercel Function is known by where it sits, before what its code calls (a `handler` export, a client start).
  const entryPoint = vercelFunctionEntryOf(model) ?? findEntryPoint(context) ?? serverActionEntryOf(model.path, model.text) ?? moduleLevelAgentRun(context, agentDefinitions) ?? adkRootAgentEntry(context, agentDefinitions);
  // A file that starts nothing itself may start a client another module builds (client.py / app.py).
  const clientStarts = entryPoint ? [] : findImportedClientStarts(model, rules);
  const startableClients = findStartableClients(context);
  const chatClients = findChatClients(context);
  const importedHandlerCalls = findImportedHandlerCalls(model, rules);
  const entrySchedule = scheduleOfEntry(context, entryPoint);
  const servesRoutes = routesServedBeside(context, entryPoint);
  const emailHandler = workerEmailHandler(context);
  const untrustedInputs = [...findUntrustedInputs(context, tools), ...claude.untrustedInputs];
  const celeryTasks = celeryTaskModules(model);
  const providerUrls = moduleProviderUrls(model, rules.providerHosts);
  const toolBodies = importedToolBodies(model, tools);
  const functionCapabilities = capabilityLinesByFunction(model, scoped);
  return {
    type: 'code',
    path: model.path,
    language: model.language,
    llm: llm.uses,
    frameworks: frameworks.uses,
    tools: toolDefinitions,
    capabilities: [...capabilities, ...claude.capabilities],
    credentials: findCredentials(context),
    endpoints: endpoints.list(),
    guardrails: findGuardrails(context),
    untrustedInputs: [...untrustedInputs, ...workerEmailInput(emailHandler, untrustedInputs)],
    localImports: localImports(model, rules),
    ...(celeryTasks.length > 0 ? { celeryTaskModules: celeryTasks } : {}),
    ...(llm.importedUrlCalls.length > 0 ? { importedUrlCalls: llm.importedUrlCalls } : {}),
    ...(providerUrls ? { providerUrls } : {}),
    ...(toolBodies ? { importedToolBodies: toolBodies } : {}),
    ...(functionCapabilities ? { capabilityLinesByFunction: functionCapabilities } : {}),
    entryPoint,
    ...(entrySchedule ? { entrySchedule } : {}),
    ...(servesRoutes ? { servesRoutes } : {}),
    ...(emailHandler ? { emailHandler } : {}),
    // Tools exist only to be handed to a model; a plain completion call (a summariser) has none.
    agentic: frameworks.agentic || toolDefinitions.length > 0 || tools.handedToModel || passesToolsToModel(llm.modelCalls),
    ...(agentGraph ? { agentGraph } : {}),
    ...(proxyCalls.length > 0 ? { proxyCalls } : {}),
    ...(clientEntry ? { clientEntry } : {}),
    ...(isServerOnly(model.path, model.text) ? { serverOnly: true } : {}),
    ...(generationSites.length > 0 ? { generationSites } : {}),
    ...(mcpServer ? { mcpServer } : {}),
    ...(mcpLaunches.length > 0 ? { mcpLaunches } : {}),
    ...(mcpHttpServing.length > 0 ? { mcpHttpServing } : {}),
    ...(mcpHttpClients.length > 0 ? { mcpHttpClients } : {}),
    ...(mcpToolFilters.length > 0 ? { mcpToolFilters } : {}),
    ...(mcpInProcess.length > 0 ? { mcpInProcess } : {}),
    ...(claude.subAgents.length > 0 ? { declaredSubAgents: claude.subAgents } : {}),
    ...(loadsProjectSettings ? { loadsProjectSettings } : {}),
    ...(Object.keys(toolAliases).length > 0 ? { toolAliases } : {}),
    ...(toolUse && (toolUse.bindings.length > 0 || toolUse.runDirectly.length > 0) ? { toolUse } : {}),
    ...(agentDefinitions.length > 0 || importedNames.length > 0 ? { importedNames } : {}),
    ...(agentDefinitions.length > 0 ? { agentDefinitions } : {}),
    ...(agentsRun.length > 0 ? { agentsRun } : {}),
    ...(remoteAgents.length > 0 ? { remoteAgents } : {}),
    ...(clientStarts.length > 0 ? { clientStarts } : {}),
    ...(startableClients.length > 0 ? { startableClients } : {}),
    ...(chatClients.length > 0 ? { chatClients } : {}),
    ...(importedHandlerCalls.length > 0 ? { importedHandlerCalls } : {}),
    ...(onlyStartsRemoteRuns(llm.modelCalls, llm.clientCalls, remoteAgents) ? { llmOnlyStartsRemoteRuns: true } : {}),
    ...(stringConstants ? { stringConstants } : {}),
    ...(isBarrelModule(model) ? { reexportsOnly: true } : {}),
    ...(frameworks.orchestrationOnly && llm.uses.length === 0 && toolDefinitions.length === 0 && !tools.handedToModel ? { modelFreeGraph: true } : {}),
  };
}

/** Names this file imports from possibly-local modules: which agents of another file it runs. */
function localImportedNames(model: CodeModel, rules: CodeRuleSet): string[] {
  const possiblyLocal = model.language === 'python' ? isPossiblyLocalPythonModule : isPossiblyLocalTypeScriptModule;
  // A barrel's re-exports are not uses: what imports the barrel names the agents it runs.
  const names = model.imports.flatMap((fact) => (possiblyLocal(fact.module) && !rules.isKnownModule(fact.module) ? fact.names.filter((name) => name !== '*' && name !== 'default' && !onlyReExports(model, fact, name)) : []));
  return [...new Set(names)];
}

/**
 * The variable or function a tool is known by in code, when its own name differs: agents list
 * their tools by variable (`tools: [ledgerBalance]`), capabilities carry the tool's name.
 */
function toolAliasesOf(model: CodeModel, tools: ToolAnalysis): Record<string, string> {
  const aliases: Record<string, string> = {};
  for (const [call, name] of tools.toolOfCall) if (call.boundTo && call.boundTo !== name) aliases[call.boundTo] = name;
  for (const scope of model.scopes) {
    if (scope.kind === 'module' || scope.parent !== model.module || !scope.name) continue;
    const name = tools.toolOfScope(scope);
    if (name !== null && name !== scope.name) aliases[scope.name] = name;
  }
  return aliases;
}

function capabilityKindsOf(capabilities: readonly CapabilityFinding[], tool: string): CapabilityFinding['kind'][] {
  const kinds = new Set(capabilities.filter((capability) => capability.tool === tool).map((capability) => capability.kind));
  return CAPABILITY_KINDS.filter((kind) => kinds.has(kind));
}

/**
 * Modules this file imports that may be files of the same repository, as written. Python's
 * absolute imports cannot be told apart from installed packages without the file tree, so
 * those the standard library or the rule pack do not claim are listed for the linker to resolve.
 */
function localImports(model: CodeModel, rules: CodeRuleSet): string[] {
  const possiblyLocal = model.language === 'python' ? isPossiblyLocalPythonModule : isPossiblyLocalTypeScriptModule;
  const modules = model.imports.flatMap((fact) => {
    if (!possiblyLocal(fact.module) || rules.isKnownModule(fact.module)) return [];
    // `from . import tools` imports the module ".tools"; `from app import tools` may import the
    // module app.tools rather than a name of app/__init__.py: both are listed, the linker keeps
    // what is a file.
    if (/^\.+$/.test(fact.module)) return fact.names.map((name) => `${fact.module}${name}`);
    return [fact.module, ...(model.language === 'python' ? fact.names.filter((name) => name !== '*').map((name) => `${fact.module}.${name}`) : [])];
  });
  return [...new Set(modules)];
}

/**
 * A model call given `tools` lets the model choose actions, even when the list is a class field
 * or a parameter the file cannot resolve (`tools: this.tools` in the MCP quickstart clients).
 */
function passesToolsToModel(modelCalls: readonly CallSite[]): boolean {
  return modelCalls.some((call) => TOOL_ARGUMENTS.some((name) => call.named.has(name)));
}

const TOOL_ARGUMENTS = ['tools', 'functions'];
