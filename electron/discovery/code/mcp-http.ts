import { makeEvidence } from '../evidence';
import type { McpHttpClientFact, McpHttpServingFact } from '../findings';
import type { CallSite, CodeModel, Scope, Value } from './code-model';
import { callMatches, isWithin, lastSegment, literalText, resolved } from './finding-context';
import type { CodeRuleSet } from './rules';
import { addedMcpServer, mcpAgentRoute } from './mcp-agent';
import { lookupTable } from '../lookup-table';

/**
 * MCP over HTTP, read from the syntax tree so the linker can tie a client that reaches a URL to
 * the server of the same repository that answers there (link/mcp-http-links.ts):
 * - where a server listens: FastMCP `mcp.run(transport="streamable-http", port=…)`, the ASGI app
 *   it hands uvicorn (`mcp.streamable_http_app()`, `sse_app()`, under a mount's route), a
 *   TypeScript `StreamableHTTPServerTransport` / `SSEServerTransport` inside an express or hono
 *   route with the port of `app.listen(…)`, TypeScript FastMCP's `start({ transportType })`;
 * - which URLs a client connects to: `streamablehttp_client(url)`, `MCPServerStreamableHttp(params=
 *   {"url": …})`, `new StreamableHTTPClientTransport(new URL(…))`, `{url, transport: "sse"}` entries.
 * A port or URL read from the environment counts by its written default, which is what runs on a
 * developer's machine and in a compose file that sets nothing.
 */

type Transport = McpHttpServingFact['transport'];
const STREAMABLE: { transport: Transport; path: string } = { transport: 'streamable-http', path: '/mcp' };
const SSE: { transport: Transport; path: string } = { transport: 'sse', path: '/sse' };

/** FastMCP `run(transport=…)` values that serve over HTTP, with the route each answers by default. */
const PYTHON_RUN_TRANSPORTS = lookupTable<typeof STREAMABLE>({ 'streamable-http': STREAMABLE, streamable_http: STREAMABLE, http: STREAMABLE, sse: SSE });
/** FastMCP methods returning the ASGI app a web server runs. */
const PYTHON_APPS = lookupTable<typeof STREAMABLE>({ streamable_http_app: STREAMABLE, http_app: STREAMABLE, sse_app: SSE });
/** Constructor keywords that move FastMCP's routes. */
const PYTHON_PATH_SETTINGS: Record<Transport, string> = { 'streamable-http': 'streamable_http_path', sse: 'sse_path' };
/** FastMCP's and uvicorn's port when none is written. */
const PYTHON_DEFAULT_PORT = 8000;

/** Server transports of the TypeScript SDK (and hono's MCP middleware), by class name. */
const SCRIPT_TRANSPORTS = lookupTable<typeof STREAMABLE>({ StreamableHTTPServerTransport: STREAMABLE, StreamableHTTPTransport: STREAMABLE, SSEServerTransport: SSE });
/** TypeScript FastMCP's `start({ transportType })` values, and the option object holding port and endpoint. */
const FASTMCP_TS_TRANSPORTS = lookupTable<{ kind: typeof STREAMABLE; option: string }>({ httpStream: { kind: STREAMABLE, option: 'httpStream' }, sse: { kind: SSE, option: 'sse' } });
/** Route registrations of express, hono, fastify and koa routers. */
const ROUTE_METHODS = new Set(['get', 'post', 'all', 'use', 'route', 'delete']);

const MCP_CLIENT_RULE = 'code.endpoint.mcp-client';
/** Client classes and functions that take an MCP server's URL. */
const CLIENT_CALLS = /^(streamablehttp_client|streamable_http_client|sse_client|MCPServerStreamableHttp|MCPServerStreamableHTTP|MCPServerSse|MCPServerSSE|MCPServerHTTP|StreamableHTTPClientTransport|SSEClientTransport|MCPTools)$/;
/** Clients known by their full name: smolagents' `MCPClient({"url": ...})` (from `smolagents` or `smolagents.mcp_client`) and `ToolCollection.from_mcp({"url": ...})`. */
const CLIENT_CALLEES = /^(fastmcp\.Client|smolagents(?:\.mcp_client)?\.MCPClient|smolagents(?:\.tools)?\.ToolCollection\.from_mcp)$/;
/** Keys an entry sits under that say what it is, not which server (`{ transport: { type: "sse", url } }`). */
const OPTION_KEYS = new Set(['transport', 'params', 'options', 'config', 'server', 'connection']);
/** `transport` / `type` values of an entry reached over HTTP. */
const HTTP_TRANSPORT = /^(sse|http|streamable[-_]?http|streamableHttp)$/i;

