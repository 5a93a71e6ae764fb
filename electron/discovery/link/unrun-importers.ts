import { posix } from 'node:path';
import type { CodeFindings } from '../findings';
import { isTestPath } from './deployment-scope';
import type { CodeIndex } from './resolve-code';

/**
 * Who imports whom among the scanned code (test files left out: a test importing a module does
 * not run it in production), to find where LLM code that no seen entry point runs is started.
 *
 * LLM code a module imports belongs to that module's unit. When nothing we saw runs the module
 * either (a `Bun.serve<…>()` server the line stub did not recognise, started by `bun run
 * server/server.ts`; a FastAPI app whose routes only the full parse sees, started by a
 * `uvicorn server:app` in a README), the top of the import chain is the likeliest entry: the
 * server that builds a session that holds the SDK client. Skipping the LLM module because
 * something imports it, as if that importer would report it, lost the agent altogether.
 */
export class ImporterChains {
  private readonly importersOf = new Map<string, string[]>();

  constructor(code: readonly CodeFindings[], index: CodeIndex) {
    for (const file of code) {
      if (isTestPath(file.path)) continue;
      for (const written of file.localImports) {
        const target = index.resolveImport(written, file.path);
        if (!target || target === file.path) continue;
        const importers = this.importersOf.get(target);
        if (!importers) this.importersOf.set(target, [file.path]);
        else if (!importers.includes(file.path)) importers.push(file.path);
      }
    }
  }

  isImported(path: string): boolean {
    return this.importersOf.has(path);
  }

  /** The scanned files (tests left out) that import `path`. */
  importers(path: string): readonly string[] {
    return this.importersOf.get(path) ?? [];
  }

  /**
   * The files nothing imports from which `path` is reached, at most `maxDepth` imports up (the
   * depth an import closure follows down, so each root's closure holds `path`), nearest first.
   * Empty when the only importers form a cycle or the chain is longer than that. The climb stops
   * at files `stopAt` names: what imports them is not looked at.
   */
  rootsAbove(path: string, maxDepth = 4, stopAt: (path: string) => boolean = () => false): string[] {
    const seen = new Set([path]);
    const roots: string[] = [];
    let frontier = [path];
    for (let depth = 0; depth < maxDepth && frontier.length > 0; depth++) {
      const next: string[] = [];
      for (const current of frontier) {
        if (current !== path && stopAt(current)) continue;
        for (const importer of this.importersOf.get(current) ?? []) {
          if (seen.has(importer)) continue;
          seen.add(importer);
          if (this.importersOf.has(importer)) next.push(importer);
          else roots.push(importer);
        }
      }
      frontier = next;
    }
    return roots;
  }
}

/**
 * Where LLM code that no seen entry point or config runs becomes a unit: at itself when nothing
 * imports it; otherwise at the roots of its import chains that will not be reported on their own
 * (a root with LLM signal of its own is its own unit and takes this file into its closure). A
 * browser page is never such a root: agents a page starts are found from the page itself. Nor is
 * a Python package's `__init__.py` or a script package's barrel (`index.ts` of re-exports): they
 * run when something imports the package, never as a program, so a chain that ends there is a
 * library's (an agent SDK's own model client) whose users are outside the scan. Nor is anything
 * that reaches the code only through such a package root: a docs `conf.py` or a `setup.py`
 * reading the package's version uses the library, it does not run an agent.
 */
export function unitRootsOf(file: CodeFindings, chains: ImporterChains, index: CodeIndex, hasOwnSignal: (file: CodeFindings) => boolean): string[] {
  if (!chains.isImported(file.path)) return [file.path];
  const isPackageRoot = (path: string) => posix.basename(path) === '__init__.py' || index.get(path)?.reexportsOnly === true || isPackageEntry(path, index);
  return chains.rootsAbove(file.path, 4, isPackageRoot).filter((root) => {
    const top = index.get(root);
    return top !== undefined && !top.clientEntry && top.entryPoint === null && !hasOwnSignal(top) && !isPackageRoot(root);
  });
}

const INDEX_MODULE = /(?:^|\/)index\.[cm]?[jt]sx?$/;

/**
 * A package's public entry: the index module at the top of a folder that holds its own manifest
 * (package.json), or in that folder's src/. Whatever else it defines beside its re-exports (a
 * helper, a type guard), it runs when something imports the package, like a barrel; a package at
 * the scanned root is not judged, as nothing says whether the root is a package or a service.
 */
function isPackageEntry(path: string, index: CodeIndex): boolean {
  if (!INDEX_MODULE.test(path)) return false;
  const dir = posix.dirname(path);
  const top = posix.basename(dir) === 'src' ? posix.dirname(dir) : dir;
  return top !== '.' && top !== '' && index.projectOf(top) === top;
}
