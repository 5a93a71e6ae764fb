import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute, type Route } from './routes';

describe('hash routes', () => {
  it.each<[string, Route]>([
    ['', { page: 'inventory' }],
    ['#/inventory', { page: 'inventory' }],
    ['#/?activity=ghost', { page: 'inventory', activity: 'ghost' }],
    ['#/inventory?activity=not-observed', { page: 'inventory', activity: 'not-observed' }],
    ['#/inventory?x=1&activity=dormant', { page: 'inventory', activity: 'dormant' }],
    ['#/?activity=haunted', { page: 'inventory' }],
    ['#/?activity=', { page: 'inventory' }],
    ['#/agents/a1?activity=ghost', { page: 'agent', agentId: 'a1' }],
    ['#/agents/new', { page: 'new-agent' }],
    ['#/agents/a%2F1', { page: 'agent', agentId: 'a/1' }],
    ['#/agents/a%2F1/edit', { page: 'agent', agentId: 'a/1', edit: true }],
    ['#/agents/a1/elsewhere', { page: 'inventory' }],
    ['#/blast-radius', { page: 'blast-radius', tab: 'agents', subject: null }],
    ['#/blast-radius/agent', { page: 'blast-radius', tab: 'agents', subject: null }],
    ['#/blast-radius/agent/a%2F1', { page: 'blast-radius', tab: 'agents', subject: { kind: 'agent', agentId: 'a/1' } }],
    ['#/blast-radius/data', { page: 'blast-radius', tab: 'data-sources', subject: null }],
    [
      '#/blast-radius/data/arn%3Aaws%3As3%3A%3A%3Apayments-prod',
      { page: 'blast-radius', tab: 'data-sources', subject: { kind: 'data-source', key: 'arn:aws:s3:::payments-prod' } },
    ],
    ['#/blast-radius/data/%E0%A4%A', { page: 'blast-radius', tab: 'data-sources', subject: null }],
    ['#/blast-radius/elsewhere/x', { page: 'blast-radius', tab: 'agents', subject: null }],
    ['#/usage', { page: 'usage', tab: 'overview' }],
    ['#/usage/keys', { page: 'usage', tab: 'keys' }],
    ['#/usage/prices', { page: 'usage', tab: 'prices' }],
    ['#/usage/budgets', { page: 'usage', tab: 'budgets' }],
    ['#/usage/overview', { page: 'usage', tab: 'overview' }],
    ['#/usage/elsewhere', { page: 'usage', tab: 'overview' }],
    ['#/usage/keys/x', { page: 'usage', tab: 'overview' }],
    ['#/triage', { page: 'triage', agentId: null }],
    ['#/triage/a%2F1', { page: 'triage', agentId: 'a/1' }],
    ['#/triage/%E0%A4%A', { page: 'triage', agentId: null }],
    ['#/triage/a/b', { page: 'triage', agentId: null }],
    ['#/triage?view=irreversible', { page: 'triage', agentId: null, view: 'irreversible' }],
    ['#/triage?view=elsewhere', { page: 'triage', agentId: null }],
    ['#/plan', { page: 'plan' }],
    ['#/exports', { page: 'exports' }],
    ['#/exports/sarif', { page: 'inventory' }],
    ['#/reports', { page: 'reports' }],
    ['#/report/print', { page: 'report-print', sections: ['cover', 'summary', 'risk-matrix', 'top-risks', 'checklist', 'plan', 'cost', 'appendix'] }],
    ['#/report/print?sections=appendix,cover,nonsense', { page: 'report-print', sections: ['cover', 'appendix'] }],
    ['#/report/print?sections=nonsense', { page: 'report-print', sections: [] }],
    ['#/discovery', { page: 'discovery' }],
    ['#/discovery/repo%3Ak8s-cronjob%3Ak8s%2Fcronjob.yaml', { page: 'candidate', identityKey: 'repo:k8s-cronjob:k8s/cronjob.yaml' }],
    ['#/discovery/%E0%A4%A', { page: 'discovery' }],
    ['#/nowhere', { page: 'inventory' }],
    ['#/agents/%E0%A4%A', { page: 'inventory' }],
  ])('parses %s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('round-trips every route through its href', () => {
    const routes: Route[] = [{ page: 'inventory' }, { page: 'inventory', activity: 'ghost' }, { page: 'inventory', activity: 'not-observed' }, { page: 'new-agent' }, { page: 'agent', agentId: 'agent 7/x' }, { page: 'agent', agentId: 'agent 7/x', edit: true }, { page: 'triage', agentId: null, view: 'irreversible' }, { page: 'plan' }, { page: 'exports' }, { page: 'reports' }, { page: 'report-print', sections: ['summary', 'cost'] }, { page: 'triage', agentId: null }, { page: 'triage', agentId: 'agent 7/x' }, { page: 'usage', tab: 'overview' }, { page: 'usage', tab: 'keys' }, { page: 'usage', tab: 'prices' }, { page: 'usage', tab: 'budgets' }, { page: 'discovery' }, { page: 'candidate', identityKey: 'a b/c#d?e' },
      { page: 'blast-radius', tab: 'agents', subject: null },
      { page: 'blast-radius', tab: 'data-sources', subject: null },
      { page: 'blast-radius', tab: 'agents', subject: { kind: 'agent', agentId: 'agent 7/x' } },
      { page: 'blast-radius', tab: 'data-sources', subject: { kind: 'data-source', key: 'projects/p/datasets/x#y?z/ü' } },
    ];
    for (const route of routes) expect(parseRoute(hrefOf(route))).toEqual(route);
  });
});
