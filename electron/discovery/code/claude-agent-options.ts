import type { CapabilityFinding, UntrustedInputFinding } from '../../../shared/discovery';
import { CLAUDE_DEFAULT_TOOLS, claudeToolGrants, claudeToolName, claudeToolInputs, permissionModeNote } from '../claude-code-tools';
import type { DeclaredSubAgent } from '../findings';
import { serverCapabilities } from '../config/mcp-server-capabilities';
import type { NamedValue, Value } from './code-model';
import { callMatches, literalText, resolved } from './finding-context';
import type { FindingContext } from './finding-context';

const FRAMEWORK = 'claude-agent-sdk';
const ALLOWED = new Set(['allowedTools', 'allowed_tools']);
const DISALLOWED = new Set(['disallowedTools', 'disallowed_tools']);
const PERMISSION_MODE = new Set(['permissionMode', 'permission_mode']);
const MCP_SERVERS = new Set(['mcpServers', 'mcp_servers']);
const AGENTS = 'agents';

export interface ClaudeAgentOptionFacts {
  capabilities: CapabilityFinding[];
  untrustedInputs: UntrustedInputFinding[];
  subAgents: DeclaredSubAgent[];
}

/**
 * What the options of a Claude Agent SDK run grant (`query({prompt, options})`,
 * `ClaudeAgentOptions(...)`, `ClaudeCodeOptions(...)`): the tools it may use without asking
 * (`allowedTools`), what its permission mode lets through, the MCP servers it launches, and the
 * sub-agents (`agents: {name: AgentDefinition}`) it may delegate to. The SDK's own tools are
 * not functions in the file, so the generic tool and capability rules cannot see them.
 * Evidence names the Claude Agent SDK framework rule: turning it off turns this off too.
 */
export function findClaudeAgentOptions(context: FindingContext): ClaudeAgentOptionFacts {
  const none: ClaudeAgentOptionFacts = { capabilities: [], untrustedInputs: [], subAgents: [] };
  const rule = context.rules.framework.find((candidate) => candidate.framework === FRAMEWORK);
  const { model } = context;
  if (!rule || !model.calls.some((call) => callMatches(call.decorates ? rule.match.decorators : rule.match.calls, call))) return none;

  const facts: ClaudeAgentOptionFacts = { capabilities: [], untrustedInputs: [], subAgents: [] };
  const evidence = (line: number) => context.evidence(line, rule);
  const named = (names: Set<string>) => model.namedValues.filter((value) => names.has(value.name));
  const disallowed = new Set(named(DISALLOWED).flatMap((value) => toolList(context, value.value) ?? []));
  const modes = named(PERMISSION_MODE).flatMap((value) => {
    const mode = literalText(resolved(model, value.value));
    return mode ? [{ mode, line: value.line }] : [];
  });
  const bypass = modes.find((m) => m.mode === 'bypassPermissions');
  const acceptEdits = modes.find((m) => m.mode === 'acceptEdits');

  const grant = (spec: string, line: number, note: string | null, into: { capabilities: CapabilityFinding[]; untrustedInputs: UntrustedInputFinding[] }) => {
    for (const found of claudeToolGrants(spec)) {
      const detail = note ? `${found.detail} (${note})` : found.detail;
      if (!into.capabilities.some((c) => c.kind === found.kind && c.detail === detail)) into.capabilities.push({ kind: found.kind, detail, tool: null, evidence: evidence(line) });
    }
    for (const input of claudeToolInputs(spec)) {
      if (!into.untrustedInputs.some((i) => i.kind === input.kind && i.detail === input.detail)) into.untrustedInputs.push({ kind: input.kind, detail: input.detail, tool: null, evidence: evidence(line) });
    }
  };

  const allowedSpecs: Array<{ spec: string; line: number }> = [];
  for (const value of named(ALLOWED)) for (const spec of toolList(context, value.value) ?? []) allowedSpecs.push({ spec, line: value.line });
  const granted = new Set<string>();
  for (const { spec, line } of allowedSpecs) {
    if (disallowed.has(spec)) continue;
    grant(spec, line, bypass ? permissionModeNote(bypass.mode) : null, facts);
    granted.add(claudeToolName(spec));
  }
  // bypassPermissions runs every tool nobody disallowed; acceptEdits applies file edits unasked.
  const unasked = bypass ? CLAUDE_DEFAULT_TOOLS : acceptEdits ? ['Write', 'Edit'] : [];
  const mode = bypass ?? acceptEdits;
  for (const spec of unasked) if (mode && !disallowed.has(spec) && !granted.has(spec)) grant(spec, mode.line, permissionModeNote(mode.mode), facts);

  for (const value of named(MCP_SERVERS)) recordServers(context, value, facts, evidence);
  for (const value of model.namedValues.filter((v) => v.name === AGENTS)) {
    facts.subAgents.push(...subAgentsIn(context, value, allowedSpecs.map((a) => a.spec), evidence, grant));
  }
  return facts;
}

