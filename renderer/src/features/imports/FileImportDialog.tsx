import { useEffect, useId, useState, type ChangeEvent } from 'react';
import type { ImportIssue, ImportPreview, ImportRecord } from '../../../../shared/contract';
import { navigate } from '../../app/routes';
import { messageOf } from '../../store/app-state';
import { blockingErrors, canImport, canSkipInvalidRows } from '../../store/file-imports-slice';
import { useAppStore } from '../../store/store-context';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { formatDateTime } from '../../ui/format-date';
import { ProgressBar } from '../../ui/ProgressBar';
import { readFileAsBase64 } from '../inventory/file-transfer';
import { Spinner } from '../../ui/Spinner';
import './file-import.css';
import { ManifestPreview } from './ManifestPreview';
import { RegistryPreview } from './RegistryPreview';

/** Warnings beyond this are folded away so the counts stay in view. */
const WARNINGS_OPEN = 5;
const ISSUES_SHOWN = 500;

/**
 * The one Import dialog for every format the pipeline reads (cloud IAM exports, the registry,
 * advisories): choose files, check what each says against the console (a registry file row by
 * row, with the explicit choice to leave out its rows with errors), import all of them in one
 * transaction as a cancellable job. Every Import button and menu item opens this dialog.
 */
export function FileImportDialog() {
  const phase = useAppStore((s) => s.fileImportPhase);
  const previews = useAppStore((s) => s.fileImportPreviews);
  const error = useAppStore((s) => s.fileImportError);
  const records = useAppStore((s) => s.fileImportRecords);
  const chosen = useAppStore((s) => s.fileImportFiles);
  const skipInvalid = useAppStore((s) => s.fileImportSkipInvalid);
  const setSkipInvalid = useAppStore((s) => s.setFileImportSkipInvalid);
  const job = useAppStore((s) => (s.fileImportJobId ? s.jobs[s.fileImportJobId] : undefined));
  const preview = useAppStore((s) => s.previewFileImport);
  const run = useAppStore((s) => s.runFileImport);
  const cancel = useAppStore((s) => s.cancelFileImport);
  const close = useAppStore((s) => s.closeFileImport);
  const loadImports = useAppStore((s) => s.loadImports);
  const [readError, setReadError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const inputId = useId();

  useEffect(() => {
    void loadImports();
  }, [loadImports]);

  const importing = phase === 'importing';
  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    // Cleared so that choosing the same, corrected file again still fires a change.
    event.target.value = '';
    if (files.length === 0) return;
    setReadError(null);
    setReading(true);
    try {
      const uploaded = await Promise.all(files.map(async (f) => ({ fileName: f.name, contentBase64: await readFileAsBase64(f) })));
      await preview(uploaded);
    } catch (err) {
      setReadError(messageOf(err));
    } finally {
      setReading(false);
    }
  };

  // A registry file whose bad rows can be skipped says so beside its own choice.
  const withErrors = previews?.filter((p) => blockingErrors(p, skipInvalid) > 0 && !(p.registry && canSkipInvalidRows(p.registry))).length ?? 0;
  const ready = canImport(previews, skipInvalid);
  const openBlastRadius = () => {
    close();
    void navigate({ page: 'blast-radius', tab: 'agents', subject: null });
  };

  return (
    <Dialog
      title="Import files"
      size="lg"
      onClose={importing ? undefined : close}
      footer={
        importing ? (
          <Button onClick={() => void cancel()}>Cancel import</Button>
        ) : phase === 'succeeded' ? (
          <>
            <Button onClick={close}>Close</Button>
            <Button variant="primary" onClick={openBlastRadius}>
              Open blast radius
            </Button>
          </>
        ) : (
          <>
            <Button onClick={close}>Close</Button>
            <Button variant="primary" disabled={!ready || phase === 'previewing' || reading} onClick={() => void run()}>
              {previews && previews.length > 1 ? `Import ${previews.length} files` : 'Import'}
            </Button>
          </>
        )
      }
    >
      {importing && (
        <div className="file-import__progress">
          <ProgressBar label="Import progress" value={job?.progress.done ?? 0} max={job?.progress.total ?? 0} valueText={job ? `${job.progress.done} of ${job.progress.total}` : 'Starting'} />
          <p className="muted">{job?.progress.message || 'Starting the import…'}</p>
        </div>
      )}
      {phase !== 'succeeded' && !importing && (
        <div className="file-import__choose">
          <label htmlFor={inputId} className="field__label">
            Files to import
          </label>
          <input id={inputId} type="file" multiple onChange={(e) => void choose(e)} disabled={importing || reading || phase === 'previewing'} />
          <p className="field__hint">
            AWS authorization details and credential reports, GCP IAM policies, service accounts and keys, Azure role assignments, Kubernetes RBAC, LLM usage (OpenAI usage and costs, Anthropic usage and cost reports,
            LiteLLM spend logs, OpenTelemetry GenAI traces), productive units (CSV: Agent, Unit, From, To, Count), the agent registry (CSV/XLSX), an agents manifest (YAML, shown as its difference from the workspace) and OSV advisories. The format is read from the content. Importing a file for the same account again replaces that import, and usage
            already imported is never counted twice; decisions people made stay.
          </p>
        </div>
      )}

      {(reading || phase === 'previewing') && (
        <p className="file-import__busy" role="status">
          <Spinner /> Reading and checking {chosen.length > 1 ? `${chosen.length} files` : 'the file'}…
        </p>
      )}
      {readError && <ErrorBanner>{readError}</ErrorBanner>}
      {error && <ErrorBanner title={phase === 'failed' && previews ? 'The import failed; nothing was written' : 'The files could not be read'}>{error}</ErrorBanner>}
      {phase === 'cancelled' && <p className="muted">Import cancelled; nothing was written.</p>}

      {phase === 'succeeded' && records ? (
        <ImportedRecords records={records} />
      ) : (
        previews && (
          <>
            {withErrors > 0 && (
              <p className="file-import__blocked" role="alert">
                {withErrors === 1 ? 'One file has' : `${withErrors} files have`} errors. Fix {withErrors === 1 ? 'it' : 'them'} and choose the files again; every file is imported together or none is.
              </p>
            )}
            {previews.map((p, i) => (
              <FilePreview
                key={`${p.fileName}#${i}`}
                preview={p}
                skipInvalid={skipInvalid[p.fileName] === true}
                disabled={importing}
                onSkipInvalidChange={(skip) => setSkipInvalid(p.fileName, skip)}
              />
            ))}
          </>
        )
      )}

      <ImportHistory />
    </Dialog>
  );
}

