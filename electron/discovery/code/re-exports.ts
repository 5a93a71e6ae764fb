import type { CodeModel, ImportFact, Value } from './code-model';
import { withoutScriptComments } from './script-comments';

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

/** `import … from '…'`, `export … from '…'` (braces may span lines) and bare `import '…'` statements. */
const MODULE_STATEMENT = /^[ \t]*(?:(?:import|export)\b[^;'"]*?\bfrom[ \t]*['"][^'"\n]+['"]|import[ \t]*['"][^'"\n]+['"])[ \t]*;?/gm;

const INDEX_FILE = /(?:^|\/)index\.[cm]?[jt]sx?$/;
const CODE_STATEMENT = /^[ \t]*(?:const|let|var|function|class|async|await|if|for|while|return|try|switch|throw|module\.exports|exports\.)\b/m;

/**
 * A barrel: a package's index module whose text, comments already blanked, is nothing but import
 * and re-export statements. It runs only when something imports the package, so a chain of
 * imports ending there is a library's whose users the scan does not hold (see
 * link/unrun-importers.ts). Only index files are read for it: that is where packages keep them,
 * and every other stub is spared the pass.
 */
export function isReexportsOnly(path: string, text: string): boolean {
  if (!INDEX_FILE.test(path) || !/\bexport\b/.test(text) || CODE_STATEMENT.test(text)) return false;
  return text.replace(MODULE_STATEMENT, '').replace(/['"]use (?:strict|client|server)['"];?/g, '').trim() === '';
}

/**
 * The same judgement for a parsed file: a barrel the scan deepened because it reaches agent code
 * (`export { salesforceAgent } from './agent'`) is still only a barrel. Comments are blanked only
 * for index modules, the one place barrels live.
 */
export function isBarrelModule(model: CodeModel): boolean {
  return model.language !== 'python' && INDEX_FILE.test(model.path) && isReexportsOnly(model.path, withoutScriptComments(model.text));
}
