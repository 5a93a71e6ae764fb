import type { ChecklistRow, UntrustedExposure } from '../../../../shared/checklist';
import { Badge } from '../../ui/Badge';
import { EvidenceList, EvidenceToggle } from './EvidenceToggle';
import { ProfileSection } from './ProfileSection';

/** Outside content the agent reads, whether it is scanned for injected instructions, and whether it could then act irreversibly unreviewed. */
export function ExposureCard({ exposure, checklist }: { exposure: UntrustedExposure; checklist: readonly ChecklistRow[] }) {
  const scanned = checklist.find((r) => r.key === 'd30.untrusted-content-scanned');
  return (
    <ProfileSection title="Untrusted exposure">
      {exposure.worst && (
        <p className="profile-alert" role="note">
          Worst combination: it reads outside content, can act irreversibly ({exposure.irreversibleActions} {exposure.irreversibleActions === 1 ? 'action' : 'actions'}), and neither a scan for injected instructions nor a human review stands in between.
        </p>
      )}
      {exposure.inputs.length === 0 ? (
        <p className="muted">{scanned?.because ?? 'No outside content was found among its inputs.'}</p>
      ) : (
        <>
          <EvidenceList label="Outside content it reads" evidence={exposure.inputs.map((i) => ({ ...i.evidence, text: `${i.kind}: ${i.evidence.text}` }))} />
          <dl className="profile-facts">
            <div>
              <dt>Scanned for injected instructions</dt>
              <dd>
                {exposure.scan ? (
                  <>
                    <Badge tone="success">{exposure.scan.by === 'code' ? 'Scanned in code' : 'Attested'}</Badge>
                    <EvidenceToggle label="the scan" evidence={exposure.scan.evidence} />
                  </>
                ) : (
                  <Badge tone="danger">Not scanned</Badge>
                )}
              </dd>
            </div>
            <div>
              <dt>Irreversible actions</dt>
              <dd>
                {exposure.irreversibleActions === 0 ? (
                  'none found'
                ) : (
                  <>
                    {exposure.irreversibleActions}, <Badge tone={exposure.humanReview ? 'success' : 'danger'}>{exposure.humanReview ? 'human review' : 'no human review'}</Badge>
                  </>
                )}
              </dd>
            </div>
          </dl>
        </>
      )}
    </ProfileSection>
  );
}
