import { useAppStore } from '../../store/store-context';
import { ProgressBar } from '../../ui/ProgressBar';
import './exports.css';

/** The workspace export in flight (there is one at a time): its bar, and what the job says it is doing. */
export function ExportJobProgress({ label }: { label: string }) {
  const job = useAppStore((s) => (s.workspaceExportJob ? s.jobs[s.workspaceExportJob] : undefined));
  return (
    <div className="exports__progress">
      <ProgressBar label={label} value={job?.progress.done ?? 0} max={job?.progress.total ?? 0} valueText={job?.progress.message} />
      <span className="muted">{job?.progress.message || 'Starting…'}</span>
    </div>
  );
}
