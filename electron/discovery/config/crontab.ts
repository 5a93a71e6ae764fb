import type { ConfigFindings } from '../findings';
import { codePathsInCommand } from './commands';
import type { ConfigContext } from './context';
import { recordEnvEntry } from './env-facts';
import { ConfigSource } from './source';
import { cronTrigger, mergeFacts, newFindings, newUnit, TRIGGER_RULE_OFF, type UnitFacts } from './units';

const ALIAS = /^(@(?:reboot|yearly|annually|monthly|weekly|daily|midnight|hourly))\s+(.+)$/;
/** Digits and cron syntax, or three-letter month and day names: a sentence does not match. */
const FIELD = String.raw`(?:[\d*?/,#LWH-]|[A-Za-z]{3})+`;
const FIVE_FIELDS = new RegExp(String.raw`^(${FIELD}\s+${FIELD}\s+${FIELD}\s+${FIELD}\s+${FIELD})\s+(.+)$`);
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/;

/**
 * crontab files (`crontab -l` output, *.cron, /etc/cron.d/*, /etc/crontab): one unit per job
 * line. System crontabs put a user name before the command.
 */
export function analyzeCrontab(path: string, text: string, ctx: ConfigContext): ConfigFindings | null {
  const src = new ConfigSource(path, text, ctx);
  const systemFormat = /(^|\/)cron\.d\/|(^|\/)etc\/crontab$/.test(path);
  const findings = newFindings(path, 'crontab');
  const fileFacts: UnitFacts = { credentials: findings.credentials, capabilities: [], endpoints: [], llm: [] };
  let zone: string | null = null;

  src.lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const assignment = line.match(ASSIGNMENT);
    if (assignment) {
      const value = assignment[2]!.replace(/^(['"])(.*)\1$/, '$2');
      if (assignment[1] === 'CRON_TZ' || assignment[1] === 'TZ') zone = value;
      else recordEnvEntry(src, fileFacts, { name: assignment[1]!, value, line: i + 1 });
      return;
    }
    const job = line.match(ALIAS) ?? line.match(FIVE_FIELDS);
    if (!job) return;
    const schedule = job[1]!;
    const command = systemFormat ? job[2]!.replace(/^\S+\s+/, '') : job[2]!;
    const evidence = src.evidence('cron.unit.entry', i + 1);
    if (!evidence) return;
    const codePaths = codePathsInCommand(command, '');
    const name = codePaths[0]?.split('/').pop() ?? command.slice(0, 60);
    const trigger = cronTrigger(schedule, src.evidence('cron.trigger.schedule', i + 1), zone) ?? TRIGGER_RULE_OFF;
    const unit = newUnit('scheduled-task', name, path, evidence, trigger);
    unit.runs.push(command);
    unit.codePaths.push(...codePaths);
    findings.units.push(unit);
  });
  if (findings.units.length === 0) return null;
  // Variables set in a crontab apply to the jobs below them; giving them to every job is close enough.
  for (const unit of findings.units) mergeFacts(unit, fileFacts);
  return src.redactFindings(findings);
}
