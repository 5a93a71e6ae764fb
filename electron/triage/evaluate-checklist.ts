import type { ChecklistItemKey, ItemVerdict, VerdictEvidence } from '../../shared/checklist';
import { CHECKLIST_ITEMS } from '../../shared/checklist';
import type { AgentDossier } from '../../shared/contract';
import { enUsNumber } from '../../shared/en-us-numbers';
import type { CapabilityFinding, CapabilityKind } from '../../shared/discovery';
import { IRREVERSIBLE_KINDS } from './checklist-facts';

/**
 * The checklists (Step 0, the 48-hour checklist, Days 31-60 and 61-90), evaluated over the agent dossier: pure, so the triage view,
 * the CLI and the report give the same verdicts. A verdict is "unknown" whenever the fact that
 * would decide it is missing (no code scanned, no cloud identity linked, no usage imported), and
 * says which import or decision would settle it; it is never "pass" for want of evidence.
 */

const verdict = (key: ChecklistItemKey, v: ItemVerdict['verdict'], because: string, evidence: VerdictEvidence[] = []): ItemVerdict => ({ key, verdict: v, because, evidence });

const fromCode = (c: CapabilityFinding): VerdictEvidence => ({ text: c.detail, path: c.evidence.path, line: c.evidence.line });
const capabilitiesOf = (d: AgentDossier, kinds: readonly CapabilityKind[]) => d.capabilities.filter((c) => kinds.includes(c.kind));
const codeSeen = (d: AgentDossier) => d.sources.some((s) => s.unit.kind !== 'llm-usage');
const NO_CODE = 'No code or configuration of this agent has been scanned (or joined to it): scan its repository, or confirm a discovered candidate as this agent.';
const NO_IDENTITY = 'No cloud identity is linked to it: import the IAM export of its account and link its credential.';

const WRITE_ACCESS = new Set(['write', 'permissions-management']);
const IRREVERSIBLE = IRREVERSIBLE_KINDS;
const SHELL: readonly CapabilityKind[] = ['shell-exec', 'code-execution'];

function step0(d: AgentDossier): ItemVerdict[] {
  const a = d.agent;
  const flags = new Set(a.flags);
  const out: ItemVerdict[] = [verdict('registry.name', 'pass', `Named "${a.name}".`, [{ text: a.name }])];

  out.push(
    a.trigger.kind !== 'unknown'
      ? verdict('registry.trigger', 'pass', `Starts on ${a.trigger.kind}${a.trigger.schedule ? `: ${a.trigger.schedule}` : ''}.`, [{ text: `${a.trigger.kind} ${a.trigger.schedule ?? ''}`.trim() }])
      : verdict('registry.trigger', 'fail', 'What starts it is not recorded.'),
  );

  const touchesData = capabilitiesOf(d, ['data-read', 'data-write', 'data-delete']).length > 0 || d.blastRadius.dataSources > 0;
  if (a.dataAccess.length > 0) out.push(verdict('registry.data-access', 'pass', `${a.dataAccess.length} data source(s) recorded with read or write.`, a.dataAccess.map((x) => ({ text: `${x.source}: ${x.access}` }))));
  else if (touchesData) {
    const seen = [...capabilitiesOf(d, ['data-read', 'data-write', 'data-delete']).slice(0, 5).map(fromCode), ...(d.blastRadius.dataSources > 0 ? [{ text: `its credentials reach ${d.blastRadius.dataSources} data source(s)` }] : [])];
    out.push(verdict('registry.data-access', 'fail', 'No data access is recorded, but its code or credentials reach data.', seen));
  } else out.push(verdict('registry.data-access', 'unknown', 'No data access is recorded and none was found; record it, or attest that it has none.'));

  const heldInCode = d.credentials.links.length > 0 || d.sources.length > 0;
  if (a.credentials.length > 0) out.push(verdict('registry.credentials', 'pass', `${a.credentials.length} credential(s) recorded.`, a.credentials.map((c) => ({ text: c }))));
  else if (heldInCode && d.credentials.links.length > 0) out.push(verdict('registry.credentials', 'fail', 'No credential is recorded, but it is linked to cloud identities.', d.credentials.links.map((l) => ({ text: l.credential }))));
  else out.push(verdict('registry.credentials', 'fail', 'No credential is recorded.'));

  if (a.owner === null || flags.has('no-owner')) out.push(verdict('registry.owner', 'fail', 'Nobody is named as owner.'));
  else if (flags.has('owner-is-team')) out.push(verdict('registry.owner', 'fail', `The owner "${a.owner.name}" is a team, not a person.`, [{ text: a.owner.name }]));
  else out.push(verdict('registry.owner', 'pass', `Owned by ${a.owner.name}.`, [{ text: `${a.owner.name}${a.owner.email ? ` <${a.owner.email}>` : ''}` }]));

  if (a.lastReviewed === null) out.push(verdict('registry.last-reviewed', 'fail', 'It has never been reviewed.'));
  else if (flags.has('review-stale')) out.push(verdict('registry.last-reviewed', 'fail', `Last reviewed ${a.lastReviewed}, more than 90 days ago.`, [{ text: a.lastReviewed }]));
  else out.push(verdict('registry.last-reviewed', 'pass', `Reviewed ${a.lastReviewed}.`, [{ text: a.lastReviewed }]));

  out.push(
    a.rollback.procedure
      ? verdict('registry.rollback', 'pass', `A rollback procedure is written${a.rollback.lastRehearsed ? `, last rehearsed ${a.rollback.lastRehearsed}` : ' (never rehearsed)'}.`, [{ text: a.rollback.procedure.slice(0, 200) }])
      : verdict('registry.rollback', 'fail', 'No rollback procedure is written.'),
  );
  return out;
}

