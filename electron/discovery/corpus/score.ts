import type { CapabilityKind, DiscoveredAgent, UntrustedInputKind } from '../../../shared/discovery';
import type { CorpusExpectation, ExpectedAgent } from './corpus-expectation';

/** Candidates below this confidence are listed for review but not counted as predicted agents. */
export const COUNTED_CONFIDENCE = 0.5;

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
  /** tp / (tp + fp); 1 when nothing was predicted. */
  precision: number;
  /** tp / (tp + fn); 1 when nothing was expected. */
  recall: number;
}

export interface RepoScore {
  repo: string;
  agents: Tally;
  capabilities: Tally;
  untrustedInputs: Tally;
  /** (item, linked item's unit name, relation) triples of matched items. */
  links: Tally;
  /** Agent keys (see `agentKey`) expected but not predicted. */
  missed: string[];
  /** Counted predictions that match no expected agent. */
  unexpected: string[];
  /** Found at the right unit but as agent instead of llm-call or the reverse: one fp and one fn. */
  wrongClassification: Array<{ agent: string; expected: string; predicted: string }>;
  capabilityErrors: Array<{ agent: string; missing: CapabilityKind[]; extra: CapabilityKind[] }>;
  untrustedInputErrors: Array<{ agent: string; missing: UntrustedInputKind[]; extra: UntrustedInputKind[] }>;
  linkErrors: Array<{ agent: string; missing: string[]; extra: string[] }>;
  /** notAgents paths that a counted candidate came from. */
  trapsHit: string[];
  /** Informational (not in precision/recall): trigger, frameworks and providers of matched agents. */
  attributeMismatches: Array<{ agent: string; field: 'trigger' | 'frameworks' | 'providers'; expected: string; predicted: string }>;
}

export interface CorpusScore {
  agents: Tally;
  capabilities: Tally;
  untrustedInputs: Tally;
  links: Tally;
  perRepo: RepoScore[];
}

type Unit = Pick<ExpectedAgent, 'unitKind' | 'path' | 'name'>;

