import type { Answer, AnswerCard } from '../../shared/answer-card';
import type { ChecklistItemKey, ChecklistRow, UntrustedExposure, VerdictEvidence } from '../../shared/checklist';
import { CHECKLIST_ITEMS } from '../../shared/checklist';
import type { AgentDossier } from '../../shared/contract';
import type { GuardrailKind } from '../../shared/discovery';
import { itemPasses } from './checklist-facts';

/**
 * The four questions of DESIGN.md's "Done" phase, answered from the dossier and the evaluated
 * checklist (with a person's attestations): what it can access, what it is prevented from doing,
 * who owns it, how a failure would be noticed within five minutes. An answer is given only from
 * facts or a person's word; a missing fact is a gap saying where it would come from, never a pass.
 * Pure, so the profile, the overview's done measure and the report agree.
 */

type Rows = ReadonlyMap<string, ChecklistRow>;

const TITLES = new Map<string, string>(CHECKLIST_ITEMS.map((i) => [i.key, i.title]));
const titleOf = (key: ChecklistItemKey) => TITLES.get(key) ?? key;
const answer = (summary: string, gaps: string[], evidence: VerdictEvidence[]): Answer => ({ answered: gaps.length === 0, summary, gaps, evidence });
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function accessAnswer(d: AgentDossier): Answer {
  const linked = d.credentials.links.length > 0;
  const recorded = d.agent.dataAccess;
  const reach = d.blastRadius;
  const evidence: VerdictEvidence[] = [
    ...reach.worstPaths.map((p) => ({ text: `${p.credential} → ${p.dataSourceName} (${p.environment}, ${p.sensitivity}): ${p.access}${p.conditional ? ', conditional' : ''}` })),
    ...recorded.map((x) => ({ text: `registry: ${x.source}: ${x.access}` })),
  ];
  const written = recorded.filter((x) => x.access === 'write').length;
  const registryText = recorded.length > 0 ? `The registry records ${plural(recorded.length, 'data source')}${written > 0 ? ` (${written} written)` : ''}.` : '';
  if (linked) {
    const worst = reach.bySensitivity[0];
    const reachText =
      reach.dataSources > 0
        ? `Its credentials reach ${plural(reach.dataSources, 'data source')}${worst ? `, the most sensitive ${worst.sensitivity} with ${worst.access} access` : ''}.`
        : 'Its linked cloud identities reach no data source in the imported exports.';
    return answer([reachText, registryText].filter(Boolean).join(' '), [], evidence);
  }
  if (recorded.length > 0) return answer(`${registryText} No cloud identity is linked to check it against its credentials.`, [], evidence);
  return answer('Unknown: neither its credentials nor its registry entry say what it reaches.', [
    'No cloud identity is linked to it: import the IAM export of the account it runs in and link its credential.',
    'No data access is recorded in its registry entry: list each data source it reads or writes (Edit).',
  ], evidence);
}

/** The checks that say what it cannot do: no shell, only listed hosts, a person before irreversible actions, outside content scanned. */
const PREVENTION_CHECKS: readonly ChecklistItemKey[] = ['h48.no-shell', 'h48.no-arbitrary-network', 'h48.irreversible-reviewed', 'd30.untrusted-content-scanned'];
/** Guardrails that stop or narrow an action; tracing only watches, so it belongs to the fifth question. */
const PREVENTIVE_GUARDRAILS: readonly GuardrailKind[] = ['input-schema', 'human-approval', 'output-filter', 'injection-scan', 'token-limit'];