function fromFindings(d: AgentDossier, key: ChecklistItemKey, kinds: readonly CapabilityKind[], failBecause: string, passBecause: string): ItemVerdict {
  const found = capabilitiesOf(d, kinds);
  if (found.length > 0) return verdict(key, 'fail', failBecause, found.map(fromCode));
  return codeSeen(d) ? verdict(key, 'pass', passBecause) : verdict(key, 'unknown', NO_CODE);
}

function dbCredentialsScoped(d: AgentDossier): ItemVerdict {
  const paths = d.blastRadius.worstPaths;
  if (d.credentials.links.length === 0 || paths.length === 0) return verdict('h48.db-credentials-scoped', 'unknown', NO_IDENTITY);
  const admin = paths.filter((p) => p.access === 'permissions-management');
  if (admin.length > 0) return verdict('h48.db-credentials-scoped', 'fail', 'Its credentials can change permissions on data stores.', admin.map((p) => ({ text: `${p.credential} -> ${p.dataSourceName}: ${p.access}` })));
  const writes = paths.filter((p) => WRITE_ACCESS.has(p.access));
  const writesInCode = capabilitiesOf(d, ['data-write', 'data-delete', 'file-write']).length > 0;
  if (writes.length > 0 && codeSeen(d) && !writesInCode) {
    return verdict('h48.db-credentials-scoped', 'fail', 'Its credentials can write data its code only reads.', writes.map((p) => ({ text: `${p.credential} -> ${p.dataSourceName}: ${p.access}` })));
  }
  if (writes.length > 0 && !codeSeen(d)) return verdict('h48.db-credentials-scoped', 'unknown', `Its credentials can write; whether it needs to is not known. ${NO_CODE}`);
  return verdict('h48.db-credentials-scoped', 'pass', 'What its credentials allow matches what its code does.', paths.slice(0, 5).map((p) => ({ text: `${p.credential} -> ${p.dataSourceName}: ${p.access}` })));
}

function noSharedCredential(d: AgentDossier): ItemVerdict {
  const shared = d.credentials.links.filter((l) => l.sharedWith.length > 0);
  if (shared.length > 0) {
    return verdict(
      'h48.no-shared-credential',
      'fail',
      'A credential it holds is used by other agents or systems.',
      shared.flatMap((l) => l.sharedWith.map((s) => ({ text: `${l.credential} (${l.principalName}) also used by ${s.kind === 'agent' ? 'agent' : 'system'} ${s.name}: ${s.evidence}` }))),
    );
  }
  if (d.credentials.links.length === 0) return verdict('h48.no-shared-credential', 'unknown', NO_IDENTITY);
  return verdict('h48.no-shared-credential', 'pass', 'None of its linked identities is used by another agent or system.', d.credentials.links.map((l) => ({ text: `${l.credential} (${l.principalName})` })));
}