/** Where the file's MCP server answers over HTTP; the MCP server framework rule's evidence, so turning it off turns this off. */
export function findMcpHttpServing(model: CodeModel, rules: CodeRuleSet): McpHttpServingFact[] {
  const rule = rules.framework.find((candidate) => candidate.framework === 'mcp-server');
  if (!rule) return [];
  const facts: McpHttpServingFact[] = [];
  const add = (kind: typeof STREAMABLE, port: number | null, path: string | null, call: CallSite) => {
    if (facts.some((f) => f.transport === kind.transport && f.port === port && f.path === path)) return;
    facts.push({ transport: kind.transport, port, path, evidence: makeEvidence(model.path, call.line, model.lines[call.line - 1] ?? '', rule.id, rule.confidence) });
  };
  if (model.language === 'python') {
    const constructor = model.calls.find((call) => !call.decorates && callMatches(rule.match.calls, call));
    const setting = (name: string) => constructor?.named.get(name);
    // `mcp.settings.port = 8123` after construction overrides the constructor's.
    const assignedPort = assignedSetting(model, 'port');
    const assignedPath = (name: string) => {
      const text = assignedSetting(model, name);
      return text && /^["']\/[^"']*["']$/.test(text) ? text.slice(1, -1) : null;
    };
    const settingPort = (written: Value | undefined) => portOf(model, written) ?? (assignedPort ? portOfText(assignedPort) : null) ?? portOf(model, setting('port'));
    const uvicorn = model.calls.find((call) => call.callee === 'uvicorn.run');
    for (const call of model.calls) {
      const method = lastSegment(call.callee);
      if (method === 'run' || method === 'run_async') {
        const kind = PYTHON_RUN_TRANSPORTS[literalText(resolved(model, call.named.get('transport') ?? call.args[0])) ?? ''];
        if (!kind) continue;
        const port = settingPort(call.named.get('port')) ?? PYTHON_DEFAULT_PORT;
        add(kind, port, pathOf(model, call.named.get('path')) ?? assignedPath(PYTHON_PATH_SETTINGS[kind.transport]) ?? pathOf(model, setting(PYTHON_PATH_SETTINGS[kind.transport])) ?? kind.path, call);
      } else if (PYTHON_APPS[method] && call.callee.includes('.')) {
        const kind = PYTHON_APPS[method]!;
        const port = settingPort(uvicorn?.named.get('port')) ?? PYTHON_DEFAULT_PORT;
        const own = pathOf(model, call.named.get('path')) ?? assignedPath(PYTHON_PATH_SETTINGS[kind.transport]) ?? pathOf(model, setting(PYTHON_PATH_SETTINGS[kind.transport])) ?? kind.path;
        add(kind, port, joinRoute(mountPrefix(model, call), own), call);
      }
    }
    return facts;
  }
  const routes = model.calls.flatMap((call) => {
    const path = ROUTE_METHODS.has(lastSegment(call.callee)) && call.callee.includes('.') ? pathOf(model, call.args[0]) : null;
    const handlers = call.args.flatMap((arg) => (arg.kind === 'definition' ? [arg.scope] : []));
    return path && handlers.length > 0 ? [{ path, handlers }] : [];
  });
  const port = listeningPort(model);
  for (const call of model.calls) {
    // TypeScript FastMCP: server.start({ transportType: "httpStream", httpStream: { port: 8080, endpoint: "/mcp" } })
    const started = lastSegment(call.callee) === 'start' ? FASTMCP_TS_TRANSPORTS[literalText(resolved(model, call.named.get('transportType'))) ?? ''] : undefined;
    if (started) {
      const options = resolved(model, call.named.get(started.option));
      const entry = (key: string) => (options?.kind === 'object' ? options.entries.find((e) => e.key === key)?.value : undefined);
      add(started.kind, portOf(model, entry('port')), pathOf(model, entry('endpoint')) ?? started.kind.path, call);
      continue;
    }
    const agentRoute = mcpAgentRoute(model, call);
    if (agentRoute) {
      add(agentRoute.transport === 'sse' ? SSE : STREAMABLE, null, agentRoute.path, call);
      continue;
    }
    const kind = SCRIPT_TRANSPORTS[lastSegment(call.callee)];
    if (!kind) continue;
    const route = routes.find((r) => r.handlers.some((handler: Scope) => isWithin(call.scope, handler)));
    // A transport built outside the handler (one per process) answers the file's MCP route.
    const named = routes.filter((r) => /mcp|sse/i.test(r.path));
    add(kind, port, route?.path ?? (named.length === 1 ? named[0]!.path : null) ?? kind.path, call);
  }
  return facts;
}

/**
 * Where a web app mounts the MCP app: `app.mount("/ledger", mcp.streamable_http_app())`,
 * `Mount("/ledger", app=mcp.sse_app())`; '' when it is served as is.
 */
