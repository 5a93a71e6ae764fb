import type { ServerDeployment } from './mcp-server-deployments';

/**
 * Servers deployed to a platform that gives them public host names (a Cloudflare Worker answers
 * on `<name>.<account>.workers.dev` and on its routes): a client writing such a URL reaches the
 * server the deployment runs, on whatever port and route the platform serves (its code's routes
 * narrow that when it says them).
 */
export function platformListeners(serverPath: string, deployments: readonly ServerDeployment[], routes: ReadonlyArray<string | null>): Array<{ host: string; port: null; path: string | null }> {
  return deployments
    .filter((deployment) => deployment.unit.hosts?.length && deployment.servers.includes(serverPath))
    .flatMap((deployment) => deployment.unit.hosts!.flatMap((host) => routes.map((path) => ({ host, port: null, path }))));
}

/** A listener's host against a URL's: equal, or equal but for `*` labels (the account's workers.dev subdomain). */
export function hostMatches(pattern: string, host: string): boolean {
  if (!pattern.includes('*')) return pattern === host;
  const want = pattern.split('.');
  const have = host.split('.');
  return want.length === have.length && want.every((label, i) => label === '*' || label === have[i]);
}
