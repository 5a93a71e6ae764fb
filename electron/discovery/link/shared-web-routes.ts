import { posix } from 'node:path';
import type { CodeFindings } from '../findings';
import type { CodeIndex } from './resolve-code';

/** Next.js route handlers (app router `route.ts`, pages router `pages/api/…`). */
const ROUTE_FILE = /(?:^|\/)(?:app\/(?:.*\/)?route|pages\/api\/.*)\.[cm]?[jt]sx?$/;

/**
 * Web routes that run one agent: the route handlers and server actions of one project that call
 * no model themselves and reach the same model code (three routes and a server action each
 * running `mastra.getAgent('weatherAgent')`) are one item, each route one of its entry points:
 * four doors into one agent, not four agents. A route that calls a model itself, or reaches
 * other model code, stays an item of its own.
 * Returns, for each route of such a group, the group's routes in the entries' order.
 */
export function sharedWebRoutes(entries: readonly CodeFindings[], reachOf: (path: string) => readonly string[], index: CodeIndex, hasOwnSignal: (file: CodeFindings) => boolean): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const entry of entries) {
    if (!isWebRoute(entry) || hasOwnSignal(entry)) continue;
    const modelCode = reachOf(entry.path).filter((path) => {
      const file = index.get(path);
      return file !== undefined && hasOwnSignal(file);
    });
    if (modelCode.length === 0) continue;
    const key = `${index.projectOf(posix.dirname(entry.path))}\0${[...modelCode].sort().join('\0')}`;
    groups.set(key, [...(groups.get(key) ?? []), entry.path]);
  }
  const byRoute = new Map<string, string[]>();
  for (const routes of groups.values()) if (routes.length > 1) for (const route of routes) byRoute.set(route, routes);
  return byRoute;
}

function isWebRoute(file: CodeFindings): boolean {
  const rule = file.entryPoint?.ruleId;
  return rule === 'web.server-action' || (rule === 'ts.entry-point.handler-export' && ROUTE_FILE.test(file.path));
}
