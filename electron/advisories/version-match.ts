import { normalizePackageName, type Ecosystem } from '../discovery/lockfiles/package-name';
import { ecosystemOfOsv, type OsvEvent, type OsvRecord } from './osv-record';
import { sameVersion, versionOrderFor, type VersionOrder } from './version-order';

export interface AffectedResult {
  affected: boolean;
  /** The affected range the version fell in, for people: ">=1.0.0, <1.0.2", "<=2.1.214", "listed: 0.7.13". */
  range?: string;
  /** The first version that fixes that range, when the record names one. */
  fixed?: string;
}

/**
 * Whether `version` of a package is affected by an OSV record, evaluated as the OSV spec's
 * pseudocode does: each range's events sorted by version, `introduced` opens (0 = before every
 * version), `fixed` closes exclusive, `last_affected` closes inclusive, `limit` caps the range,
 * and an introduced event with nothing after it stays open. GIT ranges name commits, which a
 * lockfile version cannot be placed among offline, so they are skipped; `versions[]` still applies.
 */
export function isAffected(record: OsvRecord, ecosystem: Ecosystem, name: string, version: string): AffectedResult {
  const wanted = normalizePackageName(ecosystem, name);
  const order = versionOrderFor(ecosystem);
  for (const affected of record.affected) {
    const { package: pkg } = affected;
    if (ecosystemOfOsv(pkg.ecosystem) !== ecosystem || normalizePackageName(ecosystem, pkg.name) !== wanted) continue;
    for (const range of affected.ranges ?? []) {
      if (range.type === 'GIT') continue;
      const hit = rangeContaining(range.events, version, order);
      if (hit) return { affected: true, ...hit };
    }
    const listed = affected.versions?.find((candidate) => sameVersion(ecosystem, candidate, version));
    if (listed !== undefined) return { affected: true, range: `listed: ${listed}` };
  }
  return { affected: false };
}

const LOWEST = '0';
const HIGHEST = '*';

function boundOf(event: OsvEvent): string | undefined {
  return event.introduced ?? event.fixed ?? event.last_affected ?? event.limit;
}

function rangeContaining(rawEvents: OsvEvent[], version: string, order: VersionOrder): { range: string; fixed?: string } | null {
  const events = rawEvents.filter((event) => boundOf(event) !== undefined);
  const readable = (bound: string) => bound === LOWEST || bound === HIGHEST || order(bound, bound) !== null;
  // A version or event this ecosystem cannot order would make any answer a guess.
  if (order(version, version) === null || !events.every((event) => readable(boundOf(event)!))) return null;
  const compare = (a: string, b: string): number => {
    if (a === b) return 0;
    if (a === LOWEST || b === HIGHEST) return -1;
    if (b === LOWEST || a === HIGHEST) return 1;
    return order(a, b)!;
  };

  const limits = events.flatMap((event) => (event.limit === undefined ? [] : [event.limit]));
  if (limits.length > 0 && !limits.some((limit) => compare(version, limit) < 0)) return null;

  const sorted = [...events].sort((a, b) => compare(boundOf(a)!, boundOf(b)!));
  let openedAt = -1;
  sorted.forEach((event, index) => {
    if (event.introduced !== undefined && compare(version, event.introduced) >= 0) openedAt = index;
    else if (event.fixed !== undefined && compare(version, event.fixed) >= 0) openedAt = -1;
    else if (event.last_affected !== undefined && compare(version, event.last_affected) > 0) openedAt = -1;
  });
  if (openedAt === -1) return null;

  const introduced = sorted[openedAt]!.introduced!;
  const closing = sorted.slice(openedAt + 1).find((event) => event.fixed !== undefined || event.last_affected !== undefined);
  const lower = introduced === LOWEST ? [] : [`>=${introduced}`];
  const upper = closing?.fixed !== undefined ? [`<${closing.fixed}`] : closing?.last_affected !== undefined ? [`<=${closing.last_affected}`] : [];
  const range = [...lower, ...upper].join(', ') || 'all versions';
  return closing?.fixed === undefined ? { range } : { range, fixed: closing.fixed };
}
