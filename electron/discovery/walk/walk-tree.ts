import type { Dirent } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { ScanCounters } from '../../../shared/discovery';
import { secretFileFormat } from '../secret-files';
import { classifyFile, hasBinaryExtension } from './classify-file';
import type { FileKind } from './classify-file';
import { decodeFileName } from './display-name';
import type { DecodedName } from './display-name';
import { errorCode, nodeFileSystem, readSmallText } from './file-system';
import type { NativePath, WalkFileSystem } from './file-system';
import { isIgnored, stackForFolder } from './gitignore-rules';
import type { IgnoreStack } from './gitignore-rules';
import { projectFolderOf, type ProjectFolder } from './project-folders';
import { VIRTUALENV_MARKER, isAlwaysSkippedFolder } from './skipped-folders';

/** The scan's counters without `candidates`, which only the linker knows. */
export type WalkCounters = Omit<ScanCounters, 'candidates'>;

export function emptyWalkCounters(): WalkCounters {
  return { filesSeen: 0, filesRead: 0, bytesRead: 0, skippedBinary: 0, skippedOversized: 0, skippedUnreadable: 0, skippedIgnored: 0, skippedLinks: 0 };
}

export interface WalkedFile {
  /** From the scanned root, '/'-separated, with unsafe or non-UTF-8 name bytes escaped: what evidence shows. */
  relPath: string;
  /** What to open: a string, or the raw bytes when a name on the way is not valid UTF-8. */
  absPath: NativePath;
  /**
   * Known only for a followed link (its target is stat'ed to see where it leads). A plain file is
   * not stat'ed here: its reader stats what it opens anyway, and a stat per file was a third of
   * the walk's time.
   */
  size?: number;
  kind: Exclude<FileKind, 'other'>;
}

/** An entry the walker could not or would not follow, worth a warning line (ignored files are only counted). */
export interface WalkSkip {
  relPath: string;
  reason: 'link' | 'unreadable';
  detail: string;
}

export interface WalkOptions {
  signal?: AbortSignal;
  /** Called with a copy of the counters at most every `progressIntervalMs`, and once at the end. */
  onProgress?: (counters: WalkCounters) => void;
  progressIntervalMs?: number;
  onSkip?: (skip: WalkSkip) => void;
  /** Pass the scan's counters so reads tallied by the caller show in the same progress reports. */
  counters?: WalkCounters;
  fs?: WalkFileSystem;
  /** Called for every walked folder that starts a project (a repository or a package manifest). */
  onProjectFolder?: (folder: ProjectFolder) => void;
}

interface Folder {
  native: NativePath;
  relPath: string;
  /** relPath as .gitignore patterns see it: unescaped, invalid bytes as U+FFFD. */
  matchPath: string;
  ignoreStack: IgnoreStack;
}

interface Entry {
  dirent: Dirent<Buffer>;
  name: DecodedName;
  native: NativePath;
  relPath: string;
  matchPath: string;
}

const GITIGNORE_MAX_BYTES = 1024 * 1024;

/**
 * Walks a folder depth-first with an explicit stack (no recursion, so depth is unlimited) and
 * calls `onFile` for every code, config or lockfile to analyze, in a stable order. Nothing is
 * ever executed, and only ignore rules are read here (the caller reads files with
 * readCandidate). What is skipped and why:
 * - ignored: .gitignore at every level and .git/info/exclude (except secret files such as
 *   .env, see readDespiteIgnore); always-skipped folders (dependencies, vendor/, virtualenvs,
 *   caches). A skipped folder counts once.
 * - links: a symlink is followed only when it resolves to a regular file inside the root. Links to
 *   folders are never followed (their contents inside the root are walked at their real path),
 *   so a link loop cannot hang the walk; links leaving the root, dangling or looping are skipped.
 * - unreadable: folders or files the OS refuses, and FIFOs, sockets and devices (never opened).
 * - binary: known binary extensions, counted without opening.
 * `filesSeen` counts every regular file reached and not ignored, whether its name makes it worth
 * analyzing or not; reads are counted by the caller with `tallyRead` into the same counters.
 * The filesystem calls are synchronous (see WalkFileSystem: run the walk in a worker thread);
 * the walk still yields to the event loop every few milliseconds, so a signal aborted from a
 * timer or a message is seen. Cancellation is checked between entries and throws the signal's
 * reason.
 */
