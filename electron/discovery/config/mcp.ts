import { posix } from 'node:path';
import type { ConfigFindings, UnitFinding } from '../findings';
import { codePathsInCommand } from './commands';
import type { ConfigContext } from './context';
import { literalHost, recordEnvEntry } from './env-facts';
import { parseJsonDocument } from './json-document';
import { serverCapabilities } from './mcp-server-capabilities';
import { isReference, literalSecretIn, opaqueSecret, recordLiteralSecret } from './secrets';
import { ConfigSource } from './source';
import { parseTomlValue } from './toml-value';
import { escapeRegExp } from './text-scan';
import { addCapability, addCredential, addEndpoint, addUnique, newFindings, newUnit, trigger, TRIGGER_RULE_OFF } from './units';
import { asArray, asRecord, asText, entriesOf, textList, type Json } from './values';
import type { PathSegment } from './yaml-documents';

/** Clients by where they keep their configuration, and whether that file sits in a project folder. */
const CLIENTS: Array<{ pattern: RegExp; client: string; inProjectFolder: boolean }> = [
  { pattern: /(^|\/)claude_desktop_config\.json$/, client: 'Claude Desktop', inProjectFolder: false },
  { pattern: /(^|\/)\.cursor\/mcp\.json$/, client: 'Cursor', inProjectFolder: true },
  { pattern: /(^|\/)\.vscode\/(mcp|settings)\.json$/, client: 'VS Code', inProjectFolder: true },
  { pattern: /(^|\/)\.mcp\.json$|(^|\/)\.claude\.json$/, client: 'Claude Code', inProjectFolder: false },
  { pattern: /windsurf|codeium/i, client: 'Windsurf', inProjectFolder: false },
  { pattern: /cline_mcp_settings\.json$/, client: 'Cline', inProjectFolder: false },
  { pattern: /(^|\/)\.roo\/mcp\.json$/, client: 'Roo Code', inProjectFolder: true },
  { pattern: /(^|\/)\.gemini\/settings\.json$/, client: 'Gemini CLI', inProjectFolder: true },
  { pattern: /(^|\/)\.codex\/config\.toml$/, client: 'Codex CLI', inProjectFolder: true },
  { pattern: /(^|\/)\.zed\/settings\.json$/, client: 'Zed', inProjectFolder: true },
  { pattern: /(^|\/)\.amazonq\/mcp\.json$/, client: 'Amazon Q', inProjectFolder: true },
];

