import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHECKLIST_ITEMS, RISK_TIERS, type RiskTier, type TriageRow } from '../../../shared/checklist';
import { ERROR_CODES } from '../../../shared/errors';
import type { ManifestDiff } from '../../../shared/manifest';
import type { Engine } from '../../api/engine-types';
import type { GateFinding, ManifestGate } from '../../manifest/manifest-gate';
import { CliError, EXIT_FAILURE, EXIT_USAGE, usageError, type CliCommand, type CommandContext } from '../command';
import { callEngine, withWorkspaceArg, workspaceArgPath } from '../engine-session';
import { waitForJob } from '../wait-for-job';

const titleOf = new Map<string, string>(CHECKLIST_ITEMS.map((i) => [i.key, i.title]));


interface TierFailure {
  agentId: string;
  name: string;
  tier: RiskTier;
  score: number;
  reasons: string[];
}

interface CheckResult {
  passed: boolean;
  failOn: RiskTier | null;
  tierFailures: TierFailure[];
  manifest: (ManifestGate & { file: string; diff: ManifestDiff }) | null;
}

/** Why an agent is at its tier, most telling first: what its data reach is, its monitoring gap, then its failing items. */
function reasonsOf(row: TriageRow): string[] {
  const failing = row.failing.slice(0, 3).map((k) => `fails: ${titleOf.get(k) ?? k}`);
  return [row.risk.sensitivityBecause, `monitoring ${row.risk.monitoringBecause}`, ...failing].filter(Boolean);
}

function tierOption(ctx: CommandContext): RiskTier | null {
  const given = ctx.text('fail-on');
  if (given === undefined) return null;
  const tier = RISK_TIERS.find((t) => t === given.toUpperCase());
  if (!tier) throw usageError(`--fail-on takes one of ${RISK_TIERS.join(', ')} (fail when any agent is at that tier or worse), not "${given}".`);
  return tier;
}

async function readManifestFile(ctx: CommandContext): Promise<{ path: string; text: string } | null> {
  const given = ctx.text('manifest');
  if (given === undefined) return null;
  const { MAX_MANIFEST_BYTES } = await import('../../manifest/manifest-yaml');
  const path = resolve(ctx.cwd, given);
  if (!existsSync(path) || !statSync(path).isFile()) throw usageError(`There is no manifest at ${path}. Export one with: agent-triage export --workspace W --format manifest --out agents.yaml`);
  if (statSync(path).size > MAX_MANIFEST_BYTES) throw usageError(`${path} is over the ${MAX_MANIFEST_BYTES / 1_048_576} MB a manifest may be; it is not a manifest this app wrote.`);
  return { path, text: readFileSync(path, 'utf8') };
}

async function scanFirst(engine: Engine, ctx: CommandContext): Promise<void> {
  const dir = ctx.text('scan');
  if (dir === undefined) return;
  const { jobId } = await callEngine(engine, 'startScan', { roots: [resolve(ctx.cwd, dir)] });
  const job = await waitForJob(engine, jobId, ctx);
  if (job.state === 'cancelled') throw new CliError('cancelled', 'The scan was cancelled; nothing was checked.', { exitCode: EXIT_USAGE });
  if (job.state !== 'succeeded') {
    const code = ERROR_CODES.find((c) => c === job.error?.code) ?? 'internal';
    throw new CliError(code, `The scan of ${dir} failed, so nothing was checked: ${job.error?.message ?? 'it ended without a result.'}`, { exitCode: EXIT_USAGE });
  }
}

const findingLines = (title: string, findings: GateFinding[]) => (findings.length === 0 ? [] : [title, ...findings.map((f) => `  ${f.agent}: ${f.what}`)]);

function describeCheck(result: CheckResult): string {
  const lines: string[] = [];
  if (result.failOn) {
    if (result.tierFailures.length === 0) lines.push(`Risk: no agent at ${result.failOn} or worse.`);
    else {
      lines.push(`Risk: ${result.tierFailures.length} ${result.tierFailures.length === 1 ? 'agent is' : 'agents are'} at ${result.failOn} or worse:`);
      for (const f of result.tierFailures) {
        lines.push(`  ${f.tier} ${f.name} (score ${f.score.toFixed(2)})`);
        for (const r of f.reasons) lines.push(`     - ${r}`);
      }
    }
  }
  const m = result.manifest;
  if (m) {
    if (m.failures.length === 0) lines.push(`Manifest ${m.file}: nothing new beyond it.`);
    lines.push(...findingLines(`Manifest ${m.file}: ${m.failures.length} ${m.failures.length === 1 ? 'difference fails' : 'differences fail'} the check (not in the manifest):`, m.failures));
    lines.push(...findingLines('Reported, not failing (removals, reductions and other changes):', m.reported));
  }
  lines.push(result.passed ? 'check passed.' : 'check FAILED.');
  return lines.join('\n');
}

