import type { CodeModel, Scope } from './code-model';
import type { ScopedCapability } from './capabilities';
import type { ToolAnalysis } from './tools';

/**
 * The lines of the capabilities no tool of this file owns, by the module-level function they sit
 * in (`refund_charge` → [10]). Another module may hand that function to a model as a tool
 * (`register_function(refund_charge, …)`, `FunctionTool.from_defaults(fn=refund_charge)`): the
 * linker then gives those capabilities to that tool (link/imported-tool-functions.ts). Python only,
 * as the linker resolves Python modules; null when there is none.
 */
export function capabilityLinesByFunction(model: CodeModel, scoped: readonly ScopedCapability[]): Record<string, number[]> | null {
  if (model.language !== 'python') return null;
  let lines: Record<string, number[]> | null = null;
  for (const { finding, scope } of scoped) {
    if (finding.tool !== null) continue;
    const fn = moduleLevelFunction(scope);
    if (!fn) continue;
    const list = ((lines ??= Object.create(null) as Record<string, number[]>)[fn.name] ??= []);
    if (!list.includes(finding.evidence.line)) list.push(finding.evidence.line);
  }
  return lines;
}

/** Imported functions the file's tools run, for the linker: tool name → the function's qualified symbol. */
export function importedToolBodies(model: CodeModel, tools: ToolAnalysis): Record<string, string> | null {
  if (model.language !== 'python' || tools.importedBodies.size === 0) return null;
  return Object.assign(Object.create(null) as Record<string, string>, Object.fromEntries(tools.importedBodies));
}

function moduleLevelFunction(scope: Scope): Scope | null {
  for (let current: Scope | null = scope; current; current = current.parent) {
    if (current.kind === 'function' && current.parent?.kind === 'module' && current.name) return current;
  }
  return null;
}
