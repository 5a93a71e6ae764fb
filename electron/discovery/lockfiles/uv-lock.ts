import { isRecord, type LockfileParseResult } from './lockfile-result';
import { readTomlPackages } from './toml-packages';

/** Source kinds that mean "this project's own tree", not a package from an index. */
const LOCAL_SOURCES = ['editable', 'virtual', 'directory'];

/** uv.lock: `[[package]]` tables with `source = { registry | git | url | path | editable | virtual | directory }`. */
export function parseUvLock(path: string, text: string): LockfileParseResult {
  return readTomlPackages(path, text, 'PyPI', (entry) => {
    const source = entry.source;
    return isRecord(source) && LOCAL_SOURCES.some((kind) => kind in source);
  });
}