function executionLogging(d: AgentDossier): ItemVerdict {
  const tracing = d.guardrails.filter((g) => g.kind === 'tracing');
  if (tracing.length > 0) return verdict('h48.execution-logging', 'pass', 'Tracing or structured logging is set up in its code.', tracing.map((g) => ({ text: g.detail, path: g.evidence.path, line: g.evidence.line })));
  return verdict('h48.execution-logging', 'unknown', codeSeen(d) ? 'No tracing or logging setup was found in its code; attest it if its logs are kept elsewhere.' : NO_CODE);
}

function llmKeysDistinct(d: AgentDossier): ItemVerdict {
  const shared = d.usage.keysSharedWithApplication;
  if (shared.length > 0) return verdict('h48.llm-keys-distinct', 'fail', 'Its LLM key is also used by the application layer (or by calls nobody accounts for).', shared.map((k) => ({ text: k })));
  if (d.usage.keys.length === 0) return verdict('h48.llm-keys-distinct', 'unknown', 'No LLM usage of its keys was imported: import the provider usage or gateway spend logs.');
  return verdict('h48.llm-keys-distinct', 'pass', 'Its LLM keys carry only its own calls.', d.usage.keys.map((k) => ({ text: k })));
}

function irreversibleReviewed(d: AgentDossier): ItemVerdict {
  const actions = capabilitiesOf(d, IRREVERSIBLE);
  if (actions.length === 0) return codeSeen(d) ? verdict('h48.irreversible-reviewed', 'pass', 'No action that cannot be undone was found in its code.') : verdict('h48.irreversible-reviewed', 'unknown', NO_CODE);
  const review = d.guardrails.filter((g) => g.kind === 'human-approval');
  if (review.length > 0) {
    return verdict('h48.irreversible-reviewed', 'pass', 'Its irreversible actions have a human approval step in code.', [
      ...review.map((g) => ({ text: `review: ${g.detail}`, path: g.evidence.path, line: g.evidence.line })),
      ...actions.slice(0, 5).map(fromCode),
    ]);
  }
  return verdict('h48.irreversible-reviewed', 'fail', 'It takes actions that cannot be undone within five minutes, with no human review step found.', actions.map(fromCode));
}

function prodWriteIntended(d: AgentDossier): ItemVerdict {
  const paths = d.blastRadius.worstPaths;
  if (d.credentials.links.length === 0 || paths.length === 0) return verdict('h48.prod-write-intended', 'unknown', NO_IDENTITY);
  const prodWrites = paths.filter((p) => p.environment === 'prod' && WRITE_ACCESS.has(p.access));
  if (prodWrites.length === 0) return verdict('h48.prod-write-intended', 'pass', 'It cannot write to production data stores.');
  const intended = d.agent.dataAccess.filter((x) => x.access === 'write').map((x) => x.source.toLowerCase());
  const unlisted = prodWrites.filter((p) => !intended.some((s) => s.includes(p.dataSourceName.toLowerCase()) || p.dataSourceName.toLowerCase().includes(s)));
  if (unlisted.length === 0) return verdict('h48.prod-write-intended', 'pass', 'Every production store it can write is recorded as written on purpose.', prodWrites.map((p) => ({ text: `${p.dataSourceName}: ${p.access}` })));
  return verdict('h48.prod-write-intended', 'fail', 'It can write to production data stores its registry entry does not list as written.', unlisted.map((p) => ({ text: `${p.credential} -> ${p.dataSourceName} (${p.sensitivity}): ${p.access}` })));
}

function patchedRuntime(d: AgentDossier): ItemVerdict {
  if (d.advisories.length > 0) {
    return verdict(
      'd30.patched-runtime',
      'fail',
      'An advisory affects a version its lockfiles pin.',
      d.advisories.map((a) => ({ text: `${a.id}${a.severity ? ` (${a.severity})` : ''}: ${a.package.name} ${a.package.version}${a.fixed ? `, fixed in ${a.fixed}` : ''}`, path: a.package.lockfile })),
    );
  }
  if (d.packages.length > 0) {
    const lockfiles = [...new Set(d.packages.map((p) => p.lockfile))];
    return verdict('d30.patched-runtime', 'pass', `No known advisory affects the ${d.packages.length} locked package(s) (advisories bundled or imported).`, lockfiles.map((path) => ({ text: 'lockfile', path })));
  }
  return verdict('d30.patched-runtime', 'unknown', codeSeen(d) ? 'No lockfile was found with its code, so the versions it runs are not known.' : NO_CODE);
}

