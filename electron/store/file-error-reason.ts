/**
 * Why the file system refused, in words a person reads in a message ("Cannot write X: <reason>."),
 * instead of Node's "EACCES: permission denied, open '…'" with the path twice.
 */
export function fileErrorReason(err: unknown): string {
  switch ((err as NodeJS.ErrnoException | null)?.code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'ENOTDIR':
      return 'part of the path is a file, not a folder';
    case 'EISDIR':
      return 'it is a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
