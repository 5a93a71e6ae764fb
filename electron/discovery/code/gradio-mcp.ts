import { makeEvidence } from '../evidence';
import type { McpHttpServingFact, McpServerFact } from '../findings';
import type { CodeModel, Scope, Value } from './code-model';
import { lastSegment, literalText, resolved } from './finding-context';
import { portOf } from './mcp-http';

/**
 * A Gradio app launched with `mcp_server=True` (rule py.framework.gradio-mcp-server) serves its
 * API endpoints as MCP tools: each function given to `gr.Interface(fn=…)`, `gr.ChatInterface(fn=…)`,
 * an event listener (`button.click(fn, inputs, outputs)`) or `gr.api(fn)`, named by its `api_name`
 * or, as Gradio names the endpoint, by the function. Clients reach it at
 * `http://<host>:<port>/gradio_api/mcp/sse` (SSE) or `/gradio_api/mcp/` (streamable HTTP), on
 * `launch(server_port=…)`, else 7860. Read only from files already found to be such a server.
 */

const GRADIO_MCP_RULE = 'py.framework.gradio-mcp-server';
/** Gradio's port when `launch()` names none (GRADIO_SERVER_PORT unset). */
const GRADIO_DEFAULT_PORT = 7860;
/** Interfaces that take the function they serve as `fn` (or first). */
const INTERFACES = /^gradio\.(Interface|ChatInterface)$/;
/** Event listeners of Gradio components and Blocks: each registers its `fn` as an API endpoint. */
const LISTENERS = new Set(['click', 'submit', 'change', 'input', 'select', 'upload', 'release', 'blur', 'focus', 'load', 'then', 'success', 'clear', 'like', 'stream', 'edit', 'key_up', 'play', 'pause', 'stop', 'end']);

/** A function the server exposes as a tool: the name clients call it by, its body in this file (null when imported), and where it is exposed. */
export interface ServedFunction {
  name: string;
  body: Scope | null;
  line: number;
}

export function isGradioMcpServer(server: McpServerFact | null): boolean {
  return server?.evidence.ruleId === GRADIO_MCP_RULE;
}

/** The functions a Gradio MCP server serves as tools, each once, in the order they are exposed. */
export function gradioServedFunctions(model: CodeModel, server: McpServerFact | null): ServedFunction[] {
  if (!isGradioMcpServer(server)) return [];
  const served = new Map<string, ServedFunction>();
  for (const call of model.calls) {
    if (call.decorates || !call.callee.startsWith('gradio.')) continue;
    const isInterface = INTERFACES.test(call.callee);
    const isApi = call.callee === 'gradio.api';
    const isListener = !isInterface && !isApi && LISTENERS.has(lastSegment(call.callee));
    if (!isInterface && !isApi && !isListener) continue;
    // `api_name=False` and `show_api=False` keep an endpoint out of the API, and so out of the MCP tools.
    if (isOff(model, call.named.get('api_name')) || isOff(model, call.named.get('show_api'))) continue;
    const fn = functionOf(model, call.named.get('fn') ?? call.args[0]);
    if (!fn) continue;
    const name = literalText(resolved(model, call.named.get('api_name'))) || fn.name;
    if (!served.has(name)) served.set(name, { name, body: fn.body, line: call.line });
  }
  return [...served.values()];
}

/** Where a Gradio MCP server answers: the port its `launch()` names (7860 when none), on both of Gradio's MCP routes. */
export function gradioMcpServing(model: CodeModel, server: McpServerFact | null): McpHttpServingFact[] {
  if (!server || !isGradioMcpServer(server)) return [];
  const launch = model.calls.find((call) => call.line === server.evidence.line && lastSegment(call.callee) === 'launch');
  const written = launch?.named.get('server_port');
  const port = written === undefined ? GRADIO_DEFAULT_PORT : portOf(model, written);
  const evidence = makeEvidence(model.path, server.evidence.line, model.lines[server.evidence.line - 1] ?? '', server.evidence.ruleId, server.evidence.confidence);
  return [
    { transport: 'sse', port, path: '/gradio_api/mcp/sse', evidence },
    { transport: 'streamable-http', port, path: '/gradio_api/mcp', evidence },
  ];
}

function functionOf(model: CodeModel, value: Value | undefined): { name: string; body: Scope | null } | null {
  const target = resolved(model, value);
  if (target?.kind === 'definition' && target.scope.kind === 'function' && target.scope.name) return { name: target.scope.name, body: target.scope };
  // Imported from another module: named here, its body analysed where it is defined.
  if (target?.kind === 'ref' && /^[A-Za-z_][\w.]*$/.test(target.name)) return { name: lastSegment(target.name), body: null };
  return null;
}

function isOff(model: CodeModel, value: Value | undefined): boolean {
  const current = resolved(model, value);
  return current?.kind === 'other' && current.text.trim() === 'False';
}

