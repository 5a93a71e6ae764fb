import { posix } from 'node:path';
import type { DiscoveredAgent, Evidence, TriggerFinding } from '../../../shared/discovery';
import type { CodeFindings } from '../findings';
import { linkAgents } from './agent-links';
import type { MakeItem } from './browser-agents';
import { importClosure, type CodeIndex } from './resolve-code';

/**
 * Follows `fetch('/api/responses')` from an item's code to the route file that answers it
 * (Next.js `app/**\/route.ts`, `src/app/...`, `pages/api/**`). Only when that route's own code
 * calls a model (an SDK, or a raw fetch to a provider's API) does the calling item gain that
 * model use and the route's credentials; the route then belongs to the caller (its codeFiles)
 * and is not an item of its own. A route name is never evidence: `/api/responses` may store
 * survey answers and `/api/session` a login.
 */
export function joinProxyRoutes(agents: DiscoveredAgent[], code: readonly CodeFindings[], index: CodeIndex, make: MakeItem): DiscoveredAgent[] {
  const routes = new RouteTable(code);
  if (routes.isEmpty) return agents;
  const itemOfRoute = new Map(agents.filter((agent) => agent.unit.kind === 'code-entry-point').map((agent) => [agent.unit.path, agent]));
  const joined = new Set<string>();
  const supervisors = new Map<string, DiscoveredAgent>();
  for (const agent of agents) {
    const own = new Set([agent.unit.path, ...agent.entryPoints]);
    for (const path of [...agent.codeFiles]) {
      for (const call of index.get(path)?.proxyCalls ?? []) {
        const route = routes.match(call.path, path);
        if (!route || own.has(route)) continue;
        const routeFiles = importClosure([route], index).flatMap((file) => index.get(file) ?? []);
        if (!routeFiles.some((file) => file.llm.length > 0)) continue;
        joinRoute(agent, routeFiles, itemOfRoute.get(route));
        joined.add(route);
        const caller = index.get(path);
        if (caller && !own.has(path)) {
          const supervisor = supervisors.get(path) ?? proxiedToolLoop(caller, routeFiles, itemOfRoute.get(route), make);
          if (supervisor) {
            supervisors.set(path, supervisor);
            linkAgents(agent, supervisor, 'sub-agent', call.evidence);
          }
        }
      }
    }
  }
  return [...agents.filter((agent) => !(agent.unit.kind === 'code-entry-point' && joined.has(agent.unit.path))), ...supervisors.values()];
}

/**
 * A tool's code that hands its own tool schemas to a model behind the route (the chat agent's
 * "supervisor": `tools: [{ type: 'function', name: 'lookupPolicyDocument' }]` posted to
 * /api/responses, tool calls answered in a loop) is a second agent the first one runs: a
 * 'sub-agent' at that file, holding those tools. A single model call without tools is not.
 */
function proxiedToolLoop(caller: CodeFindings, routeFiles: CodeFindings[], routeItem: DiscoveredAgent | undefined, make: MakeItem): DiscoveredAgent | null {
  const schemas = caller.tools.filter((tool) => tool.evidence.ruleId.endsWith('.tool.function-schema'));
  if (schemas.length === 0 || caller.agentGraph?.definitions.length) return null;
  const name = posix.basename(caller.path).replace(/\.[^.]+$/, '');
  const trigger: TriggerFinding = { kind: 'chained', schedule: null, description: 'Run by the tool that calls it', evidence: schemas[0]!.evidence };
  const item = make('sub-agent', name, caller.path, [caller.path], trigger, [caller]);
  if (!item) return null;
  const names = new Set(schemas.map((tool) => tool.name));
  item.tools = schemas;
  item.capabilities = caller.capabilities.filter((capability) => capability.tool === null || names.has(capability.tool));
  item.classification = 'agent';
  joinRoute(item, routeFiles, routeItem);
  return item;
}

