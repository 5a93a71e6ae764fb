import { posix } from 'node:path';
import type { Evidence } from '../../../shared/discovery';
import { CLAUDE_DEFAULT_TOOLS, claudeMcpServerOf, claudeToolGrants, claudeToolInputs, claudeToolName, permissionModeNote, splitClaudeTools } from '../claude-code-tools';
import type { ClaudeCodeFacts, ConfigFindings, UnitFinding } from '../findings';
import { ConfigSyntaxError, type ConfigContext } from './context';
import { SHELL_SCRIPT, CLAUDE_SUBAGENT_FILE, PLUGIN_AGENT_FILE } from '../walk/classify-file';
import { claudeCliRunIn, recordClaudeCli, withProjectDir } from './claude-cli';
import { commandsStartingCode } from './commands';
import { parseJsonDocument, type JsonDocument } from './json-document';
import { ConfigSource } from './source';
import { addCapability, addLlm, newFindings, newUnit, trigger, TRIGGER_RULE_OFF } from './units';
import { asArray, asRecord, asText, textList } from './values';
import { parseYamlDocuments, type YamlDocument } from './yaml-documents';

export { SHELL_SCRIPT, CLAUDE_SUBAGENT_FILE, PLUGIN_AGENT_FILE };
/** `.claude/settings.json` and the personal `.claude/settings.local.json` some teams commit. */
export const CLAUDE_SETTINGS_FILE = /(^|\/)\.claude\/settings(\.local)?\.json$/;

/** The folder whose `.claude/` holds the file: the project Claude Code sessions run in ('' at the root). */
export function claudeProjectOf(path: string): string {
  const at = path.lastIndexOf('.claude/');
  if (at >= 0) return at === 0 ? '' : path.slice(0, at - 1);
  // A plugin's agents/ folder sits at the plugin's root.
  const agents = path.lastIndexOf('agents/');
  return agents <= 0 ? '' : path.slice(0, agents - 1);
}

/**
 * A Claude Code subagent (`.claude/agents/*.md`): front matter `name`, `description`, `tools`
 * (usually a comma string "Read, Glob, Grep, Bash", sometimes a YAML list), `model`
 * (sonnet|opus|haiku|inherit), `permissionMode`, `disallowedTools`; the body is its system
 * prompt. One 'claude-subagent' unit: Claude Code delegates to it in a session of the project.
 * A subagent without a tools list inherits every tool of the session, and is recorded so.
 */
export function analyzeClaudeSubagent(path: string, text: string, ctx: ConfigContext): ConfigFindings | null {
  const src = new ConfigSource(path, text, ctx);
  // Outside .claude/agents, an agents/*.md file is a plugin's agent only when its front matter says so.
  const inClaudeFolder = CLAUDE_SUBAGENT_FILE.test(path);
  const frontMatter = frontMatterText(text);
  if (!frontMatter) {
    if (inClaudeFolder) src.warn('not read as a Claude Code subagent: no front matter (--- name: … ---) at the top of the file');
    return null;
  }
  // A Markdown file that turns out not to be an agent has nothing wrong with it worth a warning.
  const doc = readFrontMatter(src, frontMatter, inClaudeFolder ? (message, line) => src.warn(message, line) : () => {});
  const fields = asRecord(doc?.value);
  if (!doc || !fields) {
    if (inClaudeFolder) src.warn('not read as a Claude Code subagent: its front matter is not a set of keys');
    return null;
  }
  if (!inClaudeFolder && !(asText(fields.name) && asText(fields.description) && ('tools' in fields || 'model' in fields))) return null;
  const findings = newFindings(path, 'claude-subagent');
  const nameLine = 'name' in fields ? doc.lineOf(['name']) : 1;
  const evidence = src.evidence('claude.unit.subagent', nameLine);
  if (!evidence) return findings;
  const name = asText(fields.name) ?? posix.basename(path).replace(/\.md$/i, '');
  const session = trigger('user', null, 'Claude Code delegates to it in a session of this project', src.evidence('claude.trigger.session', nameLine)) ?? TRIGGER_RULE_OFF;
  const unit = newUnit('claude-subagent', name, path, evidence, session);

  const model = asText(fields.model);
  const modelLine = 'model' in fields ? doc.lineOf(['model']) : nameLine;
  addLlm(unit, 'anthropic', 'claude-code subagent', model && model !== 'inherit' ? [model] : [], src.evidence('claude.llm.subagent', modelLine));

  const listed = splitClaudeTools(fields.tools);
  const toolsLine = 'tools' in fields ? doc.lineOf(['tools']) : nameLine;
  const disallowed = new Set((splitClaudeTools(fields.disallowedTools) ?? []).map(claudeToolName));
  const mode = asText(fields.permissionMode);
  const specs = listed ?? CLAUDE_DEFAULT_TOOLS;
  const inherited = listed === null ? 'no tools list: inherits every tool of the session' : null;
  for (const spec of specs) {
    if (disallowed.has(claudeToolName(spec))) continue;
    grantTool(src, unit, spec, src.evidence(listed ? 'claude.capability.subagent-tool' : 'claude.capability.inherited-tools', toolsLine), inherited, mode);
  }
  const servers = listed ? [...new Set(listed.flatMap((spec) => claudeMcpServerOf(spec) ?? []))] : 'all';
  unit.claudeCode = claudeFacts(path, 'subagent', servers, src.evidence('claude.link.mcp-server', toolsLine), listed === null);
  findings.units.push(unit);
  return src.redactFindings(findings);
}

