import type { ToolDefinition } from '../../../shared/discovery';
import { makeEvidence } from '../evidence';
import type { McpLaunchFact, McpServerFact } from '../findings';
import type { CallSite, CodeModel, Scope, Value } from './code-model';
import { callMatches, literalText, resolved } from './finding-context';
import { switchedOn } from './frameworks';
import type { CodeRuleSet } from './rules';

/**
 * What a file says about MCP, beyond its framework use: the server it builds (a tool provider,
 * which the linker reports as an 'mcp-server' item rather than an agent), the stdio servers it
 * launches (so the linker can tie an agent to the server file it starts), and what each MCP tool
 * says it does. All read from the syntax tree's calls and literals; nothing is run.
 */

const MCP_CLIENT_RULE = 'code.endpoint.mcp-client';

/**
 * The server a file constructs: `FastMCP("weather")`, `FastMCP(name="weather")`,
 * `new McpServer({ name: 'tickets', version })`, low-level `Server("ops")` / `new Server({ name })`.
 * The constructors are the calls of the rule pack's 'mcp-server' framework rules, so turning
 * those rules off turns this off too.
 */
export function findMcpServer(model: CodeModel, rules: CodeRuleSet): McpServerFact | null {
  const serverRules = rules.framework.filter((rule) => rule.framework === 'mcp-server');
  const ruleOf = (call: CallSite) => serverRules.find((rule) => callMatches(rule.match.calls, call) && switchedOn(model, rule.match.namedArgs, call));
  const constructor = model.calls.find((call) => !call.decorates && ruleOf(call) !== undefined);
  if (!constructor) return null;
  const ruleId = ruleOf(constructor)!.id;
  return { name: serverName(model, constructor), evidence: makeEvidence(model.path, constructor.line, model.lines[constructor.line - 1] ?? '', ruleId, 0.95) };
}

function serverName(model: CodeModel, call: CallSite): string | null {
  const named = literalText(resolved(model, call.named.get('name')));
  if (named) return named;
  const first = resolved(model, call.args[0]);
  if (first?.kind === 'object') return literalText(resolved(model, first.entries.find((e) => e.key === 'name')?.value)) ?? null;
  const text = literalText(first);
  return text && first?.kind === 'string' ? text : null;
}

/**
 * Stdio servers the code starts: any call or object literal that gives a literal `command` and a
 * list of literal `args` (`MCPServerStdio(params={...})`, `StdioServerParameters(command=, args=)`,
 * `MultiServerMCPClient({"math": {...}})`, `new StdioClientTransport({ command, args })`,
 * `mcp_servers={...}`), and pydantic-ai's positional `MCPServerStdio('uv', args=[...])`. Which of
 * them start a server of the scanned tree is the linker's question; a launch of a public package
 * simply resolves to nothing.
 */
export function findMcpLaunches(model: CodeModel, rules: CodeRuleSet): McpLaunchFact[] {
  // Launches are the stdio side of the MCP client endpoint rule: turned off with it.
  const rule = rules.endpoint.find((r) => r.id === MCP_CLIENT_RULE);
  if (!rule) return [];
  const launches: McpLaunchFact[] = [];
  const seen = new Set<string>();
  const add = (command: string | null, args: Value | undefined, line: number, name: string | null, env: Value | undefined, cwd: Value | undefined = undefined) => {
    const list = resolved(model, args);
    if (!command || list?.kind !== 'list') return;
    // Only written strings: an argument read at run time (`os.environ[...]`) names no file we can see.
    const texts = list.items.map((item) => argumentOf(model, item));
    if (texts.some((t) => t === null)) return;
    const key = `${line}|${command}|${texts.join(' ')}`;
    if (seen.has(key)) return;
    seen.add(key);
    const envNames = envNamesOf(model, env, texts as string[]);
    // The folder the server is started in (`cwd="services/ledger"`): its relative paths are from there.
    const folder = stringOf(model, cwd);
    launches.push({ command, args: texts as string[], evidence: makeEvidence(model.path, line, model.lines[line - 1] ?? '', rule.id, rule.confidence), ...(name ? { name } : {}), ...(envNames.length > 0 ? { env: envNames } : {}), ...(folder ? { cwd: folder } : {}) });
  };
  for (const call of model.calls) {
    // Genkit's `mcpClient({ name: 'github', serverProcess: { command, args, env } })`: the client names the server.
    const process = resolved(model, call.named.get('serverProcess'));
    if (process?.kind !== 'object') continue;
    const entry = (key: string) => process.entries.find((e) => e.key === key)?.value;
    add(stringOf(model, entry('command')), entry('args'), call.line, stringOf(model, call.named.get('name')) ?? call.boundTo, entry('env'), entry('cwd'));
  }
  for (const object of model.objects) {
    const command = object.entries.find((e) => e.key === 'command');
    const args = object.entries.find((e) => e.key === 'args');
    if (command && args && object.boundTo !== 'serverProcess') add(stringOf(model, command.value), args.value, command.line, object.boundTo ?? null, object.entries.find((e) => e.key === 'env')?.value, object.entries.find((e) => e.key === 'cwd')?.value);
  }
  for (const call of model.calls) {
    const args = call.named.get('args');
    if (!args) continue;
    const command = call.named.get('command') ?? (/MCPServerStdio$/.test(call.callee) ? call.args[0] : undefined);
    add(stringOf(model, command), args, call.line, stringOf(model, call.named.get('name')) ?? call.boundTo, call.named.get('env'), call.named.get('cwd'));
  }
  return launches;
}