const normalisePath = (path: string) => path.replace(/^\.\//, '');

/** How an agent is matched and named in reports: unit kind, path and name. */
export function agentKey(unit: Unit): string {
  return `${unit.unitKind} ${normalisePath(unit.path)} "${unit.name}"`;
}

function predictedUnit(agent: DiscoveredAgent): Unit {
  return { unitKind: agent.unit.kind, path: agent.unit.path, name: agent.unit.name };
}

function tally(tp: number, fp: number, fn: number): Tally {
  return { tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

function sumTallies(tallies: Tally[]): Tally {
  return tally(
    tallies.reduce((n, t) => n + t.tp, 0),
    tallies.reduce((n, t) => n + t.fp, 0),
    tallies.reduce((n, t) => n + t.fn, 0),
  );
}

const setText = (values: Iterable<string>) => [...new Set(values)].sort().join(', ');

function scoreRepo(repo: string, expected: CorpusExpectation, predictions: DiscoveredAgent[]): RepoScore {
  // Examples (a workflow in docs/, a test copy) are reported but claim to be nothing deployed.
  const counted = predictions.filter((p) => p.confidence >= COUNTED_CONFIDENCE && p.classification !== 'example');
  const unmatched = new Set(counted);
  const agents = { tp: 0, fp: 0, fn: 0 };
  const capabilities = { tp: 0, fp: 0, fn: 0 };
  const untrustedInputs = { tp: 0, fp: 0, fn: 0 };
  const links = { tp: 0, fp: 0, fn: 0 };
  const report: Omit<RepoScore, 'repo' | 'agents' | 'capabilities' | 'untrustedInputs' | 'links' | 'unexpected' | 'trapsHit'> = {
    missed: [],
    wrongClassification: [],
    capabilityErrors: [],
    untrustedInputErrors: [],
    linkErrors: [],
    attributeMismatches: [],
  };

  for (const want of expected.agents) {
    const key = agentKey(want);
    const found = [...unmatched].find((p) => agentKey(predictedUnit(p)) === key);
    if (!found) {
      agents.fn += 1;
      report.missed.push(key);
      continue;
    }
    unmatched.delete(found);
    if (found.classification !== want.classification) {
      agents.fp += 1;
      agents.fn += 1;
      report.wrongClassification.push({ agent: key, expected: want.classification, predicted: found.classification });
      continue;
    }
    agents.tp += 1;
    // Capabilities (and untrusted inputs) are scored as (agent, kind) pairs of matched agents
    // only: a missed agent is already counted once above, not again for each of its kinds.
    const capabilityDiff = comparePairs(want.capabilities, found.capabilities.map((c) => c.kind), capabilities);
    if (capabilityDiff) report.capabilityErrors.push({ agent: key, ...capabilityDiff });
    const inputDiff = comparePairs(want.untrustedInputs, (found.untrustedInputs ?? []).map((i) => i.kind), untrustedInputs);
    if (inputDiff) report.untrustedInputErrors.push({ agent: key, ...inputDiff });
    const linkText = (name: string, relation: string) => `${relation} ${name}`;
    const byKey = new Map(counted.map((p) => [p.identityKey, p.unit.name]));
    const linkDiff = comparePairs(
      want.links.map((l) => linkText(l.name, l.relation)),
      (found.links ?? []).filter((l) => byKey.has(l.identityKey)).map((l) => linkText(byKey.get(l.identityKey)!, l.relation)),
      links,
    );
    if (linkDiff) report.linkErrors.push({ agent: key, ...linkDiff });
    report.attributeMismatches.push(...attributeMismatches(key, want, found));
  }

  agents.fp += unmatched.size;
  const traps = new Set(expected.notAgents.map(normalisePath));
  return {
    repo,
    agents: tally(agents.tp, agents.fp, agents.fn),
    capabilities: tally(capabilities.tp, capabilities.fp, capabilities.fn),
    untrustedInputs: tally(untrustedInputs.tp, untrustedInputs.fp, untrustedInputs.fn),
    links: tally(links.tp, links.fp, links.fn),
    ...report,
    unexpected: [...unmatched].map((p) => agentKey(predictedUnit(p))),
    trapsHit: [...new Set(counted.map((p) => normalisePath(p.unit.path)).filter((path) => traps.has(path)))],
  };
}

/** Adds one agent's labelled and found kinds to the counts; what differs, or null. */
function comparePairs<K extends string>(labelled: readonly K[], predicted: readonly K[], counts: { tp: number; fp: number; fn: number }): { missing: K[]; extra: K[] } | null {
  const wanted = new Set(labelled);
  const got = new Set(predicted);
  const missing = [...wanted].filter((kind) => !got.has(kind));
  const extra = [...got].filter((kind) => !wanted.has(kind));
  counts.tp += wanted.size - missing.length;
  counts.fn += missing.length;
  counts.fp += extra.length;
  return missing.length || extra.length ? { missing, extra } : null;
}

function attributeMismatches(key: string, want: ExpectedAgent, found: DiscoveredAgent): RepoScore['attributeMismatches'] {
  const compared = [
    ['trigger', want.trigger, found.trigger.kind],
    ['frameworks', setText(want.frameworks), setText(found.frameworks.map((f) => f.framework))],
    ['providers', setText(want.providers), setText(found.llm.map((l) => l.provider))],
  ] as const;
  return compared.filter(([, expected, predicted]) => expected !== predicted).map(([field, expected, predicted]) => ({ agent: key, field, expected, predicted }));
}

/**
 * Precision and recall of agents, of their capabilities and of the outside content they read over the labelled corpus (README.md:
 * "How the score is computed"). Pure: the caller scans each repo and passes what it found.
 */
export function scoreCorpus(expected: Record<string, CorpusExpectation>, predicted: Record<string, DiscoveredAgent[]>): CorpusScore {
  const unknown = Object.keys(predicted).filter((repo) => !(repo in expected));
  if (unknown.length) throw new Error(`Predictions for repos the corpus does not label: ${unknown.join(', ')}`);
  const perRepo = Object.keys(expected)
    .sort()
    .map((repo) => scoreRepo(repo, expected[repo]!, predicted[repo] ?? []));
  return {
    agents: sumTallies(perRepo.map((r) => r.agents)),
    capabilities: sumTallies(perRepo.map((r) => r.capabilities)),
    untrustedInputs: sumTallies(perRepo.map((r) => r.untrustedInputs)),
    links: sumTallies(perRepo.map((r) => r.links)),
    perRepo,
  };
}
