import { posix } from 'node:path';
import type { ConfigFindings, UnitFinding } from '../findings';

/**
 * A compose service that builds an image and names no command runs what its Dockerfile says.
 * Following it joins the service to the code it runs, so the service is the one item for that
 * code instead of a service with no code beside a code entry point of its own.
 */

/** The command each Dockerfile's image runs, by the Dockerfile's path. */
export function imageCommands(configs: readonly ConfigFindings[]): Map<string, string> {
  return new Map(configs.filter((c) => c.image).map((c) => [c.path, c.image!.command]));
}

const IMAGE_ENTRYPOINT = ' (image entrypoint)';

/**
 * The unit with its image's command when it names none itself: the Dockerfile of the image it
 * builds (compose `build:`), or of the image it runs when exactly one Dockerfile of the tree is
 * named like that image (`ghcr.io/acme/support-agent:2.1` ← `support-agent/Dockerfile` or
 * `Dockerfile.support-agent`). Else the unit as it was.
 */
export function withImageCommand(unit: UnitFinding, images: ReadonlyMap<string, string>): UnitFinding {
  if (unit.runs.some((run) => !run.endsWith(IMAGE_ENTRYPOINT))) return unit;
  if (!unit.build) return withNamedImageCommand(unit, images);
  const { context, dockerfile } = unit.build;
  const names = dockerfile ? [dockerfile] : ['Dockerfile', 'Containerfile'];
  for (const name of names) {
    const command = images.get(posix.normalize(posix.join(context || '.', name)));
    if (command) return { ...unit, runs: [command] };
  }
  return unit;
}

function withNamedImageCommand(unit: UnitFinding, images: ReadonlyMap<string, string>): UnitFinding {
  // A pod may run several images (the agent and a cache): the one named like a Dockerfile of the tree is ours.
  const named = new Set(unit.runs.flatMap((run) => dockerfilesNamedLike(imageName(run.slice(0, -IMAGE_ENTRYPOINT.length)), images)));
  if (named.size !== 1) return unit;
  const [path] = [...named] as [string];
  const context = posix.dirname(path) === '.' ? '' : posix.dirname(path);
  return { ...unit, runs: [images.get(path)!], build: { context, dockerfile: posix.basename(path) } };
}

/** registry/org/name:tag@digest → name */
function imageName(image: string): string {
  return image.replace(/@.*$/, '').replace(/:[^/:]*$/, '').split('/').pop()!.toLowerCase();
}

function dockerfilesNamedLike(name: string, images: ReadonlyMap<string, string>): string[] {
  if (!name) return [];
  const named = dockerfilesByImageName(images).get(name) ?? [];
  return named.length === 1 ? named : [];
}

/** Built once per tree: every unit of a large tree asked every Dockerfile of it for its name. */
const byImageName = new WeakMap<ReadonlyMap<string, string>, Map<string, string[]>>();

/** Dockerfiles by the image names they may build: `support-agent/Dockerfile`, `Dockerfile.support-agent`, `support-agent.dockerfile`. */
function dockerfilesByImageName(images: ReadonlyMap<string, string>): Map<string, string[]> {
  let index = byImageName.get(images);
  if (index) return index;
  index = new Map();
  for (const path of images.keys()) {
    const file = posix.basename(path).toLowerCase();
    const names = new Set<string>();
    if (/^(dockerfile|containerfile)$/.test(file)) names.add(posix.basename(posix.dirname(path)).toLowerCase());
    if (file.startsWith('dockerfile.')) names.add(file.slice('dockerfile.'.length));
    if (file.endsWith('.dockerfile')) names.add(file.slice(0, -'.dockerfile'.length));
    for (const name of names) index.set(name, [...(index.get(name) ?? []), path]);
  }
  byImageName.set(images, index);
  return index;
}
