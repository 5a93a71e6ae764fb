import { posix } from 'node:path';
import type { ConfigFindings, UnitFinding } from '../findings';

/**
 * A compose service that builds an image and names no command runs what its Dockerfile says.
 * Following it joins the service to the code it runs, so the service is the one item for that
 * code instead of a service with no code beside a code entry point of its own.
 */

/** The command each Dockerfile's image runs, by the Dockerfile's path. */
export function imageCommands(configs: ConfigFindings[]): Map<string, string> {
  return new Map(configs.filter((c) => c.image).map((c) => [c.path, c.image!.command]));
}

/** The unit with its image's command when it builds one and names no command itself; else the unit. */
export function withImageCommand(unit: UnitFinding, images: ReadonlyMap<string, string>): UnitFinding {
  if (!unit.build || unit.runs.some((run) => !run.endsWith('(image entrypoint)'))) return unit;
  const { context, dockerfile } = unit.build;
  const names = dockerfile ? [dockerfile] : ['Dockerfile', 'Containerfile'];
  for (const name of names) {
    const command = images.get(posix.normalize(posix.join(context || '.', name)));
    if (command) return { ...unit, runs: [command] };
  }
  return unit;
}
