import { useId, useState, type ChangeEvent } from 'react';
import type { RegistryImportPreview, RegistryRowError } from '../../../../shared/contract';
import { importColumnLabel } from '../../domain/agent-labels';
import { messageOf } from '../../store/app-state';
import { useAppStore } from '../../store/store-context';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { ProgressBar } from '../../ui/ProgressBar';
import { readFileAsBase64 } from './file-transfer';
import './import-dialog.css';

const ACCEPTED = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Enough to fix a file by; a spreadsheet with thousands of bad rows usually has one bad column. */
const ERRORS_SHOWN = 500;

export function ImportDialog({ onClose }: { onClose: () => void }) {
  const phase = useAppStore((s) => s.importPhase);
  const preview = useAppStore((s) => s.importPreview);
  const error = useAppStore((s) => s.importError);
  const errorRows = useAppStore((s) => s.importErrorRows);
  const job = useAppStore((s) => (s.importJobId ? s.jobs[s.importJobId] : undefined));
  const previewImport = useAppStore((s) => s.previewRegistryImport);
  const runImport = useAppStore((s) => s.runRegistryImport);
  const cancelImport = useAppStore((s) => s.cancelRegistryImport);
  const resetImport = useAppStore((s) => s.resetRegistryImport);
  const [readError, setReadError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const fileInputId = useId();

  const importing = phase === 'importing';
  const close = () => {
    resetImport();
    onClose();
  };

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so that choosing the same, corrected file again still fires a change.
    event.target.value = '';
    if (!file) return;
    setReadError(null);
    setReading(true);
    try {
      await previewImport({ fileName: file.name, contentBase64: await readFileAsBase64(file) });
    } catch (err) {
      setReadError(messageOf(err));
    } finally {
      setReading(false);
    }
  };

  const startImport = async () => {
    if (await runImport()) onClose();
  };

  const toWrite = preview ? preview.totals.create + preview.totals.update : 0;
  const blocked = !preview || preview.errors.length > 0 || toWrite === 0;

  return (
    <Dialog
      title="Import registry"
      size="lg"
      onClose={importing ? undefined : close}
      footer={
        importing ? (
          <Button onClick={() => void cancelImport()}>Cancel import</Button>
        ) : (
          <>
            <Button onClick={close}>Close</Button>
            <Button variant="primary" disabled={blocked || phase === 'previewing'} onClick={() => void startImport()}>
              {toWrite > 0 ? `Import ${toWrite} ${toWrite === 1 ? 'agent' : 'agents'}` : 'Import'}
            </Button>
          </>
        )
      }
    >
      <div className="import-dialog__file">
        <label htmlFor={fileInputId} className="field__label">
          Registry file (CSV or XLSX)
        </label>
        <input id={fileInputId} type="file" accept={ACCEPTED} onChange={(e) => void chooseFile(e)} disabled={importing || reading} />
        <p className="field__hint">The first row holds the column names. Columns the registry does not know are kept as notes on each agent.</p>
      </div>

      {(reading || phase === 'previewing') && <p className="muted">Reading and checking the file…</p>}
      {readError && <ErrorBanner>{readError}</ErrorBanner>}
      {error && <ErrorBanner title={phase === 'failed' && preview ? 'The import failed; nothing was written' : undefined}>{error}</ErrorBanner>}
      {errorRows.length > 0 && <RowErrors errors={errorRows} />}

      {preview && <ImportPreview preview={preview} />}

      {preview && preview.errors.length > 0 && <p className="import-dialog__blocked">Fix the rows above and choose the file again; nothing has been written.</p>}
      {preview && preview.errors.length === 0 && toWrite === 0 && <p className="muted">Every row already matches the workspace; there is nothing to import.</p>}
      {phase === 'cancelled' && <p className="muted">Import cancelled; nothing was written.</p>}

      {importing && (
        <div className="import-dialog__progress">
          <ProgressBar
            label="Import progress"
            value={job?.progress.done ?? 0}
            max={job?.progress.total ?? 0}
            valueText={job ? `${job.progress.done} of ${job.progress.total}` : 'Starting'}
          />
          <p className="muted">{job?.progress.message || 'Starting the import…'}</p>
        </div>
      )}
    </Dialog>
  );
}

function ImportPreview({ preview }: { preview: RegistryImportPreview }) {
  const { totals } = preview;
  return (
    <>
      <section className="import-dialog__section" aria-label="Summary">
        <p>
          <strong>{preview.fileName}</strong> <span className="muted">· {preview.format.toUpperCase()} · {totals.rows} rows</span>
        </p>
        <dl className="import-totals">
          <Total label="To create" value={totals.create} />
          <Total label="To update" value={totals.update} />
          <Total label="Unchanged" value={totals.unchanged} />
          <Total label="Invalid" value={totals.invalid} tone={totals.invalid > 0 ? 'danger' : undefined} />
        </dl>
      </section>
      <section className="import-dialog__section">
        <h3>Column mapping</h3>
        <table className="simple-table">
          <thead>
            <tr>
              <th scope="col">Column in the file</th>
              <th scope="col">Registry field</th>
            </tr>
          </thead>
          <tbody>
            {preview.columns.map((c) => (
              <tr key={c.header}>
                <td>{c.header}</td>
                <td>{c.field === null ? <span className="muted">kept as note</span> : importColumnLabel(c.field)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {preview.errors.length > 0 && <RowErrors errors={preview.errors} />}
    </>
  );
}

function Total({ label, value, tone }: { label: string; value: number; tone?: 'danger' }) {
  return (
    <div className={tone ? `import-totals__item import-totals__item--${tone}` : 'import-totals__item'}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function RowErrors({ errors }: { errors: readonly RegistryRowError[] }) {
  const shown = errors.slice(0, ERRORS_SHOWN);
  return (
    <section className="import-dialog__section">
      <h3>
        Problems <span className="muted">({errors.length})</span>
      </h3>
      <div className="import-dialog__errors">
        <table className="simple-table">
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e, i) => (
              <tr key={i}>
                <td className="mono">{e.row}</td>
                <td>{e.column || <span className="muted">whole row</span>}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {errors.length > shown.length && (
        <p className="muted">
          Showing the first {shown.length} of {errors.length} problems.
        </p>
      )}
    </section>
  );
}
