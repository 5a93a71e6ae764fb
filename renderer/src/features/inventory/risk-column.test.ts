import { createElement, Fragment, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AgentSummary } from '../../../../shared/contract';
import { riskScore, triageRow } from '../../testing/triage-samples';
import { advisoriesColumn, reachColumn, riskColumn } from './AgentTable';

const agent = (id: string) => ({ id }) as AgentSummary;
const html = (node: ReactNode) => renderToStaticMarkup(createElement(Fragment, null, node));

describe('inventory triage columns', () => {
  it('shows the tier badge of an agent the triage overview ranks', () => {
    const column = riskColumn(new Map([['a1', triageRow({ risk: riskScore({ tier: 'P1', score: 0.35 }) })]]), false);
    expect(html(column.render(agent('a1')))).toMatch(/>P1</);
    expect(column.sortKey).toBe('risk');
  });

  it('shows nothing while first read, and a dash when the read failed or does not name the agent', () => {
    for (const column of [riskColumn, reachColumn, advisoriesColumn]) {
      expect(column(null, false).render(agent('a1'))).toBeNull();
      expect(html(column(null, true).render(agent('a1')))).toContain('—');
      expect(html(column(new Map(), false).render(agent('a1')))).toContain('—');
    }
  });

  it('shows what the credentials reach, the writable count and the most sensitive; "Not linked" when no identity is known', () => {
    const reach = (r: Parameters<typeof triageRow>[0]) => html(reachColumn(new Map([['a1', triageRow(r)]]), false).render(agent('a1')));
    expect(reach({ reach: { dataSources: 14, writable: 3, sensitivity: 'restricted' } })).toMatch(/14.*3 write.*restricted/);
    expect(reach({ reach: { dataSources: 2, writable: 0, sensitivity: 'internal' } })).not.toContain('write');
    expect(reach({ reach: { dataSources: null, writable: 0, sensitivity: null } })).toContain('Not linked');
  });

  it('counts advisories with their worst severity, and says None when there are none', () => {
    const advisories = (count: number, worstSeverity: string | null) => html(advisoriesColumn(new Map([['a1', triageRow({ advisories: { count, worstSeverity } })]]), false).render(agent('a1')));
    expect(advisories(2, 'HIGH')).toMatch(/badge--danger.*2 high/);
    expect(advisories(1, 'MODERATE')).toMatch(/badge--warning/);
    expect(advisories(0, null)).toContain('None');
  });
});
