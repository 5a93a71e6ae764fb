import { useEffect } from 'react';
import type { ExportFormatInfo } from '../../../../shared/contract';
import { useAppStore } from '../../store/store-context';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Spinner } from '../../ui/Spinner';
import { downloadFile } from '../inventory/file-transfer';
import { ExportJobProgress } from './ExportJobProgress';
import './exports.css';

/**
 * The workspace as files for the tools security teams already use: findings for code scanning, an
 * AI bill of materials, everything as JSON, and the registry spreadsheet (also exported from the
 * Inventory). The formats come from the engine, so a format added there shows here without a
 * change, and each is the same job: progress, Cancel, and no file when it is cancelled or fails.
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
        </ul>
      )}
    </div>
  );
}

function WorkspaceExportRow({ format }: { format: ExportFormatInfo }) {
  const exporting = useAppStore((s) => s.workspaceExporting);
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
        {exporting === format.id && <ExportJobProgress label={`${format.label} export`} />}
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