/** A tool list as written: a list of literals, or one comma-separated string. Null when it is built at run time. */
function toolList(context: FindingContext, value: Value): string[] | null {
  const target = resolved(context.model, value);
  if (target?.kind === 'list') {
    return target.items.flatMap((item) => {
      const text = literalText(resolved(context.model, item));
      return text ? [text] : [];
    });
  }
  const text = literalText(target);
  return text === null ? null : text.split(',').map((s) => s.trim()).filter(Boolean);
}

function entriesOf(context: FindingContext, value: Value): Map<string, { value: Value; line: number }> | null {
  const target = resolved(context.model, value);
  if (target?.kind === 'object') return new Map(target.entries.map((entry) => [entry.key, { value: entry.value, line: entry.line }]));
  if (target?.kind === 'call') return new Map([...target.call.named].map(([key, v]) => [key, { value: v, line: target.call.line }]));
  return null;
}

/** `mcpServers: {github: {command: 'npx', args: [...]}}`: what each launched server is known to do. In-process SDK servers are code the tool rules already read. */
function recordServers(context: FindingContext, value: NamedValue, facts: ClaudeAgentOptionFacts, evidence: (line: number) => CapabilityFinding['evidence']): void {
  for (const [name, server] of entriesOf(context, value.value) ?? []) {
    const config = entriesOf(context, server.value);
    if (!config || resolved(context.model, server.value)?.kind === 'call') continue;
    const text = (key: string) => {
      const entry = config.get(key);
      return entry ? literalText(resolved(context.model, entry.value)) : null;
    };
    const argsValue = config.get('args');
    const args = argsValue ? (toolList(context, argsValue.value) ?? []) : [];
    for (const capability of serverCapabilities(text('command'), args, text('url'))) {
      const detail = `MCP server ${name}: ${capability.detail}`;
      if (!facts.capabilities.some((c) => c.kind === capability.kind && c.detail === detail)) facts.capabilities.push({ kind: capability.kind, detail, tool: name, evidence: evidence(server.line) });
    }
  }
}

type Grant = (spec: string, line: number, note: string | null, into: { capabilities: CapabilityFinding[]; untrustedInputs: UntrustedInputFinding[] }) => void;

/** `agents: {'code-reviewer': AgentDefinition(description=, prompt=, tools=[...], model='sonnet')}` (or a plain object in TypeScript). */
function subAgentsIn(context: FindingContext, value: NamedValue, parentTools: string[], evidence: (line: number) => CapabilityFinding['evidence'], grant: Grant): DeclaredSubAgent[] {
  const agents: DeclaredSubAgent[] = [];
  for (const [name, definition] of entriesOf(context, value.value) ?? []) {
    const fields = entriesOf(context, definition.value);
    // A definition has a prompt or a description; anything else under `agents` is not one.
    if (!fields || !(fields.has('prompt') || fields.has('description'))) continue;
    const sub: DeclaredSubAgent = { name, framework: FRAMEWORK, llm: [], capabilities: [], untrustedInputs: [], evidence: evidence(definition.line) };
    const tools = fields.get('tools');
    const specs = tools ? toolList(context, tools.value) : null;
    // No tools list: the sub-agent inherits every tool its parent has.
    for (const spec of specs ?? parentTools) grant(spec, tools?.line ?? definition.line, specs ? null : 'inherited from the agent that runs it', sub);
    const modelEntry = fields.get('model');
    const modelName = modelEntry ? literalText(resolved(context.model, modelEntry.value)) : null;
    sub.llm.push({ provider: 'anthropic', sdk: 'claude-agent-sdk AgentDefinition', models: modelName && modelName !== 'inherit' ? [modelName] : [], evidence: evidence(modelEntry?.line ?? definition.line) });
    agents.push(sub);
  }
  return agents;
}
