import type { AgentRecord } from '../../../shared/agent';
import type { CandidateMatch, MatchReason } from '../../../shared/candidate-match';
import type { CandidateDetail } from '../../../shared/discovery';

/**
 * Which registry agents a discovered candidate probably is. A client's spreadsheet and a scan
 * name the same agent differently ("Treasury Cash Forecaster" / "treasury-cash-forecaster"), so
 * confirming a candidate without this check is how the registry fills with duplicates.
 * Pure: the handler gathers the agents and the candidates already joined to them.
 */

/** What a candidate contributes to matching. */
export type MatchableCandidate = Pick<CandidateDetail, 'identityKey' | 'name' | 'unit' | 'entryPoints' | 'trigger' | 'credentials' | 'sourceRoot'>;

export interface MatchableAgent {
  record: Pick<AgentRecord, 'id' | 'name' | 'status' | 'trigger' | 'credentials' | 'owner'>;
  /** The candidate the agent was created from, if any: confirming that candidate again re-links it, no duplicate. */
  originKey: string | null;
  /** Candidates already confirmed as or merged into this agent. */
  linked: MatchableCandidate[];
}

/** At or above this a match is proposed before a candidate is confirmed as a new agent. */
export const PROBABLE_MATCH_SCORE = 0.5;
const MAX_MATCHES = 5;

// How much each kind of evidence alone says "same agent"; combined as independent evidence (noisy-or).
const WEIGHT = { name: 0.7, cronSchedule: 0.45, otherSchedule: 0.35, entryPoint: 0.8, credential: 0.35, moreCredentials: 0.15 };
const NAME_SIMILARITY_MIN = 0.5;

/** Words that say "this is an agent" rather than which one. */
const FILLER_WORDS = new Set(['agent', 'agents', 'bot', 'assistant', 'service', 'worker', 'job', 'task', 'the', 'a', 'an', 'of', 'for', 'and', 'ai', 'llm', 'gpt', 'py', 'ts', 'js', 'main', 'index', 'run', 'app']);

/** Credential names too common to tell two agents apart. */
const GENERIC_CREDENTIALS = new Set([
  'OPENAI_API_KEY',
  'ANTHROPIC_API_KEY',
  'AZURE_OPENAI_KEY',
  'AZURE_OPENAI_API_KEY',
  'GOOGLE_API_KEY',
  'GEMINI_API_KEY',
  'MISTRAL_API_KEY',
  'COHERE_API_KEY',
  'DATABASE_URL',
  'DATABASE_URI',
  'REDIS_URL',
  'GITHUB_TOKEN',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'SECRET_KEY',
  'API_KEY',
]);
/** A name mentioned by more registry agents than this is shared, not identifying. */
const DISTINCT_CREDENTIAL_MAX_AGENTS = 2;

export function nameTokens(name: string): string[] {
  const words = name
    .replace(/\.[a-z]{1,4}$/i, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '' && !FILLER_WORDS.has(w));
  return [...new Set(words)];
}

// "dispute"/"disputes", "reminder"/"reminders", "write"/"writer": one word, two spellings.
const sameWord = (a: string, b: string): boolean => a === b || (Math.min(a.length, b.length) >= 4 && (a.startsWith(b) || b.startsWith(a)));

