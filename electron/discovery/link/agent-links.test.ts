import { describe, expect, it } from 'vitest';
import type { DiscoveredAgent } from '../../../shared/discovery';
import { linkAgents, pruneLinks } from './agent-links';

const item = (key: string): DiscoveredAgent =>
  ({ identityKey: key, name: key.toUpperCase() }) as DiscoveredAgent;

describe('links between discovered items', () => {
  it('ties both sides with reverse relations, each link once', () => {
    const supervisor = item('sup');
    const worker = item('work');
    linkAgents(supervisor, worker, 'sub-agent', null);
    linkAgents(supervisor, worker, 'sub-agent', null);
    expect(supervisor.links).toEqual([{ identityKey: 'work', name: 'WORK', relation: 'sub-agent', evidence: null }]);
    expect(worker.links).toEqual([{ identityKey: 'sup', name: 'SUP', relation: 'parent', evidence: null }]);
  });

  it('never links an item to itself and drops links to items no longer listed', () => {
    const a = item('a');
    linkAgents(a, a, 'handoff-to', null);
    expect(a.links).toBeUndefined();
    const b = item('b');
    const gone = item('gone');
    linkAgents(a, b, 'handoff-to', null);
    linkAgents(a, gone, 'mcp-server', null);
    pruneLinks([a, b]);
    expect(a.links?.map((l) => [l.identityKey, l.relation])).toEqual([['b', 'handoff-to']]);
    expect(b.links?.map((l) => [l.identityKey, l.relation])).toEqual([['a', 'handoff-from']]);
  });
});
