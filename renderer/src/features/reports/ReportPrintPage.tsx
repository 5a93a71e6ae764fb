import { useEffect, useRef, useState } from 'react';
import type { ReportSection } from '../../../../shared/report';
import { useAppStore } from '../../store/store-context';
import { ReportDocument } from './ReportDocument';

/** How long the charts may take to measure themselves before the page is declared ready anyway (they then print as laid out). */
const CHARTS_WAIT_MS = 5000;

/**
 * The report alone on the page, for the printers: Electron's printToPDF and Chromium (playwright-core)
 * both load this route and wait for `data-report-ready` ("true", or "error" with the reason as its
 * text) before they print, so no chart is printed half-drawn.
 */
export function ReportPrintPage({ sections }: { sections: ReportSection[] }) {
  const { data, error } = useAppStore((s) => s.report);
  const loadReport = useAppStore((s) => s.loadReport);
  const root = useRef<HTMLDivElement>(null);
  const [chartsDrawn, setChartsDrawn] = useState(false);

  useEffect(() => {
    document.documentElement.classList.add('report-printing');
    void loadReport();
    return () => document.documentElement.classList.remove('report-printing');
  }, [loadReport]);

  // Charts measure their box after the first paint; ready once every one has drawn its SVG.
  useEffect(() => {
    if (!data) return;
    const started = performance.now();
    let frame = 0;
    const check = () => {
      const charts = [...(root.current?.querySelectorAll('.report-chart') ?? [])];
      if (charts.every((c) => c.querySelector('svg.recharts-surface')) || performance.now() - started > CHARTS_WAIT_MS) setChartsDrawn(true);
      else frame = requestAnimationFrame(check);
    };
    frame = requestAnimationFrame(check);
    return () => cancelAnimationFrame(frame);
  }, [data]);

  if (error && !data) {
    return (
      <div className="report-print" data-report-ready="error" role="alert">
        {error}
      </div>
    );
  }
  if (sections.length === 0) {
    return (
      <div className="report-print" data-report-ready="error" role="alert">
        No report section chosen: name them as ?sections=cover,summary,…
      </div>
    );
  }
  return (
    <div className="report-print" ref={root} data-report-ready={data && chartsDrawn ? 'true' : 'false'}>
      {data && <ReportDocument report={data} sections={sections} />}
    </div>
  );
}
