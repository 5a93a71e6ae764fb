import { z } from 'zod';
import { method } from './method';
import type { ExportedFile } from './registry';

/**
 * Exports of the whole workspace for other tools: findings as SARIF, an AI bill of materials as
 * CycloneDX, everything as JSON. The engine keeps the list of formats; the renderer and the CLI
 * read it from `exportFormats`, so a new format needs no change here.
 */
export interface ExportFormatInfo {
  /** What `exportWorkspaceFile` and the CLI's `--format` take. */
  id: string;
  label: string;
  /** One line: who uses the file and what for. */
  audience: string;
  /** The file name's ending, without the dot. */
  extension: string;
  mediaType: string;
}

export const exportsContract = {
  /** The export formats the engine knows, in the order the Exports page lists them. */
  exportFormats: method<ExportFormatInfo[]>()(z.object({})),
  /** The open workspace as one file of the given format; an unknown format is refused with the list of known ones. */
  exportWorkspaceFile: method<ExportedFile>()(z.object({ format: z.string().trim().min(1).max(40) })),
} as const;
