import type { PackageVersion } from '../../shared/discovery';
// The name rule alone, not the lockfile readers (and their TOML parser) every command would load.
import { normalizePackageName } from '../discovery/lockfiles/package-name';
import { ecosystemOfOsv, type OsvRecord, type OsvSeverity } from './osv-record';
import { rfc3339Instant } from './rfc3339';
import { isAffected } from './version-match';

export interface AdvisoryMatch {
  id: string;
  aliases: string[];
  summary: string;
  severity: OsvSeverity[];
  /** The affected range the locked version falls in, e.g. "<0.0.325". */
  range?: string;
  fixed?: string;
}

export interface AdvisoryIndex {
  /** The advisories affecting one locked package version. */
  match(pkg: PackageVersion): AdvisoryMatch[];
}

const SUMMARY_LENGTH = 160;

/**
 * Records indexed by ecosystem + normalised package name, so matching 50,000 locked packages
 * against an ecosystem's worth of records costs one map lookup per package and version checks
 * only for the few records that name it. When an id arrives twice (the curated set and a user's
 * newer OSV import), the most recently modified record wins; withdrawn records never match.
 */
export function buildAdvisoryIndex(records: Iterable<OsvRecord>): AdvisoryIndex {
  const newestById = new Map<string, OsvRecord>();
  for (const record of records) {
    const previous = newestById.get(record.id);
    if (!previous || modifiedTime(record) >= modifiedTime(previous)) newestById.set(record.id, record);
  }

  const byPackage = new Map<string, OsvRecord[]>();
  for (const record of newestById.values()) {
    if (record.withdrawn) continue;
    const keys = new Set<string>();
    for (const { package: pkg } of record.affected) {
      const ecosystem = ecosystemOfOsv(pkg.ecosystem);
      if (ecosystem) keys.add(packageKey(ecosystem, normalizePackageName(ecosystem, pkg.name)));
    }
    for (const key of keys) {
      const list = byPackage.get(key);
      if (list) list.push(record);
      else byPackage.set(key, [record]);
    }
  }

  return {
    match(pkg) {
      const candidates = byPackage.get(packageKey(pkg.ecosystem, normalizePackageName(pkg.ecosystem, pkg.name))) ?? [];
      return candidates.flatMap((record) => {
        const result = isAffected(record, pkg.ecosystem, pkg.name, pkg.version);
        return result.affected ? [toMatch(record, result.range, result.fixed)] : [];
      });
    },
  };
}

function packageKey(ecosystem: string, normalizedName: string): string {
  return `${ecosystem}\u0000${normalizedName}`;
}

function modifiedTime(record: OsvRecord): number {
  return rfc3339Instant(record.modified) ?? 0;
}

function toMatch(record: OsvRecord, range: string | undefined, fixed: string | undefined): AdvisoryMatch {
  const match: AdvisoryMatch = {
    id: record.id,
    aliases: record.aliases ?? [],
    summary: summaryOf(record),
    // Some databases (Ubuntu, some GHSA mirrors) score per affected package instead of per record.
    severity: record.severity ?? record.affected.flatMap((affected) => affected.severity ?? []),
  };
  if (range !== undefined) match.range = range;
  if (fixed !== undefined) match.fixed = fixed;
  return match;
}

/** PYSEC and some other records have no summary, only markdown details: their first line stands in. */
function summaryOf(record: OsvRecord): string {
  if (record.summary) return record.summary;
  const firstLine = (record.details ?? '').trim().split('\n')[0]!.trim();
  return firstLine.length > SUMMARY_LENGTH ? `${firstLine.slice(0, SUMMARY_LENGTH - 1)}…` : firstLine;
}