function preventedAnswer(d: AgentDossier, rows: Rows, exposure: UntrustedExposure): Answer {
  const guards = d.guardrails.filter((g) => PREVENTIVE_GUARDRAILS.includes(g.kind));
  const passing = PREVENTION_CHECKS.filter((key) => itemPasses(rows, key));
  const gaps: string[] = [];
  if (guards.length === 0) gaps.push('No guardrail (input schema, human approval, output check, injection scan, token limit) was found in its code.');
  // Checks missing for the same reason (typically: no code scanned) are named together, with the reason once.
  const byReason = new Map<string, string[]>();
  for (const key of PREVENTION_CHECKS) {
    if (passing.includes(key)) continue;
    const row = rows.get(key);
    const reason = row ? `${row.verdict === 'fail' ? 'fails' : 'unknown'}. ${row.because}` : 'not evaluated.';
    byReason.set(reason, [...(byReason.get(reason) ?? []), titleOf(key)]);
  }
  for (const [reason, titles] of byReason) gaps.push(`${titles.join(', ')}: ${reason}`);
  // Named on its own: the combination an attacker uses, worse than either failing check.
  if (exposure.worst) gaps.unshift('It reads outside content and can act irreversibly, with no injection scan and no human review.');
  const evidence: VerdictEvidence[] = [
    ...guards.map((g) => ({ text: `${g.kind}: ${g.detail}`, path: g.evidence.path, line: g.evidence.line })),
    ...passing.map((key) => ({ text: `passes: ${titleOf(key)}` })),
  ];
  const summary =
    guards.length === 0 && passing.length === 0
      ? 'Nothing is known to stop it: no guardrail found and none of the prevention checks passes.'
      : `${plural(guards.length, 'guardrail')} found in code; ${passing.length} of ${PREVENTION_CHECKS.length} prevention checks pass.`;
  return answer(summary, gaps, evidence);
}

function ownerAnswer(d: AgentDossier, rows: Rows): Answer {
  const row = rows.get('registry.owner');
  const owner = d.agent.owner;
  if (itemPasses(rows, 'registry.owner') && owner) {
    return answer(`${owner.name}${owner.email ? ` <${owner.email}>` : ''}`, [], row?.evidence.length ? row.evidence : [{ text: owner.name }]);
  }
  const attested = row?.attestation;
  const because = row?.because ?? 'Nobody is named as owner.';
  return answer(owner ? `${owner.name} (not a person)` : 'Nobody', [`${because} Name one accountable person (Edit).`], [
    ...(row?.evidence ?? []),
    ...(attested ? [{ text: `attested ${attested.status} by ${attested.by}, ${attested.at.slice(0, 10)}` }] : []),
  ]);
}

/** Five minutes needs three things at once: a record of what it did, a cap that trips, and a person the alert reaches. */
function detectAnswer(d: AgentDossier, rows: Rows): Answer {
  const gaps: string[] = [];
  const evidence: VerdictEvidence[] = [];
  const have: string[] = [];
  const logging = (['h48.execution-logging', 'd90.tracing'] as const).filter((key) => itemPasses(rows, key));
  if (logging.length > 0) {
    have.push(logging.map(titleOf).join(' and ').toLowerCase());
    for (const key of logging) evidence.push(...(rows.get(key)?.evidence ?? []), ...attestationEvidence(rows, key));
  } else gaps.push(`No execution logging or tracing: ${rows.get('h48.execution-logging')?.because ?? 'not evaluated.'}`);

  if (itemPasses(rows, 'd90.daily-budget')) {
    have.push('a daily budget cap');
    evidence.push(...(rows.get('d90.daily-budget')?.evidence ?? []), ...attestationEvidence(rows, 'd90.daily-budget'));
  } else gaps.push(`No budget alert: ${rows.get('d90.daily-budget')?.because ?? 'no daily cap is set.'}`);

  const owner = d.agent.owner;
  if (!itemPasses(rows, 'registry.owner') || !owner) gaps.push('No owner to notify: name one accountable person (Edit).');
  else if (!owner.email) gaps.push(`No way to notify ${owner.name}: the registry has no email for the owner (Edit).`);
  else {
    have.push(`${owner.name} to notify`);
    evidence.push({ text: `notify ${owner.name} <${owner.email}>` });
  }
  const summary = have.length > 0 ? `Has ${have.join(', ')}${gaps.length > 0 ? `; ${plural(gaps.length, 'part')} missing` : ''}.` : 'Nothing would tell anyone: no logging, no budget alert, no owner to notify.';
  return answer(summary, gaps, evidence);
}

function attestationEvidence(rows: Rows, key: ChecklistItemKey): VerdictEvidence[] {
  const a = rows.get(key)?.attestation;
  return a && a.status !== 'not-done' ? [{ text: `attested ${a.status} by ${a.by}, ${a.at.slice(0, 10)}${a.note ? `: ${a.note}` : ''}` }] : [];
}

export function answerCardOf(d: AgentDossier, checklist: readonly ChecklistRow[], exposure: UntrustedExposure): AnswerCard {
  const rows = new Map(checklist.map((r) => [r.key, r]));
  return { access: accessAnswer(d), prevented: preventedAnswer(d, rows, exposure), owner: ownerAnswer(d, rows), detect: detectAnswer(d, rows) };
}