/**
 * Claude Code project settings (`.claude/settings.json`, `settings.local.json`): `permissions.allow`
 * rules ("Bash(npm:*)", "WebFetch", "mcp__github__create_issue") let tools run without asking,
 * `defaultMode` may let everything through, `enabledMcpjsonServers` /
 * `enableAllProjectMcpServers` approve the servers of the project's .mcp.json. A unit only when
 * it grants something; the linker gives its grants to the project's subagents (README.md).
 * `deny` and `ask` rules only take away, and hooks are commands of their own.
 */
export function analyzeClaudeSettings(path: string, text: string, ctx: ConfigContext): ConfigFindings | null {
  const src = new ConfigSource(path, text, ctx);
  const doc = parseJsonDocument(src);
  const settings = asRecord(doc.value);
  if (!settings) return null;
  const findings = newFindings(path, 'claude-settings');
  const permissions = asRecord(settings.permissions);
  const evidence = src.evidence('claude.unit.settings', doc.lineOf(permissions ? ['permissions'] : []));
  if (!evidence) return findings;
  const session = trigger('user', null, 'Claude Code sessions of people working in this project', src.evidence('claude.trigger.session', evidence.line)) ?? TRIGGER_RULE_OFF;
  const unit = newUnit('claude-subagent', 'Claude Code project settings', path, evidence, session);

  const denied = new Set(textList(permissions?.deny).map((spec) => spec.trim()));
  const mode = asText(permissions?.defaultMode);
  const allowed = new Set<string>();
  asArray(permissions?.allow).forEach((value, index) => {
    const spec = asText(value);
    if (!spec || denied.has(spec)) return;
    allowed.add(claudeToolName(spec));
    grantTool(src, unit, spec, src.evidence('claude.capability.permission-allow', doc.lineOf(['permissions', 'allow', index])), null, mode);
  });
  if (permissionModeNote(mode)) {
    const modeLine = doc.lineOf(['permissions', 'defaultMode']);
    const unasked = mode === 'bypassPermissions' ? CLAUDE_DEFAULT_TOOLS : ['Write', 'Edit'];
    for (const spec of unasked) if (!denied.has(spec) && !allowed.has(spec)) grantTool(src, unit, spec, src.evidence('claude.capability.permission-mode', modeLine), null, mode);
  }
  const allowedServers = textList(permissions?.allow).flatMap((spec) => claudeMcpServerOf(spec) ?? []);
  const enabled = textList(settings.enabledMcpjsonServers);
  const all = settings.enableAllProjectMcpServers === true;
  const serverKey = all ? 'enableAllProjectMcpServers' : enabled.length > 0 ? 'enabledMcpjsonServers' : null;
  const servers: string[] | 'all' = all ? 'all' : [...new Set([...enabled, ...allowedServers])];
  const model = asText(settings.model);
  const grants = unit.capabilities.length > 0 || servers.length > 0;
  const hooks = hookCommands(src, doc, settings.hooks, unit);
  if (!grants && hooks.length === 0) return findings;
  // Hooks alone grant nothing: the unit then only tells the linker which scripts they start.
  if (grants) addLlm(unit, 'anthropic', 'claude-code', model ? [model] : [], src.evidence('claude.llm.settings', model ? doc.lineOf(['model']) : evidence.line));
  // `mcp__ledger__close_account` denied: the session can never call that tool of the project's server.
  const deniedMcp = [...denied].flatMap((spec) => {
    const server = claudeMcpServerOf(spec);
    const tool = server ? claudeToolName(spec).slice(`mcp__${server}__`.length) : '';
    return server && tool && tool !== '*' ? [{ server, tool }] : [];
  });
  const denyEvidence = deniedMcp.length > 0 ? src.evidence('claude.link.mcp-server', doc.lineOf(['permissions', 'deny'])) : null;
  unit.claudeCode = { ...claudeFacts(path, 'settings', servers, src.evidence('claude.link.mcp-server', serverKey ? doc.lineOf([serverKey]) : evidence.line), false), hooks, ...(denyEvidence ? { deniedMcpTools: { tools: deniedMcp, evidence: denyEvidence } } : {}) };
  findings.units.push(unit);
  return src.redactFindings(findings);
}

