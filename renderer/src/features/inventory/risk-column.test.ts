import { createElement, Fragment, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AgentSummary } from '../../../../shared/contract';
import { riskScore } from '../../testing/triage-samples';
import { riskColumn } from './AgentTable';

const agent = (id: string) => ({ id }) as AgentSummary;
const html = (node: ReactNode) => renderToStaticMarkup(createElement(Fragment, null, node));

describe('inventory risk column', () => {
  it('shows the tier badge of an agent the triage overview ranks', () => {
    const column = riskColumn(new Map([['a1', riskScore({ tier: 'P1', score: 0.35 })]]), false);
    expect(html(column.render(agent('a1')))).toMatch(/>P1</);
  });

  it('shows nothing while first read, and a dash when the read failed or does not name the agent', () => {
    expect(riskColumn(null, false).render(agent('a1'))).toBeNull();
    expect(html(riskColumn(null, true).render(agent('a1')))).toContain('—');
    expect(html(riskColumn(new Map(), false).render(agent('a1')))).toContain('—');
  });
});
