import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { CHECKLIST_ITEMS, CHECKLIST_PHASE_LABELS, type ChecklistItemDefinition, type ChecklistPhase, type ChecklistRow, type VerdictEvidence } from '../../../shared/checklist';
import type { AgentDossier } from '../../../shared/contract';
import type { AdvisoryMatch } from '../../../shared/discovery';
import { everyAgentDossierAndTriage, type TriageOfAgent } from '../../triage/triage-handlers';
import { codeSourcesOf, rootOfPath, scannedRootsOf, SOURCE_ROOT_BASE_ID, type ScannedRoots } from '../scanned-roots';
import type { ExportFormat, ExportSource } from '.';

/**
 * Findings as SARIF 2.1.0, for code-scanning tools (GitHub code scanning, Azure DevOps, IDE SARIF
 * viewers): one run, one rule per checklist item, per runtime advisory and for the untrusted-input
 * worst combination; one result per failing item of an agent, in the file its evidence names.
 *
 * What is a result, and why:
 * - An item is a result exactly when the triage overview counts it failing: the automatic verdict
 *   is fail, or a person attested it not done. Unknown verdicts are left out: "no evidence yet" is
 *   not a finding in code, and alerts that open and close as imports arrive would teach people to
 *   ignore them. The workspace JSON export carries every verdict.
 * - GitHub code scanning rejects a whole file when one result has no location, and needs a start
 *   line. A result is placed at its evidence's file and line; failing that, at the file that
 *   declares the agent (its deployment config or entry point), line 1. Agents seen in no file
 *   (known only from the registry or usage logs) have no place in a repository: their failing items
 *   are counted in the run's properties (`unlocated`) instead of being results.
 * - A failing item a person marked not applicable stays a result (the overview counts it) with an
 *   accepted external suppression, which code-scanning tools show as dismissed, with the note.
 */

type Level = 'error' | 'warning' | 'note';

/** Why these levels: the 48-hour checklist and runtime hardening are the first 30 days' work; gaps in the registry come next; guardrails and observability follow. */
const PHASE_LEVEL: Record<ChecklistPhase, Level> = { 'days-1-30': 'error', 'step-0': 'warning', 'days-31-60': 'warning', 'days-61-90': 'note' };
/** GitHub ranks security alerts by this number (9+ critical, 7+ high, 4+ medium, above 0 low). */
const PHASE_SECURITY_SEVERITY: Record<ChecklistPhase, string> = { 'days-1-30': '8.0', 'step-0': '5.0', 'days-31-60': '5.0', 'days-61-90': '3.0' };

export const WORST_COMBINATION_RULE_ID = 'exposure.untrusted-irreversible';
const FINGERPRINT_KEY = 'agentTriageFinding/v1';

interface SarifLocation {
  physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number } };
  message?: { text: string };
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: Level;
  message: { text: string };
  locations: SarifLocation[];
  relatedLocations?: Array<SarifLocation & { id: number }>;
  partialFingerprints: Record<string, string>;
  suppressions?: Array<{ kind: 'external'; status: 'accepted'; justification: string }>;
  properties: Record<string, unknown>;
}
interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown?: string };
  helpUri?: string;
  defaultConfiguration: { level: Level };
  properties: { tags: string[]; 'security-severity'?: string; [key: string]: unknown };
}

export const sarifFormat: ExportFormat = {
  id: 'sarif',
  label: 'SARIF 2.1.0 findings',
  audience: 'Upload to GitHub code scanning (or any SARIF viewer): failing checklist items and advisories show in the agents’ own files.',
  extension: 'sarif',
  fileStem: 'findings',
  mediaType: 'application/sarif+json',
  render: (source) => `${JSON.stringify(sarifLogOf(source), null, 2)}\n`,
};