export const checkCommand: CliCommand = {
  words: ['check'],
  summary: 'CI gate: fail when an agent is at a risk tier or worse, or when the workspace has grown beyond an agents manifest',
  options: [
    { name: 'workspace', type: 'string', valueName: 'W', required: true, description: 'Workspace file to check (must exist)' },
    { name: 'fail-on', type: 'string', valueName: 'P0|P1|P2|P3', description: 'Fail when any agent is at this tier or worse (P0 is the worst)' },
    { name: 'manifest', type: 'string', valueName: 'FILE', description: 'Agents manifest (YAML) to compare the workspace against' },
    { name: 'scan', type: 'string', valueName: 'DIR', description: 'Scan this folder into the workspace first, so the comparison sees the code as it is now' },
  ],
  notes: [
    'Give --fail-on, --manifest or both. Against a manifest, a new agent, a new credential, new write access or a new endpoint not in it fails; removals and reductions are reported and pass.',
    'Exit codes: 0 the check passed; 1 the check failed (the summary says which agents and why); 2 a usage or input error (bad option, missing workspace, missing or invalid manifest, failed scan).',
    'With --json: {"ok":true,"value":{passed, failOn, tierFailures, manifest}} when it passes; {"ok":false,"error":{"code":"conflict","details":<the same>}} when it fails.',
    'Example: agent-triage check --workspace review.atw --fail-on P1 --manifest agents.yaml --scan .',
  ],
  async run(ctx) {
    const failOn = tierOption(ctx);
    const manifestFile = await readManifestFile(ctx);
    if (!failOn && !manifestFile) throw usageError('check needs --fail-on P0|P1|P2|P3, --manifest FILE, or both. Run `agent-triage check --help`.');
    const path = workspaceArgPath(ctx);
    if (!existsSync(path)) throw usageError(`There is no workspace at ${path}. Check the path; check reads a workspace and never creates one.`);
    const result = await withWorkspaceArg(ctx, { host: 'cli', openLastWorkspace: false }, { createIfMissing: false }, async (engine): Promise<CheckResult> => {
      await scanFirst(engine, ctx);
      let tierFailures: TierFailure[] = [];
      if (failOn) {
        const worstAllowed = RISK_TIERS.indexOf(failOn);
        const rows = await callEngine(engine, 'triageOverview', {});
        tierFailures = rows.filter((r) => RISK_TIERS.indexOf(r.risk.tier) <= worstAllowed).map((r) => ({ agentId: r.agentId, name: r.name, tier: r.risk.tier, score: r.risk.score, reasons: reasonsOf(r) }));
      }
      let manifest: CheckResult['manifest'] = null;
      if (manifestFile) {
        let diff: ManifestDiff;
        try {
          diff = await callEngine(engine, 'diffManifest', { text: manifestFile.text, fileName: manifestFile.path });
        } catch (err) {
          // A manifest that cannot be read is an input error, not a failed check: the pipeline must say "fix the file", not "fix the agents".
          if (err instanceof CliError) throw new CliError(err.code, err.message, { exitCode: EXIT_USAGE, details: err.details });
          throw err;
        }
        const { manifestGate } = await import('../../manifest/manifest-gate');
        manifest = { file: manifestFile.path, diff, ...manifestGate(diff) };
      }
      return { passed: tierFailures.length === 0 && (manifest?.failures.length ?? 0) === 0, failOn, tierFailures, manifest };
    });
    const text = describeCheck(result);
    if (result.passed) {
      ctx.printResult(result, text);
      return;
    }
    const why = [result.tierFailures.length ? `${result.tierFailures.length} at ${result.failOn} or worse` : '', result.manifest?.failures.length ? `${result.manifest.failures.length} beyond the manifest` : ''].filter(Boolean).join(', ');
    if (!ctx.json) ctx.io.stdout.write(`${text}\n`);
    throw new CliError('conflict', `check failed: ${why}.`, { exitCode: EXIT_FAILURE, details: result });
  },
};
