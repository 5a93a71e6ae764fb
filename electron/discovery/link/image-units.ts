import { posix } from 'node:path';
import type { TriggerFinding } from '../../../shared/discovery';
import type { ConfigFindings } from '../findings';
import { newFindings, newUnit } from '../config/units';
import { withImageCommand } from './container-images';
import { entryFilesOfCommand, type CodeIndex } from './resolve-code';

/**
 * A Dockerfile that no config of the tree builds or runs is still how its code ships: the image
 * is deployed by something we cannot see (a cloud service pointed at the repository, a registry
 * a cluster pulls from). Its command (`CMD ["npm", "start"]`, `CMD ["python", "bot/run.py"]`)
 * is a deployment of that code, like a compose service's: one 'container-service' unit, named
 * by the image (`support-bot/Dockerfile` → support-bot, `Dockerfile.worker` → worker), whose code
 * is the item's instead of a code entry point beside it. When that code uses no model it is
 * nothing, as any unit is.
 *
 * A Dockerfile some unit builds (a compose `build:`, a Kubernetes image named like it) is that
 * unit's, and so is every Dockerfile of a build context a unit uses (a `Dockerfile.dev` beside
 * the `Dockerfile.prod` compose builds).
 *
 * `triggerOfEntry`: what starts an entry file when its image exposes no port (a queue worker's
 * consumer loop); null when the file says nothing.
 */
export function undeployedImages(configs: readonly ConfigFindings[], images: ReadonlyMap<string, string>, index: CodeIndex, triggerOfEntry: (path: string) => TriggerFinding | null, treeName = ''): ConfigFindings[] {
  if (images.size === 0) return [];
  const contexts = new Set<string>();
  const built = new Set<string>();
  for (const config of configs) {
    for (const declared of config.units) {
      const build = withImageCommand(declared, images).build;
      if (!build) continue;
      const context = posix.normalize(build.context || '.');
      contexts.add(context);
      for (const name of build.dockerfile ? [build.dockerfile] : ['Dockerfile', 'Containerfile']) built.add(posix.normalize(posix.join(context, name)));
    }
  }
  const found: ConfigFindings[] = [];
  for (const config of configs) {
    const image = config.image;
    if (!image || built.has(config.path) || contexts.has(posix.dirname(config.path)) || DEV_IMAGE.test(config.path)) continue;
    const dir = posix.dirname(config.path) === '.' ? '' : posix.dirname(config.path);
    const unit = newUnit('container-service', imageName(config.path, treeName), config.path, image.evidence, imageTrigger(image, dir, index, triggerOfEntry));
    unit.runs.push(image.command);
    unit.build = { context: dir, dockerfile: posix.basename(config.path) };
    if (image.ports) unit.ports = image.ports;
    found.push({ ...newFindings(config.path, config.format), units: [unit] });
  }
  return found;
}

/** Images a developer builds by hand: a dev container, `Dockerfile.dev`, `test.Dockerfile`, `Dockerfile.local`. */
const DEV_IMAGE = /(^|\/)\.devcontainer\/|(^|\/)(dockerfile|containerfile)[.-](dev|develop|development|local|debug|test|tests|ci)$|(^|\/)(dev|develop|development|local|debug|test|tests|ci)\.dockerfile$/i;

/**
 * `bot/Dockerfile` → bot, `Dockerfile.worker` and `worker.Dockerfile` → worker; a Dockerfile at the
 * top of the tree is named after the scanned folder (`treeName`), as it is when that folder is
 * scanned as one repository of a larger checkout, else Dockerfile.
 */
export function imageName(path: string, treeName = ''): string {
  const file = posix.basename(path);
  const suffixed = file.match(/^(?:dockerfile|containerfile)[.-]([\w.-]+)$/i)?.[1] ?? file.match(/^([\w.-]+)\.dockerfile$/i)?.[1];
  if (suffixed) return suffixed;
  const folder = posix.basename(posix.dirname(path));
  return folder && folder !== '.' ? folder : treeName || file;
}

function imageTrigger(image: NonNullable<ConfigFindings['image']>, dir: string, index: CodeIndex, triggerOfEntry: (path: string) => TriggerFinding | null): TriggerFinding {
  if (image.ports?.length) return { kind: 'user', schedule: null, description: `Answers on port ${image.ports.join(', ')} of its container`, evidence: image.evidence };
  for (const entry of entryFilesOfCommand(image.command, index, dir, true)) {
    const trigger = triggerOfEntry(entry);
    if (trigger) return trigger;
  }
  return { kind: 'unknown', schedule: null, description: 'Runs when its container starts; no deployment of this image was seen', evidence: image.evidence };
}

