import { posix } from 'node:path';
import type { DiscoveredAgent } from '../../../shared/discovery';
import { pathTrust } from '../evidence';
import type { CodeFindings } from '../findings';
import { exampleFolderOwner, isDocsPath, isExamplePath, isTestPath } from './deployment-scope';
import type { CodeIndex } from './resolve-code';

/**
 * Code in examples/, demos/, samples/ (and docs/) is judged by the code beside it (the folder that
 * holds examples/, within its repository), the way deployment configs there already are:
 *
 * - Beside model or agent-framework code outside those folders (a library such as an agent SDK,
 *   or an application), examples show how that code is used: such an item is an `example`,
 *   reported and never counted, like a workflow in examples/. It used to be an `agent` whose
 *   evidence was merely trusted less (0.4), which put it in the queue as a low-confidence agent.
 * - Where the only model code lives there (a repository that is a collection of agents kept
 *   under examples/), those agents are what the repository holds: trusted like any code. Docs
 *   stay trusted less: a snippet in documentation explains something, it is not a program to run.
 *
 * A deployment config outside those folders that runs such code (a root langgraph.json naming
 * `./examples/customer_support.py:app`, as langgraph-swarm-py's does) deploys it: see
 * `deployedTrust`.
 */
export function judgeExampleCode(items: DiscoveredAgent[], code: readonly CodeFindings[], index: CodeIndex): void {
  const ownModelCode = new Map<string, boolean>();
  // Few files use a model: each owner is checked against those of its repository, not against every code file of the tree.
  let modelFilesByRepository: Map<string, CodeFindings[]> | null = null;
  // Examples show how the code beside them is used: the folder holding examples/ and what is
  // below it, within its repository (a scanned folder may hold many; a monorepo's examples/ of one
  // package says nothing of another package's agents).
  const hasOwnModelCode = (owner: string) => {
    let found = ownModelCode.get(owner);
    if (found === undefined) {
      const prefix = owner ? `${owner}/` : '';
      const repository = index.repositoryOf(owner.replace(/\/$/, ''));
      modelFilesByRepository ??= filesByRepository(
        code.filter((file) => usesModel(file) && !isExamplePath(file.path) && !isTestPath(file.path)),
        index,
      );
      found = (modelFilesByRepository.get(repository) ?? []).some((file) => file.path.startsWith(prefix));
      ownModelCode.set(owner, found);
    }
    return found;
  };
  const examples = new Set<DiscoveredAgent>();
  const trusted = new Set<DiscoveredAgent>();
  for (const item of items) {
    if (!JUDGED_KINDS.has(item.unit.kind) || !COUNTED.has(item.classification) || isTestPath(item.unit.path)) continue;
    const owner = exampleFolderOwner(item.unit.path);
    if (owner === null) continue;
    if (hasOwnModelCode(owner)) examples.add(item);
    else if (!isDocsPath(item.unit.path)) trusted.add(item);
  }
  // A sub-agent or handoff target that a deployed item runs is deployed with it (the workers of a
  // graph a root langgraph.json names in examples/), however many agents down.
  const byKey = new Map(items.map((item) => [item.identityKey, item]));
  const runByDeployed = (item: DiscoveredAgent) =>
    (item.links ?? []).some((link) => {
      if (link.relation !== 'parent' && link.relation !== 'handoff-from') return false;
      const runner = byKey.get(link.identityKey);
      return runner !== undefined && runner.classification !== 'example' && !examples.has(runner);
    });
  for (let changed = true; changed; ) {
    changed = false;
    for (const item of examples) {
      if (!runByDeployed(item)) continue;
      examples.delete(item);
      trusted.add(item);
      changed = true;
    }
  }
  for (const item of examples) item.classification = 'example';
  for (const item of trusted) deployedTrust(item);
}

function filesByRepository(files: CodeFindings[], index: CodeIndex): Map<string, CodeFindings[]> {
  const byRepository = new Map<string, CodeFindings[]>();
  for (const file of files) {
    const repository = index.repositoryOf(posix.dirname(file.path));
    const held = byRepository.get(repository);
    if (held) held.push(file);
    else byRepository.set(repository, [file]);
  }
  return byRepository;
}

/** Items found from code alone; a config's units are judged by where the config sits (deployment-scope.ts). */
const JUDGED_KINDS = new Set(['code-entry-point', 'browser-agent', 'sub-agent']);
const COUNTED = new Set(['agent', 'llm-call', 'remote-caller']);

function usesModel(file: CodeFindings): boolean {
  return file.llm.length > 0 || file.frameworks.some((use) => use.framework !== 'mcp-server') || file.agentic;
}

/**
 * The item's confidence without the discount its evidence took for sitting in examples/, docs/
 * or tests/ (evidence.ts `pathTrust`): for code a deployment runs, or the agents of a repository
 * of examples. Never lowers it.
 */
export function deployedTrust(item: DiscoveredAgent): void {
  const uses = [...item.llm, ...item.frameworks];
  const seen = Math.max(0, ...uses.map((use) => use.evidence.confidence));
  if (seen === 0) return;
  const undiscounted = Math.max(...uses.map((use) => Math.min(1, use.evidence.confidence / pathTrust(use.evidence.path))));
  // What the item took off beside the evidence (code nothing visible runs is trusted less) still applies.
  const best = Math.round(Math.min(1, undiscounted * (item.confidence / seen)) * 100) / 100;
  if (best > item.confidence) item.confidence = best;
}
