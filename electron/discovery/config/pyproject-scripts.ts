import type { ConfigFindings } from '../findings';
import { CREWAI_RUN, crewaiRunModule } from './crewai-project';
import { newFindings } from './units';

/** Real projects declare a handful of commands; a file with thousands is generated, and none is read. */
const MAX_SCRIPTS = 500;

/** The tables of a pyproject.toml that declare console scripts: PEP 621 and Poetry. */
const SCRIPT_TABLE = /^\s*\[\s*(?:project\.scripts|tool\.poetry\.scripts)\s*\]\s*(?:#.*)?$/;

/**
 * A pyproject.toml declares no unit: what it tells the linker is its console scripts
 * (`[project.scripts] refund-agent = "refund_agent.cli:main"`, `[tool.poetry.scripts]`), the
 * commands `uv run refund-agent`, `poetry run refund-agent` or a Dockerfile `CMD ["refund-agent"]`
 * run, so the deployment leads to the module that defines them (see link/package-scripts.ts).
 * Only those tables are read, line by line (`name = "module:function"`); nothing is run.
 */
export function analyzePyprojectScripts(path: string, text: string): ConfigFindings | null {
  const scripts: Record<string, string> = Object.create(null) as Record<string, string>;
  let inTable = false;
  let count = 0;
  for (const line of text.split('\n')) {
    if (/^\s*\[/.test(line)) {
      inTable = SCRIPT_TABLE.test(line);
      continue;
    }
    if (!inTable) continue;
    const entry = line.match(/^\s*["']?([A-Za-z0-9][\w.-]*)["']?\s*=\s*["']([A-Za-z_][\w.]*)(?::[A-Za-z_][\w.]*)?["']/);
    if (!entry) continue;
    if (++count > MAX_SCRIPTS) return null;
    scripts[entry[1]!] = entry[2]!;
  }
  const crewaiRun = count > 0 ? crewaiRunModule(text, scripts) : null;
  if (crewaiRun !== null) scripts[CREWAI_RUN] = crewaiRun;
  return count > 0 ? { ...newFindings(path, 'pyproject-scripts'), consoleScripts: scripts } : null;
}