function mountPrefix(model: CodeModel, appCall: CallSite): string {
  const holds = (value: Value | undefined) => {
    const current = resolved(model, value);
    return current?.kind === 'call' && current.call === appCall;
  };
  const mount = model.calls.find((call) => /^(mount|Mount)$/.test(lastSegment(call.callee)) && (call.args.some(holds) || holds(call.named.get('app'))));
  const prefix = mount ? pathOf(model, mount.args[0] ?? mount.named.get('path')) : null;
  return prefix && prefix !== '/' ? prefix : '';
}

const joinRoute = (prefix: string, path: string) => `${prefix.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;

/** `app.listen(3001)`, `app.listen(PORT)`, `serve({ fetch: app.fetch, port: 8787 })`, `Bun.serve({ port })`. */
function listeningPort(model: CodeModel): number | null {
  for (const call of model.calls) {
    const method = lastSegment(call.callee);
    if (method === 'listen' && call.callee.includes('.')) {
      const port = portOf(model, call.args[0]);
      if (port !== null) return port;
    }
    if (method === 'serve') {
      const port = portOf(model, call.named.get('port'));
      if (port !== null) return port;
    }
  }
  return null;
}

/** A written port: `3001`, `"8000"`, `int(os.getenv("PORT", "8001"))`, `Number(process.env.PORT ?? 3000)`, `process.env.PORT || 3001`. */
export function portOf(model: CodeModel, value: Value | undefined, depth = 0): number | null {
  const current = resolved(model, value);
  if (!current || depth > 3) return null;
  if (current.kind === 'string' || current.kind === 'other') {
    const text = current.text.trim();
    if (/^\d{2,5}$/.test(text) && !(current.kind === 'string' && current.interpolated)) return Number(text);
    const fallback = current.kind === 'other' ? /(?:\|\||\?\?|\bor\b)\s*["']?(\d{2,5})["']?\s*\)?$/.exec(text) : null;
    return fallback ? Number(fallback[1]) : null;
  }
  if (current.kind !== 'call') return null;
  const { callee, args, named } = current.call;
  if (/^(int|Number|parseInt)$/.test(callee)) return portOf(model, args[0], depth + 1);
  if (ENV_LOOKUP.test(callee)) return portOf(model, args[1] ?? named.get('default'), depth + 1);
  return null;
}

const ENV_LOOKUP = /^(os\.getenv|os\.environ\.get|environ\.get|getenv)$/;

/** The source text assigned to a FastMCP setting after construction (`mcp.settings.port = …`), the last one written, or null. */
function assignedSetting(model: CodeModel, name: string): string | null {
  if (!model.text.includes('.settings.')) return null;
  const pattern = new RegExp(`^[ \\t]*[A-Za-z_][\\w.]*\\.settings\\.${name}[ \\t]*=[ \\t]*([^\\n#]+)`, 'gm');
  let last: string | null = null;
  for (const match of model.text.matchAll(pattern)) last = match[1]!.trim();
  return last;
}

/** A port written as source text: `8123`, `int(os.getenv("PORT", "8123"))`, `int(os.environ.get("PORT", 8123))`. */
function portOfText(text: string): number | null {
  const match = /^(\d{2,5})$/.exec(text) ?? /,\s*["']?(\d{2,5})["']?\s*\)+$/.exec(text);
  return match ? Number(match[1]) : null;
}

function pathOf(model: CodeModel, value: Value | undefined): string | null {
  const text = literalText(resolved(model, value));
  return text && text.startsWith('/') ? text : null;
}

/** URLs of MCP servers the file connects to; the MCP client endpoint rule's evidence, so turning it off turns this off. */
export function findMcpHttpClients(model: CodeModel, rules: CodeRuleSet): McpHttpClientFact[] {
  const rule = rules.endpoint.find((candidate) => candidate.id === MCP_CLIENT_RULE);
  if (!rule || !model.imports.some((fact) => /mcp|modelcontextprotocol|^smolagents\b/i.test(fact.module) || (model.language !== 'python' && fact.module === 'agents') || fact.names.some((name) => /mcp/i.test(name)))) return [];
  const found: McpHttpClientFact[] = [];
  const add = (value: Value | undefined, name: string | null, line: number) => {
    const url = urlOf(model, value);
    if (!url || found.some((f) => f.url === url && f.evidence.line === line)) return;
    found.push({ url, name, evidence: makeEvidence(model.path, line, model.lines[line - 1] ?? '', rule.id, rule.confidence) });
  };
  for (const call of model.calls) {
    const added = addedMcpServer(call);
    if (added) add(added.url, stringOf(model, added.name), call.line);
    if (!CLIENT_CALLS.test(lastSegment(call.callee)) && !CLIENT_CALLEES.test(call.callee)) continue;
    const params = resolved(model, call.named.get('params') ?? call.named.get('server_parameters') ?? call.args[0]);
    const fromParams = params?.kind === 'object' ? params.entries.find((e) => e.key === 'url')?.value : undefined;
    add(call.named.get('url') ?? fromParams ?? call.args[0], stringOf(model, call.named.get('name')), call.line);
  }
  for (const object of model.objects) {
    const url = object.entries.find((e) => e.key === 'url');
    const transport = object.entries.find((e) => e.key === 'transport' || e.key === 'type');
    const named = object.boundTo && !OPTION_KEYS.has(object.boundTo) ? object.boundTo : null;
    if (url && transport && HTTP_TRANSPORT.test(literalText(resolved(model, transport.value)) ?? '')) add(url.value, named, url.line);
  }
  return found;
}

/** A written URL: a literal, `new URL("…")`, or the default of an env lookup (`os.getenv("X", "…")`, `process.env.X ?? "…"`). */
function urlOf(model: CodeModel, value: Value | undefined, depth = 0): string | null {
  const current = resolved(model, value);
  if (!current || depth > 3) return null;
  if (current.kind === 'string') {
    if (current.interpolated) return templatedUrl(model, current.text);
    return /^https?:\/\//.test(current.text) ? current.text.slice(0, 300) : null;
  }
  if (current.kind === 'other') return /["'`](https?:\/\/[^"'`\s$]+)["'`]/.exec(current.text)?.[1]?.slice(0, 300) ?? null;
  if (current.kind !== 'call') return null;
  const { callee, args, named } = current.call;
  if (lastSegment(callee) === 'URL' && args.length > 1) {
    // new URL("/mcp", process.env.TICKETS_BASE ?? "http://localhost:3001")
    const base = urlOf(model, args[1], depth + 1);
    const path = literalText(resolved(model, args[0]));
    if (base && path !== null) {
      try {
        return new URL(path, base).href.slice(0, 300);
      } catch {
        return null;
      }
    }
  }
  if (lastSegment(callee) === 'URL' || callee === 'String' || callee === 'str') return urlOf(model, args[0], depth + 1);
  if (ENV_LOOKUP.test(callee)) return urlOf(model, args[1] ?? named.get('default'), depth + 1);
  return null;
}

/**
 * A URL assembled from parts with written defaults: `f"http://{LEDGER_HOST}:{LEDGER_PORT}/mcp"` with
 * `LEDGER_HOST = os.getenv("LEDGER_HOST", "localhost")`, or a template `\`http://${host}:${port}/mcp\``.
 * Each part must resolve to a written value (a literal, an env lookup's default), else there is no URL.
 */
function templatedUrl(model: CodeModel, text: string): string | null {
  if (!/^(https?:\/\/|\{\})/.test(text)) return null;
  const literal = model.strings.find((candidate) => candidate.interpolated && candidate.text === text);
  if (!literal) return null;
  const source = /^[rRbBfFuU]{0,2}(["'`])((?:(?!\1)[^\n\\])*)\1/.exec(model.text.slice(literal.start, literal.start + 400))?.[2];
  if (!source) return null;
  let unresolved = false;
  const url = source.replace(/\$?\{\s*([A-Za-z_$][\w$]*)\s*(?::[^}]*)?\}/g, (_whole, name: string) => {
    const part = writtenDefault(model, model.valueOf({ kind: 'ref', name, symbol: name, scope: model.module }));
    if (part === null) unresolved = true;
    return part ?? '';
  });
  return unresolved || /[{}]/.test(url) || !/^https?:\/\/[^/\s]+/.test(url) ? null : url.slice(0, 300);
}

/** The value a part of a URL has when nothing is set: a literal, a number, an env lookup's default. */
function writtenDefault(model: CodeModel, value: Value | null | undefined, depth = 0): string | null {
  const current = resolved(model, value ?? undefined);
  if (!current || depth > 3) return null;
  if (current.kind === 'string') return current.interpolated ? null : current.text;
  if (current.kind === 'other') {
    const text = current.text.trim();
    if (/^\d{1,5}$/.test(text)) return text;
    return /(?:\|\||\?\?|\bor\b)\s*["']?([\w.-]+)["']?\s*\)?$/.exec(text)?.[1] ?? null;
  }
  if (current.kind !== 'call') return null;
  const { callee, args, named } = current.call;
  if (/^(int|str|Number|String|parseInt)$/.test(callee)) return writtenDefault(model, args[0], depth + 1);
  if (ENV_LOOKUP.test(callee)) return writtenDefault(model, args[1] ?? named.get('default'), depth + 1);
  return null;
}

function stringOf(model: CodeModel, value: Value | undefined): string | null {
  const found = resolved(model, value);
  return found?.kind === 'string' && !found.interpolated ? found.text : null;
}
