import { useId, useState, type ChangeEvent } from 'react';
import { messageOf } from '../../store/app-state';
import { useAppStore } from '../../store/store-context';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { ProgressBar } from '../../ui/ProgressBar';
import { readFileAsBase64 } from '../inventory/file-transfer';

const ACCEPTED = '.json,.zip,application/json,application/zip';

/** OSV advisories a person brings (one record, a list, or an ecosystem zip) join the curated set the app ships. */
export function AdvisoryImportDialog({ onClose }: { onClose: () => void }) {
  const importing = useAppStore((s) => s.advisoriesImporting);
  const cancelled = useAppStore((s) => s.advisoriesCancelled);
  const job = useAppStore((s) => (s.advisoriesJobId ? s.jobs[s.advisoriesJobId] : undefined));
  const error = useAppStore((s) => s.advisoriesError);
  const importAdvisories = useAppStore((s) => s.importAdvisories);
  const cancelImport = useAppStore((s) => s.cancelAdvisoryImport);
  const clearError = useAppStore((s) => s.clearAdvisoriesError);
  const [readError, setReadError] = useState<string | null>(null);
  const inputId = useId();

  const close = () => {
    clearError();
    onClose();
  };

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setReadError(null);
    clearError();
    let contentBase64: string;
    try {
      contentBase64 = await readFileAsBase64(file);
    } catch (err) {
      setReadError(messageOf(err));
      return;
    }
    if (await importAdvisories({ fileName: file.name, contentBase64 })) onClose();
  };

  return (
    <Dialog
      title="Import advisories"
      size="md"
      onClose={importing ? undefined : close}
      footer={importing ? <Button onClick={() => void cancelImport()}>Cancel import</Button> : <Button onClick={close}>Close</Button>}
    >
      <div className="advisory-import__file">
        <label htmlFor={inputId} className="field__label">
          OSV advisory file (JSON or zip)
        </label>
        <input id={inputId} type="file" accept={ACCEPTED} onChange={(e) => void chooseFile(e)} disabled={importing} />
        <p className="field__hint">
          One OSV record, a JSON list of records, or an OSV ecosystem export (e.g. PyPI.zip or npm.zip). Candidates whose locked package versions fall in an affected range
          show the advisory.
        </p>
      </div>
      {importing && (
        <div className="advisory-import__progress">
          <ProgressBar
            label="Advisory import progress"
            value={job?.progress.done ?? 0}
            max={job?.progress.total ?? 0}
            valueText={job && job.progress.total > 0 ? `${job.progress.done} of ${job.progress.total}` : 'Reading the file'}
          />
          <p className="muted">{job?.progress.message || 'Reading the advisories…'}</p>
        </div>
      )}
      {cancelled && <p className="muted">Import cancelled; no advisory was imported.</p>}
      {readError && <ErrorBanner>{readError}</ErrorBanner>}
      {error && <ErrorBanner title="Nothing was imported">{error}</ErrorBanner>}
    </Dialog>
  );
}
