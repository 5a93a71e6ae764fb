import { posix } from 'node:path';
import type { DiscoveredAgent } from '../../../shared/discovery';
import type { ConfigFindings, UnitFinding } from '../findings';

const SCRIPT_TOKEN = /^[\w./${}-]+\.(sh|bash)$/;

/**
 * A shell script that runs Claude Code headless is an item of its own (config/claude-code.ts)
 * until something is seen running it. The crontab line, workflow step or service that runs it
 * says when: the script takes that unit's trigger and credentials. When that unit is an item
 * itself (a job that also sets a model key), the script is code that unit runs and joins it, as
 * code a unit runs always does: one item, the script among its entry points. Items are removed
 * from `agents` in place.
 */
export function applyShellScriptCallers(configs: ConfigFindings[], agents: DiscoveredAgent[]): void {
  const scripts = agents.filter((agent) => agent.unit.kind === 'code-entry-point' && /\.(sh|bash)$/.test(agent.unit.path));
  if (scripts.length === 0) return;
  const joined = new Set<DiscoveredAgent>();
  for (const unit of configs.flatMap((config) => config.units)) {
    if (unit.kind === 'code-entry-point') continue;
    const run = scriptsRunBy(unit);
    // Most units run no script: the unit's own item is looked for only when one does (a search of every item per unit was a quarter of a large tree's link).
    if (run.length === 0) continue;
    const item = agents.find((agent) => agent.unit.kind === unit.kind && agent.unit.path === unit.path && agent.unit.name === unit.name);
    for (const script of scripts) {
      // Crontabs name scripts where they are installed (/opt/app/scripts/x.sh): a path ending in the script's path is it.
      if (!run.some((path) => path === script.unit.path || path.endsWith(`/${script.unit.path}`))) continue;
      if (item) {
        joinScript(item, script);
        joined.add(script);
        continue;
      }
      script.trigger = { ...unit.trigger, description: `${unit.trigger.description} (${unit.name} runs this script)` };
      for (const credential of unit.credentials) if (!script.credentials.some((c) => c.kind === credential.kind && c.name === credential.name)) script.credentials.push(credential);
    }
  }
  for (let i = agents.length - 1; i >= 0; i--) if (joined.has(agents[i]!)) agents.splice(i, 1);
}

function joinScript(item: DiscoveredAgent, script: DiscoveredAgent): void {
  if (!item.entryPoints.includes(script.unit.path)) item.entryPoints.push(script.unit.path);
  for (const use of script.llm) if (!item.llm.some((l) => l.provider === use.provider && l.sdk === use.sdk)) item.llm.push(use);
  for (const capability of script.capabilities) if (!item.capabilities.some((c) => c.kind === capability.kind && c.detail === capability.detail)) item.capabilities.push(capability);
  for (const input of script.untrustedInputs ?? []) if (!(item.untrustedInputs ??= []).some((i) => i.kind === input.kind && i.detail === input.detail)) item.untrustedInputs.push(input);
  if (item.classification === 'llm-call') item.classification = 'agent';
}

/** Script paths a unit's commands name, relative to the scanned root and as written. */
function scriptsRunBy(unit: UnitFinding): string[] {
  const dir = posix.dirname(unit.path);
  const repoRoot = unit.path.includes('.github/') ? unit.path.slice(0, unit.path.indexOf('.github/')) : '';
  return unit.runs.flatMap((command) =>
    command
      .split(/\s+/)
      .map((token) => token.replace(/^["']|["']$/g, ''))
      .filter((token) => SCRIPT_TOKEN.test(token) && !token.includes('$'))
      .flatMap((token) => {
        const clean = token.replace(/^\.\//, '');
        return [posix.normalize(posix.join(repoRoot || '.', clean)), posix.normalize(posix.join(dir, clean)), clean];
      }),
  );
}
