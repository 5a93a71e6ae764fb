import { posix } from 'node:path';
import type { CodeFindings } from '../findings';
import type { CodeIndex } from './resolve-code';

/** Route modules: FastAPI/Flask route decorators, Express and Fastify route calls. */
const ROUTE_RULES = new Set(['py.entry-point.route-decorator', 'ts.entry-point.route']);
/** A script calling its main at module level (see SERVER_RULES). */
const MAIN_CALL_RULE = 'ts.entry-point.module-call';
/** What such a script also mounts: a server module whose start it runs (`createApp()` building the app and calling `listen`). */
const STARTED_BY_MAIN_CALL = new Set([...ROUTE_RULES, 'ts.entry-point.server-start']);
/**
 * What serves routes: an app with routes of its own, a file that starts the server, or a script
 * calling its main at module level (`main().catch(…)` in src/index.ts, whose `createApp()` of
 * src/app.ts adds the Express routes and listens): importing a route module runs it in the
 * script's process, so the script is the one unit, as `npm start` runs it.
 */
const SERVER_RULES = new Set([...ROUTE_RULES, 'py.entry-point.server-start', 'ts.entry-point.server-start', MAIN_CALL_RULE]);

/**
 * Route modules a server of their project mounts, each with the servers mounting it: a FastAPI `APIRouter` module (`@router.post`)
 * that the app module imports and includes (`app.include_router(chat.router)`), an Express router
 * file a server imports. Its routes run in that server's process, so the module is that server's
 * code, one item, not an item per router file. A script calling its main mounts, besides route
 * modules, the server module whose start it runs (app.ts's `createApp()` calling `listen`). A file
 * known by its unattended job that also serves HTTP (`servesRoutes`: a Modal app whose
 * `@modal.asgi_app()` returns the FastAPI app of app.py) mounts the route modules it reaches too.
 * A route module no server of its project reaches stays its own entry point; two route modules
 * that import each other mount neither.
 */
export function routesMountedByServers(entries: readonly CodeFindings[], reachOf: (path: string) => readonly string[], index: CodeIndex): Map<string, string[]> {
  const mounted = new Map<string, string[]>();
  const ruleOf = (entry: CodeFindings) => entry.entryPoint?.ruleId ?? '';
  if (!entries.some((entry) => STARTED_BY_MAIN_CALL.has(ruleOf(entry)))) return mounted;
  // A server mounts only entries it reaches: they are looked up by path, not every entry of the
  // tree tested against every server (that grew with the square of the tree: 5 million tests on the bench tree).
  const positions = new Map<string, number[]>();
  entries.forEach((entry, i) => positions.set(entry.path, [...(positions.get(entry.path) ?? []), i]));
  for (const server of entries) {
    if (!SERVER_RULES.has(ruleOf(server)) && !server.servesRoutes) continue;
    const mounts = ruleOf(server) === MAIN_CALL_RULE ? STARTED_BY_MAIN_CALL : ROUTE_RULES;
    const project = index.projectOf(posix.dirname(server.path));
    // In the entries' order, the order a route's servers have always been listed in.
    const reached = [...new Set(reachOf(server.path))].flatMap((path) => positions.get(path) ?? []).sort((a, b) => a - b);
    for (const route of reached.map((i) => entries[i]!)) {
      if (route === server || !mounts.has(ruleOf(route)) || index.projectOf(posix.dirname(route.path)) !== project) continue;
      // Two route modules importing each other mount neither; a server that is no route module is still
      // the one serving a route module that imports it back (a Modal app's FastAPI app spawning its functions).
      if (ROUTE_RULES.has(ruleOf(server)) && reachOf(route.path).includes(server.path)) continue;
      mounted.set(route.path, [...(mounted.get(route.path) ?? []), server.path]);
    }
  }
  return mounted;
}