export function sarifLogOf(source: ExportSource) {
  const agents = everyAgentDossierAndTriage(source.db, source.advisories, { suggestions: false, onAgent: source.steps.onAgent }).sort((a, b) => a.dossier.agent.name.localeCompare(b.dossier.agent.name) || a.dossier.agent.id.localeCompare(b.dossier.agent.id));
  source.steps.step('Placing the findings in the scanned files');
  const roots = scannedRootsOf(agents.map((a) => a.dossier));
  const rules = rulesOf(agents.flatMap((a) => a.dossier.advisories));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results: SarifResult[] = [];
  const unlocated: Array<{ agentId: string; agentName: string; ruleIds: string[] }> = [];
  for (const { dossier, triage } of agents) {
    const findings = findingsOf(dossier, triage, roots);
    const placed = findings.filter((f) => f.locations.length > 0);
    results.push(...placed.map((f) => ({ ...f, ruleIndex: ruleIndex.get(f.ruleId)! })));
    const without = findings.filter((f) => f.locations.length === 0).map((f) => f.ruleId);
    if (without.length > 0) unlocated.push({ agentId: dossier.agent.id, agentName: dossier.agent.name, ruleIds: without });
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: 'Agent Triage Workstation',
            version: source.toolVersion,
            semanticVersion: /^\d+\.\d+\.\d+/.test(source.toolVersion) ? source.toolVersion : undefined,
            rules,
          },
        },
        automationDetails: { id: `agent-triage/${source.workspaceName}/` },
        // Relative all the way down (SARIF 2.1.0 §3.14.14): each scanned folder under %SRCROOT%, whose
        // place on this machine is left out. GitHub code scanning reads each result's relative uri as a
        // path from the root of the repository analysed, which is the scanned folder's own root.
        originalUriBaseIds: Object.fromEntries([
          ...(roots.bases.length > 0 ? [[SOURCE_ROOT_BASE_ID, { description: { text: 'The folder the scanned repositories were checked out in; where it was on the machine that wrote this file is left out.' } }]] : []),
          ...roots.bases.map((b) => [b.id, { ...b.location, description: { text: `Scanned folder ${basename(b.root)}` } }]),
        ]),
        invocations: [{ executionSuccessful: true, endTimeUtc: source.now.toISOString() }],
        results,
        properties: {
          workspace: source.workspaceName,
          agents: agents.length,
          /** Failing items of agents seen in no file: not results, because code scanning needs a file. */
          unlocated,
        },
      },
    ],
  };
}

function rulesOf(advisories: readonly AdvisoryMatch[]): SarifRule[] {
  const checklistRules = CHECKLIST_ITEMS.map((item) => checklistRule(item));
  const seen = new Map<string, AdvisoryMatch>();
  for (const a of advisories) if (!seen.has(a.id)) seen.set(a.id, a);
  const advisoryRules = [...seen.values()].sort((a, b) => a.id.localeCompare(b.id)).map(advisoryRule);
  return [...checklistRules, worstCombinationRule(), ...advisoryRules];
}

function checklistRule(item: ChecklistItemDefinition): SarifRule {
  return {
    id: item.key,
    name: pascalName(item.title),
    shortDescription: { text: item.title },
    fullDescription: { text: item.asks },
    help: {
      text: `${item.asks} Change the agent, its configuration or its credentials until this holds; where it does not apply, record why as an attestation in Agent Triage Workstation (${CHECKLIST_PHASE_LABELS[item.phase]}).`,
    },
    defaultConfiguration: { level: PHASE_LEVEL[item.phase] },
    properties: { tags: ['security', 'ai-agent', item.phase], 'security-severity': PHASE_SECURITY_SEVERITY[item.phase], phase: item.phase },
  };
}

function worstCombinationRule(): SarifRule {
  return {
    id: WORST_COMBINATION_RULE_ID,
    name: 'UntrustedInputDrivesIrreversibleAction',
    shortDescription: { text: 'Outside content can drive an irreversible action' },
    fullDescription: { text: 'The agent reads content from outside the organisation, can take actions that cannot be undone within five minutes, and neither scans that content for injected instructions nor stops those actions for a person.' },
    help: { text: 'Scan outside content for injected instructions before it reaches the model, or put a human review step in front of the irreversible actions; better both.' },
    defaultConfiguration: { level: 'error' },
    properties: { tags: ['security', 'ai-agent', 'prompt-injection'], 'security-severity': '9.0' },
  };
}

