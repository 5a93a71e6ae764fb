import type { ReportSection } from '../../shared/report';

/** What a printer needs to turn the report route into a PDF. */
export interface PrintRequest {
  sections: readonly ReportSection[];
  /** Where the PDF goes; the caller renames it into place, so a printer may leave it half-written on failure. */
  outPath: string;
  /** The running header and footer (engagement, marking), as the page margins print them. */
  margins: { header: string; footer: string };
  signal: AbortSignal;
  progress(done: number, total: number, message: string): void;
}

/**
 * One layout, two printers: the renderer's report route is printed by Electron's printToPDF in
 * the desktop app and by Chromium (playwright-core) in the CLI and the web host. The host hands
 * the engine its printer; the engine never imports either.
 */
export interface ReportPrinter {
  print(request: PrintRequest): Promise<void>;
}

/** The report route's address inside the renderer, the same on every host. */
export function reportRouteHash(sections: readonly ReportSection[]): string {
  return `#/report/print?sections=${sections.join(',')}`;
}

/** The attribute the report route sets on its root once every section is laid out (or 'error' with the reason as text). */
export const REPORT_READY_ATTRIBUTE = 'data-report-ready';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Header and footer templates in the form both printers take (Chromium's printToPDF): the page
 * margins carry the running header and "page N of M", which CSS @page margin boxes cannot do in Chromium.
 */
export function marginTemplates(margins: PrintRequest['margins']): { headerTemplate: string; footerTemplate: string } {
  const style = 'font-family: Helvetica, Arial, sans-serif; font-size: 8px; color: #555; width: 100%; padding: 0 14mm; display: flex; justify-content: space-between;';
  return {
    headerTemplate: `<div style="${style}"><span>${escapeHtml(margins.header)}</span><span>${escapeHtml(margins.footer)}</span></div>`,
    footerTemplate: `<div style="${style}"><span>${escapeHtml(margins.footer)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
  };
}

/** A4 with room for the running header and footer. */
export const PAGE_MARGINS = { top: '16mm', bottom: '16mm', left: '14mm', right: '14mm' } as const;
