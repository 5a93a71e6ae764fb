import { useState, type FormEvent } from 'react';
import type { ScanCounters, ScanSummary } from '../../../../shared/discovery';
import { useAppStore } from '../../store/store-context';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { TextField } from '../../ui/fields';
import { ProgressBar } from '../../ui/ProgressBar';
import { CAPABILITY_LABELS } from './discovery-labels';
import { formatDateTime } from '../../ui/format-date';
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
  const roots = useAppStore((s) => s.scanRoots);
  const addScannedRoots = useAppStore((s) => s.addScannedRoots);
  if (!scans || scans.length === 0) return null;
  const latest = scans[0];
  const unlisted = scans.filter((s) => !roots.includes(s.root)).length;
  return (
    <div className="scan-history">
      <details className="scan-history__details">
        <summary>
          Latest scans: {plural(scans.length, 'folder')}
          {latest && <span className="muted">, the last on {formatDateTime(latest.finishedAt)}</span>}
        </summary>
        <ScanResults scans={scans} title="Latest scans" hideTitle />
      </details>
      {unlisted > 0 && (
        <Button size="sm" variant="ghost" className="scan-history__reuse" onClick={addScannedRoots}>
          {unlisted === 1 ? 'List that folder again' : `List those ${unlisted} folders again`}
        </Button>
      )}
    </div>
  );
}

function ScanProgress() {
  const job = useAppStore((s) => (s.scanJobId ? s.jobs[s.scanJobId] : undefined));
  const cancelScan = useAppStore((s) => s.cancelScan);
  const jobId = useAppStore((s) => s.scanJobId);
  const progress = job?.progress;
  const counters = liveScanCounters(progress);
  // The engine counts progress in folders; nobody knows a folder's file count before walking it,
  // so one folder is shown as ongoing work with live counters rather than a bar stuck at 0%.
  const folders = progress?.total ?? 0;
  const done = progress?.done ?? 0;
  const determinate = folders > 1;

  return (
    <div className="scan-progress" aria-label="Scan in progress" role="group">
      <div className="scan-progress__head">
        <strong>{determinate ? `Scanning folder ${Math.min(done + 1, folders)} of ${folders}…` : 'Scanning…'}</strong>
        <Button onClick={() => void cancelScan()} disabled={!jobId}>
          Cancel scan
        </Button>
      </div>
      <ProgressBar
        label="Scan progress"
        value={determinate ? done : 0}
        max={determinate ? folders : 0}
        valueText={counters ? `${counters.filesRead.toLocaleString()} files read, ${counters.candidates.toLocaleString()} candidates found` : 'Starting'}
      />
      {counters && <CounterList counters={counters} />}
      <p className="muted scan-progress__message" title={progress?.message}>
        {progress?.message || 'Starting the scan…'}
      </p>
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

/**
 * What a scan found: one line for what changed since the previous scan, with the names, then one
 * row of counters per folder and, folded away, the files that could not be analysed.
 */
export function ScanResults({ scans, title = 'Scan finished', hideTitle = false }: { scans: readonly ScanSummary[]; title?: string; hideTitle?: boolean }) {
  const added = scans.flatMap((s) => s.changes.added);
  const removed = scans.flatMap((s) => s.changes.removed);
  const changed = scans.flatMap((s) => s.changes.changed);
  const warnings = scans.flatMap((s) => s.warnings.map((w) => ({ ...w, label: s.label })));
  return (
    <div className="scan-results" role="region" aria-label={title}>
      <h2 className={hideTitle ? 'visually-hidden' : 'scan-results__title'}>{title}</h2>
      <p className="scan-results__changes">
        {scans.every((s) => s.previousScanAt === null)
          ? 'First scan of these folders: every candidate below is new to the review queue.'
          : `Since the last scan: ${added.length} new, ${removed.length} removed, ${changed.length} changed`}
      </p>
      {(added.length > 0 || removed.length > 0 || changed.length > 0) && (
        <ul className="scan-results__change-list">
          {added.length > 0 && (
            <li>
              <Badge tone="accent">New</Badge> {added.join(', ')}
            </li>
          )}
          {removed.length > 0 && (
            <li>
              <Badge tone="muted">Removed</Badge> {removed.join(', ')}
            </li>
          )}
          {changed.map((c, i) => (
            <li key={i}>
              <Badge tone="warning">Changed</Badge> {c.name}
              {c.addedCapabilities.length > 0 && <span className="muted"> · now {c.addedCapabilities.map((k) => CAPABILITY_LABELS[k]).join(', ')}</span>}
              {c.removedCapabilities.length > 0 && <span className="muted"> · no longer {c.removedCapabilities.map((k) => CAPABILITY_LABELS[k]).join(', ')}</span>}
            </li>
          ))}
        </ul>
      )}
      <table className="simple-table scan-results__table">
        <thead>
          <tr>
            <th scope="col">Folder</th>
            <th scope="col" className="num">
              Files read
            </th>
            <th scope="col">Skipped</th>
            <th scope="col" className="num">
              Candidates
            </th>
            <th scope="col">Since the last scan</th>
            <th scope="col">Finished</th>
          </tr>
        </thead>
        <tbody>
          {scans.map((scan) => (
            <tr key={scan.root}>
              <th scope="row" className="scan-results__folder">
                <span className="scan-results__label">{scan.label}</span>{' '}
                <span className="mono muted scan-results__root" title={scan.root}>
                  {scan.root}
                </span>
              </th>
              <td className="num">{scan.counters.filesRead.toLocaleString()}</td>
              <td>
                {skippedTotal(scan.counters).toLocaleString()}
                {skippedTotal(scan.counters) > 0 && <span className="muted"> ({skippedBreakdown(scan.counters, { nonZeroOnly: true })})</span>}
              </td>
              <td className="num">{scan.counters.candidates.toLocaleString()}</td>
              <td>{scan.previousScanAt === null ? 'first scan' : `${scan.changes.added.length} new, ${scan.changes.removed.length} removed, ${scan.changes.changed.length} changed`}</td>
              <td className="muted">
                <time dateTime={scan.finishedAt}>{formatDateTime(scan.finishedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {warnings.length > 0 && (
        <details className="scan-results__warnings">
          <summary>{plural(warnings.length, 'file')} could not be analysed</summary>
          <ul>
            {warnings.map((w, i) => (
              <li key={i}>
                <span className="mono">
                  {scans.length > 1 ? `${w.label}/` : ''}
                  {w.path}
                </span>
                : {w.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
