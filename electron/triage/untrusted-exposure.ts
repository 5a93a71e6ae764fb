import type { ChecklistRow, UntrustedExposure } from '../../shared/checklist';
import type { AgentDossier } from '../../shared/contract';
import { irreversibleActionsOf, itemPasses } from './checklist-facts';

/**
 * The agent's exposure to content from outside the organisation ("Comment and Control"): what it
 * reads, whether that content is scanned for injected instructions before the model sees it
 * (a scanner in code, or a person's attestation), and whether it can then act irreversibly with
 * no human review. Pure over the dossier and the evaluated checklist.
 */
export function untrustedExposureOf(d: AgentDossier, checklist: readonly ChecklistRow[]): UntrustedExposure {
  const rows = new Map(checklist.map((r) => [r.key, r]));
  const inputs = d.untrustedInputs.map((i) => ({ kind: i.kind, detail: i.detail, evidence: { text: i.tool ? `${i.detail} (in tool ${i.tool})` : i.detail, path: i.evidence.path, line: i.evidence.line } }));
  const scanners = d.guardrails.filter((g) => g.kind === 'injection-scan');
  const attested = rows.get('d30.untrusted-content-scanned')?.attestation;
  const scan: UntrustedExposure['scan'] =
    scanners.length > 0
      ? { by: 'code', evidence: scanners.map((g) => ({ text: g.detail, path: g.evidence.path, line: g.evidence.line })) }
      : attested && (attested.status === 'done' || attested.status === 'not-applicable')
        ? { by: 'attestation', evidence: [{ text: `${attested.by}, ${attested.at.slice(0, 10)}${attested.note ? `: ${attested.note}` : ''}` }] }
        : null;
  const irreversibleActions = irreversibleActionsOf(d).length;
  const humanReview = irreversibleActions > 0 && itemPasses(rows, 'h48.irreversible-reviewed');
  return { inputs, scan, irreversibleActions, humanReview, worst: inputs.length > 0 && irreversibleActions > 0 && scan === null && !humanReview };
}
