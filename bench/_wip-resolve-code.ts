import { posix } from 'node:path';
import type { CodeFindings } from '../electron/discovery/findings';

/**
 * Finds the code files a config's command or handler names, and the local modules a code file
 * imports, inside one scanned tree. Everything is resolved against the list of files the scan
 * read: nothing is executed or loaded.
 */
export class CodeIndex {
  private readonly byPath = new Map<string, CodeFindings>();
  /** "pkg.mod" → file, for every suffix of the path after a source root ("src/app/x.py" → "app.x", "x"). */
  private readonly byPythonModule = new Map<string, string>();

  constructor(files: CodeFindings[]) {
    for (const file of files) {
      this.byPath.set(file.path, file);
      if (file.language === 'python') this.indexPythonModule(file.path);
    }
  }

  private indexPythonModule(path: string): void {
    const parts = path.replace(/\.py$/, '').split('/');
    if (parts[parts.length - 1] === '__init__') parts.pop();
    for (let i = 0; i < parts.length; i++) {
      const key = parts.slice(i).join('.');
      if (key && !this.byPythonModule.has(key)) this.byPythonModule.set(key, path);
    }
  }

  private suffixes: Map<string, string | null> | null = null;

  /** Every path suffix that starts at a folder boundary, to the one file with it (null when several have it). */
  private suffixIndex(): Map<string, string | null> {
    if (this.suffixes) return this.suffixes;
    const map = new Map<string, string | null>();
    for (const path of this.byPath.keys()) {
      for (let i = -1; i !== null; ) {
        const suffix = path.slice(i + 1);
        map.set(suffix, map.has(suffix) && map.get(suffix) !== path ? null : path);
        const next = path.indexOf('/', i + 1);
        i = next < 0 ? (null as unknown as number) : next;
        if (next < 0) break;
      }
    }
    this.suffixes = map;
    return map;
  }

  get(path: string): CodeFindings | undefined {
    return this.byPath.get(path);
  }

  all(): CodeFindings[] {
    return [...this.byPath.values()];
  }