const AUTH_HEADER = /authorization|api[-_]?key|token|secret/i;
const SECRET_QUERY = /[?&](api[_-]?key|apikey|key|token|access_token|auth)=([^&#\s]+)/i;

interface ServerEntry {
  name: string;
  config: Json;
  /** Where the entry sits in the file, for line numbers. */
  path: PathSegment[];
}

interface McpDocument {
  servers: ServerEntry[];
  serversPath: PathSegment[];
  inputs: unknown;
  lineOf(path: PathSegment[]): number;
}

/**
 * MCP client configurations (Claude Desktop, Claude Code, Cursor, VS Code, Windsurf, Cline,
 * Gemini CLI, Codex CLI, Zed...): one unit per file, with every server as data. A server's
 * command is never run, whatever it is.
 */
export function analyzeMcp(path: string, text: string, ctx: ConfigContext): ConfigFindings | null {
  const src = new ConfigSource(path, text, ctx);
  const document = path.endsWith('.toml') ? tomlDocument(src) : jsonDocument(src);
  if (!document || document.servers.length === 0) return null;

  const known = CLIENTS.find((c) => c.pattern.test(path));
  const client = known?.client ?? 'MCP client';
  const projectDir = known?.inProjectFolder ? posix.dirname(src.dir) : src.dir;
  const findings = newFindings(path, 'mcp');
  const evidence = src.evidence('mcp.unit.config', document.lineOf(document.serversPath));
  if (!evidence) return findings;
  const sessions = `Assistant sessions in ${known ? client : 'an MCP client'}`;
  const sessionTrigger = trigger('user', null, sessions, src.evidence('mcp.trigger.assistant-session', evidence.line)) ?? TRIGGER_RULE_OFF;
  const unit = newUnit('mcp-config', client, path, evidence, sessionTrigger);
  unit.mcpServers = [];
  for (const server of document.servers) recordServer(src, document, unit, server, projectDir === '.' ? '' : projectDir);
  recordInputs(src, document, unit);
  findings.units.push(unit);
  return src.redactFindings(findings);
}

function jsonDocument(src: ConfigSource): McpDocument | null {
  const doc = parseJsonDocument(src);
  const root = asRecord(doc.value);
  if (!root) return null;
  const isVsCodeMcp = /(^|\/)mcp\.json$/.test(src.path);
  const candidates: Array<[PathSegment[], unknown]> = [
    [['mcpServers'], root.mcpServers],
    [['servers'], isVsCodeMcp ? root.servers : undefined],
    [['mcp', 'servers'], asRecord(root.mcp)?.servers],
    [['context_servers'], root.context_servers],
  ];
  // Claude Code keeps per-project servers in ~/.claude.json under projects.<folder>.mcpServers.
  for (const [folder, project] of entriesOf(root.projects)) candidates.push([['projects', folder, 'mcpServers'], asRecord(project)?.mcpServers]);
  const found = candidates.filter(([, value]) => entriesOf(value).some(([, s]) => looksLikeServer(s)));
  if (found.length === 0) return null;
  return {
    servers: found.flatMap(([at, value]) => serverEntries(value, at)),
    serversPath: found[0]![0],
    inputs: root.inputs,
    lineOf: (path) => doc.lineOf(path),
  };
}

function serverEntries(servers: unknown, at: PathSegment[]): ServerEntry[] {
  return entriesOf(servers).flatMap(([name, value]) => {
    const config = asRecord(value);
    return config ? [{ name, config, path: [...at, name] }] : [];
  });
}

const looksLikeServer = (value: unknown) => {
  const server = asRecord(value);
  return !!server && ['command', 'url', 'serverUrl', 'httpUrl', 'type', 'source'].some((key) => key in server);
};

/** Codex CLI: `[mcp_servers.name]` tables with command, args, env, url. */
function tomlDocument(src: ConfigSource): McpDocument | null {
  const root = parseTomlValue(src);
  const servers = serverEntries(root.mcp_servers, ['mcp_servers']);
  if (servers.length === 0) return null;
  const lineOf = (path: PathSegment[]): number => {
    const [, name, key, sub] = path.map(String);
    if (!name) return src.findLine(/^\s*\[mcp_servers[.\]]/) || 1;
    const header = src.findLine(new RegExp(`^\\s*\\[mcp_servers\\.(?:"${escapeRegExp(name)}"|${escapeRegExp(name)})\\]`));
    if (!header || !key) return header || 1;
    const nestedHeader = src.findLine(new RegExp(`^\\s*\\[mcp_servers\\.(?:"${escapeRegExp(name)}"|${escapeRegExp(name)})\\.${escapeRegExp(key)}\\]`));
    const at = nestedHeader || src.findLine(new RegExp(`^\\s*${escapeRegExp(key)}\\s*=`), header) || header;
    return sub ? src.findLine(new RegExp(`^\\s*"?${escapeRegExp(sub)}"?\\s*=|\\b${escapeRegExp(sub)}\\s*=`), at) || at : at;
  };
  return { servers, serversPath: ['mcp_servers'], inputs: undefined, lineOf };
}

function recordServer(src: ConfigSource, document: McpDocument, unit: UnitFinding, server: ServerEntry, projectDir: string): void {
  const { config, path } = server;
  // Zed writes `command: {path, args, env}`; everyone else `command` + `args`.
  const commandObject = asRecord(config.command);
  const command = asText(config.command) ?? asText(commandObject?.path);
  const args = textList(config.args ?? commandObject?.args);
  // Remote servers: `url` (most clients), `serverUrl` (Windsurf), `httpUrl` (Gemini CLI).
  const urlKey = ['url', 'serverUrl', 'httpUrl'].find((key) => asText(config[key]));
  const url = urlKey ? asText(config[urlKey]) : null;
  const line = document.lineOf([...path, command ? 'command' : (urlKey ?? 'command')]);
  const entryEvidence = src.evidence('mcp.unit.server', document.lineOf(path));
  const envNames = entriesOf(config.env ?? commandObject?.env).map(([name]) => name);
  if (entryEvidence) unit.mcpServers!.push({ name: server.name, command, args, url, evidence: entryEvidence, ...(envNames.length > 0 ? { env: envNames } : {}) });

  recordSecretArguments(src, unit, args, line);
  if (command) {
    const launch = [command, ...args].join(' ');
    addUnique(unit.runs, launch);
    const cwd = asText(config.cwd)?.replace(/\$\{workspaceFolder\}/g, '.') ?? '.';
    addUnique(unit.codePaths, ...codePathsInCommand(launch.replace(/\$\{workspaceFolder\}\//g, ''), cwd.startsWith('/') ? '' : posix.join(projectDir || '.', cwd).replace(/^\.$/, '')));
  }
  const disabled = config.disabled === true || config.enabled === false ? ' (disabled in the config)' : '';
  for (const capability of serverCapabilities(command, args, url)) {
    addCapability(unit, capability.kind, `${server.name}: ${capability.detail}${disabled}`, src.evidence(capability.ruleId, line), server.name);
  }
  if (url) recordRemote(src, unit, url, line);
  const envPath = config.env ? [...path, 'env'] : [...path, 'command', 'env'];
  for (const [name, value] of entriesOf(config.env ?? commandObject?.env)) {
    recordEnvEntry(src, unit, { name, value: asText(value), line: document.lineOf([...envPath, name]) });
  }
  for (const name of [...textList(config.env_vars), ...textList(config.bearer_token_env_var)]) {
    recordEnvEntry(src, unit, { name, value: null, line: document.lineOf([...path, config.env_vars ? 'env_vars' : 'bearer_token_env_var']) });
  }
  for (const [header, value] of entriesOf(config.headers ?? config.http_headers)) {
    recordHeader(src, unit, header, asText(value), document.lineOf([...path, config.headers ? 'headers' : 'http_headers', header]));
  }
}

/** `--api-key sk-…`, `--token=abc…`: secrets passed on the command line. */
function recordSecretArguments(src: ConfigSource, unit: UnitFinding, args: string[], line: number): void {
  args.forEach((arg, i) => {
    const flag = arg.match(/^--?([\w-]*(?:key|token|password|secret)[\w-]*)(?:=(.+))?$/i);
    const value = flag ? (flag[2] ?? args[i + 1]) : null;
    const secret = value && !value.startsWith('-') ? (literalSecretIn(flag![1]!, value) ?? literalSecretIn('token', value)) : literalSecretIn(null, arg);
    if (secret) recordLiteralSecret(src, unit, secret, line, flag ? `--${flag[1]} argument` : 'argument');
  });
}

function recordRemote(src: ConfigSource, unit: UnitFinding, url: string, line: number): void {
  const host = literalHost(url);
  if (host) addEndpoint(unit, host, 'mcp', src.evidence('mcp.endpoint.remote', line));
  const token = url.match(SECRET_QUERY);
  const secret = literalSecretIn(null, url) ?? (token && !isReference(token[2]!) ? opaqueSecret(token[2]!, null) : null);
  if (secret) recordLiteralSecret(src, unit, secret, line, `URL parameter ${token?.[1] ?? 'key'}`);
}

/** `Authorization: Bearer <token>`: a literal token is a hard-coded secret; `${input:x}` / `${env:X}` name where it comes from. */
function recordHeader(src: ConfigSource, unit: UnitFinding, header: string, value: string | null, line: number): void {
  if (!value || !AUTH_HEADER.test(header)) return;
  const token = value.replace(/^(Bearer|Basic|Token)\s+/i, '').trim();
  if (isReference(token)) {
    for (const match of token.matchAll(/\$\{(?:env:|input:)?([\w.-]+)\}|\$([A-Z_][A-Z0-9_]*)/g)) {
      addCredential(unit, 'env-var', (match[1] ?? match[2])!, null, src.evidence('config.credential.env-var', line));
    }
    return;
  }
  const secret = literalSecretIn(null, token) ?? (token.length >= 8 ? opaqueSecret(token, null) : null);
  if (secret) recordLiteralSecret(src, unit, secret, line, `${header} header`);
}

/** VS Code `inputs`: values the editor prompts for (promptString), usually keys and tokens. */
function recordInputs(src: ConfigSource, document: McpDocument, unit: UnitFinding): void {
  asArray(document.inputs).forEach((value, i) => {
    const input = asRecord(value);
    const id = asText(input?.id);
    if (input?.type === 'promptString' && id) addCredential(unit, 'env-var', id, null, src.evidence('mcp.credential.input', document.lineOf(['inputs', i, 'id'])));
  });
}