/**
 * `hooks: {Stop: [{matcher, hooks: [{type: "command", command}]}]}`: the commands Claude Code runs
 * on its events. A hook that runs `claude -p` itself drives a model, recorded on the settings.
 */
function hookCommands(src: ConfigSource, doc: JsonDocument, hooks: unknown, unit: UnitFinding): NonNullable<ClaudeCodeFacts['hooks']> {
  const found: NonNullable<ClaudeCodeFacts['hooks']> = [];
  const project = claudeProjectOf(src.path);
  for (const [event, groups] of Object.entries(asRecord(hooks) ?? {})) {
    asArray(groups).forEach((group, g) => {
      asArray(asRecord(group)?.hooks).forEach((hook, h) => {
        const command = asText(asRecord(hook)?.command);
        const line = doc.lineOf(['hooks', event, g, 'hooks', h, 'command']);
        const evidence = command ? src.evidence('claude.trigger.hook', line) : null;
        if (!command || !evidence) return;
        found.push({ event, command: withProjectDir(command, project), evidence });
        recordClaudeCli(src, unit, command, line);
      });
    });
  }
  return found;
}

/**
 * A shell script (a Claude Code hook under `.claude/`, a nightly script a crontab runs): an agent
 * only when it runs Claude Code headless (`claude -p`, `--print`); of ordinary scripts only the
 * commands of one that starts code are kept (see commandsStartingCode); formatters,
 * notifications and deploys are not read any further. One 'code-entry-point' unit named by its
 * path, like code no config runs.
 */
export function analyzeClaudeScript(path: string, text: string, ctx: ConfigContext): ConfigFindings | null {
  // A start script (`web: bash start.sh`) is what its caller runs: its commands are kept for the linker.
  const scriptCommands = commandsStartingCode(text);
  if (!/\bclaude\b|claude-code/.test(text)) return scriptCommands === null ? null : { ...newFindings(path, 'shell-script'), scriptCommands };
  const src = new ConfigSource(path, text, ctx);
  const findings = newFindings(path, 'claude-script');
  if (scriptCommands !== null) findings.scriptCommands = scriptCommands;
  const lines = src.lines;
  let unit: UnitFinding | null = null;
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let logical = lines[i]!;
    while (/\\\s*$/.test(logical) && i + 1 < lines.length) logical = `${logical.replace(/\\\s*$/, ' ')}${lines[++i]!.trim()}`;
    if (/^\s*#/.test(logical) || !claudeCliRunIn(logical)) continue;
    if (!unit) {
      const evidence = src.evidence('claude.unit.script', start + 1);
      if (!evidence) return findings;
      unit = newUnit('code-entry-point', path, path, evidence, { kind: 'user', schedule: null, description: 'Started by a person, a Claude Code hook or a scheduler we did not see', evidence: null });
    }
    recordClaudeCli(src, unit, logical, start + 1);
  }
  if (!unit) return findings;
  findings.units.push(unit);
  return src.redactFindings(findings);
}

