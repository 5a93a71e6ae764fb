import type { ConfigFindings } from '../findings';
import { newFindings } from './units';

/** Real packages have a few dozen scripts; a file with thousands is generated, and none of them is read. */
const MAX_SCRIPTS = 500;

/**
 * A package.json declares no unit: what it tells the linker is its `scripts`, the commands
 * `npm start`, `npm run serve`, `yarn agent` or `pnpm agent` run, so a Dockerfile `CMD ["npm",
 * "start"]`, a compose `command: npm run serve` or a workflow step `pnpm agent` leads to the code
 * the script starts (see link/package-scripts.ts). Only `scripts`, `name` and `workspaces` are
 * read (the last two for a monorepo's `pnpm --filter web start`); nothing is run.
 *
 * Only a file named package.json whose text holds `"scripts"` gets here (config/index.ts): most
 * manifests of a tree are parsed by nobody. One that is not valid JSON is left alone, as npm would
 * refuse it too; it was never read before scripts were, so it warns about nothing.
 */
export function analyzePackageJson(path: string, text: string): ConfigFindings | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const scripts = isRecord(parsed) ? parsed.scripts : null;
  if (!isRecord(scripts) || !isRecord(parsed)) return null;
  const kept: Record<string, string> = Object.create(null) as Record<string, string>;
  let count = 0;
  for (const [name, command] of Object.entries(scripts)) {
    if (typeof command !== 'string' || !command.trim()) continue;
    if (++count > MAX_SCRIPTS) return null;
    kept[name] = command;
  }
  if (count === 0) return null;
  // Its name and workspaces are how a monorepo's commands pick it (`pnpm --filter web start`, `npm run dev --workspaces`).
  const name = typeof parsed.name === 'string' && parsed.name.trim() ? parsed.name.trim() : null;
  const globs = workspaceGlobsOf(parsed.workspaces);
  return { ...newFindings(path, 'package-json'), packageScripts: kept, ...(name ? { packageName: name } : {}), ...(globs ? { workspaceGlobs: globs } : {}) };
}

/** `"workspaces": ["apps/*"]`, or Yarn's `{ "packages": ["apps/*"] }`; null when there are none. */
function workspaceGlobsOf(value: unknown): string[] | null {
  const list = isRecord(value) ? value.packages : value;
  if (!Array.isArray(list)) return null;
  const globs = list.filter((glob): glob is string => typeof glob === 'string' && glob.trim() !== '').slice(0, MAX_SCRIPTS);
  return globs.length > 0 ? globs : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