/** OSV severities are free text; the named levels map to SARIF levels, anything else (a CVSS vector, none) is a warning. */
export function advisoryLevel(severity: string | null): { level: Level; securitySeverity: string | undefined } {
  switch (severity?.trim().toLowerCase()) {
    case 'critical':
      return { level: 'error', securitySeverity: '9.5' };
    case 'high':
      return { level: 'error', securitySeverity: '8.0' };
    case 'moderate':
    case 'medium':
      return { level: 'warning', securitySeverity: '5.5' };
    case 'low':
      return { level: 'note', securitySeverity: '3.0' };
    default:
      return { level: 'warning', securitySeverity: undefined };
  }
}

function advisoryRule(a: AdvisoryMatch): SarifRule {
  const { level, securitySeverity } = advisoryLevel(a.severity);
  const aliases = a.aliases.length > 0 ? ` (${a.aliases.join(', ')})` : '';
  return {
    id: a.id,
    name: `Advisory ${a.id}`.replace(/[^A-Za-z0-9]+/g, ''),
    shortDescription: { text: `${a.id}${aliases}: ${a.package.name}` },
    fullDescription: { text: a.summary || `${a.id} affects ${a.package.name}.` },
    help: { text: a.fixed ? `Upgrade ${a.package.name} to ${a.fixed} or later in the lockfile.` : `No fixed version of ${a.package.name} is named: replace it or remove the affected use.` },
    helpUri: `https://osv.dev/vulnerability/${encodeURIComponent(a.id)}`,
    defaultConfiguration: { level },
    properties: { tags: ['security', 'ai-agent', 'vulnerable-dependency'], ...(securitySeverity ? { 'security-severity': securitySeverity } : {}), aliases: a.aliases },
  };
}

type Finding = Omit<SarifResult, 'ruleIndex'>;

