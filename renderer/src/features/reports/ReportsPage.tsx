import { useEffect, useState } from 'react';
import { CONFIDENTIALITY_MARKINGS, REPORT_SECTION_LABELS, REPORT_SECTIONS, type ConfidentialityMarking, type ReportSection } from '../../../../shared/report';
import { useAppStore } from '../../store/store-context';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Select, TextField } from '../../ui/fields';
import { ProgressBar } from '../../ui/ProgressBar';
import { Spinner } from '../../ui/Spinner';
import { downloadFile } from '../inventory/file-transfer';
import { ReportDocument } from './ReportDocument';
import './reports-page.css';

/**
 * Reports: the executive PDF. Choose the sections, check the preview (the same layout the PDF is
 * printed from), name the engagement on the cover, and export; the export is a job with progress
 * and cancel, printed by the host's browser.
 */
export function ReportsPage() {
  const { data, error, loading } = useAppStore((s) => s.report);
  const loadReport = useAppStore((s) => s.loadReport);
  const workspacePath = useAppStore((s) => s.workspace?.path);
  const importsDone = useAppStore((s) => s.fileImportRecords);
  const [sections, setSections] = useState<ReportSection[]>([...REPORT_SECTIONS]);

  useEffect(() => {
    if (workspacePath) void loadReport();
  }, [workspacePath, importsDone, loadReport]);

  const toggle = (section: ReportSection, on: boolean) => setSections((now) => REPORT_SECTIONS.filter((s) => (s === section ? on : now.includes(s))));

  return (
    <div className="page reports">
      <header className="page__header">
        <h1>Reports</h1>
        <p className="page__subtitle">The executive report: the case for people who will not open the app, printed to PDF from the layout previewed here.</p>
      </header>
      <div className="reports__layout">
        <aside className="reports__controls">
          <fieldset className="reports__fieldset">
            <legend>Sections</legend>
            {REPORT_SECTIONS.map((s) => (
              <label key={s} className="reports__check">
                <input type="checkbox" checked={sections.includes(s)} onChange={(e) => toggle(s, e.target.checked)} />
                {REPORT_SECTION_LABELS[s]}
              </label>
            ))}
          </fieldset>
          <PdfExportControl sections={sections} />
          {data && <CoverSettings key={`${data.settings.setAt ?? ''}${data.settings.engagement}`} initial={data.settings} />}
        </aside>
        <section className="reports__preview" aria-label="Preview">
          {error && <ErrorBanner title="Could not build the report">{error}</ErrorBanner>}
          {!data && loading && (
            <p className="muted">
              <Spinner /> Building the report…
            </p>
          )}
          {data && sections.length === 0 && <p className="muted">Choose at least one section to preview and export.</p>}
          {data && sections.length > 0 && (
            <div className="reports__paper">
              <ReportDocument report={data} sections={sections} />
            </div>
          )}
        </section>
      </div>
    </div>
  );
}

function PdfExportControl({ sections }: { sections: ReportSection[] }) {
  const pdf = useAppStore((s) => s.pdfExport);
  const job = useAppStore((s) => (s.pdfExport?.jobId ? s.jobs[s.pdfExport.jobId] : undefined));
  const exportReportPdf = useAppStore((s) => s.exportReportPdf);
  const cancelReportPdf = useAppStore((s) => s.cancelReportPdf);
  const notify = useAppStore((s) => s.notify);
  const busy = pdf?.state === 'starting' || pdf?.state === 'running';

  const start = async () => {
    const file = await exportReportPdf(sections);
    if (file) {
      downloadFile(file);
      notify('success', `Saved ${file.fileName}`);
    }
  };

  return (
    <div className="reports__export">
      <Button variant="primary" onClick={() => void start()} disabled={busy || sections.length === 0}>
        Export PDF
      </Button>
      {busy && (
        <div className="reports__progress">
          <ProgressBar label="PDF export" value={job?.progress.done ?? 0} max={job?.progress.total ?? 0} valueText={job?.progress.message} />
          <div className="reports__progress-line">
            <span className="muted">{job?.progress.message ?? 'Starting…'}</span>
            <Button size="sm" variant="ghost" onClick={() => void cancelReportPdf()} disabled={!pdf?.jobId}>
              Cancel
            </Button>
          </div>
        </div>
      )}
      {pdf?.state === 'cancelled' && <p className="muted">Export cancelled; no file was saved.</p>}
      {pdf?.state === 'failed' && <ErrorBanner title="Could not export the PDF">{pdf.error}</ErrorBanner>}
    </div>
  );
}

function CoverSettings({ initial }: { initial: { engagement: string; client: string; confidentiality: ConfidentialityMarking } }) {
  const save = useAppStore((s) => s.saveReportSettings);
  const saving = useAppStore((s) => s.reportSettingsSaving);
  const [engagement, setEngagement] = useState(initial.engagement);
  const [client, setClient] = useState(initial.client);
  const [confidentiality, setConfidentiality] = useState(initial.confidentiality);
  const changed = engagement !== initial.engagement || client !== initial.client || confidentiality !== initial.confidentiality;
  return (
    <form
      className="reports__fieldset reports__cover"
      onSubmit={(e) => {
        e.preventDefault();
        void save({ engagement: engagement.trim(), client: client.trim(), confidentiality });
      }}
    >
      <fieldset className="reports__fieldset">
        <legend>Cover</legend>
        <TextField label="Engagement" value={engagement} onChange={setEngagement} maxLength={200} error={engagement.trim() === '' ? 'Name the engagement' : null} />
        <TextField label="Client" value={client} onChange={setClient} maxLength={200} />
        <Select label="Marking" value={confidentiality} options={CONFIDENTIALITY_MARKINGS.map((m) => ({ value: m, label: m }))} onChange={setConfidentiality} />
        <div>
          <Button type="submit" size="sm" disabled={!changed || saving || engagement.trim() === ''}>
            Save cover
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
