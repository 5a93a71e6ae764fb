import type { CodeModel, ImportFact, Value } from './code-model';

/**
 * Whether an imported name is only passed on: a TypeScript barrel's `export { a } from './m'`, or
 * a Python package's `__init__.py` importing `from .research import research_agent` for its
 * callers and never using it itself. Such a name says nothing about which agents the code runs:
 * what imports the barrel or package names the agents it runs.
 */
export function onlyReExports(model: CodeModel, fact: ImportFact, name: string): boolean {
  if (fact.reExport) return true;
  if (model.language !== 'python' || !/(^|\/)__init__\.py$/.test(model.path)) return false;
  return !usedInModule(model, name);
}

/** Any call or argument of the module that refers to the name (`research_agent.invoke`, `create_supervisor([research_agent])`). */
function usedInModule(model: CodeModel, name: string): boolean {
  const refersTo = (symbolOrName: string) => symbolOrName === name || symbolOrName.startsWith(`${name}.`) || symbolOrName.endsWith(`.${name}`) || symbolOrName.includes(`.${name}.`);
  const inValue = (value: Value | undefined, depth = 0): boolean => {
    if (!value || depth > 4) return false;
    switch (value.kind) {
      case 'ref':
        return refersTo(value.name);
      case 'list':
        return value.items.some((item) => inValue(item, depth + 1));
      case 'object':
        return value.entries.some((entry) => inValue(entry.value, depth + 1));
      case 'call':
        return refersTo(value.call.callee);
      default:
        return false;
    }
  };
  return model.calls.some((call) => refersTo(call.callee) || call.args.some((arg) => inValue(arg)) || [...call.named.values()].some((value) => inValue(value))) || model.namedValues.some((named) => inValue(named.value));
}
