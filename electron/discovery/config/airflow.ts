import type { TriggerFinding } from '../../../shared/discovery';
import type { ConfigFindings, UnitFinding } from '../findings';
import { codePathsInCommand } from './commands';
import type { ConfigContext } from './context';
import { pythonSchedule } from './python-schedules';
import { ConfigSource } from './source';
import { blankComments, bracketGroup, callArguments, stringLiteral } from './text-scan';
import { addUnique, cronTrigger, newFindings, newUnit, noTrigger, trigger, TRIGGER_RULE_OFF } from './units';

const DAG_CALL = /(?<![\w.])(?:models\.)?DAG\s*\(/g;
const DAG_DECORATOR = /@(?:dag|airflow\.decorators\.dag)\s*(\()?/g;
const SCHEDULE_KEYWORDS = ['schedule', 'schedule_interval', 'timetable'];

/** Airflow DAG files, read as text: `DAG(...)`, `with DAG(...)` and `@dag(...)`; one unit per DAG. */
export function analyzeAirflow(path: string, text: string, ctx: ConfigContext): ConfigFindings | null {
  if (!/\bairflow\b/.test(text) || !/\bDAG\s*\(|@dag\b/.test(text)) return null;
  const src = new ConfigSource(path, text, ctx);
  const code = blankComments(text, 'python');
  const dags = [...dagDefinitions(code)].sort((a, b) => a.offset - b.offset);
  const findings = newFindings(path, 'airflow');
  dags.forEach((dag, i) => {
    const evidence = src.evidence('airflow.unit.dag', src.lineOf(dag.offset));
    if (!evidence) return;
    const unit = newUnit('scheduled-task', dag.id, path, evidence, dagTrigger(src, dag.arguments, dag.offset));
    unit.codePaths.push(path);
    // Tasks written between this DAG and the next belong to it: one DAG per file is the norm.
    recordTasks(code.slice(dag.offset, dags[i + 1]?.offset ?? code.length), src.dir, unit);
    findings.units.push(unit);
  });
  return findings.units.length > 0 ? src.redactFindings(findings) : null;
}

interface DagDefinition {
  id: string;
  offset: number;
  arguments: ReturnType<typeof callArguments>;
}

function* dagDefinitions(code: string): Generator<DagDefinition> {
  for (const match of code.matchAll(DAG_CALL)) {
    const call = bracketGroup(code, match.index + match[0].length - 1);
    if (!call) continue;
    const args = callArguments(call.inner);
    const id = stringLiteral(args.keywords.get('dag_id') ?? args.positional[0] ?? '');
    if (id) yield { id, offset: match.index, arguments: args };
  }
  for (const match of code.matchAll(DAG_DECORATOR)) {
    const call = match[1] ? bracketGroup(code, match.index + match[0].length - 1) : null;
    const args = callArguments(call?.inner ?? '');
    const functionName = code.slice(call?.end ?? match.index).match(/\bdef\s+(\w+)/)?.[1];
    const id = stringLiteral(args.keywords.get('dag_id') ?? '') ?? functionName;
    if (id) yield { id, offset: match.index, arguments: args };
  }
}

function dagTrigger(src: ConfigSource, args: DagDefinition['arguments'], offset: number): TriggerFinding {
  const keyword = SCHEDULE_KEYWORDS.find((k) => args.keywords.has(k));
  const value = keyword ? args.keywords.get(keyword)! : null;
  const line = keyword ? src.lineContaining(`${keyword}=`, src.lineOf(offset)) || src.lineOf(offset) : src.lineOf(offset);
  if (value === null) return noTrigger("No schedule argument: Airflow's default is daily before 3.0 and none from 3.0");
  if (value === 'None') return trigger('user', null, 'Triggered by hand, the API or another DAG (schedule=None)', src.evidence('airflow.trigger.manual', line)) ?? TRIGGER_RULE_OFF;
  if (/\b(Dataset|Asset)(Alias)?\s*\(/.test(value)) {
    const datasets = [...value.matchAll(/(?:Dataset|Asset)\s*\(\s*(['"])([^'"]+)\1/g)].map((m) => m[2]!);
    return trigger('chained', datasets.join(', ') || value, `When ${datasets.length ? datasets.join(' and ') : 'its datasets'} ${datasets.length > 1 ? 'are' : 'is'} updated`, src.evidence('airflow.trigger.dataset', line)) ?? TRIGGER_RULE_OFF;
  }
  const schedule = pythonSchedule(value);
  const evidence = src.evidence('airflow.trigger.schedule', line);
  return (schedule.words ? trigger('cron', schedule.expression, schedule.words, evidence) : cronTrigger(schedule.expression, evidence, null)) ?? TRIGGER_RULE_OFF;
}

function recordTasks(code: string, dir: string, unit: UnitFinding): void {
  for (const match of code.matchAll(/\bpython_callable\s*=\s*([\w.]+)/g)) addUnique(unit.runs, match[1]!);
  for (const match of code.matchAll(/@task(?:\.\w+)?(?:\([^)]*\))?\s*\n\s*(?:async\s+)?def\s+(\w+)/g)) addUnique(unit.runs, match[1]!);
  for (const match of code.matchAll(/\bbash_command\s*=\s*(?:f|r)?(['"])(.+?)\1/g)) {
    addUnique(unit.runs, match[2]!);
    addUnique(unit.codePaths, ...codePathsInCommand(match[2]!, dir));
  }
}
