import { IRREVERSIBLE_ACTION_LABELS, REVIEW_STATUS_LABELS, type IrreversibleAction, type IrreversibleRegisterRow, type ReviewStatus } from '../../../../shared/answer-card';
import { hrefOf } from '../../app/routes';
import type { BadgeTone } from '../../ui/Badge';
import { Badge } from '../../ui/Badge';
import { EvidenceToggle } from '../agent/EvidenceToggle';
import { locationText } from './triage-labels';

export const REVIEW_STATUS_TONES: Record<ReviewStatus, BadgeTone> = { unreviewed: 'danger', attested: 'accent', 'reviewed-in-code': 'success' };

type Row = IrreversibleAction & Partial<Pick<IrreversibleRegisterRow, 'agentId' | 'agentName' | 'owner'>>;

/** Irreversible actions with their review: one agent's on its profile, every agent's in the register (withAgent). */
export function IrreversibleTable({ label, rows, withAgent = false }: { label: string; rows: readonly Row[]; withAgent?: boolean }) {
  return (
    <div className="irreversible-table__scroll">
      <table className="irreversible-table" aria-label={label}>
        <thead>
          <tr>
            {withAgent && (
              <th scope="col" className="irreversible-table__agent">
                Agent
              </th>
            )}
            <th scope="col">Action</th>
            <th scope="col">Where</th>
            <th scope="col">Human review</th>
            <th scope="col">Evidence</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const location = locationText(r.where);
            return (
              <tr key={`${r.agentId ?? ''}:${r.kind}:${r.detail}:${location ?? r.where.text}:${i}`} className={r.reviewStatus === 'unreviewed' ? 'irreversible-table__row--unreviewed' : undefined}>
                {withAgent && r.agentId && (
                  <td>
                    <a href={hrefOf({ page: 'agent', agentId: r.agentId })}>{r.agentName}</a>
                    <span className="irreversible-table__owner">{r.owner ?? 'no owner'}</span>
                  </td>
                )}
                <td>
                  <span className="irreversible-table__kind">{IRREVERSIBLE_ACTION_LABELS[r.kind]}</span>
                  <span className="irreversible-table__detail">{r.detail}</span>
                  {r.tool && <span className="irreversible-table__tool">in tool {r.tool}</span>}
                </td>
                <td>
                  {location ? <code className="irreversible-table__where">{location}</code> : <span className="irreversible-table__where">{r.where.text}</span>}
                  {location && r.where.text !== r.detail && <span className="irreversible-table__snippet">{r.where.text}</span>}
                </td>
                <td>
                  <Badge tone={REVIEW_STATUS_TONES[r.reviewStatus]}>{REVIEW_STATUS_LABELS[r.reviewStatus]}</Badge>
                  {r.conflict && (
                    <span className="irreversible-table__conflict" title="A person attested the review, but no review step was found in its code">
                      conflicts with the automatic check
                    </span>
                  )}
                </td>
                <td>
                  {r.reviewStatus === 'unreviewed' ? (
                    <span className="irreversible-table__missing">No approval step in code and no attestation.</span>
                  ) : (
                    <EvidenceToggle label={`${IRREVERSIBLE_ACTION_LABELS[r.kind]} ${r.detail}`} evidence={r.reviewEvidence} />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