/** The route's model use, keys, endpoints and capabilities become the caller's; its item (if one was made) knew the .env beside it. */
function joinRoute(agent: DiscoveredAgent, routeFiles: CodeFindings[], routeItem: DiscoveredAgent | undefined): void {
  const llm = routeItem?.llm ?? routeFiles.flatMap((file) => file.llm);
  const credentials = routeItem?.credentials ?? routeFiles.flatMap((file) => file.credentials);
  const endpoints = routeItem?.endpoints ?? routeFiles.flatMap((file) => file.endpoints);
  // The route runs on the server whenever the caller's tool asks: what it reads and writes is the caller's reach.
  const capabilities = routeItem?.capabilities ?? routeFiles.flatMap((file) => file.capabilities);
  const at = (evidence: Evidence) => `${evidence.path}:${evidence.line}:${evidence.ruleId}`;
  const add = <T extends { evidence: Evidence }>(list: T[], more: T[]) => {
    const seen = new Set(list.map((entry) => at(entry.evidence)));
    for (const entry of more) if (!seen.has(at(entry.evidence))) list.push(entry);
  };
  add(agent.llm, llm);
  add(agent.credentials, credentials);
  add(agent.endpoints, endpoints);
  add(agent.capabilities, capabilities);
  for (const file of routeFiles) if (!agent.codeFiles.includes(file.path)) agent.codeFiles.push(file.path);
}

interface Route {
  path: string;
  segments: string[];
}

/** Route files by the URL path they answer. */
export class RouteTable {
  private readonly routes: Route[] = [];

  constructor(code: readonly CodeFindings[]) {
    for (const file of code) {
      const segments = routeSegments(file.path);
      if (segments) this.routes.push({ path: file.path, segments });
    }
  }

  get isEmpty(): boolean {
    return this.routes.length === 0;
  }

  /** The route file answering `urlPath` ("/api/chat/{}" for a templated id), nearest to the caller when several apps have one. */
  match(urlPath: string, fromFile: string): string | null {
    const wanted = urlPath.split('/').filter(Boolean);
    let best: { route: Route; literal: number; near: number } | null = null;
    for (const route of this.routes) {
      const literal = matchSegments(wanted, route.segments);
      if (literal === null) continue;
      const near = sharedFolders(route.path, fromFile);
      if (!best || literal > best.literal || (literal === best.literal && near > best.near)) best = { route, literal, near };
    }
    return best?.route.path ?? null;
  }
}

/** `app/(chat)/api/chat/route.ts` -> ["api", "chat"]; `pages/api/session/index.ts` -> ["api", "session"]; else null. */
export function routeSegments(path: string): string[] | null {
  const parts = path.split('/');
  const file = parts[parts.length - 1]!;
  const app = parts.indexOf('app');
  if (app >= 0 && /^route\.(?:ts|js|mjs)$/.test(file)) return parts.slice(app + 1, -1).filter((part) => !/^\(.*\)$/.test(part) && !part.startsWith('@'));
  const pages = parts.indexOf('pages');
  if (pages >= 0 && parts[pages + 1] === 'api' && /\.(?:ts|js|mjs)$/.test(file)) {
    const segments = [...parts.slice(pages + 1, -1), file.replace(/\.(?:ts|js|mjs)$/, '')];
    return segments[segments.length - 1] === 'index' ? segments.slice(0, -1) : segments;
  }
  return null;
}

/** How many segments match literally, or null when the route does not answer the path. */
function matchSegments(wanted: string[], route: string[]): number | null {
  let literal = 0;
  for (let i = 0; i < route.length; i++) {
    const segment = route[i]!;
    if (/^\[\[?\.\.\./.test(segment)) return literal;
    const part = wanted[i];
    if (part === undefined) return null;
    if (/^\[.+\]$/.test(segment)) continue;
    if (part !== segment) return null;
    literal++;
  }
  return wanted.length === route.length ? literal : null;
}

function sharedFolders(a: string, b: string): number {
  const x = posix.dirname(a).split('/');
  const y = posix.dirname(b).split('/');
  let depth = 0;
  while (depth < x.length && depth < y.length && x[depth] === y[depth]) depth++;
  return depth;
}
