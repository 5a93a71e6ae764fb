import { makeEvidence } from '../evidence';
import type { McpToolFilterFact } from '../findings';
import type { CallSite, CodeModel, Value } from './code-model';
import { lastSegment, literalText, resolved } from './finding-context';
import type { CodeRuleSet } from './rules';

/**
 * Which of an MCP server's tools a client lets its model see, when the code narrows them:
 *
 * - OpenAI Agents SDK: `MCPServerStdio(params=…, tool_filter=create_static_tool_filter(
 *   allowed_tool_names=[…], blocked_tool_names=[…]))` or a `{"allowed_tool_names": […]}` dict;
 *   in JavaScript `toolFilter: createMCPToolStaticFilter({ allowed, blocked })` (or a list) or
 *   `{ allowedToolNames, blockedToolNames }`. The filter covers the server built by that call.
 * - Claude Agent SDK: `allowedTools: ["mcp__ledger__read_balance"]`, `disallowedTools: […]`
 *   (`allowed_tools`, `disallowed_tools`) name a server and a tool; `mcp__ledger` or
 *   `mcp__ledger__*` allow all of that server. Only servers the allowed list names are narrowed.
 * - langchain-mcp-adapters: `[t for t in await client.get_tools() if t.name in ALLOWED]` (or
 *   `not in`), a literal list or set or a constant of the file holding one: every server the
 *   file's client loads.
 *
 * A filter decided at run time (a function, a list read from settings) narrows nothing: which
 * tools it lets through cannot be read. Evidence names the MCP client endpoint rule, like the
 * launches the filters apply to, so turning that rule off turns both off.
 */

const MCP_CLIENT_RULE = 'code.endpoint.mcp-client';
const FILTER_ARGS = new Set(['tool_filter', 'toolFilter']);
const ALLOWED_KEYS = ['allowed_tool_names', 'allowedToolNames', 'allowed'];
const BLOCKED_KEYS = ['blocked_tool_names', 'blockedToolNames', 'blocked'];
const CLAUDE_ALLOWED = new Set(['allowedTools', 'allowed_tools']);
const CLAUDE_DISALLOWED = new Set(['disallowedTools', 'disallowed_tools']);
const CLAUDE_MCP_TOOL = /^mcp__([^_]+(?:_[^_]+)*?)(?:__(.+))?$/;
/** The words that make a file worth reading for filters at all: cheap text checks before any walk. */
const HINT = /tool_filter|toolFilter|mcp__|\.name\s+(?:not\s+)?in\b/;

export function findMcpToolFilters(model: CodeModel, rules: CodeRuleSet): McpToolFilterFact[] {
  const rule = rules.endpoint.find((r) => r.id === MCP_CLIENT_RULE);
  if (!rule || !HINT.test(model.text)) return [];
  const evidence = (line: number) => makeEvidence(model.path, line, model.lines[line - 1] ?? '', rule.id, rule.confidence);
  const filters: McpToolFilterFact[] = [];
  for (const call of model.calls) {
    for (const [name, value] of call.named) {
      if (!FILTER_ARGS.has(name)) continue;
      const read = staticFilter(model, value);
      if (!read) continue;
      const filterLine = model.namedValues.find((named) => named.value === value)?.line ?? call.line;
      filters.push({ server: null, lines: [call.line, endLine(model, call)], ...read, evidence: evidence(filterLine) });
    }
  }
  filters.push(...claudeFilters(model, evidence));
  const kept = keptByName(model, evidence);
  if (kept) filters.push(kept);
  return filters;
}

/** The allowed and blocked names of a static filter, or null for one decided at run time. */
function staticFilter(model: CodeModel, written: Value): { allowed: string[] | null; blocked: string[] } | null {
  const value = resolved(model, written);
  if (value?.kind === 'call' && /(^|\.)(create_static_tool_filter|createMCPToolStaticFilter)$/.test(value.call.callee)) {
    const first = resolved(model, value.call.args[0]);
    // `createMCPToolStaticFilter(["read_file"])`: a list is the allowed names.
    if (first?.kind === 'list') return namesOf(model, first) ? { allowed: namesOf(model, first), blocked: [] } : null;
    const fields = first?.kind === 'object' ? new Map(first.entries.map((entry) => [entry.key, entry.value])) : value.call.named;
    return fieldsFilter(model, fields);
  }
  if (value?.kind === 'object') return fieldsFilter(model, new Map(value.entries.map((entry) => [entry.key, entry.value])));
  return null;
}

