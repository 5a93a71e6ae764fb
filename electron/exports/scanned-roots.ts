import { existsSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AgentDossier } from '../../shared/contract';

/**
 * The scanned folders the agents' evidence paths are relative to, each under a short name
 * (`uriBaseId` in SARIF): a file is written as "src/worker.ts" under "support-tools", which is
 * what a code-scanning tool resolves against the checkout of that repository.
 */
export interface ScannedRoots {
  /** Base id -> the folder as scanned, in base id order. */
  bases: Array<{ id: string; root: string }>;
  idOf(root: string): string;
}

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
  return { bases: roots.map((root) => ({ id: ids.get(root)!, root })), idOf: (root) => ids.get(root)! };
}

function baseIdWord(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-');
}

/** The folder URI SARIF's originalUriBaseIds want: absolute, ending in a slash. */
export function folderUri(root: string): string {
  const href = pathToFileURL(root.endsWith(sep) ? root : `${root}${sep}`).href;
  return href.endsWith('/') ? href : `${href}/`;
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
