import { posix } from 'node:path';
import type { ConfigFindings, UnitFinding } from '../findings';
import { appEngineServiceRuns } from '../config/app-engine';

type AppEngineService = NonNullable<ConfigFindings['appEngineService']>;

/**
 * Gives each App Engine cron job the code of the service it calls: the service config (app.yaml)
 * of its `target` name nearest to the cron.yaml, whose folder the service is deployed from and
 * whose entrypoint (or runtime default) starts the app that answers the job's url. A job whose
 * service the repository does not hold keeps no code, and is no candidate.
 */
export function joinAppEngineCronTargets(configs: readonly ConfigFindings[]): void {
  const services = configs.flatMap((config) => (config.appEngineService ? [config.appEngineService] : []));
  if (services.length === 0) return;
  for (const unit of configs.flatMap((config) => config.units)) {
    if (!unit.appEngineTarget || unit.build) continue;
    const service = nearestService(services.filter((candidate) => candidate.name === unit.appEngineTarget), posix.dirname(unit.path));
    if (service) deployFrom(unit, service);
  }
}

/** The service at the cron.yaml's folder or below it, the closest first; else one above it. */
function nearestService(named: AppEngineService[], cronDir: string): AppEngineService | null {
  const within = (dir: string, folder: string) => folder === '.' || dir === folder || dir.startsWith(`${folder}/`);
  const depth = (dir: string) => (dir === '' || dir === '.' ? 0 : dir.split('/').length);
  const below = named.filter((service) => within(service.dir || '.', cronDir)).sort((a, b) => depth(a.dir) - depth(b.dir));
  const above = named.filter((service) => within(cronDir, service.dir || '.')).sort((a, b) => depth(b.dir) - depth(a.dir));
  return below[0] ?? above[0] ?? null;
}

function deployFrom(unit: UnitFinding, service: AppEngineService): void {
  const { runs, codePaths } = appEngineServiceRuns(service);
  unit.runs.push(...runs);
  unit.codePaths.push(...codePaths);
  // Commands run in the service's folder, as App Engine runs them.
  unit.build = { context: service.dir, dockerfile: null };
}
