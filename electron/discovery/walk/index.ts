/** Repository walking for discovery: which files to analyze, and reading them safely. */
export { classifyFile } from './classify-file';
export type { FileKind } from './classify-file';
export type { NativePath, WalkFileSystem } from './file-system';
export { READ_LIMITS, readCandidate, tallyRead } from './read-candidate';
export type { ReadOutcome, ReadSkipReason } from './read-candidate';
export { emptyWalkCounters, walkTree } from './walk-tree';
export type { WalkCounters, WalkOptions, WalkSkip, WalkedFile } from './walk-tree';
export type { ProjectFolder } from './project-folders';
