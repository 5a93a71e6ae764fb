import { useEffect } from 'react';
import type { ExportFormatInfo, RegistryFormat } from '../../../../shared/contract';
import { useAppStore } from '../../store/store-context';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { ProgressBar } from '../../ui/ProgressBar';
import { Spinner } from '../../ui/Spinner';
import { downloadFile } from '../inventory/file-transfer';
import './exports.css';

/**
 * The workspace as files for the tools security teams already use: findings for code scanning, an
 * AI bill of materials, everything as JSON, and the registry spreadsheet. The formats come from the
 * engine, so a format added there shows here without a change.
 */
export function ExportsPage() {
  const { data: formats, error } = useAppStore((s) => s.exportFormats);
  const loadExportFormats = useAppStore((s) => s.loadExportFormats);
  useEffect(() => {
    void loadExportFormats();
  }, [loadExportFormats]);

  return (
    <div className="page exports">
      <header className="page__header">
        <h1>Exports</h1>
        <p className="page__subtitle">The whole workspace as files for other tools. Each file is made from the workspace as it is now; the same exports run in CI with <code>agent-triage export</code>.</p>
      </header>
      {error && !formats && (
        <>
          <ErrorBanner title="Could not read the export formats">{error}</ErrorBanner>
          <div>
            <Button onClick={() => void loadExportFormats()}>Try again</Button>
          </div>
        </>
      )}
      {!formats && !error && (
        <p className="muted exports__loading">
          <Spinner /> Reading the formats…
        </p>
      )}
      {formats && (
        <ul className="exports__list" aria-label="Export formats">
          {formats.map((format) => (
            <WorkspaceExportRow key={format.id} format={format} />
          ))}
          <RegistryExportRow />
        </ul>
      )}
    </div>
  );
}

function WorkspaceExportRow({ format }: { format: ExportFormatInfo }) {
  const exporting = useAppStore((s) => s.workspaceExporting);
  const job = useAppStore((s) => (s.workspaceExporting === format.id && s.workspaceExportJob ? s.jobs[s.workspaceExportJob] : undefined));
  const exportWorkspaceFile = useAppStore((s) => s.exportWorkspaceFile);
  const cancelWorkspaceExport = useAppStore((s) => s.cancelWorkspaceExport);
  const download = async () => {
    const file = await exportWorkspaceFile(format.id);
    if (file) downloadFile(file);
  };
  return (
    <li className="exports__item" aria-label={format.label}>
      <div className="exports__text">
        <h2 className="exports__label">{format.label}</h2>
        <p className="exports__audience">{format.audience}</p>
        <p className="exports__meta">
          <span>.{format.extension}</span>
          <code>agent-triage export --workspace W --format {format.id}</code>
        </p>
        {exporting === format.id && (
          <div className="exports__progress">
            <ProgressBar label={`${format.label} export`} value={job?.progress.done ?? 0} max={job?.progress.total ?? 0} valueText={job?.progress.message} />
            <span className="muted">{job?.progress.message || 'Starting…'}</span>
          </div>
        )}
      </div>
      <div className="exports__actions">
        {exporting === format.id ? (
          <Button onClick={() => void cancelWorkspaceExport()}>Cancel</Button>
        ) : (
          <Button variant="primary" onClick={() => void download()} disabled={exporting !== null}>
            Download .{format.extension}
          </Button>
        )}
      </div>
    </li>
  );
}

/** The registry spreadsheet is exported where it is kept (the Inventory) and listed here so every export is in one place. */
function RegistryExportRow() {
  const exporting = useAppStore((s) => s.registryExporting);
  const exportRegistry = useAppStore((s) => s.exportRegistry);
  const download = async (format: RegistryFormat) => {
    const file = await exportRegistry(format);
    if (file) downloadFile(file);
  };
  return (
    <li className="exports__item" aria-label="Agent registry spreadsheet">
      <div className="exports__text">
        <h2 className="exports__label">Agent registry spreadsheet</h2>
        <p className="exports__audience">The seven registry fields per agent, for owners to fill in and import back: the same file as the Inventory’s export.</p>
        <p className="exports__meta">
          <span>.csv, .xlsx</span>
          <code>agent-triage registry export --workspace W --format csv</code>
        </p>
      </div>
      <div className="exports__actions">
        <Button onClick={() => void download('csv')} disabled={exporting !== null}>
          {exporting === 'csv' ? 'Exporting…' : 'Download .csv'}
        </Button>
        <Button onClick={() => void download('xlsx')} disabled={exporting !== null}>
          {exporting === 'xlsx' ? 'Exporting…' : 'Download .xlsx'}
        </Button>
      </div>
    </li>
  );
}
