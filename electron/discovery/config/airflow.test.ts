import { describe, expect, it } from 'vitest';
import { analyzeAirflow } from './airflow';
import { fixture, lineWith, testContext } from './test-support';

const text = fixture('airflow/research_dag.py');

describe('analyzeAirflow', () => {
  it('makes a unit per DAG with its schedule, manual trigger or dataset', () => {
    const units = analyzeAirflow('dags/research_dag.py', text, testContext())!.units;
    expect(units.map((u) => [u.name, u.trigger.kind, u.trigger.description])).toEqual([
      ['daily_market_research', 'cron', 'Every Monday to Friday at 07:00'],
      ['on_demand_review', 'user', 'Triggered by hand, the API or another DAG (schedule=None)'],
      ['summaries_after_ingest', 'chained', 'When s3://lake/tickets/ is updated'],
      ['legacy_cleanup', 'cron', 'Every 6 hours'],
    ]);
    expect(units[0]!.evidence.line).toBe(lineWith(text, 'with DAG('));
    expect(units[0]!.trigger.evidence!.line).toBe(lineWith(text, 'schedule="0 7'));
  });

  it('lists the callables and commands its tasks run', () => {
    const [research, review] = analyzeAirflow('dags/research_dag.py', text, testContext())!.units;
    expect(research!.runs).toEqual(['run_research_agent', 'python scripts/publish_digest.py --channel research']);
    expect(research!.codePaths).toEqual(['dags/research_dag.py', 'dags/scripts/publish_digest.py']);
    expect(review!.runs).toEqual(['review_contract']);
  });

  it('returns null for Python that defines no DAG', () => {
    expect(analyzeAirflow('x.py', 'import airflow\nprint(1)\n', testContext())).toBeNull();
  });
});
