import { useId, useState, type ChangeEvent } from 'react';
import { messageOf } from '../../store/app-state';
import { useAppStore } from '../../store/store-context';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { readFileAsBase64 } from '../inventory/file-transfer';

const ACCEPTED = '.json,.zip,application/json,application/zip';

/** OSV advisories a person brings (one record, a list, or an ecosystem zip) join the curated set the app ships. */
export function AdvisoryImportDialog({ onClose }: { onClose: () => void }) {
  const importing = useAppStore((s) => s.advisoriesImporting);
  const error = useAppStore((s) => s.advisoriesError);
  const importAdvisories = useAppStore((s) => s.importAdvisories);
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
    <Dialog title="Import advisories" size="md" onClose={importing ? undefined : close} footer={<Button onClick={close} disabled={importing}>Close</Button>}>
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
      {importing && <p className="muted">Reading and matching the advisories…</p>}
      {readError && <ErrorBanner>{readError}</ErrorBanner>}
      {error && <ErrorBanner title="Nothing was imported">{error}</ErrorBanner>}
    </Dialog>
  );
}
