import type { ConfigFindings } from '../findings';
import type { ConfigContext } from './context';
import { ConfigSource } from './source';
import { newFindings } from './units';
import { asRecord } from './values';
import { parseYamlDocuments } from './yaml-documents';

/** A workspace of thousands of globs is generated; none of them is read. */
const MAX_GLOBS = 500;

/**
 * pnpm-workspace.yaml: which folders are the packages of a pnpm monorepo (`packages: ["apps/*",
 * "!**\/test/**"]`), so `pnpm -r start` and `pnpm --filter web start` run the scripts of those
 * packages and of no other package.json of the tree (an example app, a vendored copy). It
 * declares no unit; nothing is run.
 */
export function analyzePnpmWorkspace(path: string, text: string, ctx: ConfigContext): ConfigFindings | null {
  const [doc] = parseYamlDocuments(new ConfigSource(path, text, ctx));
  const packages = asRecord(doc?.value)?.packages;
  if (!Array.isArray(packages)) return null;
  const globs = packages.filter((glob): glob is string => typeof glob === 'string' && glob.trim() !== '');
  if (globs.length === 0 || globs.length > MAX_GLOBS) return null;
  return { ...newFindings(path, 'pnpm-workspace'), workspaceGlobs: globs };
}
