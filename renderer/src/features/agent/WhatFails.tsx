import type { ChecklistRow } from '../../../../shared/checklist';
import { CHECKLIST_PHASE_LABELS } from '../../../../shared/checklist';
import { hrefOf } from '../../app/routes';
import { Badge } from '../../ui/Badge';
import { VERDICT_LABELS, VERDICT_TONES } from '../triage/triage-labels';
import { EvidenceToggle } from './EvidenceToggle';
import { ProfileSection } from './ProfileSection';
import { definitionOf, failingRows, nextSteps } from './profile-model';

const checklistLink = (agentId: string) => (
  <a href={hrefOf({ page: 'triage', agentId })} className="profile-card__link">
    Open the checklist
  </a>
);

/** Failing checklist items with the engine's reason and the evidence behind it. */
export function WhatFails({ agentId, checklist }: { agentId: string; checklist: readonly ChecklistRow[] }) {
  const failing = failingRows(checklist);
  return (
    <ProfileSection title="What fails" action={checklistLink(agentId)}>
      {failing.length === 0 ? (
        <p className="muted">No checklist item fails{checklist.some((r) => r.verdict === 'unknown') ? '; some are still unknown (see What to do next)' : ''}.</p>
      ) : (
        <ul className="profile-items">
          {failing.map((row) => {
            const title = definitionOf(row.key)?.title ?? row.key;
            return (
              <li key={row.key} className="profile-item">
                <div className="profile-item__head">
                  <Badge tone={VERDICT_TONES[row.verdict]}>{row.verdict === 'fail' ? VERDICT_LABELS.fail : 'Attested not done'}</Badge>
                  <h3 className="profile-item__title">{title}</h3>
                </div>
                <p className="profile-item__because">{row.because}</p>
                <EvidenceToggle label={title} evidence={row.evidence} />
              </li>
            );
          })}
        </ul>
      )}
    </ProfileSection>
  );
}

/** The few items to work on first, with the phase they belong to. */
export function WhatToDoNext({ agentId, checklist }: { agentId: string; checklist: readonly ChecklistRow[] }) {
  const steps = nextSteps(checklist);
  return (
    <ProfileSection title="What to do next" action={checklistLink(agentId)}>
      {steps.length === 0 ? (
        <p className="muted">Nothing left: every item passes or a person settled it.</p>
      ) : (
        <ol className="profile-steps">
          {steps.map(({ row, phase, title }) => (
            <li key={row.key}>
              <div className="profile-item__head">
                <Badge tone={VERDICT_TONES[row.verdict]}>{VERDICT_LABELS[row.verdict]}</Badge>
                <span className="profile-steps__title">{title}</span>
                <span className="profile-steps__phase">{CHECKLIST_PHASE_LABELS[phase].split(':')[0]}</span>
              </div>
              <p className="profile-steps__how">{row.because}</p>
            </li>
          ))}
        </ol>
      )}
    </ProfileSection>
  );
}
