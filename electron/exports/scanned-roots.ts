import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { AgentDossier } from '../../shared/contract';

/**
 * The scanned folders the agents' evidence paths are relative to, each under a short name
 * (`uriBaseId` in SARIF): a file is written as "src/worker.ts" under "support-tools", which is
 * what a code-scanning tool resolves against the checkout of that repository.
 */
export interface ScannedRoots {
  /** Base id -> the folder as scanned and where it is relative to SOURCE_ROOT_BASE_ID, in base id order. */
  bases: Array<{ id: string; root: string; location: FolderLocation }>;
  idOf(root: string): string;
}

/**
 * The base every scanned folder is placed under: the folder that holds them all, whose place on
 * this machine is not written (a report is shared; a path of the consultant's laptop means
 * nothing elsewhere and says who ran it). The name is the one SARIF tools conventionally use.
 */
export const SOURCE_ROOT_BASE_ID = '%SRCROOT%';

/** A scanned folder as SARIF 2.1.0 places it: a relative reference ending in "/", under SOURCE_ROOT_BASE_ID; no uri when it shares no folder with the others (another drive). */
export type FolderLocation = { uri: string; uriBaseId: typeof SOURCE_ROOT_BASE_ID } | Record<string, never>;

/** Usage logs are not a folder of code: their candidates carry a usage file name, not a path in a repository. */
export function codeSourcesOf(dossier: AgentDossier): AgentDossier['sources'] {
  return dossier.sources.filter((s) => s.unit.kind !== 'llm-usage');
}

export function scannedRootsOf(dossiers: readonly AgentDossier[]): ScannedRoots {
  const roots = [...new Set(dossiers.flatMap((d) => codeSourcesOf(d).map((s) => s.sourceRoot)))].sort();
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const root of roots) {
    // Two checkouts with one folder name ("api") must not share a base id.
    const name = baseIdWord(basename(root) || 'root');
    let id = name;
    for (let n = 2; taken.has(id); n++) id = `${name}-${n}`;
    taken.add(id);
    ids.set(root, id);
  }
  const holder = commonFolder(roots.map((root) => dirname(root)));
  return { bases: roots.map((root) => ({ id: ids.get(root)!, root, location: locationUnder(holder, root) })), idOf: (root) => ids.get(root)! };
}

/** The deepest folder holding every given folder, or null when they share none (Windows drives). */
function commonFolder(folders: readonly string[]): string | null {
  let common: string | null = folders[0] ?? null;
  for (const folder of folders.slice(1)) {
    while (common !== null && isOutside(relative(common, folder))) {
      const parent = dirname(common);
      common = parent === common ? null : parent;
    }
  }
  return common;
}

const isOutside = (rel: string) => rel === '..' || rel.startsWith(`..${sep}`) || /^[a-zA-Z]:|^[\\/]/.test(rel);

function locationUnder(holder: string | null, root: string): FolderLocation {
  if (holder === null) return {};
  const rel = relative(holder, root);
  if (rel === '' || isOutside(rel)) return {};
  return { uri: `${rel.split(sep).map(encodeURIComponent).join('/')}/`, uriBaseId: SOURCE_ROOT_BASE_ID };
}

function baseIdWord(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-');
}

/**
 * Which of an agent's scanned folders an evidence path belongs to. Evidence carries only the path
 * relative to its folder; an agent joined from units of several folders is resolved by the unit
 * that declares the file, then by the folder where the file is, then by its first folder.
 */
export function rootOfPath(dossier: AgentDossier, path: string): string | null {
  const sources = codeSourcesOf(dossier);
  if (sources.length === 0) return null;
  const roots = [...new Set(sources.map((s) => s.sourceRoot))].sort();
  if (roots.length === 1) return roots[0]!;
  const declaring = sources.find((s) => s.unit.path === path);
  if (declaring) return declaring.sourceRoot;
  return roots.find((root) => existsSync(join(root, ...path.split('/')))) ?? roots[0]!;
}
