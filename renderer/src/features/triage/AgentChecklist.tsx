import { useState } from 'react';
import { CHECKLIST_ITEMS, CHECKLIST_PHASE_LABELS, CHECKLIST_PHASES, type ChecklistItemDefinition, type ChecklistRow } from '../../../../shared/checklist';
import { hrefOf } from '../../app/routes';
import { useAppStore } from '../../store/store-context';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Spinner } from '../../ui/Spinner';
import { AttestDialog } from './AttestDialog';
import { RiskParts } from './RiskParts';
import { ATTESTATION_LABELS, ATTESTATION_TONES, attestedAtText, locationText, VERDICT_LABELS, VERDICT_TONES } from './triage-labels';

const DEFINITIONS = new Map<string, ChecklistItemDefinition>(CHECKLIST_ITEMS.map((i) => [i.key, i]));

/** One agent's checklist by phase: the automatic verdict with its evidence, and a person's attestation beside it. */
export function AgentChecklist({ agentId }: { agentId: string }) {
  const shown = useAppStore((s) => (s.agentTriage?.agentId === agentId ? s.agentTriage : null));
  const name = useAppStore((s) => s.triageOverview.data?.find((r) => r.agentId === agentId)?.name);
  const owner = useAppStore((s) => s.triageOverview.data?.find((r) => r.agentId === agentId)?.owner);
  const reload = useAppStore((s) => s.loadAgentTriage);
  const [attesting, setAttesting] = useState<ChecklistRow | null>(null);
  const data = shown?.data ?? null;

  return (
    <section className="triage-agent" aria-labelledby="triage-agent-title">
      <nav className="triage-agent__nav" aria-label="Breadcrumb">
        <a href={hrefOf({ page: 'triage', agentId: null })}>← Priority list</a>
      </nav>
      <header className="triage-agent__header">
        <h2 id="triage-agent-title">{name ?? agentId}</h2>
        <span className="muted">{owner === undefined ? null : owner ? `Owner: ${owner}` : 'No owner'}</span>
        <a className="triage-agent__link" href={hrefOf({ page: 'agent', agentId })}>
          Open agent page
        </a>
      </header>
      {shown?.error && (
        <>
          <ErrorBanner title="Could not read the checklist">{shown.error}</ErrorBanner>
          <div>
            <Button onClick={() => void reload(agentId)}>Try again</Button>
          </div>
        </>
      )}
      {!data && !shown?.error && (
        <p className="muted triage__loading">
          <Spinner /> Evaluating the checklist…
        </p>
      )}
      {data && (
        <>
          <RiskParts risk={data.risk} />
          {CHECKLIST_PHASES.map((phase) => {
            const rows = data.checklist.filter((r) => DEFINITIONS.get(r.key)?.phase === phase);
            if (rows.length === 0) return null;
            return (
              <section key={phase} className="triage-phase" aria-labelledby={`phase-${phase}`}>
                <h3 id={`phase-${phase}`} className="triage-phase__title">
                  {CHECKLIST_PHASE_LABELS[phase]}
                </h3>
                <ul className="triage-items">
                  {rows.map((row) => (
                    <ChecklistItem key={row.key} row={row} onAttest={() => setAttesting(row)} />
                  ))}
                </ul>
              </section>
            );
          })}
        </>
      )}
      {attesting && <AttestDialog agentId={agentId} row={attesting} onClose={() => setAttesting(null)} />}
    </section>
  );
}

function ChecklistItem({ row, onAttest }: { row: ChecklistRow; onAttest: () => void }) {
  const definition = DEFINITIONS.get(row.key);
  const title = definition?.title ?? row.key;
  const titleId = `item-${row.key}`;
  return (
    <li className={row.conflict ? 'triage-item triage-item--conflict' : 'triage-item'} aria-labelledby={titleId}>
      <div className="triage-item__head">
        <Badge tone={VERDICT_TONES[row.verdict]}>{VERDICT_LABELS[row.verdict]}</Badge>
        <h4 id={titleId} className="triage-item__title" title={definition?.asks}>
          {title}
        </h4>
        <Button size="sm" variant="ghost" className="triage-item__attest" onClick={onAttest} aria-label={`Attest ${title}…`}>
          Attest…
        </Button>
      </div>
      {definition && <p className="triage-item__asks muted">{definition.asks}</p>}
      <p className="triage-item__because">{row.because}</p>
      {row.evidence.length > 0 && (
        <ul className="triage-evidence" aria-label={`Evidence for ${title}`}>
          {row.evidence.map((e, i) => {
            const location = locationText(e);
            return (
              <li key={i}>
                {e.text}
                {location && <code className="triage-evidence__location">{location}</code>}
              </li>
            );
          })}
        </ul>
      )}
      {row.conflict && (
        <p className="triage-item__conflict" role="note">
          Conflict: the automatic check fails, but a person attested it done. Both stand until the evidence or the attestation changes.
        </p>
      )}
      {row.attestation && (
        <div className="triage-attestation" aria-label={`Attestation for ${title}`}>
          <Badge tone={ATTESTATION_TONES[row.attestation.status]}>Attested: {ATTESTATION_LABELS[row.attestation.status]}</Badge>
          <span className="triage-attestation__by">
            by {row.attestation.by}, {attestedAtText(row.attestation.at)}
          </span>
          {row.attestation.note && <p className="triage-attestation__note">{row.attestation.note}</p>}
        </div>
      )}
    </li>
  );
}