function untrustedContentScanned(d: AgentDossier): ItemVerdict {
  const inputs = d.untrustedInputs;
  if (inputs.length === 0) return codeSeen(d) ? verdict('d30.untrusted-content-scanned', 'pass', 'No content from outside the organisation was found among its inputs.') : verdict('d30.untrusted-content-scanned', 'unknown', NO_CODE);
  const read = inputs.slice(0, 5).map((i) => ({ text: `reads ${i.kind}: ${i.detail}`, path: i.evidence.path, line: i.evidence.line }));
  const scanners = d.guardrails.filter((g) => g.kind === 'injection-scan');
  if (scanners.length > 0) return verdict('d30.untrusted-content-scanned', 'pass', 'Outside content it reads is scanned for injected instructions in its code.', [...scanners.map(fromGuardrail), ...read]);
  return verdict('d30.untrusted-content-scanned', 'fail', 'It reads content from outside the organisation and no scan for injected instructions was found; attest it if the scan runs elsewhere.', read);
}

const fromGuardrail = (g: AgentDossier['guardrails'][number]): VerdictEvidence => ({ text: g.detail, path: g.evidence.path, line: g.evidence.line });
const REHEARSAL_DAYS = 180;
/** Actions a classifier should check before they run (DESIGN.md Days 31-60). */
const HIGH_RISK: readonly CapabilityKind[] = ['data-delete', 'data-write', 'external-communication', 'data-export'];

/** A guardrail the phase asks for in code: found, or not found in code that was scanned (fail), or no code (unknown). */
function guardrailInCode(d: AgentDossier, key: ChecklistItemKey, kind: AgentDossier['guardrails'][number]['kind'], found: string, missing: string): ItemVerdict {
  const guards = d.guardrails.filter((g) => g.kind === kind);
  if (guards.length > 0) return verdict(key, 'pass', found, guards.map(fromGuardrail));
  return codeSeen(d) ? verdict(key, 'fail', `${missing} Attest it if it lives outside the scanned code.`) : verdict(key, 'unknown', NO_CODE);
}

/** A guardrail needed only where certain actions exist: none of them (pass), guarded (pass), unguarded (fail). */
function guardrailForActions(d: AgentDossier, key: ChecklistItemKey, actions: readonly CapabilityKind[], kind: AgentDossier['guardrails'][number]['kind'], what: string): ItemVerdict {
  const found = capabilitiesOf(d, actions);
  if (found.length === 0) return codeSeen(d) ? verdict(key, 'pass', `None of its actions needs ${what}.`) : verdict(key, 'unknown', NO_CODE);
  const guards = d.guardrails.filter((g) => g.kind === kind);
  if (guards.length > 0) return verdict(key, 'pass', `Its actions that need ${what} have it.`, [...guards.map(fromGuardrail), ...found.slice(0, 5).map(fromCode)]);
  return verdict(key, 'fail', `It takes actions that need ${what}, and none was found in its code.`, found.map(fromCode));
}