function claudeFacts(path: string, role: ClaudeCodeFacts['role'], mcpServers: ClaudeCodeFacts['mcpServers'], mcpEvidence: Evidence | null, inheritsTools: boolean): ClaudeCodeFacts {
  return { project: claudeProjectOf(path), role, mcpServers, mcpEvidence, ...(role === 'subagent' ? { inheritsTools } : {}) };
}

/** `mode` adds its note where it matters: bypassPermissions to every tool, acceptEdits to file edits only. */
function grantTool(src: ConfigSource, unit: UnitFinding, spec: string, evidence: Evidence | null, extra: string | null, mode: string | null = null): void {
  if (!evidence) return;
  for (const found of claudeToolGrants(spec)) {
    const modeNote = mode === 'bypassPermissions' || (mode === 'acceptEdits' && found.kind === 'file-write') ? permissionModeNote(mode) : null;
    const note = [extra, modeNote].filter(Boolean).join('; ');
    addCapability(unit, found.kind, note ? `${found.detail} (${note})` : found.detail, evidence);
  }
  for (const input of claudeToolInputs(spec)) {
    if (!unit.untrustedInputs.some((i) => i.kind === input.kind && i.detail === input.detail)) unit.untrustedInputs.push({ kind: input.kind, detail: input.detail, tool: null, evidence });
  }
}

/**
 * Front matter as YAML, or, when it is not valid YAML, line by line as Claude Code reads it: real
 * subagents are full of descriptions such as `description: Use this agent when… Examples:
 * <example>Context: …` that no YAML parser accepts. Top-level `key: value` lines, and `- item`
 * lines under a key with no value, are read; the rest is the previous key's text.
 */
function readFrontMatter(src: ConfigSource, frontMatter: string, warn: (message: string, line?: number) => void): Pick<YamlDocument, 'value' | 'lineOf'> | null {
  let problem: ConfigSyntaxError | null = null;
  try {
    const [doc] = parseYamlDocuments(src, { text: frontMatter });
    if (doc && asRecord(doc.value)) return doc;
  } catch (error) {
    if (!(error instanceof ConfigSyntaxError)) throw error;
    problem = error;
  }
  const value: Record<string, string | string[]> = {};
  const lines = new Map<string, number>();
  let last: string | null = null;
  frontMatter.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const key = /^([A-Za-z_][\w-]*):(?:\s+(.*))?$/.exec(line);
    if (key) {
      last = key[1]!;
      value[last] = (key[2] ?? '').trim().replace(/^(["'])(.*)\1$/, '$2');
      lines.set(last, i + 1);
      return;
    }
    const item = /^\s+-\s+(.*)$/.exec(line);
    if (last && item && (Array.isArray(value[last]) || value[last] === '')) value[last] = [...(Array.isArray(value[last]) ? (value[last] as string[]) : []), item[1]!.trim()];
    else if (last && line.trim() && typeof value[last] === 'string') value[last] = `${value[last]} ${line.trim()}`;
  });
  if (lines.size === 0) return null;
  // Claude Code reads such files; only one that names no subagent is worth a warning.
  if (problem && !(lines.has('name') && lines.has('description'))) warn(`front matter is not valid YAML (${problem.message}) and has no name and description lines; read what could be read`, problem.line ?? undefined);
  return { value, lineOf: (path) => lines.get(String(path[0])) ?? 1 };
}

/**
 * The front matter of a Markdown file as YAML text of the same length as the file: every other
 * character blanked (newlines kept), so the parser's offsets are the file's lines. Null when the
 * file does not open with a `---` line closed by another.
 */
function frontMatterText(text: string): string | null {
  const lines = text.split('\n');
  if (lines[0]?.replace(/^\uFEFF/, '').trim() !== '---') return null;
  const end = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (end < 0) return null;
  return lines.map((line, i) => (i > 0 && i < end ? line : ' '.repeat(line.length))).join('\n');
}