/** The engine's count keys are identifiers ("inlinePolicies", "dataSources"); a person reads "inline policies". */
function countKindLabel(kind: string): string {
  return kind.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** What a cloud export describes; null for files that describe no account (registry sheets, advisories, unknown files). */
function scopeLabel(p: Pick<ImportPreview, 'provider' | 'scope'>): string | null {
  if (p.provider === null) return null;
  if (!p.scope) return 'Account, project or cluster not stated in the file';
  switch (p.provider) {
    case 'aws':
      return `AWS account ${p.scope}`;
    case 'gcp':
      return `GCP project ${p.scope}`;
    case 'azure':
      return `Azure tenant ${p.scope}`;
    case 'kubernetes':
      return `Cluster ${p.scope}`;
    default:
      return p.scope;
  }
}

function FilePreview({
  preview,
  skipInvalid,
  disabled,
  onSkipInvalidChange,
}: {
  preview: ImportPreview;
  skipInvalid: boolean;
  disabled: boolean;
  onSkipInvalidChange: (skip: boolean) => void;
}) {
  const titleId = useId();
  const { registry, manifest } = preview;
  // A registry file's counts, errors and warnings are in its rows; a manifest's counts are its diff's totals.
  const counts = registry || manifest ? [] : Object.entries(preview.counts);
  const hasErrors = preview.errors.length > 0;
  const skipping = hasErrors && blockingErrors(preview, { [preview.fileName]: skipInvalid }) === 0;
  const skipped = registry?.invalidRows.length ?? 0;
  return (
    <section className={hasErrors && !skipping ? 'file-preview file-preview--errors' : 'file-preview'} aria-labelledby={titleId}>
      <header className="file-preview__head">
        <h3 id={titleId} className="file-preview__name">
          {preview.fileName}
        </h3>
        <Badge tone="accent">{preview.formatLabel}</Badge>
        {scopeLabel(preview) !== null && <span className="muted">{scopeLabel(preview)}</span>}
        {skipping ? (
          <Badge tone="neutral">{`Skipping ${skipped} ${skipped === 1 ? 'row' : 'rows'}`}</Badge>
        ) : hasErrors ? (
          <Badge tone="danger">{`${preview.errors.length} ${preview.errors.length === 1 ? 'error' : 'errors'}`}</Badge>
        ) : (
          <Badge tone="success">Ready</Badge>
        )}
      </header>
      {preview.replaces && (
        <p className="file-preview__replaces">
          Replaces the import of <strong>{preview.replaces.fileName}</strong> from {formatDateTime(preview.replaces.importedAt)} (by {preview.replaces.actor}); its facts go, decisions stay.
        </p>
      )}
      {counts.length > 0 && (
        <table className="simple-table file-preview__counts" aria-label={`What ${preview.fileName} contains`}>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Count</th>
            </tr>
          </thead>
          <tbody>
            {counts.map(([kind, count]) => (
              <tr key={kind}>
                <td>{countKindLabel(kind)}</td>
                <td className="file-preview__count">{count.toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {manifest && <ManifestPreview fileName={preview.fileName} diff={manifest} />}
      {registry && <RegistryPreview preview={registry} skipInvalid={skipInvalid} disabled={disabled} onSkipInvalidChange={onSkipInvalidChange} />}
      {!registry && hasErrors && <Issues title="Errors" issues={preview.errors} fileName={preview.fileName} />}
      {!registry &&
        preview.warnings.length > 0 &&
        (preview.warnings.length > WARNINGS_OPEN ? (
          <details className="file-preview__warnings">
            <summary>{preview.warnings.length} warnings (the import goes on; these were read but not understood)</summary>
            <Issues title="Warnings" issues={preview.warnings} fileName={preview.fileName} hideTitle />
          </details>
        ) : (
          <Issues title="Warnings" issues={preview.warnings} fileName={preview.fileName} />
        ))}
    </section>
  );
}

function Issues({ title, issues, fileName, hideTitle }: { title: string; issues: readonly ImportIssue[]; fileName: string; hideTitle?: boolean }) {
  const shown = issues.slice(0, ISSUES_SHOWN);
  return (
    <div className="file-preview__issues">
      {!hideTitle && (
        <h4>
          {title} <span className="muted">({issues.length})</span>
        </h4>
      )}
      <div className="file-preview__issues-scroll">
        <table className="simple-table" aria-label={`${title} in ${fileName}`}>
          <thead>
            <tr>
              <th scope="col">Where</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((issue, i) => (
              <tr key={i}>
                <td className="mono">{issue.position || 'whole file'}</td>
                <td>{issue.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {issues.length > shown.length && (
        <p className="muted">
          Showing the first {shown.length} of {issues.length}.
        </p>
      )}
    </div>
  );
}

function ImportedRecords({ records }: { records: readonly ImportRecord[] }) {
  return (
    <section className="file-import__done" aria-label="Imported files">
      <p role="status">
        <strong>
          Imported {records.length} {records.length === 1 ? 'file' : 'files'}.
        </strong>{' '}
        The blast radius now reads from them.
      </p>
      <RecordsTable records={records} label="Imported files" />
    </section>
  );
}

function RecordsTable({ records, label }: { records: readonly ImportRecord[]; label: string }) {
  return (
    <table className="simple-table file-import__records" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">File</th>
          <th scope="col">Format</th>
          <th scope="col">Scope</th>
          <th scope="col">Counts</th>
          <th scope="col">When</th>
        </tr>
      </thead>
      <tbody>
        {records.map((r) => (
          <tr key={r.id}>
            <td>{r.fileName}</td>
            <td>{r.formatLabel}</td>
            <td className="mono">{r.scope || '—'}</td>
            <td>
              {Object.entries(r.counts)
                .map(([k, v]) => `${v} ${countKindLabel(k)}`)
                .join(', ')}
              {r.warnings > 0 && <span className="muted"> · {r.warnings} warnings</span>}
            </td>
            <td>
              <time dateTime={r.importedAt}>{formatDateTime(r.importedAt)}</time> <span className="muted">by {r.actor}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What was imported before into this workspace: the provenance a reviewer checks. */
function ImportHistory() {
  const imports = useAppStore((s) => s.imports);
  const error = useAppStore((s) => s.importsError);
  if (error) return <p className="muted">Earlier imports could not be listed: {error}</p>;
  if (!imports) return null;
  return (
    <details className="file-import__history">
      <summary>Imports in this workspace ({imports.length})</summary>
      {imports.length === 0 ? <p className="muted">Nothing imported yet.</p> : <RecordsTable records={imports} label="Imports in this workspace" />}
    </details>
  );
}
