import { z } from 'zod';
import type { JobStatus } from './jobs';
import { method } from './method';
import type { ExportedFile } from './registry';

/**
 * Exports of the whole workspace for other tools: findings as SARIF, an AI bill of materials as
 * CycloneDX, everything as JSON. The engine keeps the list of formats; the renderer and the CLI
 * read it from `exportFormats`, so a new format needs no change here.
 */
export interface ExportFormatInfo {
  /** What `startWorkspaceExport` and the CLI's `--format` take. */
  id: string;
  label: string;
  /** One line: who uses the file and what for. */
  audience: string;
  /** The file name's ending, without the dot. */
  extension: string;
  mediaType: string;
}

/** A finished export job's file, waiting for `takeWorkspaceExport`. */
export interface WorkspaceExport {
  format: string;
  fileName: string;
  mediaType: string;
  bytes: number;
}

export const exportsContract = {
  /** The export formats the engine knows, in the order the Exports page lists them. */
  exportFormats: method<ExportFormatInfo[]>()(z.object({})),
  /**
   * Starts writing the open workspace as one file of the given format, as a job (progress, cancel):
   * a large workspace's manifest or JSON takes long enough that the app must stay usable meanwhile.
   * An unknown format is refused at once with the list of known ones.
   */
  startWorkspaceExport: method<JobStatus>()(z.object({ format: z.string().trim().min(1).max(40) })),
  /** The file of a finished export job, handed over once. */
  takeWorkspaceExport: method<ExportedFile>()(z.object({ jobId: z.string().min(1).max(100) })),
} as const;
