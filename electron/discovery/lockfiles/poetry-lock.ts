import { isRecord, type LockfileParseResult } from './lockfile-result';
import { readTomlPackages } from './toml-packages';

/** poetry.lock: `[[package]]` tables; `[package.source] type = "directory"` is a local path dependency. */
export function parsePoetryLock(path: string, text: string): LockfileParseResult {
  return readTomlPackages(path, text, 'PyPI', (entry) => isRecord(entry.source) && entry.source.type === 'directory');
}
