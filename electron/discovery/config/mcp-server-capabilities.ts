import type { CapabilityKind } from '../../../shared/discovery';

/**
 * What an MCP server can do, judged from how it is launched: its command, package or image.
 * Launching is data here: nothing is ever run.
 */
export interface ServerCapability {
  kind: CapabilityKind;
  detail: string;
  ruleId: string;
}

const SHELLS = /^(bash|sh|zsh|dash|ksh|fish|cmd|cmd\.exe|powershell|powershell\.exe|pwsh)$/i;
/** Commands that act on the machine directly; as a server "command" they are a shell in disguise. */
const SYSTEM_COMMANDS = /^(rm|curl|wget|dd|mkfs|chmod|chown|sudo|eval|nc|ncat|ssh|scp|osascript)$/i;
const SHELL_SYNTAX = /\|\s*(ba|z)?sh\b|&&|;|\$\(|`/;

/** Known server packages and images, by what they let the assistant do. */
const KNOWN_SERVERS: Array<{ pattern: RegExp; kind: CapabilityKind; detail: string; ruleId: string }> = [
  { pattern: /mcp-shell|shell-mcp|mcp-server-commands|desktop-commander|iterm-mcp|terminal-mcp|cli-mcp-server|mcp-server-shell/, kind: 'shell-exec', detail: 'shell server: runs commands the assistant chooses', ruleId: 'mcp.capability.shell' },
  { pattern: /server-filesystem|mcp-server-filesystem|filesystem-mcp|mcp\/filesystem/, kind: 'file-write', detail: 'filesystem server: reads and writes files', ruleId: 'mcp.capability.filesystem' },
  { pattern: /mcp-server-git\b|mcp\/git\b/, kind: 'file-write', detail: 'git server: commits to repositories', ruleId: 'mcp.capability.filesystem' },
  // The reference Postgres server only runs read-only transactions.
  { pattern: /@modelcontextprotocol\/server-postgres|mcp\/postgres\b/, kind: 'data-read', detail: 'Postgres server (read-only queries)', ruleId: 'mcp.capability.database' },
  { pattern: /postgres-mcp|mcp-server-postgres|pg-mcp|supabase|mcp-server-sqlite|sqlite-mcp|mcp\/sqlite|mysql|mariadb|mongo|redis-mcp|mcp-server-redis|clickhouse|snowflake|bigquery|mssql/, kind: 'data-write', detail: 'database server with write access', ruleId: 'mcp.capability.database' },
  { pattern: /server-fetch|mcp-server-fetch|mcp\/fetch|puppeteer|playwright|browserbase|browser-use|firecrawl|server-brave-search|tavily|exa-mcp/, kind: 'outbound-network', detail: 'fetches or browses any web address', ruleId: 'mcp.capability.network' },
  { pattern: /server-github|github-mcp-server|server-gitlab|githubcopilot\.com\/mcp/, kind: 'data-write', detail: 'code host server: writes issues, pull requests and code', ruleId: 'mcp.capability.saas-write' },
  { pattern: /server-slack|slack-mcp|gmail|mcp-server-email|sendgrid|twilio|discord/, kind: 'external-communication', detail: 'sends messages outside the assistant', ruleId: 'mcp.capability.messaging' },
  { pattern: /@stripe\/mcp|stripe-mcp|paypal/, kind: 'payment', detail: 'payment server: charges, refunds or payouts', ruleId: 'mcp.capability.payment' },
  { pattern: /mcp-run-python|code-interpreter|e2b|code-sandbox|jupyter-mcp/, kind: 'code-execution', detail: 'runs code the assistant writes', ruleId: 'mcp.capability.code-execution' },
];

const READ_ONLY_FLAG = /--read-?only|--access-mode[= ]restricted|readonly=true/i;

/** What a server can do, from how it is launched (stdio) or where it lives (a remote URL). */
export function serverCapabilities(command: string | null, args: string[], url: string | null = null): ServerCapability[] {
  const found: ServerCapability[] = [];
  const program = command?.split(/[\\/]/).pop() ?? '';
  const launch = [command ?? '', ...args].join(' ');
  if (SHELLS.test(program) || SYSTEM_COMMANDS.test(program) || SHELL_SYNTAX.test(launch)) {
    found.push({ kind: 'shell-exec', detail: `launched through a shell command: ${launch.slice(0, 120)}`, ruleId: 'mcp.capability.shell' });
  }
  const lowered = `${launch} ${url ?? ''}`.toLowerCase();
  for (const known of KNOWN_SERVERS) {
    if (!known.pattern.test(lowered) || found.some((f) => f.ruleId === known.ruleId)) continue;
    const readOnly = known.kind === 'data-write' && known.ruleId === 'mcp.capability.database' && READ_ONLY_FLAG.test(launch);
    found.push(readOnly ? { ...known, kind: 'data-read', detail: 'database server (started read-only)' } : { kind: known.kind, detail: known.detail, ruleId: known.ruleId });
  }
  return found;
}
