import {
  DRIFT_KINDS,
  type DriftChange,
  type DriftKind,
  type DriftSeverity,
  type ReviewedCapability,
  type ReviewedDataAccess,
  type ReviewedFact,
  type ReviewedSpend,
  type ReviewSnapshot,
  type SpendDrift,
} from '../../shared/review';

/**
 * What changed between the snapshot kept at the last review and the agent's facts now: pure, so
 * the rules are tested as a table. The stored snapshot is read leniently: a section an older (or
 * newer) snapshot shape does not have is skipped, never reported as everything "added".
 */

type FactList<T extends ReviewedFact> = T[] | undefined;

/** The sections of a stored snapshot this version can read, whatever its `v`. */
export interface ReadableSnapshot {
  owner?: string | null;
  trigger?: string;
  credentials?: ReviewedFact[];
  dataAccess?: ReviewedDataAccess[];
  capabilities?: ReviewedCapability[];
  tools?: ReviewedFact[];
  endpoints?: ReviewedFact[];
  models?: ReviewedFact[];
  frameworks?: ReviewedFact[];
  untrustedInputs?: ReviewedFact[];
  advisories?: ReviewedFact[];
  spend?: ReviewedSpend;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFact = (v: unknown): v is ReviewedFact => isRecord(v) && typeof v.key === 'string' && typeof v.label === 'string';

function factsOf<T extends ReviewedFact>(raw: Record<string, unknown>, section: string, extra: (f: Record<string, unknown>) => boolean = () => true): FactList<T> {
  const list = raw[section];
  if (!Array.isArray(list)) return undefined;
  return list.filter((f): f is T => isFact(f) && extra(f as unknown as Record<string, unknown>));
}

function spendOf(raw: unknown): ReviewedSpend | undefined {
  if (!isRecord(raw) || !Array.isArray(raw.daily)) return undefined;
  const daily = raw.daily.filter(
    (d): d is ReviewedSpend['daily'][number] => isRecord(d) && typeof d.day === 'string' && typeof d.costUsd === 'number' && typeof d.tokens === 'number',
  );
  const through = typeof raw.through === 'string' ? raw.through : daily.length > 0 ? daily[daily.length - 1]!.day : null;
  const totals = isRecord(raw.totals) ? raw.totals : {};
  const num = (v: unknown) => (typeof v === 'number' ? v : 0);
  return { through, daily, totals: { costUsd: num(totals.costUsd), tokens: num(totals.tokens), requests: num(totals.requests) } };
}

/** Reads a stored snapshot of any version: the sections it has in the shape this version knows. */
export function readSnapshot(raw: unknown): ReadableSnapshot {
  if (!isRecord(raw)) return {};
  return {
    ...(raw.owner === null || typeof raw.owner === 'string' ? { owner: raw.owner } : {}),
    ...(typeof raw.trigger === 'string' ? { trigger: raw.trigger } : {}),
    credentials: factsOf(raw, 'credentials'),
    dataAccess: factsOf<ReviewedDataAccess>(raw, 'dataAccess', (f) => typeof f.access === 'string' && typeof f.writes === 'boolean'),
    capabilities: factsOf<ReviewedCapability>(raw, 'capabilities', (f) => typeof f.kind === 'string' && typeof f.irreversible === 'boolean'),
    tools: factsOf(raw, 'tools'),
    endpoints: factsOf(raw, 'endpoints'),
    models: factsOf(raw, 'models'),
    frameworks: factsOf(raw, 'frameworks'),
    untrustedInputs: factsOf(raw, 'untrustedInputs'),
    advisories: factsOf(raw, 'advisories'),
    spend: spendOf(raw.spend),
  };
}

const change = (kind: DriftKind, what: DriftChange['change'], severity: DriftSeverity, detail: string, evidence: string | null): DriftChange => ({
  kind,
  change: what,
  severity,
  detail,
  ...(evidence ? { evidence } : {}),
});

/** Added and removed facts of one section, by key. */
function setDiff<T extends ReviewedFact>(before: FactList<T>, now: T[]): { added: T[]; removed: T[]; kept: Array<[T, T]> } {
  if (before === undefined) return { added: [], removed: [], kept: [] };
  const old = new Map(before.map((f) => [f.key, f]));
  const current = new Map(now.map((f) => [f.key, f]));
  return {
    added: now.filter((f) => !old.has(f.key)),
    removed: before.filter((f) => !current.has(f.key)),
    kept: now.filter((f) => old.has(f.key)).map((f) => [old.get(f.key)!, f]),
  };
}

function simpleSection(kind: DriftKind, addedSeverity: DriftSeverity, before: FactList<ReviewedFact>, now: ReviewedFact[]): DriftChange[] {
  const { added, removed } = setDiff(before, now);
  return [...added.map((f) => change(kind, 'added', addedSeverity, f.label, f.evidence)), ...removed.map((f) => change(kind, 'removed', 'low', f.label, f.evidence))];
}

const where = (d: ReviewedDataAccess) => {
  const place = [d.environment, d.sensitivity].filter((p) => p !== null && p !== 'unknown');
  return `${d.label}${place.length > 0 ? ` (${place.join(', ')})` : ''}`;
};

function dataAccessChanges(before: FactList<ReviewedDataAccess>, now: ReviewedDataAccess[]): DriftChange[] {
  const { added, removed, kept } = setDiff(before, now);
  const out: DriftChange[] = [];
  for (const d of added) out.push(d.writes ? change('write-access', 'added', 'high', `${d.access} on ${where(d)}`, d.evidence) : change('data-access', 'added', 'medium', `${d.access} on ${where(d)}`, d.evidence));
  for (const d of removed) out.push(change(d.writes ? 'write-access' : 'data-access', 'removed', 'low', `${d.access} on ${where(d)}`, d.evidence));
  for (const [was, is] of kept) {
    if (!was.writes && is.writes) out.push(change('write-access', 'added', 'high', `${is.access} on ${where(is)} (was ${was.access})`, is.evidence));
    else if (was.writes && !is.writes) out.push(change('write-access', 'removed', 'low', `${where(is)} is now ${is.access} only (was ${was.access})`, is.evidence));
    else if (was.access !== is.access) out.push(change('data-access', 'changed', 'low', `${where(is)}: ${was.access} → ${is.access}`, is.evidence));
    if (was.sensitivity !== is.sensitivity && was.sensitivity !== null && is.sensitivity !== null) {
      out.push(change('data-access', 'changed', 'low', `${is.label} is now ${is.sensitivity} (was ${was.sensitivity})`, is.evidence));
    }
  }
  return out;
}

function capabilityChanges(before: FactList<ReviewedCapability>, now: ReviewedCapability[]): DriftChange[] {
  const { added, removed } = setDiff(before, now);
  return [
    ...added.map((c) => change('capability', 'added', c.irreversible ? 'high' : 'medium', `${c.label}${c.irreversible ? ' (not reversible in 5 minutes)' : ''}`, c.evidence)),
    ...removed.map((c) => change('capability', 'removed', 'low', c.label, c.evidence)),
  ];
}

function valueChange(kind: DriftKind, severity: DriftSeverity, label: string, before: string | null | undefined, now: string | null): DriftChange[] {
  if (before === undefined || before === now) return [];
  if (before === null) return [change(kind, 'added', severity, `${label} ${now}`, null)];
  if (now === null) return [change(kind, 'removed', severity, `${label} ${before} (none now)`, null)];
  return [change(kind, 'changed', severity, `${before} → ${now}`, null)];
}

const SEVERITY_RANK: Record<DriftSeverity, number> = { high: 0, medium: 1, low: 2 };
const CHANGE_RANK: Record<DriftChange['change'], number> = { added: 0, changed: 1, removed: 2 };

/** Most serious first: removals after everything that adds reach, then by kind in DRIFT_KINDS order. */
export function compareDrift(a: DriftChange, b: DriftChange): number {
  return (
    Number(a.change === 'removed') - Number(b.change === 'removed') ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    DRIFT_KINDS.indexOf(a.kind) - DRIFT_KINDS.indexOf(b.kind) ||
    CHANGE_RANK[a.change] - CHANGE_RANK[b.change] ||
    a.detail.localeCompare(b.detail)
  );
}

/** Every change of facts between the review's snapshot and now, most serious first. */
export function dossierDrift(stored: unknown, now: ReviewSnapshot): DriftChange[] {
  const before = readSnapshot(stored);
  return [
    ...dataAccessChanges(before.dataAccess, now.dataAccess),
    ...simpleSection('credential', 'high', before.credentials, now.credentials),
    ...capabilityChanges(before.capabilities, now.capabilities),
    ...simpleSection('tool', 'medium', before.tools, now.tools),
    ...simpleSection('endpoint', 'medium', before.endpoints, now.endpoints),
    ...simpleSection('untrusted-input', 'medium', before.untrustedInputs, now.untrustedInputs),
    ...simpleSection('advisory', 'medium', before.advisories, now.advisories),
    ...simpleSection('model', 'low', before.models, now.models),
    ...simpleSection('framework', 'low', before.frameworks, now.frameworks),
    ...valueChange('owner', 'medium', 'owner', before.owner, now.owner),
    ...valueChange('trigger', 'low', 'trigger', before.trigger, now.trigger),
  ].sort(compareDrift);
}

// ---- spend -------------------------------------------------------------------------------------

interface Window {
  days: number;
  costUsd: number;
  tokens: number;
}

const windowOf = (daily: ReviewedSpend['daily']): Window => ({
  days: daily.length,
  costUsd: daily.reduce((n, d) => n + d.costUsd, 0),
  tokens: daily.reduce((n, d) => n + d.tokens, 0),
});

const perDayText = (metric: SpendDrift['metric'], value: number) =>
  metric === 'cost' ? `$${value.toFixed(2)}/day` : `${Math.round(value).toLocaleString('en-US')} tokens/day`;

/**
 * Average daily spend over the (up to) 30 days of usage the review saw against the usage imported
 * since (days after the last one the review saw). Cost when it is known on both sides, tokens
 * otherwise; "no usage" is said as such, never as 0% or -100%. Null when there is no usage at all.
 */
export function spendDrift(stored: unknown, nowDaily: ReviewedSpend['daily']): SpendDrift | null {
  const reviewed = readSnapshot(stored).spend;
  const beforeDaily = reviewed?.daily ?? [];
  const since = reviewed?.through ? nowDaily.filter((d) => d.day > reviewed.through!) : nowDaily;
  const before = windowOf(beforeDaily);
  const now = windowOf(since);
  if (before.tokens === 0 && now.tokens === 0 && before.costUsd === 0 && now.costUsd === 0) return null;
  const costKnown = (w: Window) => w.tokens === 0 || w.costUsd > 0;
  const metric: SpendDrift['metric'] = costKnown(before) && costKnown(now) ? 'cost' : 'tokens';
  const value = (w: Window) => (metric === 'cost' ? w.costUsd : w.tokens);
  const beforePerDay = before.days > 0 && value(before) > 0 ? value(before) / before.days : null;
  const nowPerDay = now.days > 0 && value(now) > 0 ? value(now) / now.days : null;
  const changePct = beforePerDay !== null && nowPerDay !== null ? (nowPerDay - beforePerDay) / beforePerDay : null;
  const beforeText = beforePerDay === null ? 'no usage in the 30 days before the review' : `${perDayText(metric, beforePerDay)} before`;
  const nowText =
    now.days === 0 ? 'no usage imported since the review' : nowPerDay === null ? `no usage in the ${now.days} days since` : `${perDayText(metric, nowPerDay)} since`;
  const pct = changePct === null ? '' : ` (${changePct >= 0 ? '+' : ''}${Math.round(changePct * 100)}%)`;
  const summary = `${beforeText}, ${nowText}${pct}`;
  return { metric, beforePerDay, nowPerDay, beforeDays: before.days, nowDays: now.days, changePct, summary: summary[0]!.toUpperCase() + summary.slice(1) };
}
