import { z } from 'zod';
import { CONFIDENTIALITY_MARKINGS, REPORT_SECTIONS, type ExecutiveReport, type ReportSettings } from '../report';
import type { JobStatus } from './jobs';
import { Empty, method } from './method';
import type { ExportedFile } from './registry';

/** The executive report: its read model, the cover's settings, and the PDF export (a job, printed by the host's browser). */
export const reportContract = {
  /** Everything the report shows, built from the dossiers, triage, the plan and usage; sections without data say which import fills them. */
  executiveReport: method<ExecutiveReport>()(Empty),
  reportSettings: method<ReportSettings>()(Empty),
  /** A person names the engagement and client and chooses the marking the cover carries. Audited. */
  setReportSettings: method<ReportSettings>()(
    z.object({
      engagement: z.string().trim().min(1, 'name the engagement').max(200),
      client: z.string().trim().max(200),
      confidentiality: z.enum(CONFIDENTIALITY_MARKINGS),
    }),
  ),
  /** Prints the report route with these sections to PDF as a job (progress, cancel). Fails at once, saying which browser to install, where the host has none. */
  startReportPdf: method<JobStatus>()(z.object({ sections: z.array(z.enum(REPORT_SECTIONS)).min(1, 'choose at least one section').max(REPORT_SECTIONS.length) })),
  /** The PDF a finished export job wrote; handed over once (the engine's copy is then removed). */
  takeReportPdf: method<ExportedFile>()(z.object({ jobId: z.string().min(1).max(100) })),
} as const;
