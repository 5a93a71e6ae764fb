import * as pep440 from '@renovatebot/pep440';
// The SemVer class alone: semver's index loads every range helper and costs each command about 30 ms more at start-up.
import SemVer from 'semver/classes/semver.js';
import type { Ecosystem } from '../discovery/lockfiles';

/** Orders two versions of one ecosystem; null when either is not a version it can read. */
export type VersionOrder = (a: string, b: string) => number | null;

/**
 * Semantic versioning, as npm and Go use it. Go writes a `v` prefix (v1.2.3) that OSV records
 * leave out; semver reads both. Build metadata (+incompatible) does not take part in ordering.
 */
const semverOrder: VersionOrder = (a, b) => {
  const left = parseSemver(a);
  const right = parseSemver(b);
  return left && right ? left.compare(right) : null;
};

function parseSemver(version: string): SemVer | null {
  try {
    return new SemVer(version, { loose: true });
  } catch {
    return null; // Not a version semver can read (the class throws where semver.parse answers null).
  }
}

/** PEP 440: 1.0.dev1 < 1.0a1 < 1.0rc1 < 1.0 < 1.0.post1, and 1.0+local sorts after 1.0. */
const pep440Order: VersionOrder = (a, b) => {
  if (!pep440.valid(a) || !pep440.valid(b)) return null;
  return Math.sign(pep440.compare(a, b));
};

/**
 * The ordering for a package's versions. The ecosystem decides, whatever the range type says:
 * PyPI versions such as 0.0.233rc1 are not semver, and npm/Go ECOSYSTEM ranges are semver.
 */
export function versionOrderFor(ecosystem: Ecosystem): VersionOrder {
  return ecosystem === 'PyPI' ? pep440Order : semverOrder;
}

/** Whether an explicitly listed version is the package's version (1.0 and 1.0.0 are one PyPI version; v1.2.3 is Go's 1.2.3). */
export function sameVersion(ecosystem: Ecosystem, a: string, b: string): boolean {
  return a === b || versionOrderFor(ecosystem)(a, b) === 0;
}