function rollbackRehearsed(d: AgentDossier, today: string): ItemVerdict {
  const { procedure, lastRehearsed } = d.agent.rollback;
  if (!procedure) return verdict('d60.rollback-rehearsed', 'fail', 'No rollback procedure is written.');
  if (!lastRehearsed) return verdict('d60.rollback-rehearsed', 'fail', 'The rollback procedure was never rehearsed.', [{ text: procedure.slice(0, 200) }]);
  const age = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${lastRehearsed}T00:00:00Z`)) / 86_400_000;
  if (age > REHEARSAL_DAYS) return verdict('d60.rollback-rehearsed', 'fail', `Last rehearsed ${lastRehearsed}, more than ${REHEARSAL_DAYS} days ago.`, [{ text: lastRehearsed }]);
  return verdict('d60.rollback-rehearsed', 'pass', `Rehearsed ${lastRehearsed}.`, [{ text: lastRehearsed }]);
}

function taggedAttribution(d: AgentDossier): ItemVerdict {
  const share = d.usage.taggedShare;
  if (share === null) return verdict('d90.tagged-attribution', 'unknown', 'No LLM usage of it was imported: import the provider usage, gateway spend logs or traces.');
  const text = `${Math.round(share * 100)}% of its tokens came from calls tagged with it`;
  if (share >= 0.99) return verdict('d90.tagged-attribution', 'pass', 'Its LLM calls carry its agent tag.', [{ text }]);
  return verdict('d90.tagged-attribution', 'fail', 'Some of its LLM calls are known only by their key, not by a tag naming it.', [{ text }]);
}

function dailyBudget(d: AgentDossier): ItemVerdict {
  const b = d.usage.budget;
  const caps = [b.dailyTokenCap !== null ? `${enUsNumber(b.dailyTokenCap)} tokens a day` : '', b.dailyCostCapUsd !== null ? `$${b.dailyCostCapUsd} a day` : ''].filter(Boolean);
  if (caps.length === 0) return verdict('d90.daily-budget', 'fail', 'No daily token or cost cap is set (Usage, Budgets).');
  return verdict('d90.daily-budget', 'pass', `Capped at ${caps.join(' and ')}${b.daysOverCap.length ? `; over the cap on ${b.daysOverCap.length} day(s)` : ''}.`, caps.map((text) => ({ text })));
}

function costPerUnit(d: AgentDossier): ItemVerdict {
  const known = d.usage.units.filter((u) => u.costPerUnitUsd !== null);
  if (known.length > 0) return verdict('d90.cost-per-unit', 'pass', 'Its cost per unit of work is known.', known.map((u) => ({ text: `$${u.costPerUnitUsd!.toFixed(4)} per ${u.unit} (${u.from} to ${u.to})` })));
  if (d.usage.units.length > 0) return verdict('d90.cost-per-unit', 'unknown', 'Units are recorded, but the cost over their period is not known (a model without a price, or no usage then).');
  return d.usage.totals.totalTokens > 0
    ? verdict('d90.cost-per-unit', 'fail', 'No units of work are recorded for it: enter or import them (Usage, Budgets).')
    : verdict('d90.cost-per-unit', 'unknown', 'No usage of it was imported, so its cost is not known.');
}

/** Every checklist item's verdict, in the checklist's order. `today` (YYYY-MM-DD) dates rehearsals. */
export function evaluateChecklist(d: AgentDossier, today = new Date().toISOString().slice(0, 10)): ItemVerdict[] {
  const verdicts = [
    ...step0(d),
    fromFindings(d, 'h48.no-shell', SHELL, 'It runs shell commands or executes code.', 'No shell or code execution was found in its code.'),
    fromFindings(d, 'h48.no-arbitrary-network', ['outbound-network'], 'It calls hosts chosen at run time.', 'It calls only hosts written in its code.'),
    dbCredentialsScoped(d),
    noSharedCredential(d),
    executionLogging(d),
    llmKeysDistinct(d),
    irreversibleReviewed(d),
    prodWriteIntended(d),
    patchedRuntime(d),
    verdict('d30.sandbox', 'unknown', 'A sandbox or file system restriction cannot be seen in its code: attest how its runtime is confined.'),
    untrustedContentScanned(d),
    guardrailInCode(d, 'd60.input-schema', 'input-schema', 'Its inputs are validated against a schema.', 'No input schema validation was found in its code.'),
    guardrailForActions(d, 'd60.output-classifier', HIGH_RISK, 'output-filter', 'an output check'),
    guardrailForActions(d, 'd60.irreversible-interrupt', IRREVERSIBLE, 'human-approval', 'a human interrupt'),
    rollbackRehearsed(d, today),
    verdict('d60.adversarial-tests', 'unknown', 'Adversarial tests cannot be seen in code or logs: attest them with their date and scope.'),
    taggedAttribution(d),
    dailyBudget(d),
    guardrailInCode(d, 'd90.tracing', 'tracing', 'Its runs are traced.', 'No tracing was found in its code.'),
    verdict('d90.audit-trail', 'unknown', 'An audit trail cannot be seen in code: attest where it is kept.'),
    costPerUnit(d),
  ];
  const byKey = new Map(verdicts.map((v) => [v.key, v]));
  return CHECKLIST_ITEMS.map((item) => byKey.get(item.key)!).filter(Boolean);
}
