import type { PackageVersion } from '../../../shared/discovery';

export type Ecosystem = PackageVersion['ecosystem'];

/**
 * The one spelling of a package name that lockfiles and advisories are compared by. PyPI treats
 * `Foo_Bar`, `foo.bar` and `foo-bar` as the same project (PEP 503); npm and Go names are
 * case-sensitive (legacy npm names like `JSONStream`, Go module paths), so they are only trimmed.
 */
export function normalizePackageName(ecosystem: Ecosystem, name: string): string {
  const trimmed = name.trim();
  return ecosystem === 'PyPI' ? trimmed.toLowerCase().replace(/[-_.]+/g, '-') : trimmed;
}
