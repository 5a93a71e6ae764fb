import { useState, type FormEvent } from 'react';
import type { ScanCounters, ScanSummary } from '../../../../shared/discovery';
import { useAppStore } from '../../store/store-context';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { TextField } from '../../ui/fields';
import { ProgressBar } from '../../ui/ProgressBar';
import { CAPABILITY_LABELS } from './discovery-labels';
import { liveScanCounters, plural, skippedBreakdown, skippedTotal } from './scan-progress';

/** Folders to scan, the Scan button, the running scan's progress and what the scan found. */
export function ScanPanel() {
  const roots = useAppStore((s) => s.scanRoots);
  const phase = useAppStore((s) => s.scanPhase);
  const addScanRoot = useAppStore((s) => s.addScanRoot);
  const removeScanRoot = useAppStore((s) => s.removeScanRoot);
  const runScan = useAppStore((s) => s.runScan);
  const [folder, setFolder] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const scanning = phase === 'scanning';

  const addFolder = (event: FormEvent) => {
    event.preventDefault();
    const refused = addScanRoot(folder);
    setProblem(refused);
    if (refused === null) setFolder('');
  };

  return (
    <section className="scan-panel" aria-label="Scan folders">
      <form className="scan-panel__add" onSubmit={addFolder} noValidate>
        <TextField
          className="scan-panel__folder"
          label="Folder to scan"
          value={folder}
          onChange={(value) => {
            setFolder(value);
            if (problem) setProblem(null);
          }}
          error={problem}
          hint="An absolute path on this computer: one repository, or a folder holding many. Nothing in it is run."
          placeholder="/home/you/repos/payments"
          spellCheck={false}
          autoComplete="off"
          disabled={scanning}
        />
        <Button type="submit" disabled={scanning}>
          Add folder
        </Button>
      </form>

      {roots.length > 0 && (
        <ul className="scan-panel__roots" aria-label="Folders to scan">
          {roots.map((root) => (
            <li key={root} className="scan-panel__root">
              <span className="mono scan-panel__path" title={root}>
                {root}
              </span>
              <Button size="sm" variant="ghost" onClick={() => removeScanRoot(root)} disabled={scanning} aria-label={`Remove ${root}`}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}

      {!scanning && (
        <div className="scan-panel__run">
          <Button variant="primary" onClick={() => void runScan()} disabled={roots.length === 0}>
            Scan
          </Button>
          <span className="muted">{roots.length === 0 ? 'Add at least one folder to scan.' : `${plural(roots.length, 'folder')} will be scanned.`}</span>
        </div>
      )}

      <ScanStatus />
    </section>
  );
}

function ScanStatus() {
  const phase = useAppStore((s) => s.scanPhase);
  const error = useAppStore((s) => s.scanError);
  const result = useAppStore((s) => s.scanResult);

  switch (phase) {
    case 'scanning':
      return <ScanProgress />;
    case 'cancelled':
      return (
        <p className="scan-panel__note" role="status">
          Scan cancelled; the workspace was left as it was.
        </p>
      );
    case 'failed':
      return <ErrorBanner title="The scan failed; the workspace was left as it was">{error}</ErrorBanner>;
    case 'succeeded':
      return result ? <ScanResults scans={result} /> : null;
    case 'idle':
      return <LatestScans />;
  }
}

/** Before anything was scanned from this page: what the workspace's earlier scans found, folded away. */
function LatestScans() {
  const scans = useAppStore((s) => s.candidateList?.scans);
  if (!scans || scans.length === 0) return null;
  const latest = scans[0];
  return (
    <details className="scan-history">
      <summary>
        Latest scans: {plural(scans.length, 'folder')}
        {latest && <span className="muted">, the last on {new Date(latest.finishedAt).toLocaleString()}</span>}
      </summary>
      <ScanResults scans={scans} title="Latest scans" />
    </details>
  );
}

function ScanProgress() {
  const job = useAppStore((s) => (s.scanJobId ? s.jobs[s.scanJobId] : undefined));
  const cancelScan = useAppStore((s) => s.cancelScan);
  const jobId = useAppStore((s) => s.scanJobId);
  const progress = job?.progress;
  const counters = liveScanCounters(progress);
  const done = progress?.done ?? 0;
  const total = progress?.total ?? 0;

  return (
    <div className="scan-progress" aria-label="Scan in progress" role="group">
      <div className="scan-progress__head">
        <strong>Scanning…</strong>
        <Button onClick={() => void cancelScan()} disabled={!jobId}>
          Cancel scan
        </Button>
      </div>
      <ProgressBar label="Scan progress" value={done} max={total} valueText={total > 0 ? `${done.toLocaleString()} of ${total.toLocaleString()} files` : 'Listing files'} />
      {counters ? (
        <CounterList counters={counters} />
      ) : (
        <p className="scan-progress__counts">{total > 0 ? `${done.toLocaleString()} of ${total.toLocaleString()} files` : 'Listing files…'}</p>
      )}
      <p className="muted scan-progress__message">{progress?.message || 'Starting the scan…'}</p>
    </div>
  );
}

function CounterList({ counters }: { counters: ScanCounters }) {
  return (
    <dl className="scan-counters">
      <div>
        <dt>Files read</dt>
        <dd>{counters.filesRead.toLocaleString()}</dd>
      </div>
      <div title={skippedBreakdown(counters)}>
        <dt>Skipped</dt>
        <dd>
          {skippedTotal(counters).toLocaleString()} <span className="scan-counters__detail">({skippedBreakdown(counters)})</span>
        </dd>
      </div>
      <div>
        <dt>Candidates found</dt>
        <dd>{counters.candidates.toLocaleString()}</dd>
      </div>
    </dl>
  );
}

/** One summary per scanned folder: counters, what changed since the previous scan, files that could not be analysed. */
export function ScanResults({ scans, title = 'Scan finished' }: { scans: readonly ScanSummary[]; title?: string }) {
  return (
    <div className="scan-results" role="region" aria-label={title}>
      <h2 className="scan-results__title">{title}</h2>
      {scans.map((scan) => (
        <ScanSummaryCard key={scan.root} scan={scan} />
      ))}
    </div>
  );
}

function ScanSummaryCard({ scan }: { scan: ScanSummary }) {
  const { added, removed, changed } = scan.changes;
  return (
    <article className="scan-summary" aria-label={`Scan of ${scan.label}`}>
      <header className="scan-summary__head">
        <strong>{scan.label}</strong>
        <span className="mono muted scan-summary__root" title={scan.root}>
          {scan.root}
        </span>
        <time className="muted scan-summary__time" dateTime={scan.finishedAt}>
          {new Date(scan.finishedAt).toLocaleString()}
        </time>
      </header>
      <CounterList counters={scan.counters} />
      <p className="scan-summary__changes">
        Since the last scan: {added.length} new, {removed.length} removed, {changed.length} changed
      </p>
      {(added.length > 0 || removed.length > 0 || changed.length > 0) && (
        <ul className="scan-summary__change-list">
          {added.length > 0 && (
            <li>
              <span className="scan-summary__change-kind">New:</span> {added.join(', ')}
            </li>
          )}
          {removed.length > 0 && (
            <li>
              <span className="scan-summary__change-kind">Removed:</span> {removed.join(', ')}
            </li>
          )}
          {changed.map((c) => (
            <li key={c.name}>
              <span className="scan-summary__change-kind">Changed:</span> {c.name}
              {c.addedCapabilities.length > 0 && <span> (now {c.addedCapabilities.map((k) => CAPABILITY_LABELS[k]).join(', ')})</span>}
              {c.removedCapabilities.length > 0 && <span> (no longer {c.removedCapabilities.map((k) => CAPABILITY_LABELS[k]).join(', ')})</span>}
            </li>
          ))}
        </ul>
      )}
      {scan.warnings.length > 0 && (
        <details className="scan-summary__warnings">
          <summary>{plural(scan.warnings.length, 'file')} could not be analysed</summary>
          <ul>
            {scan.warnings.map((w, i) => (
              <li key={i}>
                <span className="mono">{w.path}</span>: {w.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}