function findingsOf(dossier: AgentDossier, triage: TriageOfAgent, roots: ScannedRoots): Finding[] {
  const agent = dossier.agent;
  const agentProperties = { agentId: agent.id, agentName: agent.name, owner: triage.owner, tier: triage.risk.tier, riskScore: round(triage.risk.score) };
  const declaring = declaringFileOf(dossier, roots);
  const findings: Finding[] = [];

  for (const row of triage.checklist.filter(isFailing)) {
    const item = CHECKLIST_ITEMS.find((i) => i.key === row.key)!;
    const placed = row.evidence.filter((e): e is VerdictEvidence & { path: string } => !!e.path).flatMap((e) => locationOf(dossier, roots, e.path, e.line, e.text) ?? []);
    const locations = placed.length > 0 ? [placed[0]!] : declaring ? [declaring] : [];
    const attestation = row.attestation ? ` A person attested it ${row.attestation.status.replace('-', ' ')}${row.attestation.note ? `: ${row.attestation.note}` : ''}.` : '';
    findings.push({
      ruleId: item.key,
      level: PHASE_LEVEL[item.phase],
      message: { text: `${agent.name}: ${item.title}. ${row.because}${attestation}${placed.length === 0 && locations.length > 0 ? ' (Placed at the file that declares the agent: the evidence names no file.)' : ''}` },
      locations,
      ...(placed.length > 1 ? { relatedLocations: placed.slice(1, 21).map((l, i) => ({ ...l, id: i + 1 })) } : {}),
      partialFingerprints: fingerprintOf(agent.id, item.key, locations[0]),
      ...(row.attestation?.status === 'not-applicable' ? { suppressions: [{ kind: 'external' as const, status: 'accepted' as const, justification: row.attestation.note || `Marked not applicable by ${row.attestation.by}.` }] } : {}),
      properties: { ...agentProperties, verdict: row.verdict, attestation: row.attestation?.status ?? null, conflict: row.conflict },
    });
  }

  if (triage.exposure.worst) {
    const inputs = triage.exposure.inputs.filter((i) => !!i.evidence.path).flatMap((i) => locationOf(dossier, roots, i.evidence.path!, i.evidence.line, `${i.kind}: ${i.detail}`) ?? []);
    const locations = inputs.length > 0 ? [inputs[0]!] : declaring ? [declaring] : [];
    findings.push({
      ruleId: WORST_COMBINATION_RULE_ID,
      level: 'error',
      message: { text: `${agent.name} reads outside content (${triage.exposure.inputs.map((i) => i.kind).join(', ')}) and has ${triage.exposure.irreversibleActions} irreversible action(s), with no injection scan and no human review.` },
      locations,
      ...(inputs.length > 1 ? { relatedLocations: inputs.slice(1, 21).map((l, i) => ({ ...l, id: i + 1 })) } : {}),
      partialFingerprints: fingerprintOf(agent.id, WORST_COMBINATION_RULE_ID, locations[0]),
      properties: agentProperties,
    });
  }

  for (const a of dossier.advisories) {
    // The lockfile names the package; its line is not recorded, so the result sits at the top of the file.
    const location = locationOf(dossier, roots, a.package.lockfile, 1, `${a.package.name} ${a.package.version}`) ?? declaring;
    const { level } = advisoryLevel(a.severity);
    findings.push({
      ruleId: a.id,
      level,
      message: { text: `${agent.name}: ${a.package.name} ${a.package.version} (${a.package.ecosystem}) is affected by ${a.id}${a.aliases.length ? ` (${a.aliases.join(', ')})` : ''}${a.fixed ? `; fixed in ${a.fixed}` : ''}. ${a.summary}` },
      locations: location ? [location] : [],
      partialFingerprints: fingerprintOf(agent.id, `${a.id}|${a.package.name}@${a.package.version}`, location ?? undefined),
      properties: { ...agentProperties, package: `${a.package.ecosystem}/${a.package.name}@${a.package.version}`, severity: a.severity },
    });
  }
  return findings;
}

/** The overview's definition of failing: the automatic verdict, or a person's "not done". */
export function isFailing(row: ChecklistRow): boolean {
  return row.verdict === 'fail' || row.attestation?.status === 'not-done';
}

function locationOf(dossier: AgentDossier, roots: ScannedRoots, path: string, line: number | undefined, text: string): SarifLocation | null {
  const root = rootOfPath(dossier, path);
  if (root === null) return null;
  return {
    physicalLocation: { artifactLocation: { uri: encodeURI(path), uriBaseId: roots.idOf(root) }, region: { startLine: Math.max(1, line ?? 1) } },
    message: { text },
  };
}

/** The config or code file that declares the agent (its first unit, by path), for findings whose evidence names no file. */
function declaringFileOf(dossier: AgentDossier, roots: ScannedRoots): SarifLocation | null {
  const unit = [...codeSourcesOf(dossier)].sort((a, b) => a.unit.path.localeCompare(b.unit.path) || a.sourceRoot.localeCompare(b.sourceRoot))[0];
  if (!unit) return null;
  return {
    physicalLocation: { artifactLocation: { uri: encodeURI(unit.unit.path), uriBaseId: roots.idOf(unit.sourceRoot) }, region: { startLine: 1 } },
    message: { text: `${dossier.agent.name} is declared here (${unit.unit.kind} ${unit.unit.name}).` },
  };
}

/** Stable across runs and line moves: the agent, the rule and the file, not the line or the wording. */
function fingerprintOf(agentId: string, ruleKey: string, location: SarifLocation | undefined): Record<string, string> {
  const where = location ? `${location.physicalLocation.artifactLocation.uriBaseId}/${location.physicalLocation.artifactLocation.uri}` : '';
  return { [FINGERPRINT_KEY]: createHash('sha256').update(`${agentId}\u0000${ruleKey}\u0000${where}`).digest('hex') };
}

function pascalName(title: string): string {
  return title.replace(/[’']/g, '').split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