  /** A path as a config wrote it, relative to the config's folder or the root, with source fallbacks. */
  resolvePath(written: string, fromDir: string): string | null {
    const clean = written.replace(/^\.?\//, '');
    const candidates = [posix.normalize(posix.join(fromDir, clean)), posix.normalize(clean)];
    for (const base of candidates) {
      if (base.startsWith('..')) continue;
      for (const variant of pathVariants(base)) if (this.byPath.has(variant)) return variant;
    }
    return null;
  }

  /**
   * A path written from somewhere else (inside a container image, a zip built from src/): the
   * one scanned file whose path ends with it. Ambiguous suffixes resolve to nothing.
   */
  resolveBySuffix(written: string): string | null {
    const clean = posix.normalize(written.replace(/^\.?\//, '')).replace(/^(\.\.\/)+/, '');
    const bySuffix = this.suffixIndex();
    for (const variant of pathVariants(clean)) {
      const match = bySuffix.get(variant);
      if (match === undefined) continue;
      return match; // null when ambiguous
    }
    return null;
  }

  resolvePythonModule(module: string, fromFile?: string): string | null {
    if (module.startsWith('.') && fromFile) {
      const level = module.match(/^\.+/)![0].length;
      let dir = posix.dirname(fromFile);
      for (let i = 1; i < level; i++) dir = posix.dirname(dir);
      const rest = module.slice(level).replace(/\./g, '/');
      const base = rest ? posix.join(dir, rest) : dir;
      return this.firstExisting([`${base}.py`, `${base}/__init__.py`]);
    }
    if (fromFile) {
      // Prefer a module next to the importing file's package (app/tools.py for "tools" in app/agent.py).
      const sibling = posix.join(posix.dirname(fromFile), module.replace(/\./g, '/'));
      const near = this.firstExisting([`${sibling}.py`, `${sibling}/__init__.py`]);
      if (near) return near;
    }
    return this.byPythonModule.get(module) ?? null;
  }

  /** A local import as written in `fromFile`, to a scanned file. */
  resolveImport(written: string, fromFile: string): string | null {
    const file = this.byPath.get(fromFile);
    if (!file) return null;
    if (file.language === 'python') return this.resolvePythonModule(written, fromFile);
    if (written.startsWith('.')) return this.resolvePath(written, posix.dirname(fromFile));
    // Path aliases such as "@/lib/tools" or "~/lib/tools" point at the project root or src/.
    const alias = written.replace(/^[@~]\//, '');
    if (alias !== written) return this.resolvePath(alias, '') ?? this.resolvePath(posix.join('src', alias), '');
    return null;
  }

  private firstExisting(paths: string[]): string | null {
    for (const p of paths) if (this.byPath.has(p)) return p;
    return null;
  }
}

const CODE_EXTENSIONS = ['.py', '.ts', '.tsx', '.js', '.mjs', '.cjs', '.jsx'];

/** The file itself, the same path in another code extension, an index file, or its TypeScript source for a built .js. */
function pathVariants(path: string): string[] {
  const withoutExt = path.replace(/\.(py|ts|tsx|js|mjs|cjs|jsx)$/, '');
  const variants = [path, ...CODE_EXTENSIONS.map((e) => `${withoutExt}${e}`), ...CODE_EXTENSIONS.map((e) => `${withoutExt}/index${e}`)];
  const fromBuild = withoutExt.replace(/^(dist|build|out|lib)\//, 'src/');
  if (fromBuild !== withoutExt) variants.push(...CODE_EXTENSIONS.map((e) => `${fromBuild}${e}`));
  return variants;
}

/** The code a command line runs: `python x.py`, `python -m a.b`, `node dist/x.js`, `npx tsx src/x.ts`, `uv run x.py`. */
export function entryFilesOfCommand(command: string, index: CodeIndex, fromDir: string): string[] {
  const found: string[] = [];
  const tokens = command.split(/\s+|&&|;|\|/).filter(Boolean);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!.replace(/^["']|["']$/g, '');
    if (token === '-m' && tokens[i + 1]) {
      const module = tokens[i + 1]!.replace(/^["']|["']$/g, '').split(':')[0]!;
      const path = index.resolvePythonModule(module);
      if (path) found.push(path);
      i++;
      continue;
    }
    if (/\.(py|ts|tsx|js|mjs|cjs)$/.test(token)) {
      const path = index.resolvePath(token, fromDir);
      if (path) found.push(path);
      continue;
    }
    // "module:attr" as in uvicorn app.main:app, celery -A worker.app, gunicorn pkg.wsgi:app
    const moduleAttr = token.match(/^([A-Za-z_][\w.]*):[A-Za-z_]\w*$/);
    if (moduleAttr) {
      const path = index.resolvePythonModule(moduleAttr[1]!);
      if (path) found.push(path);
    }
  }
  return [...new Set(found)];
}

/** A serverless handler "src/handler.main" or "app.lambda_handler" to its file. */
export function entryFileOfHandler(handler: string, index: CodeIndex, fromDir: string): string | null {
  const withoutFunction = handler.replace(/\.[A-Za-z_$][\w$]*$/, '');
  return index.resolvePath(withoutFunction, fromDir) ?? index.resolvePythonModule(withoutFunction.replace(/\//g, '.'));
}

/** Last resort for a handler or script whose folder the config does not say. */
export function entryFileBySuffix(written: string, index: CodeIndex): string | null {
  const token = written.split(/\s+/).find((t) => /\.(py|ts|tsx|js|mjs|cjs)$/.test(t)) ?? (/\s/.test(written) ? null : written.replace(/\.[A-Za-z_$][\w$]*$/, ''));
  return token ? index.resolveBySuffix(token) : null;
}

/** Every local file reachable from the entry files through imports (bounded, cycles ignored). */
export function importClosure(entries: string[], index: CodeIndex, maxDepth = 4): string[] {
  const seen = new Set(entries);
  let frontier = entries;
  for (let depth = 0; depth < maxDepth && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const path of frontier) {
      for (const written of index.get(path)?.localImports ?? []) {
        const target = index.resolveImport(written, path);
        if (target && !seen.has(target)) {
          seen.add(target);
          next.push(target);
        }
      }
    }
    frontier = next;
  }
  return [...seen];
}
