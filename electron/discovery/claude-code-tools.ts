import type { CapabilityKind, UntrustedInputKind } from '../../shared/discovery';

/**
 * Claude Code's built-in tools, as the Agent SDK's `allowedTools`, a subagent's `tools:` front
 * matter and `.claude/settings.json` permission rules write them ("Bash", "Bash(npm test:*)",
 * "Edit", "WebFetch(domain:docs.example.com)", "mcp__github__create_issue"), mapped to what the
 * agent can do with them. Shared by the code analyzer (SDK options) and the config analyzers
 * (subagent files, settings), so the three read one vocabulary the same way.
 */

export interface ClaudeToolGrant {
  kind: CapabilityKind;
  detail: string;
}

export interface ClaudeToolInput {
  kind: UntrustedInputKind;
  detail: string;
}

/** The tool name of a rule: "Bash(npm:*)" → "Bash", "mcp__github__create_issue" → "mcp__github__create_issue". */
export function claudeToolName(spec: string): string {
  return spec.trim().replace(/\(.*$/s, '').trim();
}

/** What one allowed tool lets the agent do; read-only tools (Read, Grep, Glob, Task, TodoWrite) grant nothing to record. */
export function claudeToolGrants(spec: string): ClaudeToolGrant[] {
  const written = spec.trim();
  const name = claudeToolName(written);
  const scoped = written.length > name.length;
  switch (name) {
    case 'Bash':
    case 'BashOutput':
      return [{ kind: 'shell-exec', detail: `Claude Code tool ${written}` }];
    case 'Write':
    case 'Edit':
    case 'MultiEdit':
    case 'NotebookEdit':
      return [{ kind: 'file-write', detail: `Claude Code tool ${written}` }];
    case 'WebFetch':
      // WebFetch(domain:x) reaches one written host: an endpoint, not any address the model picks.
      return scoped ? [] : [{ kind: 'outbound-network', detail: 'Claude Code tool WebFetch (any address the model picks)' }];
    case 'WebSearch':
      return [{ kind: 'outbound-network', detail: 'Claude Code tool WebSearch' }];
    default:
      return [];
  }
}

/** Outside content a tool hands the model: fetched pages and search results are web pages anyone writes. */
export function claudeToolInputs(spec: string): ClaudeToolInput[] {
  const name = claudeToolName(spec);
  if (name === 'WebFetch') return [{ kind: 'web-page', detail: `Claude Code tool ${spec.trim()}` }];
  if (name === 'WebSearch') return [{ kind: 'web-page', detail: 'Claude Code tool WebSearch' }];
  return [];
}

/** Every built-in tool that grants something: what an agent has when no list limits it. */
export const CLAUDE_DEFAULT_TOOLS = ['Bash', 'Write', 'Edit', 'WebFetch', 'WebSearch'];

/** The MCP server an `mcp__server__tool` (or `mcp__server`) rule names, else null. */
export function claudeMcpServerOf(spec: string): string | null {
  return /^mcp__([^_][\w-]*?)(?:__|$)/.exec(claudeToolName(spec))?.[1] ?? null;
}

/** "Read, Glob, Grep, Bash" (front matter) or a list: the tool specs, parentheses kept whole. */
export function splitClaudeTools(value: unknown): string[] | null {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter(Boolean);
  if (typeof value !== 'string') return null;
  const specs: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of value) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if ((ch === ',' || ch === '\n') && depth === 0) {
      if (current.trim()) specs.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) specs.push(current.trim());
  return specs;
}

/** Permission modes that let tools run with nobody asked. */
export function permissionModeNote(mode: string | null): string | null {
  if (mode === 'bypassPermissions') return 'permissionMode bypassPermissions: every tool runs without asking anyone';
  if (mode === 'acceptEdits') return 'permissionMode acceptEdits: file edits are applied without asking anyone';
  return null;
}