export async function walkTree(root: string, options: WalkOptions, onFile: (file: WalkedFile) => void | Promise<void>): Promise<WalkCounters> {
  const fs = options.fs ?? nodeFileSystem;
  const counters = options.counters ?? emptyWalkCounters();
  const progress = throttledProgress(counters, options);
  const pacer = eventLoopPacer();
  const realRoot = resolveRoot(fs, root);
  const rootBytes = Buffer.from(realRoot);
  const rootPrefix = Buffer.from(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
  const isInsideRoot = (target: Buffer) => target.equals(rootBytes) || (target.length > rootPrefix.length && target.subarray(0, rootPrefix.length).equals(rootPrefix));

  const skip = (relPath: string, reason: WalkSkip['reason'], detail: string) => {
    if (reason === 'link') counters.skippedLinks += 1;
    else counters.skippedUnreadable += 1;
    options.onSkip?.({ relPath, reason, detail });
  };

  /** `knownSize` comes with a followed link, already stat'ed. */
  const considerFile = async (relPath: string, absPath: NativePath, knownSize?: number) => {
    counters.filesSeen += 1;
    const kind = classifyFile(relPath);
    if (kind === 'other') {
      if (hasBinaryExtension(relPath)) counters.skippedBinary += 1;
      return;
    }
    await onFile(knownSize === undefined ? { relPath, absPath, kind } : { relPath, absPath, size: knownSize, kind });
  };

  const followLink = async (entry: Entry) => {
    let target: Buffer;
    try {
      target = fs.realpath(entry.native);
    } catch (error) {
      const code = errorCode(error);
      skip(entry.relPath, 'link', code === 'ELOOP' ? 'symlink loop' : `dangling symlink (${code})`);
      return;
    }
    if (!isInsideRoot(target)) {
      skip(entry.relPath, 'link', 'points outside the scanned folder');
      return;
    }
    let stats;
    try {
      stats = fs.stat(target);
    } catch (error) {
      skip(entry.relPath, 'unreadable', `cannot stat link target (${errorCode(error)})`);
      return;
    }
    if (stats.isDirectory()) skip(entry.relPath, 'link', 'links to a folder (folder links are not followed)');
    else if (!stats.isFile()) skip(entry.relPath, 'unreadable', 'links to a FIFO, socket or device');
    else await considerFile(entry.relPath, nativeFromBytes(target), stats.size);
  };

  const pending: Folder[] = [{ native: realRoot, relPath: '', matchPath: '', ignoreStack: [] }];
  while (pending.length > 0) {
    options.signal?.throwIfAborted();
    const folder = pending.pop()!;
    let dirents: Dirent<Buffer>[];
    try {
      dirents = fs.readdir(folder.native);
    } catch (error) {
      skip(folder.relPath || '.', 'unreadable', `cannot list folder (${errorCode(error)})`);
      continue;
    }
    const entries = dirents.map((dirent) => entryOf(folder, dirent)).sort(byName);
    if (folder.relPath !== '' && entries.some((e) => e.name.text === VIRTUALENV_MARKER && e.dirent.isFile())) {
      counters.skippedIgnored += 1;
      continue;
    }
    const ignoreStack = ignoreStackFor(fs, folder, entries, skip);
    if (options.onProjectFolder) {
      const project = projectFolderOf(folder.relPath, entries.map((e) => e.name.text));
      if (project) options.onProjectFolder(project);
    }
    const subfolders: Folder[] = [];
    for (const entry of entries) {
      options.signal?.throwIfAborted();
      const { dirent } = entry;
      const isFolder = dirent.isDirectory();
      if ((isFolder && isAlwaysSkippedFolder(entry.name.text)) || (isIgnored(ignoreStack, entry.matchPath, isFolder) && !readDespiteIgnore(entry.relPath, isFolder))) {
        counters.skippedIgnored += 1;
      } else if (dirent.isSymbolicLink()) {
        await followLink(entry);
      } else if (isFolder) {
        subfolders.push({ native: entry.native, relPath: entry.relPath, matchPath: entry.matchPath, ignoreStack });
      } else if (dirent.isFile()) {
        await considerFile(entry.relPath, entry.native);
      } else {
        skip(entry.relPath, 'unreadable', 'FIFO, socket or device (never opened)');
      }
      progress.maybeReport();
      await pacer.maybeYield();
    }
    // Reversed so the stack pops them in name order.
    for (let i = subfolders.length - 1; i >= 0; i--) pending.push(subfolders[i]!);
  }
  progress.report();
  return counters;
}

/**
 * .env, terraform.tfvars and key files are read even when .gitignore lists them: they are
 * ignored precisely because they hold the live secrets, a consultant scanning a deployed folder
 * or a checkout with its local config must see those, and a secret on disk is a finding whether
 * git tracks it or not. Only the file itself is exempt: ignored or always-skipped folders are
 * still not entered (a dependency's .env is not this project's).
 */
function readDespiteIgnore(relPath: string, isFolder: boolean): boolean {
  return !isFolder && secretFileFormat(relPath) !== null;
}

function resolveRoot(fs: WalkFileSystem, root: string): string {
  let real: NativePath;
  try {
    real = nativeFromBytes(fs.realpath(resolve(root)));
  } catch (error) {
    throw new Error(`Cannot scan ${root}: ${errorCode(error) === 'ENOENT' ? 'no such folder' : `cannot open it (${errorCode(error)})`}.`);
  }
  if (typeof real !== 'string') throw new Error(`Cannot scan ${root}: its real path is not valid UTF-8.`);
  if (!fs.stat(real).isDirectory()) throw new Error(`Cannot scan ${root}: it is not a folder.`);
  return real;
}

function entryOf(folder: Folder, dirent: Dirent<Buffer>): Entry {
  const name = decodeFileName(dirent.name);
  const prefix = folder.relPath === '' ? '' : '/';
  return {
    dirent,
    name,
    native: joinNative(folder.native, name, dirent.name),
    relPath: folder.relPath + prefix + name.display,
    matchPath: folder.matchPath + prefix + name.text,
  };
}

function byName(a: Entry, b: Entry): number {
  return Buffer.compare(a.dirent.name, b.dirent.name);
}

function joinNative(parent: NativePath, name: DecodedName, rawName: Buffer): NativePath {
  if (name.exact) return appendPath(parent, name.text);
  const parentBytes = typeof parent === 'string' ? Buffer.from(parent) : parent;
  return Buffer.concat([parentBytes, Buffer.from('/'), rawName]);
}

function appendPath(parent: NativePath, segment: string): NativePath {
  if (typeof parent !== 'string') return Buffer.concat([parent, Buffer.from(`/${segment}`)]);
  // A filesystem root ('/' or 'C:\\') already ends with a separator.
  return parent.endsWith('/') || parent.endsWith(sep) ? parent + segment : `${parent}/${segment}`;
}

/** A string when the bytes are exactly UTF-8 (the usual case), so callers can log and compare it. */
function nativeFromBytes(bytes: Buffer): NativePath {
  const text = bytes.toString('utf8');
  return Buffer.from(text).equals(bytes) ? text : bytes;
}

function ignoreStackFor(fs: WalkFileSystem, folder: Folder, entries: Entry[], skip: (relPath: string, reason: 'unreadable', detail: string) => void): IgnoreStack {
  const find = (name: string) => entries.find((e) => e.name.text === name);
  const gitEntry = find('.git');
  const gitignoreEntry = find('.gitignore');
  const readRules = (native: NativePath, relPath: string): string | null => {
    try {
      return readSmallText(fs, native, GITIGNORE_MAX_BYTES);
    } catch (error) {
      // A missing info/exclude is normal; anything else is worth a warning.
      if (errorCode(error) !== 'ENOENT') skip(relPath, 'unreadable', `cannot read ignore rules (${errorCode(error)})`);
      return null;
    }
  };
  const infoExclude = gitEntry?.dirent.isDirectory() ? readRules(appendPath(gitEntry.native, 'info/exclude'), `${gitEntry.relPath}/info/exclude`) : null;
  const gitignore = gitignoreEntry?.dirent.isFile() ? readRules(gitignoreEntry.native, gitignoreEntry.relPath) : null;
  return stackForFolder(folder.ignoreStack, folder.matchPath, { infoExclude, gitignore, isRepositoryTop: gitEntry !== undefined });
}

/** Lets timers and messages run during a long synchronous stretch. */
function eventLoopPacer(intervalMs = 20) {
  let last = Date.now();
  return {
    maybeYield: async () => {
      if (Date.now() - last < intervalMs) return;
      await new Promise<void>((resolve) => setImmediate(resolve));
      last = Date.now();
    },
  };
}

function throttledProgress(counters: WalkCounters, options: WalkOptions) {
  const interval = options.progressIntervalMs ?? 100;
  let last = Date.now();
  const report = () => {
    last = Date.now();
    options.onProgress?.({ ...counters });
  };
  return {
    report,
    maybeReport: () => {
      if (options.onProgress && Date.now() - last >= interval) report();
    },
  };
}
