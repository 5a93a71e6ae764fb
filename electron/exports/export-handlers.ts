import { BackendError } from '../../shared/errors';
import type { ExportedFile } from '../../shared/contract';
import { todayIso } from '../../shared/registry';
import type { Handlers } from '../api/dispatcher';
import type { Session } from '../api/session';
import { EXPORT_FORMATS, exportFormatById, type ExportFormat, type ExportSource } from './formats';

/** The workspace as a SARIF, CycloneDX or JSON file: what the Exports page and `agent-triage export` ask for. */
export function exportHandlers(session: Session) {
  return {
    exportFormats: () => EXPORT_FORMATS.map(({ id, label, audience, extension, mediaType }) => ({ id, label, audience, extension, mediaType })),
    exportWorkspaceFile: ({ format }, ctx) => {
      const chosen = exportFormatById(format);
      if (!chosen) throw unknownFormat(format);
      const workspace = session.workspace();
      return exportedFileOf(chosen, { db: workspace.db, advisories: session.advisoryLookup(), workspaceName: workspace.name, author: { actor: ctx.actor, via: ctx.via }, now: new Date(), toolVersion: session.options.version });
    },
  } satisfies Partial<Handlers>;
}

export function unknownFormat(format: string): BackendError {
  return new BackendError('unsupported-format', `There is no "${format}" export; the formats are ${EXPORT_FORMATS.map((f) => f.id).join(', ')}.`);
}

export function exportedFileOf(format: ExportFormat, source: ExportSource): ExportedFile {
  const text = format.render(source);
  return { fileName: `${fileWord(source.workspaceName)}-${format.fileStem}-${todayIso(source.now)}.${format.extension}`, mimeType: format.mediaType, contentBase64: Buffer.from(text, 'utf8').toString('base64') };
}

/** A file name part from the workspace name: letters, digits and dashes only, so every file system and browser keeps it. */
function fileWord(name: string): string {
  return name.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'workspace';
}
