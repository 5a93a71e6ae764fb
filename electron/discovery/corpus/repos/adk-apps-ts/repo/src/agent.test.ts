import { describe, expect, it } from 'vitest';
import { rootAgent } from './agent';

describe('chargeback desk', () => {
  it('hands evidence to the evidence agent', () => {
    expect(rootAgent.subAgents.map((agent) => agent.name)).toEqual(['evidence_agent']);
  });
});
