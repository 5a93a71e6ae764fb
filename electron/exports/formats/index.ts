import type { AdvisoryLookup } from '../../discovery/discovery-repository';
import type { ChangeAuthor } from '../../store/audit-log';
import type { Db } from '../../store/workspace-file';
import { cycloneDxFormat } from './cyclonedx';
import { manifestFormat } from './manifest';
import { registryCsvFormat, registryXlsxFormat } from './registry-spreadsheet';
import { sarifFormat } from './sarif';
import { workspaceJsonFormat } from './workspace-json';

/** What every format reads: the open workspace and the facts around it, never a query of its own. */
export interface ExportSource {
  db: Db;
  advisories: AdvisoryLookup;
  /** The workspace file's name: the engagement the export describes. */
  workspaceName: string;
  /** Who asked for the export (the plan read model reconciles tasks under this name, as the Plan page does). */
  author: ChangeAuthor;
  /** When the export was made; the only part of an export allowed to differ between two runs over the same workspace. */
  now: Date;
  /** The workstation's version, written as the producing tool's version. */
  toolVersion: string;
  /** Where the export is, for its progress; each call throws when cancel was asked, so a format stops between steps. */
  steps: ExportSteps;
}

export interface ExportSteps {
  /** One more agent read (`done` of `total`): formats pass it to the read model as `onAgent`. */
  onAgent(done: number, total: number): void;
  /** A named step after the agents ("Working out the 90-day plan"). */
  step(message: string): void;
}

/** Steps that report nothing and never stop: for a caller that renders a format outside a job. */
export const NO_EXPORT_STEPS: ExportSteps = { onAgent: () => undefined, step: () => undefined };

/**
 * One export format. A new format is one file in this folder plus one line in EXPORT_FORMATS:
 * the contract, the CLI's `--format` and the Exports page all list what is here.
 */
export interface ExportFormat {
  /** What `--format` and the contract take: short, lower case, stable. */
  id: string;
  /** The format's own name, as the Exports page shows it. */
  label: string;
  /** One line: who uses the file and what for. */
  audience: string;
  /** The file name's ending without the dot, e.g. "sarif", "cdx.json". */
  extension: string;
  /** The word the file name starts with after the workspace name, e.g. "findings". */
  fileStem: string;
  mediaType: string;
  /** Bytes that are not text (a workbook): never printed to a terminal, so the CLI asks for --out. */
  binary?: true;
  /**
   * The measured CPU of writing this format on the host's thread, for export-placement.ts to run a
   * small export there rather than pay a worker's start-up. Formats without it run in a worker.
   */
  hostThreadCost?: { fixedMs: number; msPerAgent: number };
  /** The whole file: text (JSON, YAML, CSV) or bytes (a workbook), at once or when packed. Reads only through the engine's read models. */
  render: (source: ExportSource) => ExportContent | Promise<ExportContent>;
}

/** What a format writes: text is written as UTF-8. */
export type ExportContent = string | Uint8Array;

export const EXPORT_FORMATS: readonly ExportFormat[] = [sarifFormat, cycloneDxFormat, manifestFormat, workspaceJsonFormat, registryCsvFormat, registryXlsxFormat];

export function exportFormatById(id: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((f) => f.id === id.trim().toLowerCase());
}

export const EXPORT_FORMAT_IDS = (): string[] => EXPORT_FORMATS.map((f) => f.id);
