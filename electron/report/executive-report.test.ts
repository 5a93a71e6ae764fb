import { describe, expect, it } from 'vitest';
import type { TriageRow } from '../../shared/checklist';
import type { ExecutiveReport, ReportSettings } from '../../shared/report';
import { createEngine } from '../api/engine';
import { tempDir } from '../store/test-workspace';
import { demoEngineForTests } from '../triage/demo-engine';
import { FILL_HINTS } from './executive-report';

describe('the executive report on the demo engagement', () => {
  const { ids, call, dispatch } = demoEngineForTests('atw-report-demo-');
  /** The report covers the agents the plan covers: dismissed and retired ones are left out. */
  async function inScope(): Promise<string[]> {
    const list = await call<{ rows: Array<{ id: string; status: string }> }>('listAgents', {});
    return list.rows.filter((r) => r.status !== 'dismissed' && r.status !== 'retired').map((r) => r.id);
  }

  it('counts the headline numbers from the same triage the Triage page shows', async () => {
    const report = await call<ExecutiveReport>('executiveReport', {});
    const scope = new Set(await inScope());
    expect(scope.size).toBeLessThan(Object.keys(ids).length);
    const overview = (await call<TriageRow[]>('triageOverview', {})).filter((r) => scope.has(r.agentId));
    const agents = scope.size;
    expect(report.risks.map((r) => r.agentId)).toEqual(overview.map((r) => r.agentId));
    const h = report.headline;
    expect(h.documented.of).toBe(agents);
    expect(h.discovered).toBe(agents + h.awaitingReview);
    expect(h.awaitingReview).toBeGreaterThan(0);
    expect(h.p0).toBe(overview.filter((r) => r.risk.tier === 'P0').length);
    expect(h.p1).toBe(overview.filter((r) => r.risk.tier === 'P1').length);
    expect(h.allFourAnswers.count).toBe(overview.filter((r) => r.answered === 4).length);
    expect(h.sharedCredentials).toBe(overview.filter((r) => r.failing.includes('h48.no-shared-credential')).length);
    expect(h.shellOrArbitraryNetwork).toBe(overview.filter((r) => r.failing.includes('h48.no-shell') || r.failing.includes('h48.no-arbitrary-network')).length);
    expect(h.withOwner.count).toBeGreaterThan(0);
    expect(h.withOwner.count).toBeLessThan(agents);
    // The demo imports LiteLLM and provider logs, some of it on keys nobody accounts for.
    expect(h.unattributedSpend).not.toBeNull();
    expect(h.unattributedSpend!.costUsd).toBeGreaterThan(0);
    expect(h.unattributedSpend!.share).toBeGreaterThan(0);
  });

  it('names the top risks with their blast radius in one line, the cost by agent, and an answer card per agent', async () => {
    const report = await call<ExecutiveReport>('executiveReport', {});
    expect(report.topRisks.length).toBe(Math.min(10, report.risks.length));
    for (const risk of report.topRisks) expect(risk.blastRadius).toMatch(/^(Reaches \d+ data sources? \(\d+ writable\)|Unknown: no cloud identity|Its credentials reach no data source)/);
    expect(report.topRisks.some((r) => r.blastRadius.startsWith('Reaches'))).toBe(true);
    expect(report.cost!.byAgent.length).toBeGreaterThan(0);
    expect(report.cost!.byAgent[0]!.costUsd).toBeGreaterThanOrEqual(report.cost!.byAgent.at(-1)!.costUsd);
    const scope = await inScope();
    expect(report.answerCards.map((c) => c.agentId).sort()).toEqual(scope.sort());
    expect(report.registry).toHaveLength(scope.length);
    expect(report.checklist.items).toHaveLength(8);
    for (const item of report.checklist.items) expect(item.pass + item.fail + item.unknown).toBe(scope.length);
    expect(report.gaps.cost).toBeUndefined();
    // The plan is not started in the demo: the section says how to start it.
    expect(report.plan.startDate).toBeNull();
    expect(report.gaps.plan).toEqual([FILL_HINTS.plan]);
  });

  it('shows the plan progress and burn-up once day 0 is set', async () => {
    const today = new Date().toISOString().slice(0, 10);
    await call('startPlan', { startDate: today });
    const report = await call<ExecutiveReport>('executiveReport', {});
    expect(report.plan.startDate).toBe(today);
    expect(report.plan.open + report.plan.done).toBe(report.plan.phases.reduce((n, p) => n + p.total, 0));
    expect(report.plan.burnUp.at(-1)).toMatchObject({ date: today, scope: report.plan.open + report.plan.done });
    expect(report.gaps.plan).toBeUndefined();
  });

  it('defaults the cover to the demo client, keeps what a person sets and refuses an empty engagement', async () => {
    const before = await call<ReportSettings>('reportSettings', {});
    expect(before).toMatchObject({ client: 'Northwind Pay', confidentiality: 'Confidential', setBy: null });
    const set = await call<ReportSettings>('setReportSettings', { engagement: 'Q3 agent review', client: 'Northwind Pay Ltd', confidentiality: 'Strictly confidential' });
    expect(set).toMatchObject({ engagement: 'Q3 agent review', client: 'Northwind Pay Ltd', confidentiality: 'Strictly confidential', setBy: 'tester' });
    expect((await call<ExecutiveReport>('executiveReport', {})).settings.engagement).toBe('Q3 agent review');
    const bad = await dispatch('setReportSettings', { engagement: '  ', client: '', confidentiality: 'Confidential' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const marking = await dispatch('setReportSettings', { engagement: 'x', client: '', confidentiality: 'Top secret' });
    expect(marking).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('refuses a PDF export on a host without a printer, and an export with no sections', async () => {
    expect(await dispatch('startReportPdf', { sections: ['cover'] })).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringMatching(/cannot print PDFs/) } });
    expect(await dispatch('startReportPdf', { sections: [] })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await dispatch('startReportPdf', { sections: ['cover', 'nonsense'] })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

describe('the executive report on an empty workspace', () => {
  it('says in every section which import or step would fill it', async () => {
    const tmp = tempDir('atw-report-empty-');
    const engine = await createEngine({ homeDir: tmp.file('home'), host: 'test', version: '0.0.0-test', defaultActor: 'tester', openLastWorkspace: false });
    try {
      const ctx = { actor: '', via: 'test' };
      expect((await engine.dispatch('createWorkspace', { path: tmp.file('empty.atw') }, ctx)).ok).toBe(true);
      const result = await engine.dispatch('executiveReport', {}, ctx);
      if (!result.ok) throw new Error(result.error.message);
      const report = result.value as ExecutiveReport;
      expect(report.headline).toMatchObject({ discovered: 0, documented: { count: 0, of: 0 }, p0: 0, p1: 0, unattributedSpend: null });
      expect(report.settings).toMatchObject({ engagement: 'empty', client: '', confidentiality: 'Confidential' });
      expect(report.cost).toBeNull();
      for (const section of ['summary', 'risk-matrix', 'top-risks', 'checklist', 'appendix'] as const) expect(report.gaps[section]).toContain(FILL_HINTS.agents);
      expect(report.gaps.cost).toEqual([FILL_HINTS.usage]);
      expect(report.gaps.plan).toEqual([FILL_HINTS.plan]);
    } finally {
      await engine.close();
      tmp.cleanup();
    }
  });
});