function fieldsFilter(model: CodeModel, fields: ReadonlyMap<string, Value>): { allowed: string[] | null; blocked: string[] } | null {
  const allowedValue = ALLOWED_KEYS.map((key) => fields.get(key)).find((v) => v !== undefined);
  const blockedValue = BLOCKED_KEYS.map((key) => fields.get(key)).find((v) => v !== undefined);
  if (!allowedValue && !blockedValue) return null;
  const allowed = allowedValue ? namesOf(model, resolved(model, allowedValue)) : null;
  const blocked = blockedValue ? namesOf(model, resolved(model, blockedValue)) : [];
  // A list built at run time: which tools pass is unknown.
  if ((allowedValue && allowed === null) || blocked === null) return null;
  return { allowed, blocked };
}

/** The literal names of a list, or null when any item is not a literal. */
function namesOf(model: CodeModel, value: Value | null | undefined): string[] | null {
  if (value?.kind !== 'list') return null;
  const names = value.items.map((item) => literalText(resolved(model, item)));
  return names.every((name): name is string => name !== null) ? names : null;
}

/** `allowedTools: ["mcp__ledger__read_balance"]`: per server named, what it allows and blocks. */
function claudeFilters(model: CodeModel, evidence: (line: number) => McpToolFilterFact['evidence']): McpToolFilterFact[] {
  if (!model.text.includes('mcp__')) return [];
  const byServer = new Map<string, { allowed: Set<string> | 'all' | null; blocked: Set<string>; line: number }>();
  const entry = (server: string, line: number) => {
    let found = byServer.get(server);
    if (!found) byServer.set(server, (found = { allowed: null, blocked: new Set(), line }));
    return found;
  };
  for (const named of model.namedValues) {
    const allowing = CLAUDE_ALLOWED.has(named.name);
    if (!allowing && !CLAUDE_DISALLOWED.has(named.name)) continue;
    for (const spec of namesOf(model, resolved(model, named.value)) ?? []) {
      const match = CLAUDE_MCP_TOOL.exec(spec.trim());
      if (!match) continue;
      const [, server, tool] = match;
      const found = entry(server!, named.line);
      if (!allowing) {
        if (tool && tool !== '*') found.blocked.add(tool);
        continue;
      }
      found.line = named.line;
      if (!tool || tool === '*') found.allowed = 'all';
      else if (found.allowed !== 'all') {
        found.allowed ??= new Set();
        found.allowed.add(tool);
      }
    }
  }
  return [...byServer].flatMap(([server, { allowed, blocked, line }]) => {
    if (allowed === 'all' && blocked.size === 0) return [];
    return [{ server, lines: null, allowed: allowed === 'all' || allowed === null ? null : [...allowed], blocked: [...blocked], evidence: evidence(line) }];
  });
}

const KEPT_BY_NAME = /\.name\s+(not\s+)?in\s+(\[[^\]\n]*\]|\{[^}\n]*\}|\([^)\n]*\)|[A-Za-z_][\w.]*)/;

/** `if tool.name in ALLOWED_TOOLS` over the tools a langchain-mcp-adapters client loads. */
function keptByName(model: CodeModel, evidence: (line: number) => McpToolFilterFact['evidence']): McpToolFilterFact | null {
  if (!model.calls.some((call) => /(^|\.)get_tools$/.test(call.callee)) || !model.imports.some((fact) => fact.module.startsWith('langchain_mcp_adapters'))) return null;
  const match = KEPT_BY_NAME.exec(model.text);
  if (!match) return null;
  const names = literalNames(model, match[2]!);
  if (!names) return null;
  const line = model.text.slice(0, match.index).split('\n').length;
  return { server: null, lines: null, allowed: match[1] ? null : names, blocked: match[1] ? names : [], evidence: evidence(line) };
}

/** Names of a written `["a", "b"]` / `{"a"}` / `("a",)`, or of the constant holding one. */
function literalNames(model: CodeModel, written: string): string[] | null {
  let source = written;
  if (/^[A-Za-z_]/.test(written)) {
    const name = lastSegment(written);
    const assigned = new RegExp(`^${name}\\s*(?::[^=\\n]+)?=\\s*(\\[[^\\]]*\\]|\\{[^}]*\\}|\\([^)]*\\)|(?:frozenset|set)\\(\\s*[[{][^\\]}]*[\\]}]\\s*\\))`, 'm').exec(model.text);
    if (!assigned) return null;
    source = assigned[1]!;
  }
  const inner = source.replace(/^(?:frozenset|set)\(\s*/, '').slice(1, -1).trim();
  if (inner === '') return [];
  const items = inner.split(',').map((item) => item.trim()).filter(Boolean);
  const names = items.map((item) => /^(["'])([^"']*)\1$/.exec(item)?.[2] ?? null);
  return names.every((name): name is string => name !== null) ? names : null;
}

function endLine(model: CodeModel, call: CallSite): number {
  let line = call.line;
  for (let i = call.start; i < call.end; i++) if (model.text.charCodeAt(i) === 10) line++;
  return line;
}