/** Dice coefficient over name words, where a word matches its plural or agent-noun form. 0..1. */
export function nameSimilarity(a: string, b: string): number {
  const left = nameTokens(a);
  const right = nameTokens(b);
  if (left.length === 0 || right.length === 0) return 0;
  const unused = [...right];
  let shared = 0;
  for (const word of left) {
    const at = unused.findIndex((other) => sameWord(word, other));
    if (at >= 0) {
      shared++;
      unused.splice(at, 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

/**
 * One spelling per schedule: AWS's `cron(15 2 * * ? *)` and crontab's `15 2 * * *` are the same
 * time; anything that is not a cron expression is compared as lower-case text.
 */
export function normalisedSchedule(schedule: string): { text: string; isCron: boolean } {
  const inner = schedule.trim().replace(/^cron\((.*)\)$/i, '$1').trim();
  const fields = inner.split(/\s+/);
  const cronField = /^[\d*?/,\-LW#A-Za-z]+$/;
  if ((fields.length === 5 || fields.length === 6) && fields.every((f) => cronField.test(f)) && fields.some((f) => /\d|\*/.test(f))) {
    // AWS's sixth field is the year; '?' means "any" like '*'.
    const five = fields.slice(0, 5).map((f) => (f === '?' ? '*' : f));
    return { text: five.join(' '), isCron: true };
  }
  return { text: inner.replace(/\s+/g, ' ').toLowerCase(), isCron: false };
}

function scheduleReason(candidate: MatchableCandidate, agent: MatchableAgent['record']): { reason: MatchReason; weight: number } | null {
  if (!candidate.trigger.schedule || !agent.trigger.schedule) return null;
  const a = normalisedSchedule(candidate.trigger.schedule);
  const b = normalisedSchedule(agent.trigger.schedule);
  if (a.text !== b.text) return null;
  if (a.isCron) return { reason: { kind: 'schedule', detail: `same schedule ${a.text}` }, weight: WEIGHT.cronSchedule };
  // "queue" or "web" say little; a longer trigger text of the same kind is telling.
  if (a.text.length < 6 || candidate.trigger.kind !== agent.trigger.kind) return null;
  return { reason: { kind: 'schedule', detail: `same trigger ${candidate.trigger.schedule}` }, weight: WEIGHT.otherSchedule };
}

function nameReason(candidate: MatchableCandidate, agentName: string): { reason: MatchReason; weight: number } | null {
  // The entry point's file name is often the agent's real name ("collections-reminders.ts" run by "worker").
  const aliases = [candidate.name, ...candidate.entryPoints.map((p) => p.split('/').pop() ?? p)];
  let best = { similarity: 0, alias: candidate.name };
  for (const alias of aliases) {
    const similarity = nameSimilarity(alias, agentName);
    if (similarity > best.similarity) best = { similarity, alias };
  }
  if (best.similarity < NAME_SIMILARITY_MIN) return null;
  const percent = Math.round(best.similarity * 100);
  const detail = best.alias === candidate.name ? `similar name (${percent}%)` : `similar name to its entry point ${best.alias} (${percent}%)`;
  return { reason: { kind: 'name', detail }, weight: best.similarity * WEIGHT.name };
}

const sameSourceFile = (a: MatchableCandidate, b: MatchableCandidate, path: string) => a.sourceRoot === b.sourceRoot && b.entryPoints.includes(path);

function entryPointReason(candidate: MatchableCandidate, agent: MatchableAgent): { reason: MatchReason; weight: number } | null {
  for (const linked of agent.linked) {
    const path = candidate.entryPoints.find((p) => sameSourceFile(candidate, linked, p));
    if (path) return { reason: { kind: 'entry-point', detail: `same entry point ${path} as ${linked.name}` }, weight: WEIGHT.entryPoint };
    if (linked.sourceRoot === candidate.sourceRoot && linked.unit.path === candidate.unit.path && linked.unit.name === candidate.unit.name)
      return { reason: { kind: 'entry-point', detail: `same ${candidate.unit.path} unit ${candidate.unit.name}` }, weight: WEIGHT.entryPoint };
  }
  return null;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** "IAM role recon-batch" mentions recon-batch; "OPENAI_API_KEY_2" does not mention OPENAI_API_KEY. */
const mentions = (registryText: string, name: string) => new RegExp(`(^|[^A-Za-z0-9_-])${escapeRegExp(name)}($|[^A-Za-z0-9_-])`, 'i').test(registryText);

/** Names a person would have written in the registry's credentials column; secret values only match by fingerprint. */
function nameableCredentials(candidate: MatchableCandidate): string[] {
  const names = candidate.credentials.filter((c) => c.kind !== 'hardcoded-secret' && c.kind !== 'connection-string').map((c) => c.name.trim());
  return [...new Set(names.filter((n) => n.length >= 4 && !GENERIC_CREDENTIALS.has(n.toUpperCase())))];
}

function credentialReasons(candidate: MatchableCandidate, agent: MatchableAgent, mentionCount: (name: string) => number): MatchReason[] {
  const shared = new Set<string>();
  for (const name of nameableCredentials(candidate)) {
    if (mentionCount(name) <= DISTINCT_CREDENTIAL_MAX_AGENTS && agent.record.credentials.some((c) => mentions(c, name))) shared.add(name);
  }
  const fingerprints = new Set(agent.linked.flatMap((l) => l.credentials.map((c) => c.fingerprint).filter((f): f is string => f !== null)));
  const sameSecret = candidate.credentials.filter((c) => c.fingerprint !== null && fingerprints.has(c.fingerprint));
  for (const c of sameSecret) shared.add(`${c.name} (the same secret value)`);
  return [...shared].map((name) => ({ kind: 'credential', detail: `same credential ${name}` }));
}

/** The registry agents the candidate probably is, most likely first, each with why. */
export function candidateMatches(candidate: MatchableCandidate, agents: readonly MatchableAgent[]): CandidateMatch[] {
  const mentionCounts = new Map<string, number>();
  const mentionCount = (name: string) => {
    let count = mentionCounts.get(name);
    if (count === undefined) {
      count = agents.filter((a) => a.record.credentials.some((c) => mentions(c, name))).length;
      mentionCounts.set(name, count);
    }
    return count;
  };

  const matches: CandidateMatch[] = [];
  for (const agent of agents) {
    if (agent.originKey === candidate.identityKey || agent.linked.some((l) => l.identityKey === candidate.identityKey)) continue;
    const weighted = [nameReason(candidate, agent.record.name), scheduleReason(candidate, agent.record), entryPointReason(candidate, agent)].filter((r) => r !== null);
    const credentials = credentialReasons(candidate, agent, mentionCount);
    const weights = [...weighted.map((r) => r.weight), ...credentials.map((_, i) => (i === 0 ? WEIGHT.credential : WEIGHT.moreCredentials))];
    const score = 1 - weights.reduce((miss, w) => miss * (1 - w), 1);
    if (score < PROBABLE_MATCH_SCORE) continue;
    matches.push({
      agentId: agent.record.id,
      agentName: agent.record.name,
      status: agent.record.status,
      ownerName: agent.record.owner?.name ?? null,
      score: Math.round(score * 100) / 100,
      reasons: [...weighted.map((r) => r.reason), ...credentials],
    });
  }
  return matches.sort((a, b) => b.score - a.score || a.agentName.localeCompare(b.agentName)).slice(0, MAX_MATCHES);
}
