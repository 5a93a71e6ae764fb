/**
 * CrewAI's CLI runs a project's own console scripts: `crewai run` runs `uv run kickoff` in a project
 * whose pyproject.toml says `[tool.crewai] type = "flow"` and `uv run run_crew` otherwise, and
 * `crewai flow kickoff` runs `uv run kickoff`. The pyproject's reader records what `crewai run`
 * runs under this name, one no console script can have (it holds a space), so a workflow step or a
 * Dockerfile running `crewai run` leads to the flow's or crew's main module like `uv run kickoff` does.
 */
export const CREWAI_RUN = 'crewai run';

const CREWAI_TABLE = /^\s*\[\s*tool\.crewai\s*\]\s*(?:#.*)?$/;

/** The module `crewai run` runs, from the project's console scripts and its `[tool.crewai] type`; null when it runs none of them. */
export function crewaiRunModule(text: string, scripts: Readonly<Record<string, string>>): string | null {
  // Projects from before Flows have no `[tool.crewai]` table: `crewai run` runs their run_crew.
  if (!text.includes('tool.crewai')) return Object.hasOwn(scripts, 'run_crew') ? scripts.run_crew! : null;
  let inTable = false;
  let type: string | null = null;
  for (const line of text.split('\n')) {
    if (/^\s*\[/.test(line)) {
      inTable = CREWAI_TABLE.test(line);
      continue;
    }
    const entry = inTable ? /^\s*type\s*=\s*["']([\w-]+)["']/.exec(line) : null;
    if (entry) type = entry[1]!;
  }
  const script = type === 'flow' ? 'kickoff' : 'run_crew';
  return Object.hasOwn(scripts, script) ? scripts[script]! : null;
}

/** The console script a CrewAI CLI command runs (`crewai run`, `crewai flow kickoff`), or null for any other command. */
export function crewaiCliScript(words: readonly string[]): string | null {
  if (words[0] !== 'crewai') return null;
  if (words[1] === 'run') return CREWAI_RUN;
  if (words[1] === 'flow' && words[2] === 'kickoff') return 'kickoff';
  return null;
}
