import type { CodeFindings } from '../findings';
import type { CodeIndex } from './resolve-code';

/**
 * Agents named by a constant of another module (`AIAgent.register(runtime, type=TRIAGE_AGENT_TYPE,
 * …)` with `from constants import TRIAGE_AGENT_TYPE`) take the constant's value as their name,
 * read from the module the import resolves to, like any other cross-file name: the item is
 * "triage_agent", the name the runtime routes on, not the variable. A constant the scan cannot
 * read (another package, a computed value) leaves the agent named by its variable.
 */
export function nameAgentsFromImportedConstants(files: readonly CodeFindings[], index: CodeIndex): void {
  for (const file of files) {
    for (const definition of file.agentDefinitions ?? []) {
      if (definition.name !== null || !definition.nameFrom) continue;
      const dot = definition.nameFrom.lastIndexOf('.');
      const module = index.resolvePythonModule(definition.nameFrom.slice(0, dot), file.path);
      const value = module ? index.get(module)?.stringConstants?.[definition.nameFrom.slice(dot + 1)] : undefined;
      if (value !== undefined) definition.name = value;
    }
  }
}
