import type { CodeFindings, ConfigFindings } from '../findings';
import { configEntryFiles } from './link-units';
import { importClosure, type CodeIndex } from './resolve-code';
import { ImporterChains } from './unrun-importers';

/**
 * The code files a unit may run, worked out from imports alone, before linking: a scan analyses
 * code without LLM signal only from its imports (a line stub), and fully only what a unit runs.
 * Linking once to learn what the units run, then again with those files analysed, cost a whole
 * link; this asks the import graph instead, so the scan links once.
 *
 * Every unit the linker makes runs either a config's entry files or code that reaches a file
 * with signal (`seeds`: LLM, agent or MCP code, a page calling the project's own model route)
 * within the import depth a closure follows: an entry point, the top of an import chain, a
 * server, a route. So the files within that depth of the seeds' importers, or of the configs'
 * entries, hold every file a unit's closure can reach. It is a superset (a library module that
 * imports an LLM helper is here though no unit runs it); the scan still checks the linker's
 * result against it and analyses what it missed.
 */
export function codeUnitsMayRun(code: readonly CodeFindings[], configs: readonly ConfigFindings[], index: CodeIndex, seeds: ReadonlySet<string>, maxDepth = 4): Set<string> {
  const chains = new ImporterChains(code, index);
  // Files from which a seed is at most `maxDepth` imports down: their closures can hold it.
  const reaching = new Set(seeds);
  let frontier = [...seeds];
  // A barrel costs no depth here either (see importClosure): its importers are as near as it is.
  const climb = (path: string, next: string[]) => {
    for (const importer of chains.importers(path)) {
      if (reaching.has(importer)) continue;
      reaching.add(importer);
      if (index.get(importer)?.reexportsOnly) climb(importer, next);
      else next.push(importer);
    }
  };
  for (let depth = 0; depth < maxDepth && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const path of frontier) climb(path, next);
    frontier = next;
  }
  return new Set(importClosure([...reaching, ...configEntryFiles(configs, index)], index, maxDepth));
}
