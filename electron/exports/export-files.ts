import { BackendError } from '../../shared/errors';
import { todayIso } from '../../shared/registry';
import { EXPORT_FORMATS, type ExportFormat } from './formats';

export function unknownFormat(format: string): BackendError {
  return new BackendError('unsupported-format', `There is no "${format}" export; the formats are ${EXPORT_FORMATS.map((f) => f.id).join(', ')}.`);
}

/** "<workspace>-<stem>-<day>.<ext>": the workspace, what the file is and when, in letters every file system and browser keeps. */
export function exportFileName(format: ExportFormat, workspaceName: string, now: Date): string {
  return `${fileWord(workspaceName)}-${format.fileStem}-${todayIso(now)}.${format.extension}`;
}

function fileWord(name: string): string {
  return name.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'workspace';
}