/**
 * The environment a launched server gets, by name: the keys of its `env` object and what
 * `docker run -e NAME` passes through. Values stay unread: they are the agent's secrets.
 */
function envNamesOf(model: CodeModel, env: Value | undefined, args: string[]): string[] {
  const object = resolved(model, env);
  const fromObject = object?.kind === 'object' ? object.entries.map((e) => e.key) : [];
  const passed = args.flatMap((arg, i) => (arg === '-e' || arg === '--env' ? [args[i + 1] ?? ''] : [])).map((arg) => arg.split('=')[0]!);
  return [...new Set([...fromObject, ...passed].filter((name) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)))];
}

/**
 * An argument as written; a template whose written tail is a script
 * (`${process.env.GITHUB_ACTION_PATH}/src/mcp/github-comment-server.ts`) names that file under a
 * folder known at run time, kept as `…/src/mcp/github-comment-server.ts`.
 */
function argumentOf(model: CodeModel, value: Value | undefined): string | null {
  const found = resolved(model, value);
  if (found?.kind !== 'string') return null;
  if (!found.interpolated) return found.text;
  const tail = /^\{\}(\/[\w./-]+\.(?:py|ts|js|mjs|cjs))$/.exec(found.text);
  return tail ? `…${tail[1]}` : null;
}

function stringOf(model: CodeModel, value: Value | undefined): string | null {
  const found = resolved(model, value);
  return found?.kind === 'string' && !found.interpolated ? found.text : null;
}

/**
 * What each tool of an MCP server file says it does: the decorator's `description=`, else the
 * function's docstring (FastMCP sends it to the client as the description); the second string
 * argument of `server.tool(name, description, …)`, or `description` of `registerTool(name, {…})`
 * and of listed tool objects (`{ name, description, inputSchema }`, `types.Tool(name=, description=)`).
 */
export function describeTools(model: CodeModel, tools: ToolDefinition[]): ToolDefinition[] {
  return withListedTools(model, tools).map((tool) => {
    const description = descriptionOf(model, tool);
    return description ? { ...tool, description } : tool;
  });
}

const MAX_DESCRIPTION = 300;

/**
 * A low-level Python server dispatches every tool through one `@server.call_tool()` function and
 * names them in `@server.list_tools()` (`types.Tool(name=…, description=…)`): the client sees
 * those names, so they replace the dispatcher, each with what the dispatcher's body can do.
 */
function withListedTools(model: CodeModel, tools: ToolDefinition[]): ToolDefinition[] {
  const dispatcher = tools.find((tool) => model.calls.some((call) => call.decorates?.name === tool.name && /\.call_tool$/.test(call.callee)));
  if (!dispatcher) return tools;
  const listed = model.calls.filter((call) => /(^|\.)Tool$/.test(call.callee) && stringOf(model, call.named.get('name')) && call.named.has('inputSchema'));
  if (listed.length === 0) return tools;
  const named = listed.map((call) => ({
    ...dispatcher,
    name: stringOf(model, call.named.get('name'))!,
    evidence: makeEvidence(model.path, call.line, model.lines[call.line - 1] ?? '', dispatcher.evidence.ruleId, dispatcher.evidence.confidence),
  }));
  return [...tools.filter((tool) => tool !== dispatcher), ...named];
}

function descriptionOf(model: CodeModel, tool: ToolDefinition): string | null {
  const calls = model.calls.filter((call) => call.line === tool.evidence.line || call.decorates?.name === tool.name);
  const decorated = calls.find((call) => call.decorates !== null)?.decorates ?? model.scopes.find((s) => s.kind === 'function' && s.name === tool.name) ?? null;
  const found = calls.map((call) => callDescription(model, call, tool.name)).find((d) => d !== null) ?? listedDescription(model, tool.name) ?? (decorated ? docstring(model, decorated) : null);
  return found ? found.replace(/\s+/g, ' ').trim().slice(0, MAX_DESCRIPTION) || null : null;
}

function callDescription(model: CodeModel, call: CallSite, name: string): string | null {
  const named = stringOf(model, call.named.get('description'));
  if (named) return named;
  // server.tool("name", "description", schema, handler)
  if (stringOf(model, call.args[0]) === name && call.args.length > 2) return stringOf(model, call.args[1]);
  return null;
}

/** `{ name: "save_note", description: "…" }` in a low-level server's tool list, or `Tool(name=…, description=…)`. */
function listedDescription(model: CodeModel, name: string): string | null {
  for (const object of model.objects) {
    if (stringOf(model, object.entries.find((e) => e.key === 'name')?.value) !== name) continue;
    const description = stringOf(model, object.entries.find((e) => e.key === 'description')?.value);
    if (description) return description;
  }
  for (const call of model.calls) {
    if (stringOf(model, call.named.get('name')) === name && call.named.has('description')) return stringOf(model, call.named.get('description'));
  }
  return null;
}

/** A Python function's docstring: the first statement of its body, when it is a string literal. */
function docstring(model: CodeModel, scope: Scope): string | null {
  if (model.language !== 'python') return null;
  const inBody = model.strings.find((s) => s.line > scope.line && s.line <= scope.line + 6 && !s.interpolated);
  if (!inBody) return null;
  // Only a string that opens its own line is a docstring; `return "x"` is not.
  const source = (model.lines[inBody.line - 1] ?? '').trim();
  return /^[rRbBuU]?("""|'''|"|')/.test(source) ? inBody.text : null;
}
