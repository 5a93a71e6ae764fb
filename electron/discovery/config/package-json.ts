import type { ConfigFindings } from '../findings';
import { newFindings } from './units';

/** Real packages have a few dozen scripts; a file with thousands is generated, and none of them is read. */
const MAX_SCRIPTS = 500;

/**
 * A package.json declares no unit: what it tells the linker is its `scripts`, the commands
 * `npm start`, `npm run serve`, `yarn agent` or `pnpm agent` run, so a Dockerfile `CMD ["npm",
 * "start"]`, a compose `command: npm run serve` or a workflow step `pnpm agent` leads to the code
 * the script starts (see link/package-scripts.ts). Only `scripts` is read; nothing is run.
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
  if (!isRecord(scripts)) return null;
  const kept: Record<string, string> = Object.create(null) as Record<string, string>;
  let count = 0;
  for (const [name, command] of Object.entries(scripts)) {
    if (typeof command !== 'string' || !command.trim()) continue;
    if (++count > MAX_SCRIPTS) return null;
    kept[name] = command;
  }
  return count > 0 ? { ...newFindings(path, 'package-json'), packageScripts: kept } : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
