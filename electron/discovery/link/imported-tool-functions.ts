import { CAPABILITY_KINDS, type CapabilityFinding } from '../../../shared/discovery';
import type { CodeFindings } from '../findings';
import type { CodeIndex } from './resolve-code';

/**
 * A plain function of one module handed to a model as a tool by another (AG2's
 * `register_function(refund_charge, …)`, LlamaIndex's `FunctionTool.from_defaults(fn=refund_charge)`,
 * `tools=[refund_charge]`): what the function's own module shows it doing is that tool's. The
 * module's capabilities inside the function, which no tool of its own file claims, are given the
 * tool's name (one copy per tool made of it), and the tool lists their kinds. Their evidence stays
 * where they are.
 */
export function attributeImportedToolFunctions(files: readonly CodeFindings[], index: CodeIndex): void {
  const runByHand = functionsImportedBesideTools(files);
  for (const file of files) {
    for (const [tool, symbol] of Object.entries(file.importedToolBodies ?? {})) {
      const dot = symbol.lastIndexOf('.');
      // A function another file imports without making a tool of it may be run by hand there: what it does stays nobody's tool's.
      if (dot <= 0 || runByHand.has(symbol.slice(dot + 1))) continue;
      const modulePath = index.resolvePythonModule(symbol.slice(0, dot), file.path);
      const module = modulePath && modulePath !== file.path ? index.get(modulePath) : undefined;
      const lines = module?.capabilityLinesByFunction?.[symbol.slice(dot + 1)];
      if (!module || !lines) continue;
      const found = claim(module, new Set(lines), tool);
      if (found.length === 0) continue;
      const kinds = new Set(found.map((capability) => capability.kind));
      file.tools = file.tools.map((definition) => (definition.name === tool ? { ...definition, capabilities: CAPABILITY_KINDS.filter((kind) => kinds.has(kind) || definition.capabilities.includes(kind)) } : definition));
    }
  }
}

/** Names files import from the repository's modules other than as the body of one of their tools (matched by name). */
function functionsImportedBesideTools(files: readonly CodeFindings[]): Set<string> {
  const names = new Set<string>();
  for (const file of files) {
    const toolBodies = new Set(Object.values(file.importedToolBodies ?? {}).map((symbol) => symbol.slice(symbol.lastIndexOf('.') + 1)));
    for (const name of file.importedNames ?? []) if (!toolBodies.has(name)) names.add(name);
  }
  return names;
}

/** Capabilities this pass gave to a tool: another tool made of the same function gets a copy too. */
const givenToTools = new WeakSet<CapabilityFinding>();

/**
 * The module's capabilities on these lines that no tool of its own file claims, now the tool's: one
 * already given to another tool made of the same function is copied for this one. A scan links
 * twice over the same findings, so what this tool already holds is kept as it is.
 */
function claim(module: CodeFindings, lines: ReadonlySet<number>, tool: string): CapabilityFinding[] {
  const onLines = module.capabilities.filter((capability) => lines.has(capability.evidence.line) && (capability.tool === null || givenToTools.has(capability)));
  const held = onLines.filter((capability) => capability.tool === tool);
  const toGive = onLines.filter((capability) => capability.tool !== tool && !held.some((own) => sameFinding(own, capability)));
  const given = toGive.map((capability) => ({ ...capability, tool }));
  for (const capability of given) givenToTools.add(capability);
  const unclaimed = new Set(toGive.filter((capability) => capability.tool === null));
  module.capabilities = [...module.capabilities.filter((capability) => !unclaimed.has(capability)), ...given];
  return [...held, ...given];
}

function sameFinding(a: CapabilityFinding, b: CapabilityFinding): boolean {
  return a.kind === b.kind && a.detail === b.detail && a.evidence.line === b.evidence.line;
}
