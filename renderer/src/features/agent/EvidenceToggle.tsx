import { useId, useState } from 'react';
import type { VerdictEvidence } from '../../../../shared/checklist';
import { locationText } from '../triage/triage-labels';

/** The evidence behind an answer or a verdict, one click away: closed by default so the page reads as a summary. */
export function EvidenceToggle({ label, evidence }: { label: string; evidence: readonly VerdictEvidence[] }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  // Nothing to open: the reason beside it already says what is missing.
  if (evidence.length === 0) return null;
  return (
    <div className="evidence-toggle">
      <button type="button" className="link-button evidence-toggle__button" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((o) => !o)}>
        {open ? 'Hide evidence' : `Show evidence (${evidence.length})`}
      </button>
      {open && <EvidenceList id={listId} label={`Evidence for ${label}`} evidence={evidence} />}
    </div>
  );
}

/** Evidence as text (imported text is never markup), with the file and line where it was seen. */
export function EvidenceList({ id, label, evidence }: { id?: string; label: string; evidence: readonly VerdictEvidence[] }) {
  return (
    <ul id={id} className="evidence-list" aria-label={label}>
      {evidence.map((e, i) => {
        const location = locationText(e);
        return (
          <li key={i}>
            <span className="evidence-list__text">{e.text}</span>
            {location && <code className="evidence-list__location">{location}</code>}
          </li>
        );
      })}
    </ul>
  );
}
