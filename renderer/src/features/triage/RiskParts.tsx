import type { RiskScore } from '../../../../shared/checklist';
import { Badge } from '../../ui/Badge';
import { monitoringGapText, scoreText, sensitivityText, TIER_TONES, volumeText } from './triage-labels';

export function TierBadge({ risk }: { risk: Pick<RiskScore, 'tier' | 'score'> }) {
  return (
    <Badge tone={TIER_TONES[risk.tier]} title={`Priority ${risk.tier}: score ${scoreText(risk.score)}`}>
      {risk.tier}
    </Badge>
  );
}

export const irreversibleTitle = 'Irreversible actions (delete, production write, external communication, export, payment) without a human review step';

/** The score's parts side by side, each with the engine's reason as its tooltip. */
export function RiskParts({ risk }: { risk: RiskScore }) {
  return (
    <dl className="triage-risk" aria-label="Risk score">
      <div className="triage-risk__part">
        <dt>Priority</dt>
        <dd>
          <TierBadge risk={risk} /> <span className="triage-num">{scoreText(risk.score)}</span>
        </dd>
      </div>
      <div className="triage-risk__part" title={risk.sensitivityBecause}>
        <dt>Sensitivity</dt>
        <dd>{sensitivityText(risk)}</dd>
      </div>
      <div className="triage-risk__part" title={risk.monitoringBecause}>
        <dt>Monitoring gap</dt>
        <dd>{monitoringGapText(risk.monitoringGap)}</dd>
      </div>
      <div className="triage-risk__part" title={irreversibleTitle}>
        <dt>Irreversible, unreviewed</dt>
        <dd>{risk.irreversibleUnreviewed}</dd>
      </div>
      <div className="triage-risk__part" title="LLM requests per day over the imported period">
        <dt>Volume</dt>
        <dd>{volumeText(risk)}</dd>
      </div>
    </dl>
  );
}
